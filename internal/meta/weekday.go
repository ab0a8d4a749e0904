package meta

import (
	"sort"
	"strings"
	"time"

	"github.com/marsad/marsad/internal/arabic"
)

// weekdays reads what the article says of its own day: «أمس الجمعة» was
// written on a Saturday, «اليوم الأحد» on a Sunday, «أول أمس الخميس» on a
// Saturday, «غداً السبت» on a Friday. Phrases inside direct quotes are the
// speaker's day and are skipped; when the article's phrases disagree (a
// piece updated over two days) none is used.
func (r *refiner) weekdays() []Constraint {
	votes := map[time.Weekday][]string{}
	for i := 0; i < len(r.toks); i++ {
		off, k, ok := r.deicticAt(i)
		if !ok || r.inQuote(i) {
			continue
		}
		wd, ok := r.weekdayAt(k)
		if !ok {
			continue
		}
		pub := time.Weekday((int(wd) + off + 7) % 7)
		votes[pub] = append(votes[pub], r.text(i, k))
		i = k
	}
	if len(votes) != 1 {
		return nil
	}
	for pub, texts := range votes {
		return []Constraint{{Weekdays: weekdayBit(pub), Strength: StrengthWeekday, Evidence: quoteAll(texts)}}
	}
	return nil
}

var (
	yesterdayWords = words("أمس", "البارحة")
	tomorrowWords  = words("غدا", "غداً")
)

// deicticAt reads a word for a day relative to the article's at token i:
// «أمس» (1 day before), «أمس الأول» and «أول أمس» (2), «اليوم» (0),
// «غداً» (−1). It returns the offset and the token after the phrase.
func (r *refiner) deicticAt(i int) (off, next int, ok bool) {
	t := &r.toks[i]
	if t.Kind != arabic.Word {
		return 0, 0, false
	}
	switch {
	case r.keyIn(i, yesterdayWords):
		if i+1 < len(r.toks) && r.toks[i+1].Norm == "الاول" {
			return 2, i + 2, true
		}
		return 1, i + 1, true
	case r.key(i) == "اول" && i+1 < len(r.toks) && r.keyIn(i+1, yesterdayWords):
		return 2, i + 2, true
	case r.key(i) == "يوم" && t.HasArticle() && t.Enclitic == "":
		return 0, i + 1, true
	case r.keyIn(i, tomorrowWords):
		return -1, i + 1, true
	}
	return 0, 0, false
}

// weekdayAt reads a weekday name at token i.
func (r *refiner) weekdayAt(i int) (time.Weekday, bool) {
	if i < 0 || i >= len(r.toks) || r.toks[i].Kind != arabic.Word {
		return 0, false
	}
	return arabic.Weekday(r.toks[i].Text)
}

// quoteAll joins phrases as «a», «b», without repeats.
func quoteAll(texts []string) string {
	seen := map[string]bool{}
	var out []string
	for _, t := range texts {
		if !seen[t] {
			seen[t] = true
			out = append(out, "«"+t+"»")
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
