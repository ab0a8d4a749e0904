package meta

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
)

// Stage is the pipeline stage that fills a cleaned document's Agency,
// Outlet, URL, Published and ContentHash. It runs after the clean stage,
// which leaves the page's own metadata in Doc.Given.
type Stage struct {
	// Dates finds date expressions; nil means arabic.FindDates.
	Dates DateFinder
}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "metadata" }

// Process implements pipeline.Stage. It never fails: metadata it cannot
// read is left unknown, with a warning when the input contradicts itself.
func (s Stage) Process(d *doc.Doc) error {
	find := s.Dates
	if find == nil {
		find = ArabicDates
	}
	d.URL = firstNonEmpty(d.URL, d.Given.URL)
	// A "Source:" value names agencies, an outlet, or both.
	agency, outlet := SplitSource(d.Given.Agency)
	d.Agency = firstNonEmpty(d.Agency, agency)
	if d.Given.Outlet == "" {
		d.Given.Outlet = outlet
	}
	if d.Agency == "" {
		d.Agency = Agency(d.Body)
	}
	d.Outlet = firstNonEmpty(d.Outlet, firstNonEmpty(d.Given.Outlet, Host(d.URL)))
	p, warnings := Published(Dates{Stated: d.Given.Date, Crawled: d.Given.Crawled, Body: d.Body}, find)
	d.Published = p
	for _, w := range warnings {
		d.Warn("%s", w)
	}
	d.ContentHash = ContentHash(d.Body)
	return nil
}

// SplitSource reads a source credit such as «الجزيرة + وكالات», "Reuters" or
// «الجزيرة + رويترز»: the first agency it names, and the first part that is
// not an agency nor the generic «وكالات» (agencies), taken as the outlet.
func SplitSource(s string) (agency, outlet string) {
	for part := range strings.FieldsFuncSeq(s, func(r rune) bool { return strings.ContainsRune("+/،,|؛;", r) }) {
		part = strings.TrimSpace(part)
		switch a := CanonicalAgency(part); {
		case part == "":
		case a != "":
			if agency == "" {
				agency = a
			}
		case !genericSources[foldWords(part)] && outlet == "":
			outlet = part
		}
	}
	return agency, outlet
}

// genericSources credit unnamed agencies or sites.
var genericSources = map[string]bool{
	foldWords("وكالات"): true, foldWords("وكالات أنباء"): true, foldWords("مواقع"): true,
	foldWords("مواقع التواصل"): true, foldWords("agencies"): true, foldWords("wires"): true,
	foldWords("خاص"): true,
}

// Host is the site of a URL without "www.", "" when there is none.
func Host(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// ContentHash is the hex SHA-256 of the body in matching form
// (arabic.Normalize, white space collapsed): two copies of an article that
// differ only in diacritics, hamza forms or spacing get the same hash.
func ContentHash(body string) string {
	bp := hashBuffers.Get().(*[]byte)
	n := arabic.AppendNormalized((*bp)[:0], body)
	// The words are joined by single spaces in place.
	w := 0
	for i := 0; i < len(n); {
		if isASCIISpace(n[i]) {
			i++
			continue
		}
		if w > 0 {
			n[w] = ' '
			w++
		}
		for i < len(n) && !isASCIISpace(n[i]) {
			n[w] = n[i]
			w, i = w+1, i+1
		}
	}
	sum := sha256.Sum256(n[:w])
	*bp = n
	hashBuffers.Put(bp)
	return hex.EncodeToString(sum[:])
}

var hashBuffers = sync.Pool{New: func() any { return new([]byte) }}

func isASCIISpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func firstNonEmpty(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return strings.TrimSpace(a)
	}
	return strings.TrimSpace(b)
}

// ArabicDates is the DateFinder backed by the Arabic core's date reader.
func ArabicDates(text string, ref time.Time) []Mention {
	found := arabic.FindDates(text, ref)
	out := make([]Mention, len(found))
	for i, e := range found {
		out[i] = Mention{
			Text: e.Text, Start: e.Start, From: e.From, To: e.To, Relative: e.Relative,
			Calendar: e.Kind == arabic.CalendarDate || e.Kind == arabic.PeriodDate && namesMonth(e.Text),
			Fine:     e.Precision <= arabic.Month, Future: e.Future,
		}
	}
	return out
}

// namesMonth reports whether text names a Gregorian month («بداية أبريل
// الماضي» does, «الشهر الماضي» does not).
func namesMonth(text string) bool {
	words := strings.Fields(foldWords(text))
	for i := range words {
		if m, _ := monthAt(words, i); m > 0 {
			return true
		}
	}
	return false
}
