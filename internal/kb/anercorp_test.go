package kb

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/shareddata"
)

// TestGazetteerAgreesWithANERcorp measures the gazetteer feature against the
// place names of the ANERcorp training split, when ../shared is present:
// the names it marks must mostly be names there (precision), and it must
// know most of the places (recall). It guards against common words
// creeping into the gazetteer.
func TestGazetteerAgreesWithANERcorp(t *testing.T) {
	path := shareddata.Path("data", "anercorp", "ANERCorp_CamelLab_train.txt")
	if path == "" {
		t.Skip("ANERcorp not present in ../shared")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	k := mustDefault(t)
	var words, gold []string
	tp, fp, fn := 0, 0, 0
	spans := func(tags []string) map[[2]int]bool {
		m := map[[2]int]bool{}
		for i := 0; i < len(tags); i++ {
			if tags[i] == "B-LOC" {
				j := i + 1
				for j < len(tags) && tags[j] == "I-LOC" {
					j++
				}
				m[[2]int{i, j}] = true
				i = j - 1
			}
		}
		return m
	}
	flush := func() {
		g, p := spans(gold), spans(k.GazetteerTags(words))
		for s := range p {
			if g[s] {
				tp++
			} else {
				fp++
			}
		}
		for s := range g {
			if !p[s] {
				fn++
			}
		}
		words, gold = words[:0], gold[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			flush()
			continue
		}
		words, gold = append(words, fs[0]), append(gold, fs[len(fs)-1])
	}
	flush()
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("LOC spans: precision %.3f recall %.3f (tp %d fp %d fn %d)", p, r, tp, fp, fn)
	if p < 0.65 || r < 0.65 {
		t.Errorf("gazetteer LOC precision %.3f, recall %.3f; want both ≥ 0.65", p, r)
	}
}
