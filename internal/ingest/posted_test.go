package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/doc"
)

func TestNamePosted(t *testing.T) {
	const text = "نص خبر قصير عن اشتباكات في المدينة"
	textID := "posted-" + hexHash([]byte(text), 12)
	tests := []struct {
		name      string
		d         doc.Doc
		reqName   string
		reqURL    string
		wantID    string
		wantPath  string
		wantGiven string // Given.URL afterwards
	}{
		{"text alone", doc.Doc{ID: "stdin"}, "", "", textID, PostedPath, ""},
		{"named", doc.Doc{ID: "stdin"}, "sirte-1", "", "sirte-1", "sirte-1", ""},
		{"named wins over url", doc.Doc{ID: "stdin"}, "sirte-1", "https://x.example/a", "sirte-1", "sirte-1", "https://x.example/a"},
		{"url", doc.Doc{ID: "stdin"}, "", "https://x.example/a", "url-" + hexHash([]byte("https://x.example/a"), 16), PostedPath, "https://x.example/a"},
		{"JSON Lines line named", doc.Doc{ID: "stdin:3", Line: 3}, "feed", "https://ignored.example", "feed:3", "feed", ""},
		{"JSON Lines line with url field", doc.Doc{ID: "stdin:2", Line: 2, Given: doc.Given{URL: "https://y.example/b"}}, "", "",
			"url-" + hexHash([]byte("https://y.example/b"), 16), PostedPath, "https://y.example/b"},
		{"JSON Lines line unnamed", doc.Doc{ID: "stdin:2", Line: 2}, "", "", textID, PostedPath, ""},
		{"own id kept", doc.Doc{ID: "afp-123", Line: 1}, "feed", "", "afp-123", "feed", ""},
	}
	for _, tt := range tests {
		d := tt.d
		d.Raw = []byte(text)
		NamePosted(&d, tt.reqName, tt.reqURL)
		if d.ID != tt.wantID || d.Path != tt.wantPath || d.Given.URL != tt.wantGiven {
			t.Errorf("%s: id %q path %q url %q; want %q %q %q", tt.name, d.ID, d.Path, d.Given.URL, tt.wantID, tt.wantPath, tt.wantGiven)
		}
	}
}

// TestPostedArticlesKeepTheirOwnDocuments is the bug of posts without a
// queue all being stored as "stdin": two different unnamed articles are two
// documents, and posting one again changes nothing.
func TestPostedArticlesKeepTheirOwnDocuments(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	bodies := []string{
		"أعلنت السلطات المحلية في مدينة الساحل إغلاق الطريق الرئيسي بعد اشتباكات مسلحة مساء الأحد.\nوقال شهود إن القوات انتشرت في الشوارع.",
		"قالت مصادر طبية إن ثلاثة مدنيين أصيبوا في قصف استهدف سوقا شعبية في البلدة صباح اليوم.\nوأكدت البلدية أن فرق الإسعاف نقلت المصابين.",
		"أعلنت السلطات المحلية في مدينة الساحل إغلاق الطريق الرئيسي بعد اشتباكات مسلحة مساء الأحد.\nوقال شهود إن القوات انتشرت في الشوارع.",
	}
	var ids []string
	for _, body := range bodies {
		docs, err := AnalyzeBytes(ctx, "", "", []byte(body))
		if err != nil || len(docs) != 1 {
			t.Fatalf("AnalyzeBytes: %d documents, %v", len(docs), err)
		}
		ids = append(ids, docs[0].DocID)
		if _, err := st.PutDocument(ctx, docs[0]); err != nil {
			t.Fatal(err)
		}
	}
	if ids[0] == ids[1] || ids[0] != ids[2] || !strings.HasPrefix(ids[0], "posted-") {
		t.Errorf("ids %v: want two distinct posted- ids, the repeat named as the first", ids)
	}
	if stats, _ := st.Stats(ctx); stats.Documents != 2 {
		t.Errorf("store holds %d documents, want 2", stats.Documents)
	}
	docs, err := AnalyzeBytes(ctx, "report-7", "", []byte(bodies[1]))
	if err != nil || docs[0].DocID != "report-7" || *docs[0].Source.Path != "report-7" {
		t.Errorf("named post: %+v, %v", docs, err)
	}
	if _, err := AnalyzeBytes(ctx, "blob", "", []byte{0, 1, 2, 3}); err == nil || !strings.Contains(err.Error(), "blob") {
		t.Errorf("binary post: %v, want an error naming the post", err)
	}
}
