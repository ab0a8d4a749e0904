package events

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
)

// placeRef is the place of an event.
type placeRef struct {
	ent       *record.Entity
	m         *mention
	precision int
	// near is true when the text places the event near or in part of the
	// place («جنوب طرابلس», «قرب ترهونة»).
	near bool
	// inClause is true when the event's own clause names the place.
	inClause bool
	country  bool
	// named is the place the text names when it could not be located and
	// this is the place that contains it or the country (locate.go).
	named string
}

// maxFallbackParas is how many paragraphs back a place is looked for when
// the event's sentence names none.
const maxFallbackParas = 3

// territorial classes take every place of their object list as one event
// each («منتزعة بلدات جوش وبدر وتيجي»).
var territorial = map[string]bool{"takeover": true, "enter": true, "advance": true, "fall": true, "lose": true, "handover": true}

// placeUsable reports whether a place mention can be where an event
// happened: not part of an actor's name («قوات الزنتان», «قوة حماية
// ترهونة»), not inside a report's source («مصدر في طرابلس»).
func (c *docContext) placeUsable(s *sentence, m *mention) bool {
	if s.inSource(m.first) {
		return false
	}
	for _, a := range c.mentions {
		if a.actor && a != m && a.first <= m.first && a.last >= m.last && (a.first < m.first || a.last > m.last) {
			return false
		}
	}
	if m.first > 0 && c.isCueAt(cueOfPlace, m.first-1) && len(c.v.toks[m.first].Proclitics()) <= 1 {
		return false
	}
	return !c.dateline(m) && !c.acrossBorder(m) && !c.backer(m)
}

// locates reports whether place m, after a near-cue, follows place p so
// closely that it says where p is: «الوشكة غرب سرت».
func (c *docContext) locates(p, m *mention, s *sentence) bool {
	return p.place && c.placeUsable(s, p) && m.first-p.last >= 2 && m.first-p.last <= 3
}

// backer reports whether a place is named as a side's backer
// («المليشيات المدعومة من تركيا»): a country, not a location.
func (c *docContext) backer(m *mention) bool {
	i := m.first
	if i >= 2 && c.v.is(i-1, "من") && backedWords[c.v.toks[i-2].Stem] {
		return true
	}
	return i >= 1 && (c.v.is(i-1, "بدعم") || hasProclitic(&c.v.toks[i], "ل") && backedWords[c.v.toks[i-1].Stem])
}

var backedWords = stemSet(append([]string{"مدعوم", "مدعومين", "موالين", "دعم", "بدعم"}, ownerForms...)...)

// acrossBorder reports whether a place is named as what lies across a
// border («قرب الحدود مع بوركينا فاسو»): the event is on this side.
func (c *docContext) acrossBorder(m *mention) bool {
	i := m.first
	if i >= 2 && c.v.is(i-1, "مع") && borderWords[c.v.toks[i-2].Stem] {
		return true
	}
	return false
}

var borderWords = stemSet("حدود", "حدودية", "حدودي", "الحدود", "الحدودية")

// dateline reports whether a place opens its paragraph as the dateline of
// a report («الخرطوم - », «طرابلس (رويترز) -»): where the reporter was,
// not where anything happened.
func (c *docContext) dateline(m *mention) bool {
	s := c.sents[max(c.tokSent[m.first], 0)]
	if m.first != s.first || s.idx > 0 && c.sents[s.idx-1].para == s.para {
		return false
	}
	for i := m.last + 1; i < s.end && i <= m.last+4; i++ {
		switch c.v.toks[i].Norm {
		case "-", "–", "—", ":":
			return true
		}
	}
	return false
}

// placeOf builds the place of a mention as an event location.
func (c *docContext) placeOf(m *mention, s *sentence, inClause bool) *placeRef {
	p := &placeRef{ent: m.ent, m: m, inClause: inClause, precision: kb.PrecisionTown}
	if e := c.kbEntry(m.ent); e != nil {
		if e.Precision > 0 {
			p.precision = e.Precision
		}
		p.country = e.Kind == "country"
	} else if strings.HasPrefix(m.ent.ID, "iso:") {
		p.country = true
	}
	if p.country {
		p.precision = kb.PrecisionRegion
	}
	if c.near(s, m) && p.precision < kb.PrecisionPart {
		p.precision = kb.PrecisionPart
		p.near = true
	}
	return p
}

// near reports whether a near-cue stands just before the place, perhaps
// with a kind-of-place noun between («جنوبي العاصمة طرابلس»).
func (c *docContext) near(s *sentence, m *mention) bool {
	i := m.first
	if i > s.first && c.isCueAt(cuePlaceNoun, i-1) || i > s.first && c.v.is(i-1, "عاصمه") {
		i--
	}
	return i > s.first && c.v.endsAt(c.lex.cues[cueNear], max(s.first, i-3), i)
}

// marked reports whether a cue of a kind stands just before the place,
// perhaps with a kind-of-place noun between («باتجاه مدينة سرت»).
func (c *docContext) marked(s *sentence, m *mention, kind string) bool {
	i := m.first
	if i > s.first && (c.isCueAt(cuePlaceNoun, i-1) || c.v.is(i-1, "عاصمه")) {
		i--
	}
	if i <= s.first {
		return false
	}
	return c.v.endsAt(c.lex.cues[kind], max(s.first, i-2), i)
}

// isDestination reports whether a place is where someone went, not where
// something happened: «باتجاه سرت», «إلى الجفرة وسرت», «باتجاه المناطق
// المتاخمة لطرابلس». A direction cue up to four words before the place
// marks it, unless an origin or another place comes between; a place
// joined by و to a destination is one too.
func (c *docContext) isDestination(s *sentence, m *mention) bool {
	for i := m.first - 1; i >= max(s.first, m.first-4); i-- {
		t := &c.v.toks[i]
		if t.Kind == arabic.Punct {
			return false
		}
		for _, o := range c.mentions {
			if o.place && o.last == i && o != m {
				if hasConjunction(&c.v.toks[m.first]) {
					return c.isDestination(s, o)
				}
				return false
			}
		}
		if c.isCueAt(cueDirection, i) {
			return true
		}
		if c.isCueAt(cueOrigin, i) {
			return false
		}
	}
	return false
}

// cardinal are the compass points, as a destination without a place:
// «فرت باتجاه الجنوب».
var cardinal = stemSet("جنوب", "شمال", "شرق", "غرب")

// headsOff reports whether clause cl sends someone towards a compass
// point: a direction cue followed by «الجنوب», «الشرق».
func (c *docContext) headsOff(cl clause) bool {
	for i := cl.first; i+1 < cl.end; i++ {
		if c.isCueAt(cueDirection, i) && cardinal[c.v.toks[i+1].Stem] {
			return true
		}
	}
	return false
}

// isOrigin reports whether a place is where someone came from: «من ترهونة».
func (c *docContext) isOrigin(s *sentence, m *mention) bool {
	if c.marked(s, m, cueOrigin) {
		return true
	}
	t := &c.v.toks[m.first]
	return hasProclitic(t, "من")
}

// anaphorIn returns the first token in [from, to) that refers back to a
// place by its kind («المدينة», «بالبلدة», «القاعدة»), or -1.
func (c *docContext) anaphorIn(from, to int) int {
	for i := from; i < to; i++ {
		if c.isAnaphor(i) {
			return i
		}
	}
	return -1
}

// isAnaphor reports whether token i is a definite kind-of-place noun not
// followed by the place's name.
func (c *docContext) isAnaphor(i int) bool {
	t := &c.v.toks[i]
	if t.Kind != arabic.Word || !t.HasArticle() || !c.isCueAt(cuePlaceNoun, i) {
		return false
	}
	if plural := c.v.is(i, "مدن", "بلدات", "قري", "مناطق", "معاقل"); plural {
		return false
	}
	for _, m := range c.mentions {
		if m.place && m.first == i+1 {
			return false
		}
		if m.first <= i && m.last >= i {
			return false // part of a name: «تنظيم القاعدة»
		}
	}
	return true
}

// antecedent resolves a kind-of-place noun at token i to the place it
// refers to: the last place introduced with the same noun («بلدة بني
// وليد» for «البلدة»), else the last place named before it.
func (c *docContext) antecedent(i int) *mention {
	stem := c.v.toks[i].Stem
	// Ranked: a place introduced with the same noun in the anaphor's own
	// sentence, any place of that sentence («وفي الفاشر، قال ناشطون إن قذائف
	// سقطت على سوق المدينة»), a place introduced with the same noun before,
	// the last place named; the last of each rank wins.
	var best *mention
	bestRank := 0
	for _, m := range c.mentions {
		if m.first >= i {
			break
		}
		if !m.place || m.ent.Lat == nil || strings.HasPrefix(m.ent.ID, "iso:") {
			continue // a country is «البلاد», not «المنطقة» or «المدينة»
		}
		s := c.sents[max(c.tokSent[m.first], 0)]
		if !c.placeUsable(s, m) || c.isDestination(s, m) {
			continue
		}
		sameNoun := m.first > 0 && c.v.toks[m.first-1].Stem == stem
		sameSent := c.tokSent[m.first] == c.tokSent[i]
		rank := 1
		switch {
		case sameSent && sameNoun:
			rank = 4
		case sameSent:
			rank = 3
		case sameNoun:
			rank = 2
		}
		if rank >= bestRank {
			best, bestRank = m, rank
		}
	}
	if best == nil {
		best = c.placeInActorName(i)
	}
	return best
}

// townKinds are the gazetteer kinds of towns and cities: a village's name
// inside an actor's is too often a word.
var townKinds = map[string]bool{"city": true, "capital": true, "town": true}

// placeInActorName finds, when no place was named before token i of its
// sentence, a town named inside an actor's name there: «غارات على مواقع
// لمجلس شورى مجاهدي درنة وسط المدينة» is in Derna. The place is read as a
// mention of its own word.
func (c *docContext) placeInActorName(i int) *mention {
	if c.kb == nil {
		return nil
	}
	s := c.sents[max(c.tokSent[i], 0)]
	cc := c.docCountry()
	for k := len(c.mentions) - 1; k >= 0; k-- {
		m := c.mentions[k]
		if m.first >= i || m.first < s.first || !m.actor || m.virtual {
			continue
		}
		for j := m.first + 1; j <= m.last; j++ {
			for _, e := range c.kb.Lookup(c.v.toks[j].Stem) {
				if e.IsPlace() && e.HasCoords && townKinds[e.Kind] && (cc == "" || e.Country == cc) {
					t := &c.v.toks[j]
					return &mention{ent: entityOf(e), m: record.Mention{Text: t.Text, Start: t.Start, End: t.End},
						first: j, last: j, place: true, virtual: true}
				}
			}
		}
	}
	return nil
}

// placesOf finds where an event happened. Territorial events return every
// place of their object list; the others one place. An empty result means
// the event cannot be placed; ok is false when it must not be coded at
// all (a withdrawal with only destinations, a territorial event with no
// place in its clause).
func (c *docContext) placesOf(ev *candidate) (out []*placeRef, ok bool) {
	s := ev.sent
	cl := s.clauses[ev.clause]
	name := ev.trig.class.name
	var inClause []*placeRef
	hasDest, hasOrigin := false, false
	for _, m := range c.mentionsIn(cl.first, cl.end) {
		if !m.place || !c.placeUsable(s, m) {
			continue
		}
		dest := c.isDestination(s, m)
		hasDest = hasDest || dest
		switch name {
		case "withdraw":
			if dest {
				continue
			}
			hasOrigin = hasOrigin || c.isOrigin(s, m)
		case "advance":
			if dest {
				continue
			}
		case "fall", "lose":
			// The place that fell or was lost comes right after the trigger.
			if m.first < ev.first || m.first > ev.last+4 {
				continue
			}
		}
		if territorial[name] && m.last < ev.first && name != "fall" {
			continue
		}
		// In a list of places taken, a place that locates another is not
		// taken itself: «بلدات جوش وبدر وتيجي في جبل نفوسة», «بلدة بني
		// وليد الواقعة جنوبي ترهونة».
		if territorial[name] && len(inClause) > 0 && c.locator(s, m) {
			continue
		}
		inClause = append(inClause, c.placeOf(m, s, true))
	}
	if a := c.anaphorIn(cl.first, cl.end); a >= 0 && len(inClause) == 0 {
		if m := c.antecedent(a); m != nil {
			inClause = append(inClause, c.placeOf(m, s, true))
		}
	}
	// «سقوطها»: a pronoun on the trigger stands for the place named last.
	if len(inClause) == 0 && (name == "fall" || name == "lose") && c.v.toks[ev.first].Enclitic != "" {
		if m := c.lastPlaceBefore(ev.first, 2); m != nil {
			inClause = append(inClause, c.placeOf(m, c.sents[c.tokSent[m.first]], false))
		}
	}
	if len(inClause) == 0 && ev.trig.flags&flagPlace != 0 {
		return nil, false
	}
	if name == "withdraw" && (hasDest || c.headsOff(cl)) && !hasOrigin && len(inClause) == 0 {
		return nil, false
	}
	// A strike happens where it lands: «أطلقت الفصائل في غزة صواريخ باتجاه
	// عسقلان» is a strike on Ashkelon.
	if remoteClasses[name] && len(inClause) > 1 {
		var landed []*placeRef
		for _, p := range inClause {
			if c.isDestination(s, p.m) {
				landed = append(landed, p)
			}
		}
		if len(landed) > 0 {
			inClause = landed
		}
	}
	// «غارات على مواقع في صنعاء ومحافظة مأرب»: strikes on places joined by
	// و are one event per place, as ACLED codes them.
	if remoteClasses[name] {
		if list := c.joinedPlaces(inClause); len(list) > 1 {
			return list, true
		}
	}
	if len(inClause) > 0 {
		inClause = mostSpecific(inClause, territorial[name])
		if territorial[name] {
			return inClause, true
		}
		return []*placeRef{nearest(inClause, ev.first)}, true
	}
	if p := c.fallbackPlace(ev); p != nil {
		return []*placeRef{p}, true
	}
	return nil, true
}

// remoteClasses are the trigger classes of weapons that land away from
// who fired them.
var remoteClasses = map[string]bool{"strike": true, "airstrike": true}

// locator reports whether a place is named to locate the one before it:
// after «في», «الواقعة», or a near-cue.
func (c *docContext) locator(s *sentence, m *mention) bool {
	if c.near(s, m) {
		return true
	}
	i := m.first
	if i > s.first && c.isCueAt(cuePlaceNoun, i-1) {
		i--
	}
	if i > s.first && c.v.is(i-1, "في") || hasProclitic(&c.v.toks[i], "ب") {
		return true
	}
	for k := max(s.first, i-3); k < i; k++ {
		if c.v.is(k, "واقعه", "واقع", "تقع", "يقع") {
			return true
		}
	}
	return false
}

// lastPlaceBefore returns the last usable town-level place named before
// token at within the given number of sentences.
func (c *docContext) lastPlaceBefore(at, sentences int) *mention {
	si := c.tokSent[at]
	for k := len(c.mentions) - 1; k >= 0; k-- {
		m := c.mentions[k]
		if m.first >= at || !m.place {
			continue
		}
		ms := c.tokSent[m.first]
		if ms < 0 || si-ms > sentences {
			break
		}
		s := c.sents[ms]
		if c.placeUsable(s, m) && !c.isDestination(s, m) && c.placeOf(m, s, false).precision == kb.PrecisionTown {
			return m
		}
	}
	return nil
}

// mostSpecific drops countries and regions when a list also names towns or
// sites; a list (territorial) keeps the rest, in order.
// joinedPlaces returns the places of ps that follow one another joined by
// و, each right after the one before («صنعاء ومحافظة مأرب»); fewer than two
// when there is no such list.
func (c *docContext) joinedPlaces(ps []*placeRef) []*placeRef {
	for i := 0; i+1 < len(ps); i++ {
		list := []*placeRef{ps[i]}
		for j := i + 1; j < len(ps); j++ {
			prev, m := list[len(list)-1].m, ps[j].m
			if prev == nil || m == nil || m.first != prev.last+1 || !hasConjunction(&c.v.toks[m.first]) {
				break
			}
			list = append(list, ps[j])
		}
		if len(list) > 1 {
			return list
		}
	}
	return nil
}

func mostSpecific(ps []*placeRef, list bool) []*placeRef {
	best := kb.PrecisionRegion + 1
	for _, p := range ps {
		if p.precision < best {
			best = p.precision
		}
	}
	var out []*placeRef
	seen := map[string]bool{}
	for _, p := range ps {
		if p.precision > kb.PrecisionPart && best <= kb.PrecisionPart {
			continue
		}
		if !list && p.precision > best {
			continue
		}
		key := p.ent.ID + "|" + p.ent.Name
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, p)
	}
	return out
}

// nearest picks the place closest after the trigger, else closest before.
func nearest(ps []*placeRef, at int) *placeRef {
	var after, before *placeRef
	for _, p := range ps {
		if p.m.first >= at {
			if after == nil || p.m.first < after.m.first {
				after = p
			}
		} else if before == nil || p.m.first > before.m.first {
			before = p
		}
	}
	if after != nil {
		return after
	}
	return before
}

// fallbackPlace looks for the place of an event whose clause names none:
// the rest of its sentence, then earlier sentences of its paragraph, then
// up to maxFallbackParas paragraphs back — the nearest usable place before
// it, as a reader would take «المدينة» or an unnamed front.
func (c *docContext) fallbackPlace(ev *candidate) *placeRef {
	if ablate["fallback"] {
		return nil
	}
	s := ev.sent
	var sentBest *placeRef
	for _, m := range c.mentionsIn(s.first, s.end) {
		if !m.place || !c.placeUsable(s, m) || c.isDestination(s, m) {
			continue
		}
		p := c.placeOf(m, s, false)
		if sentBest == nil || p.precision < sentBest.precision ||
			p.precision == sentBest.precision && abs(m.first-ev.first) < abs(sentBest.m.first-ev.first) {
			sentBest = p
		}
	}
	if sentBest != nil && !sentBest.country {
		return sentBest
	}
	if p := c.authorityPlace(ev); p != nil {
		return p
	}
	// The nearest earlier sentence that names a place: its last town or
	// part of a town, else its last region («في مخيم أبو شوك شمال الفاشر
	// عاصمة ولاية شمال دارفور» is near al-Fashir, not all of the state).
	for k := s.idx - 1; k >= 0; k-- {
		prev := c.sents[k]
		if s.para-prev.para > maxFallbackParas {
			break
		}
		var region *placeRef
		ms := c.mentionsIn(prev.first, prev.end)
		for j := len(ms) - 1; j >= 0; j-- {
			m := ms[j]
			if !m.place || !c.placeUsable(prev, m) || c.isDestination(prev, m) {
				continue
			}
			// «الوشكة غرب سرت»: Sirte locates al-Washka, where it happened.
			if j > 0 && c.near(prev, m) && c.locates(ms[j-1], m, prev) {
				continue
			}
			p := c.placeOf(m, prev, false)
			switch {
			case p.country:
			case p.precision <= kb.PrecisionPart:
				return p
			case region == nil:
				region = p
			}
		}
		if region != nil {
			return region
		}
	}
	return sentBest
}

// authorityPlace is, for an arrest, the town of the authorities that
// announce it: «أعلنت السلطات في بورتسودان اعتقال ثلاثة أشخاص» happened in
// Port Sudan, where those authorities arrest.
func (c *docContext) authorityPlace(ev *candidate) *placeRef {
	if ev.trig.class.name != "arrest" {
		return nil
	}
	s := ev.sent
	for _, sp := range s.speakers {
		if sp.last < sp.first || sp.cue.first > ev.first || !authorityNouns[c.v.toks[sp.first].Stem] {
			continue
		}
		for _, m := range c.mentionsIn(sp.first, sp.last+1) {
			if m.place && c.townLevel(m.ent) {
				return c.placeOf(m, s, false)
			}
		}
	}
	return nil
}

var authorityNouns = stemSet("سلطات", "شرطه", "امن", "نيابه", "اجهزه")
