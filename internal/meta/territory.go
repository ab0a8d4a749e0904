package meta

import (
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/timeline"
)

// Cues of a territorial change before a place: who gains it (taken,
// regained, entered), who loses it (fell, lost, withdrew from), and an
// assault on it, which dates nothing by itself but may tie a weekday to a
// landmark (see anchored).
var (
	gainWords = words("سيطرت", "سيطر", "سيطروا", "استعادت", "استعاد", "استعادوا", "حررت", "حرر", "حرروا", "دخلت",
		"دخلوا", "استولت", "استولى", "استولوا", "انتزعت", "انتزع", "انتزعوا", "طردت", "طردوا", "أحكمت", "أحكم",
		"بسطت", "بسط", "سيطرة", "استعادة", "تحرير", "دخول", "استيلاء", "انتزاع", "إحكام")
	lossWords = words("سقطت", "سقط", "خسرت", "خسر", "خسروا", "فقدت", "فقدوا", "انسحبت", "انسحب", "انسحبوا",
		"سقوط", "خسارة", "فقدان", "انسحاب", "تقهقر")
	assaultWords = words("هجوم", "اقتحام", "اقتحمت", "اقتحم", "اقتحموا", "هاجمت", "هاجم", "هاجموا")
	// verbalNouns among the cues report a change only in a past context:
	// «بعد السيطرة على», not «محاولة السيطرة على».
	verbalNouns = words("سيطرة", "استعادة", "تحرير", "دخول", "استيلاء", "انتزاع", "إحكام", "بسط", "سقوط", "خسارة",
		"فقدان", "انسحاب", "تقهقر", "طرد", "هجوم", "اقتحام")
)

type cueKind int

const (
	cueNone cueKind = iota
	cueGain
	cueLoss
	cueAssault
)

// territoryReach is how many tokens before a place a cue may stand
// («إحكام السيطرة على جنوب طرابلس والمطار الدولي وصولاً إلى مدينة ترهونة»).
const territoryReach = 12

// territoryKm is how close a landmark's place must be to the place the
// text names: the same town, not its region.
const territoryKm = 10

// territory reads reports of territorial changes at places where the
// timeline knows one: «سيطرت قوات الوفاق على ترهونة» in an article puts it
// on or after 2020-06-05. The change must be reported as done (a past
// verb, or a verbal noun not governed by an attempt, a negation or a
// purpose), and the sides the clause names must be the landmark's. When
// the place changed hands more than once, the earliest matching change
// bounds the article.
func (r *refiner) territory() []Constraint {
	if r.tl == nil {
		return nil
	}
	var out []Constraint
	for _, em := range r.ents {
		e := em.ent
		if e.Type != record.LOC && e.Type != record.GPE && e.Type != record.FAC {
			continue
		}
		lms := r.placeLandmarks(e)
		if len(lms) == 0 {
			continue
		}
		j, kind := r.cueBefore(em.first)
		if kind == cueNone {
			continue
		}
		sides := r.sidesBetween(max(j-6, r.sentStart(j)), em.first, e)
		var earliest *timeline.Landmark
		for _, l := range lms {
			if !sidesAgree(kind, sides, l) {
				continue
			}
			r.anchors = append(r.anchors, anchor{l: l, first: j, last: em.last, text: r.text(j, em.last)})
			if kind != cueAssault && (earliest == nil || l.Date.Before(earliest.Date)) {
				earliest = l
			}
		}
		if earliest != nil {
			out = append(out, Constraint{From: earliest.Date, Strength: StrengthTerritory, Peg: true,
				Evidence: fmt.Sprintf("«%s» (territory %s, %s)", r.text(j, em.last), earliest.ID, day(earliest.Date))})
		}
	}
	return out
}

// placeLandmarks returns the territorial landmarks at a place entity: the
// same knowledge-base entry or within territoryKm, in its country.
func (r *refiner) placeLandmarks(e *record.Entity) []*timeline.Landmark {
	lat, lon, has := 0.0, 0.0, false
	if e.Lat != nil && e.Lon != nil {
		lat, lon, has = *e.Lat, *e.Lon, true
	} else if r.kb != nil && e.ID != "" {
		if k := r.kb.Get(e.ID); k != nil && k.HasCoords {
			lat, lon, has = k.Lat, k.Lon, true
		}
	}
	if e.ID == "" && !has {
		return nil
	}
	var entry *kb.Entry
	if r.kb != nil {
		entry = r.kb.Get(e.ID)
	}
	if entry != nil && entry.Precision >= kb.PrecisionRegion {
		return nil // a region or a country changes hands piecemeal
	}
	var out []*timeline.Landmark
	for _, l := range r.tl.Near(e.ID, lat, lon, has, territoryKm, timeline.Territory) {
		if e.Country != nil && *e.Country != "" && *e.Country != l.Country {
			continue
		}
		// A site (an airport, a base, a compound) and the town around it
		// change hands on different days: they match only themselves.
		if l.PlaceID != e.ID && r.isSite(e.ID, e.Type) != r.isSite(l.PlaceID, "") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// isSite reports whether a place is a facility rather than a settlement or
// an area.
func (r *refiner) isSite(id, typ string) bool {
	if typ == record.FAC {
		return true
	}
	if r.kb == nil || id == "" {
		return false
	}
	e := r.kb.Get(id)
	return e != nil && (e.Type == kb.FAC || siteKinds[e.Kind])
}

var siteKinds = map[string]bool{"airport": true, "base": true, "compound": true, "port": true, "hospital": true, "camp": true, "prison": true}

// sentStart is the first token of the sentence of token i.
func (r *refiner) sentStart(i int) int {
	s, _ := r.sentenceOf(i)
	return s
}

// cueBefore finds the nearest territorial cue before token at, within its
// sentence, that reports a change as done.
func (r *refiner) cueBefore(at int) (int, cueKind) {
	sFirst, sEnd := r.sentenceOf(at)
	if r.question(sFirst, sEnd) {
		return -1, cueNone
	}
	for j := at - 1; j >= max(sFirst, at-territoryReach); j-- {
		if r.isPunct(j, ".؛;:!") {
			break
		}
		kind := cueNone
		switch {
		case r.keyIn(j, gainWords):
			kind = cueGain
		case r.keyIn(j, lossWords):
			kind = cueLoss
		case r.keyIn(j, assaultWords):
			kind = cueAssault
		}
		if kind == cueNone {
			continue
		}
		if r.futureVerb(j) || r.hasProclitic(j, "ل") && r.keyIn(j, verbalNouns) || !r.governs(j, at) {
			return -1, cueNone // «ستسيطر», «للسيطرة على»: a plan, a purpose
		}
		if j > sFirst && r.keyIn(j-1, campaignWords) {
			return -1, cueNone // «معركة تحرير الرقة»: the battle, not its end
		}
		for k := j - 1; k >= max(sFirst, j-7) && !r.isPunct(k, ".،,؛;:"); k-- {
			if r.keyIn(k, negationWords) || r.keyIn(k, upcomingWords) && r.keyIn(j, verbalNouns) {
				return -1, cueNone
			}
		}
		return j, kind
	}
	return -1, cueNone
}

// linkWords may stand between a territorial cue's preposition and its
// place: «السيطرة على [كامل] [مدينة] ترهونة», «على مواقع في غريان».
var linkWords = words("مدينة", "بلدة", "منطقة", "قاعدة", "مطار", "معسكر", "حي", "قرية", "مدن", "بلدات", "مناطق",
	"مواقع", "موقع", "محور", "محاور", "كامل", "كافة", "جميع", "وصولا", "حتى", "جنوب", "شمال", "شرق", "غرب",
	"وسط", "ضواحي", "أطراف", "محيط", "مدينتي", "في", "داخل", "مقر", "مركز", "قضاء", "ناحية", "محافظة", "ولاية",
	"مديرية", "إقليم", "قرى", "كل")

// locatives put the object of a cue in a place: «سيطرتها على مقر الفرقة
// 16 في مدينة نيالا».
var locatives = words("في", "داخل", "بمدينة", "ببلدة", "بمنطقة")

// governPreps are the prepositions a territorial cue governs its place
// by: «سيطرت على», «دخلت إلى», «انسحبت من».
var governPreps = words("على", "إلى", "الى", "من")

// subjectReach is how many words may stand between a cue and its
// preposition: the subject of «سيطرت قوات بركان الغضب على».
const subjectReach = 4

// objectReach is how many words the object of a cue may take before a
// locative names its place.
const objectReach = 6

// governs reports whether the cue at token j has the place at token at
// for its object: directly («خسارة قاعدة الوطية»), or through a
// preposition after a short subject («سيطرت قوات الوفاق على ترهونة»),
// with only places, actors and linking words («مدينة», «وصولاً إلى») in
// between. «دخول الحرب في السودان شهرها السابع ... في الخرطوم» is no
// entry into Khartoum.
func (r *refiner) governs(j, at int) bool {
	prep, loose, object, located := false, 0, 0, false
	for k := j + 1; k < at; k++ {
		switch {
		case r.keyIn(k, governPreps) && !prep:
			prep = true
		case prep && (r.keyIn(k, locatives) || r.hasProclitic(k, "ب")):
			located = true
		case r.inEntity(k) || r.keyIn(k, linkWords) || r.isPunct(k, "،,\"«»“”'"):
		case prep:
			// The object before its place: «على مقر الفرقة 16 في نيالا».
			object++
			located = false
			if object > objectReach {
				return false
			}
		default:
			loose++
			if loose > subjectReach {
				return false
			}
		}
	}
	if object > 0 && !located && !r.hasProclitic(at, "ب") {
		return false
	}
	return prep || loose == 0
}

// inEntity reports whether token k lies inside an entity mention.
func (r *refiner) inEntity(k int) bool {
	for _, em := range r.ents {
		if em.first <= k && k <= em.last {
			return true
		}
		if em.first > k {
			break
		}
	}
	return false
}

// sidesBetween collects the conflict sides and ids of the actors named in
// tokens [from, to), other than the place itself.
func (r *refiner) sidesBetween(from, to int, place *record.Entity) map[string]bool {
	out := map[string]bool{}
	for _, em := range r.ents {
		if em.first < from || em.last >= to || em.ent == place {
			continue
		}
		switch em.ent.Type {
		case record.ORG, record.ArmedGroup, record.GOV, record.PER:
			if em.ent.Side != "" {
				out[em.ent.Side] = true
			}
			if em.ent.ID != "" {
				out[em.ent.ID] = true
			}
		}
	}
	return out
}

// sidesAgree reports whether the actors of the clause fit the landmark:
// a gain (or assault) is the landmark's first actor's, a loss its second
// actor's. A clause that names no side fits any landmark.
func sidesAgree(kind cueKind, sides map[string]bool, l *timeline.Landmark) bool {
	want := l.Actor1
	if kind == cueLoss {
		want = l.Actor2
	}
	if len(sides) == 0 || len(want) == 0 {
		return true
	}
	for _, a := range want {
		if sides[a] {
			return true
		}
	}
	return false
}

// anchored ties a weekday the text gives to a landmark it refers to in
// the same sentence: «...على قاعدة الوطية يوم الاثنين» with the base taken
// on Monday 2020-05-18 puts the article within the week after that
// Monday; «أمس» puts it on the next day. The weekday must be the
// landmark's own, or the phrase dates something else.
func (r *refiner) anchored() []Constraint {
	var out []Constraint
	seen := map[string]bool{}
	for _, a := range r.anchors {
		lo, hi, text, ok := r.anchorOffset(a)
		if !ok || seen[a.l.ID+text] {
			continue
		}
		seen[a.l.ID+text] = true
		out = append(out, Constraint{From: dayAfter(a.l.Date, lo), To: dayAfter(a.l.Date, hi), Strength: StrengthAnchored, Peg: true,
			Evidence: fmt.Sprintf("«%s» «%s» (%s on %s %s)", a.text, text, a.l.ID, a.l.Date.Weekday(), day(a.l.Date))})
	}
	return out
}

// anchorReach is how many tokens from a landmark reference a weekday may
// stand and still date it.
const anchorReach = 12

// anchorOffset finds the weekday or deictic day nearest a landmark
// reference in its sentence and returns the days after the landmark the
// article may have been written.
func (r *refiner) anchorOffset(a anchor) (lo, hi int, text string, ok bool) {
	sFirst, sEnd := r.sentenceOf(a.first)
	if sFirst >= sEnd {
		return 0, 0, "", false
	}
	base := r.toks[sFirst].Start
	found, ok := r.sentDates[sFirst]
	if !ok {
		// Only the kind and the words of each expression matter here,
		// which do not depend on the reference day.
		found = arabic.FindDates(r.text(sFirst, sEnd-1), anyRef)
		r.sentDates[sFirst] = found
	}
	best, bestDist := -1, anchorReach+1
	for k, e := range found {
		if e.Future || e.Kind != arabic.WeekdayDate && e.Kind != arabic.DeicticDate {
			continue
		}
		at := tokenAt(r.toks, base+e.Start)
		dist := min(abs(at-a.last), abs(at-a.first))
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		return 0, 0, "", false
	}
	e := found[best]
	norm := " " + arabic.Normalize(e.Text) + " "
	wd, hasWD := weekdayIn(e.Text)
	if !hasWD && bestDist > 3 {
		// «اليوم», «أمس» alone cannot be checked against the landmark's
		// weekday: only right next to it do they date it.
		return 0, 0, "", false
	}
	lw := a.l.Date.Weekday()
	eve := strings.Contains(norm, " ليله ")
	if hasWD && wd != lw && !(eve && (wd+6)%7 == lw) {
		return 0, 0, "", false
	}
	switch {
	case e.Kind == arabic.DeicticDate && strings.Contains(norm, "امس") && (strings.Contains(norm, " اول ") || strings.Contains(norm, " الاول ")):
		return 2, 2, e.Text, true
	case e.Kind == arabic.DeicticDate && strings.Contains(norm, "امس"), e.Kind == arabic.DeicticDate && strings.Contains(norm, "البارحه"):
		return 1, 1, e.Text, true
	case e.Kind == arabic.DeicticDate && (strings.Contains(norm, "اليوم") || strings.Contains(norm, "الليله")):
		return 0, 0, e.Text, true
	case e.Kind == arabic.WeekdayDate && hasWD:
		if strings.Contains(norm, " الماضي ") || strings.Contains(norm, " المنصرم ") {
			return 1, 13, e.Text, true
		}
		return 0, 6, e.Text, true
	}
	return 0, 0, "", false
}

// anyRef is the reference day weekday phrases are read against when only
// their kind and words are wanted.
var anyRef = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// weekdayIn finds a weekday name among the words of a phrase.
func weekdayIn(phrase string) (time.Weekday, bool) {
	for _, w := range strings.Fields(phrase) {
		if d, ok := arabic.Weekday(w); ok {
			return d, true
		}
	}
	return 0, false
}

// tokenAt is the index of the token that starts at or after code point at.
func tokenAt(toks []arabic.Token, at int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].Start < at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
