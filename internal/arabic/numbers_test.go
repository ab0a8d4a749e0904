package arabic

import "testing"

func TestFindNumbers(t *testing.T) {
	type num struct {
		text     string
		value    int64
		min, max int64
		kind     NumberKind
		noun     string
	}
	tests := []struct {
		in   string
		want []num
	}{
		{"قتل خمسة وثلاثين شخصا", []num{{"خمسة وثلاثين", 35, 35, 35, Exact, "شخصا"}}},
		{"شنت الطائرات 3 غارات", []num{{"3", 3, 3, 3, Exact, "غارات"}}},
		{"شنت الطائرات ثلاث غارات", []num{{"ثلاث", 3, 3, 3, Exact, "غارات"}}},
		{"أصيب اثنان من الجنود", []num{{"اثنان", 2, 2, 2, Exact, ""}}},
		{"قتل اثنين", []num{{"اثنين", 2, 2, 2, Exact, ""}}},
		{"عشرون قتيلا", []num{{"عشرون", 20, 20, 20, Exact, "قتيلا"}}},
		{"مائة جندي ومئة آخرون", []num{{"مائة", 100, 100, 100, Exact, "جندي"}, {"ومئة", 100, 100, 100, Exact, ""}}},
		{"ألف لاجئ", []num{{"ألف", 1000, 1000, 1000, Exact, "لاجي"}}},
		{"ألفين", []num{{"ألفين", 2000, 2000, 2000, Exact, ""}}},
		{"مئتي مسلح", []num{{"مئتي", 200, 200, 200, Exact, "مسلح"}}},
		{"مائة وخمسة وعشرون", []num{{"مائة وخمسة وعشرون", 125, 125, 125, Exact, ""}}},
		{"ثلاثة آلاف وخمسمائة", []num{{"ثلاثة آلاف وخمسمائة", 3500, 3500, 3500, Exact, ""}}},
		{"خمسة عشر ألفا", []num{{"خمسة عشر ألفا", 15000, 15000, 15000, Exact, ""}}},
		{"إحدى عشرة غارة", []num{{"إحدى عشرة", 11, 11, 11, Exact, "غاره"}}},
		{"مليون ونصف", []num{{"مليون ونصف", 1500000, 1500000, 1500000, Exact, ""}}},
		{"نصف مليون", []num{{"نصف مليون", 500000, 500000, 500000, Exact, ""}}},
		{"1,000 دولار", []num{{"1,000", 1000, 1000, 1000, Exact, "دولار"}}},
		{"١٬٠٠٠ جندي", []num{{"١٬٠٠٠", 1000, 1000, 1000, Exact, "جندي"}}},
		{"٣٫٥ كيلومتر", []num{{"٣٫٥", 3, 3, 3, Exact, "كيلومتر"}}},
		{"2.5 مليون نسمة", []num{{"2.5 مليون", 2500000, 2500000, 2500000, Exact, "نسمه"}}},
		{"500 ألف", []num{{"500 ألف", 500000, 500000, 500000, Exact, ""}}},
		{"10 آلاف نازح", []num{{"10 آلاف", 10000, 10000, 10000, Exact, "نازح"}}},
		{"2.500 قتيل", []num{{"2.500", 2500, 2500, 2500, Exact, "قتيل"}}},
		{"50% من السكان", []num{{"50", 50, 50, 50, Exact, "%"}}},
		{"20 بالمئة", []num{{"20", 20, 20, 20, Exact, "%"}}},
		{"أكثر من 100 قتيل", []num{{"أكثر من 100", 100, 100, Unbounded, AtLeast, "قتيل"}}},
		{"لأكثر من 500 كيلو", []num{{"لأكثر من 500", 500, 500, Unbounded, AtLeast, "كيلو"}}},
		{"ما لا يقل عن 20 جنديا", []num{{"ما لا يقل عن 20", 20, 20, Unbounded, AtLeast, "جنديا"}}},
		{"قتل 10 على الأقل", []num{{"10 على الأقل", 10, 10, Unbounded, AtLeast, ""}}},
		{"قتل 10 أشخاص على الأقل", []num{{"10", 10, 10, Unbounded, AtLeast, "اشخاص"}}},
		{"أقل من 10", []num{{"أقل من 10", 0, 0, 10, AtMost, ""}}},
		{"نحو 50 مسلحا", []num{{"نحو 50", 50, 50, 50, Approximate, "مسلحا"}}},
		{"حوالي 30", []num{{"حوالي 30", 30, 30, 30, Approximate, ""}}},
		{"قرابة 40 سيارة", []num{{"قرابة 40", 40, 40, 40, Approximate, "سياره"}}},
		{"قرابة ال50", []num{{"قرابة ال50", 50, 50, 50, Approximate, ""}}},
		{"بين 10 و20 قتيلا", []num{{"بين 10 و20", 10, 10, 20, Range, "قتيلا"}}},
		{"بين عشرة وعشرين", []num{{"بين عشرة وعشرين", 10, 10, 20, Range, ""}}},
		{"10 إلى 15 جريحا", []num{{"10 إلى 15", 10, 10, 15, Range, "جريحا"}}},
		{"من 10 إلى 15", []num{{"من 10 إلى 15", 10, 10, 15, Range, ""}}},
		{"بين 3 دول", []num{{"3", 3, 3, 3, Exact, "دول"}}},
		{"عشرات القتلى", []num{{"عشرات", 10, 10, 99, Vague, "قتلي"}}},
		{"العشرات من المدنيين", []num{{"العشرات", 10, 10, 99, Vague, "مدنيين"}}},
		{"مئات الآلاف من النازحين", []num{{"مئات الآلاف", 100000, 100000, 999999, Vague, "نازحين"}}},
		{"آلاف", []num{{"آلاف", 1000, 1000, 9999, Vague, ""}}},
		{"عدد من الجنود", []num{{"عدد من", 0, 0, Unbounded, Vague, "جنود"}}},
		{"عدداً من المسلحين", []num{{"عدداً من", 0, 0, Unbounded, Vague, "مسلحين"}}},
		{"عدة أشخاص", []num{{"عدة", 3, 3, 9, Vague, "اشخاص"}}},
		{"الجنود الثلاثة", []num{{"الثلاثة", 3, 3, 3, Exact, "جنود"}}},
		{"أكثر من عشرة", []num{{"أكثر من عشرة", 10, 10, Unbounded, AtLeast, ""}}},
		{"قتل جنديان وأصيب شخصين", []num{{"جنديان", 2, 2, 2, Exact, "جنديان"}, {"شخصين", 2, 2, 2, Exact, "شخصين"}}},
		{"قتل مدنيين", nil}, // two civilians or many: no figure
		// Dates, years and times are not counts.
		{"في 5 يونيو 2020", nil},
		{"عام 2019", nil},
		{"2020-06-05", nil},
		{"05/06/2020", nil},
		{"الساعة 10:30", nil},
		{"نشر في 27 - 11 - 2024", nil},
		{"10 - 15 قتيلا", []num{{"10 - 15", 10, 10, 15, Range, "قتيلا"}}},
		{"منذ 2011", nil},
		{"يوم الاثنين", nil},
		{"أحد الجنود", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := FindNumbers(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("FindNumbers(%q) = %d numbers %+v, want %d", tt.in, len(got), got, len(tt.want))
			continue
		}
		runes := []rune(tt.in)
		for i, w := range tt.want {
			g := got[i]
			if g.Text != w.text || g.Value != w.value || g.Min != w.min || g.Max != w.max || g.Kind != w.kind || g.Noun != w.noun {
				t.Errorf("FindNumbers(%q)[%d] = %q v=%d [%d,%d] %v noun %q, want %q v=%d [%d,%d] %v noun %q",
					tt.in, i, g.Text, g.Value, g.Min, g.Max, g.Kind, g.Noun, w.text, w.value, w.min, w.max, w.kind, w.noun)
			}
			if string(runes[g.Start:g.End]) != g.Text {
				t.Errorf("FindNumbers(%q)[%d] offsets give %q", tt.in, i, string(runes[g.Start:g.End]))
			}
			if g.Approx != (g.Kind != Exact) {
				t.Errorf("FindNumbers(%q)[%d] Approx = %v for %v", tt.in, i, g.Approx, g.Kind)
			}
			if g.Noun != "" && g.Noun != "%" && Normalize(string(runes[g.NounStart:g.NounEnd])) == "" {
				t.Errorf("FindNumbers(%q)[%d] noun offsets empty", tt.in, i)
			}
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"خمسة وثلاثين", 35, true},
		{"ثلاث", 3, true},
		{"اثنان", 2, true},
		{"عشرون", 20, true},
		{"مائة", 100, true},
		{"مئة", 100, true},
		{"ألف", 1000, true},
		{"ألفين", 2000, true},
		{"مئات", 100, true},
		{"آلاف", 1000, true},
		{"عشرات", 10, true},
		{"العشرات", 10, true},
		{"1,000", 1000, true},
		{"١٬٠٠٠", 1000, true},
		{"3.5", 3, true},
		{"أكثر من 100", 100, true},
		{"ثلاثمائة وستون", 360, true},
		{"ثلاث مئة", 300, true},
		{"عشرة آلاف", 10000, true},
		{"مليونين", 2000000, true},
		{"ثلاثة ملايين", 3000000, true},
		{"قتيل", 0, false},
		{"", 0, false},
		{"خمسة وثلاثين جنديا ثم", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumber(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseDigits(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"1000", 1000}, {"1,000", 1000}, {"1,000,000", 1e6}, {"1.000.000", 1e6},
		{"3.5", 3.5}, {"2,5", 2.5}, {"1,234.5", 1234.5}, {"1.234,5", 1234.5},
		{"2.500", 2500}, {"3.141", 3.141}, {"1،500", 1500},
	}
	for _, tt := range tests {
		if got, ok := parseDigits(tt.in); !ok || got != tt.want {
			t.Errorf("parseDigits(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}
