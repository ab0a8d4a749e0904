package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNERRoundTrip runs marsad ner on a small CoNLL file of our own: every
// token comes back in order with one BIO tag, sentence breaks are kept, and
// the names get entity tags.
func TestNERRoundTrip(t *testing.T) {
	in := "قال O\nالرئيس O\nالفرنسي O\nإيمانويل B-PERS\nماكرون I-PERS\nفي O\nباريس B-LOC\n. O\n\n\nوصل\nالوفد\nإلى\nالقاهرة\n.\n"
	path := filepath.Join(t.TempDir(), "in.conll")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
	}{
		{"file", []string{path}, ""},
		{"stdin", nil, in},
		{"dash", []string{"-"}, in},
	} {
		var out, errOut bytes.Buffer
		if code := nerMain(tc.args, strings.NewReader(tc.stdin), &out, &errOut); code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.name, code, errOut.String())
		}
		sents := strings.Split(strings.TrimSuffix(out.String(), "\n\n"), "\n\n")
		if len(sents) != 2 {
			t.Fatalf("%s: %d sentences in output:\n%s", tc.name, len(sents), out.String())
		}
		var tokens, tags []string
		for _, line := range strings.Split(strings.Join(sents, "\n"), "\n") {
			cols := strings.Split(line, "\t")
			if len(cols) != 2 {
				t.Fatalf("%s: line %q is not token<TAB>tag", tc.name, line)
			}
			tokens, tags = append(tokens, cols[0]), append(tags, cols[1])
		}
		want := strings.Fields("قال الرئيس الفرنسي إيمانويل ماكرون في باريس . وصل الوفد إلى القاهرة .")
		if strings.Join(tokens, " ") != strings.Join(want, " ") {
			t.Errorf("%s: tokens %q", tc.name, tokens)
		}
		if tags[6] != "B-LOC" || tags[11] != "B-LOC" || tags[3] != "B-PERS" {
			t.Errorf("%s: tags %q: want باريس and القاهرة B-LOC, إيمانويل B-PERS", tc.name, tags)
		}
	}
}

func TestNERBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conll")
	os.WriteFile(bad, []byte("كلمة\n\xff\xfe\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{filepath.Join(dir, "missing.conll")}, 1, "missing.conll"},
		{[]string{bad}, 1, "bad.conll:2: invalid UTF-8"},
		{[]string{"a", "b"}, 2, "usage"},
	} {
		var out, errOut bytes.Buffer
		code := nerMain(tc.args, strings.NewReader(""), &out, &errOut)
		if code != tc.code || !strings.Contains(errOut.String(), tc.msg) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tc.args, code, errOut.String(), tc.code, tc.msg)
		}
	}
}
