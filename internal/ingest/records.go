package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/input"
	"github.com/marsad/marsad/internal/record"
)

// IsRecordFile reports whether path is JSON Lines whose first record is
// marsad/v1 output rather than a raw article. Such files are stored as they
// are, without analysis, by 'marsad ingest' and by the work queue alike.
func IsRecordFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	for {
		line, err := br.ReadSlice('\n')
		line = bytes.TrimSpace(line)
		if len(line) > 0 || err != nil {
			return isRecordLine(line)
		}
	}
}

func isRecordLine(line []byte) bool {
	if len(line) == 0 || line[0] != '{' {
		return false
	}
	var probe struct {
		Schema string `json:"schema"`
	}
	// A first line longer than the buffer is cut; decoding then fails, so
	// look for the field by text as well.
	if json.Unmarshal(line, &probe) == nil {
		return probe.Schema == record.Schema
	}
	return bytes.Contains(line, []byte(`"schema":"`+record.Schema+`"`)) ||
		bytes.Contains(line, []byte(`"schema": "`+record.Schema+`"`))
}

// LoadRecords passes every marsad/v1 record of a JSON Lines file to put, in
// file order, with its source path and line filled in when the record has
// none. A line that is not a record, and a file that cannot be read, go to
// fail (naming the file and line) and the rest is still read; an error from
// put stops the reading and is returned. maxBytes caps one line (0:
// input.DefaultMaxBytes).
func LoadRecords(path string, maxBytes int64, put func(record.Document) error, fail func(error)) error {
	f, err := os.Open(path)
	if err != nil {
		fail(&doc.InputError{Path: path, Err: err})
		return nil
	}
	defer f.Close()
	if maxBytes <= 0 {
		maxBytes = input.DefaultMaxBytes
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), int(maxBytes))
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var d record.Document
		if err := json.Unmarshal(line, &d); err != nil {
			fail(&doc.InputError{Path: path, Line: n, Err: fmt.Errorf("not a marsad/v1 record: %w", err)})
			continue
		}
		if d.Schema != record.Schema {
			fail(&doc.InputError{Path: path, Line: n, Err: fmt.Errorf("schema %q, want %q", d.Schema, record.Schema)})
			continue
		}
		if d.Source.Path == nil {
			d.Source.Path = record.Str(path)
			d.Source.Line = n
		}
		if err := put(d); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line %d is longer than %d bytes", n+1, maxBytes)
		}
		fail(&doc.InputError{Path: path, Err: err})
	}
	return nil
}
