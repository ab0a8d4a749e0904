package quotes

import (
	"sort"
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/meta"
	"github.com/marsad/marsad/internal/record"
)

// sentence turns the reporting constructions of sentence si into quotes.
func (a *analyser) sentence(si int) {
	s := a.sents[si]
	cands := a.detect(s)
	if len(cands) == 0 {
		return
	}
	sort.SliceStable(cands, func(x, y int) bool { return cands[x].tok < cands[y].tok })
	cands = claimed(cands)
	a.absorb(cands)
	var emitted []*candidate
	var speakers []speaker
	for ci, c := range cands {
		if c.absorbed {
			continue
		}
		from, to, direct := a.contentSpan(c, cands[ci+1:], emitted, s)
		if to <= from {
			continue
		}
		sp, ok := a.resolve(c, emitted, speakers, s)
		if !ok {
			continue
		}
		a.out = append(a.out, record.Quote{
			Speaker:     sp.rec,
			SpeakerText: sp.text,
			Cue:         c.cueText,
			Text:        string(a.runes[from:to]),
			Span:        [2]int{from, to},
			Direct:      direct,
		})
		a.history = append(a.history, sp)
		emitted = append(emitted, c)
		speakers = append(speakers, sp)
	}
}

// claimed drops cues that stand between another cue and its content:
// they are part of its subject or adjuncts («ذكرت الوكالة نقلا عن مصادر
// أن...»).
func claimed(cands []*candidate) []*candidate {
	out := cands[:0]
	for _, c := range cands {
		inside := false
		for _, d := range cands {
			if d != c && !d.trailing && d.content > d.tok && d.tok < c.tok && c.tok < d.content {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, c)
		}
	}
	return out
}

// absorb folds a trailing attribution into the quote before it in the
// sentence («وأشار إلى أن...، بحسب الموقع»): it ends that quote's content
// and, when that quote's speaker was implicit, names it.
func (a *analyser) absorb(cands []*candidate) {
	for ti, t := range cands {
		if !t.trailing {
			continue
		}
		for k := ti - 1; k >= 0; k-- {
			c := cands[k]
			if c.trailing || c.content < 0 || c.content >= t.tok {
				continue
			}
			t.absorbed = true
			if c.mode == subjPronoun && !t.pronounAgent && t.mode == subjExplicit && c.override == nil {
				c.override = t
			}
			break
		}
	}
}

// contentSpan returns the code points of what c reports, and whether it
// is a quotation in marks. later are the candidates after c in the
// sentence, emitted those before it that became quotes.
func (a *analyser) contentSpan(c *candidate, later, emitted []*candidate, s sentence) (int, int, bool) {
	if c.trailing {
		start := s.t0
		if len(emitted) > 0 {
			start = a.tokenAt(a.out[len(a.out)-1].Span[1])
		} else if s.t1 > s.t0 {
			// «الأبيض (د ب أ) - أجبرت ...، بحسب ما أفاد به مسؤولون»: the
			// dateline is the agency's, not the officials' words.
			from := a.toks[s.t0].Start
			if n := meta.DatelineLength(string(a.runes[from:a.toks[s.t1-1].End])); n > 0 {
				for start < s.t1 && a.toks[start].Start < from+n {
					start++
				}
			}
		}
		for start < c.clause && (a.introducerAt(start) > 0 || a.isPunct(start) && !a.openQuote(start) || a.text(start) == "و") {
			if n := a.introducerAt(start); n > 0 {
				start += n
			} else {
				start++
			}
		}
		if start >= c.clause {
			return 0, 0, false
		}
		if a.openQuote(start) && a.closeOf[start] == c.clause-1 {
			return a.toks[start].End, a.toks[c.clause-1].Start, true
		}
		from := a.toks[start].Start
		if a.conj[start] {
			from++
		}
		return a.trim(from, a.toks[c.clause-1].End)
	}
	p := c.content
	if p < 0 || p >= len(a.toks) {
		return 0, 0, false
	}
	end := s.t1
	if p >= s.t1 {
		// «وقال:» at the end of a sentence: the next sentence is the content.
		end = a.sentenceEndAfter(p)
	} else {
		for _, d := range later {
			if d.cuts && d.clause > p && d.clause < end {
				end = d.clause
			}
		}
		end = a.contrastCut(p, end)
	}
	if a.openQuote(p) {
		cl := a.closeOf[p]
		rest := cl + 1
		for rest < end && a.isPunct(rest) && !a.openQuote(rest) {
			rest++
		}
		if rest >= end || cl >= end {
			return a.toks[p].End, a.toks[cl].Start, true
		}
	}
	if end <= p {
		return 0, 0, false
	}
	return a.trim(a.toks[p].Start, a.toks[end-1].End)
}

// sentenceEndAfter returns the token that ends the sentence holding token p.
func (a *analyser) sentenceEndAfter(p int) int {
	for _, s := range a.sents {
		if s.t0 <= p && p < s.t1 {
			return s.t1
		}
	}
	return p
}

// contrastCut ends content at «، لكن...», «، غير أن...», «، إلا أن...»:
// after a comma they open the writer's own comment.
func (a *analyser) contrastCut(p, end int) int {
	for k := p + 1; k+1 < end; k++ {
		if !a.isComma(k) || a.inQuote[k] >= 0 {
			continue
		}
		w := a.word(k + 1)
		if w == "لكن" || strings.HasPrefix(w, "لكن") && a.inExact(k+1, clauseIntroducers) {
			return k
		}
		if (w == "غير" || w == "الا" || w == "بيد") && k+2 < end && isThat(a.word(k+2)) {
			return k
		}
	}
	return end
}

// trim shrinks [from, to) past surrounding spaces and punctuation, and
// past a quotation mark left unpaired inside it.
func (a *analyser) trim(from, to int) (int, int, bool) {
	r := a.runes
	for from < to && (unicode.IsSpace(r[from]) || strings.ContainsRune(",،:;؛-–—", r[from])) {
		from++
	}
	for to > from && (unicode.IsSpace(r[to-1]) || strings.ContainsRune(".,،:;؛!؟?-–—…", r[to-1])) {
		to--
	}
	if to > from && isMark(string(r[to-1])) && !hasOpening(r[from:to-1]) {
		to--
		for to > from && (unicode.IsSpace(r[to-1]) || strings.ContainsRune(".,،:;؛!؟?", r[to-1])) {
			to--
		}
	}
	if to > from && isMark(string(r[from])) && !hasClosing(r[from+1:to]) {
		from++
	}
	return from, to, false
}

func hasOpening(rs []rune) bool {
	for _, c := range rs {
		if c == '«' || c == '“' || c == '”' || c == '"' || c == '„' {
			return true
		}
	}
	return false
}

func hasClosing(rs []rune) bool {
	for _, c := range rs {
		if c == '»' || c == '”' || c == '“' || c == '"' {
			return true
		}
	}
	return false
}
