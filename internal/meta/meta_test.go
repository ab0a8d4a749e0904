package meta

import (
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

func TestParseStated(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-08-03T09:40:00+03:00", "2024-08-03"},
		{"2024-08-03", "2024-08-03"},
		{"Jun 6, 2020", "2020-06-06"},
		{"6 June 2020", "2020-06-06"},
		{"Mon, 02 Jan 2006 15:04:05 -0700", "2006-01-02"},
		{"WED 27 - 11 - 2024", "2024-11-27"},
		{"18/01/2025", "2025-01-18"},
		{"11/27/2024", "2024-11-27"},
		{"2025/01/18", "2025-01-18"},
		{"السبت 18 يناير 2025 - 09:45 م", "2025-01-18"},
		{"الخميس ٥ ذو الحجة ١٤٤٥ هـ - ١٣ يونيو ٢٠٢٤", "2024-06-13"},
		{"الأحد 7 حزيران 2020", "2020-06-07"},
		{"3 تشرين الأول 2023", "2023-10-03"},
		{"12 جوان 2022", "2022-06-12"},
		{"18 يناير", ""},      // no year: not a stated date
		{"31/02/2024", ""},    // no such day
		{"منذ زمن طويل", ""},  // no date at all
		{"1445 رمضان 15", ""}, // Hijri only
	}
	for _, tt := range tests {
		got, ok := ParseStated(tt.in)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("ParseStated(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestAgency(t *testing.T) {
	tests := []struct{ body, want string }{
		{"طرابلس (رويترز) - سيطرت القوات على المدينة.", "Reuters"},
		{"تعز (أ ف ب) - قتل أربعة مدنيين.", "AFP"},
		{"الفاشر/ الأناضول - قتل 12 نازحا.", "Anadolu Agency"},
		{"أبوظبي (وام) - أعلنت الوزارة.", "WAM"},
		{"الرباط - ومع: أعلنت السلطات.", "MAP"},
		{"قالت الوزارة في بيان نقلته وكالة سانا إن الهجوم أسفر عن قتلى.", "SANA"},
		{"وقال مسؤول لوكالة فرانس برس إن القصف استمر.", "AFP"},
		{"وأفاد مراسل سبوتنيك بأن الاشتباكات توقفت.", "Sputnik"},
		{"قتل خمسة أشخاص في غارة.\nوأضاف البيان أن التحقيق مستمر. (د ب أ)", "dpa"},
		// Acronyms that are also words do not count outside a credit.
		{"وقال إن الوضع وام يتغير وإن قنا المياه مغلقة.", ""},
		{"الرمادي - قتل جنديان بانفجار عبوة.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Agency(tt.body); got != tt.want {
			t.Errorf("Agency(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
	for in, want := range map[string]string{"Reuters": "Reuters", "Anadolu Agency": "Anadolu Agency", "رويترز": "Reuters", "أ ف ب": "AFP", "الجزيرة": "", "": ""} {
		if got := CanonicalAgency(in); got != want {
			t.Errorf("CanonicalAgency(%q) = %q, want %q", in, got, want)
		}
	}
}

// fakeDates is a DateFinder over fixed expressions: absolute ones come
// back always, relative ones are resolved by a function of the reference.
type fakeDates struct {
	abs []Mention
	rel func(ref time.Time) []Mention
}

func (f fakeDates) find(_ string, ref time.Time) []Mention {
	if ref.IsZero() || f.rel == nil {
		return f.abs
	}
	return append(append([]Mention{}, f.abs...), f.rel(ref)...)
}

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPublished(t *testing.T) {
	july2019 := Mention{Text: "يوليو 2019", From: d("2019-07-01"), To: d("2019-07-31"), Calendar: true, Fine: true}
	year2011 := Mention{Text: "عام 2011", From: d("2011-01-01"), To: d("2011-12-31")}
	// «29 مايو الماضي»: the last 29 May strictly before ref.
	may29 := func(ref time.Time) []Mention {
		y := ref.Year()
		if !time.Date(y, 5, 29, 0, 0, 0, 0, time.UTC).Before(ref) {
			y--
		}
		day := time.Date(y, 5, 29, 0, 0, 0, 0, time.UTC)
		return []Mention{{Text: "29 مايو الماضي", From: day, To: day, Relative: true, Calendar: true, Fine: true}}
	}
	tests := []struct {
		name     string
		in       Dates
		dates    fakeDates
		basis    string
		from, to string // "" for null
		warn     string
	}{
		{name: "stated", in: Dates{Stated: "Jun 6, 2020"}, basis: "stated", from: "2020-06-06", to: "2020-06-06"},
		{name: "stated beats crawled", in: Dates{Stated: "2020-06-06", Crawled: "27-11-2024"}, basis: "stated", from: "2020-06-06", to: "2020-06-06"},
		{name: "stated earlier than the text warns", in: Dates{Stated: "2019-01-01"}, dates: fakeDates{abs: []Mention{july2019}},
			basis: "stated", from: "2019-01-01", to: "2019-01-01", warn: "earlier than «يوليو 2019»"},
		{name: "unreadable stated date warns and infers", in: Dates{Stated: "قريبا"}, dates: fakeDates{abs: []Mention{july2019}},
			basis: "inferred", from: "2019-07-01", warn: "cannot read"},
		{name: "crawled stamp the text agrees with", in: Dates{Crawled: "2019-08-10"}, dates: fakeDates{abs: []Mention{july2019}},
			basis: "stated", from: "2019-08-10", to: "2019-08-10"},
		{name: "crawled stamp years after the text is an upper bound", in: Dates{Crawled: "WED 27 - 11 - 2024"}, dates: fakeDates{abs: []Mention{july2019}},
			basis: "inferred", from: "2019-07-01", to: "2024-11-27"},
		{name: "crawled stamp before a date the text names", in: Dates{Crawled: "2019-06-01"}, dates: fakeDates{abs: []Mention{july2019}},
			basis: "inferred", from: "2019-07-01"},
		{name: "a relative month after the anchor opens a month's window", dates: fakeDates{abs: []Mention{july2019}, rel: may29},
			basis: "inferred", from: "2020-06-01", to: "2020-07-01"},
		{name: "the crawl date closes the window early", in: Dates{Crawled: "2020-06-15"}, dates: fakeDates{abs: []Mention{july2019}, rel: may29},
			basis: "stated", from: "2020-06-15", to: "2020-06-15"},
		{name: "a year-only anchor opens no window", dates: fakeDates{abs: []Mention{year2011}, rel: may29},
			basis: "inferred", from: "2011-01-01"},
		{name: "future dates are no lower bound", dates: fakeDates{abs: []Mention{july2019, {Text: "ديسمبر 2030", From: d("2030-12-01"), To: d("2030-12-31"), Calendar: true, Fine: true, Future: true}}},
			basis: "inferred", from: "2019-07-01"},
		{name: "no dates", basis: "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.in.Body = "نص يذكر يوليو 2019 و29 مايو الماضي"
			p, warnings := Published(tt.in, tt.dates.find)
			if p.Basis != tt.basis || record.Deref(p.From) != tt.from || record.Deref(p.To) != tt.to {
				t.Errorf("got %s %s..%s, want %s %s..%s (evidence %q)", p.Basis, record.Deref(p.From), record.Deref(p.To), tt.basis, tt.from, tt.to, p.Evidence)
			}
			if (p.Date != nil) != (tt.basis == "stated") {
				t.Errorf("date must be set exactly when stated: %v", record.Deref(p.Date))
			}
			if tt.warn == "" && len(warnings) > 0 || tt.warn != "" && (len(warnings) == 0 || !strings.Contains(warnings[0], tt.warn)) {
				t.Errorf("warnings %q, want %q", warnings, tt.warn)
			}
		})
	}
}

// TestPublishedArabic runs the inference on text with the Arabic core's
// date reader.
func TestPublishedArabic(t *testing.T) {
	tests := []struct {
		name, body string
		basis      string
		from, to   string
	}{
		{
			name:  "relative month after an explicit month",
			body:  "وكانت الحكومة قد أعلنت في مارس 2024 خطة لإخراج التشكيلات المسلحة.\nواندلعت اشتباكات مماثلة في 12 أغسطس الماضي أسفرت عن مقتل خمسة أشخاص.",
			basis: "inferred", from: "2024-09-01", to: "2024-10-01",
		},
		{
			name:  "only an absolute date: a lower bound",
			body:  "وتخضع المنطقة لاتفاق وقف إطلاق نار أبرم في 5 مارس 2020، لكنه يتعرض لخروقات متكررة.",
			basis: "inferred", from: "2020-03-05",
		},
		{
			name:  "a planned date is no lower bound",
			body:  "قتل ثلاثة أشخاص في اشتباكات منذ يونيو 2021، فيما تجرى الانتخابات المقررة في ديسمبر 2030.",
			basis: "inferred", from: "2021-06-01",
		},
		{
			name:  "weekdays alone say nothing",
			body:  "قتل ثلاثة أشخاص أمس الجمعة في اشتباكات، بعد هدوء دام منذ الاثنين الماضي.",
			basis: "unknown",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := Published(Dates{Body: tt.body}, ArabicDates)
			if p.Basis != tt.basis || record.Deref(p.From) != tt.from || record.Deref(p.To) != tt.to {
				t.Errorf("got %s %s..%s, want %s %s..%s (evidence %q)", p.Basis, record.Deref(p.From), record.Deref(p.To), tt.basis, tt.from, tt.to, p.Evidence)
			}
		})
	}
}

func TestStage(t *testing.T) {
	dc := &doc.Doc{
		Body:  "الفاشر (رويترز) - قتل 12 نازحا في هجوم بطائرات مسيرة.\nوقالت مصادر محلية إن الهجوم استهدف السوق.",
		Given: doc.Given{URL: "https://www.Example-News.com/a/1", Date: "2024-06-17", Agency: "الجزيرة"},
	}
	if err := (Stage{}).Process(dc); err != nil {
		t.Fatal(err)
	}
	if dc.Agency != "Reuters" || dc.Outlet != "الجزيرة" || dc.URL != "https://www.Example-News.com/a/1" {
		t.Errorf("agency %q outlet %q url %q", dc.Agency, dc.Outlet, dc.URL)
	}
	if record.Deref(dc.Published.Date) != "2024-06-17" || dc.Published.Basis != record.BasisStated {
		t.Errorf("published %+v", dc.Published)
	}
	if len(dc.ContentHash) != 64 {
		t.Errorf("content hash %q", dc.ContentHash)
	}
	// The outlet falls back to the URL's host.
	d2 := &doc.Doc{Body: dc.Body, Given: doc.Given{URL: "https://www.Example-News.com/a/1"}}
	(Stage{}).Process(d2)
	if d2.Outlet != "example-news.com" {
		t.Errorf("outlet from host = %q", d2.Outlet)
	}
}

func TestSplitSource(t *testing.T) {
	tests := []struct{ in, agency, outlet string }{
		{"Reuters", "Reuters", ""},
		{"الجزيرة + وكالات", "", "الجزيرة"},
		{"الجزيرة + رويترز", "Reuters", "الجزيرة"},
		{"وكالات", "", ""},
		{"أ ف ب / د ب أ", "AFP", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		if a, o := SplitSource(tt.in); a != tt.agency || o != tt.outlet {
			t.Errorf("SplitSource(%q) = %q, %q; want %q, %q", tt.in, a, o, tt.agency, tt.outlet)
		}
	}
}

func TestContentHash(t *testing.T) {
	a := ContentHash("قُتِلَ ثلاثةُ أشخاص  في الاشتباكات")
	b := ContentHash("قتل ثلاثة أشخاص في الاشتباكات")
	c := ContentHash("قتل أربعة أشخاص في الاشتباكات")
	if a != b {
		t.Errorf("diacritics and spacing must not change the hash")
	}
	if a == c {
		t.Errorf("different text, same hash")
	}
}

// A stamp that gives only a time of day is no date, and no warning.
func TestTimeOfDayStampIsNoWarning(t *testing.T) {
	for _, stamp := range []string{"14:32", "2:05 م", "9:30 AM", "١٤:٣٢"} {
		if _, w := Published(Dates{Stated: stamp, Body: "قال مسؤول إن الوضع هادئ."}, nil); len(w) != 0 {
			t.Errorf("stamp %q: warnings %q", stamp, w)
		}
	}
	if _, w := Published(Dates{Stated: "غدا صباحا", Body: "قال مسؤول إن الوضع هادئ."}, nil); len(w) == 0 {
		t.Error("an unreadable stamp that is not a time must still be reported")
	}
}
