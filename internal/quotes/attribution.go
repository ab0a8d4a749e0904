package quotes

import "github.com/marsad/marsad/internal/record"

// Covering returns the quote whose span overlaps the stretch [start, end)
// of the body the most, or nil when none overlaps it: the statement an
// event read from that stretch is claimed in («قالت مصادر عسكرية إن...»).
func Covering(qs []record.Quote, start, end int) *record.Quote {
	var best *record.Quote
	most := 0
	for i := range qs {
		q := &qs[i]
		if n := min(end, q.Span[1]) - max(start, q.Span[0]); n > most {
			best, most = q, n
		}
	}
	return best
}
