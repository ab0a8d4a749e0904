package ner

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
)

// ReadNameLists reads word lists (one word per line, # comments) into a
// name lexicon: a word in the k-th list gets class bit 1<<k. Words are
// normalised. At most eight lists fit the class byte.
func ReadNameLists(paths []string) (map[string]uint8, error) {
	if len(paths) > 8 {
		return nil, fmt.Errorf("name lists: %d given, at most 8 fit", len(paths))
	}
	names := map[string]uint8{}
	for k, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("name list: %w", err)
		}
		sc := bufio.NewScanner(f)
		line := 0
		for sc.Scan() {
			line++
			w := strings.TrimSpace(sc.Text())
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			if strings.ContainsAny(w, " \t") {
				f.Close()
				return nil, fmt.Errorf("name list %s:%d: %q is not one word", p, line, w)
			}
			names[arabic.Normalize(w)] |= 1 << k
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("name list %s: %w", p, err)
		}
	}
	return names, nil
}

// ReadPhraseList reads a gazetteer list: one "CLASS<TAB>name" a line, #
// comments and blank lines skipped.
func ReadPhraseList(path string) ([]Phrase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("phrase list: %w", err)
	}
	defer f.Close()
	var out []Phrase
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		class, name, ok := strings.Cut(s, "\t")
		class, name = strings.TrimSpace(class), strings.TrimSpace(name)
		if !ok || class == "" || name == "" {
			return nil, fmt.Errorf("phrase list %s:%d: want CLASS<TAB>name, got %q", path, line, s)
		}
		out = append(out, Phrase{Name: name, Class: class})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("phrase list %s: %w", path, err)
	}
	return out, nil
}
