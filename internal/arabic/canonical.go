package arabic

import (
	"strings"
	"unicode/utf8"
)

// typo is a frequent misspelling and its correct normalised form.
type typo struct {
	to string
	// bareAlef is the code-point index of an alef in the misspelling that
	// must have been written without hamza for the correction to apply
	// («هدا» is a typo of «هذا», but «هدأ» is a word), or -1.
	bareAlef int
}

// typos maps misspellings that are common in scraped Arabic text and that
// mean nothing else, in normalised form. Normalize already unifies ة/ه and
// ى/ي, so only other confusions are listed: ذ written د, hamza seats.
var typos = map[string]typo{
	"هدا":     {"هذا", 2},
	"هده":     {"هذه", -1},
	"هادا":    {"هذا", 3},
	"هاذا":    {"هذا", 3},
	"هاذه":    {"هذه", -1},
	"الدي":    {"الذي", -1},
	"اللدي":   {"الذي", -1},
	"اللذي":   {"الذي", -1},
	"اللتي":   {"التي", -1},
	"ذالك":    {"ذلك", -1},
	"كدلك":    {"كذلك", -1},
	"لدلك":    {"لذلك", -1},
	"بدلك":    {"بذلك", -1},
	"هكدا":    {"هكذا", 3},
	"لاكن":    {"لكن", -1},
	"مسيول":   {"مسوول", -1},
	"مسيوله":  {"مسووله", -1},
	"مسيولون": {"مسوولون", -1},
	"مسيولين": {"مسوولين", -1},
	"مسيوليه": {"مسووليه", -1},
	"شيون":    {"شوون", -1},
	// A dot lost from ج: «الحيش» for «الجيش»; «حيش» means nothing in news.
	"حيش":  {"جيش", -1},
	"حيوش": {"جيوش", -1},
}

// Canonical returns the normalised form of a word (as written or already
// normalised) with frequent unambiguous misspellings corrected: «هدا» →
// "هذا", «الدى» → "الذي", «مسئول» → "مسوول" (the same as «مسؤول»).
// Ambiguous ones are left alone: «الدين» may be «الذين» or «الدين» (the
// religion). Clitics are not split; Tokenize applies the same corrections to
// each token's stem.
func Canonical(word string) string {
	var b strings.Builder
	norm, h := foldWord(word, &b)
	return canonicalIn(norm, h, 0)
}

// canonicalIn corrects w, whose first code point is code point at of the
// word the hints h were read from.
func canonicalIn(w string, h hints, at int) string {
	t, ok := typos[w]
	if !ok {
		return w
	}
	if t.bareAlef >= 0 && h.hamzaAt(at+t.bareAlef) {
		return w
	}
	return t.to
}

// typoLeads holds the first two bytes of every misspelling, so that almost
// every stem is cleared without a map lookup.
var typoLeads = func() map[[2]byte]bool {
	m := map[[2]byte]bool{}
	for w := range typos {
		m[[2]byte{w[0], w[1]}] = true
	}
	return m
}()

// typoLead is typoLeads as a bitmap over the second byte of two-byte
// sequences led by 0xD8 or 0xD9 (U+0600–U+067F).
var typoLead = func() (t [2][64]bool) {
	for k := range typoLeads {
		if k[0] == 0xD8 || k[0] == 0xD9 {
			t[k[0]-0xD8][k[1]&0x3F] = true
		}
	}
	return t
}()

// mayBeTypo is a cheap test that rules out most stems before the lookup.
func mayBeTypo(stem string) bool {
	if len(stem) < 6 || len(stem) > 14 || stem[0] < 0xD8 || stem[0] > 0xD9 {
		return false
	}
	return typoLead[stem[0]-0xD8][stem[1]&0x3F]
}

// canonicalStem corrects the stem chosen for the normalised word norm.
func (l *Lexicon) canonicalStem(stem string, h hints, norm string) string {
	if !mayBeTypo(stem) {
		return stem
	}
	if _, ok := typos[stem]; !ok {
		return stem
	}
	at := 0
	if i := strings.LastIndex(norm, stem); i >= 0 {
		at = utf8.RuneCountInString(norm[:i])
	}
	return canonicalIn(stem, h, at)
}
