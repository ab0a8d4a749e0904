package stories

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

// MaxLineBytes is the longest JSON line the Reader accepts: far more than any
// article, small enough that a corrupt file cannot exhaust memory.
const MaxLineBytes = 64 << 20

// Reader reads marsad/v1 documents from JSON Lines.
type Reader struct {
	r    *bufio.Reader
	name string
	line int
}

// NewReader reads from r; name (a file name, "-" for standard input) is used
// in errors.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 1<<20), name: name}
}

// Next returns the next document. At the end it returns io.EOF. A bad line
// gives a *doc.InputError naming the file and line; reading can go on with
// the next line. Blank lines are skipped, as are output objects of other
// kinds (stories, framing) so that a stories file can be read back.
func (r *Reader) Next() (*record.Document, error) {
	for {
		line, err := r.readLine()
		if err != nil {
			return nil, err
		}
		r.line++
		if line == nil {
			return nil, r.fail(fmt.Errorf("line longer than %d bytes", MaxLineBytes))
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			return nil, r.fail(errors.New("invalid UTF-8"))
		}
		var head struct {
			Schema string `json:"schema"`
			Kind   string `json:"kind"`
		}
		if err := json.Unmarshal(line, &head); err != nil {
			return nil, r.fail(fmt.Errorf("not a JSON object: %v", err))
		}
		if head.Kind != "" && head.Schema == "" {
			continue
		}
		if head.Schema != record.Schema {
			return nil, r.fail(fmt.Errorf("not a %s record (schema %q)", record.Schema, head.Schema))
		}
		var d record.Document
		if err := json.Unmarshal(line, &d); err != nil {
			return nil, r.fail(fmt.Errorf("bad %s record: %v", record.Schema, err))
		}
		if d.DocID == "" {
			return nil, r.fail(errors.New("record without doc_id"))
		}
		d.Source.Line = r.line
		return &d, nil
	}
}

// readLine returns the next line without its newline, nil (and no error)
// for a line over MaxLineBytes, whose rest it skips.
func (r *Reader) readLine() ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := r.r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxLineBytes {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && (len(buf) > 0 || tooLong):
			err = nil
		case err != nil:
			if err != io.EOF {
				err = &doc.InputError{Path: r.name, Err: err}
			}
			return nil, err
		}
		if tooLong {
			return nil, nil
		}
		if buf == nil {
			buf = []byte{} // an empty line is not a long one
		}
		return bytes.TrimSuffix(buf, []byte{'\n'}), nil
	}
}

func (r *Reader) fail(err error) error {
	return &doc.InputError{Path: r.name, Line: r.line, Err: err}
}

// LooksLikeRecords reports whether the start of a file is marsad/v1 JSON
// Lines: its first non-blank line is a JSON object with schema "marsad/v1"
// or an output object with a kind. Raw articles, including JSON Lines of
// articles with a text field, are not.
func LooksLikeRecords(head []byte) bool {
	for len(head) > 0 {
		line, rest, _ := bytes.Cut(head, []byte{'\n'})
		head = rest
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if line[0] != '{' {
			return false
		}
		var h struct {
			Schema string `json:"schema"`
			Kind   string `json:"kind"`
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		if err := dec.Decode(&h); err != nil {
			// A first line cut short by the sniffing buffer: look for the field.
			return bytes.Contains(line, []byte(`"schema":"`+record.Schema+`"`)) ||
				bytes.Contains(line, []byte(`"schema": "`+record.Schema+`"`))
		}
		return h.Schema == record.Schema || h.Kind != ""
	}
	return false
}

// Encoder writes one JSON object per line, with HTML characters unescaped.
type Encoder struct{ enc *json.Encoder }

// NewEncoder writes to w.
func NewEncoder(w io.Writer) *Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &Encoder{enc}
}

// Encode writes v as one line.
func (e *Encoder) Encode(v any) error { return e.enc.Encode(v) }
