// Package synth generates synthetic Arabic-script news corpora with known
// stories and near-duplicates, for benchmarking and measuring the
// cross-document layer at scale. The words are made from Arabic roots and
// patterns, not taken from any text; the generator is deterministic for a
// seed.
package synth

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/marsad/marsad/internal/record"
)

// Config shapes a corpus. Zero fields take the defaults of DefaultConfig.
type Config struct {
	Docs int    // articles to generate
	Seed uint64 // same seed, same corpus
	// DuplicateRate is the share of articles that are edited copies of an
	// earlier article (wire copy republished by another outlet).
	DuplicateRate float64
	// Vocabulary is the number of distinct words of background text.
	Vocabulary int
	Places     int // places events happen in
	Actors     int // armed actors, over four sides
	Outlets    int
	Days       int // the corpus spans this many days
	// MaxStory is the largest number of original articles in one story.
	MaxStory int
}

// DefaultConfig is a year of news: 20% wire copies, stories of 1 to 10
// articles, 4000 background words, 400 places, 60 actors, 80 outlets.
func DefaultConfig(docs int) Config {
	return Config{Docs: docs, Seed: 1, DuplicateRate: 0.2, Vocabulary: 4000, Places: 400,
		Actors: 60, Outlets: 80, Days: 365, MaxStory: 10}
}

// Corpus is a generated set of documents with the truth about them.
type Corpus struct {
	// Docs are in publication order (shuffled within a day).
	Docs []record.Document
	// Story[i] is the index of the story Docs[i] belongs to.
	Story []int
	// Original[i] is the index in Docs of the article Docs[i] copies, -1
	// for an original article.
	Original []int
}

var letters = []rune("بتثجحخدذرزسشصضطظعغفقكلمنهوي")

// patterns turn a root (f, ʿ, l) into a word: 1, 2, 3 stand for the root
// letters.
var patterns = []string{"1ا23", "م12و3", "ت12ي3", "1ع2ا3", "ا123", "م1ا23", "1و23", "ي123", "ت1ا23", "م12ا3", "123ة", "1ا2ي3"}

// functionWords lead the frequency list, as in real text.
var functionWords = []string{"في", "من", "على", "إلى", "أن", "عن", "مع", "التي", "الذي", "بعد", "قد", "كان", "هذا", "بين", "خلال"}

type story struct {
	day        int
	place      int
	event      [2]string
	actor1     int
	actor2     int
	fatalities int
	keywords   []int
	agency     string
}

type gen struct {
	cfg    Config
	r      *rand.Rand
	vocab  []string
	zipf   []float64 // cumulative weights of vocab
	places []record.Location
	actors []record.Actor
	start  time.Time
}

// Generate builds a corpus.
func Generate(cfg Config) Corpus {
	def := DefaultConfig(cfg.Docs)
	if cfg.Seed == 0 {
		cfg.Seed = def.Seed
	}
	if cfg.DuplicateRate == 0 {
		cfg.DuplicateRate = def.DuplicateRate
	}
	for _, f := range []struct {
		v *int
		d int
	}{{&cfg.Vocabulary, def.Vocabulary}, {&cfg.Places, def.Places},
		{&cfg.Actors, def.Actors}, {&cfg.Outlets, def.Outlets}, {&cfg.Days, def.Days}, {&cfg.MaxStory, def.MaxStory}} {
		if *f.v <= 0 {
			*f.v = f.d
		}
	}
	g := &gen{cfg: cfg, r: rand.New(rand.NewPCG(cfg.Seed, 0x5eed)), start: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	g.makeVocabulary()
	g.makePlaces()
	g.makeActors()

	type item struct {
		doc      record.Document
		story    int
		original int // index into items, -1
		day      int
		order    float64
	}
	var items []item
	var stories []story
	for len(items) < cfg.Docs {
		s := g.newStory(len(stories))
		stories = append(stories, s)
		si := len(stories) - 1
		n := 1 + int(math.Min(float64(cfg.MaxStory-1), math.Floor(g.r.ExpFloat64()*1.8)))
		first := len(items)
		for k := 0; k < n && len(items) < cfg.Docs; k++ {
			day := s.day + g.r.IntN(3)
			d := g.article(fmt.Sprintf("s%d-a%d", si, k), s, day)
			items = append(items, item{d, si, -1, day, g.r.Float64()})
			// Wire copies: each original has a chance of being carried again.
			for len(items) < cfg.Docs && g.r.Float64() < cfg.DuplicateRate/(1-cfg.DuplicateRate) {
				orig := first + g.r.IntN(len(items)-first)
				for items[orig].original >= 0 {
					orig = items[orig].original
				}
				cday := items[orig].day + g.r.IntN(2)
				c := g.copyOf(&items[orig].doc, fmt.Sprintf("s%d-a%d-copy%d", si, k, len(items)), cday)
				order := g.r.Float64()
				if cday == items[orig].day {
					order = items[orig].order + (1-items[orig].order)*order
				}
				items = append(items, item{c, si, orig, cday, order})
				if g.r.Float64() < 0.5 {
					break
				}
			}
		}
	}
	// Publication order, shuffled within a day: order is random but a
	// copy's is above its original's, so a copy never comes first.
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if x := cmp.Compare(items[a].day, items[b].day); x != 0 {
			return x
		}
		return cmp.Compare(items[a].order, items[b].order)
	})
	pos := make([]int, len(items))
	for p, i := range idx {
		pos[i] = p
	}
	c := Corpus{Docs: make([]record.Document, len(items)), Story: make([]int, len(items)), Original: make([]int, len(items))}
	for p, i := range idx {
		c.Docs[p] = items[i].doc
		c.Story[p] = items[i].story
		c.Original[p] = -1
		if o := items[i].original; o >= 0 {
			c.Original[p] = pos[o]
		}
	}
	return c
}

func (g *gen) makeVocabulary() {
	seen := map[string]bool{}
	g.vocab = append(g.vocab, functionWords...)
	for _, w := range functionWords {
		seen[w] = true
	}
	for len(g.vocab) < g.cfg.Vocabulary {
		root := [3]rune{letters[g.r.IntN(len(letters))], letters[g.r.IntN(len(letters))], letters[g.r.IntN(len(letters))]}
		p := patterns[g.r.IntN(len(patterns))]
		var b strings.Builder
		if g.r.IntN(3) == 0 {
			b.WriteString("ال")
		}
		for _, c := range p {
			if c >= '1' && c <= '3' {
				b.WriteRune(root[c-'1'])
			} else {
				b.WriteRune(c)
			}
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	g.zipf = make([]float64, len(g.vocab))
	sum := 0.0
	for i := range g.vocab {
		sum += 1 / math.Pow(float64(i+1), 1.05)
		g.zipf[i] = sum
	}
}

func (g *gen) word() string {
	x := g.r.Float64() * g.zipf[len(g.zipf)-1]
	lo, hi := 0, len(g.zipf)-1
	for lo < hi {
		m := (lo + hi) / 2
		if g.zipf[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return g.vocab[lo]
}

func (g *gen) name(words int) string {
	parts := make([]string, words)
	for i := range parts {
		parts[i] = g.vocab[len(functionWords)+g.r.IntN(len(g.vocab)-len(functionWords))]
	}
	return strings.Join(parts, " ")
}

func (g *gen) makePlaces() {
	for i := 0; i < g.cfg.Places; i++ {
		lat, lon := 25+g.r.Float64()*8, 10+g.r.Float64()*15
		g.places = append(g.places, record.Location{ID: fmt.Sprintf("place:%d", i), Name: g.name(1),
			Lat: record.Float(lat), Lon: record.Float(lon), GeoPrecision: 1})
	}
}

var sides = []string{"A", "B", "C", "D"}

func (g *gen) makeActors() {
	for i := 0; i < g.cfg.Actors; i++ {
		g.actors = append(g.actors, record.Actor{ID: fmt.Sprintf("actor:%d", i), Name: g.name(2), Side: sides[i%len(sides)]})
	}
}

var eventTypes = [][2]string{
	{"Battles", "Armed clash"}, {"Battles", "Government regains territory"},
	{"Explosions/Remote violence", "Air/drone strike"}, {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
	{"Violence against civilians", "Attack"}, {"Protests", "Peaceful protest"}, {"Strategic developments", "Arrests"},
}

func (g *gen) newStory(i int) story {
	s := story{
		day:        g.r.IntN(g.cfg.Days),
		place:      g.r.IntN(len(g.places)),
		event:      eventTypes[g.r.IntN(len(eventTypes))],
		actor1:     g.r.IntN(len(g.actors)),
		fatalities: g.r.IntN(30),
		agency:     fmt.Sprintf("agency-%d", g.r.IntN(6)),
	}
	s.actor2 = (s.actor1 + 1 + g.r.IntN(len(g.actors)-1)) % len(g.actors)
	for range 12 {
		// Story words come from the rarer three quarters of the vocabulary.
		s.keywords = append(s.keywords, len(g.vocab)/4+g.r.IntN(len(g.vocab)*3/4))
	}
	return s
}

func (g *gen) date(day int) string { return g.start.AddDate(0, 0, day).Format("2006-01-02") }

// article writes one outlet's original report of a story.
func (g *gen) article(id string, s story, day int) record.Document {
	place := g.places[s.place]
	a1, a2 := g.actors[s.actor1], g.actors[s.actor2]
	// Like a real report: the story's own words make about a tenth of the
	// text, the place and the actors are named a few times each, the rest
	// is the common vocabulary of the news.
	words := 150 + g.r.IntN(150)
	text := make([]string, words)
	for i := range text {
		if g.r.Float64() < 0.1 {
			text[i] = g.vocab[s.keywords[g.r.IntN(len(s.keywords))]]
		} else {
			text[i] = g.word()
		}
	}
	for _, name := range []string{place.Name, place.Name, a1.Name, a2.Name} {
		for range 1 + g.r.IntN(2) {
			text[g.r.IntN(words)] = name
		}
	}
	var body strings.Builder
	for i, w := range text {
		if i > 0 {
			switch {
			case i%18 == 0:
				body.WriteString(".\n")
			case i%7 == 0:
				body.WriteString("، ")
			default:
				body.WriteByte(' ')
			}
		}
		body.WriteString(w)
	}
	body.WriteString(".")
	storyWord := func() string {
		switch k := g.r.IntN(10); {
		case k < 6:
			return g.vocab[s.keywords[g.r.IntN(len(s.keywords))]]
		case k < 8:
			return place.Name
		case k < 9:
			return a1.Name
		default:
			return a2.Name
		}
	}
	var title strings.Builder
	for i := 0; i < 7; i++ {
		if i > 0 {
			title.WriteByte(' ')
		}
		if i%2 == 0 {
			title.WriteString(storyWord())
		} else {
			title.WriteString(g.word())
		}
	}
	outlet := fmt.Sprintf("outlet-%d", g.r.IntN(g.cfg.Outlets))
	d := record.Document{
		Schema:    record.Schema,
		DocID:     id,
		Source:    record.Source{Outlet: record.Str(outlet)},
		Title:     record.Str(title.String()),
		Published: record.Published{Date: record.Str(g.date(day)), From: record.Str(g.date(day)), To: record.Str(g.date(day)), Basis: record.BasisStated},
		Body:      body.String(),
	}
	d.Entities = []record.Entity{
		{ID: a1.ID, Type: record.ArmedGroup, Name: a1.Name, Side: a1.Side, Mentions: []record.Mention{{Text: a1.Name}}},
		{ID: a2.ID, Type: record.ArmedGroup, Name: a2.Name, Side: a2.Side, Mentions: []record.Mention{{Text: a2.Name}}},
		{ID: place.ID, Type: record.GPE, Name: place.Name, Lat: place.Lat, Lon: place.Lon, Mentions: []record.Mention{{Text: place.Name}}},
	}
	// The story's event, as this outlet tells it: a nearby point, its own
	// toll, and sometimes no date (the window before publication).
	loc := place
	loc.Lat = record.Float(*place.Lat + (g.r.Float64()-0.5)*0.02)
	loc.Lon = record.Float(*place.Lon + (g.r.Float64()-0.5)*0.02)
	e := record.Event{
		ID: id + "/e1", EventType: s.event[0], SubEventType: s.event[1],
		Actor1: &a1, Actor2: &a2, Location: &loc, Evidence: "…",
		Fatalities: record.Int(max(0, s.fatalities+g.r.IntN(5)-2)),
	}
	if g.r.IntN(5) == 0 {
		e.DateFrom, e.DateTo = record.Str(g.date(day-14)), record.Str(g.date(day))
	} else {
		e.Date = record.Str(g.date(s.day))
	}
	d.Events = []record.Event{e}
	// A background event: something else the article recalls, loosely dated.
	if g.r.IntN(3) == 0 {
		p := g.places[g.r.IntN(len(g.places))]
		t := eventTypes[g.r.IntN(len(eventTypes))]
		d.Events = append(d.Events, record.Event{ID: id + "/e2", EventType: t[0], SubEventType: t[1], Location: &p,
			DateFrom: record.Str(g.date(day - 30)), DateTo: record.Str(g.date(day)), Evidence: "…"})
	}
	if g.r.IntN(2) == 0 {
		d.Source.Agency = record.Str(s.agency)
	}
	return d
}

// copyOf republishes an article under another outlet with small edits: a
// few words changed, maybe a paragraph dropped or added.
func (g *gen) copyOf(orig *record.Document, id string, day int) record.Document {
	paras := strings.Split(orig.Body, "\n")
	if len(paras) > 3 && g.r.IntN(2) == 0 {
		paras = paras[:len(paras)-1]
	}
	for i, p := range paras {
		ws := strings.Split(p, " ")
		for j := range ws {
			if g.r.Float64() < 0.03 {
				ws[j] = g.word()
			}
		}
		paras[i] = strings.Join(ws, " ")
	}
	if g.r.IntN(3) == 0 {
		paras = append(paras, g.name(12)+".")
	}
	c := *orig
	c.DocID = id
	c.Body = strings.Join(paras, "\n")
	c.Source.Outlet = record.Str(fmt.Sprintf("outlet-%d", g.r.IntN(g.cfg.Outlets)))
	c.Published.Date, c.Published.From, c.Published.To = record.Str(g.date(day)), record.Str(g.date(day)), record.Str(g.date(day))
	c.Events = make([]record.Event, len(orig.Events))
	for i, e := range orig.Events {
		e.ID = id + fmt.Sprintf("/e%d", i+1)
		c.Events[i] = e
	}
	c.Entities = append([]record.Entity(nil), orig.Entities...)
	return c
}
