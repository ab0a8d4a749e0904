package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/doc"
)

// Field names accepted in a JSON Lines record, in order of preference. Dumps
// from different scrapers name the same thing differently.
var (
	textFields   = []string{"text", "content", "body"}
	dateFields   = []string{"date", "published", "date_extracted"}
	outletFields = []string{"outlet", "source"}
)

// readJSONL yields one document per non-empty line of r. A line that is not
// a JSON object with a text field is an error for that line only.
func readJSONL(path string, r io.Reader, maxLine int64, yield func(Item) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, size, tooLong, err := readLine(br, maxLine)
		if err != nil && err != io.EOF {
			return yield(Item{Err: &doc.InputError{Path: path, Line: n, Err: fmt.Errorf("read: %w", err)}})
		}
		if size == 0 && err == io.EOF {
			return true
		}
		var item Item
		switch {
		case tooLong:
			item.Err = &doc.InputError{Path: path, Line: n, Err: tooBig(size, maxLine)}
		case len(bytes.TrimSpace(line)) == 0:
			if err == io.EOF {
				return true
			}
			continue
		default:
			d, lerr := parseRecord(path, n, line)
			if lerr != nil {
				item.Err = &doc.InputError{Path: path, Line: n, Err: lerr}
			} else {
				item.Doc = d
			}
		}
		item.Bytes = size
		if !yield(item) {
			return false
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line without its newline. A line longer than max is
// consumed and reported as too long rather than held in memory.
func readLine(br *bufio.Reader, max int64) (line []byte, size int64, tooLong bool, err error) {
	for {
		chunk, isPrefix, e := br.ReadLine()
		size += int64(len(chunk))
		if !tooLong {
			if size > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if e != nil {
			return line, size, tooLong, e
		}
		if !isPrefix {
			return line, size + 1, tooLong, nil
		}
	}
}

// parseRecord reads one JSON Lines record into a Doc.
func parseRecord(path string, n int, line []byte) (*doc.Doc, error) {
	line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("broken JSON at byte %d: %v", syn.Offset, err)
		}
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return nil, fmt.Errorf("not a JSON object but a JSON %s", typ.Value)
		}
		return nil, fmt.Errorf("broken JSON: %v", err)
	}
	if obj == nil {
		return nil, errors.New("not a JSON object but null")
	}
	text, field := firstString(obj, textFields)
	if field == "" {
		return nil, fmt.Errorf("no article text: expected a string field %s", strings.Join(textFields, ", "))
	}
	raw := []byte(text)
	d := &doc.Doc{Path: path, Line: n, Format: doc.JSONL, Raw: raw}
	if text, warnings, err := decode(raw); err != nil {
		return nil, fmt.Errorf("field %q: %w", field, err)
	} else {
		d.Raw = []byte(text)
		for _, w := range warnings {
			d.Warn("%s", w)
		}
	}
	if !utf8.Valid(line) {
		d.Warn("invalid UTF-8 in the record: byte sequences replaced by U+FFFD")
	}
	d.ID = idOf(obj["id"])
	if d.ID == "" {
		d.ID = fmt.Sprintf("%s:%d", docID(path), n)
	}
	d.Given.Title, _ = firstString(obj, []string{"title", "headline"})
	d.Given.Date, _ = firstString(obj, dateFields)
	d.Given.URL, _ = firstString(obj, []string{"url", "link"})
	d.Given.Outlet = outletOf(obj)
	d.Given.Agency, _ = firstString(obj, []string{"agency"})
	return d, nil
}

// firstString returns the first of fields that holds a non-blank string,
// and the field's name; "" when none does.
func firstString(obj map[string]json.RawMessage, fields []string) (string, string) {
	for _, f := range fields {
		raw, ok := obj[f]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) == nil && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s), f
		}
	}
	return "", ""
}

// idOf reads an "id" that may be a string or a number.
func idOf(raw json.RawMessage) string {
	if raw == nil {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var num json.Number
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&num) == nil {
		if i, err := strconv.ParseInt(num.String(), 10, 64); err == nil {
			return strconv.FormatInt(i, 10)
		}
		return num.String()
	}
	return ""
}

// outletOf reads the outlet from "outlet" or "source", which some dumps
// make an object such as {"name": "...", "url": "..."}.
func outletOf(obj map[string]json.RawMessage) string {
	if s, _ := firstString(obj, outletFields); s != "" {
		return s
	}
	for _, f := range outletFields {
		var o map[string]json.RawMessage
		if raw, ok := obj[f]; ok && json.Unmarshal(raw, &o) == nil {
			if s, _ := firstString(o, []string{"name", "title", "domain", "url"}); s != "" {
				return s
			}
		}
	}
	return ""
}
