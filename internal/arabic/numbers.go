package arabic

import (
	"math"
	"strings"
)

// NumberKind says how a number phrase bounds the quantity it states.
type NumberKind uint8

// Number kinds.
const (
	Exact       NumberKind = iota // «3 غارات», «خمسة وثلاثين»
	AtLeast                       // «أكثر من 100», «ما لا يقل عن 20», «10 على الأقل»
	AtMost                        // «أقل من 10», «ما يصل إلى 50»
	Approximate                   // «نحو 50», «حوالي», «قرابة», «تقريبا»
	Vague                         // «عشرات», «مئات», «عدد من», «عدة»
	Range                         // «بين 10 و20», «10 إلى 15»
)

var numberKindNames = [...]string{"exact", "at_least", "at_most", "approximate", "vague", "range"}

// String names the kind in snake case ("at_least").
func (k NumberKind) String() string {
	if int(k) < len(numberKindNames) {
		return numberKindNames[k]
	}
	return "kind?"
}

// Unbounded is NumberExpr.Max for a phrase that sets no upper bound.
const Unbounded int64 = -1

// NumberExpr is a quantity stated in text.
type NumberExpr struct {
	// Start and End are code-point offsets of the phrase: the qualifier
	// («أكثر من»), the figure and a range's second figure, not the noun.
	Start, End int
	Text       string
	// Value is the lowest figure the phrase supports, the one to record
	// when only one may be: 100 for «أكثر من 100», 10 for «عشرات», 10 for
	// «بين 10 و20», 0 for «أقل من 10» and «عدد من». Fractions are dropped
	// (see Float).
	Value int64
	// Min and Max bound the quantity; Max is Unbounded when nothing caps it
	// («أكثر من 100»).
	Min, Max int64
	// Float is the figure as written, fractions included («3.5» → 3.5);
	// for a range, its lower end.
	Float float64
	// Approx is true unless the phrase states one exact figure.
	Approx bool
	Kind   NumberKind
	// Noun is the normalised stem of the word counted («3 غارات» → "غارات",
	// «عشرات القتلى» → "قتلي"), "%" for a percentage, or "" when none
	// follows. NounStart and NounEnd locate it; they are 0 when Noun is "".
	Noun               string
	NounStart, NounEnd int
}

// numReader walks the tokens of one text.
type numReader struct {
	text *runeText
	toks []Token
}

// runeText turns code-point offsets into substrings of a text. Readers ask
// for spans in increasing order, so it walks the text once, keeping its
// place, and the substrings share the text's memory.
type runeText struct {
	s          string
	rpos, bpos int // a code-point offset and its byte offset
}

// byteAt returns the byte offset of code point r (or len(s) past the end).
func (t *runeText) byteAt(r int) int {
	if r < t.rpos {
		t.rpos, t.bpos = 0, 0
	}
	for t.rpos < r && t.bpos < len(t.s) {
		_, n := decode(t.s, t.bpos)
		t.bpos += n
		t.rpos++
	}
	return t.bpos
}

// span returns the text between two code-point offsets.
func (t *runeText) span(start, end int) string {
	b := t.byteAt(start)
	rpos, bpos := t.rpos, t.bpos
	e := t.byteAt(end)
	t.rpos, t.bpos = rpos, bpos // the next span starts at or after this one's start
	return t.s[b:e]
}

// FindNumbers returns the quantities stated in text, in order: figures in
// either digit script with their separators («1,000», «١٬٠٠٠», «3.5»),
// number words with their compounds and gender and case forms («خمسة
// وثلاثين», «ثلاث», «اثنين», «مئتي», «ألفين», «2.5 مليون»), vague
// quantities («عشرات», «مئات الآلاف», «عدد من»), comparatives and
// approximations, ranges, the noun counted, and dual nouns that can only
// mean two («جنديين», «غارتين»). Figures that belong to a
// date, a year or a time («5 يونيو», «عام 2019», «2020-06-05», «10:30»)
// are left to FindDates.
func FindNumbers(text string) []NumberExpr {
	return FindNumbersIn(text, Tokenize(text))
}

// FindNumbersIn is FindNumbers for a text already tokenised: toks must be
// Tokenize(text).
func FindNumbersIn(text string, toks []Token) []NumberExpr {
	r := numReader{text: &runeText{s: text}, toks: toks}
	var out []NumberExpr
	for j := 0; j < len(r.toks); {
		if !r.mayStart(j) {
			j++
			continue
		}
		if e, next, ok := r.phrase(j); ok {
			out = append(out, e)
			j = next
			continue
		}
		if t := r.toks[j]; t.Kind == Word && dualNouns[t.Stem] {
			// «قتل جنديان»: the dual is the count.
			out = append(out, NumberExpr{Start: t.Start, End: t.End, Text: t.Text, Value: 2, Min: 2, Max: 2,
				Float: 2, Kind: Exact, Noun: t.Stem, NounStart: t.Start, NounEnd: t.End})
		}
		j++
	}
	return out
}

// mayStart is a cheap test that rules out most tokens as the start of a
// number phrase.
func (r *numReader) mayStart(j int) bool {
	t := &r.toks[j]
	switch t.Kind {
	case Number:
		return true
	case Word:
		if numTriggers[t.Norm] || t.Stem != t.Norm && numTriggers[t.Stem] {
			return true
		}
		if len(t.Norm) > 4 && len(t.Proclitics()) == 0 {
			switch t.Norm[:2] {
			case "و", "ف", "ب", "ل", "ك":
				return numTriggers[t.Norm[2:]] // a clitic the segmenter left on
			}
		}
	}
	return false
}

// ParseNumber reads one number phrase that makes up all of s, punctuation
// aside («خمسة وثلاثين», «1,000», «أكثر من 100», «عشرات»), and returns its
// Value.
func ParseNumber(s string) (int64, bool) {
	r := numReader{text: &runeText{s: s}, toks: Tokenize(s)}
	if len(r.toks) == 0 {
		return 0, false
	}
	e, next, ok := r.phrase(0)
	if !ok {
		return 0, false
	}
	for _, t := range r.toks[next:] {
		if t.Kind != Punct {
			return 0, false // more than one phrase
		}
	}
	return e.Value, true
}

// phrase reads a number phrase starting at token j.
func (r *numReader) phrase(j int) (NumberExpr, int, bool) {
	e := NumberExpr{Kind: Exact, Max: Unbounded}
	start := j
	qk, afterQ, hasQ := r.qualifier(j)
	if hasQ {
		j = afterQ
		if j < len(r.toks) && r.toks[j].Kind == Word && r.toks[j].Norm == "ال" {
			j++ // «قرابة ال50»
		}
	}
	v, next, ok := r.core(j)
	if !ok {
		return e, 0, false
	}
	if !hasQ {
		start = j
	}
	end := next
	lo := v
	hi := v
	kind := Exact
	if v.vague {
		kind = Vague
	}
	if hasQ {
		kind = qk
	}
	if kind == Range {
		// «بين 10 و20»: the second figure is joined by و.
		if v2, n2, ok := r.joined(next); ok {
			hi, end = v2, n2
		} else {
			kind, start = Exact, j // «بين 3 دول»: among, not between
			if v.vague {
				kind = Vague
			}
		}
	} else if !v.vague {
		if v2, n2, ok := r.rangeTail(next, v.value); ok {
			hi, end, kind = v2, n2, Range
			if start > 0 && r.toks[start-1].Norm == "من" && !hasQ {
				start-- // «من 10 إلى 15»
			}
		}
	}
	e.Start, e.End = r.toks[start].Start, r.toks[end-1].End
	e.Text = r.text.span(e.Start, e.End)
	after := r.noun(&e, end, v)
	if k, n, ok := r.postQualifier(end); ok && kind == Exact {
		kind = k
		e.End = r.toks[n-1].End
		e.Text = r.text.span(e.Start, e.End)
	} else if k, _, ok := r.postQualifier(after); ok && kind == Exact {
		kind = k // «10 قتلى على الأقل»
	}
	e.Kind = kind
	e.Float = lo.value
	switch kind {
	case Exact:
		e.Value, e.Min, e.Max = whole(lo.value), whole(lo.value), whole(lo.value)
	case AtLeast:
		e.Value, e.Min, e.Max = whole(lo.value), whole(lo.value), Unbounded
	case AtMost:
		e.Value, e.Min, e.Max = 0, 0, whole(lo.value)
	case Approximate:
		e.Value, e.Min, e.Max = whole(lo.value), whole(lo.value), whole(lo.value)
	case Range:
		e.Value, e.Min, e.Max = whole(lo.value), whole(lo.value), whole(hi.value)
		if e.Max < e.Min {
			e.Min, e.Max = e.Max, e.Min
			e.Value = e.Min
		}
	case Vague:
		e.Value, e.Min, e.Max = whole(lo.value), whole(lo.value), lo.upper()
	}
	e.Approx = kind != Exact
	return e, end, true
}

// whole truncates a figure to an integer, saturating instead of overflowing.
func whole(f float64) int64 {
	if f >= math.MaxInt64 || math.IsNaN(f) {
		return math.MaxInt64
	}
	if f <= 0 {
		return 0
	}
	return int64(f)
}

// numVal is a figure read from tokens.
type numVal struct {
	value float64
	// max is the highest figure a vague quantity allows («عشرات»: 99,
	// «بضعة»: 9), or negative when nothing caps it («عدد من»).
	max   float64
	vague bool
	// article: the figure was a number word with the article («الثلاثة»),
	// which follows its noun.
	article bool
}

func (v numVal) upper() int64 {
	if v.max < 0 {
		return Unbounded
	}
	return whole(v.max)
}

// qualifier matches a qualifier phrase at token j.
func (r *numReader) qualifier(j int) (NumberKind, int, bool) {
	if j >= len(r.toks) || r.toks[j].Kind != Word {
		return 0, j, false
	}
	for _, q := range qualifiers {
		k := j
		ok := true
		for i, w := range q.words {
			if k >= len(r.toks) || r.toks[k].Kind != Word {
				ok = false
				break
			}
			n := r.toks[k].Norm
			match := n == w
			if !match && i == 0 && len(n) > len(w) && strings.HasSuffix(n, w) && strings.ContainsAny(n[:len(n)-len(w)], "وفبل") && RuneLen(n)-RuneLen(w) == 1 {
				match = true // «لأكثر من», «وبين»
			}
			if !match && i == len(q.words)-1 {
				for _, alt := range q.alsoWith {
					match = match || n == alt
				}
			}
			if !match {
				ok = false
				break
			}
			k++
		}
		if ok {
			return q.kind, k, true
		}
	}
	return 0, j, false
}

// postQualifier matches «على الأقل» or «تقريبا» at token j.
func (r *numReader) postQualifier(j int) (NumberKind, int, bool) {
	if j < len(r.toks) && r.toks[j].Kind == Word {
		switch r.toks[j].Norm {
		case "تقريبا":
			return Approximate, j + 1, true
		case "علي":
			if j+1 < len(r.toks) && r.toks[j+1].Norm == "الاقل" {
				return AtLeast, j + 2, true
			}
		}
	}
	return 0, j, false
}

// joined reads «و20» or «و عشرين» at token j: the second figure of a range.
func (r *numReader) joined(j int) (numVal, int, bool) {
	if j >= len(r.toks) || r.toks[j].Kind != Word {
		return numVal{}, j, false
	}
	t := r.toks[j]
	if t.Norm == "و" {
		return r.core(j + 1)
	}
	if strings.HasPrefix(t.Norm, "و") {
		if _, ok := numWords[t.Norm[len("و"):]]; ok {
			return r.coreFrom(j, t.Norm[len("و"):])
		}
	}
	return numVal{}, j, false
}

// rangeTail reads «إلى 15», «حتى 15» or «- 15» after the figure lo.
func (r *numReader) rangeTail(j int, lo float64) (numVal, int, bool) {
	if j+1 >= len(r.toks) {
		return numVal{}, j, false
	}
	switch t := r.toks[j]; {
	case t.Kind == Word && (t.Norm == "الي" || t.Norm == "حتي"):
	case t.Kind == Punct && (t.Norm == "-" || t.Norm == "–"):
	default:
		return numVal{}, j, false
	}
	v, n, ok := r.core(j + 1)
	if !ok || v.vague || v.value <= lo {
		return numVal{}, j, false // «27 - 11» is no range
	}
	if r.toks[j].Kind == Punct && (v.value >= 10*lo+10 || v.value >= 1900 && v.value <= 2100) {
		return numVal{}, j, false // «11 - 2024» is a date or a reference
	}
	return v, n, true
}

// noun finds the counted noun after token j (or before a number word with
// the article) and fills it in; it returns the token after the noun.
func (r *numReader) noun(e *NumberExpr, j int, v numVal) int {
	k := j
	if k < len(r.toks) && (r.toks[k].Kind == Symbol || r.toks[k].Kind == Punct) && r.toks[k].Norm == "%" {
		e.Noun, e.NounStart, e.NounEnd = "%", r.toks[k].Start, r.toks[k].End
		return k + 1
	}
	if k < len(r.toks) && r.toks[k].Kind == Word {
		n := r.toks[k].Norm
		if n == "بالميه" || n == "بالمايه" {
			e.Noun, e.NounStart, e.NounEnd = "%", r.toks[k].Start, r.toks[k].End
			return k + 1
		}
		if n == "في" && k+1 < len(r.toks) && (r.toks[k+1].Norm == "الميه" || r.toks[k+1].Norm == "المايه") {
			e.Noun, e.NounStart, e.NounEnd = "%", r.toks[k].Start, r.toks[k+1].End
			return k + 2
		}
		if n == "من" && (v.vague || v.value == 0) {
			k++ // «عشرات من المدنيين», «عدد من الجنود»
		}
	}
	if v.article && j-1 >= 0 {
		// «الجنود الثلاثة»: the noun comes first.
		if p := r.prevWord(r.startOf(j)); p >= 0 {
			e.Noun, e.NounStart, e.NounEnd = r.toks[p].Stem, r.toks[p].Start, r.toks[p].End
		}
		return j
	}
	if k < len(r.toks) && r.toks[k].Kind == Word && !nounStop[r.toks[k].Norm] && !nounStop[r.toks[k].Stem] && !isNumberWord(r.toks[k].Norm) {
		if _, month := monthWords[r.toks[k].Stem]; !month {
			e.Noun, e.NounStart, e.NounEnd = r.toks[k].Stem, r.toks[k].Start, r.toks[k].End
			return k + 1
		}
	}
	return j
}

// startOf returns the index of the first token of the figure ending before j.
func (r *numReader) startOf(j int) int {
	k := j - 1
	for k > 0 && r.toks[k-1].Kind == Word && isNumberWord(strings.TrimPrefix(r.toks[k-1].Norm, "ال")) {
		k--
	}
	return k
}

// prevWord returns the index of the word token right before token k, or -1.
func (r *numReader) prevWord(k int) int {
	if k-1 >= 0 && r.toks[k-1].Kind == Word && !nounStop[r.toks[k-1].Norm] {
		return k - 1
	}
	return -1
}

func isNumberWord(n string) bool {
	_, ok := numWords[n]
	if !ok {
		_, ok = fewWords[n]
	}
	return ok
}
