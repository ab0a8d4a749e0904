package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args  []string
		paths []string
		out   string
		quiet bool
	}{
		{[]string{"examples/", "-o", "out.jsonl"}, []string{"examples/"}, "out.jsonl", false},
		{[]string{"--quiet", "a.txt", "-", "b/", "-o=x"}, []string{"a.txt", "-", "b/"}, "x", true},
		{[]string{"-o", "y", "--", "-o", "--quiet"}, []string{"-o", "--quiet"}, "y", false},
		{[]string{}, nil, "", false},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		out := fs.String("o", "", "")
		quiet := fs.Bool("quiet", false, "")
		paths, err := parseInterspersed(fs, tt.args)
		if err != nil || !slices.Equal(paths, tt.paths) || *out != tt.out || *quiet != tt.quiet {
			t.Errorf("%q: paths %q out %q quiet %v err %v", tt.args, paths, *out, *quiet, err)
		}
	}
}

// TestAnalyzeExamples runs the command on the repository's examples: every
// example is written, nothing fails, and the exit status says so.
func TestAnalyzeExamples(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	if code := runAnalyze([]string{filepath.Join("..", "..", "examples"), "--quiet", "-o", out, "-j", "2"}); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ids []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct {
			DocID string `json:"doc_id"`
			Body  string `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Body == "" {
			t.Errorf("%s: empty body", rec.DocID)
		}
		ids = append(ids, rec.DocID)
	}
	want := []string{"lb-2024-11-strike-nabatieh", "dispatches.jsonl:2", "iq-2024-anbar-ied", "libya-zawiya-clashes.txt",
		"somalia-mogadishu-attack.html", "sudan-fasher-drones.txt", "syria-idlib-strikes.txt", "yemen-taiz-shelling.txt"}
	if !slices.Equal(ids, want) {
		t.Errorf("records %q\nwant %q", ids, want)
	}
}

// TestAnalyzeExitStatus: 1 when an input failed (the rest still written),
// 2 for a usage error.
func TestAnalyzeExitStatus(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("قالت مصادر محلية إن اشتباكات عنيفة اندلعت فجر اليوم بين مجموعتين مسلحتين في وسط المدينة.\n"), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	stderr := os.Stderr
	os.Stderr, _ = os.Open(os.DevNull)
	defer func() { os.Stderr = stderr }()
	if code := runAnalyze([]string{"--quiet", "-o", out, dir}); code != 1 {
		t.Errorf("a failed input: exit status %d, want 1", code)
	}
	if b, _ := os.ReadFile(out); len(b) == 0 {
		t.Errorf("the good input must still be written")
	}
	if code := runAnalyze([]string{"--format", "xlsx", dir}); code != 2 {
		t.Errorf("unknown format: exit status %d, want 2", code)
	}
	if code := runAnalyze(nil); code != 2 {
		t.Errorf("no paths: exit status %d, want 2", code)
	}
}
