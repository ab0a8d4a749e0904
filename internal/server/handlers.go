package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "from", "to", "outlet", "story", "q", "limit", "offset")
	f := store.DocumentFilter{From: p.date("from"), To: p.date("to"), Outlet: p.str("outlet"),
		StoryID: p.str("story"), Query: p.str("q"), Page: p.page()}
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	page, err := s.store.ListDocuments(r.Context(), f)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	if p := newParams(r.URL.Query()); p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	d, err := s.store.GetDocument(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// postResult reports what a POST did with each document it carried.
type postResult struct {
	Stored    int         `json:"stored"`
	Unchanged int         `json:"unchanged"`
	Documents []postedDoc `json:"documents"`
}

type postedDoc struct {
	DocID    string `json:"doc_id"`
	Inserted bool   `json:"inserted"`
}

// postArticles stores marsad/v1 records (one JSON object, an array, or JSON
// Lines) or, when the server can analyse, raw article text or HTML.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxPostBytes))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes or unreadable: %v", maxPostBytes, err))
		return
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		writeError(w, http.StatusBadRequest, "empty request body")
		return
	}
	if !looksLikeRecords(trimmed) && s.opts.Enqueue != nil {
		s.enqueue(w, r, body)
		return
	}
	docs, err := s.decodePosted(r, trimmed)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	res := postResult{Documents: []postedDoc{}}
	for i, d := range docs {
		inserted, err := s.store.PutDocument(r.Context(), d)
		if err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("document %d (%s): %v", i+1, d.DocID, err))
			return
		}
		if inserted {
			res.Stored++
		} else {
			res.Unchanged++
		}
		id := d.DocID
		if id == "" {
			if p, err := store.Prepare(d); err == nil {
				id = p.DocID
			}
		}
		res.Documents = append(res.Documents, postedDoc{DocID: id, Inserted: inserted})
	}
	status := http.StatusOK
	if res.Stored > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}

// decodePosted reads the records of a trimmed, non-empty body, or analyses
// the raw articles in it when the server can.
func (s *Server) decodePosted(r *http.Request, body []byte) ([]record.Document, error) {
	if looksLikeRecords(body) {
		return decodeRecords(body)
	}
	if s.opts.Analyze == nil {
		return nil, errors.New("the body is not marsad/v1 JSON and this server cannot analyse raw articles; " +
			"post records produced by 'marsad analyze'")
	}
	name, url, err := postedNames(r)
	if err != nil {
		return nil, err
	}
	docs, err := s.opts.Analyze(r.Context(), name, url, body)
	if err != nil {
		return nil, fmt.Errorf("analysing the posted article: %w", err)
	}
	return docs, nil
}

// postedNames reads the parameters that name a posted raw article.
func postedNames(r *http.Request) (name, url string, err error) {
	p := newParams(r.URL.Query(), "name", "url")
	name, url = p.str("name"), p.str("url")
	return name, url, p.err
}

// enqueueResult is the answer to raw articles posted to a server with a queue.
type enqueueResult struct {
	Queued     int             `json:"queued"`
	Duplicates int             `json:"duplicates"`
	Failed     int             `json:"failed"`
	Jobs       []QueuedArticle `json:"jobs"`
}

// enqueue queues posted raw articles: 202 when any was taken, 400 when none.
func (s *Server) enqueue(w http.ResponseWriter, r *http.Request, body []byte) {
	name, url, err := postedNames(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	queued, err := s.opts.Enqueue(r.Context(), name, url, body)
	if err != nil {
		s.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		writeError(w, http.StatusServiceUnavailable, "the work queue refused the articles: "+err.Error())
		return
	}
	res := enqueueResult{Jobs: queued}
	if res.Jobs == nil {
		res.Jobs = []QueuedArticle{}
	}
	for _, q := range queued {
		switch {
		case q.Error != "":
			res.Failed++
		case q.Duplicate:
			res.Duplicates++
		default:
			res.Queued++
		}
	}
	status := http.StatusAccepted
	if res.Queued+res.Duplicates == 0 {
		status = http.StatusBadRequest
	}
	writeJSON(w, status, res)
}

// looksLikeRecords reports whether body is JSON carrying the marsad/v1 schema.
func looksLikeRecords(body []byte) bool {
	return (body[0] == '{' || body[0] == '[') && bytes.Contains(body, []byte(`"schema"`))
}

// decodeRecords reads one record, an array of records, or JSON Lines.
func decodeRecords(body []byte) ([]record.Document, error) {
	if body[0] == '[' {
		var docs []record.Document
		if err := json.Unmarshal(body, &docs); err != nil {
			return nil, fmt.Errorf("decoding the JSON array of records: %w", err)
		}
		return checkSchema(docs)
	}
	var docs []record.Document
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 1<<20), maxPostBytes)
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		var d record.Document
		if err := json.Unmarshal(text, &d); err != nil {
			// A pretty-printed single object spans lines: try the whole body.
			if line == 1 {
				var one record.Document
				if err2 := json.Unmarshal(body, &one); err2 == nil {
					return checkSchema([]record.Document{one})
				}
			}
			return nil, fmt.Errorf("line %d: not a JSON record: %w", line, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading JSON Lines: %w", err)
	}
	return checkSchema(docs)
}

func checkSchema(docs []record.Document) ([]record.Document, error) {
	if len(docs) == 0 {
		return nil, errors.New("no records in the body")
	}
	for i, d := range docs {
		if d.Schema != record.Schema {
			return nil, fmt.Errorf("record %d: schema %q, want %q", i+1, d.Schema, record.Schema)
		}
	}
	return docs, nil
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), eventParams...)
	f := p.eventFilter()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	page, err := s.store.ListEvents(r.Context(), f)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) {
	// The filters of /api/events without its paging: the timeline counts
	// every matching event.
	p := newParams(r.URL.Query(), eventParams[:len(eventParams)-2]...)
	f := p.eventFilter()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	days, err := s.store.EventTimeline(r.Context(), f)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"days": days})
}

func (s *Server) getEvent(w http.ResponseWriter, r *http.Request) {
	if p := newParams(r.URL.Query()); p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	ev, err := s.store.GetEvent(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ev)
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "limit", "offset")
	page := p.page()
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	res, err := s.store.ListStories(r.Context(), page)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) getStory(w http.ResponseWriter, r *http.Request) {
	if p := newParams(r.URL.Query()); p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	st, err := s.store.GetStory(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) listActors(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "q", "limit", "offset")
	f := store.ActorFilter{Query: p.str("q"), Page: p.page()}
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	res, err := s.store.ListActors(r.Context(), f)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), "q", "limit", "offset")
	q := p.str("q")
	page := p.page()
	if p.err == nil && q == "" {
		p.fail("parameter \"q\" is required")
	}
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	res, err := s.store.Search(r.Context(), q, page)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	if p := newParams(r.URL.Query()); p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	st, err := s.store.Stats(r.Context())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
