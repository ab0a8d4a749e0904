package ner

import "strings"

// Entity types the model knows, in label-index order.
var entityTypes = [...]string{"PERS", "LOC", "ORG", "MISC"}

// numLabels is O plus a B- and an I- label per entity type.
const numLabels = 1 + 2*len(entityTypes)

// labelNames maps a label index to its BIO tag: 0 is O, then B-/I- pairs.
var labelNames = func() [numLabels]string {
	var names [numLabels]string
	names[0] = "O"
	for i, t := range entityTypes {
		names[1+2*i] = "B-" + t
		names[2+2*i] = "I-" + t
	}
	return names
}()

// labelIndex returns the index of a BIO tag, or -1 if the tag is unknown.
func labelIndex(tag string) int {
	for i, n := range labelNames {
		if n == tag {
			return i
		}
	}
	return -1
}

// isInside reports whether label l is an I- label.
func isInside(l int) bool { return l > 0 && l%2 == 0 }

// allowed reports whether label cur may follow label prev under BIO: an I-X
// continues only a B-X or I-X. prev < 0 means the sentence start.
func allowed(prev, cur int) bool {
	if !isInside(cur) {
		return true
	}
	return prev == cur || prev == cur-1
}

// splitTag splits a BIO tag into its prefix ("B", "I", "O") and entity type.
func splitTag(tag string) (prefix, typ string) {
	if tag == "" || tag == "O" {
		return "O", ""
	}
	if i := strings.IndexByte(tag, '-'); i >= 0 {
		return tag[:i], tag[i+1:]
	}
	return tag, ""
}
