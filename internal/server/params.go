package server

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/marsad/marsad/internal/store"
)

// params reads a query string, collecting the first problem found so a
// handler can parse everything and then answer one clear 400.
type params struct {
	v   url.Values
	err error
}

func newParams(v url.Values, allowed ...string) *params {
	p := &params{v: v}
	for k := range v {
		if !slices.Contains(allowed, k) {
			p.fail("unknown parameter %q; this endpoint takes: %s", k, strings.Join(allowed, ", "))
			break
		}
	}
	return p
}

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf(format, args...)
	}
}

func (p *params) str(name string) string {
	vals := p.v[name]
	if len(vals) > 1 {
		p.fail("parameter %q given %d times; give it once", name, len(vals))
	}
	if len(vals) == 0 {
		return ""
	}
	return strings.TrimSpace(vals[0])
}

func (p *params) integer(name string, min, max int) int {
	s := p.str(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		p.fail("parameter %q must be a whole number from %d to %d, got %q", name, min, max, s)
		return 0
	}
	return n
}

func (p *params) page() store.Page {
	return store.Page{Limit: p.integer("limit", 1, store.MaxLimit), Offset: p.integer("offset", 0, 1<<30)}
}

var datePattern = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// date reads a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY).
func (p *params) date(name string) string {
	s := p.str(name)
	if s == "" {
		return ""
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if !datePattern.MatchString(s) {
		p.fail("parameter %q must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got %q", name, s)
		return ""
	}
	if _, err := time.Parse(layout, s); err != nil {
		p.fail("parameter %q is not a real date: %q", name, s)
		return ""
	}
	return s
}

// bbox reads minLon,minLat,maxLon,maxLat.
func (p *params) bbox(name string) *store.BBox {
	s := p.str(name)
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		p.fail("parameter %q must be minLon,minLat,maxLon,maxLat, got %q", name, s)
		return nil
	}
	var f [4]float64
	for i, part := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil {
			p.fail("parameter %q: %q is not a number", name, part)
			return nil
		}
		f[i] = x
	}
	b := store.BBox{MinLon: f[0], MinLat: f[1], MaxLon: f[2], MaxLat: f[3]}
	switch {
	case b.MinLon < -180 || b.MaxLon > 180 || b.MinLat < -90 || b.MaxLat > 90:
		p.fail("parameter %q: longitudes must lie in [-180, 180] and latitudes in [-90, 90]", name)
	case b.MinLon > b.MaxLon || b.MinLat > b.MaxLat:
		p.fail("parameter %q: minimum greater than maximum in %q (order is minLon,minLat,maxLon,maxLat)", name, s)
	default:
		return &b
	}
	return nil
}

// eventParams are the parameters of /api/events; paging comes last.
var eventParams = []string{"from", "to", "bbox", "actor", "type", "outlet", "q", "doc", "limit", "offset"}

// eventFilter reads the event filters shared by /api/events and /api/export.
func (p *params) eventFilter() store.EventFilter {
	f := store.EventFilter{From: p.date("from"), To: p.date("to"), BBox: p.bbox("bbox"), Actor: p.str("actor"),
		EventType: p.str("type"), Outlet: p.str("outlet"), Query: p.str("q"), DocID: p.str("doc"), Page: p.page()}
	if f.From != "" && f.To != "" && f.From > f.To {
		p.fail("parameter \"from\" (%s) is after \"to\" (%s)", f.From, f.To)
	}
	return f
}
