package arabic

import (
	"reflect"
	"testing"
)

func spanTexts(text string, spans []Span) []string {
	r := []rune(text)
	var out []string
	for _, s := range spans {
		out = append(out, string(r[s.Start:s.End]))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "هاجمت القوات المدينة. وقتل ثلاثة مدنيين.",
			[]string{"هاجمت القوات المدينة.", "وقتل ثلاثة مدنيين."}},
		{"arabic question mark and semicolon", "هل انتهت الحرب؟ لا أحد يعرف؛ الجميع ينتظر",
			[]string{"هل انتهت الحرب؟", "لا أحد يعرف؛", "الجميع ينتظر"}},
		{"decimal number", "ارتفعت الأسعار بنسبة 3.5 بالمئة. وانخفض الدينار.",
			[]string{"ارتفعت الأسعار بنسبة 3.5 بالمئة.", "وانخفض الدينار."}},
		{"agency abbreviation", "قال مصدر لوكالة أ. ف. ب إن القصف توقف. ثم عاد.",
			[]string{"قال مصدر لوكالة أ. ف. ب إن القصف توقف.", "ثم عاد."}},
		{"doctor", "وصرح د. أحمد للصحفيين بأن الوضع مستقر.",
			[]string{"وصرح د. أحمد للصحفيين بأن الوضع مستقر."}},
		{"latin abbreviation", "دعت U.S. Army إلى التهدئة. وردت موسكو.",
			[]string{"دعت U.S. Army إلى التهدئة.", "وردت موسكو."}},
		{"never crosses a newline", "عنوان بلا نقطة\nالفقرة الأولى. والثانية",
			[]string{"عنوان بلا نقطة", "الفقرة الأولى.", "والثانية"}},
		{"short quote kept whole", "رفع المتظاهرون شعار «لا للحرب. نعم للسلام» أمام المقر.",
			[]string{"رفع المتظاهرون شعار «لا للحرب. نعم للسلام» أمام المقر."}},
		{"closing quote belongs to the sentence", "وقال المتحدث: «سنواصل القتال.» وأضاف أن الهدنة انتهت.",
			[]string{"وقال المتحدث: «سنواصل القتال.»", "وأضاف أن الهدنة انتهت."}},
		{"closing straight quote", `قال: "انتهى الأمر." ثم غادر.`,
			[]string{`قال: "انتهى الأمر."`, "ثم غادر."}},
		{"question and exclamation run", "هل هذا معقول؟! نعم...",
			[]string{"هل هذا معقول؟!", "نعم..."}},
		{"ellipsis", "انتظر الجميع… ثم بدأ القصف",
			[]string{"انتظر الجميع…", "ثم بدأ القصف"}},
		{"domain name", "نشر الخبر موقع aljazeera.net صباحا.",
			[]string{"نشر الخبر موقع aljazeera.net صباحا."}},
		{"list number", "1. انسحاب القوات\n2. وقف إطلاق النار",
			[]string{"1. انسحاب القوات", "2. وقف إطلاق النار"}},
		{"no space after stop", "انتهت الجولة.وبدأت المفاوضات",
			[]string{"انتهت الجولة.", "وبدأت المفاوضات"}},
		{"date with dots", "وقع الهجوم في 5.6.2020 قرب المطار.",
			[]string{"وقع الهجوم في 5.6.2020 قرب المطار."}},
		{"whitespace stripped", "  جملة أولى.   جملة ثانية.  \n\n  ",
			[]string{"جملة أولى.", "جملة ثانية."}},
		{"bracket after stop", "انسحبت القوات (بحسب البيان.) ثم توقف القتال.",
			[]string{"انسحبت القوات (بحسب البيان.)", "ثم توقف القتال."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spanTexts(tt.in, Sentences(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	in := "  العنوان \n\nالفقرة الأولى.\n   \nالفقرة الثانية"
	want := []string{"العنوان", "الفقرة الأولى.", "الفقرة الثانية"}
	if got := spanTexts(in, Paragraphs(in)); !reflect.DeepEqual(got, want) {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}
