package arabic

import "unicode"

// maxShortQuote is the longest quotation, in code points, that is kept in
// one sentence whatever punctuation it holds. Longer quotations are
// statements of several sentences and are split like any text.
const maxShortQuote = 150

// Paragraphs returns the non-empty lines of text, without their surrounding
// whitespace. Body text has one paragraph per line.
func Paragraphs(text string) []Span {
	var out []Span
	runes := []rune(text)
	start := 0
	for i := 0; i <= len(runes); i++ {
		if i == len(runes) || runes[i] == '\n' {
			if s, ok := trimSpan(runes, start, i); ok {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	return out
}

// Sentences splits text into sentences, as code-point spans without their
// surrounding whitespace. A sentence ends at . ! ? ؟ ؛ … (or a run of them,
// «؟!») and never crosses a line break: each line of a body is a paragraph.
// A full stop does not end a sentence inside a number («3.5»), after an
// abbreviation of one letter («أ. ف. ب», «د. محمد», «U.S.») or a common Latin
// one («Dr.»), before a letter of a Latin word («aljazeera.net»), or after a
// list number at the start of a line. Punctuation inside a short quotation
// does not end the sentence around it; a sentence that ends with a closing
// quote or bracket includes it.
func Sentences(text string) []Span { return SentencesOf([]rune(text)) }

// SentencesOf is Sentences over text already decoded to code points, for
// callers that hold them (a pipeline decodes a body once).
func SentencesOf(runes []rune) []Span {
	var out []Span
	start := 0
	for i := 0; i <= len(runes); i++ {
		if i == len(runes) || runes[i] == '\n' {
			out = splitLine(runes, start, i, out)
			start = i + 1
		}
	}
	return out
}

// splitLine appends the sentences of runes[ls:le], a line without breaks.
func splitLine(runes []rune, ls, le int, out []Span) []Span {
	start := ls
	quoteOpen, quoteEnd := -1, -1 // the short quotation we are in, if any
	straight := 0                 // straight double quotes seen in this sentence
	for i := ls; i < le; i++ {
		r := runes[i]
		if i > quoteEnd {
			quoteOpen, quoteEnd = -1, -1
			if isOpener(r, straight) {
				if c := closingQuote(runes, i, le); c > 0 && c-i <= maxShortQuote {
					quoteOpen, quoteEnd = i, c
				}
			}
		}
		if r == '"' {
			straight++
		}
		if !isTerminator(r) {
			continue
		}
		j := i + 1
		for j < le && isTerminator(runes[j]) {
			j++
		}
		if quoteEnd > i {
			// Inside a short quotation: the sentence may end only with the
			// quotation itself, when it is reported speech that closes it.
			if j != quoteEnd || !speechQuote(runes, start, quoteOpen, quoteEnd, le) {
				i = j - 1
				continue
			}
		} else if j == i+1 && (r == '.' || r == '۔') && !fullStop(runes, start, i, le) {
			continue
		}
		end := j
		for end < le {
			c := runes[end]
			if isTerminator(c) || isCloser(c) && (c != '"' || straight%2 == 1) {
				if c == '"' {
					straight++
				}
				end++
				continue
			}
			break
		}
		if s, ok := trimSpan(runes, start, end); ok {
			out = append(out, s)
		}
		start, i = end, end-1
		quoteOpen, quoteEnd, straight = -1, -1, 0
	}
	if s, ok := trimSpan(runes, start, le); ok {
		out = append(out, s)
	}
	return out
}

// fullStop decides whether the dot at i, alone, ends the sentence that
// began at start.
func fullStop(runes []rune, start, i, le int) bool {
	var prev, next rune
	if i > start {
		prev = runes[i-1]
	}
	if i+1 < le {
		next = runes[i+1]
	}
	if isDigit(prev) && isDigit(next) {
		return false // 3.5, 5.6.2020
	}
	// The word before the dot.
	w := i
	for w > start && (unicode.IsLetter(runes[w-1]) || isMark(runes[w-1])) {
		w--
	}
	letters := 0
	latin := false
	for _, c := range runes[w:i] {
		if unicode.IsLetter(c) {
			letters++
			latin = latin || c < 0x0250
		}
	}
	if letters == 1 {
		return false // أ. ف. ب — د. — U.S.
	}
	if latin && latinAbbrev[lowerASCII(runes[w:i])] {
		return false
	}
	if next != 0 && classOf(next) == cLatin && (latin || isDigit(prev)) {
		return false // aljazeera.net, v1.2
	}
	if isDigit(prev) && next != 0 && !unicode.IsSpace(next) && classOf(next) != cLetter {
		return false
	}
	// «1. » at the start of a line is a list number.
	// Stop at the first sign it is not one: this runs at every full stop.
	n := 0
	for _, c := range runes[start:i] {
		if c == ' ' || unicode.IsSpace(c) {
			continue
		}
		if n++; n > 3 || !isDigit(c) {
			return true
		}
	}
	return n == 0
}

var latinAbbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true,
	"sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "gen": true,
	"col": true, "lt": true, "sgt": true, "capt": true, "no": true, "vol": true, "fig": true,
	"e.g": true, "i.e": true, "etc": true, "approx": true, "dept": true, "govt": true,
}

func lowerASCII(rs []rune) string {
	b := make([]byte, 0, len(rs))
	for _, r := range rs {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r < 0x80 {
			b = append(b, byte(r))
		}
	}
	return string(b)
}

// isOpener reports whether r opens a quotation; a straight double quote
// opens when an even number of them came before.
func isOpener(r rune, straight int) bool {
	if r != '"' && r != '«' && (r < '“' || r > '‹') {
		return false // Arabic letters and most else, at one comparison each
	}
	switch r {
	case '«', '“', '„', '‹':
		return true
	case '"':
		return straight%2 == 0
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case '»', '”', '"', '’', '›', ')', ']', '}', '\'':
		return true
	}
	return false
}

// closingQuote returns the index of the quote that closes the one opened at
// i, on the same line, or -1.
func closingQuote(runes []rune, i, le int) int {
	var want rune
	switch runes[i] {
	case '«':
		want = '»'
	case '“', '„':
		want = '”'
	case '‹':
		want = '›'
	case '"':
		want = '"'
	}
	depth := 0
	// Only short quotations matter, so the search stops there: a line of
	// unmatched quotes costs linear time, not quadratic.
	for j := i + 1; j < le && j-i <= maxShortQuote; j++ {
		switch {
		case runes[j] == want && depth == 0:
			return j
		case runes[j] == want:
			depth--
		case runes[j] == runes[i] && want != '"':
			depth++
		}
	}
	return -1
}

// speechQuote reports whether the quotation [open, end] closes its sentence:
// it opens the sentence or follows a colon, or nothing but another
// quotation follows it on the line.
func speechQuote(runes []rune, start, open, end, le int) bool {
	k := open - 1
	for k >= start && unicode.IsSpace(runes[k]) {
		k--
	}
	if k < start || runes[k] == ':' || runes[k] == '،' || runes[k] == ',' {
		return true
	}
	k = end + 1
	for k < le && unicode.IsSpace(runes[k]) {
		k++
	}
	return k >= le || isOpener(runes[k], 0)
}

// trimSpan returns [start, end) without surrounding whitespace and invisible
// marks, and whether anything is left.
func trimSpan(runes []rune, start, end int) (Span, bool) {
	for start < end && isBlank(runes[start]) {
		start++
	}
	for end > start && isBlank(runes[end-1]) {
		end--
	}
	return Span{start, end}, start < end
}

func isBlank(r rune) bool {
	return unicode.IsSpace(r) || isSpace(r) || r == 0x200B || r == 0x200E || r == 0x200F ||
		r == 0xFEFF || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x061C
}
