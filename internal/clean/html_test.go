package clean

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/doc"
	"golang.org/x/net/html"
)

func TestHTMLExample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "somalia-mogadishu-attack.html"))
	if err != nil {
		t.Fatal(err)
	}
	r, page, err := HTML(b)
	if err != nil {
		t.Fatal(err)
	}
	want := HTMLPage{
		Title: "هجوم انتحاري يستهدف مقهى قرب مقر حكومي في مقديشو",
		URL:   "https://www.somalia-today.example/news/2024/08/mogadishu-cafe-attack",
		Site:  "الصومال اليوم",
		Date:  "2024-08-03T09:40:00+03:00",
	}
	if page != want {
		t.Errorf("page = %+v\nwant %+v", page, want)
	}
	if r.Title != want.Title {
		t.Errorf("title = %q", r.Title)
	}
	ps := r.Paragraphs
	if len(ps) != 7 || !strings.HasPrefix(ps[0], "مقديشو (رويترز)") || !slices.Contains(ps, "تصعيد في العاصمة") {
		t.Errorf("paragraphs and headings not kept as lines:\n%s", strings.Join(ps, "\n"))
	}
	for _, p := range ps {
		for _, furniture := range []string{"اقرأ أيضاً", "الرئيسية", "شارك", "الوسوم", "أخبار ذات صلة", "جميع الحقوق", "عاجل"} {
			if strings.Contains(p, furniture) {
				t.Errorf("furniture %q in body line %q", furniture, p)
			}
		}
	}
}

func TestMetaDate(t *testing.T) {
	tests := []struct{ page, want string }{
		{`<meta property="article:published_time" content="2024-08-03T09:40:00+03:00"><meta name="date" content="2020-01-01">`, "2024-08-03T09:40:00+03:00"},
		{`<meta name="Date" content=" 2021-05-06 ">`, "2021-05-06"},
		{`<body><time datetime="2019-01-01">x</time><time itemprop="datePublished" datetime="2022-02-02">y</time></body>`, "2022-02-02"},
		{`<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2023-03-03T10:00:00Z"}</script>`, "2023-03-03T10:00:00Z"},
		{`<body><time datetime="2019-01-01">في 2019</time><p>نص</p></body>`, ""},
	}
	for _, tt := range tests {
		root, err := html.Parse(strings.NewReader(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := metaDate(root, []byte(tt.page)); got != tt.want {
			t.Errorf("metaDate(%.50q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

func TestHTMLMalformed(t *testing.T) {
	tests := []struct {
		name    string
		page    string
		wantErr bool
	}{
		{"unclosed tags", "<html><body><div><p>" + p1 + "<p>" + p2 + "<div><span>" + p3, false},
		{"stray closing tags and no head", "</div></p>" + p1 + "</span><br><br>" + p2 + "</body></html></html>", false},
		{"no text at all", "<html><head><title>x</title></head><body><div></div><img src=a.png></body></html>", true},
		{"only a menu", "<html><body><nav><ul><li><a href=/>الرئيسية</a></li><li><a href=/n>أخبار</a></li></ul></nav></body></html>", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _, err := HTML([]byte(tt.page))
			if tt.wantErr {
				if !errors.Is(err, ErrNoText) {
					t.Errorf("want ErrNoText, got %v and %q", err, r.Paragraphs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			joined := strings.Join(r.Paragraphs, "\n")
			if !strings.Contains(joined, p1) || !strings.Contains(joined, p2) {
				t.Errorf("text lost:\n%s", joined)
			}
		})
	}
}

func TestStage(t *testing.T) {
	english := "Fighting erupted again in the city on Friday, and the United Nations said that it was deeply concerned about the safety of civilians.\nThe clashes were the worst in months, residents said, and the main road was closed for hours while ambulances tried to reach the wounded."
	tests := []struct {
		name    string
		d       doc.Doc
		errText string
		title   string
		body    string
		agency  string
	}{
		{name: "text", d: doc.Doc{Format: doc.Text, Raw: []byte(lines("عنوان الخبر عن الاشتباكات الأخيرة", p1, "", p2))},
			title: "عنوان الخبر عن الاشتباكات الأخيرة", body: p1 + "\n" + p2},
		{name: "jsonl with a given title", d: doc.Doc{Format: doc.JSONL, Raw: []byte(lines(p1, p2)), Given: doc.Given{Title: "عنوان معطى"}},
			title: "عنوان معطى", body: p1 + "\n" + p2},
		{name: "a credit line names the agency", d: doc.Doc{Format: doc.Text, Raw: []byte(lines(p1, p2, "(رويترز)"))},
			body: p1 + "\n" + p2, agency: "رويترز"},
		{name: "a credit that names no agency is dropped", d: doc.Doc{Format: doc.Text, Raw: []byte(lines(p1, p2, "(خاص)"))},
			body: p1 + "\n" + p2},
		{name: "English text", d: doc.Doc{Format: doc.Text, Raw: []byte(english)}, errText: "not Arabic: the text looks like English"},
		{name: "English page", d: doc.Doc{Format: doc.HTML, Raw: []byte("<html><body><p>" + english + "</p></body></html>")}, errText: "not Arabic: the text looks like English"},
		{name: "Persian text", d: doc.Doc{Format: doc.Text, Raw: []byte("درگیری‌ها در شهر دوباره آغاز شد و ساکنان چند ساعت در خانه‌های خود ماندند و پلیس گفت که چند نفر کشته شدند و گروهی زخمی شدند.")}, errText: "Persian"},
		{name: "only furniture", d: doc.Doc{Format: doc.Text, Raw: []byte(lines("الرئيسية", "أخبار", "اترك تعليقاً"))}, errText: "no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.d
			err := Stage{}.Process(&d)
			if tt.errText != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errText) {
					t.Errorf("error = %v, want %q", err, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title || d.Body != tt.body || d.Language != "ar" || d.Given.Agency != tt.agency {
				t.Errorf("title %q body %q lang %q agency %q", d.Title, d.Body, d.Language, d.Given.Agency)
			}
			for i, s := range d.Paragraphs {
				if got := d.Text(s); got != strings.Split(tt.body, "\n")[i] {
					t.Errorf("paragraph span %d = %q", i, got)
				}
			}
		})
	}
}
