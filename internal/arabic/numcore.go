package arabic

import (
	"math"
	"strconv"
	"strings"
)

// core reads a figure at token j: digits (with a multiplier word after
// them) or number words.
func (r *numReader) core(j int) (numVal, int, bool) {
	if j >= len(r.toks) {
		return numVal{}, j, false
	}
	t := r.toks[j]
	switch t.Kind {
	case Number:
		if r.partOfDate(j) {
			return numVal{}, j, false
		}
		f, ok := parseDigits(t.Norm)
		if !ok {
			return numVal{}, j, false
		}
		v := numVal{value: f, max: f}
		next := j + 1
		if next < len(r.toks) && r.toks[next].Kind == Word {
			// «3 آلاف», «2.5 مليون», «500 ألف»
			if w, ok := numWords[r.toks[next].Norm]; ok && w.class == clMult && !w.multiplierDual() && w.value >= 1000 {
				v.value *= w.value
				v.max = v.value
				next++
			}
		}
		return v, next, true
	case Word:
		return r.coreFrom(j, t.Norm)
	}
	return numVal{}, j, false
}

// coreFrom reads number words starting at token j, whose normal form is
// taken to be first (a caller may have stripped a و).
func (r *numReader) coreFrom(j int, first string) (numVal, int, bool) {
	w, ok := numWords[first]
	article := false
	if !ok {
		if v, n, ok := r.fewAt(j, first); ok {
			return v, n, true
		}
		rest := ""
		switch {
		case strings.HasPrefix(first, "ال"):
			rest = first[len("ال"):]
			if w2, ok2 := numWords[rest]; ok2 && w2.class == clUnit && w2.value >= 3 {
				w, ok, article = w2, true, true // «الثلاثة»
			}
		case len(first) > 4 && strings.ContainsAny(first[:2], "وفبلك"):
			rest = first[2:] // «وثلاثة», «بخمسة»
			if w2, ok2 := numWords[rest]; ok2 && w2.class != clTeenHead {
				w, ok = w2, true
			} else if v, n, ok := r.fewAt(j, rest); ok {
				return v, n, true
			}
		}
		if !ok {
			return numVal{}, j, false
		}
	}
	var total, cur float64
	last := w.class
	lastMult := math.Inf(1)
	k := j + 1
	switch w.class {
	case clUnit, clTen, clHundred:
		cur = w.value
	case clTeenHead:
		if k >= len(r.toks) || !isTen(r.toks[k].Norm) {
			return numVal{}, j, false // «أحد» alone is «one of», not a figure
		}
		cur, last = w.value+10, clTen
		k++
	case clFraction:
		if k >= len(r.toks) {
			return numVal{}, j, false
		}
		m, ok := numWords[r.toks[k].Norm]
		if !ok || m.class != clMult || m.vague {
			return numVal{}, j, false
		}
		total, lastMult, last = w.value*m.value, m.value, clMult
		k++
	case clMult:
		if w.vague {
			v := numVal{value: w.value, max: w.value*10 - 1, vague: true}
			if k < len(r.toks) {
				// «عشرات الآلاف», «مئات الآلاف»
				n := strings.TrimPrefix(r.toks[k].Norm, "ال")
				if m, ok := numWords[n]; ok && m.class == clMult && m.value > w.value && !m.multiplierDual() {
					v.value *= baseOf(m)
					v.max = v.value*10 - 1
					k++
				}
			}
			return v, k, true
		}
		total, lastMult = w.value, baseOf(w)
	}
	teen := false
loop:
	for k < len(r.toks) && r.toks[k].Kind == Word {
		n := r.toks[k].Norm
		step := 1
		joined := false
		switch {
		case n == "و" && k+1 < len(r.toks) && r.toks[k+1].Kind == Word:
			n, step, joined = r.toks[k+1].Norm, 2, true
		case strings.HasPrefix(n, "و") && len(n) > len("و"):
			if _, ok := numWords[n[len("و"):]]; ok {
				n, joined = n[len("و"):], true
			}
		}
		x, ok := numWords[n]
		if !ok {
			break
		}
		if !joined {
			switch {
			case last == clUnit && !teen && cur >= 1 && cur <= 9 && isTen(n):
				cur += 10 // «خمسة عشر»
				teen = true
			case last == clUnit && !teen && cur >= 3 && cur <= 9 && x.class == clHundred && x.value == 100:
				cur *= 100 // «ثلاث مئة»
				last = clHundred
			case x.class == clMult && baseOf(x) < lastMult && !x.multiplierDual():
				if cur == 0 {
					cur = 1
				}
				total += cur * baseOf(x) // «ثلاثة آلاف», «خمسة عشر ألفا»
				cur, lastMult, last, teen = 0, baseOf(x), clMult, false
			default:
				break loop
			}
			k += step
			continue
		}
		switch {
		case last == clUnit && !teen && x.class == clTen && math.Mod(cur, 100) < 10:
			cur += x.value // «خمسة وثلاثين»
			last = clTen
		case (last == clHundred || last == clMult) && (x.class == clUnit || x.class == clTen):
			cur += x.value // «مئة وخمسة», «ألف وعشرون»
			last, teen = x.class, false
		case last == clMult && x.class == clHundred:
			cur += x.value // «ألف وخمسمائة»
			last = clHundred
		case last == clMult && x.class == clFraction:
			total += x.value * lastMult // «مليون ونصف»
			k += step
			break loop
		case last == clMult && x.class == clMult && !x.vague && baseOf(x) < lastMult:
			total += x.value
		default:
			break loop
		}
		k += step
	}
	return numVal{value: total + cur, max: total + cur, article: article}, k, true
}

// fewAt reads «عدة», «بضعة», «عدد من», «عدداً من», «العديد من» at token j.
func (r *numReader) fewAt(j int, n string) (numVal, int, bool) {
	if n == "عده" && !strings.HasSuffix(r.toks[j].Text, "ة") {
		return numVal{}, j, false // «عده» with ه is «his count», «بعده» «after him»
	}
	if v, ok := fewWords[n]; ok {
		if v == 0 { // «العديد» needs its «من»
			if j+1 < len(r.toks) && r.toks[j+1].Norm == "من" {
				return numVal{value: 0, max: -1, vague: true}, j + 2, true
			}
			return numVal{}, j, false
		}
		return numVal{value: v, max: 9, vague: true}, j + 1, true
	}
	if (n == "عدد" || n == "عددا") && j+1 < len(r.toks) && r.toks[j+1].Norm == "من" {
		return numVal{value: 0, max: -1, vague: true}, j + 2, true
	}
	return numVal{}, j, false
}

// baseOf is the power of ten a multiplier stands for (ألفين → 1000).
func baseOf(w numWord) float64 {
	if w.multiplierDual() {
		return w.value / 2
	}
	return w.value
}

func isTen(n string) bool { return n == "عشر" || n == "عشره" }

// yearWords precede a year, not a count.
var yearWords = map[string]bool{}

// yearContext precedes a bare four-digit year («في 2019», «منذ 2011»).
var yearContext = map[string]bool{}

func init() {
	for _, w := range []string{"عام", "العام", "لعام", "للعام", "بعام", "وعام", "عامي", "سنة", "السنة", "لسنة", "للسنة", "سنه", "عامَي"} {
		yearWords[Normalize(w)] = true
	}
	for _, w := range []string{"في", "منذ", "حتى", "خلال", "مطلع", "منتصف", "أواخر", "أوائل", "نهاية", "بداية", "قبل", "بعد", "ومنذ", "وفي"} {
		yearContext[Normalize(w)] = true
	}
}

// partOfDate reports whether the Number token j belongs to a date, a year
// or a time, which FindDates reads.
func (r *numReader) partOfDate(j int) bool {
	t := r.toks[j]
	digits := digitCount(t.Norm)
	// Chains of figures glued by / - . : («2020-06-05», «05/06/2020», «10:30»).
	parts, sep, four, spaced := r.chain(j)
	if !spaced && parts >= 2 && (sep == ":" || parts >= 3 || four) || spaced && parts >= 3 && four {
		return true
	}
	if j+1 < len(r.toks) {
		nx := r.toks[j+1]
		if nx.Kind == Word && isMonthWord(nx.Norm) {
			return true // «5 يونيو»
		}
		if digits == 4 && nx.Kind == Word && (nx.Norm == "م" || nx.Norm == "ه") {
			return true // «2019م», «1441هـ»
		}
	}
	if j > 0 {
		pv := r.toks[j-1]
		if pv.Kind == Word && yearWords[pv.Norm] {
			return true
		}
		if digits == 4 && pv.Kind == Word && (isMonthWord(pv.Norm) || yearContext[pv.Norm]) {
			if f, _ := parseDigits(t.Norm); f >= 1900 && f <= 2100 || isMonthWord(pv.Norm) {
				return true
			}
		}
		if pv.Kind == Punct && pv.Norm == "/" && j > 1 && r.toks[j-2].Kind == Word && isMonthWord(r.toks[j-2].Norm) {
			return true // «يونيو/حزيران 2020» is caught above; «حزيران/2020» here
		}
	}
	return false
}

// chain counts the figures joined to token j by one separator, says
// whether one of them has four digits, and whether spaces stood around a
// separator («27 - 11 - 2024»).
func (r *numReader) chain(j int) (parts int, sep string, four, spaced bool) {
	linked := func(k int) bool { // figure k, separator k+1, figure k+2
		return k >= 0 && k+2 < len(r.toks) && r.toks[k].Kind == Number && r.toks[k+1].Kind == Punct &&
			isDateSep(r.toks[k+1].Norm) && r.toks[k+2].Kind == Number
	}
	// Dates have three parts at most: looking two links either way is
	// enough, and keeps long chains («1-1-1-…») linear.
	first := j
	for step := 0; step < 2 && linked(first-2); step++ {
		first -= 2
	}
	parts = 1
	four = digitCount(r.toks[first].Norm) == 4
	for k := first; linked(k) && parts < 5; k += 2 {
		if sep != "" && r.toks[k+1].Norm != sep {
			break
		}
		parts++
		sep = r.toks[k+1].Norm
		four = four || digitCount(r.toks[k+2].Norm) == 4
		spaced = spaced || r.toks[k].End != r.toks[k+1].Start || r.toks[k+1].End != r.toks[k+2].Start
	}
	return parts, sep, four, spaced
}

func isDateSep(s string) bool { return s == "/" || s == "-" || s == ":" || s == "." }

func isMonthWord(n string) bool {
	if _, ok := monthWords[n]; ok {
		return true
	}
	if len(n) > 2 && strings.ContainsAny(n[:2], "وفبل") {
		_, ok := monthWords[n[2:]]
		return ok
	}
	return false
}

func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// parseDigits reads a figure in normalised digits with separators. A comma
// or dot followed by groups of exactly three digits separates thousands
// («1,000», «1.000.000»); a lone dot before three digits ending in zero is
// read the same way («2.500», as Maghrebi papers write it); any other comma
// or dot is a decimal point («3.5», «2,5»). The Arabic comma only ever
// reaches here as a thousands separator.
func parseDigits(s string) (float64, bool) {
	s = strings.ReplaceAll(s, "،", ",")
	var intPart, frac strings.Builder
	groups := splitSeps(s)
	if len(groups) == 0 || groups[0].digits == "" {
		return 0, false
	}
	intPart.WriteString(groups[0].digits)
	// Decide what each separator kind is.
	thousands := map[byte]bool{}
	count := map[byte]int{}
	for _, g := range groups[1:] {
		count[g.sep]++
	}
	for sep := range count {
		all3 := true
		for _, g := range groups[1:] {
			if g.sep == sep && len(g.digits) != 3 {
				all3 = false
			}
		}
		switch {
		case !all3:
		case count[sep] > 1:
			thousands[sep] = true
		case sep == ',' && count['.'] == 0:
			thousands[sep] = true
		case sep == ',' && count['.'] > 0:
			thousands[sep] = true // «1,234.5»
		case sep == '.' && count[','] > 0:
			thousands[sep] = true // «1.234,5»
		case sep == '.' && len(groups[0].digits) <= 3:
			last := groups[len(groups)-1].digits
			thousands[sep] = last[len(last)-1] == '0'
		}
	}
	seenDecimal := false
	for _, g := range groups[1:] {
		switch {
		case thousands[g.sep] && !seenDecimal:
			intPart.WriteString(g.digits)
		case !seenDecimal:
			seenDecimal = true
			frac.WriteString(g.digits)
		default:
			return 0, false // two decimal points
		}
	}
	num := intPart.String()
	if frac.Len() > 0 {
		num += "." + frac.String()
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return 0, false
	}
	return f, true
}

type digitGroup struct {
	sep    byte
	digits string
}

func splitSeps(s string) []digitGroup {
	var out []digitGroup
	cur := digitGroup{}
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			continue
		}
		if c != ',' && c != '.' {
			return nil
		}
		cur.digits = s[start:i]
		out = append(out, cur)
		cur = digitGroup{sep: c}
		start = i + 1
	}
	cur.digits = s[start:]
	return append(out, cur)
}
