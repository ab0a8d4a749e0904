package stories

import (
	"fmt"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/stories/terms"
)

// maxPerKind caps the contradictions of one kind listed for one event: with
// many sources, the first few pairs show the disagreement.
const maxPerKind = 8

// contradictions lists where reports from different sources disagree:
// fatality figures, who took or holds a place (territorial events), which
// side is the first actor (other events), and denials.
func contradictions(rs []reportAcc) []Contradiction {
	out := []Contradiction{}
	add := func(kind, detail string, a, b *reportAcc, saysA, saysB string) {
		out = append(out, Contradiction{Kind: kind, Detail: detail, A: claimOf(a, saysA), B: claimOf(b, saysB)})
	}

	for _, d := range []struct {
		kind string
		key  func(*reportAcc) string
	}{
		{"fatalities", fatalityKey},
		{"sides", func(r *reportAcc) string { return r.actor1Side }},
	} {
		n := 0
		for _, p := range disagreements(rs, d.key) {
			if n == maxPerKind {
				break
			}
			a, b := &rs[p[0]], &rs[p[1]]
			if d.kind == "fatalities" {
				add("fatalities", fmt.Sprintf("%d vs %d killed", *a.Fatalities, *b.Fatalities), a, b,
					fmt.Sprintf("fatalities: %d", *a.Fatalities), fmt.Sprintf("fatalities: %d", *b.Fatalities))
			} else {
				// For a place changing hands, who took it; otherwise who did it.
				kind, verb := "blame", "carried out by"
				if territorial[a.SubEventType] && territorial[b.SubEventType] {
					kind, verb = "control", "taken by"
				}
				add(kind, fmt.Sprintf("%s %s vs %s", verb, a.actor1Side, b.actor1Side), a, b,
					fmt.Sprintf("%s %s", verb, actorWords(a.Actor1, a.actor1Side)),
					fmt.Sprintf("%s %s", verb, actorWords(b.Actor1, b.actor1Side)))
			}
			n++
		}
	}

	// Denials: a source denying what another reports.
	n := 0
	for i := range rs {
		if !rs[i].Denies {
			continue
		}
		for j := range rs {
			if n >= maxPerKind {
				break
			}
			if rs[j].Denies || rs[j].source == rs[i].source {
				continue
			}
			add("denial", "one source denies what another reports", &rs[j], &rs[i], "reports it", "denies it")
			n++
			break // one asserting report per denial is enough to show it
		}
	}
	return out
}

func fatalityKey(r *reportAcc) string {
	if r.Fatalities == nil {
		return ""
	}
	return fmt.Sprint(*r.Fatalities)
}

// disagreements returns, for each pair of distinct non-empty values of key,
// the first report giving each, from different sources; a value pair is
// listed once, however many sources back either side (each report keeps its
// own reading in the event's sources).
func disagreements(rs []reportAcc, key func(*reportAcc) string) [][2]int {
	var values []string
	byValue := map[string][]int{}
	for i := range rs {
		v := key(&rs[i])
		if v == "" {
			continue
		}
		if _, ok := byValue[v]; !ok {
			values = append(values, v)
		}
		byValue[v] = append(byValue[v], i)
	}
	var out [][2]int
	for x := range values {
		for y := x + 1; y < len(values); y++ {
		pair:
			for _, i := range byValue[values[x]] {
				for _, j := range byValue[values[y]] {
					if rs[i].source != rs[j].source {
						out = append(out, [2]int{min(i, j), max(i, j)})
						break pair
					}
				}
			}
		}
	}
	return out
}

func claimOf(r *reportAcc, says string) Claim {
	return Claim{DocID: r.DocID, Outlet: r.Outlet, Agency: r.Agency, ClaimedBy: r.ClaimedBy, Says: says, Evidence: r.Evidence}
}

func actorWords(a *record.Actor, side string) string {
	if a == nil {
		return side
	}
	name := a.Name
	if name == "" {
		name = a.Text
	}
	if name == "" {
		return side
	}
	return fmt.Sprintf("%s (%s)", name, side)
}

// Denial cues, normalised: verbs and set phrases with which a speaker or an
// outlet says a report is false.
var denialWords = setOf(
	"نفى", "نفت", "ينفي", "تنفي", "نفوا", "ينفون", "نافيا", "نافية", "نفيه", "نفيها",
	"كذب", "كذبت", "يكذب", "تكذب", "تكذيب", "دحض", "فند", "فندت", "يفند",
)

var denialPhrases = []string{
	arabic.Normalize("عار عن الصحة"), arabic.Normalize("عارية عن الصحة"),
	arabic.Normalize("عارٍ من الصحة"), arabic.Normalize("لا صحة"),
	arabic.Normalize("غير صحيح"), arabic.Normalize("غير صحيحة"),
	arabic.Normalize("لا أساس له من الصحة"),
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// hasDenial reports whether the text contains a denial cue.
func hasDenial(text string) bool {
	if text == "" {
		return false
	}
	norm := arabic.Normalize(text)
	for _, p := range denialPhrases {
		if strings.Contains(norm, p) {
			return true
		}
	}
	found := false
	terms.Each(norm, func(w string) {
		if found {
			return
		}
		if denialWords[w] {
			found = true
			return
		}
		// «ونفى», «فنفت»: a conjunction in front.
		if r := []rune(w); len(r) > 3 && (r[0] == 'و' || r[0] == 'ف') && denialWords[string(r[1:])] {
			found = true
		}
	})
	return found
}

// denies reports whether a document's report of an event is a denial: its
// evidence says so, or a quote overlapping the evidence does (by its cue or
// its words).
func denies(d *record.Document, e *record.Event) bool {
	if hasDenial(e.Evidence) {
		return true
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if q.Span[1] <= e.Span[0] || q.Span[0] >= e.Span[1] {
			continue
		}
		if hasDenial(q.Cue) || hasDenial(q.Text) {
			return true
		}
	}
	return false
}
