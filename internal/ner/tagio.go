package ner

import (
	"bufio"
	"io"
)

// TagCoNLL tags CoNLL-style input from r (see CoNLLReader) and writes
// "token<TAB>tag" lines to w with a blank line after each sentence. The
// whole input is read as one text, so sentences inform each other within
// the model's document window. name is used in error messages. It returns
// the number of tokens tagged.
func (m *Model) TagCoNLL(r io.Reader, name string, w io.Writer) (int, error) {
	bw := bufio.NewWriterSize(w, 64*1024)
	tokens := 0
	st := m.NewStream(func(words, tags []string) error {
		tokens += len(words)
		return WriteTagged(bw, words, tags)
	})
	cr := NewCoNLLReader(r, name)
	for {
		s, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			st.Close()
			bw.Flush()
			return tokens, err
		}
		if err := st.Add(s.Words); err != nil {
			return tokens, err
		}
	}
	if err := st.Close(); err != nil {
		return tokens, err
	}
	return tokens, bw.Flush()
}
