// Package arabic is marsad's Arabic language core: normalisation for matching,
// tokenisation with clitic segmentation, sentence splitting, and readers for
// numbers and date expressions. It knows nothing about news or conflict.
//
// Offsets everywhere in this package count Unicode code points, never bytes.
package arabic

import (
	"strings"
	"unicode/utf8"
)

// foldRune maps one code point to its matching form. It returns -1 for code
// points that are dropped (diacritics, tatweel, invisible format marks).
func foldRune(r rune) rune {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED:
		return -1 // harakat, shadda, sukun, superscript alef, Quranic marks
	case r == 0x0640:
		return -1 // tatweel
	case r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F, r == 0xFEFF,
		r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x061C:
		return -1 // joiners and bidi controls
	case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ', r == 'ٲ', r == 'ٳ':
		return 'ا'
	case r == 'ى', r == 'ی', r == 'ې':
		return 'ي'
	case r == 'ة':
		return 'ه'
	case r == 'ؤ':
		return 'و'
	case r == 'ئ':
		return 'ي'
	case r == 'ک':
		return 'ك'
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	}
	return r
}

// Normalize returns the matching form of s: diacritics, tatweel and invisible
// marks removed; alef, yaa, taa marbuta and hamza seats unified; Arabic-Indic
// digits made ASCII; Latin lower-cased. Two spellings of the same word
// («قُوّاتُ», «قوات») normalise to the same string.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f := foldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// RuneLen is the length of s in code points, the unit of every offset.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }
