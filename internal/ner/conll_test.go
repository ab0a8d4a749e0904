package ner

import (
	"bufio"
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Sentence
	}{
		{"empty", "", nil},
		{"blank lines only", "\n\n  \n", nil},
		{"tagged, no final newline", "قال O\nماكرون B-PERS", []Sentence{
			{Words: []string{"قال", "ماكرون"}, Tags: []string{"O", "B-PERS"}}}},
		{"several blank lines between sentences", "أ O\n\n\n\nب B-LOC\n", []Sentence{
			{Words: []string{"أ"}, Tags: []string{"O"}},
			{Words: []string{"ب"}, Tags: []string{"B-LOC"}}}},
		{"extra columns: last is the tag", "ليبيا NNP x B-LOC\n", []Sentence{
			{Words: []string{"ليبيا"}, Tags: []string{"B-LOC"}}}},
		{"tokens only", "قال\nماكرون\n", []Sentence{
			{Words: []string{"قال", "ماكرون"}}}},
		{"a line without a tag drops the sentence's tags", "قال O\nماكرون\n", []Sentence{
			{Words: []string{"قال", "ماكرون"}}}},
		{"tabs and CRLF", "قال\tO\r\nهنا\tO\r\n\r\n", []Sentence{
			{Words: []string{"قال", "هنا"}, Tags: []string{"O", "O"}}}},
	}
	for _, tt := range tests {
		got, err := ReadCoNLL(strings.NewReader(tt.in), "t")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"invalid UTF-8", "قال O\n\xff\xfe O\n", "in.conll:2: invalid UTF-8"},
		{"binary", "a\x00b O\n", "in.conll:1: NUL byte"},
		{"line too long", "x O\n" + strings.Repeat("a", maxLineBytes+10) + "\n", "in.conll:2: line longer than"},
	}
	for _, tt := range tests {
		_, err := ReadCoNLL(strings.NewReader(tt.in), "in.conll")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestReadTaggedRejectsUntagged(t *testing.T) {
	if _, err := ReadTagged(strings.NewReader("قال O\nهنا\n"), "x.conll"); err == nil {
		t.Error("ReadTagged accepted a line without a tag")
	}
}

func TestWriteTagged(t *testing.T) {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	WriteTagged(w, []string{"زار", "ماكرون"}, []string{"O", "B-PERS"})
	WriteTagged(w, []string{"."}, []string{"O"})
	w.Flush()
	if want := "زار\tO\nماكرون\tB-PERS\n\n.\tO\n\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestSplitHoldout(t *testing.T) {
	sents := make([]Sentence, 10)
	for _, tt := range []struct {
		frac            float64
		trainN, heldOut int
	}{{0, 10, 0}, {0.1, 9, 1}, {0.25, 8, 2}, {1, 10, 0}} {
		tr, held := SplitHoldout(sents, tt.frac)
		if len(tr) != tt.trainN || len(held) != tt.heldOut {
			t.Errorf("frac %v: %d/%d, want %d/%d", tt.frac, len(tr), len(held), tt.trainN, tt.heldOut)
		}
	}
}
