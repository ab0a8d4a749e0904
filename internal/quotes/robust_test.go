package quotes

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/record"
)

// Odd bodies must give no quote or well-formed ones, never a panic.
func TestOddInput(t *testing.T) {
	bodies := []string{
		"",
		"«",
		"قال",
		"وقال:",
		"قال إن",
		"\"\"\"\"",
		"“”“”«»",
		"The minister said that the war is over.",
		"وقال \xff\xfe إن الوضع \xc3 هادئ.",
		"بحسب",
		"وفقا ل",
		"نقل عن",
		"جاء في",
		"، مضيفا",
		"وأشار إلى أن",
		strings.Repeat("«قال الوزير إن ", 200),
		strings.Repeat("وقال المتحدث ", 500) + "إن الأمر انتهى.",
		"وقال الوزير:\n«نحن مستعدون»",
	}
	for _, b := range bodies {
		qs := Find(docWith(b))
		checkSpans(t, b, qs)
	}
}

// Every cut of the fixtures is a valid, if truncated, body.
func TestTruncatedFixtures(t *testing.T) {
	for _, tc := range cases {
		rs := []rune(tc.body)
		for n := 0; n <= len(rs); n += 3 {
			body := string(rs[:n])
			checkSpans(t, body, Find(docWith(body, tc.ents...)))
			body = string(rs[n:])
			checkSpans(t, body, Find(docWith(body)))
		}
	}
}

// Quotes found over a whole text of many paragraphs have exact spans, and
// the stage leaves the quotes on the document.
func TestStageSpans(t *testing.T) {
	var b strings.Builder
	var ents []ent
	for _, tc := range cases {
		b.WriteString(tc.body)
		b.WriteString("\n")
		ents = append(ents, tc.ents...)
	}
	d := docWith(b.String(), ents...)
	if err := (Stage{}).Process(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) < len(cases) {
		t.Errorf("got %d quotes over %d fixtures", len(d.Quotes), len(cases))
	}
	checkSpans(t, d.Body, d.Quotes)
}

func TestCovering(t *testing.T) {
	qs := []record.Quote{{Text: "a", Span: [2]int{10, 20}}, {Text: "b", Span: [2]int{30, 60}}}
	tests := []struct {
		start, end int
		want       string
	}{
		{0, 5, ""},
		{12, 18, "a"},
		{15, 40, "b"},
		{0, 100, "b"},
		{60, 70, ""},
	}
	for _, tt := range tests {
		got := ""
		if q := Covering(qs, tt.start, tt.end); q != nil {
			got = q.Text
		}
		if got != tt.want {
			t.Errorf("Covering(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

// Random strings of cue words, names and punctuation: no panics, exact
// spans.
func TestRandomText(t *testing.T) {
	vocab := strings.Fields(`قال وقال قالت إن أن بأن إلى الى : ، . « » “ ” " ( ) الذي التي بحسب وفقا لـ للموقع
		حسب قوله وفق نقل عن ونقل جاء في وجاء فيه مضيفا مؤكدة قائلا المتحدث باسم الجيش مصدر عسكري
		مصادر الوزير الأمين العام للأمم المتحدة كان قد وكان أكد أعلن أشار لكن لكنه بدوره من جانبه
		يوم الجمعة أمس رسميا ما يعرف بالقيادة نشر بعنوان موقع صحيفة مسؤول تركي اثنان السكان هذه
		المبادرة حفتر خليفة أحمد 35 شهادات نقلها جنود ليعلن عقب ذلك حذر من ندد بالهجوم ودعا`)
	ents := []ent{
		{"p", "PER", "خليفة حفتر", []string{"خليفة حفتر", "حفتر"}},
		{"o", "ARMED_GROUP", "الجيش", []string{"الجيش"}},
		{"u", "ORG", "الأمم المتحدة", []string{"الأمم المتحدة"}},
	}
	seed := uint32(7)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	for range 3000 {
		var b strings.Builder
		for k := next(40); k > 0; k-- {
			b.WriteString(vocab[next(len(vocab))])
			if next(9) == 0 {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		body := b.String()
		checkSpans(t, body, Find(docWith(body, ents...)))
	}
}
