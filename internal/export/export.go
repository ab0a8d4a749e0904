// Package export writes marsad/v1 records in the formats analysts load:
// JSON Lines (the contract itself) and whatever other packages register —
// a format is a small Writer, so adding ACLED CSV or GeoJSON is one file
// with one Register call.
package export

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/marsad/marsad/internal/record"
)

// Writer writes records in one format. Close writes whatever the format
// needs at the end (a closing bracket, a footer) and flushes; it does not
// close the underlying io.Writer, which belongs to the caller.
type Writer interface {
	Write(record.Document) error
	Close() error
}

// Factory makes a Writer that writes to w.
type Factory func(w io.Writer) Writer

var (
	mu      sync.RWMutex
	formats = map[string]Factory{}
)

// Register makes a format available by name (for `marsad analyze
// --format NAME`). It panics on a duplicate name, a programming error.
func Register(name string, f Factory) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := formats[name]; dup {
		panic("export: format registered twice: " + name)
	}
	formats[name] = f
}

// New returns a Writer for the named format.
func New(format string, w io.Writer) (Writer, error) {
	mu.RLock()
	f, ok := formats[format]
	mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("unknown output format %q (known: %s)", format, strings.Join(Formats(), ", "))
	}
	return f(w), nil
}

// Formats lists the registered format names, sorted.
func Formats() []string {
	mu.RLock()
	defer mu.RUnlock()
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
