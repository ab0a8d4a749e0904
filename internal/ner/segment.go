package ner

import (
	"strings"
	"unicode/utf8"
)

// proclitics are normalised prefix clusters (conjunction, preposition,
// article), longest first so the first match is the longest.
var proclitics = []string{
	"وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
	"و", "ف", "ب", "ل", "ك",
}

// segmentNorm splits a normalised word into its proclitic cluster and stem.
// It is deliberately light: names often begin with letters that look like
// clitics («فرنسا», «بغداد»), so the model sees both the whole word and the
// stem and learns which to trust. A clitic is only split when at least three
// letters remain (two after the article).
func segmentNorm(norm string) (proc, stem string) {
	for _, p := range proclitics {
		if !strings.HasPrefix(norm, p) {
			continue
		}
		rest := norm[len(p):]
		min := 3
		if strings.HasSuffix(p, "ال") || strings.HasSuffix(p, "لل") {
			min = 2
		}
		if utf8.RuneCountInString(rest) >= min {
			return p, rest
		}
	}
	return "", norm
}
