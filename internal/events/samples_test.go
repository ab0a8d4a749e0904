package events_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/events"
	"github.com/marsad/marsad/internal/export"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/shareddata"
)

// kbLinker is a test-only stand-in for the entity linking stage: every
// knowledge-base name found in the tokens becomes an entity mention, with
// no perspective resolution. The shipped events stage reads doc.Entities,
// whoever fills it.
type kbLinker struct{ base *kb.KB }

func (kbLinker) Name() string { return "kb-linker (test)" }

func (l kbLinker) Process(d *doc.Doc) error {
	d.Entities = kbEntities(l.base, d)
	return nil
}

func kbEntities(base *kb.KB, d *doc.Doc) []record.Entity {
	byID := map[string]int{}
	var out []record.Entity
	for _, m := range base.Match(d.Tokens) {
		if m.Adjective || len(m.Entries) == 0 {
			continue
		}
		e := m.Entries[0]
		k, ok := byID[e.ID]
		if !ok {
			ent := record.Entity{ID: e.ID, Type: e.Type, Name: e.Name, NameEn: record.Str(e.NameEn),
				Country: record.Str(e.Country), Side: e.Side, Admin1: e.Admin1, InKB: true}
			if e.HasCoords {
				ent.Lat, ent.Lon = record.Float(e.Lat), record.Float(e.Lon)
			}
			out = append(out, ent)
			k = len(out) - 1
			byID[e.ID] = k
		}
		start, end := d.Tokens[m.First].Start, d.Tokens[m.Last].End
		out[k].Mentions = append(out[k].Mentions, record.Mention{Text: string(d.Runes()[start:end]), Start: start, End: end})
	}
	return out
}

// hasStage reports whether the default pipeline already fills entities.
func defaultHasLinker(stages []pipeline.Stage) bool {
	for _, s := range stages {
		switch s.Name() {
		case "entities", "link":
			return true
		}
	}
	return false
}

// sampleStages is the default pipeline. When it has no entity linking
// yet (or MARSAD_EVENTS_KBLINK is set) the test linker takes its place.
// MARSAD_EVENTS_GOLD_PUB=dir replaces each document's publication window
// with the gold one before the events stage: a diagnostic that measures
// event reading apart from publication dating.
func sampleStages(t testing.TB) []pipeline.Stage {
	def := analyze.DefaultStages(analyze.StageOptions{})
	useKB := !defaultHasLinker(def) || os.Getenv("MARSAD_EVENTS_KBLINK") != ""
	var base *kb.KB
	if useKB {
		var err error
		if base, err = kb.Default(); err != nil {
			t.Fatalf("kb: %v", err)
		}
	}
	var out []pipeline.Stage
	hasEvents := false
	for _, s := range def {
		switch s.Name() {
		case "link", "entities":
			if useKB {
				continue
			}
		case "events":
			hasEvents = true
			if dir := os.Getenv("MARSAD_EVENTS_GOLD_PUB"); dir != "" {
				out = append(out, goldPub{dir})
			}
		}
		out = append(out, s)
		if s.Name() == "arabic" && useKB {
			out = append(out, kbLinker{base})
		}
	}
	if !hasEvents {
		out = append(out, events.Stage{})
	}
	return out
}

// goldPub sets a document's publication window from its gold file.
type goldPub struct{ dir string }

func (goldPub) Name() string { return "gold-published (test)" }

func (g goldPub) Process(d *doc.Doc) error {
	b, err := os.ReadFile(filepath.Join(g.dir, filepath.Base(d.Path)+".json"))
	if err != nil {
		return nil
	}
	var gold struct {
		Published struct{ From, To string } `json:"published"`
	}
	if json.Unmarshal(b, &gold) != nil || gold.Published.From == "" {
		return nil
	}
	d.Published = record.Published{From: record.Str(gold.Published.From), To: record.Str(gold.Published.To), Basis: record.BasisInferred}
	if gold.Published.From == gold.Published.To {
		d.Published.Date = record.Str(gold.Published.From)
	}
	return nil
}

type collect struct{ docs []record.Document }

func (c *collect) Write(d record.Document) error { c.docs = append(c.docs, d); return nil }
func (c *collect) Close() error                  { return nil }

// TestSamples runs the pipeline over the sample articles and checks every
// event: the evidence is the body text at its span, the trigger lies in it,
// the type pair is ACLED's. With MARSAD_EVENTS_OUT set it also writes the
// records there as JSON Lines, for marsad-score.
func TestSamples(t *testing.T) {
	samplesDir := shareddata.Path("samples", "articles")
	if samplesDir == "" {
		t.Skip("samples not available")
	}
	var w export.Writer
	var c collect
	w = &c
	if out := os.Getenv("MARSAD_EVENTS_OUT"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		jw, err := export.New(export.JSONL, f)
		if err != nil {
			t.Fatal(err)
		}
		w = teeWriter{jw, &c}
	}
	paths, _ := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	if _, err := analyze.Run(paths, w, analyze.Options{Stages: sampleStages(t), Workers: 1}); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, d := range c.docs {
		checkEvents(t, d)
		total += len(d.Events)
	}
	if total == 0 {
		t.Errorf("no events in %d sample articles", len(c.docs))
	}
}

type teeWriter struct{ a, b export.Writer }

func (t teeWriter) Write(d record.Document) error {
	if err := t.a.Write(d); err != nil {
		return err
	}
	return t.b.Write(d)
}

func (t teeWriter) Close() error {
	if err := t.a.Close(); err != nil {
		return err
	}
	return t.b.Close()
}

// checkEvents checks the invariants every event must hold.
func checkEvents(t *testing.T, d record.Document) {
	t.Helper()
	body := []rune(d.Body)
	seen := map[string]bool{}
	for _, e := range d.Events {
		if !record.ValidACLED(e.EventType, e.SubEventType) {
			t.Errorf("%s: invalid ACLED pair %q / %q", d.DocID, e.EventType, e.SubEventType)
		}
		if e.Span[0] < 0 || e.Span[1] > len(body) || e.Span[0] >= e.Span[1] {
			t.Errorf("%s: span %v outside body of %d code points", d.DocID, e.Span, len(body))
			continue
		}
		if got := string(body[e.Span[0]:e.Span[1]]); got != e.Evidence {
			t.Errorf("%s: body[span] = %q, evidence %q", d.DocID, got, e.Evidence)
		}
		if e.Trigger == nil || e.Trigger.Start < e.Span[0] || e.Trigger.End > e.Span[1] ||
			string(body[e.Trigger.Start:e.Trigger.End]) != e.Trigger.Text {
			t.Errorf("%s: trigger %+v not inside the evidence", d.DocID, e.Trigger)
		}
		if e.ID == "" || seen[e.ID] {
			t.Errorf("%s: event id %q empty or repeated", d.DocID, e.ID)
		}
		seen[e.ID] = true
		if e.Date != nil && (e.DateFrom == nil || e.DateTo == nil || *e.DateFrom > *e.Date || *e.Date > *e.DateTo) {
			t.Errorf("%s: date %v outside its window %v–%v", d.DocID, e.Date, e.DateFrom, e.DateTo)
		}
		if e.TimePrecision < 1 || e.TimePrecision > 3 {
			t.Errorf("%s: time_precision %d", d.DocID, e.TimePrecision)
		}
		if located(d) && (e.Location == nil || e.Location.Lat == nil || e.Location.Lon == nil) {
			t.Errorf("%s: event %q has no coordinates though the text names located places", d.DocID, e.Evidence)
		}
		if e.Location != nil && (e.Location.GeoPrecision < 1 || e.Location.GeoPrecision > 3) {
			t.Errorf("%s: geo_precision %d", d.DocID, e.Location.GeoPrecision)
		}
		if e.Fatalities != nil && *e.Fatalities < 0 {
			t.Errorf("%s: negative fatalities", d.DocID)
		}
		if !utf8.ValidString(e.Evidence) {
			t.Errorf("%s: evidence is not UTF-8", d.DocID)
		}
	}
}

// located reports whether a document names a place with coordinates.
func located(d record.Document) bool {
	for _, e := range d.Entities {
		switch e.Type {
		case record.GPE, record.LOC, record.FAC:
			if e.Lat != nil && e.Lon != nil {
				return true
			}
		}
	}
	return false
}

// TestExamples runs the pipeline over the project's example articles
// (several wars and outlets) and checks every event's invariants.
func TestExamples(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	if len(paths) == 0 {
		t.Skip("no examples")
	}
	var c collect
	if _, err := analyze.Run(paths, &c, analyze.Options{Stages: sampleStages(t), Workers: 1}); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, d := range c.docs {
		checkEvents(t, d)
		total += len(d.Events)
	}
	if total == 0 {
		t.Errorf("no events in %d example articles", len(c.docs))
	}
}

// TestOneSentenceArticles runs the whole pipeline on a JSON Lines file of
// one-sentence articles written for this test: a sentence that reports an
// attack, a strike, a takeover, an abduction, a protest or an arrest
// yields an event of the expected type; one that reports a meeting, talks,
// a call, a threat, a plan or a denial yields none.
func TestOneSentenceArticles(t *testing.T) {
	path := filepath.Join("testdata", "one-sentence.jsonl")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var expect, expectSub []string
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var row struct{ Expect, Sub string }
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		expect = append(expect, row.Expect)
		expectSub = append(expectSub, row.Sub)
	}
	var c collect
	if _, err := analyze.Run([]string{path}, &c, analyze.Options{Stages: sampleStages(t), Workers: 1}); err != nil {
		t.Fatal(err)
	}
	if len(c.docs) != len(expect) {
		t.Fatalf("%d documents, want %d", len(c.docs), len(expect))
	}
	for i, d := range c.docs {
		checkEvents(t, d)
		var types []string
		for _, e := range d.Events {
			types = append(types, e.EventType+"/"+e.SubEventType)
		}
		switch want := expect[i]; {
		case want == "" && len(d.Events) > 0:
			t.Errorf("line %d «%s»: want no event, got %v", i+1, d.Body, types)
		case want != "" && (len(d.Events) == 0 || d.Events[0].EventType != want):
			t.Errorf("line %d «%s»: want %s, got %v", i+1, d.Body, want, types)
		case expectSub[i] != "" && (len(d.Events) != 1 || d.Events[0].SubEventType != expectSub[i]):
			// A line with a sub-type tells one event, which ACLED codes once.
			t.Errorf("line %d «%s»: want one %s/%s, got %v", i+1, d.Body, want, expectSub[i], types)
		}
	}
}
