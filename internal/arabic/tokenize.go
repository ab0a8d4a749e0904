package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Character classes of the tokeniser.
const (
	cOther  uint8 = iota // symbols, emoji
	cSpace               // spaces, line breaks, invisible format marks: separate tokens
	cLetter              // Arabic letter
	cMark                // Arabic diacritic, tatweel, joiners: part of the word around them
	cDigit               // digit of any script
	cLatin               // letter of another script
	cPunct               // punctuation
)

var (
	classASCII = func() (t [128]uint8) {
		for r := range t {
			t[r] = classify(rune(r))
		}
		return t
	}()
	class06 = func() (t [256]uint8) { // U+0600–U+06FF
		for i := range t {
			t[i] = classify(rune(0x600 + i))
		}
		return t
	}()
	// word06 says, for U+0600–U+067F (the Arabic letters and marks), whether
	// the code point belongs to a word, is a letter, and changes under
	// Normalize: the word scanner needs all three and nothing else.
	word06 = func() (t [128]uint8) {
		for i := range t {
			r := rune(0x600 + i)
			switch classify(r) {
			case cLetter:
				t[i] = wInWord | wLetter
			case cMark:
				t[i] = wInWord
			}
			if foldRune(r) != r {
				t[i] |= wFolds
			}
		}
		return t
	}()
)

const (
	wInWord uint8 = 1 << iota
	wLetter
	wFolds
)

// classify is the definition of the character classes; hot ranges go through
// the tables built from it.
func classify(r rune) uint8 {
	switch {
	case r == 0x200C || r == 0x200D:
		return cMark
	case unicode.IsSpace(r) || isSpace(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Cc, r):
		return cSpace
	case IsArabicLetter(r):
		return cLetter
	case isMark(r) || unicode.Is(unicode.Mn, r) && unicode.Is(unicode.Arabic, r):
		return cMark
	case isDigit(r):
		return cDigit
	case unicode.IsLetter(r):
		return cLatin
	case unicode.IsPunct(r):
		return cPunct
	case unicode.Is(unicode.Mn, r):
		return cMark
	}
	return cOther
}

func classOf(r rune) uint8 {
	if r < 0x80 {
		return classASCII[r]
	}
	if r>>8 == 0x06 {
		return class06[r&0xFF]
	}
	return classify(r)
}

// isDigit reports whether r is a decimal digit in ASCII, Arabic-Indic or
// Extended Arabic-Indic (Persian) script.
func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '٠' && r <= '٩' || r >= '۰' && r <= '۹'
}

// digitValue is the value of a digit for which isDigit holds.
func digitValue(r rune) int {
	switch {
	case r <= '9':
		return int(r - '0')
	case r <= '٩':
		return int(r - '٠')
	}
	return int(r - '۰')
}

// isTerminator reports whether r ends a sentence.
func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '؛', '…', '‼', '⁉', '۔':
		return true
	}
	return false
}

// decode returns the code point at byte i of s and its size, with the two
// byte-level fast paths that cover almost all Arabic text.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Tokenize splits text into tokens (Arabic words, numbers, Latin words,
// punctuation, symbols) with code-point offsets, and segments the clitics of
// every Arabic word. Whitespace and invisible format marks separate tokens
// and are not tokens themselves. Numbers keep their inner separators
// («1,000», «٣٫٥») and Latin words their inner hyphens and dots («F-16»).
func Tokenize(text string) []Token { return DefaultLexicon().Tokenize(text) }

// Tokenize is the package-level Tokenize with this lexicon.
func (l *Lexicon) Tokenize(text string) []Token {
	// Sizing the result right matters: tokens are large and hold
	// pointers, so regrowing the slice costs copying and collection.
	toks := make([]Token, 0, estimateTokens(text))
	var arena strings.Builder // normal forms that differ from the surface and the lexicon's
	pos := 0                  // code points before byte i
	for i := 0; i < len(text); {
		r, n := decode(text, i)
		cls := classOf(r)
		if r == utf8.RuneError && n == 1 {
			cls = cOther
		}
		start, startPos := i, pos
		i += n
		pos++
		switch cls {
		case cSpace:
			continue
		case cLetter, cMark:
			hasLetter := cls == cLetter
			folds := foldRune(r) != r
			hv := uint32(r)
			for i < len(text) {
				if b0 := text[i]; (b0 == 0xD8 || b0 == 0xD9) && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
					w := word06[(b0&1)<<6|text[i+1]&0x3F]
					if w&wInWord == 0 {
						break
					}
					hasLetter = hasLetter || w&wLetter != 0
					folds = folds || w&wFolds != 0
					hv = (hv ^ uint32(b0)<<8 ^ uint32(text[i+1])) * 0x01000193
					i += 2
					pos++
					continue
				}
				r, n := decode(text, i)
				c := classOf(r)
				if c != cLetter && c != cMark || r == utf8.RuneError && n == 1 {
					break
				}
				hasLetter = hasLetter || c == cLetter
				folds = folds || foldRune(r) != r
				hv = (hv ^ uint32(r)) * 0x01000193
				i += n
				pos++
			}
			surface := text[start:i]
			if !hasLetter {
				toks = append(toks, Token{Text: surface, Start: startPos, End: pos, Norm: Normalize(surface), Kind: Symbol})
				toks[len(toks)-1].Stem = toks[len(toks)-1].Norm
				continue
			}
			// News repeats its words: one read a moment ago, in this text or
			// another, is reused without folding or looking it up again.
			if hw := l.hot.get(hv, surface); hw != nil {
				// Fields are set in place: appending a composite literal
				// copies the whole token with a bulk write barrier, which
				// cost a tenth of tokenising while the collector runs.
				t := grow1(&toks)
				t.Text, t.Start, t.End, t.Norm = surface, startPos, pos, hw.norm()
				t.procs, t.Stem, t.Enclitic, t.Kind = hw.procs, hw.stem(), hw.enc(), Word
				continue
			}
			norm, h, a := l.readWord(surface, folds, &arena)
			stem := l.canonicalStem(a.stem, h, norm)
			t := grow1(&toks)
			t.Text, t.Start, t.End, t.Norm = surface, startPos, pos, norm
			t.procs, t.Stem, t.Enclitic, t.Kind = a.procIndex(), stem, a.enc, Word
			if hw := newHotWord(surface, norm, stem, a.enc, a); hw != nil {
				l.hot.put(hv, hw)
			}
			continue
		case cDigit:
			i, pos = scanNumber(text, i, pos)
			toks = append(toks, plainToken(text[start:i], startPos, pos, Number))
		case cLatin:
			i, pos = scanLatin(text, i, pos)
			toks = append(toks, plainToken(text[start:i], startPos, pos, Latin))
		case cPunct:
			if isTerminator(r) {
				for i < len(text) {
					r, n := decode(text, i)
					if !isTerminator(r) {
						break
					}
					i += n
					pos++
				}
			}
			toks = append(toks, plainToken(text[start:i], startPos, pos, Punct))
		default:
			toks = append(toks, plainToken(text[start:i], startPos, pos, Symbol))
		}
	}
	return toks
}

// grow1 extends toks by one zero token and returns it.
func grow1(toks *[]Token) *Token {
	if len(*toks) == cap(*toks) {
		*toks = append(*toks, Token{})
	} else {
		*toks = (*toks)[:len(*toks)+1]
	}
	return &(*toks)[len(*toks)-1]
}

// estimateTokens guesses the number of tokens of text from its spaces, a
// little on the high side.
func estimateTokens(text string) int {
	return strings.Count(text, " ") + strings.Count(text, "\n") + len(text)/48 + 4
}

func plainToken(s string, start, end int, k Kind) Token {
	norm := Normalize(s)
	return Token{Text: s, Start: start, End: end, Norm: norm, Stem: norm, Kind: k}
}

// scanNumber extends a number from byte i: digits, with a separator kept
// when a digit follows it («3.5», «1,000», «١٬٠٠٠»). An Arabic comma counts
// only before exactly three digits, since it usually separates list items.
func scanNumber(text string, i, pos int) (int, int) {
	for i < len(text) {
		r, n := decode(text, i)
		if isDigit(r) {
			i += n
			pos++
			continue
		}
		switch r {
		case '.', ',', '٫', '٬', '،':
			if i+n >= len(text) {
				return i, pos
			}
			d, _ := decode(text, i+n)
			if !isDigit(d) || r == '،' && digitRun(text, i+n) != 3 {
				return i, pos
			}
			i += n
			pos++
			continue
		}
		return i, pos
	}
	return i, pos
}

// digitRun counts the digits starting at byte i.
func digitRun(text string, i int) int {
	k := 0
	for i < len(text) {
		r, n := decode(text, i)
		if !isDigit(r) {
			break
		}
		k++
		i += n
	}
	return k
}

// scanLatin extends a Latin word from byte i: letters and digits, with an
// inner - . ' ’ & _ kept when a letter or digit follows («F-16», «U.S»).
func scanLatin(text string, i, pos int) (int, int) {
	for i < len(text) {
		r, n := decode(text, i)
		c := classOf(r)
		if c == cLatin || c == cDigit {
			i += n
			pos++
			continue
		}
		switch r {
		case '-', '.', '\'', '’', '&', '_':
			if i+n < len(text) {
				d, _ := decode(text, i+n)
				if c := classOf(d); c == cLatin || c == cDigit {
					i += n
					pos++
					continue
				}
			}
		}
		return i, pos
	}
	return i, pos
}
