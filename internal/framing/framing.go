// Package framing counts, for each actor an article names, the labels the
// article uses for it: «مليشيات حفتر» and «قوات الوفاق» frame the same
// war differently. Labels come from the entity stage (Mention.Label), else
// from the words of the mention itself («الجيش الوطني الليبي» is called
// «الجيش») and the words right before it («مرتزقة الفاغنر»).
package framing

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

// Stage fills doc.Framing from doc.Entities, and the Label of mentions the
// entity stage left without one. It runs last, after the entity stage.
type Stage struct{}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "framing" }

// Process implements pipeline.Stage.
func (Stage) Process(d *doc.Doc) error {
	d.Framing = Frame(d)
	return nil
}

// actorTypes are the entity types whose labels are counted.
var actorTypes = map[string]bool{record.PER: true, record.ORG: true, record.ArmedGroup: true, record.GOV: true}

// maxLabelWords bounds the descriptors read before a mention
// («الجنرال الهارب خليفة حفتر»).
const maxLabelWords = 3

// Frame returns the framing of d's actors, in the order of d.Entities;
// actors the article names without a label are left out. Mentions without
// a Label get the first label found for them.
func Frame(d *doc.Doc) []record.Framing {
	runes := d.Runes()
	counts := make([]map[string]int, len(d.Entities))
	add := func(ei int, label string) {
		if counts[ei] == nil {
			counts[ei] = map[string]int{}
		}
		counts[ei][label]++
	}
	for ei := range d.Entities {
		e := &d.Entities[ei]
		if !actorTypes[e.Type] {
			continue
		}
		person := e.Type == record.PER
		for mi := range e.Mentions {
			m := &e.Mentions[mi]
			if nested(e.Mentions, mi) {
				continue // counted with the mention that holds it
			}
			// The entity stage's label, then what the mention's own words
			// and the words before it say; each label once per mention.
			var found []Label
			if m.Label != "" {
				found = append(found, canonical(m.Label, person))
			}
			found = append(found, ownLabels(m.Text, person)...)
			found = append(found, labelsBefore(runes, m.Start, person)...)
			seen := map[string]bool{}
			for _, l := range found {
				if seen[l.Canonical] {
					continue
				}
				seen[l.Canonical] = true
				target := ei
				if person && l.Kind == Group {
					// «مليشيات حفتر»: the label is for the person's force.
					if f := forceOf(d, e.Side, l); f >= 0 {
						target = f
					}
				}
				add(target, l.Canonical)
			}
			if m.Label == "" && len(found) > 0 {
				m.Label = found[0].Canonical
			}
		}
	}
	var out []record.Framing
	for ei, c := range counts {
		if len(c) == 0 {
			continue
		}
		e := &d.Entities[ei]
		out = append(out, record.Framing{Actor: e.ID, Labels: c, Name: e.Name})
	}
	return out
}

// nested reports whether mention i lies inside another mention of the
// same entity («خليفة حفتر» within «المشير خليفة حفتر»).
func nested(ms []record.Mention, i int) bool {
	for j := range ms {
		if j != i && ms[j].Start <= ms[i].Start && ms[i].End <= ms[j].End && ms[j].End-ms[j].Start > ms[i].End-ms[i].Start {
			return true
		}
	}
	return false
}

// canonical is a label given by the entity stage as the lexicon knows it
// (first word first: «مليشيات حفتر»); a label outside the lexicon is kept
// as given, as a group label.
func canonical(label string, person bool) Label {
	if l, ok := Lookup(label, person); ok {
		return l
	}
	if f := strings.Fields(label); len(f) > 1 {
		if l, ok := Lookup(f[0], person); ok {
			return l
		}
	}
	return Label{Canonical: strings.TrimSpace(label), Kind: Group}
}

// ownLabels are the labels a mention's own words open with: «قوات حفتر»
// is called «قوات»; a person may carry several titles («اللواء المتقاعد»).
func ownLabels(text string, person bool) []Label {
	words := strings.Fields(text)
	var out []Label
	for i, w := range words {
		if i == len(words)-1 && i > 0 || i >= maxLabelWords {
			break // the last word is the name itself
		}
		l, ok := Lookup(w, person)
		if !ok || person && l.Kind == Group {
			break
		}
		out = append(out, l)
		if !person {
			break
		}
	}
	return out
}

// labelsBefore reads the descriptors right before the mention that starts
// at code point start, nearest first; quotation marks are skipped
// («مرتزقة “الجنجويد”»), other punctuation ends the search.
func labelsBefore(runes []rune, start int, person bool) []Label {
	p := start
	for p > 0 && isWordRune(runes[p-1]) {
		p-- // the mention may start after a clitic of its first word
	}
	var out []Label
	for len(out) < maxLabelWords {
		for p > 0 && (unicode.IsSpace(runes[p-1]) || isQuoteMark(runes[p-1])) {
			p--
		}
		e := p
		for p > 0 && isWordRune(runes[p-1]) {
			p--
		}
		if p == e {
			break
		}
		l, ok := Lookup(string(runes[p:e]), person)
		if !ok {
			break
		}
		out = append(out, l)
		if l.Kind == Group {
			break // a group word opens the phrase: «مليشيات اللواء فلان»
		}
	}
	return out
}

func isWordRune(r rune) bool {
	return arabic.IsArabicLetter(r) || unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == 'ـ'
}

func isQuoteMark(r rune) bool {
	switch r {
	case '«', '»', '“', '”', '"', '„':
		return true
	}
	return false
}

// forceOf returns the entity that is the force or government of a side,
// for a group label put on one of its people; -1 when the article names
// none, or several of the kind the label asks for.
func forceOf(d *doc.Doc, side string, l Label) int {
	if side == "" {
		return -1
	}
	want := record.ArmedGroup
	switch l.Canonical {
	case "الحكومة", "النظام", "المجلس", "السلطات":
		want = record.GOV
	}
	best, n := -1, 0
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Side == side && e.Type == want {
			best, n = i, n+1
		}
	}
	if n != 1 {
		return -1
	}
	return best
}
