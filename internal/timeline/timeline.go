// Package timeline is marsad's reference chronology of the conflicts it
// covers: wars and campaigns with their start and end dates, and dated
// landmark events — territorial changes, agreements, conferences,
// declarations, elections, named offensives, massacres — each with its class,
// place, actors and the Arabic phrases that name it. The data is
// hand-curated (data/wars.tsv, data/landmarks/*.tsv; see README.md) and
// embedded in the binary.
//
// Two readers use it: the publication-date inference (an article that names
// «مؤتمر برلين» as past was written on or after 2020-01-19; «الحرب في شهرها
// السابع» counts from the start of the article's war) and event dating (an
// undated report that government forces took Tarhuna matches the landmark of
// 2020-06-05).
package timeline

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/marsad/marsad/internal/geo"
	"github.com/marsad/marsad/internal/kb"
)

//go:embed data/wars.tsv data/landmarks/*.tsv
var dataFS embed.FS

// Class is the kind of a landmark event.
type Class string

// Landmark classes.
const (
	Territory   Class = "territory"   // control of a place changes hands
	Offensive   Class = "offensive"   // a named offensive or ground operation begins
	Attack      Class = "attack"      // a strike, bombing, massacre or raid
	Killing     Class = "killing"     // a leader killed or executed
	Capture     Class = "capture"     // a leader captured or arrested
	Agreement   Class = "agreement"   // a ceasefire, truce or signed accord
	Conference  Class = "conference"  // talks, a summit or a conference opens
	Declaration Class = "declaration" // a declaration, resolution, coup or handover
	Election    Class = "election"    // an election or referendum
	Protest     Class = "protest"     // a mass protest movement begins
	Disaster    Class = "disaster"    // an earthquake, storm or explosion
)

var knownClasses = map[Class]bool{
	Territory: true, Offensive: true, Attack: true, Killing: true, Capture: true, Agreement: true,
	Conference: true, Declaration: true, Election: true, Protest: true, Disaster: true,
}

// War is a war or a campaign within one.
type War struct {
	ID string
	// Countries are ISO 3166-1 alpha-2 codes, the war's own first.
	Countries []string
	// From is the first day; when FromMonth is set only its month is
	// certain and From is the first of that month.
	From      time.Time
	FromMonth bool
	// To is the last day, zero while the war goes on; ToMonth as FromMonth.
	To      time.Time
	ToMonth bool
	NameEn  string
	// Names are the war's own Arabic names («عاصفة الحزم»): a mention dates
	// an article. Generic names («الحرب في السودان») only tell which war a
	// phrase such as «في شهرها السابع» counts from.
	Names, Generic []string
}

// Earliest is the earliest day the war may have started.
func (w *War) Earliest() time.Time { return w.From }

// Latest is the latest day the war may have started: the end of its
// first month when only the month is known.
func (w *War) Latest() time.Time {
	if w.FromMonth {
		return w.From.AddDate(0, 1, -1)
	}
	return w.From
}

// End is the last day the war may have lasted to; zero while it goes on.
func (w *War) End() time.Time {
	if w.ToMonth && !w.To.IsZero() {
		return w.To.AddDate(0, 1, -1)
	}
	return w.To
}

// Alias is one Arabic phrase that names a landmark.
type Alias struct {
	Text string
	// Series is true when the phrase names a series that began with the
	// landmark («محادثات أستانا»): a mention of it as past says the article
	// is later, but one of it as upcoming says nothing.
	Series bool
}

// Landmark is one dated event the timeline knows.
type Landmark struct {
	ID      string
	Date    time.Time
	Country string
	// War is the id of the war it belongs to, "" when none.
	War   string
	Class Class
	// Place is the place as written in the data: a knowledge-base id, an
	// Arabic name with an optional «@CC» country, or "" for none.
	Place string
	// PlaceID, Lat and Lon are the knowledge-base place it resolved to;
	// HasCoords is false when it did not resolve or there is none.
	PlaceID   string
	Lat, Lon  float64
	HasCoords bool
	// Actor1 acted against Actor2 («LY-GNA>LY-LNA»: the GNA took the
	// place from the LNA); parties to an agreement are all in Actor1.
	// Entries are knowledge-base sides or ids.
	Actor1, Actor2 []string
	NameEn         string
	Aliases        []Alias
}

// Sides returns every actor of the landmark, both roles together.
func (l *Landmark) Sides() []string { return append(append([]string(nil), l.Actor1...), l.Actor2...) }

// Timeline is the loaded chronology. It is read-only after Load and safe
// for concurrent use.
type Timeline struct {
	wars      []*War
	landmarks []*Landmark
	warByID   map[string]*War
	byID      map[string]*Landmark
	byPlace   map[string][]*Landmark
	index     phraseIndex
}

var (
	defaultOnce sync.Once
	defaultTL   *Timeline
	defaultErr  error
)

// Default returns the embedded timeline with its places resolved in the
// default knowledge base, loading it on first use. A knowledge base that
// cannot be loaded leaves landmarks without coordinates.
func Default() (*Timeline, error) {
	defaultOnce.Do(func() {
		base, _ := kb.Default()
		defaultTL, defaultErr = Load(dataFS, base)
	})
	return defaultTL, defaultErr
}

// Load reads data/wars.tsv and data/landmarks/*.tsv from fsys. base, when
// not nil, resolves landmark places to coordinates. Malformed lines,
// unknown wars or classes and duplicate ids are errors naming file and line.
func Load(fsys fs.FS, base *kb.KB) (*Timeline, error) {
	t := &Timeline{warByID: map[string]*War{}, byID: map[string]*Landmark{}, byPlace: map[string][]*Landmark{}}
	wars, err := readWars(fsys, "data/wars.tsv")
	if err != nil {
		return nil, err
	}
	for _, w := range wars {
		if t.warByID[w.ID] != nil {
			return nil, fmt.Errorf("data/wars.tsv: duplicate war id %q", w.ID)
		}
		t.warByID[w.ID] = w
		t.wars = append(t.wars, w)
	}
	files, err := fs.Glob(fsys, "data/landmarks/*.tsv")
	if err != nil {
		return nil, fmt.Errorf("timeline landmarks: %w", err)
	}
	sort.Strings(files)
	for _, name := range files {
		ls, err := readLandmarks(fsys, name)
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			if t.byID[l.ID] != nil {
				return nil, fmt.Errorf("%s: duplicate landmark id %q", name, l.ID)
			}
			if l.War != "" && t.warByID[l.War] == nil {
				return nil, fmt.Errorf("%s: landmark %s names unknown war %q", name, l.ID, l.War)
			}
			if base != nil {
				resolvePlace(l, base)
			}
			t.byID[l.ID] = l
			t.landmarks = append(t.landmarks, l)
			if l.PlaceID != "" {
				t.byPlace[l.PlaceID] = append(t.byPlace[l.PlaceID], l)
			}
		}
	}
	sort.SliceStable(t.landmarks, func(i, j int) bool { return t.landmarks[i].Date.Before(t.landmarks[j].Date) })
	t.index = buildIndex(t)
	return t, nil
}

// Wars returns every war, in file order.
func (t *Timeline) Wars() []*War { return t.wars }

// War returns the war with the id, or nil.
func (t *Timeline) War(id string) *War { return t.warByID[id] }

// Landmarks returns every landmark, oldest first.
func (t *Timeline) Landmarks() []*Landmark { return t.landmarks }

// Landmark returns the landmark with the id, or nil.
func (t *Timeline) Landmark(id string) *Landmark { return t.byID[id] }

// WarsOf returns the wars fought in a country (ISO alpha-2).
func (t *Timeline) WarsOf(country string) []*War {
	var out []*War
	for _, w := range t.wars {
		for _, c := range w.Countries {
			if c == country {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

// Near returns the landmarks of the given classes (any class when none is
// given) whose place is the knowledge-base entry id or lies within km of
// lat, lon; id may be "" and hasCoords false, but not both.
func (t *Timeline) Near(id string, lat, lon float64, hasCoords bool, km float64, classes ...Class) []*Landmark {
	want := func(l *Landmark) bool {
		if len(classes) == 0 {
			return true
		}
		for _, c := range classes {
			if l.Class == c {
				return true
			}
		}
		return false
	}
	var out []*Landmark
	for _, l := range t.landmarks {
		if !want(l) {
			continue
		}
		switch {
		case id != "" && l.PlaceID == id:
			out = append(out, l)
		case hasCoords && l.HasCoords && geo.DistanceKm(lat, lon, l.Lat, l.Lon) <= km:
			out = append(out, l)
		}
	}
	return out
}

// resolvePlace looks the landmark's place up in the knowledge base: an id
// directly, a name among the places of its country (the landmark's own
// unless «@CC» names another).
func resolvePlace(l *Landmark, base *kb.KB) {
	e := PlaceEntry(l.Place, l.Country, base)
	if e == nil {
		return
	}
	l.PlaceID = e.ID
	if e.HasCoords {
		l.Lat, l.Lon, l.HasCoords = e.Lat, e.Lon, true
	}
}

// PlaceEntry resolves a place as the data writes it (an id, or a name with
// an optional «@CC») to a knowledge-base place; nil when it does not
// resolve. country is the default country of a name.
func PlaceEntry(place, country string, base *kb.KB) *kb.Entry {
	if place == "" || base == nil {
		return nil
	}
	if isKBID(place) {
		if e := base.Get(place); e != nil && e.IsPlace() {
			return e
		}
		return nil
	}
	name := place
	if i := strings.LastIndex(place, "@"); i >= 0 {
		name, country = place[:i], place[i+1:]
	}
	for _, e := range base.Lookup(name) {
		if e.IsPlace() && (country == "" || e.Country == country) {
			return e
		}
	}
	return nil
}

func isKBID(s string) bool {
	i := strings.IndexByte(s, ':')
	return i > 0 && i < 6 && strings.ToLower(s[:i]) == s[:i] && !strings.ContainsAny(s[:i], " @")
}
