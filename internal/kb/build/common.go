package build

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/kb"
)

// readWordList reads one word a line, '#' comments allowed, into keys.
func readWordList(r io.Reader, file string) ([]string, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range lines {
		for _, w := range strings.Fields(l.text) {
			out = append(out, kb.Key(w))
		}
	}
	return out, nil
}

// CoNLLStats counts words and word pairs of a NER training file.
type CoNLLStats struct {
	total, outside map[string]int // one-word keys
	ngrams         map[string]int // keys of one and two words
}

// ReadCoNLLStats reads a CoNLL file: a word and its tag a line, blank lines
// between sentences.
func ReadCoNLLStats(r io.Reader, file string) (*CoNLLStats, error) {
	sc := bufio.NewScanner(r)
	s := &CoNLLStats{total: map[string]int{}, outside: map[string]int{}, ngrams: map[string]int{}}
	prev := ""
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			prev = ""
			continue
		}
		k := kb.Key(f[0])
		if k == "" || strings.Contains(k, " ") {
			prev = ""
			continue
		}
		s.total[k]++
		s.ngrams[k]++
		if prev != "" {
			s.ngrams[prev+" "+k]++
		}
		prev = k
		if f[len(f)-1] == "O" {
			s.outside[k]++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(s.total) == 0 {
		return nil, fmt.Errorf("%s: no tagged words", file)
	}
	return s, nil
}

// Count is how often a key of one or two words occurs.
func (s *CoNLLStats) Count(key string) int { return s.ngrams[key] }

// CommonWords returns the keys of words the file tags as outside any name
// at least 17 times in 20, over 5 occurrences at least: common words,
// whatever a gazetteer says they also name.
func (s *CoNLLStats) CommonWords() []string {
	var out []string
	for k, n := range s.total {
		if n >= 5 && s.outside[k]*20 >= n*17 {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
