package kb

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	kbdata "github.com/marsad/marsad/data/kb"
	"github.com/marsad/marsad/internal/arabic"
)

// KB is the loaded, indexed knowledge base. It is read-only after Load and
// safe for concurrent use.
type KB struct {
	entries []*Entry
	byID    map[string]*Entry
	// byKey maps a name key (normalised words without the article, joined by
	// spaces) to the entries with that name, best first.
	byKey map[string][]*Entry
	// adjKey maps an adjective key to the countries it refers to.
	adjKey map[string][]*Entry
	// enKey maps a lower-cased English name to entries.
	enKey map[string][]*Entry
	// phrases indexes every Arabic name and adjective by its first word key,
	// longest phrase first, for Match.
	phrases   map[string][]*phrase
	ambiguous map[string]*AmbiguousName
	agents    map[string]*Agent
	// common holds one-word keys that are common words as well as names
	// somewhere («صور» pictures / Tyre); see Match.Common.
	common map[string]bool
	camps  map[string][2]string
}

// phrase is one name's word keys and what it refers to.
type phrase struct {
	words   []string
	entries []*Entry // entries for which the phrase is a name
	adj     []*Entry // countries for which the phrase is an adjective
	// ambiguous marks a name whose referent depends on the article's side
	// or country: entries are then its readings, default first.
	ambiguous bool
}

var (
	defaultOnce sync.Once
	defaultKB   *KB
	defaultErr  error
)

// Default returns the knowledge base embedded in the binary, loading it on
// first use.
func Default() (*KB, error) {
	defaultOnce.Do(func() { defaultKB, defaultErr = Load(kbdata.Files) })
	return defaultKB, defaultErr
}

// Load reads kb.tsv and ambiguous.tsv from fsys and indexes them.
func Load(fsys fs.FS) (*KB, error) {
	f, err := fsys.Open("kb.tsv")
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	entries, err := ReadEntries(f, "kb.tsv")
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	var amb []AmbiguousName
	if f, err := fsys.Open("ambiguous.tsv"); err == nil {
		amb, err = ReadAmbiguous(f, "ambiguous.tsv")
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("knowledge base: %w", err)
		}
	}
	k, err := New(entries, amb)
	if err != nil {
		return nil, err
	}
	if f, err := fsys.Open("agents.tsv"); err == nil {
		agents, err := ReadAgents(f, "agents.tsv")
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("knowledge base: %w", err)
		}
		k.SetAgents(agents)
	}
	if f, err := fsys.Open("camps.tsv"); err == nil {
		camps, err := ReadCamps(f, "camps.tsv")
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("knowledge base: %w", err)
		}
		k.SetCamps(camps)
	}
	if f, err := fsys.Open("common.txt"); err == nil {
		words, err := readWords(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("knowledge base: common.txt: %w", err)
		}
		k.SetCommonWords(words)
	}
	return k, nil
}

// SetAgents replaces the generic actor nouns Agent looks up.
func (k *KB) SetAgents(agents []Agent) {
	k.agents = make(map[string]*Agent, len(agents))
	for i := range agents {
		k.agents[Key(agents[i].Name)] = &agents[i]
	}
}

// Agent returns the generic actor noun a phrase is («المتمردين» → REB), or
// nil. Clitics are stripped as in Lookup.
func (k *KB) Agent(phrase string) *Agent {
	words := nameWords(phrase)
	if a := k.agents[strings.Join(words, " ")]; a != nil {
		return a
	}
	if f := strings.Fields(phrase); len(f) > 0 && len(words) > 0 {
		for _, c := range firstWordForms(arabic.Normalize(f[0]), "") {
			if a := k.agents[strings.Join(append([]string{c.form}, words[1:]...), " ")]; a != nil {
				return a
			}
		}
	}
	return nil
}

// Key is the matching form of a name: normalised words without the article,
// joined by single spaces. Two spellings of a name have the same key.
func Key(name string) string { return strings.Join(nameWords(name), " ") }

// New indexes entries and ambiguous names. Ids must be unique and every
// ambiguous reading must name an entry.
func New(entries []*Entry, ambiguous []AmbiguousName) (*KB, error) {
	k := &KB{
		entries:   entries,
		byID:      make(map[string]*Entry, len(entries)),
		byKey:     make(map[string][]*Entry, len(entries)*2),
		adjKey:    make(map[string][]*Entry),
		enKey:     make(map[string][]*Entry, len(entries)),
		phrases:   make(map[string][]*phrase, len(entries)*2),
		ambiguous: make(map[string]*AmbiguousName, len(ambiguous)),
	}
	for _, e := range entries {
		if err := e.Validate(); err != nil {
			return nil, err
		}
		if k.byID[e.ID] != nil {
			return nil, fmt.Errorf("knowledge base: duplicate id %s", e.ID)
		}
		k.byID[e.ID] = e
	}
	byPhrase := make(map[string]*phrase, len(entries)*2)
	addPhrase := func(words []string, e *Entry, adj bool) {
		key := strings.Join(words, " ")
		p := byPhrase[key]
		if p == nil {
			p = &phrase{words: words}
			byPhrase[key] = p
			k.phrases[words[0]] = append(k.phrases[words[0]], p)
		}
		if adj {
			p.adj = appendUnique(p.adj, e)
		} else {
			p.entries = appendUnique(p.entries, e)
		}
	}
	for _, e := range entries {
		for _, n := range e.Names() {
			for _, words := range keyVariants(rawWords(n)) {
				k.byKey[strings.Join(words, " ")] = appendUnique(k.byKey[strings.Join(words, " ")], e)
				addPhrase(words, e, false)
			}
		}
		for _, a := range e.Adjectives {
			for _, words := range keyVariants(rawWords(a)) {
				k.adjKey[strings.Join(words, " ")] = appendUnique(k.adjKey[strings.Join(words, " ")], e)
				addPhrase(words, e, true)
			}
		}
		for _, n := range append([]string{e.NameEn}, e.AliasesEn...) {
			if key := strings.ToLower(strings.Join(strings.Fields(n), " ")); key != "" {
				k.enKey[key] = appendUnique(k.enKey[key], e)
			}
		}
	}
	for key, es := range k.byKey {
		sortEntries(es)
		k.byKey[key] = es
	}
	for _, es := range k.adjKey {
		sortEntries(es)
	}
	for _, es := range k.enKey {
		sortEntries(es)
	}
	for _, p := range byPhrase {
		sortEntries(p.entries)
		sortEntries(p.adj)
	}
	for _, ps := range k.phrases {
		sortPhrases(ps)
	}
	for i := range ambiguous {
		a := &ambiguous[i]
		for _, r := range a.Readings {
			if k.byID[r.ID] == nil {
				return nil, fmt.Errorf("knowledge base: ambiguous name %q reads as unknown id %s", a.Name, r.ID)
			}
		}
		k.ambiguous[strings.Join(nameWords(a.Name), " ")] = a
		// The matcher offers every reading; linking picks one per article.
		readings := k.Ambiguous(a.Name)
		for _, words := range keyVariants(rawWords(a.Name)) {
			key := strings.Join(words, " ")
			p := byPhrase[key]
			if p == nil {
				p = &phrase{words: words}
				byPhrase[key] = p
				k.phrases[words[0]] = append(k.phrases[words[0]], p)
				sortPhrases(k.phrases[words[0]])
			}
			p.entries, p.ambiguous = readings, true
		}
	}
	return k, nil
}

// Len is the number of entries.
func (k *KB) Len() int { return len(k.entries) }

// Entries returns every entry in file order. The slice must not be modified.
func (k *KB) Entries() []*Entry { return k.entries }

// Get returns the entry with the id, or nil.
func (k *KB) Get(id string) *Entry { return k.byID[id] }

// Country returns the country entry of an ISO alpha-2 code, or nil.
func (k *KB) Country(code string) *Entry { return k.byID["iso:"+strings.ToUpper(code)] }

// Lookup returns the entries named name, best first: curated entries before
// gazetteer ones, larger places before smaller. Diacritics, hamza forms, the
// article ال and one-letter proclitics («بطرابلس», «والجيش») do not matter.
// When no name matches, nationality adjectives are tried («الليبيين» →
// Libya). Latin-script names are looked up among English names.
func (k *KB) Lookup(name string) []*Entry {
	words := nameWords(name)
	if len(words) == 0 {
		return nil
	}
	if es := k.byKey[strings.Join(words, " ")]; es != nil {
		return es
	}
	if es := k.enKey[strings.ToLower(strings.Join(strings.Fields(name), " "))]; es != nil {
		return es
	}
	// Let the matcher strip clitics, and accept only a match of the whole name.
	toks := wordsAsTokens(strings.Fields(name))
	for _, m := range k.Match(toks) {
		if m.First == 0 && m.Last == len(toks)-1 {
			return m.Entries
		}
	}
	return nil
}

// Ambiguous returns the candidate entries of a name whose referent depends on
// the outlet's side («الجيش الليبي»), default reading first; nil if the name
// is not ambiguous.
func (k *KB) Ambiguous(name string) []*Entry {
	a := k.AmbiguousName(name)
	if a == nil {
		return nil
	}
	out := make([]*Entry, 0, len(a.Readings))
	for _, r := range a.Readings {
		if r.Default {
			out = append([]*Entry{k.byID[r.ID]}, out...)
		} else {
			out = append(out, k.byID[r.ID])
		}
	}
	return out
}

// AmbiguousName returns the readings of an ambiguous name, or nil. Clitics
// are stripped as in Lookup.
func (k *KB) AmbiguousName(name string) *AmbiguousName {
	words := nameWords(name)
	if a := k.ambiguous[strings.Join(words, " ")]; a != nil {
		return a
	}
	if len(words) > 0 {
		for _, c := range firstWordForms(arabic.Normalize(strings.Fields(name)[0]), "") {
			if c.form == words[0] {
				continue
			}
			if a := k.ambiguous[strings.Join(append([]string{c.form}, words[1:]...), " ")]; a != nil {
				return a
			}
		}
	}
	return nil
}

// AmbiguousNames returns every ambiguous name.
func (k *KB) AmbiguousNames() []*AmbiguousName {
	out := make([]*AmbiguousName, 0, len(k.ambiguous))
	for _, a := range k.ambiguous {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// sortPhrases puts longer phrases first, for longest match.
func sortPhrases(ps []*phrase) {
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
}

// SetCamps records the two main sides of each country's war.
func (k *KB) SetCamps(camps []Camps) {
	k.camps = make(map[string][2]string, len(camps))
	for _, c := range camps {
		k.camps[c.Country] = c.Sides
	}
}

// Camps returns the two main sides of a country's war («LY-LNA»,
// «LY-GNA»); ok is false for a country the base records no war for.
func (k *KB) Camps(country string) (sides [2]string, ok bool) {
	sides, ok = k.camps[country]
	return sides, ok
}

// SetCommonWords records the words that are names somewhere but common
// words far more often; Match flags matches of them alone.
func (k *KB) SetCommonWords(words []string) {
	k.common = make(map[string]bool, len(words))
	for _, w := range words {
		k.common[Key(w)] = true
	}
}

// IsCommonWord reports whether a word, clitics and article aside, is a
// common word as well as a name («صور», «الأبيض»).
func (k *KB) IsCommonWord(word string) bool {
	return k.common[Key(word)]
}

// sourceRank orders entries of one name that are equally important: OSM
// before GeoNames, PETRARCH's old dictionaries last.
func sourceRank(s string) int {
	switch s {
	case SourceCurated:
		return 0
	case SourceOSM:
		return 1
	case SourceGeoNames:
		return 2
	}
	return 3
}

func sortEntries(es []*Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		ca, cb := a.Source == SourceCurated, b.Source == SourceCurated
		if ca != cb {
			return ca
		}
		if ia, ib := importance(a), importance(b); ia != ib {
			return ia > ib
		}
		if ra, rb := sourceRank(a.Source), sourceRank(b.Source); ra != rb {
			return ra < rb
		}
		return a.ID < b.ID
	})
}

// importance ranks gazetteer places of one name: by population, or by the
// kind of settlement where the gazetteer gives none, so that El Obeid
// (393,000 people) comes before a Libyan village of the same name.
func importance(e *Entry) int {
	if e.Population > 0 {
		return e.Population
	}
	switch e.Kind {
	case "capital":
		return 1000000
	case "city":
		return 50000
	case "town":
		return 5000
	case "village":
		return 500
	case "hamlet":
		return 50
	}
	return 0
}

func appendUnique(es []*Entry, e *Entry) []*Entry {
	for _, x := range es {
		if x == e {
			return es
		}
	}
	return append(es, e)
}
