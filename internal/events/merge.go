package events

import "github.com/marsad/marsad/internal/geo"

// ACLED disaggregates: one event per type, place and day. Reports of the
// same event within an article are merged here — the clash and the
// takeover it ended in, the withdrawal and the entry of the other side,
// the dated report and an undated mention of the same thing.

// rank orders the readings of one battle for territory: an explicit
// transfer without fighting («دخلت البلدة دون مقاومة») over a takeover,
// over a clash, over a bare withdrawal (the other side's view of the same
// takeover).
func rank(ev *candidate) int {
	switch {
	case ev.subType == "Non-violent transfer of territory" && ev.nonViolent:
		return 4
	case ev.subType == "Government regains territory" || ev.subType == "Non-state actor overtakes territory":
		return 3
	case ev.subType == "Armed clash":
		return 2
	case ev.subType == "Non-violent transfer of territory":
		return 1
	}
	return 0
}

// sameKind reports whether two events may be reports of one event.
func sameKind(a, b *candidate) bool {
	if a.eventType == b.eventType && a.subType == b.subType {
		return true
	}
	return rank(a) > 0 && rank(b) > 0
}

func placeKey(ev *candidate) string {
	if ev.place == nil {
		return ""
	}
	return ev.place.ent.ID + "|" + ev.place.ent.Name
}

// samePlace reports whether two events happened at one place; an event
// with no place is the same as one in its own sentence.
func samePlace(a, b *candidate) bool {
	ka, kb := placeKey(a), placeKey(b)
	if ka != "" && kb != "" {
		// Two unlocated villages placed at the district around them are
		// two places; a report that names the village and one that names
		// only the district may be one.
		return ka == kb && (a.place.named == "" || b.place.named == "" || a.place.named == b.place.named)
	}
	return ka == "" && kb == "" || a.sent == b.sent
}

// compatibleActors reports whether two reports name the same doer, or one
// names none.
func compatibleActors(a, b *candidate) bool {
	return a.actor1 == nil || b.actor1 == nil || a.actor1.same(b.actor1) ||
		a.actor1.side != "" && a.actor1.side == b.actor1.side
}

// sameFamily reports whether two reports code the same kind of event: the
// same sub-type, or a takeover each (whose sub-type depends on how well
// the report names the taker).
func sameFamily(a, b *candidate) bool {
	return a.subType == b.subType || rank(a) == 3 && rank(b) == 3
}

// sameDay reports whether two reports fall on one day, counting a report
// the text does not date as the day of the dated one.
func (c *docContext) sameDay(a, b *candidate) bool {
	withdrawal := rank(a) == 1 || rank(a) == 4 || rank(b) == 1 || rank(b) == 4
	switch {
	case a.date.stated && b.date.stated:
		return c.day(a.date).Equal(c.day(b.date))
	case sameFamily(a, b):
		// Reports of one kind, one undated: the same event if they agree
		// on who acted.
		return compatibleActors(a, b)
	case !withdrawal:
		// A clash and a takeover at one place, one undated («قتلوا خلال
		// المواجهات»): one battle, if they name the same sides.
		return sameSides(a, b)
	case !a.date.stated && !b.date.stated:
		// Neither is dated: one side's withdrawal from a town and the
		// other side's takeover of it are one transfer.
		return a.place != nil && b.place != nil && a.place.precision == 1 && b.place.precision == 1
	}
	// One dated, the other not: the next sentences of a report tell more
	// of the same transfer («سيطرت ... يوم الجمعة على الفاشر. وقالت مصادر
	// إن الجيش انسحب من المدينة»); far apart, a dated withdrawal and an
	// undated takeover may be days apart («انسحبت الفاغنر في 29 مايو» and a
	// later «إحكام السيطرة»).
	return abs(a.sent.idx-b.sent.idx) <= 1
}

// sameSides reports whether two battle reports name the same sides, in
// either order, or leave them unnamed.
func sameSides(a, b *candidate) bool {
	sides := func(e *candidate) []string {
		var out []string
		for _, x := range []*actorRef{e.actor1, e.actor2} {
			if x != nil && x.side != "" {
				out = append(out, x.side)
			}
		}
		return out
	}
	sa, sb := sides(a), sides(b)
	if len(sa) == 0 || len(sb) == 0 {
		return true
	}
	for _, x := range sa {
		for _, y := range sb {
			if x == y {
				return true
			}
		}
	}
	return false
}

// merge joins the reports of one event.
func (c *docContext) merge(evs []*candidate) []*candidate {
	var kept []*candidate
	for _, ev := range evs {
		if ev.ref {
			if into := c.referent(kept, ev); into != nil {
				mergeReference(into, ev)
				continue
			}
		}
		var into *candidate
		told := -1
		for i, k := range kept {
			if sameKind(k, ev) && samePlace(k, ev) && c.sameDay(k, ev) {
				into = k
				break
			}
			if told < 0 && restated(k, ev) && c.sameDay(k, ev) {
				told = i
			}
		}
		if into == nil && told >= 0 {
			// The report that places the event keeps its coding; the
			// other adds what it knows, as a later reference does.
			if k := kept[told]; k.place.inClause {
				mergeReference(k, ev)
			} else {
				mergeReference(ev, k)
				kept[told] = ev
			}
			continue
		}
		if into == nil {
			kept = append(kept, ev)
			continue
		}
		mergeInto(into, ev)
	}
	kept = foldDestruction(kept)
	kept = c.mergeVague(kept)
	// An event with no place is one of the same kind and day named
	// elsewhere in the article, when there is one.
	var out []*candidate
	for _, ev := range kept {
		if ev.place == nil {
			var into *candidate
			for _, k := range kept {
				if k != ev && k.place != nil && sameKind(k, ev) && c.sameDay(k, ev) {
					into = k
					break
				}
			}
			if into != nil {
				mergeInto(into, ev)
				continue
			}
		}
		out = append(out, ev)
	}
	return out
}

// restated reports whether b tells again, a sentence or two later, the
// event a told, with the same doer and sub-type (or trigger class: an
// attack's weapon may go unsaid the second time) but no place of its own:
// «استهدفت الجماعة سفينة في البحر الأحمر ... وقال المتحدث إن القوات
// البحرية نفذت عملية استهدفت السفينة» is one attack, not a second one at
// the last place the text named.
func restated(a, b *candidate) bool {
	if a.subType != b.subType && a.trig.class != b.trig.class || a.actor1 == nil || b.actor1 == nil || !a.actor1.same(b.actor1) {
		return false
	}
	if a.place == nil || b.place == nil || a.place.inClause == b.place.inClause {
		return false
	}
	return abs(a.sent.idx-b.sent.idx) <= 2
}

// foldDestruction drops property destruction that a violent event of the
// same sentence, doer and place already tells: «هاجم مستوطنون القرية
// وأحرقوا منازل» is one attack, as ACLED codes it.
func foldDestruction(evs []*candidate) []*candidate {
	out := evs[:0]
	for _, ev := range evs {
		folded := false
		if ev.subType == "Looting/property destruction" {
			for _, k := range evs {
				if k != ev && k.sent == ev.sent && k.subType != ev.subType && k.eventType != "Strategic developments" &&
					k.eventType != "Protests" && compatibleActors(k, ev) && samePlace(k, ev) {
					folded = true
					break
				}
			}
		}
		if !folded {
			out = append(out, ev)
		}
	}
	return out
}

// maxReferenceParas is how many paragraphs back «الهجوم» may refer.
const maxReferenceParas = 6

// referent is the event a definite event noun refers back to: the last
// violent event before it, within maxReferenceParas paragraphs.
func (c *docContext) referent(kept []*candidate, ev *candidate) *candidate {
	violent := violentType[ev.eventType]
	for k := len(kept) - 1; k >= 0; k-- {
		e := kept[k]
		if ev.sent.para-e.sent.para > maxReferenceParas {
			return nil
		}
		// «الهجوم» refers to the last violent event; «التوصل إلى اتفاق» to
		// an agreement, never to the fighting it ended.
		if violent && violentType[e.eventType] || !violent && e.subType == ev.subType {
			return e
		}
	}
	return nil
}

// mergeReference folds a later mention of an event into it: the mention
// adds what the first report lacks (fatalities, the other side, a claim)
// but never recodes it or moves it.
func mergeReference(a, b *candidate) {
	switch {
	case a.actor1 == nil:
		a.actor1 = b.actor1
	case b.claimed && b.actor1 != nil && !b.actor1.same(a.actor1):
		// Who claimed the attack did it, whatever the first report
		// guessed; a claimant named as the target was no target.
		if a.actor2 != nil && a.actor2.same(b.actor1) {
			a.actor2 = nil
		}
		a.actor1 = b.actor1
	}
	if a.actor2 == nil && b.actor2 != nil && !b.actor2.same(a.actor1) {
		a.actor2 = b.actor2
	}
	switch {
	case a.fatalities == nil:
		a.fatalities = b.fatalities
	case b.fatalities != nil && *b.fatalities < *a.fatalities:
		v := *b.fatalities
		a.fatalities = &v
	}
	if a.claim == nil {
		a.claim = b.claim
	}
	a.civilians = a.civilians || b.civilians
	a.merged++
}

// vagueRadiusKm is how far from a vaguely placed event («قرب طرابلس»,
// «جنوب طرابلس») a precisely placed one of the same kind may be and still
// be the same event told twice.
const vagueRadiusKm = 100

// mergeVague folds an event placed only near a place, or in part of a
// region, into an event of the same kind placed precisely within
// vagueRadiusKm and reported in another sentence on the same day (or with
// no day of its own): an article's lead often names a takeover near the
// capital that its body names precisely.
func (c *docContext) mergeVague(evs []*candidate) []*candidate {
	var out []*candidate
	for _, ev := range evs {
		p := ev.place
		if p == nil || !p.near || ev.listed || p.ent.Lat == nil {
			out = append(out, ev)
			continue
		}
		var into *candidate
		for _, k := range evs {
			q := k.place
			if k == ev || q == nil || q.precision != 1 || q.ent.Lat == nil || k.sent == ev.sent ||
				k.eventType != ev.eventType || k.subType != ev.subType || !c.sameDay(k, ev) {
				continue
			}
			if km := geo.DistanceKm(*p.ent.Lat, *p.ent.Lon, *q.ent.Lat, *q.ent.Lon); km <= vagueRadiusKm {
				into = k
				break
			}
		}
		if into == nil {
			out = append(out, ev)
			continue
		}
		place, dated := into.place, into.date.stated
		mergeInto(into, ev)
		into.place = place
		if !dated && ev.date.stated {
			into.date = ev.date
		}
	}
	return out
}

// better reports whether a is the better-evidenced report: a stated date,
// a place in its own clause, named actors.
func better(a, b *candidate) bool {
	score := func(e *candidate) int {
		n := 0
		if e.date.stated {
			n += 8
		}
		if e.place != nil && e.place.inClause {
			n += 4
		}
		if e.actor1 != nil {
			n += 2
		}
		if e.actor2 != nil {
			n++
		}
		return n
	}
	return score(a) > score(b)
}

// mergeInto folds report b into event a: the coding of the higher rank,
// the evidence of the better report, arguments one lacks from the other,
// and the lowest of the death figures the two report.
func mergeInto(a, b *candidate) {
	// The coding of the higher rank; at equal rank, of the report that
	// names who acted (a territorial sub-type depends on it).
	coding := rank(b) > rank(a) || rank(b) == rank(a) && a.actor1 == nil && b.actor1 != nil
	// The side that withdrew is the other side of the fight it left.
	var withdrew *actorRef
	if rank(a) == 1 && rank(b) > 1 {
		withdrew = a.actor1
	} else if rank(b) == 1 && rank(a) > 1 {
		withdrew = b.actor1
	}
	if coding {
		a.eventType, a.subType, a.cameo, a.nonViolent = b.eventType, b.subType, b.cameo, b.nonViolent
	}
	if better(b, a) {
		a.trig, a.first, a.last, a.sent, a.clause = b.trig, b.first, b.last, b.sent, b.clause
		a.claim = b.claim
		if b.date.stated || !a.date.stated {
			a.date = b.date
		}
		if b.place != nil {
			a.place = b.place
		}
	}
	if coding && b.actor1 != nil {
		a.actor1, a.actor2 = b.actor1, b.actor2
	}
	if a.actor1 == nil {
		a.actor1 = b.actor1
	}
	if a.actor2 == nil && (b.actor2 == nil || !b.actor2.same(a.actor1)) {
		a.actor2 = b.actor2
	}
	if a.actor2 == nil && withdrew != nil && !withdrew.same(a.actor1) {
		a.actor2 = withdrew
	}
	if a.place == nil || b.place != nil && a.place.named == "" && b.place.named != "" && placeKey(a) == placeKey(b) {
		a.place = b.place // the report that names the unlocated village
	}
	if !a.date.stated && b.date.stated {
		a.date = b.date
	}
	for _, x := range b.assoc {
		if !containsActor(a.assoc, x) && !x.same(a.actor1) && !x.same(a.actor2) {
			a.assoc = append(a.assoc, x)
		}
	}
	switch {
	case a.fatalities == nil:
		a.fatalities = b.fatalities
	case b.fatalities != nil && *b.fatalities < *a.fatalities:
		v := *b.fatalities
		a.fatalities = &v
	}
	if a.claim == nil {
		a.claim = b.claim
	}
	a.listed = a.listed || b.listed
	a.civilians = a.civilians || b.civilians
	a.merged++
}
