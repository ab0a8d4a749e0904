package meta

import "testing"

func TestMayNameAgency(t *testing.T) {
	for _, trig := range agencyTriggers {
		if p := "قال مراسل " + trig + "ية في المدينة"; !mayNameAgency(p) {
			t.Errorf("mayNameAgency(%q) = false", p)
		}
	}
	for _, p := range []string{"", "قصفت الطائرات مواقع في المدينة أمس", "ق", "٣٥ قتيلا"} {
		if mayNameAgency(p) {
			t.Errorf("mayNameAgency(%q) = true", p)
		}
	}
	if !mayNameAgency("بحسب Reuters") {
		t.Error("Latin letters must be looked at")
	}
}

func TestDatelineLength(t *testing.T) {
	for _, tt := range []struct {
		para string
		want string // the dateline, as it opens para
	}{
		{"الأبيض (د ب أ) - أجبرت اشتباكات عنيفة آلاف الأسر على النزوح.", "الأبيض (د ب أ) - "},
		{"طرابلس (رويترز) – قال مسؤول إن الهجوم فشل.", "طرابلس (رويترز) – "},
		{"قال مسؤول (في تصريح) - إن الهجوم فشل.", ""},
		{"قال مسؤول إن الهجوم فشل.", ""},
	} {
		got := []rune(tt.para)[:DatelineLength(tt.para)]
		if string(got) != tt.want {
			t.Errorf("DatelineLength(%q) covers %q, want %q", tt.para, string(got), tt.want)
		}
	}
}
