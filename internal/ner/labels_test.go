package ner

import (
	"reflect"
	"testing"
)

func TestBIOLabels(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []string
	}{
		{"single and multi-word names", []string{"B-PERS", "I-PERS", "I-PERS", "O", "B-LOC"}, []string{"B-PERS", "I-PERS", "E-PERS", "O", "S-LOC"}},
		{"adjacent names", []string{"B-LOC", "B-LOC", "I-LOC"}, []string{"S-LOC", "B-LOC", "E-LOC"}},
		{"I after O starts a name", []string{"O", "I-ORG", "I-ORG"}, []string{"O", "B-ORG", "E-ORG"}},
		{"type change starts a name", []string{"B-ORG", "I-LOC"}, []string{"S-ORG", "S-LOC"}},
		{"empty", nil, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ls, bad := bioLabels(tc.tags)
			if bad >= 0 {
				t.Fatalf("tag %d rejected", bad)
			}
			got := []string{}
			for _, l := range ls {
				got = append(got, labelNames[l])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			// Every gold sequence obeys the constraints the decoder applies.
			prev := -1
			for _, l := range ls {
				if !allowed(prev, l) {
					t.Errorf("%s after %d is not allowed", labelNames[l], prev)
				}
				prev = l
			}
			if len(ls) > 0 && !final(ls[len(ls)-1]) {
				t.Errorf("sequence ends with %s", labelNames[ls[len(ls)-1]])
			}
		})
	}
	for _, bad := range [][]string{{"O", "X-PERS"}, {"B-FOO"}} {
		if _, i := bioLabels(bad); i < 0 {
			t.Errorf("%q accepted", bad)
		}
	}
}

// Reported tags are BIO: B and S begin a name, I and E continue it.
func TestBIONames(t *testing.T) {
	for l := 1; l < numLabels; l++ {
		p, typ := splitTag(bioNames[l])
		want := "B"
		if partOf(l) == partI || partOf(l) == partE {
			want = "I"
		}
		if p != want || typ != entityTypes[typeOf(l)-1] {
			t.Errorf("label %s reported as %s", labelNames[l], bioNames[l])
		}
	}
}
