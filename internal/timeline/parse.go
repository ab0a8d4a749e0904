package timeline

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// warColumns and landmarkColumns are the headers the data files must have.
var (
	warColumns      = []string{"id", "countries", "from", "to", "name_en", "names"}
	landmarkColumns = []string{"id", "date", "country", "war", "class", "place", "actors", "name_en", "aliases"}
)

// rows reads a tab-separated file: comment lines (#) and blank lines are
// skipped, the first other line must be the header. fn gets each row with
// its line number.
func rows(fsys fs.FS, name string, header []string, fn func(line int, f []string) error) error {
	file, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line, seenHeader := 0, false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if !seenHeader {
			if strings.Join(f, "\t") != strings.Join(header, "\t") {
				return fmt.Errorf("%s:%d: header is %q, want %q", name, line, text, strings.Join(header, "\t"))
			}
			seenHeader = true
			continue
		}
		if len(f) != len(header) {
			return fmt.Errorf("%s:%d: %d columns, want %d", name, line, len(f), len(header))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := fn(line, f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if !seenHeader {
		return fmt.Errorf("%s: no header", name)
	}
	return nil
}

func readWars(fsys fs.FS, name string) ([]*War, error) {
	var out []*War
	err := rows(fsys, name, warColumns, func(_ int, f []string) error {
		w := &War{ID: f[0], NameEn: f[4]}
		if w.ID == "" {
			return fmt.Errorf("empty id")
		}
		var err error
		if w.Countries, err = countries(f[1]); err != nil {
			return fmt.Errorf("war %s: %w", w.ID, err)
		}
		if w.From, w.FromMonth, err = parseDay(f[2], false); err != nil || w.From.IsZero() {
			return fmt.Errorf("war %s: start %q: want YYYY-MM-DD or YYYY-MM", w.ID, f[2])
		}
		if f[3] != "-" {
			if w.To, w.ToMonth, err = parseDay(f[3], false); err != nil || w.To.IsZero() {
				return fmt.Errorf("war %s: end %q: want YYYY-MM-DD, YYYY-MM or -", w.ID, f[3])
			}
			if w.End().Before(w.From) {
				return fmt.Errorf("war %s ends %s before it starts %s", w.ID, f[3], f[2])
			}
		}
		for _, n := range split(f[5]) {
			if g, ok := strings.CutPrefix(n, "*"); ok {
				w.Generic = append(w.Generic, g)
			} else {
				w.Names = append(w.Names, n)
			}
		}
		if len(w.Names)+len(w.Generic) == 0 {
			return fmt.Errorf("war %s has no Arabic name", w.ID)
		}
		out = append(out, w)
		return nil
	})
	return out, err
}

func readLandmarks(fsys fs.FS, name string) ([]*Landmark, error) {
	var out []*Landmark
	err := rows(fsys, name, landmarkColumns, func(_ int, f []string) error {
		l := &Landmark{ID: f[0], Country: f[2], Class: Class(f[4]), NameEn: f[7]}
		if l.ID == "" {
			return fmt.Errorf("empty id")
		}
		d, month, err := parseDay(f[1], true)
		if err != nil || month || d.IsZero() {
			return fmt.Errorf("landmark %s: date %q: want YYYY-MM-DD", l.ID, f[1])
		}
		l.Date = d
		if cs, err := countries(f[2]); err != nil || len(cs) != 1 {
			return fmt.Errorf("landmark %s: country %q: want one ISO alpha-2 code", l.ID, f[2])
		}
		if f[3] != "-" {
			l.War = f[3]
		}
		if !knownClasses[l.Class] {
			return fmt.Errorf("landmark %s: unknown class %q", l.ID, f[4])
		}
		if f[5] != "-" {
			l.Place = f[5]
		}
		if f[6] != "-" {
			a1, a2, _ := strings.Cut(f[6], ">")
			l.Actor1, l.Actor2 = actorList(a1), actorList(a2)
		}
		for _, a := range split(f[8]) {
			text, series := strings.CutPrefix(a, "+")
			l.Aliases = append(l.Aliases, Alias{Text: text, Series: series})
		}
		if len(l.Aliases) == 0 {
			return fmt.Errorf("landmark %s has no Arabic alias", l.ID)
		}
		out = append(out, l)
		return nil
	})
	return out, err
}

// parseDay reads YYYY-MM-DD, or YYYY-MM (reported by month) unless strict.
func parseDay(s string, strict bool) (time.Time, bool, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, false, nil
	}
	if !strict {
		if t, err := time.Parse("2006-01", s); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("bad date %q", s)
}

func countries(s string) ([]string, error) {
	var out []string
	for _, c := range strings.Split(s, ",") {
		c = strings.TrimSpace(c)
		if len(c) != 2 || strings.ToUpper(c) != c {
			return nil, fmt.Errorf("country %q is not an ISO alpha-2 code", c)
		}
		out = append(out, c)
	}
	return out, nil
}

func actorList(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" && a != "-" {
			out = append(out, a)
		}
	}
	return out
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
