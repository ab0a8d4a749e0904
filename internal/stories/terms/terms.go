// Package terms cuts normalised Arabic text into the words that cross-document
// comparison works on: every word in order (for shingles) and content words
// with their proclitics stripped (for term weighting). It allocates nothing
// per word: words are substrings of the normalised text.
package terms

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Each calls fn with every word of norm, a text already passed through
// arabic.Normalize, in order. A word is a run of letters and digits; all else
// (spaces, punctuation, quotes, symbols) separates words.
func Each(norm string, fn func(word string)) {
	start := -1
	for i := 0; i < len(norm); {
		c := norm[i]
		var inWord bool
		size := 1
		switch {
		case c < utf8.RuneSelf:
			inWord = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
		case (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) && i+1 < len(norm) && norm[i+1]&0xC0 == 0x80:
			// Two-byte sequences D8 80 – DB BF are the Arabic block.
			inWord = arabicWordRune[(rune(c&0x1F)<<6|rune(norm[i+1]&0x3F))&0xFF]
			size = 2
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(norm[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if inWord {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(norm[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(norm[start:])
	}
}

// arabicWordRune says which code points of the Arabic block U+0600–U+06FF
// belong in words, by their low byte.
var arabicWordRune = func() (t [256]bool) {
	for i := range t {
		r := rune(0x600 + i)
		t[i] = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
	}
	return t
}()

// Normalised proclitic forms; alef variants are already folded to «ا».
const (
	article = "ال"
	lam     = "ل"
)

// Stem strips the proclitics that come before the definite article
// («والجيش», «بالمدينة», «للقوات» → «جيش», «مدينه», «قوات») so that inflected
// forms of a word count as one term. A conjunction or preposition is stripped
// only in front of the article, where it cannot be the word's first root
// letter; «وزير» stays «وزير».
func Stem(w string) string {
	rest := w
	if r, n := utf8.DecodeRuneInString(rest); r == 'و' || r == 'ف' {
		if strings.HasPrefix(rest[n:], article) || strings.HasPrefix(rest[n:], lam+lam) ||
			hasPrepArticle(rest[n:]) {
			rest = rest[n:]
		}
	}
	if hasPrepArticle(rest) {
		_, n := utf8.DecodeRuneInString(rest)
		rest = rest[n:]
	}
	switch {
	case strings.HasPrefix(rest, lam+lam) && utf8.RuneCountInString(rest) > 4:
		// «للقوات»: the preposition with the article's alef elided.
		rest = rest[2*len(lam):]
	case strings.HasPrefix(rest, article) && utf8.RuneCountInString(rest) > 3:
		rest = rest[len(article):]
	}
	if utf8.RuneCountInString(rest) < 2 {
		return w
	}
	return rest
}

// hasPrepArticle reports a preposition («ب», «ك», «ل») directly before «ال».
func hasPrepArticle(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return (r == 'ب' || r == 'ك' || r == 'ل') && strings.HasPrefix(s[n:], article) && utf8.RuneCountInString(s) > 4
}

// IsStop reports whether the normalised word w is a function word that says
// nothing about which story a text belongs to.
func IsStop(w string) bool {
	if len(w) > maxStopBytes {
		return false
	}
	_, ok := stopwords[w]
	return ok
}

// ContentStem returns the stem of w, a normalised word, and whether it is a
// content word: stop words, single letters and one-digit numbers are not.
func ContentStem(w string) (string, bool) {
	if IsStop(w) {
		return "", false
	}
	s := Stem(w)
	if utf8.RuneCountInString(s) < 2 || len(s) != len(w) && IsStop(s) {
		return "", false
	}
	return s, true
}

// Content calls fn with the stem of every content word of norm.
func Content(norm string, fn func(stem string)) {
	Each(norm, func(w string) {
		if s, ok := ContentStem(w); ok {
			fn(s)
		}
	})
}

// stopwords holds the normalised forms of stopList.
var stopwords = func() map[string]struct{} {
	m := make(map[string]struct{}, len(stopList))
	for _, w := range stopList {
		n := arabic.Normalize(w)
		m[n] = struct{}{}
		maxStopBytes = max(maxStopBytes, len(n))
	}
	return m
}()

// maxStopBytes is the length of the longest stop word: longer words need no
// lookup.
var maxStopBytes int
