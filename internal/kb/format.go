package kb

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Columns is the header of the compiled kb.tsv, one entry a line. Lists are
// joined with "|"; a role is "title;org;from;to".
var Columns = []string{
	"id", "type", "kind", "name", "name_en", "aliases", "aliases_en", "hostile", "own",
	"adjectives", "side", "country", "admin1", "parent", "lat", "lon", "population",
	"precision", "roles", "source", "cameo",
}

// AmbiguousColumns is the header of the compiled ambiguous.tsv.
var AmbiguousColumns = []string{"name", "readings", "note"}

// Reading is one possible referent of an ambiguous name.
type Reading struct {
	// ID is the entry the name refers to under this reading.
	ID string
	// Leaning is the side an outlet writes from when it uses the name for
	// this entry («الجيش الليبي» is the LNA for outlets leaning "LY-LNA").
	Leaning string
	// Default marks the reading to take when an article's leaning is unknown.
	Default bool
}

// AmbiguousName is a name whose referent depends on the article's side.
type AmbiguousName struct {
	Name     string
	Readings []Reading
	Note     string
}

// WriteEntries writes entries as kb.tsv: the header, then one line each.
func WriteEntries(w io.Writer, entries []*Entry) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(Columns, "\t") + "\n")
	for _, e := range entries {
		if err := e.Validate(); err != nil {
			return err
		}
		lat, lon := "", ""
		if e.HasCoords {
			lat = strconv.FormatFloat(e.Lat, 'f', -1, 64)
			lon = strconv.FormatFloat(e.Lon, 'f', -1, 64)
		}
		pop, prec := "", ""
		if e.Population > 0 {
			pop = strconv.Itoa(e.Population)
		}
		if e.Precision > 0 {
			prec = strconv.Itoa(e.Precision)
		}
		roles := make([]string, len(e.Roles))
		for i, r := range e.Roles {
			roles[i] = strings.Join([]string{r.Title, r.Org, r.From, r.To}, ";")
		}
		fields := []string{
			e.ID, e.Type, e.Kind, e.Name, e.NameEn, join(e.Aliases), join(e.AliasesEn),
			join(e.Hostile), join(e.Own), join(e.Adjectives), e.Side, e.Country, e.Admin1,
			e.Parent, lat, lon, pop, prec, join(roles), e.Source, e.CAMEO,
		}
		for i, f := range fields {
			if strings.ContainsAny(f, "\t\n\r") {
				return fmt.Errorf("entry %s: column %s holds a tab or newline", e.ID, Columns[i])
			}
		}
		bw.WriteString(strings.Join(fields, "\t") + "\n")
	}
	return bw.Flush()
}

// ReadEntries parses kb.tsv. name is used in error messages.
func ReadEntries(r io.Reader, name string) ([]*Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []*Entry
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			if text != strings.Join(Columns, "\t") {
				return nil, fmt.Errorf("%s:1: header does not match kb.Columns; rebuild with marsad build-kb", name)
			}
			continue
		}
		if text == "" || text[0] == '#' {
			continue
		}
		e, err := parseEntry(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	return out, nil
}

func parseEntry(text string) (*Entry, error) {
	f := strings.Split(text, "\t")
	if len(f) != len(Columns) {
		return nil, fmt.Errorf("%d columns, want %d", len(f), len(Columns))
	}
	e := &Entry{
		ID: f[0], Type: f[1], Kind: f[2], Name: f[3], NameEn: f[4],
		Aliases: split(f[5]), AliasesEn: split(f[6]), Hostile: split(f[7]), Own: split(f[8]),
		Adjectives: split(f[9]), Side: f[10], Country: f[11], Admin1: f[12], Parent: f[13],
		Source: f[19], CAMEO: f[20],
	}
	if f[14] != "" || f[15] != "" {
		lat, err1 := strconv.ParseFloat(f[14], 64)
		lon, err2 := strconv.ParseFloat(f[15], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("entry %s: bad coordinates %q,%q", e.ID, f[14], f[15])
		}
		e.Lat, e.Lon, e.HasCoords = lat, lon, true
	}
	var err error
	if f[16] != "" {
		if e.Population, err = strconv.Atoi(f[16]); err != nil {
			return nil, fmt.Errorf("entry %s: bad population %q", e.ID, f[16])
		}
	}
	if f[17] != "" {
		if e.Precision, err = strconv.Atoi(f[17]); err != nil {
			return nil, fmt.Errorf("entry %s: bad precision %q", e.ID, f[17])
		}
	}
	for _, r := range split(f[18]) {
		p := strings.Split(r, ";")
		if len(p) != 4 {
			return nil, fmt.Errorf("entry %s: role %q is not title;org;from;to", e.ID, r)
		}
		e.Roles = append(e.Roles, Role{Title: p[0], Org: p[1], From: p[2], To: p[3]})
	}
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return e, nil
}

// WriteAmbiguous writes ambiguous.tsv; a reading is "id@leaning", with a
// leading "*" on the default.
func WriteAmbiguous(w io.Writer, names []AmbiguousName) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(AmbiguousColumns, "\t") + "\n")
	for _, a := range names {
		rs := make([]string, len(a.Readings))
		for i, r := range a.Readings {
			s := r.ID + "@" + r.Leaning
			if r.Default {
				s = "*" + s
			}
			rs[i] = s
		}
		bw.WriteString(a.Name + "\t" + join(rs) + "\t" + a.Note + "\n")
	}
	return bw.Flush()
}

// ReadAmbiguous parses ambiguous.tsv.
func ReadAmbiguous(r io.Reader, name string) ([]AmbiguousName, error) {
	sc := bufio.NewScanner(r)
	var out []AmbiguousName
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			if text != strings.Join(AmbiguousColumns, "\t") {
				return nil, fmt.Errorf("%s:1: header does not match kb.AmbiguousColumns", name)
			}
			continue
		}
		if text == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != len(AmbiguousColumns) {
			return nil, fmt.Errorf("%s:%d: %d columns, want %d", name, line, len(f), len(AmbiguousColumns))
		}
		a := AmbiguousName{Name: f[0], Note: f[2]}
		for _, s := range split(f[1]) {
			var rd Reading
			if strings.HasPrefix(s, "*") {
				rd.Default, s = true, s[1:]
			}
			id, leaning, ok := strings.Cut(s, "@")
			if !ok || id == "" {
				return nil, fmt.Errorf("%s:%d: reading %q is not id@leaning", name, line, s)
			}
			rd.ID, rd.Leaning = id, leaning
			a.Readings = append(a.Readings, rd)
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

func join(xs []string) string { return strings.Join(xs, "|") }

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// Agent is a generic actor noun from PETRARCH's agents dictionary
// («انفصالي» [~REB], «النازحين» [~REF]): not an entity, but the CAMEO role
// a description of people carries, for event coding.
type Agent struct {
	// Name is the Arabic phrase, Code the CAMEO role ("REB", "REF", "MIL"),
	// English PETRARCH's English key in lower case.
	Name, Code, English string
}

// AgentColumns is the header of the compiled agents.tsv.
var AgentColumns = []string{"name", "code", "english"}

// WriteAgents writes agents.tsv.
func WriteAgents(w io.Writer, agents []Agent) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(AgentColumns, "\t") + "\n")
	for _, a := range agents {
		bw.WriteString(a.Name + "\t" + a.Code + "\t" + a.English + "\n")
	}
	return bw.Flush()
}

// ReadAgents parses agents.tsv.
func ReadAgents(r io.Reader, name string) ([]Agent, error) {
	sc := bufio.NewScanner(r)
	var out []Agent
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			if sc.Text() != strings.Join(AgentColumns, "\t") {
				return nil, fmt.Errorf("%s:1: header does not match kb.AgentColumns", name)
			}
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != len(AgentColumns) {
			return nil, fmt.Errorf("%s:%d: %d columns, want %d", name, line, len(f), len(AgentColumns))
		}
		out = append(out, Agent{Name: f[0], Code: f[1], English: f[2]})
	}
	return out, sc.Err()
}

// WriteWords writes one word a line.
func WriteWords(w io.Writer, words []string) error {
	bw := bufio.NewWriter(w)
	for _, x := range words {
		bw.WriteString(x + "\n")
	}
	return bw.Flush()
}

func readWords(r io.Reader) ([]string, error) {
	sc := bufio.NewScanner(r)
	var out []string
	for sc.Scan() {
		if t := strings.TrimSpace(sc.Text()); t != "" {
			out = append(out, t)
		}
	}
	return out, sc.Err()
}

// Camps are the two main sides of a country's war («LY-LNA», «LY-GNA»).
type Camps struct {
	Country string
	Sides   [2]string
}

// WriteCamps writes camps.tsv: country, side, side.
func WriteCamps(w io.Writer, camps []Camps) error {
	bw := bufio.NewWriter(w)
	for _, c := range camps {
		bw.WriteString(c.Country + "\t" + c.Sides[0] + "\t" + c.Sides[1] + "\n")
	}
	return bw.Flush()
}

// ReadCamps parses camps.tsv.
func ReadCamps(r io.Reader, name string) ([]Camps, error) {
	sc := bufio.NewScanner(r)
	var out []Camps
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 3", name, line, len(f))
		}
		out = append(out, Camps{Country: f[0], Sides: [2]string{f[1], f[2]}})
	}
	return out, sc.Err()
}
