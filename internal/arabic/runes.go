package arabic

import "unicode/utf8"

// Runes is []rune(s), decoded with a fast path for the two-byte sequences
// that Arabic text is made of: a document body is decoded once per
// document, and the runtime's general decoder made that a tenth of the
// text layer's time. Invalid bytes decode to utf8.RuneError one by one, as
// the conversion does.
func Runes(s string) []rune {
	// Bytes that are not continuation bytes count the code points of valid
	// UTF-8 in one cheap pass; invalid input may need more, which append
	// provides.
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	out := make([]rune, 0, n)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			out = append(out, rune(c))
			i++
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			out = append(out, rune(c&0x1F)<<6|rune(s[i+1]&0x3F))
			i += 2
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			out = append(out, r)
			i += w
		}
	}
	return out
}
