package quotes

import "strings"

// closersOf says which marks close a quotation opened by a mark. Curly
// quotes are paired in either direction: right-to-left text often has
// «”...“» as well as «“...”».
var closersOf = map[string]string{
	"«":  "»",
	"“":  "”“",
	"”":  "“”",
	"„":  "“”",
	"\"": "\"",
	"‹":  "›",
}

// pairMarks pairs quotation marks within each line of the body.
func (a *analyser) pairMarks() {
	n := len(a.toks)
	a.closeOf = make([]int, n)
	a.inQuote = make([]int, n)
	for i := range a.closeOf {
		a.closeOf[i], a.inQuote[i] = -1, -1
	}
	open, want := -1, ""
	for i := 0; i < n; i++ {
		if i > 0 && a.lineBreakBefore(i) {
			open = -1
		}
		t := a.toks[i].Text
		if len(t) > 4 || !isMark(t) {
			continue
		}
		if open < 0 {
			if w, ok := closersOf[t]; ok {
				open, want = i, w
			}
			continue
		}
		if strings.Contains(want, t) {
			a.closeOf[open] = i
			for k := open + 1; k < i; k++ {
				a.inQuote[k] = open
			}
			open = -1
		}
	}
}

func isMark(t string) bool {
	switch t {
	case "«", "»", "“", "”", "„", "\"", "‹", "›":
		return true
	}
	return false
}

// lineBreakBefore reports whether a line break separates token i from the
// token before it.
func (a *analyser) lineBreakBefore(i int) bool {
	for p := a.toks[i-1].End; p < a.toks[i].Start; p++ {
		if a.runes[p] == '\n' {
			return true
		}
	}
	return false
}

// quoteWords counts the word tokens of the quotation opened at token i.
func (a *analyser) quoteWords(i int) int {
	n := 0
	for k := i + 1; k < a.closeOf[i]; k++ {
		if !a.isPunct(k) {
			n++
		}
	}
	return n
}
