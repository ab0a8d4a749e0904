package clean

import (
	"slices"
	"testing"

	"github.com/marsad/marsad/internal/synth"
)

// TestSynthCorpus measures the cleaner on generated pages whose every line
// is labelled: pages it was not written against, with furniture in random
// combinations and orders.
func TestSynthCorpus(t *testing.T) {
	pages := synth.Corpus(7, 500)
	var keptBody, lostBody, keptBoiler, titles, badTitles int
	for i, p := range pages {
		r := Text(p.Text, Options{})
		for _, l := range p.Body {
			if slices.Contains(r.Paragraphs, squeeze(l)) {
				keptBody++
			} else {
				lostBody++
				if lostBody < 4 {
					t.Logf("page %d: body line lost: %q\n%s", i, l, explain(r))
				}
			}
		}
		for _, l := range p.Boilerplate {
			if slices.Contains(r.Paragraphs, squeeze(l)) {
				keptBoiler++
				if keptBoiler < 4 {
					t.Logf("page %d: furniture kept: %q", i, l)
				}
			}
		}
		titles++
		if r.Title != p.Title {
			badTitles++
			if badTitles < 4 {
				t.Logf("page %d: title %q, want %q", i, r.Title, p.Title)
			}
		}
	}
	precision := float64(keptBody) / float64(keptBody+keptBoiler)
	recall := float64(keptBody) / float64(keptBody+lostBody)
	t.Logf("body lines: precision %.4f recall %.4f; titles %d/%d", precision, recall, titles-badTitles, titles)
	if precision < 0.995 || recall < 0.995 || badTitles > 0 {
		t.Errorf("precision %.4f recall %.4f, %d wrong titles", precision, recall, badTitles)
	}
}
