package events

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

// speech is a report cue in a sentence and who it names as the source:
// «قالت مصادر عسكرية ...», «بحسب الموقع», «وفق قوله».
type speech struct {
	cue         hit
	first, last int // the source's tokens; last < first when none is named
	who         *mention
	according   bool
	// pronoun is true for «وفق قوله»: the source is someone named before.
	pronoun bool
}

// sourceless are words that, right after a report cue, show it names no
// source: «الإعلان عن», «أعلن في».
var sourceless = stemSet("عن", "في", "علي", "من", "الي", "ان", "بان", "ذلك", "هذا", "هذه", "ل", "لـ", "ما", "لما", "مما")

// maxSource is the longest run of tokens read as the source of a report.
const maxSource = 8

// findSpeakers reads the report cues of sentence s and their sources.
func (c *docContext) findSpeakers(s *sentence) {
	add := func(h hit, according bool) {
		from := h.last + 1
		if according {
			// «وفقا لما أفادت به وكالة سبأ»: the source is the subject of
			// the reporting verb the cue leads to.
			for from < s.end && from <= h.last+3 && c.relayWord(from) {
				from++
			}
		}
		sp := speech{cue: h, first: from, last: from - 1, according: according}
		apposed := false
		for i := from; i < s.end && i <= from+maxSource-1; i++ {
			t := &c.v.toks[i]
			if t.Kind == arabic.Punct && t.Norm != "(" && t.Norm != ")" {
				// «المتحدث باسم العملية، محمد قنونو،»: a name in apposition.
				if !apposed && i > from && i+1 < s.end && c.actorStartsAt(i+1) {
					apposed = true
					continue
				}
				break
			}
			// A trigger inside a name («هيئة تحرير الشام») does not end it.
			if t.Kind == arabic.Word && (complementisers[t.Stem] || c.startsTrigger(i, s.end) && !c.insideName(i, i)) {
				break
			}
			if i > from && c.lex.verbs[t.Stem] {
				break
			}
			sp.last = i
		}
		// «أفادت به وكالة سبأ»: the pronoun takes up what was reported; the
		// source follows it.
		if sp.first <= sp.last && sp.first < s.end {
			if ft := &c.v.toks[sp.first]; ft.Stem == "ب" && ft.Enclitic != "" {
				sp.first++
			}
		}
		// «الإعلان عن», «تصريح للرائد»: a preposition, not a source.
		if ft := &c.v.toks[min(sp.first, s.end-1)]; sp.last >= sp.first && (sourceless[ft.Stem] && len(ft.Proclitics()) == 0 || hasProclitic(ft, "ل")) {
			sp.last = sp.first - 1
		}
		if sp.last >= sp.first {
			stem := c.v.toks[sp.first].Stem
			sp.pronoun = (stem == "قول" || stem == "قوله") && c.v.toks[sp.first].Enclitic != ""
			for _, m := range c.mentions {
				if m.actor && m.first >= sp.first && m.last <= sp.last {
					sp.who = m
					break
				}
			}
		}
		s.speakers = append(s.speakers, sp)
	}
	for _, h := range c.hits(s, cueSpeech) {
		add(h, false)
	}
	for _, h := range c.hits(s, cueAccording) {
		add(h, true)
	}
	// Keep them in text order.
	for a := 1; a < len(s.speakers); a++ {
		for b := a; b > 0 && s.speakers[b].cue.first < s.speakers[b-1].cue.first; b-- {
			s.speakers[b], s.speakers[b-1] = s.speakers[b-1], s.speakers[b]
		}
	}
}

// relayWord reports whether token i stands between an according-cue and
// the source it leads to: «لما», «ما», a reporting verb, «به».
func (c *docContext) relayWord(i int) bool {
	t := &c.v.toks[i]
	return relayWords[t.Stem] || t.Stem == "ب" && t.Enclitic != "" || c.isCueAt(cueSpeech, i)
}

var relayWords = stemSet("لما", "ما", "مما")

// actorStartsAt reports whether an actor mention starts at token i.
func (c *docContext) actorStartsAt(i int) bool {
	for _, m := range c.mentions {
		if m.actor && m.first == i {
			return true
		}
	}
	return false
}

// startsTrigger reports whether an event trigger starts at token i.
func (c *docContext) startsTrigger(i, end int) bool {
	return len(c.v.matchAt(&c.lex.trigSet, i, end)) > 0
}

// inSource reports whether token i lies in the source of a report cue of s.
func (s *sentence) inSource(i int) bool {
	for _, sp := range s.speakers {
		if i >= sp.cue.first && i <= sp.last {
			return true
		}
	}
	return false
}

// claimOf names who asserts an event: the speaker of a quote around it,
// the source of a report cue of its sentence, the source a pronoun refers
// to («وفق قوله»), or else the agency or outlet that published it.
func (c *docContext) claimOf(ev *candidate) *record.Claim {
	start := c.v.toks[ev.first].Start
	for _, q := range c.d.Quotes {
		if start >= q.Span[0] && start < q.Span[1] {
			name := q.Speaker.Name
			if name == "" {
				name = q.SpeakerText
			}
			if name != "" {
				return &record.Claim{ID: q.Speaker.ID, Name: record.Str(name)}
			}
		}
	}
	s := ev.sent
	if a := c.blamer(ev); a != nil {
		return &record.Claim{ID: record.Str(a.id), Name: record.Str(a.name)}
	}
	var pick *speech
	for k := range s.speakers {
		if sp := &s.speakers[k]; sp.cue.first < ev.first && (sp.last >= sp.first || sp.pronoun) {
			pick = sp // the nearest cue before the event that names a source
		}
	}
	if pick == nil {
		for k := range s.speakers {
			if sp := &s.speakers[k]; sp.according {
				pick = sp // «..., بحسب الموقع»
				break
			}
		}
	}
	if pick != nil && pick.pronoun {
		pick = c.earlierSpeaker(s, pick.cue.first)
	}
	if pick != nil {
		if cl := c.claimFrom(pick); cl != nil {
			return cl
		}
	}
	if name := firstNonEmpty(c.d.Agency, c.d.Outlet); name != "" {
		return &record.Claim{Name: record.Str(name)}
	}
	return nil
}

// blamer is who holds another responsible for the event in a claim of
// responsibility: «حمّلت حكومة الوفاق قوات حفتر مسؤولية الغارة» is the
// government's claim. The subject follows the verb.
func (c *docContext) blamer(ev *candidate) *actorRef {
	s := ev.sent
	if !c.cueIn(s, cueResponsibility, s.first, s.end) {
		return nil
	}
	for i := s.first; i < ev.first; i++ {
		if !blameVerbs[c.v.toks[i].Stem] {
			continue
		}
		for _, m := range c.mentionsIn(i+1, ev.first) {
			if m.actor && m.first <= i+2 {
				return c.actorOf(m)
			}
		}
	}
	return nil
}

// blames reports whether a blame verb stands before token at in s.
func (c *docContext) blames(s *sentence, at int) bool {
	for i := s.first; i < at; i++ {
		if blameVerbs[c.v.toks[i].Stem] {
			return true
		}
	}
	return false
}

var blameVerbs = stemSet("حمل", "حملت", "حملوا", "يحمل", "تحمل")

// earlierSpeaker returns the named source of a report cue before token at
// in s or in the sentence before it.
func (c *docContext) earlierSpeaker(s *sentence, at int) *speech {
	for k := len(s.speakers) - 1; k >= 0; k-- {
		sp := &s.speakers[k]
		if sp.cue.first < at && !sp.pronoun && sp.last >= sp.first {
			return sp
		}
	}
	if s.idx > 0 {
		prev := c.sents[s.idx-1]
		for k := len(prev.speakers) - 1; k >= 0; k-- {
			if sp := &prev.speakers[k]; !sp.pronoun && sp.last >= sp.first {
				return sp
			}
		}
	}
	return nil
}

// claimFrom turns a report cue's source into a claim.
func (c *docContext) claimFrom(sp *speech) *record.Claim {
	if sp.last < sp.first {
		return nil
	}
	// A named actor who speaks for itself is the claimant; «مصادر في X»
	// are sources, named as written.
	if sp.who != nil && !c.isCueAt(cueSource, sp.first) {
		a := c.actorOf(sp.who)
		return &record.Claim{ID: record.Str(a.id), Name: record.Str(a.name)}
	}
	text := strings.TrimSpace(c.text(sp.first, sp.last))
	text = strings.Trim(text, " ()«»\"“”،,")
	if text == "" {
		return nil
	}
	return &record.Claim{Name: record.Str(text)}
}

// isCueAt reports whether a one-word cue of a kind is at token i.
func (c *docContext) isCueAt(kind string, i int) bool {
	for _, f := range c.v.forms[i] {
		if c.isCue(kind, f) {
			return true
		}
	}
	return false
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}
