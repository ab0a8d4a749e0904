package link

import (
	"sort"
	"strings"
	"sync"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/kb"
)

// article is one document on its way through linking.
type article struct {
	d     *doc.Doc
	toks  []arabic.Token
	runes []rune
	kb    *kb.KB
	// sents are token index ranges [first, end) of the sentences.
	sents [][2]int
	// nerTag holds the tagger's class per token ("PERS", "LOC", "ORG",
	// "MISC" or ""), and nerBegin marks the tokens that begin a span.
	nerTag   []string
	nerBegin []bool
	cands    []*cand
	// countries weighs the countries the article is about.
	countries map[string]float64
	sides     *sideScores
	resolved  map[string]string // ambiguous name → entry id
	// newEntries are entities the base lacks, by id.
	newEntries map[string]*kb.Entry
	// modifiers are the countries of nationality adjectives that modify a
	// noun: context, not mentions.
	modifiers []*kb.Entry
	// adjective marks the tokens of nationality adjectives («الليبي»),
	// which the tagger sometimes takes for a name of their own.
	adjective []bool
}

// cand is one mention candidate: a stretch of tokens and what it may name.
type cand struct {
	first, last int
	// entries are the knowledge-base readings, best first; nil for a name
	// only the tagger found.
	entries   []*kb.Entry
	key       string // normalised name that matched
	adjective bool   // a nationality adjective used as a noun («الروس»)
	ambiguous bool   // a side-dependent name («الجيش الليبي»)
	common    bool   // a one-word name that is usually a common word
	capital   bool   // «العاصمة»: the capital of the article's country
	nerType   string // the tagger's class over these tokens, if any
	label     string // descriptor the mention is introduced by («مليشيات»)
	// weight is what the candidate added to the article's countries.
	weight float64
	// newType and country describe an entity the base lacks that the
	// candidate names («الخارجية المغربية»: GOV, MA).
	newType, country string
	// chosen is the entry the candidate links to after resolve.
	chosen *kb.Entry
	drop   bool
}

func newArticle(d *doc.Doc, toks []arabic.Token, base *kb.KB) *article {
	a := &article{d: d, toks: toks, runes: d.Runes(), kb: base, countries: map[string]float64{},
		resolved: map[string]string{}, newEntries: map[string]*kb.Entry{}}
	a.sents = sentenceRanges(toks, d.Sentences)
	return a
}

// sentenceRanges maps sentence spans to token ranges; without sentences the
// whole text is one.
func sentenceRanges(toks []arabic.Token, spans []doc.Span) [][2]int {
	var out [][2]int
	next := 0
	for _, sp := range spans {
		first := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= sp.Start })
		if first < next {
			first = next
		}
		end := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= sp.End })
		if end > first {
			out = append(out, [2]int{first, end})
			next = end
		}
	}
	if next < len(toks) {
		out = append(out, [2]int{next, len(toks)})
	}
	return out
}

// tagNames runs the tagger over the sentences.
func (a *article) tagNames(t Tagger) {
	words := make([][]string, len(a.sents))
	for i, s := range a.sents {
		ws := make([]string, s[1]-s[0])
		for j := range ws {
			ws[j] = a.toks[s[0]+j].Text
		}
		words[i] = ws
	}
	tags := t.TagDocument(words)
	a.nerTag = make([]string, len(a.toks))
	a.nerBegin = make([]bool, len(a.toks))
	for i, s := range a.sents {
		if i >= len(tags) {
			break
		}
		for j, tag := range tags[i] {
			k := s[0] + j
			if k >= s[1] || tag == "" || tag == "O" {
				continue
			}
			prefix, class, ok := strings.Cut(tag, "-")
			if !ok {
				continue
			}
			a.nerTag[k] = class
			a.nerBegin[k] = prefix == "B" || k == s[0] || a.nerTag[k-1] != class
		}
	}
}

// nerSpans lists the tagger's spans as [first, last, class].
func (a *article) nerSpans() []nerSpan {
	var out []nerSpan
	for i := 0; i < len(a.nerTag); i++ {
		if a.nerTag[i] == "" {
			continue
		}
		j := i
		for j+1 < len(a.nerTag) && a.nerTag[j+1] == a.nerTag[i] && !a.nerBegin[j+1] {
			j++
		}
		out = append(out, nerSpan{i, j, a.nerTag[i]})
		i = j
	}
	return out
}

type nerSpan struct {
	first, last int
	class       string
}

// collect gathers candidates from the knowledge base and the tagger.
func (a *article) collect() {
	covered := make([]bool, len(a.toks))
	a.adjective = make([]bool, len(a.toks))
	for _, m := range a.kb.Match(a.toks) {
		if m.Adjective && m.First == m.Last {
			a.adjective[m.First] = true
		}
		c := &cand{first: m.First, last: m.Last, entries: m.Entries, key: m.Key,
			adjective: m.Adjective, ambiguous: m.Ambiguous, common: m.Common}
		if m.Adjective && !a.nominalAdjective(m) {
			// «المسؤولين الليبيين» names no entity, but says the article
			// is about Libya; «الخارجية الروسية» names a government body.
			a.modifiers = append(a.modifiers, m.Entries...)
			if c := a.institution(m); c != nil {
				a.cands = append(a.cands, c)
				for k := c.first; k <= c.last; k++ {
					covered[k] = true
				}
			}
			continue
		}
		c.nerType = a.nerOver(c.first, c.last)
		a.cands = append(a.cands, c)
		for k := c.first; k <= c.last; k++ {
			covered[k] = true
		}
	}
	a.collectCapitals(covered)
	for _, sp := range a.nerSpans() {
		if sp.class == "MISC" {
			continue
		}
		first, last := a.trimSpan(sp.first, sp.last)
		if first > last {
			continue
		}
		class := sp.class
		if class == "PERS" && first > 0 && settlementNouns.has(a.toks[first-1]) {
			class = "LOC"
		}
		// A set phrase («بالكامل»), a kind of place alone («المدينة»,
		// which refers back to a place) or a social network is no name.
		if class == "PERS" && a.commonNounPhrase(first, last) || first == last && (adverbial(a.toks[first]) || settlementNouns.has(a.toks[first]) || platforms.has(a.toks[first])) {
			continue
		}
		a.addTagged(first, last, class)
	}
	a.collectTitled()
	sort.SliceStable(a.cands, func(i, j int) bool { return a.cands[i].first < a.cands[j].first })
	for _, c := range a.cands {
		c.label = a.labelOf(c)
	}
}

// commonNounPhrase reports whether first..last, tagged as a person, is a
// phrase of the news vocabulary instead: its first word is a hand-listed
// conflict or politics word the corpus never saw in a name («بصاروخ
// باليستي»), and no word of it was ever part of a name. On the ANERcorp test
// split no gold person is such a phrase.
func (a *article) commonNounPhrase(first, last int) bool {
	lex := arabic.DefaultLexicon()
	if _, inNames, hand := lex.Usage(a.toks[first].Stem); !hand || inNames > 0 {
		return false
	}
	for k := first + 1; k <= last; k++ {
		if _, inNames, _ := lex.Usage(a.toks[k].Stem); inNames > 0 {
			return false
		}
	}
	return true
}

// nerOver returns the tagger's class when it covers all of first..last.
func (a *article) nerOver(first, last int) string {
	if a.nerTag == nil {
		return ""
	}
	class := a.nerTag[first]
	for k := first; k <= last; k++ {
		if a.nerTag[k] != class {
			return ""
		}
	}
	return class
}

// trimSpan drops titles and descriptors the tagger included at the start
// of a span («اللواء», «قوات») and punctuation at either end.
func (a *article) trimSpan(first, last int) (int, int) {
	for first <= last && (isTitle(a.toks[first]) || a.toks[first].Kind == arabic.Punct) {
		first++
	}
	for last >= first && a.toks[last].Kind == arabic.Punct {
		last--
	}
	return first, last
}

// addTagged adds a name the tagger found. Where knowledge-base matches
// already cover it exactly, the tagger only confirms their class. Where the
// tagged name contains them, it replaces matches that are places or a
// person's surname alone: «سالم المثالي» is a person, not Salem, India;
// «فرسان جنزور» is a brigade, not Janzour; «بلقاسم حفتر» is not Khalifa
// Haftar. A tagged name that crosses a match's boundary is ignored, and so
// is a nationality adjective tagged alone.
func (a *article) addTagged(first, last int, class string) {
	if first == last && a.adjective[first] {
		return
	}
	var inside []int
	for i, c := range a.cands {
		if c.last < first || c.first > last {
			continue
		}
		if c.first < first || c.last > last {
			return // crossing, or the match is longer: the base wins
		}
		if c.first == first && c.last == last {
			return
		}
		inside = append(inside, i)
	}
	for _, i := range inside {
		c := a.cands[i]
		if c.adjective || len(c.entries) == 0 {
			continue
		}
		e := c.entries[0]
		// A surname inside a longer name is written bare: in «المؤيد
		// لحفتر» ("Haftar's supporter") the match shed a proclitic, and the
		// tagged words are no name of their own.
		replaceable := e.IsPlace() && class != "LOC" ||
			e.Type == kb.PER && class == "PERS" && !strings.Contains(c.key, " ") && !a.namedAs(e, first, last) &&
				kb.Key(a.toks[c.first].Text) == c.key
		if !replaceable {
			return
		}
	}
	keep := a.cands[:0]
	for i, c := range a.cands {
		if len(inside) > 0 && i >= inside[0] && i <= inside[len(inside)-1] {
			continue
		}
		keep = append(keep, c)
	}
	c := &cand{first: first, last: last, nerType: class, key: a.spanKey(first, last)}
	// The matcher misses some clitic forms of known names («للجيش الوطني
	// الليبي»); the tagged name, its clitics stripped, may still be one.
	if es := a.kb.Lookup(a.canonical(first, last)); len(es) > 0 && nerClass(es[0]) == class {
		c.entries = es
	}
	a.cands = append(keep, c)
}

// namedAs reports whether tokens first..last spell one of the entry's names.
func (a *article) namedAs(e *kb.Entry, first, last int) bool {
	span := a.spanKey(first, last)
	for _, n := range e.Names() {
		if kb.Key(n) == span {
			return true
		}
	}
	return false
}

// spanKey is the match key of tokens first..last, clitics stripped from
// the first.
func (a *article) spanKey(first, last int) string {
	return kb.Key(a.canonical(first, last))
}

// nominalAdjective reports whether a nationality adjective is used as a
// noun («قال الروس», «مع الأتراك») rather than modifying one («الخارجية
// الروسية», «المسؤولين الليبيين»): a plural or irregular form, with the
// article, not agreeing with a definite word just before it.
func (a *article) nominalAdjective(m kb.Match) bool {
	if m.First != m.Last {
		return false
	}
	t := a.toks[m.First]
	norm := t.Norm
	if !hasArticle(t) {
		return false
	}
	stem := strings.TrimPrefix(strings.TrimLeft(norm, "وفبل"), "ال")
	if strings.HasSuffix(stem, "ي") || strings.HasSuffix(stem, "يه") || strings.HasSuffix(stem, "ه") {
		return false // singular or feminine: a modifier almost always
	}
	if m.First == 0 {
		return true
	}
	prev := a.toks[m.First-1]
	if prev.Kind != arabic.Word {
		return true
	}
	return !hasArticle(prev)
}

// hasArticle reports whether a token carries the article («الليبيين»,
// «والليبيين», «للروس»).
func hasArticle(t arabic.Token) bool {
	for _, p := range t.Proclitics() {
		if p == "ال" {
			return true
		}
	}
	n := strings.TrimLeft(t.Norm, "وف")
	return strings.HasPrefix(n, "ال") || strings.HasPrefix(n, "بال") || strings.HasPrefix(n, "لل") || strings.HasPrefix(n, "كال")
}

// collectCapitals adds «العاصمة» ("the capital") standing alone: the
// capital of the country the article is about, resolved with the others.
// Followed by the city's name («العاصمة طرابلس») it is an apposition and
// the name is the mention.
func (a *article) collectCapitals(covered []bool) {
	for i, t := range a.toks {
		if covered[i] || t.Kind != arabic.Word || bareKey(t) != "عاصمه" || !hasArticle(t) {
			continue
		}
		if i+1 < len(a.toks) && covered[i+1] {
			continue
		}
		a.cands = append(a.cands, &cand{first: i, last: i, key: "عاصمه", capital: true})
		covered[i] = true
	}
}

// collectTitled finds people the base and the tagger miss from the title
// before their name: a rank or honorific («اللواء», «العقيد», «الشيخ»,
// «المدعو») followed by a word without the article (a given name) and
// more words that are not common words is a person's name («العميد سالم
// المثالي قائد…» → «سالم المثالي»). A number or a common word ends it:
// «اللواء 106» is a brigade; «الجنرال الهارب» is an epithet.
func (a *article) collectTitled() {
	// Names of people and bodies stop a titled name; a place does not
	// («سالم» is also Salem, India): addTagged replaces it.
	covered := make([]bool, len(a.toks))
	for _, c := range a.cands {
		if len(c.entries) > 0 && c.entries[0].IsPlace() && !c.ambiguous {
			continue
		}
		for k := c.first; k <= c.last; k++ {
			covered[k] = true
		}
	}
	for i := 0; i < len(a.toks); i++ {
		if !personTitles.has(a.toks[i]) {
			continue
		}
		first := i + 1
		for first < len(a.toks) && titles.has(a.toks[first]) {
			first++
		}
		if first >= len(a.toks) || hasArticle(a.toks[first]) && !nameCues.has(a.toks[i]) {
			// «الجنرال الهارب»: an epithet, not a given name.
			continue
		}
		last := first - 1
		for k := first; k < len(a.toks) && k < first+4; k++ {
			t := a.toks[k]
			// «عبد السلام»: the word after «عبد», «أبو» or «بن» belongs to
			// the name even when it is a common word.
			compound := k > first && nameJoiners.has(a.toks[k-1])
			if covered[k] || t.Kind != arabic.Word || titles.has(t) || descriptors.has(t) ||
				!compound && a.kb.IsCommonWord(t.Norm) {
				break
			}
			last = k
			if k > first && !compound && hasArticle(t) {
				break // «الحاسي» in «عبد السلام الحاسي المكلف»: the family name ends it
			}
		}
		if last >= first && nameJoiners.has(a.toks[last]) {
			last-- // a name does not end on «عبد»
		}
		if last < first || last == first && !nameCues.has(a.toks[i]) {
			// One word after a title is as often an office («عميد
			// بلدية») as a name; the base knows the famous surnames.
			continue
		}
		a.addTagged(first, last, "PERS")
		for k := first; k <= last; k++ {
			covered[k] = true
		}
		i = last
	}
}

// nameCues are the titles after which a name may start with the article
// («المدعو المبروك الغزوي»).
var nameCues = newWordSet(`المدعو الملقب`)

// nameJoiners bind the next word into a name: «عبد السلام», «أبو بكر».
var nameJoiners = newWordSet(`عبد أبو ابو أبي بن ابن`)

// personTitles are the ranks and honorifics that only people bear.
var personTitles = newWordSet(`اللواء العميد العقيد المقدم الرائد النقيب الملازم المشير الفريق الجنرال العماد
	الشيخ السيد السيدة الدكتور المستشار الحاج المدعو الملقب`)

// institution reads a state body named by a head noun and a nationality
// adjective: «الخارجية الروسية», «وزارة الدفاع التركية», «الجيش المصري».
// It links to the country's army or government when the base has one, and
// to a new government entity otherwise.
func (a *article) institution(m kb.Match) *cand {
	if m.First != m.Last || m.First == 0 || len(m.Entries) != 1 {
		return nil
	}
	country := m.Entries[0]
	head := m.First - 1
	if !hasArticle(a.toks[head]) || !institutionHeads.has(a.toks[head]) {
		return nil
	}
	first := head
	if head > 0 && bareKey(a.toks[head-1]) == "وزاره" {
		first = head - 1
	}
	if first > 0 && ministerWords.has(a.toks[first-1]) {
		return nil // «وزير الخارجية الروسي» is the minister, not the ministry
	}
	for _, c := range a.cands {
		if c.last >= first && c.first <= m.Last {
			return nil
		}
	}
	c := &cand{first: first, last: m.Last, key: a.spanKey(first, m.Last), country: country.Country, newType: kb.GOV}
	kind := "government"
	if armedHeads.has(a.toks[head]) {
		kind, c.newType = "army", kb.ArmedGroup
	}
	if e := stateBody(a.kb, country.Country, kind); e != nil {
		c.entries = []*kb.Entry{e}
	}
	return c
}

// institutionHeads are the nouns a nationality adjective turns into a
// state body; armedHeads the ones that are the country's forces.
var (
	institutionHeads = newWordSet(`الخارجية الداخلية الدفاع الحكومة الرئاسة السلطات البرلمان السفارة القنصلية
		الدبلوماسية المخابرات الاستخبارات الشرطة الأمن القوات الجيش البحرية`)
	armedHeads    = newWordSet(`القوات الجيش البحرية`)
	ministerWords = newWordSet(`وزير وزيرة نائب مساعد`)
)

var stateBodies sync.Map // *kb.KB → map[string]*kb.Entry

// stateBody returns the curated army ("army") or government
// ("government") of a country, or nil.
func stateBody(base *kb.KB, cc, kind string) *kb.Entry {
	m, ok := stateBodies.Load(base)
	if !ok {
		bodies := map[string]*kb.Entry{}
		for _, e := range base.Entries() {
			if e.Source != kb.SourceCurated || e.Country == "" || e.Parent != "" {
				continue
			}
			k := ""
			switch {
			case e.Type == kb.ArmedGroup && e.Kind == "army":
				k = "army"
			case e.Type == kb.GOV && e.Kind == "government":
				k = "government"
			}
			if k != "" && bodies[e.Country+"/"+k] == nil {
				bodies[e.Country+"/"+k] = e
			}
		}
		m, _ = stateBodies.LoadOrStore(base, bodies)
	}
	return m.(map[string]*kb.Entry)[cc+"/"+kind]
}
