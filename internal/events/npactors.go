package events

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
)

// Actors named by a noun phrase rather than a name. News names the doer of
// a strike by an adjective on the strike or on its weapon far more often
// than by a name: «غارة إسرائيلية», «طائرات تركية مسيرة», «قصف حوثي», or by a
// bare genitive «مدفعية الجيش». The entity layer links names; these phrases
// are read here, with the knowledge base, into actor mentions that the role
// rules then treat like any other.

// npMaxModifiers is how many modifiers («حربية», «مسيرة») may stand between
// a head noun and the adjective that names its owner.
const npMaxModifiers = 2

// npHeadClasses are the trigger classes whose noun takes an adjective of
// its doer.
var npHeadClasses = map[string]bool{
	"attack": true, "strike": true, "airstrike": true, "explosion": true, "ied": true,
	"suicide": true, "grenade": true, "chemical": true,
}

// stateGenitives are the definite nouns between a head and an adjective
// that still leave the adjective naming a state's forces: «طائرات
// الاحتلال الإسرائيلي», «مدفعية النظام السوري».
var stateGenitives = stemSet("احتلال", "عدو", "نظام", "جيش")

// bareArmy are the definite nouns that name a country's army without
// saying which: «مدفعية الجيش», «قصف الجيش».
var bareArmy = stemSet("جيش")

// buildNPActors adds the actor mentions of adjectival and genitive noun
// phrases. It needs the knowledge base; without one it adds none.
func (c *docContext) buildNPActors() {
	if c.kb == nil || ablate["npactors"] {
		return
	}
	toks := c.v.toks
	var added []*mention
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != arabic.Word || c.covered(i) {
			continue
		}
		trig := c.headTrigger(i)
		if !trig && !c.headNoun(i) {
			continue
		}
		m := c.npActorAt(i, trig)
		if m == nil {
			continue
		}
		added = append(added, m)
		c.mentions = append(c.mentions, m)
		i = m.last
	}
	for i := range toks {
		m := c.bareArmyAt(i)
		if m == nil {
			m = c.governmentForcesAt(i)
		}
		if m == nil {
			m = c.bareMilitiasAt(i)
		}
		if m != nil {
			added = append(added, m)
			c.mentions = append(c.mentions, m)
		}
	}
	if len(added) > 0 {
		sortMentions(c.mentions)
	}
}

func sortMentions(ms []*mention) {
	sort.SliceStable(ms, func(a, b int) bool {
		if ms[a].first != ms[b].first {
			return ms[a].first < ms[b].first
		}
		return ms[a].last > ms[b].last
	})
}

// headTrigger reports whether a violent event noun starts at token i.
func (c *docContext) headTrigger(i int) bool {
	for _, h := range c.v.matchAt(&c.lex.trigSet, i, min(i+1, len(c.v.toks))) {
		if t := c.lex.triggers[h.idx]; !t.verb && npHeadClasses[t.class.name] {
			return true
		}
	}
	return false
}

// headNoun reports whether token i is a weapon or force noun that an
// adjective of its owner may follow. Adjectives of weapons («جوي»,
// «الصاروخية») and weapon words that name a thing («الدفاع الجوي») head
// nothing; «مدفعية» is the artillery itself.
func (c *docContext) headNoun(i int) bool {
	if c.isCueAt(cueForce, i) || c.isCueAt(cueFighter, i) {
		return true // «جنديان», «عسكريين» are nouns here
	}
	if !c.isCueAt(cueAir, i) && !c.isCueAt(cueShelling, i) && !c.isCueAt(cueIED, i) {
		return false
	}
	if stem := c.v.toks[i].Stem; nisbaBase(stem) != "" && stem != "مدفعيه" {
		return false
	}
	return i == 0 || !c.isCueAt(cueNotWeapon, i-1)
}

// mentionAt returns the entity mention that covers token i, if any.
func (c *docContext) mentionAt(i int) *mention {
	for _, m := range c.mentions {
		if m.first <= i && m.last >= i {
			return m
		}
	}
	return nil
}

// countryNisba reports whether a mention is a one-word country name that
// is also the country's feminine nisba («سعودية», «سورية»), which a linker
// may have read as the country.
func (c *docContext) countryNisba(m *mention) bool {
	return m.place && m.first == m.last && c.isCountry(m.ent) && strings.HasSuffix(c.v.toks[m.first].Stem, "يه")
}

// covered reports whether an entity mention covers token i.
func (c *docContext) covered(i int) bool {
	for _, m := range c.mentions {
		if m.first <= i && m.last >= i {
			return true
		}
	}
	return false
}

// npActorAt reads the adjective that names the owner of the head noun at
// token i: a country's forces or an armed group. The mention covers the
// adjective alone when the head is the event noun itself (so the noun's
// doer follows it), else the whole phrase from the head («طائرة حربية
// إسرائيلية»), so that the cue before the phrase gives its part.
func (c *docContext) npActorAt(head int, trig bool) *mention {
	toks := c.v.toks
	headDef := toks[head].HasArticle()
	genitive := false
	for j := head + 1; j < len(toks) && j <= head+npMaxModifiers+1; j++ {
		t := &toks[j]
		if t.Kind != arabic.Word || !onlyArticleOrNone(t) {
			return nil
		}
		if m := c.mentionAt(j); m != nil && !c.countryNisba(m) {
			return nil
		}
		if e := c.nisbaActor(t); e != nil {
			// The adjective agrees with its noun in definiteness; after a
			// definite genitive it is definite.
			if t.HasArticle() != (headDef || genitive) {
				return nil
			}
			first := head
			if trig {
				first = j
			}
			if m := c.mentionAt(j); m != nil {
				m.place = false // «طائرات سعودية» names no place
			}
			return c.virtualMention(e, first, j, trig)
		}
		switch {
		case t.HasArticle() && stateGenitives[t.Stem] && !genitive && !headDef:
			genitive = true
		case c.isCueAt(cueNPModifier, j) || c.isCueAt(cueAir, j) || c.isCueAt(cueShelling, j) || c.isCueAt(cueIED, j):
		default:
			return nil
		}
	}
	return nil
}

// onlyArticleOrNone reports whether a token inside a noun phrase has no
// proclitic but the article: «لسوريا» or «وتركيا» start something else.
func onlyArticleOrNone(t *arabic.Token) bool {
	return len(t.Proclitics()) == 0 || len(t.Proclitics()) == 1 && t.Proclitics()[0] == "ال"
}

// bareArmyAt reads «الجيش» with nothing saying whose: the army mentioned
// last before it, else the army of the country the article is about. A
// definite nisba after it makes it a name («الجيش الوطني», «الجيش الحر»)
// that is the entity layer's to read.
func (c *docContext) bareArmyAt(i int) *mention {
	toks := c.v.toks
	t := &toks[i]
	if t.Kind != arabic.Word || !t.HasArticle() || !bareArmy[t.Stem] || c.covered(i) || t.Enclitic != "" {
		return nil
	}
	if i+1 < len(toks) {
		n := &toks[i+1]
		if n.Kind == arabic.Word && n.HasArticle() && nisbaBase(n.Stem) != "" && n.Stem != "نظامي" {
			return nil
		}
	}
	// An article that writes from one side calls that side's army «الجيش»;
	// otherwise it is the army named last, or the country's.
	e := c.leaningArmy()
	if e == nil {
		e = c.resolvedArmy()
	}
	for k := len(c.mentions) - 1; k >= 0 && e == nil; k-- {
		m := c.mentions[k]
		if m.first < i && m.actor && c.isArmy(m.ent) {
			e = m.ent
		}
	}
	if e == nil {
		e = c.docForces()
	}
	if e == nil {
		return nil
	}
	return c.virtualMention(e, i, i, false)
}

// bareMilitiasAt reads «المليشيات» with nothing saying whose, in an
// article that writes from one camp of a war: the other camp's forces,
// which is what such an article calls militias («تحرير الوشكة بعد معارك
// مع المليشيات» in an outlet of Haftar's side).
func (c *docContext) bareMilitiasAt(i int) *mention {
	toks := c.v.toks
	t := &toks[i]
	if t.Kind != arabic.Word || !t.HasArticle() || !militiaNouns[t.Stem] || c.covered(i) || t.Enclitic != "" {
		return nil
	}
	if i+1 < len(toks) && ownerWords[toks[i+1].Stem] {
		return nil // «المليشيات التابعة لـ...» says whose
	}
	if c.d.Perspective == nil || c.d.Perspective.Leaning == "" {
		return nil
	}
	other, ok := c.otherCamp(c.d.Perspective.Leaning)
	if !ok {
		return nil
	}
	for _, a := range kbArmies(c.kb)[c.docCountry()] {
		if a.Side == other {
			return c.virtualMention(entityOf(a), i, i, false)
		}
	}
	return nil
}

var (
	militiaNouns = stemSet("مليشيات", "ميليشيات", "مليشيا", "ميليشيا")
	// ownerForms say whose a body is («التابعة لـ», «الموالية لـ»); as a
	// place's noun they name its backer (backedWords).
	ownerForms = []string{"تابعه", "تابع", "مواليه", "موالي", "مدعومه", "مرتبطه"}
	ownerWords = stemSet(ownerForms...)
)

// governmentForcesAt reads «القوات الحكومية», «قوات الحكومة», «القوات
// النظامية» and «قوات الأمن» at token i: the state's forces, found as a
// bare «الجيش» is.
func (c *docContext) governmentForcesAt(i int) *mention {
	toks := c.v.toks
	if i+1 >= len(toks) || c.covered(i) || c.covered(i+1) {
		return nil
	}
	t, n := &toks[i], &toks[i+1]
	if t.Kind != arabic.Word || n.Kind != arabic.Word || !forcesNouns[t.Stem] || t.Enclitic != "" {
		return nil
	}
	// «قوة أمنية», «القوات الأمنية»: the adjective agrees with the noun.
	security := securityWords[n.Stem] && n.HasArticle() == t.HasArticle()
	if !n.HasArticle() && !security {
		return nil
	}
	if !(security || governmentWords[n.Stem] && (t.HasArticle() || n.Stem == arabic.Normalize("حكومة")) || n.Stem == "امن") {
		return nil
	}
	// «قوات الأمن العراقية», «قوة أمنية عراقية» name their country: the
	// adjective is read with the noun phrases.
	if i+2 < len(toks) && toks[i+2].Kind == arabic.Word && toks[i+2].HasArticle() == n.HasArticle() && nisbaBase(toks[i+2].Stem) != "" {
		return nil
	}
	e := c.leaningArmy()
	if e == nil {
		e = c.docForces()
	}
	if e == nil {
		return nil
	}
	return c.virtualMention(e, i, i+1, false)
}

var (
	forcesNouns     = stemSet("قوات", "قوة")
	governmentWords = stemSet("حكومية", "حكومي", "حكومة", "نظامية", "نظامي")
	securityWords   = stemSet("أمنية", "أمني")
)

// docForces is the military forces of the country the article is about,
// or nil when it is about none.
func (c *docContext) docForces() *record.Entity {
	if cc := c.docCountry(); cc != "" {
		return c.countryForces(cc)
	}
	return nil
}

// leaningArmy is the army of the side the article writes from, when the
// entity layer read a leaning and the knowledge base has that army in the
// article's country.
func (c *docContext) leaningArmy() *record.Entity {
	if c.d.Perspective == nil || c.d.Perspective.Leaning == "" {
		return nil
	}
	for _, a := range kbArmies(c.kb)[c.docCountry()] {
		if a.Side == c.d.Perspective.Leaning {
			return entityOf(a)
		}
	}
	return nil
}

// resolvedArmy is the army the article's own «الجيش ...» names: where the
// linker read an ambiguous army name («الجيش الليبي») as one side's
// forces, the writer's bare «الجيش» is that side's too.
func (c *docContext) resolvedArmy() *record.Entity {
	if c.d.Perspective == nil || c.kb == nil {
		return nil
	}
	names := make([]string, 0, len(c.d.Perspective.Resolved))
	for name := range c.d.Perspective.Resolved {
		if first, _, _ := strings.Cut(arabic.Normalize(name), " "); first == "الجيش" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if k := c.kb.Get(c.d.Perspective.Resolved[name]); k != nil && k.Type == kb.ArmedGroup && k.Kind == "army" {
			return entityOf(k)
		}
	}
	return nil
}

// isArmy reports whether an entity is a state's regular forces.
func (c *docContext) isArmy(e *record.Entity) bool {
	if strings.HasPrefix(e.ID, idMilitary) {
		return true
	}
	if k := c.kbEntry(e); k != nil {
		return k.Type == kb.ArmedGroup && k.Kind == "army"
	}
	return false
}

// virtualMention makes an actor mention of tokens [first, last] for e.
func (c *docContext) virtualMention(e *record.Entity, first, last int, ofTrigger bool) *mention {
	start, end := c.v.toks[first].Start, c.v.toks[last].End
	return &mention{ent: e, m: record.Mention{Text: string(c.runes[start:end]), Start: start, End: end},
		first: first, last: last, actor: true, virtual: true, ofTrigger: ofTrigger}
}

// nisbaBase returns the masculine singular of a nisba adjective («عراقيان»,
// «الإسرائيلية», «حوثيين» → عراقي, اسراييلي, حوثي), or "" for a word that is
// not one.
func nisbaBase(stem string) string {
	s := stem
	for _, suf := range []string{"يين", "يون", "يان", "يات", "يه", "يا"} {
		if strings.HasSuffix(s, suf) {
			s = strings.TrimSuffix(s, suf) + "ي"
			break
		}
	}
	if !strings.HasSuffix(s, "ي") || utf8.RuneCountInString(s) < 4 {
		return ""
	}
	return s
}

// nisbaActor returns the actor a nisba adjective names: a country's forces
// («إسرائيلية»), or an armed group whose members the plural names
// («حوثي» → «الحوثيين»). Names of countries that are not adjectives
// («مالي», Mali and "financial") do not count, except the feminine forms
// that are both («السعودية», «سورية»).
func (c *docContext) nisbaActor(t *arabic.Token) *record.Entity {
	base := nisbaBase(t.Stem)
	if base == "" {
		return nil
	}
	if e, ok := c.nisbaCache[t.Stem]; ok {
		return e
	}
	var out *record.Entity
	if cc := c.adjectiveCountry(t, base); cc != "" {
		out = c.countryForces(cc)
	} else if es := c.kb.Lookup("ال" + base + "ين"); len(es) > 0 && es[0].Type == kb.ArmedGroup {
		out = entityOf(es[0])
	}
	if c.nisbaCache == nil {
		c.nisbaCache = map[string]*record.Entity{}
	}
	c.nisbaCache[t.Stem] = out
	return out
}

// adjectiveCountry returns the ISO code of the country a token is the
// nisba of, or "".
func (c *docContext) adjectiveCountry(t *arabic.Token, base string) string {
	for _, form := range []string{t.Stem, base} {
		toks := arabic.Tokenize(form)
		if len(toks) != 1 {
			continue
		}
		for _, m := range c.kb.Match(toks) {
			if len(m.Entries) == 0 || m.Entries[0].Kind != "country" {
				continue
			}
			if m.Adjective || strings.HasSuffix(t.Stem, "يه") {
				return m.Entries[0].Country
			}
		}
	}
	return ""
}

// entityOf is a knowledge-base entry as an entity of the document.
func entityOf(e *kb.Entry) *record.Entity {
	ent := &record.Entity{ID: e.ID, Type: e.Type, Name: e.Name, NameEn: record.Str(e.NameEn),
		Country: record.Str(e.Country), Side: e.Side, Admin1: e.Admin1, InKB: true}
	if e.HasCoords {
		ent.Lat, ent.Lon = record.Float(e.Lat), record.Float(e.Lon)
	}
	return ent
}

// byCountry caches, per knowledge base and kind of body, the base's
// entries of that kind by country, in the base's order.
var byCountry sync.Map // kindIndex → map[string][]*kb.Entry

type kindIndex struct {
	base *kb.KB
	kind string
}

// kbByCountry indexes the entries of a knowledge base of one type and kind
// («army», «government») by country, once per base.
func kbByCountry(base *kb.KB, typ, kind string) map[string][]*kb.Entry {
	key := kindIndex{base, typ + "/" + kind}
	if m, ok := byCountry.Load(key); ok {
		return m.(map[string][]*kb.Entry)
	}
	m := map[string][]*kb.Entry{}
	for _, e := range base.Entries() {
		if e.Type == typ && e.Kind == kind && e.Country != "" {
			m[e.Country] = append(m[e.Country], e)
		}
	}
	byCountry.Store(key, m)
	return m
}

// kbArmies indexes a knowledge base's regular armies by country.
func kbArmies(base *kb.KB) map[string][]*kb.Entry { return kbByCountry(base, kb.ArmedGroup, "army") }

// countryForces is the actor for a country's military forces: its army in
// the knowledge base, or, when the base has none or several that the
// article does not choose between (Libya's rival armies), a country-level
// actor "Military Forces of X" with the id acled:military:CC.
func (c *docContext) countryForces(cc string) *record.Entity {
	if e, ok := c.forces[cc]; ok {
		return e
	}
	var out *record.Entity
	armies := kbArmies(c.kb)[cc]
	var pick *kb.Entry
	switch {
	case len(armies) == 1:
		pick = armies[0]
	case len(armies) > 1:
		lean := ""
		if c.d.Perspective != nil {
			lean = c.d.Perspective.Leaning
		}
		for _, a := range armies {
			if lean != "" && a.Side == lean || lean == "" && strings.HasSuffix(a.Side, "-GOV") {
				pick = a
				break
			}
		}
	}
	if pick != nil {
		out = entityOf(pick)
	} else if country := c.kb.Country(cc); country != nil {
		out = &record.Entity{ID: idMilitary + cc, Type: record.ArmedGroup, Name: forcesName(country),
			NameEn: record.Str("Military Forces of " + acledCountryName(country)), Country: record.Str(cc),
			Side: c.governmentSide(cc)}
	}
	if c.forces == nil {
		c.forces = map[string]*record.Entity{}
	}
	c.forces[cc] = out
	return out
}

// forcesName is «القوات» with the country's feminine nisba («القوات
// القطرية»), or «قوات» with its name.
func forcesName(country *kb.Entry) string {
	for _, a := range country.Adjectives {
		n := arabic.Normalize(a)
		if strings.HasSuffix(n, "يه") && !strings.HasPrefix(n, "ال") {
			return "القوات ال" + a
		}
	}
	return "قوات " + country.Name
}

// acledCountryName is a country's English name as the knowledge base has it.
func acledCountryName(country *kb.Entry) string {
	if country.NameEn != "" {
		return country.NameEn
	}
	return country.Country
}

// governmentSide is the side of a country's government in the knowledge
// base, or CC-GOV.
func (c *docContext) governmentSide(cc string) string {
	for _, e := range c.kb.Entries() {
		if e.Type == kb.GOV && e.Kind == "government" && e.Country == cc && e.Side != "" {
			return e.Side
		}
	}
	return cc + "-GOV"
}
