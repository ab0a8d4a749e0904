package meta

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/record"
)

// Mention is a date expression found in a text, resolved to a window.
type Mention struct {
	Text     string
	Start    int // code-point offset in the text
	From, To time.Time
	// Relative is true when the expression needed the reference date
	// («أمس», «الخميس الماضي», «29 مايو الماضي»).
	Relative bool
	// Calendar is true when the expression names a month («29 مايو
	// الماضي», «يونيو 2020»), as opposed to a weekday or «أمس».
	Calendar bool
	// Fine is true when it locates a month or better, not just a year.
	Fine bool
	// Future is true when it points ahead of its reference («المقبل»).
	Future bool
}

// DateFinder finds the date expressions of text. With a zero ref it returns
// only absolute dates (those that name their year); with a ref it resolves
// relative ones against it too. arabic.FindDates is the one marsad uses.
type DateFinder func(text string, ref time.Time) []Mention

const (
	// recentWindow is the width of an inferred window that a relative
	// month («29 مايو الماضي») opens: such a phrase is written within weeks
	// of the month it names, and the contract's scorer and analysts both
	// want windows no wider than a month.
	recentWindow = 30 * 24 * time.Hour
	// staleStamp is how far a date stamp may lie after the latest date the
	// text names before it reads as a crawl date rather than publication.
	staleStamp = 366 * 24 * time.Hour
)

// Dates is the input to Published: what the page states and what the
// text says.
type Dates struct {
	Stated  string // a date the page or the metadata gives as publication date
	Crawled string // a date stamp that may be the crawl date
	Body    string
}

// Published decides the publication date of an article.
//
//   - A stated date (metadata, a "Date:" line, a stamp under the headline)
//     is taken as it is: basis "stated", date = from = to.
//   - A date stamp above the headline (Crawled) is taken as stated only if
//     the text agrees: no date it names is later, and the latest one it
//     names to the month or day is less than a year earlier. Otherwise it
//     is the crawl date, an upper bound.
//   - Otherwise the window is inferred from the text: the latest absolute
//     date it mentions (not one announced for the future) is a lower bound;
//     a relative month («29 مايو الماضي», «أبريل الماضي») resolved after
//     that date says the article was written in the weeks after that month,
//     a window of 30 days. Explicit years mark dates outside the writer's
//     current year, which is why the relative month is placed after them.
//   - With no dates at all the basis is "unknown".
//
// Warnings say when a stated date contradicts the text.
func Published(in Dates, find DateFinder) (p record.Published, warnings []string) {
	var abs []Mention
	if find != nil && in.Body != "" {
		abs = pastOnly(in.Body, findNear(in.Body, yearAt, find, time.Time{}))
	}
	latest, hasLatest := latestMention(abs, false)
	if in.Stated != "" {
		if t, ok := ParseStated(in.Stated); ok {
			if hasLatest && t.Before(latest.From.AddDate(0, 0, -1)) {
				warnings = append(warnings, fmt.Sprintf("stated publication date %s is earlier than «%s», which the text mentions", day(t), latest.Text))
			}
			return stated(t, in.Stated), warnings
		}
		// «آخر تحديث: 14:32» gives a time of day, no date: nothing to warn of.
		if !timeOfDay.MatchString(strings.TrimSpace(in.Stated)) {
			warnings = append(warnings, fmt.Sprintf("cannot read the stated date %q; inferring from the text", in.Stated))
		}
	}
	var upper time.Time
	if in.Crawled != "" {
		if t, ok := ParseStated(in.Crawled); ok {
			near, hasNear := latestMention(abs, true)
			agrees := (!hasLatest || !latest.From.After(t)) && (!hasNear || t.Sub(near.To) <= staleStamp)
			if agrees {
				return stated(t, in.Crawled), warnings
			}
			upper = t
		}
	}
	if !hasLatest {
		return record.Published{Basis: record.BasisUnknown}, warnings
	}
	from, to, evidence := latest.From, upper, "«"+latest.Text+"»"
	if near, ok := latestMention(abs, true); ok && find != nil {
		// Resolve relative expressions as if written up to a year after
		// the latest explicit date: a named month then falls in that year.
		ref := monthEnd(near.To).AddDate(0, 0, 1).AddDate(1, 0, 0)
		if m, ok := latestRelativeMonth(in.Body, findNear(in.Body, monthNameAt, find, ref), near); ok {
			start := monthEnd(m.To).AddDate(0, 0, 1)
			end := start.Add(recentWindow)
			if upper.IsZero() || !upper.Before(start) {
				if !upper.IsZero() && upper.Before(end) {
					end = upper
				}
				from, to = start, end
				evidence = "«" + m.Text + "» after «" + near.Text + "»"
			}
		}
	}
	p = record.Published{Basis: record.BasisInferred, From: record.Str(day(from)), Evidence: evidence}
	if !to.IsZero() && !to.Before(from) {
		p.To = record.Str(day(to))
	}
	return p, warnings
}

// timeOfDay matches a stamp that is only a time: «14:32», «2:05 م», "9:30 AM".
var timeOfDay = regexp.MustCompile(`^[0-9٠-٩]{1,2}[:٫.][0-9٠-٩]{2}(?:[:٫.][0-9٠-٩]{2})?\s*(?:[صم]|[AaPp]\.?[Mm]\.?)?$`)

func stated(t time.Time, evidence string) record.Published {
	d := day(t)
	return record.Published{Date: &d, From: record.Str(d), To: record.Str(d), Basis: record.BasisStated, Evidence: evidence}
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// monthEnd is the last day of t's month.
func monthEnd(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC)
}

// latestMention returns the absolute mention that starts latest; with
// fine, only those precise to the month or the day.
func latestMention(ms []Mention, fine bool) (Mention, bool) {
	var best Mention
	found := false
	for _, m := range ms {
		if m.Relative || (fine && !m.Fine) {
			continue
		}
		if !found || m.From.After(best.From) {
			best, found = m, true
		}
	}
	return best, found
}

// latestRelativeMonth picks, among the mentions resolved against a
// reference, the latest relative one that names a month and falls after
// the anchor.
func latestRelativeMonth(body string, ms []Mention, anchor Mention) (Mention, bool) {
	var best Mention
	found := false
	ix := newRuneIndex(body)
	for _, m := range ms {
		if !m.Relative || !m.Calendar || !m.From.After(anchor.From) || future(ix, m) {
			continue
		}
		if !found || m.To.After(best.To) {
			best, found = m, true
		}
	}
	return best, found
}

// futureCues before a date say it is planned, not past: it bounds nothing.
var futureCues = func() []string {
	var out []string
	for _, c := range []string{"المقرر", "المقررة", "المرتقب", "المرتقبة", "المنتظر", "المزمع",
		"حتى", "بحلول", "موعد", "سيعقد", "ستعقد", "ستجري", "سيجري", "ستنطلق", "تنتهي", "ينتهي",
		"المقبل", "المقبلة", "القادم", "القادمة"} {
		out = append(out, foldWords(c))
	}
	return out
}()

// pastOnly drops mentions announced for the future: «الانتخابات المقررة في
// ديسمبر 2026», «حتى عام 2030», «في مارس المقبل».
func pastOnly(body string, ms []Mention) []Mention {
	out := ms[:0:0]
	ix := newRuneIndex(body)
	for _, m := range ms {
		if !future(ix, m) {
			out = append(out, m)
		}
	}
	return out
}

func future(ix *runeIndex, m Mention) bool {
	if m.Future {
		return true
	}
	end := m.Start + utf8.RuneCountInString(m.Text)
	before, after := ix.window(m.Start-30, m.Start), ix.window(end, end+12)
	fb, fa := " "+foldWords(before)+" ", " "+foldWords(after)+" "
	for _, c := range futureCues {
		if strings.Contains(fb, " "+c+" ") {
			return true
		}
	}
	return strings.Contains(fa, " المقبل ") || strings.Contains(fa, " المقبله ") || strings.Contains(fa, " القادم ")
}

// findNear runs find on the stretches of body around the places next
// reports (years, month names), with offsets made relative to body again.
// The date reader is the costliest step of the text layer and most of an
// article holds no date: an absolute date needs a four-digit year, a
// relative month a month name, and a date expression is a few words long,
// so a window of about 80 letters either side holds it.
func findNear(body string, next func(s string) (int, int), find DateFinder, ref time.Time) []Mention {
	const reach = 160 // bytes: about 80 Arabic letters
	var out []Mention
	runes, counted := 0, 0 // code points in body[:counted]
	hit := func(from int) (int, int) {
		i, j := next(body[from:])
		if i < 0 {
			return -1, -1
		}
		return from + i, from + j
	}
	nextStart, nextEnd := hit(0)
	for from := 0; nextStart >= 0; {
		hitStart, hitEnd := nextStart, nextEnd
		// One window covers the hits that follow within its reach; the
		// first hit beyond it starts the next window.
		for {
			nextStart, nextEnd = hit(hitEnd)
			if nextStart < 0 || nextStart-hitEnd > 2*reach {
				break
			}
			hitEnd = nextEnd
		}
		start := max(wordStart(body, max(hitStart-reach, 0)), from)
		end := wordEnd(body, min(hitEnd+reach, len(body)))
		runes += utf8.RuneCountInString(body[counted:start])
		counted = start
		for _, m := range find(body[start:end], ref) {
			m.Start += runes
			out = append(out, m)
		}
		from = end
		if nextStart >= 0 && nextStart < end {
			nextStart, nextEnd = hit(end)
		}
	}
	return out
}

// wordStart moves i back to the start of the word it falls in.
func wordStart(s string, i int) int {
	for i > 0 && s[i-1] != ' ' && s[i-1] != '\n' {
		i--
	}
	return i
}

// wordEnd moves i forward to the end of the word it falls in.
func wordEnd(s string, i int) int {
	for i < len(s) && s[i] != ' ' && s[i] != '\n' {
		i++
	}
	return i
}

// yearAt finds the first run of four digits in s, in either script, and
// returns its byte span; -1, -1 when there is none. It reads bytes:
// Arabic-Indic digits are 0xD9 0xA0–0xA9 and Eastern ones 0xDB 0xB0–0xB9.
func yearAt(s string) (int, int) {
	run, start := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if run == 0 {
				start = i
			}
			run++
		case (c == 0xD9 || c == 0xDB) && i+1 < len(s) && (s[i+1] >= 0xA0 && s[i+1] <= 0xA9 || s[i+1] >= 0xB0 && s[i+1] <= 0xB9):
			if run == 0 {
				start = i
			}
			run++
			i++
		default:
			run = 0
		}
		if run == 4 {
			return start, i + 1
		}
	}
	return -1, -1
}

// monthSpellings are the usual written forms of Gregorian month names, for
// a quick test before the date reader runs; a false positive only costs
// time.
var monthSpellings = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
		"أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار",
		"اذار", "نيسان", "أيار", "ايار", "حزيران", "تموز", "آب", "أيلول", "ايلول", "تشرين", "جانفي",
		"فيفري", "أفريل", "ماي", "جوان", "جويلية", "أوت",
	} {
		m[w] = true
	}
	return m
}()

// monthNameAt finds the first word of s that is a month name, or one with
// a leading clitic letter (وفبل), and returns its byte span; -1, -1 when
// there is none.
func monthNameAt(s string) (int, int) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if notLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if notLetter(r) {
				break
			}
			j += n
		}
		w := s[i:j]
		if monthSpellings[w] {
			return i, j
		}
		if r, n := utf8.DecodeRuneInString(w); strings.ContainsRune("وفبل", r) && monthSpellings[w[n:]] {
			return i, j
		}
		i = j
	}
	return -1, -1
}

func notLetter(r rune) bool {
	return !(r >= 0x0621 && r <= 0x064A || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}
