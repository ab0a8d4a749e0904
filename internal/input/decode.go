package input

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Errors that make a document unreadable. They are wrapped in a
// doc.InputError that names the file (and line).
var (
	ErrEmpty   = errors.New("empty input: no text")
	ErrBinary  = errors.New("binary data, not text")
	ErrTooBig  = errors.New("too large")
	ErrNotUTF8 = errors.New("not UTF-8 text")
	// ErrJSONArray is a JSON array of articles, which marsad reads as JSON
	// Lines instead (one object per line, e.g. `jq -c '.[]'`).
	ErrJSONArray = errors.New("a JSON array: give the articles as JSON Lines, one object per line (jq -c '.[]' converts)")
)

// maxRepairRatio is the share of code points that may be replaced by U+FFFD
// before a text counts as being in some other encoding rather than damaged.
const maxRepairRatio = 0.02

// decode turns the bytes of one document into UTF-8 text.
//
// Policy (documented in README): UTF-8 is expected. A UTF-8 or UTF-16 byte
// order mark is honoured. Text that is not UTF-8 but reads as Windows-1256
// (the legacy Arabic code page) is converted, with a warning. Otherwise a
// few invalid byte sequences are repaired with U+FFFD, with a warning that
// counts them; when more than 2% of the text is invalid the input is
// rejected, because the result would be garbage. Binary data is rejected.
func decode(b []byte) (text string, warnings []string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", nil, ErrEmpty
	}
	if isBinary(b) {
		return "", nil, ErrBinary
	}
	if utf8.Valid(b) {
		return string(b), nil, nil
	}
	if looksCP1256(b) {
		return decodeCP1256(b), []string{"not UTF-8; decoded as Windows-1256 (Arabic)"}, nil
	}
	bad, total := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
		}
		total++
		i += n
	}
	if float64(bad) > maxRepairRatio*float64(total) {
		return "", nil, fmt.Errorf("%w: %d invalid byte sequences in %d characters", ErrNotUTF8, bad, total)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"),
		[]string{fmt.Sprintf("invalid UTF-8: %d byte sequence(s) replaced by U+FFFD", bad)}, nil
}

// isBinary reports whether the start of b holds NUL bytes or many control
// characters, as images, archives and executables do.
func isBinary(b []byte) bool {
	head := b[:min(len(b), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B {
			ctrl++
		}
	}
	return ctrl*20 > len(head) // more than 5%
}

// looksCP1256 reports whether invalid UTF-8 b is plausibly Windows-1256
// Arabic: no valid multi-byte UTF-8 sequence at all, and most high bytes map
// to Arabic letters.
func looksCP1256(b []byte) bool {
	high, arabic := 0, 0
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		if r, n := utf8.DecodeRune(b[i:]); r != utf8.RuneError && n > 1 {
			return false
		}
		high++
		if unicode.Is(unicode.Arabic, cp1256High[b[i]-0x80]) {
			arabic++
		}
		i++
	}
	return high > 0 && arabic*10 >= high*7
}

func decodeCP1256(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) * 2)
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(cp1256High[c-0x80])
		}
	}
	return sb.String()
}

func decodeUTF16(b []byte) (string, []string, error) {
	bigEndian := b[0] == 0xFE
	b = b[2:]
	if len(b)%2 == 1 {
		b = b[:len(b)-1]
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	s := string(utf16.Decode(units))
	if strings.TrimSpace(s) == "" {
		return "", nil, ErrEmpty
	}
	return s, []string{"UTF-16 text converted to UTF-8"}, nil
}
