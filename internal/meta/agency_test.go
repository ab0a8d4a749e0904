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
