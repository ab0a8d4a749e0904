package events

import (
	"github.com/marsad/marsad/internal/arabic"
)

// deathFigure is a number of dead stated in a sentence.
type deathFigure struct {
	first, last int // tokens of the figure
	value       int
	// bodies is true when the figure counts bodies found («100 جثة»).
	bodies bool
	// victim is the side the dead belonged to («35 عنصرا من ميليشيات X»).
	victim *mention
	// noun is true for a noun that is its own count («مقتل جنديين»): no
	// counted noun follows it.
	noun bool
}

// Singular and dual nouns for people that state a count by themselves
// after a death word: «مقتل جندي» is one, «مقتل عنصرين» two.
var (
	singularPeople = stemSet("عنصر", "جندي", "شخص", "مدني", "مقاتل", "ضابط", "طفل", "طفله", "امراه", "رجل",
		"مواطن", "صحفي", "شرطي", "مسلح", "قائد", "قيادي", "ناشط", "عامل", "مسعف", "طبيب", "شاب", "فتاه",
		"معتقل", "سجين", "رهينه", "محتجز")
	dualPeople = stemSet("عنصرين", "عنصران", "جنديين", "جنديان", "شخصين", "شخصان", "طفلين", "طفلان",
		"ضابطين", "ضابطان", "شرطيين", "شرطيان", "رجلين", "رجلان", "صحفيين", "مسعفين",
		// Duals whose oblique form is no plural too («مدنيين» is both).
		"مدنيان", "مقاتلان", "مسلحان", "مواطنان", "امراتان", "امراتين", "شابان", "شابين",
		"قياديان", "مسعفان", "طبيبان", "طبيبين", "ناشطان", "صحفيان")
	// nonPeople are nouns a figure may count that are not people.
	nonPeople = stemSet("كيلومتر", "كيلو", "كم", "متر", "شهر", "اشهر", "يوم", "ايام", "ساعه", "ساعات",
		"عام", "اعوام", "سنه", "سنوات", "دولار", "دينار", "اسبوع", "اسابيع", "دقيقه", "دقايق", "الف", "%",
		"غاره", "غارات", "اليه", "اليات", "صاروخ", "صواريخ", "قذيفه", "قذايف", "طايره", "طايرات", "مركبه")
)

// findDeaths reads the death figures of sentence s, and whether it says no
// one was hurt.
func (c *docContext) findDeaths(s *sentence) {
	s.noDeaths = c.cueIn(s, cueNoCasualty, s.first, s.end)
	text := string(c.runes[s.span.Start:s.span.End])
	for _, n := range arabic.FindNumbers(text) {
		first, last := c.tokensOf(s.span.Start+n.Start, s.span.Start+n.End)
		if first < 0 || n.Value <= 0 {
			continue
		}
		if n.Noun != "" && (nonPeople[n.Noun] || c.isCue(cueWounded, n.Noun) || c.isCue(cueCaptive, n.Noun)) {
			continue
		}
		bodies := n.Noun != "" && c.isCue(cueBody, n.Noun)
		if !bodies && !c.deathContext(s, first, last, n.Noun) {
			continue
		}
		f := deathFigure{first: first, last: last, value: int(n.Value), bodies: bodies}
		f.victim = c.victimAfter(s, last)
		s.deaths = append(s.deaths, f)
	}
	// «قتل 5 من الجيش و8 من المسلحين»: a figure joined by و to a death
	// figure's side counts dead too.
	for _, n := range arabic.FindNumbers(text) {
		first, last := c.tokensOf(s.span.Start+n.Start, s.span.Start+n.End)
		if first < 0 || n.Value <= 0 || c.figureAt(s, first) || !c.joinedToFigure(s, first) {
			continue
		}
		s.deaths = append(s.deaths, deathFigure{first: first, last: last, value: int(n.Value), victim: c.victimAfter(s, last)})
	}
	// «مقتل جندي», «مقتل عنصرين», «قتلت امرأة», «استشهد طفلان»: the noun
	// is the count.
	for i := s.first; i < s.end-1; i++ {
		if !c.v.is(i, "مقتل", "مصرع", "استشهاد", "قتل", "قتلت", "استشهد", "استشهدت", "توفي", "وفاه") {
			continue
		}
		stem := c.v.toks[i+1].Stem
		val := 0
		switch {
		case dualPeople[stem] || dualPeople[c.v.toks[i+1].Norm]:
			val = 2
		case singularPeople[stem] && len(c.v.toks[i+1].Proclitics()) == 0:
			val = 1
		}
		if val > 0 && !c.figureAt(s, i+1) {
			s.deaths = append(s.deaths, deathFigure{first: i + 1, last: i + 1, value: val, victim: c.victimAfter(s, i+1), noun: true})
		}
	}
}

// joinedToFigure reports whether the figure at token first follows a death
// figure of s and its «من X» within a few words, joined by و.
func (c *docContext) joinedToFigure(s *sentence, first int) bool {
	t := &c.v.toks[first]
	joined := hasConjunction(t) || first > s.first && c.v.toks[first-1].Norm == "و"
	if !joined {
		return false
	}
	for _, f := range s.deaths {
		if f.last < first && first-f.last <= 6 && f.victim != nil {
			for i := f.last + 1; i < first; i++ {
				if c.v.toks[i].Kind == arabic.Punct {
					return false
				}
			}
			return true
		}
	}
	return false
}

// figureAt reports whether a death figure of s already covers token i: its
// own tokens and, for a number, the noun it counts right after it («35
// قتيلا»). A noun that is its own count («مدنيان») covers no word after it.
func (c *docContext) figureAt(s *sentence, i int) bool {
	for _, f := range s.deaths {
		if i >= f.first && i <= f.last || i == f.last+1 && !f.noun {
			return true
		}
	}
	return false
}

// isCue reports whether a single normalised word is one of the one-word
// cues of a kind.
func (c *docContext) isCue(kind, w string) bool {
	for _, idx := range c.lex.cues[kind].byFirst[w] {
		if len(c.lex.cues[kind].phrases[idx].words) == 1 {
			return true
		}
	}
	return false
}

// deathContext reports whether the figure at tokens [first, last] counts
// dead: its noun is a death word («35 قتيلا»), a death word stands just
// before it («مقتل 35»), or a death verb follows it closely («العشرات من
// مسلحي قوات حفتر قتلوا»), with no injury or capture word in between.
func (c *docContext) deathContext(s *sentence, first, last int, noun string) bool {
	if noun != "" && c.isCue(cueDeath, noun) {
		return true
	}
	death, wounded, captive := c.lex.cues[cueDeath], c.lex.cues[cueWounded], c.lex.cues[cueCaptive]
	for i := first - 1; i >= max(s.first, first-2); i-- {
		if c.v.toks[i].Kind == arabic.Punct {
			break
		}
		if len(c.v.matchAt(wounded, i, first)) > 0 || len(c.v.matchAt(captive, i, first)) > 0 {
			return false
		}
		if len(c.v.matchAt(death, i, first)) > 0 {
			return true
		}
	}
	for i := last + 1; i < s.end && i <= last+6; i++ {
		t := &c.v.toks[i]
		if t.Kind == arabic.Punct {
			break
		}
		if len(c.v.matchAt(wounded, i, s.end)) > 0 || len(c.v.matchAt(captive, i, s.end)) > 0 {
			return false
		}
		if c.v.is(i, "قتلوا", "قتل", "قتلي", "قتيلا", "قضوا", "لقوا", "لقي", "سقطوا", "استشهدوا") {
			return true
		}
	}
	return false
}

// victimAfter returns the actor named as the side of the dead after a
// figure: «35 عنصرا من ميليشيات الكاني».
func (c *docContext) victimAfter(s *sentence, last int) *mention {
	for i := last + 1; i < s.end && i <= last+4; i++ {
		if c.v.toks[i].Kind == arabic.Punct {
			return nil
		}
		if !c.v.is(i, "من") && !hasProclitic(&c.v.toks[i], "من") {
			continue
		}
		for _, m := range c.mentions {
			if m.actor && m.first > i-1 && m.first <= i+3 && m.first < s.end {
				return m
			}
		}
	}
	return nil
}

func hasProclitic(t *arabic.Token, p string) bool {
	for _, x := range t.Proclitics() {
		if x == p {
			return true
		}
	}
	return false
}

// fatalitiesOf sums the figures of an event that count different sides and
// keeps the lowest of those that count the same dead, as ACLED does.
func fatalitiesOf(figs []deathFigure) *int {
	if len(figs) == 0 {
		return nil
	}
	bySide := map[string]int{}
	var order []string
	for _, f := range figs {
		key := ""
		if f.victim != nil {
			key = f.victim.ent.ID + "|" + f.victim.ent.Name
		}
		if v, ok := bySide[key]; !ok || f.value < v {
			if !ok {
				order = append(order, key)
			}
			bySide[key] = f.value
		}
	}
	// A figure with no side may count any of them: only the named sides add.
	total := 0
	if len(order) > 1 {
		for _, k := range order {
			if k != "" {
				total += bySide[k]
			}
		}
		if unnamed, ok := bySide[""]; ok && unnamed > total {
			total = unnamed
		}
	} else {
		total = bySide[order[0]]
	}
	return &total
}
