package ner

import "strings"

// Entity types the model knows, in label-index order.
var entityTypes = [...]string{"PERS", "LOC", "ORG", "MISC"}

// The model labels words with BIOES tags (Begin, Inside, End of a name of
// several words, Single-word name, O outside), which let it learn how names
// end as well as how they begin; the tags it reports are BIO, as ANERcorp
// and conlleval use. Label 0 is O; then each type has four labels in the
// order of these parts.
const (
	partB = iota
	partI
	partE
	partS
	partsPerType
)

// numLabels is O plus four labels per entity type.
const numLabels = 1 + partsPerType*len(entityTypes)

// labelNames maps a label index to its BIOES name: "O", "B-PERS", "I-PERS",
// "E-PERS", "S-PERS", "B-LOC"...
var labelNames = func() [numLabels]string {
	var names [numLabels]string
	names[0] = "O"
	for i, t := range entityTypes {
		for p, prefix := range [partsPerType]string{"B-", "I-", "E-", "S-"} {
			names[1+partsPerType*i+p] = prefix + t
		}
	}
	return names
}()

// bioNames maps a label index to the BIO tag it is reported as: B and S
// begin a name, I and E continue one.
var bioNames = func() [numLabels]string {
	var names [numLabels]string
	names[0] = "O"
	for l := 1; l < numLabels; l++ {
		t := entityTypes[typeOf(l)-1]
		if p := partOf(l); p == partB || p == partS {
			names[l] = "B-" + t
		} else {
			names[l] = "I-" + t
		}
	}
	return names
}()

// label returns the label of part p of entity type index t (0-based).
func label(t, p int) int { return 1 + partsPerType*t + p }

// typeOf maps a label to its entity type index plus one (0 for O).
func typeOf(l int) int {
	if l == 0 {
		return 0
	}
	return 1 + (l-1)/partsPerType
}

// partOf returns the BIOES part of an entity label.
func partOf(l int) int { return (l - 1) % partsPerType }

// opensName reports whether label l leaves a name open, to be continued by
// the next word (B or I).
func opensName(l int) bool {
	return l > 0 && (partOf(l) == partB || partOf(l) == partI)
}

// allowed reports whether label cur may follow label prev under BIOES: an
// I-X or E-X continues only a B-X or I-X, and a B-X or I-X must be
// continued. prev < 0 means the sentence start.
func allowed(prev, cur int) bool {
	if cur > 0 && (partOf(cur) == partI || partOf(cur) == partE) {
		return prev > 0 && opensName(prev) && typeOf(prev) == typeOf(cur)
	}
	return prev < 0 || !opensName(prev)
}

// final reports whether a sentence may end with label l.
func final(l int) bool { return !opensName(l) }

// bioLabels returns the BIOES labels of BIO tags, or the index of the
// first tag it does not know. An I- that cannot continue the label before
// it is read as a B-, as conlleval reads it.
func bioLabels(tags []string) ([]int, int) {
	out := make([]int, len(tags))
	types := make([]int, len(tags)) // entity type index + 1, 0 for O
	begins := make([]bool, len(tags))
	for i, tag := range tags {
		prefix, typ := splitTag(tag)
		if prefix == "O" {
			continue
		}
		t := -1
		for k, et := range entityTypes {
			if et == typ {
				t = k
			}
		}
		if t < 0 || (prefix != "B" && prefix != "I") {
			return nil, i
		}
		types[i] = t + 1
		begins[i] = prefix == "B" || i == 0 || types[i-1] != t+1
	}
	for i, t := range types {
		if t == 0 {
			continue
		}
		continues := i+1 < len(types) && types[i+1] == t && !begins[i+1]
		switch {
		case begins[i] && continues:
			out[i] = label(t-1, partB)
		case begins[i]:
			out[i] = label(t-1, partS)
		case continues:
			out[i] = label(t-1, partI)
		default:
			out[i] = label(t-1, partE)
		}
	}
	return out, -1
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
