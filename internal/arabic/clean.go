package arabic

import "unicode/utf8"

// Clean repairs text as it is found on the web without changing what a reader
// sees: Arabic presentation forms (U+FB50–U+FEFC, what PDF converters and old
// encoders leave behind) become the base letters, ligatures (ﻻ, ﷲ) are
// spelled out, decomposed hamza and madda (ا + ٔ) are composed, control
// characters, bidi marks, byte-order marks and invalid UTF-8 are removed,
// every kind of Unicode space becomes a plain space, and every line break
// (CR LF, CR, U+2028, U+2029, NEL) becomes "\n". Diacritics, tatweel and
// letter variants are kept: that is Normalize's business.
//
// Clean changes offsets, so it runs before anything records one.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
		case r == '\r':
			out = append(out, '\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == 0x2028, r == 0x2029, r == 0x0085:
			out = append(out, '\n')
		case r == '\t', isSpace(r):
			out = append(out, ' ')
		case removedInClean(r):
		case r >= presFirst && r <= presLast && presForms[r-presFirst] != "":
			out = append(out, presForms[r-presFirst]...)
		case r >= 0x0653 && r <= 0x0655:
			// Compose a letter with a following combining madda or hamza,
			// the way NFC would.
			last, m := utf8.DecodeLastRune(out)
			if c := compose(last, r); c != 0 {
				out = utf8.AppendRune(out[:len(out)-m], c)
			} else {
				out = utf8.AppendRune(out, r)
			}
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	return string(out)
}

// isClean reports whether Clean would return s unchanged, so that the common
// case costs one scan and no allocation.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 && c != '\n' || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false
		}
		if r >= 0x0653 && r <= 0x0655 || r == 0x2028 || r == 0x2029 || r == 0x0085 ||
			isSpace(r) || removedInClean(r) || r >= presFirst && r <= presLast && presForms[r-presFirst] != "" {
			return false
		}
		i += n
	}
	return true
}

// isSpace reports whether r is a Unicode space other than the ASCII ones.
func isSpace(r rune) bool {
	return r == 0x00A0 || r == 0x1680 || r >= 0x2000 && r <= 0x200A || r == 0x202F ||
		r == 0x205F || r == 0x3000
}

// removedInClean reports whether r is invisible debris: control characters
// (newline and tab are handled before), bidi controls, zero-width space,
// soft hyphen, byte-order mark and non-characters.
func removedInClean(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F && r != 0x85 ||
		r == 0x200B || r == 0x200E || r == 0x200F || r >= 0x202A && r <= 0x202E ||
		r >= 0x2066 && r <= 0x2069 || r == 0x061C || r == 0xFEFF || r == 0x00AD ||
		r == 0xFFFE || r == 0xFFFF
}

// compose returns the precomposed letter for base followed by a combining
// madda (U+0653), hamza above (U+0654) or hamza below (U+0655), or 0.
func compose(base, mark rune) rune {
	switch mark {
	case 0x0653:
		if base == 'ا' {
			return 'آ'
		}
	case 0x0654:
		switch base {
		case 'ا':
			return 'أ'
		case 'و':
			return 'ؤ'
		case 'ي', 'ى':
			return 'ئ'
		case 'ه', 'ە':
			return 'ۀ'
		case 'ہ':
			return 'ۂ'
		case 'ے':
			return 'ۓ'
		}
	case 0x0655:
		if base == 'ا' {
			return 'إ'
		}
	}
	return 0
}
