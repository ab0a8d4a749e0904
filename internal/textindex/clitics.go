package textindex

import "strings"

// Clitics are matched on normalised text, so «ة» is already «ه» and every
// alef is bare.

// articlePrefixes end in the definite article; they are split off whenever at
// least minArticleStem letters remain, longest first.
var articlePrefixes = []string{"وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"}

// particlePrefixes are conjunctions and prepositions that may also be a
// word's first letters, so the word is indexed both with and without them.
var particlePrefixes = []string{"وب", "وك", "ول", "فب", "فك", "فل", "و", "ف", "ب", "ك", "ل"}

// pronounSuffixes are attached pronouns that are rarely a word's last letters
// and are indexed as an extra reading. «ه» and «ي» are left out: after
// normalisation «ه» is also taa marbuta and «ي» the nisba ending.
var pronounSuffixes = []string{"هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا"}

const (
	minArticleStem  = 2
	minParticleStem = 3
	minPronounStem  = 3
)

// arabicForms returns the readings of a normalised Arabic word, the most
// segmented first, without duplicates.
func arabicForms(n string) []string {
	var bases []string
	if rest, ok := cutArticle(n); ok {
		bases = []string{rest}
	} else {
		bases = []string{n}
		for _, p := range particlePrefixes {
			if rest, ok := strings.CutPrefix(n, p); ok && runeCount(rest) >= minParticleStem {
				bases = append([]string{rest}, bases...)
				break
			}
		}
	}
	var forms []string
	add := func(f string) {
		for _, g := range forms {
			if g == f {
				return
			}
		}
		forms = append(forms, f)
	}
	for _, b := range bases {
		for _, s := range pronounSuffixes {
			if rest, ok := strings.CutSuffix(b, s); ok && runeCount(rest) >= minPronounStem {
				add(rest)
				break
			}
		}
		add(b)
	}
	return forms
}

// cutArticle removes the longest article-bearing prefix that leaves a stem.
func cutArticle(n string) (string, bool) {
	for _, p := range articlePrefixes {
		if rest, ok := strings.CutPrefix(n, p); ok && runeCount(rest) >= minArticleStem {
			return rest, true
		}
	}
	return n, false
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
