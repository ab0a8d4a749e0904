package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/marsad/marsad/internal/store"
)

func hitDocs(p store.SearchPage) []string {
	var out []string
	for _, h := range p.Items {
		out = append(out, h.DocID)
	}
	slices.Sort(out)
	return out
}

func testSearchArabic(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	tests := []struct {
		query string
		want  []string // sorted
		// words are the surface forms the highlights must cover in some hit.
		words []string
	}{
		{"قوات", []string{DocClashA, DocClashB, DocStrike}, []string{"القوات", "قوات", "قُوّاتُ"}},
		{"والقوات", []string{DocClashA, DocClashB, DocStrike}, nil},
		{"قُوّات", []string{DocClashA, DocClashB, DocStrike}, nil},
		{"طرابلس", []string{DocClashA, DocClashB}, []string{"بطرابلس", "طرابلس"}},
		{"الاشتباكات", []string{DocClashA}, []string{"اشتباكات", "الاشتباكات"}},
		{"مدنيين سرت", []string{DocStrike, DocXSS}, []string{"مدنيين", "المدنيين", "سرت"}},
		{"unsmil", []string{DocProtest}, []string{"UNSMIL"}},
		{"مظاهرة", []string{DocProtest}, nil}, // title only
		{"غائبة", nil, nil},
	}
	for _, tt := range tests {
		res, err := s.Search(ctx, tt.query, store.Page{})
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		if got := hitDocs(res); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) found %v, want %v", tt.query, got, tt.want)
		}
		if res.Total != len(tt.want) || res.TotalCapped || res.Ranking != store.RankRelevance {
			t.Errorf("Search(%q) total %d (capped %v, ranking %q), want %d by relevance",
				tt.query, res.Total, res.TotalCapped, res.Ranking, len(tt.want))
		}
		highlighted := map[string]bool{}
		for _, h := range res.Items {
			runes := []rune(h.Snippet)
			for _, r := range h.Highlights {
				if r[0] < 0 || r[1] > len(runes) || r[0] >= r[1] {
					t.Errorf("Search(%q) %s: highlight %v outside snippet of %d code points", tt.query, h.DocID, r, len(runes))
					continue
				}
				highlighted[string(runes[r[0]:r[1]])] = true
			}
		}
		for _, w := range tt.words {
			if !highlighted[w] {
				t.Errorf("Search(%q): %q not highlighted; highlighted %v", tt.query, w, highlighted)
			}
		}
	}
}

func testSearchPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	all, err := s.Search(ctx, "قوات", store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	var paged []string
	for off := 0; off < all.Total; off++ {
		p, err := s.Search(ctx, "قوات", store.Page{Limit: 1, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != 1 || p.Total != all.Total {
			t.Fatalf("offset %d: %d items, total %d", off, len(p.Items), p.Total)
		}
		paged = append(paged, p.Items[0].DocID)
	}
	var whole []string
	for i, h := range all.Items {
		whole = append(whole, h.DocID)
		if i > 0 && h.Score > all.Items[i-1].Score {
			t.Errorf("hits not ordered by score: %v", all.Items)
		}
	}
	if !slices.Equal(paged, whole) {
		t.Errorf("pages %v differ from the list %v", paged, whole)
	}
	for _, q := range []string{"", "  ", "!!!", "\u064b\u064c"} {
		if _, err := s.Search(ctx, q, store.Page{}); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Search(%q) error = %v, want ErrBadQuery", q, err)
		}
	}
	// FTS5 syntax in a query is plain text, never an error.
	for _, q := range []string{`"قوات`, "قوات OR", "NEAR(قوات", "قوات*", "-قوات", "col:قوات"} {
		if _, err := s.Search(ctx, q, store.Page{}); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
}
