package stories

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

// FramingReport compares how outlets name the actors: the labels
// («مليشيات», «قوات», «الجيش»...) and names each outlet uses for each actor,
// both by outlet and by actor. `marsad stories` writes it as the last line,
// with Kind "framing".
type FramingReport struct {
	Kind     string          `json:"kind"`
	ByOutlet []OutletFraming `json:"by_outlet"`
	ByActor  []ActorFraming  `json:"by_actor"`
}

// OutletFraming is what one outlet calls each actor.
type OutletFraming struct {
	// Outlet is the source's outlet, else its agency, else "doc:" + doc id.
	Outlet string        `json:"outlet"`
	DocIDs []string      `json:"doc_ids"`
	Actors []ActorLabels `json:"actors"`
}

// ActorLabels is how one outlet names one actor.
type ActorLabels struct {
	Actor string `json:"actor"`
	Name  string `json:"name,omitempty"`
	Side  string `json:"side,omitempty"`
	// Tone is the tone of most of the labels («mixed» on a tie), "" when
	// none of them is in the lexicon.
	Tone   string     `json:"tone"`
	Labels []LabelUse `json:"labels"`
	// Names are the surface forms the outlet uses for the actor.
	Names []LabelUse `json:"names"`
}

// ActorFraming is how each outlet names one actor.
type ActorFraming struct {
	Actor   string        `json:"actor"`
	Name    string        `json:"name,omitempty"`
	Side    string        `json:"side,omitempty"`
	Outlets []OutletLabel `json:"outlets"`
}

// OutletLabel is one outlet's labels for the actor of an ActorFraming.
type OutletLabel struct {
	Outlet string     `json:"outlet"`
	Tone   string     `json:"tone"`
	Labels []LabelUse `json:"labels"`
	Names  []LabelUse `json:"names"`
}

// LabelUse is a label or name with how often it is used.
type LabelUse struct {
	// Label is the lexicon's canonical spelling when the label is in the
	// lexicon, else the label as first written.
	Label string `json:"label"`
	Count int    `json:"count"`
	// Tone is "" for a label outside the lexicon.
	Tone   Tone `json:"tone,omitempty"`
	Loaded bool `json:"loaded"`
}

// FramingTable accumulates framing over documents; its zero value is empty
// and ready to use.
type FramingTable struct {
	outlets map[string]*outletAcc
	actors  map[string]*actorInfo
}

type outletAcc struct {
	docIDs []string
	actors map[string]*labelAcc
}

type actorInfo struct{ name, side string }

type labelAcc struct {
	labels, names map[string]*countAcc
}

type countAcc struct {
	display string
	n       int
	tone    Tone
}

// CompareFraming builds the framing comparison of a set of documents.
func CompareFraming(docs []record.Document) []OutletFraming {
	var t FramingTable
	for i := range docs {
		t.Add(&docs[i])
	}
	return t.Report().ByOutlet
}

// actorTypes are the entity types whose naming is compared.
var actorTypes = map[string]bool{record.PER: true, record.ORG: true, record.ArmedGroup: true, record.GOV: true}

// outletOf names a document's source for the framing table.
func outletOf(d *record.Document) string {
	if o := record.Deref(d.Source.Outlet); o != "" {
		return o
	}
	if a := record.Deref(d.Source.Agency); a != "" {
		return a
	}
	return "doc:" + d.DocID
}

// Add takes in one document's labels: its framing entries where the
// pipeline gave them, else each actor mention's label, else a lexicon label
// the mention starts with or follows («مليشيات حفتر», «عناصر الجيش»).
func (t *FramingTable) Add(d *record.Document) {
	if t.outlets == nil {
		t.outlets, t.actors = map[string]*outletAcc{}, map[string]*actorInfo{}
	}
	name := outletOf(d)
	o := t.outlets[name]
	if o == nil {
		o = &outletAcc{actors: map[string]*labelAcc{}}
		t.outlets[name] = o
	}
	o.docIDs = append(o.docIDs, d.DocID)

	framed := map[string]bool{}
	for _, f := range d.Framing {
		if f.Actor == "" {
			continue
		}
		framed[f.Actor] = true
		t.note(f.Actor, f.Name, "")
		a := o.actor(f.Actor)
		for label, n := range f.Labels {
			a.addLabel(label, n)
		}
	}
	var body []rune
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.ID == "" || !actorTypes[e.Type] {
			continue
		}
		t.note(e.ID, e.Name, e.Side)
		a := o.actor(e.ID)
		for _, m := range e.Mentions {
			a.add(a.names, m.Text, 1, false)
			if framed[e.ID] {
				continue
			}
			label := m.Label
			if label == "" {
				if body == nil {
					body = []rune(d.Body)
				}
				label = lexiconLabel(m, body)
			}
			if label != "" {
				a.addLabel(label, 1)
			}
		}
	}
}

// note remembers an actor's canonical name and side, first ones given.
func (t *FramingTable) note(id, name, side string) {
	info := t.actors[id]
	if info == nil {
		info = &actorInfo{}
		t.actors[id] = info
	}
	if info.name == "" {
		info.name = name
	}
	if info.side == "" {
		info.side = side
	}
}

func (o *outletAcc) actor(id string) *labelAcc {
	a := o.actors[id]
	if a == nil {
		a = &labelAcc{labels: map[string]*countAcc{}, names: map[string]*countAcc{}}
		o.actors[id] = a
	}
	return a
}

func (a *labelAcc) addLabel(label string, n int) { a.add(a.labels, label, n, true) }

// add counts a label or name; labels in the lexicon count under their
// canonical spelling.
func (a *labelAcc) add(m map[string]*countAcc, text string, n int, isLabel bool) {
	text = strings.TrimSpace(text)
	if text == "" || n <= 0 {
		return
	}
	key, display, tone := arabic.Normalize(text), text, Tone("")
	if isLabel {
		if e, ok := LookupLabel(text); ok {
			key, display, tone = "lex:"+e.Term, e.Term, e.Tone
		}
	} else if e, ok := LookupLabel(text); ok {
		tone = e.Tone
	}
	c := m[key]
	if c == nil {
		c = &countAcc{display: display, tone: tone}
		m[key] = c
	}
	c.n += n
}

// lexiconLabel finds a lexicon label in a mention's first word or in the
// word right before it.
func lexiconLabel(m record.Mention, body []rune) string {
	if first, _, ok := strings.Cut(strings.TrimSpace(m.Text), " "); ok {
		if _, in := LookupLabel(first); in {
			return first
		}
	}
	if m.Start <= 0 || m.Start > len(body) {
		return ""
	}
	end := m.Start
	for end > 0 && unicode.IsSpace(body[end-1]) {
		end--
	}
	start := end
	for start > 0 && (unicode.IsLetter(body[start-1]) || unicode.Is(unicode.Mn, body[start-1])) {
		start--
	}
	if start == end {
		return ""
	}
	w := string(body[start:end])
	if _, in := LookupLabel(w); in {
		return w
	}
	return ""
}

// Report returns the table, outlets and actors in a stable order: outlets
// by name, actors by how often they are named, labels by count.
func (t *FramingTable) Report() FramingReport {
	r := FramingReport{Kind: KindFraming, ByOutlet: []OutletFraming{}, ByActor: []ActorFraming{}}
	byActor := map[string]*ActorFraming{}
	for _, oname := range sortedKeys(t.outlets) {
		o := t.outlets[oname]
		of := OutletFraming{Outlet: oname, DocIDs: o.docIDs, Actors: []ActorLabels{}}
		for _, id := range sortedKeys(o.actors) {
			a := o.actors[id]
			info := t.actors[id]
			if len(a.labels) == 0 && info.side == "" {
				continue // a person or body named without a label says little
			}
			labels, names := uses(a.labels), uses(a.names)
			tone := dominantTone(labels)
			of.Actors = append(of.Actors, ActorLabels{Actor: id, Name: info.name, Side: info.side, Tone: tone, Labels: labels, Names: names})
			af := byActor[id]
			if af == nil {
				af = &ActorFraming{Actor: id, Name: info.name, Side: info.side}
				byActor[id] = af
			}
			af.Outlets = append(af.Outlets, OutletLabel{Outlet: oname, Tone: tone, Labels: labels, Names: names})
		}
		slices.SortStableFunc(of.Actors, func(x, y ActorLabels) int {
			return cmp.Compare(total(y.Labels)+total(y.Names), total(x.Labels)+total(x.Names))
		})
		r.ByOutlet = append(r.ByOutlet, of)
	}
	for _, id := range sortedKeys(byActor) {
		r.ByActor = append(r.ByActor, *byActor[id])
	}
	slices.SortStableFunc(r.ByActor, func(x, y ActorFraming) int { return cmp.Compare(len(y.Outlets), len(x.Outlets)) })
	return r
}

func uses(m map[string]*countAcc) []LabelUse {
	out := make([]LabelUse, 0, len(m))
	for _, k := range sortedKeys(m) {
		c := m[k]
		out = append(out, LabelUse{Label: c.display, Count: c.n, Tone: c.tone, Loaded: c.tone.Loaded()})
	}
	slices.SortStableFunc(out, func(a, b LabelUse) int { return cmp.Compare(b.Count, a.Count) })
	return out
}

func total(us []LabelUse) int {
	n := 0
	for _, u := range us {
		n += u.Count
	}
	return n
}

// dominantTone is the tone most label uses carry, "mixed" on a tie, "" when
// no label is in the lexicon.
func dominantTone(us []LabelUse) string {
	counts := map[Tone]int{}
	for _, u := range us {
		if u.Tone != "" {
			counts[u.Tone] += u.Count
		}
	}
	best, bestN, tie := Tone(""), 0, false
	for _, t := range []Tone{Pejorative, Legitimising, Neutral} {
		switch n := counts[t]; {
		case n > bestN:
			best, bestN, tie = t, n, false
		case n == bestN && n > 0:
			tie = true
		}
	}
	if tie {
		return "mixed"
	}
	return string(best)
}
