package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// line is one input line with the measurements the classifier reads.
type line struct {
	text string // trimmed, whitespace collapsed
	fold string // fold(text): for matching cue words
	script
	runes  int // code points in text
	words  int
	digits int
	// longest is the length in letters of the longest word: menus scraped
	// without their separators run several words into one.
	longest int
	// sentenceEnd: the line ends as a sentence does (. ! ? ؟ … possibly
	// followed by a closing quote or bracket).
	sentenceEnd bool
	periodEnd   bool // ends with a full stop or ellipsis (not ? or !)
}

func newLine(raw string) line {
	t := squeeze(raw)
	l := line{text: t}
	// A word is a run of non-spaces holding a letter or digit: a lone dash
	// or bar is not one.
	alnum, wordLetters := false, 0
	for i := 0; i < len(t); {
		class, n := classAt(t, i)
		i += n
		l.runes++
		switch {
		case class == space:
			if alnum {
				l.words++
				l.longest = max(l.longest, wordLetters)
			}
			alnum, wordLetters = false, 0
		case class&letter != 0:
			l.script.add(class)
			wordLetters++
			alnum = true
		case class == digit:
			l.digits++
			alnum = true
		}
	}
	if alnum {
		l.words++
		l.longest = max(l.longest, wordLetters)
	}
	// Cue words are looked for in whole short lines but only at the start
	// of long ones, so a long paragraph is folded only that far.
	if l.words > 30 {
		l.fold = fold(firstWords(t, 8))
	} else {
		l.fold = fold(t)
	}
	end := strings.TrimRightFunc(t, func(r rune) bool {
		return strings.ContainsRune(closers, r) || r == ' '
	})
	if r, _ := utf8.DecodeLastRuneInString(end); r != utf8.RuneError {
		l.sentenceEnd = strings.ContainsRune(".!?؟…", r)
		l.periodEnd = r == '.' || r == '…'
	}
	return l
}

// Character classes for the line measurements and the language guess.
const (
	space uint16 = 1 << iota
	letter
	digit
	arabicLetter
	latinLetter
	persianLetter // پ چ ژ گ
	urduLetter    // ٹ ڈ ڑ ں ے
	farsiYeh      // ی, the only yaa of Persian
	arabicYeh     // ي
)

// asciiClass and arabicBlock classify the code points of news text by
// table lookup rather than through the unicode package's range tables.
var asciiClass, arabicBlock = func() (a [128]uint16, b [256]uint16) {
	for r := range rune(128) {
		switch {
		case r == ' ':
			a[r] = space
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			a[r] = letter | latinLetter
		case r >= '0' && r <= '9':
			a[r] = digit
		}
	}
	for i := range b {
		r := rune(0x0600 + i)
		switch {
		case unicode.IsLetter(r):
			b[i] = letter | arabicLetter
		case unicode.IsDigit(r):
			b[i] = digit
		}
		switch r {
		case 'پ', 'چ', 'ژ', 'گ':
			b[i] |= persianLetter
		case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے':
			b[i] |= urduLetter
		case 'ی':
			b[i] |= farsiYeh
		case 'ي':
			b[i] |= arabicYeh
		}
	}
	return a, b
}()

// classAt returns the class bits of the code point at byte i of s and its
// length. Arabic letters are two-byte sequences classified by table
// without decoding.
func classAt(s string, i int) (uint16, int) {
	switch c := s[i]; {
	case c < utf8.RuneSelf:
		return asciiClass[c], 1
	case c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		return arabicBlock[uint(c&3)<<6|uint(s[i+1]&0x3F)], 2
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return classify(r), n
}

// classify returns the class bits of one code point.
func classify(r rune) uint16 {
	switch {
	case r < 0x80:
		return asciiClass[r]
	case r >= 0x0600 && r <= 0x06FF:
		return arabicBlock[r-0x0600]
	case unicode.IsLetter(r):
		if unicode.Is(unicode.Arabic, r) {
			return letter | arabicLetter
		} else if unicode.Is(unicode.Latin, r) {
			return letter | latinLetter
		}
		return letter
	case unicode.IsDigit(r):
		return digit
	}
	return 0
}

// firstWords returns the first n space-separated words of s.
func firstWords(s string, n int) string {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			if n--; n == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// closers are marks that may follow a sentence's final punctuation.
const closers = `"'”’»)]›`

// arabicShare is the part of the line's letters that are Arabic.
func (l line) arabicShare() float64 {
	if l.letters == 0 {
		return 0
	}
	return float64(l.arabic) / float64(l.letters)
}

func (l line) blank() bool { return l.text == "" }

// isArabic: mostly Arabic script, as article text is.
func (l line) isArabic() bool { return l.arabic >= 2 && l.arabicShare() >= 0.6 }

// isForeign: a line of another script (an English menu, related links in
// English) in what is an Arabic article.
func (l line) isForeign() bool { return l.letters > 0 && l.arabicShare() < 0.3 }

// paragraph: a line that reads as running article text — long enough and
// either ending as a sentence or too long to be a headline or a list item.
func (l line) paragraph() bool {
	if !l.isArabic() || l.words < 8 {
		return false
	}
	return l.sentenceEnd || l.words >= 20 || (l.words >= 12 && strings.ContainsAny(l.text, "،,؛"))
}

// sentence: a short line that still ends as a sentence does.
func (l line) sentence() bool {
	return l.isArabic() && l.words >= 3 && l.sentenceEnd
}

// squeeze trims a line and collapses runs of white space (including
// no-break and other Unicode spaces) to one ASCII space.
func squeeze(s string) string {
	if tidy(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' {
			space = true
			continue
		}
		if r >= 0x0600 && r <= 0x06FF || r > ' ' && r < 0x7F { // the common case
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		if unicode.IsSpace(r) || r == '\u00A0' || r == '\u200B' || r == '\uFEFF' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// tidy reports whether s has no white space to squeeze: no space at either
// end, no two in a row, no control characters and none of the Unicode
// spaces squeeze removes — checked on the bytes of their UTF-8 forms.
func tidy(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !tidyCheck[c] {
			continue
		}
		switch {
		case c == ' ' && s[i+1] == ' ', c < ' ', c == 0x7F:
			return false
		case c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 && c != 0xEF:
			// Arabic letters (0xD8–0xDB) and most else: no space starts so.
		case strings.HasPrefix(s[i:], "\u00A0"), strings.HasPrefix(s[i:], "\u0085"),
			strings.HasPrefix(s[i:], "\uFEFF"), strings.HasPrefix(s[i:], "\u3000"),
			strings.HasPrefix(s[i:], "\u1680"), strings.HasPrefix(s[i:], "\u205F"):
			return false
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80:
			// U+2000–U+200B, U+2028, U+2029, U+202F
			if d := s[i+2]; d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF {
				return false
			}
		}
	}
	return true
}

// tidyCheck marks the bytes tidy must look at: a space (a double one), the
// controls, and the lead bytes of the non-ASCII white space.
var tidyCheck = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c <= ' ' || c == 0x7F || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF
	}
	return t
}()

// fold is the matching form used for cue words: arabic.Normalize (hamza and
// alef forms, taa marbuta, yaa, diacritics, digits, case), with punctuation
// and symbols as single spaces.
func fold(s string) string {
	n := arabic.AppendNormalized(make([]byte, 0, len(s)+8), s)
	// Arabic letters, digits and ASCII letters are copied byte for byte;
	// only other scripts' code points are decoded and classified.
	out := make([]byte, 0, len(n))
	space := true
	for i := 0; i < len(n); {
		c := n[i]
		var sep bool
		switch {
		case c < utf8.RuneSelf:
			i++
			switch {
			case c >= '0' && c <= '9', c >= 'a' && c <= 'z':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			default:
				sep = true // ASCII punctuation, symbols, white space
			}
			if !sep {
				out = append(out, c)
			}
		case (c == 0xD8 || c == 0xD9) && i+1 < len(n) && n[i+1]&0xC0 == 0x80 &&
			isArabicLetterByte(rune(c&0x1F)<<6|rune(n[i+1]&0x3F)):
			out = append(out, c, n[i+1])
			i += 2
		default:
			r, w := utf8.DecodeRune(n[i:])
			i += w
			sep = unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
			if !sep {
				out = utf8.AppendRune(out, unicode.ToLower(r))
			}
		}
		if sep {
			if !space {
				out = append(out, ' ')
			}
			space = true
			continue
		}
		space = false
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return string(out)
}

// isArabicLetterByte reports whether r, decoded from a two-byte sequence,
// is one of the letters hamza to yaa, U+0621–U+064A.
func isArabicLetterByte(r rune) bool { return r >= 0x0621 && r <= 0x064A }
