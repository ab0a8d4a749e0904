package main

import (
	"strings"
	"testing"
)

// A dictionary in the PETRARCH layout, written for this test.
const sample = `####### SYNONYM SETS #######
&WEAPON
+صاروخ_
+قذيفة_

####### VERB PATTERNS #######
--- قصف [195] ---
قصف                   [195]     # bomb
رحب                   [051]     # welcome
- * &WEAPON   [194] # قصف
- * (في غارة) [195] # قصف
- * مؤتمر [043] # قصف
--- حرق [---] ---
أحرق                  [141]     # burn
- * منزل [1712] # أحرق
`

func TestDerive(t *testing.T) {
	rows, err := derive(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, r := range rows {
		got[r.verb+"|"+r.object+"|"+r.code] = true
	}
	for _, want := range []string{"قصف||195", "قصف|صاروخ|194", "قصف|قذيفه|194", "قصف|غاره|195", "احرق||141", "احرق|منزل|1712"} {
		if !got[want] {
			t.Errorf("missing %s in %v", want, rows)
		}
	}
	for _, not := range []string{"رحب||051", "قصف|موتمر|043"} {
		if got[not] {
			t.Errorf("kept %s, outside the conflict families", not)
		}
	}
}
