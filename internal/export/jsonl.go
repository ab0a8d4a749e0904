package export

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/marsad/marsad/internal/record"
)

// JSONL is the name of the marsad/v1 JSON Lines format.
const JSONL = "jsonl"

func init() { Register(JSONL, NewJSONL) }

// jsonlWriter writes one marsad/v1 object per line.
type jsonlWriter struct {
	buf *bufio.Writer
	enc *json.Encoder
}

// NewJSONL returns a Writer of marsad/v1 JSON Lines. Arabic and markup are
// written as they are, not as \u escapes, so the output stays readable.
func NewJSONL(w io.Writer) Writer {
	buf := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{buf: buf, enc: enc}
}

func (j *jsonlWriter) Write(d record.Document) error { return j.enc.Encode(d) }

func (j *jsonlWriter) Close() error { return j.buf.Flush() }
