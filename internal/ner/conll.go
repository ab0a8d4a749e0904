package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Sentence is one sentence of CoNLL-style input: its tokens and, when the
// input carries them, the gold BIO tags (the last column).
type Sentence struct {
	Words []string
	Tags  []string
}

// maxLineBytes bounds one input line; a longer line is malformed input, not
// a token.
const maxLineBytes = 1 << 20

// CoNLLReader reads CoNLL-style input one sentence at a time: one token per
// line in the first whitespace-separated column, blank lines between
// sentences. When every line of a sentence has two or more columns, the last
// column is kept as its tag.
type CoNLLReader struct {
	sc   *bufio.Scanner
	name string
	line int
	err  error
}

// NewCoNLLReader returns a reader of r; name (a file name or "stdin") is used
// in error messages.
func NewCoNLLReader(r io.Reader, name string) *CoNLLReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLineBytes)
	return &CoNLLReader{sc: sc, name: name}
}

// Next returns the next sentence, or io.EOF after the last one. Errors name
// the input and line.
func (r *CoNLLReader) Next() (Sentence, error) {
	if r.err != nil {
		return Sentence{}, r.err
	}
	var (
		s      Sentence
		tagged = true
	)
	for r.sc.Scan() {
		r.line++
		text := r.sc.Text()
		if !utf8.ValidString(text) {
			r.err = fmt.Errorf("%s:%d: invalid UTF-8", r.name, r.line)
			return Sentence{}, r.err
		}
		if strings.IndexByte(text, 0) >= 0 {
			r.err = fmt.Errorf("%s:%d: NUL byte (binary input?)", r.name, r.line)
			return Sentence{}, r.err
		}
		fields := strings.Fields(text)
		if len(fields) == 0 {
			if len(s.Words) > 0 {
				break
			}
			continue
		}
		s.Words = append(s.Words, fields[0])
		if len(fields) >= 2 {
			s.Tags = append(s.Tags, fields[len(fields)-1])
		} else {
			tagged = false
		}
	}
	if err := r.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line longer than %d bytes", maxLineBytes)
		}
		r.err = fmt.Errorf("%s:%d: %w", r.name, r.line+1, err)
		return Sentence{}, r.err
	}
	if len(s.Words) == 0 {
		r.err = io.EOF
		return Sentence{}, io.EOF
	}
	if !tagged {
		s.Tags = nil
	}
	return s, nil
}

// ReadCoNLL reads every sentence of r (see CoNLLReader).
func ReadCoNLL(r io.Reader, name string) ([]Sentence, error) {
	cr := NewCoNLLReader(r, name)
	var out []Sentence
	for {
		s, err := cr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

// WriteTagged writes one sentence as "token<TAB>tag" lines followed by a blank
// line.
func WriteTagged(w *bufio.Writer, words, tags []string) error {
	for i, word := range words {
		w.WriteString(word)
		w.WriteByte('\t')
		w.WriteString(tags[i])
		w.WriteByte('\n')
	}
	return w.WriteByte('\n')
}

// ReadTagged reads CoNLL-style data whose every sentence carries tags.
func ReadTagged(r io.Reader, name string) ([]Sentence, error) {
	sents, err := ReadCoNLL(r, name)
	if err != nil {
		return nil, err
	}
	for i, s := range sents {
		if s.Tags == nil {
			return nil, fmt.Errorf("%s: sentence %d has a line without a tag column", name, i+1)
		}
	}
	return sents, nil
}

// SplitHoldout splits off the last share frac of sentences (0 ≤ frac < 1)
// as a held-out set, keeping the order of both parts.
func SplitHoldout(sents []Sentence, frac float64) (train, held []Sentence) {
	if frac <= 0 || frac >= 1 {
		return sents, nil
	}
	cut := len(sents) - int(frac*float64(len(sents)))
	return sents[:cut], sents[cut:]
}
