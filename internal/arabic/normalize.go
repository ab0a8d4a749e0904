package arabic

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	drop   = -1 // the code point disappears in the matching form
	expand = -2 // the code point is a presentation form; see presForms
)

// fold06 is foldRune precomputed for the Arabic block U+0600–U+06FF, which is
// where almost every code point of Arabic text lives. It is a variable
// initialiser, not an init function, so that other files' init functions
// can already normalise.
var fold06 = func() (t [256]rune) {
	for i := range t {
		t[i] = foldSlow(rune(0x600 + i))
	}
	return t
}()

// foldRune maps one code point to its matching form: the folded rune, drop,
// or expand.
func foldRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	if r>>8 == 0x06 {
		return fold06[r&0xFF]
	}
	return foldSlow(r)
}

// foldSlow is the definition of the matching form, one code point at a time.
// The Arabic block goes through the fold06 table built from it.
func foldSlow(r rune) rune {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED,
		r >= 0x0610 && r <= 0x061A, r >= 0x08D3 && r <= 0x08FF:
		return drop // harakat, shadda, sukun, dagger alef, Quranic and honorific marks
	case r == 0x0640:
		return drop // tatweel
	case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F, r == 0xFEFF,
		r == 0x00AD, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x061C:
		return drop // zero-width marks, soft hyphen, bidi controls
	case r >= presFirst && r <= presLast:
		if presForms[r-presFirst] != "" {
			return expand
		}
		return r
	}
	if f, ok := letterFold[r]; ok {
		return f
	}
	switch {
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	case r < 0x0530 && unicode.IsUpper(r):
		return unicode.ToLower(r)
	}
	return r
}

// letterFold unifies the spellings of a letter: hamza seats and alef forms,
// alef maqsura and taa marbuta, and the Persian, Urdu and Maghrebi letters
// that Arabic text borrows for foreign names (گ for g, ڤ for v, پ for p).
var letterFold = map[rune]rune{
	'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', 'ٵ': 'ا',
	'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ئ': 'ي', 'ٸ': 'ي', 'ۍ': 'ي', 'ێ': 'ي',
	'ۑ': 'ي', 'ے': 'ي', 'ۓ': 'ي',
	'ة': 'ه', 'ۃ': 'ه', 'ھ': 'ه', 'ہ': 'ه', 'ۂ': 'ه', 'ە': 'ه', 'ۀ': 'ه',
	'ؤ': 'و', 'ٶ': 'و', 'ٷ': 'و', 'ۄ': 'و', 'ۅ': 'و', 'ۆ': 'و', 'ۇ': 'و',
	'ۈ': 'و', 'ۉ': 'و', 'ۊ': 'و', 'ۋ': 'و', 'ۏ': 'و',
	'ک': 'ك', 'ڪ': 'ك', 'ګ': 'ك', 'ڬ': 'ك', 'ڭ': 'ك', 'ڮ': 'ك', 'گ': 'ك',
	'ڰ': 'ك', 'ڱ': 'ك', 'ڲ': 'ك', 'ڳ': 'ك', 'ڴ': 'ك',
	'پ': 'ب', 'ٻ': 'ب', 'ڀ': 'ب', 'ٮ': 'ب',
	'چ': 'ج', 'ڃ': 'ج', 'ڄ': 'ج', 'ڇ': 'ج',
	'ژ': 'ز', 'ڗ': 'ز',
	'ڤ': 'ف', 'ڥ': 'ف', 'ڢ': 'ف', 'ڡ': 'ف', 'ڦ': 'ف',
	'ڨ': 'ق', 'ٯ': 'ق', 'ڧ': 'ق',
	'ٹ': 'ت', 'ٺ': 'ت', 'ٽ': 'ت', 'ٿ': 'ت',
	'ڈ': 'د', 'ڑ': 'ر', 'ں': 'ن', 'ڻ': 'ن',
	'٪': '%', '٫': '.', '٬': ',',
}

// Normalize returns the matching form of s: diacritics, tatweel and invisible
// marks removed; alef, yaa, taa marbuta and hamza seats unified; Persian and
// Maghrebi letter variants mapped to their Arabic base letter; presentation
// forms and ligatures (ﻻ, ﷲ) spelled out; Arabic-Indic digits and their
// separators made ASCII; Latin lower-cased. Two spellings of the same word
// («قُوّاتُ», «قوات») normalise to the same string.
//
// When s is already in matching form, Normalize returns s itself without
// allocating.
func Normalize(s string) string {
	i := firstChange(s)
	if i == len(s) {
		return s
	}
	out := make([]byte, i, len(s)+8)
	copy(out, s[:i])
	return string(appendFolded(out, s[i:]))
}

// AppendNormalized appends Normalize(s) to dst: for callers that hash or
// scan the normal form and need no string of it.
func AppendNormalized(dst []byte, s string) []byte {
	i := firstChange(s)
	dst = append(dst, s[:i]...)
	if i == len(s) {
		return dst
	}
	return appendFolded(dst, s[i:])
}

// firstChange returns the byte index of the first code point of s that
// Normalize changes, or len(s) when there is none.
func firstChange(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if 'A' <= c && c <= 'Z' {
				return i
			}
			i++
			continue
		}
		if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB) && i+1 < len(s) {
			// Two-byte sequences D8 80 – DB BF are exactly U+0600–U+06FF.
			c2 := s[i+1]
			if c2&0xC0 == 0x80 {
				r := rune(c&0x1F)<<6 | rune(c2&0x3F)
				if fold06[r&0xFF] != r {
					return i
				}
				i += 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		if foldRune(r) != r {
			return i
		}
		i += n
	}
	return len(s)
}

// maxExpansion bounds the bytes one code point of the source can become:
// the longest spelled-out ligature, «ﷺ», is 18 code points.
const maxExpansion = 64

// appendFolded appends the matching form of s to out. Two-byte sequences,
// which is what Arabic letters and marks are, are folded through fold06
// without decoding, and written by index into room made once: the form is
// never longer than s but for spelled-out ligatures, which make more room.
func appendFolded(out []byte, s string) []byte {
	out = slices.Grow(out, len(s)+utf8.UTFMax)
	buf := out[:cap(out)]
	j := len(out)
	for i := 0; i < len(s); {
		if j+maxExpansion > len(buf) {
			buf = slices.Grow(buf[:j], len(s)-i+maxExpansion)
			buf = buf[:cap(buf)]
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[j] = c
			j++
			i++
			continue
		}
		if c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			switch f := fold06[r&0xFF]; {
			case f == r:
				buf[j], buf[j+1] = c, s[i+1]
				j += 2
			case f == drop:
			case f < utf8.RuneSelf:
				buf[j] = byte(f)
				j++
			default:
				j += utf8.EncodeRune(buf[j:], f)
			}
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch f := foldRune(r); f {
		case drop:
		case expand:
			for _, e := range presForms[r-presFirst] {
				if g := foldRune(e); g >= 0 {
					j += utf8.EncodeRune(buf[j:], g)
				}
			}
		default:
			j += utf8.EncodeRune(buf[j:], f)
		}
	}
	return buf[:j]
}

// NormalizeMap is Normalize that also says where each code point of the
// result came from: offsets[i] is the code-point offset in s of the i-th code
// point of norm, and a final entry holds RuneLen(s). A match norm[i:j] (in
// code points) therefore covers s from offsets[i] to offsets[j]. A ligature
// spelled out into several code points maps them all to its own offset.
func NormalizeMap(s string) (norm string, offsets []int) {
	var b strings.Builder
	b.Grow(len(s))
	offsets = make([]int, 0, len(s)/2+1)
	pos := 0
	for _, r := range s {
		switch f := foldRune(r); f {
		case drop:
		case expand:
			for _, e := range presForms[r-presFirst] {
				if g := foldRune(e); g >= 0 {
					b.WriteRune(g)
					offsets = append(offsets, pos)
				}
			}
		default:
			b.WriteRune(f)
			offsets = append(offsets, pos)
		}
		pos++
	}
	offsets = append(offsets, pos)
	return b.String(), offsets
}

// RuneLen is the length of s in code points, the unit of every offset.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }

// IsArabicLetter reports whether r is a letter of the Arabic script, in any
// of its Unicode blocks (presentation forms included).
func IsArabicLetter(r rune) bool {
	switch {
	case r == 0x0640:
		return false // tatweel
	case r >= 0x0621 && r <= 0x064A, r >= 0x066E && r <= 0x066F, r >= 0x0671 && r <= 0x06D3,
		r == 0x06D5, r >= 0x06EE && r <= 0x06EF, r >= 0x06FA && r <= 0x06FC, r == 0x06FF:
		return true
	case r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08C9:
		return true
	case r >= presFirst && r <= presLast:
		return presForms[r-presFirst] != "" && !isMark(firstRune(presForms[r-presFirst]))
	}
	return false
}

// isMark reports whether r is a combining mark or tatweel that belongs to
// the word around it.
func isMark(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06ED ||
		r >= 0x0610 && r <= 0x061A || r >= 0x08D3 && r <= 0x08FF || r == 0x0640 ||
		r == 0x200C || r == 0x200D || r >= 0xFE70 && r <= 0xFE7F && r != 0xFE73 && r != 0xFE75
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
