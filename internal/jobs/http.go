package jobs

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/marsad/marsad/internal/queue"
)

// Frontend answers the queue's part of the HTTP API in front of the
// server's own handler (Next): POST /api/articles of raw articles queues
// them (202) instead of analysing them in the request; GET /api/queue
// reports the queue; GET /api/deadletters lists the articles that failed
// every try, with their errors; POST /api/deadletters/{seq}/retry queues
// one again; GET /metrics is the Prometheus text format. Everything else,
// marsad/v1 records posted to /api/articles included (they need no
// analysis), goes to Next.
//
// Access follows the server's rules: reads from loopback, or with the
// token, or from anywhere with OpenReads; writes only with the token.
type Frontend struct {
	Queue   *queue.Queue
	Monitor *QueueMonitor
	// Metrics serves /metrics (a *metrics.Registry).
	Metrics   http.Handler
	Token     string
	OpenReads bool
	// MaxBytes caps one posted body and one article in it.
	MaxBytes int64
	Next     http.Handler
}

// ServeHTTP routes a request.
func (f *Frontend) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	switch {
	case path == "/metrics" && isRead(r):
		if f.canRead(w, r) {
			f.Metrics.ServeHTTP(w, r)
		}
	case path == "/api/queue" && isRead(r):
		if f.canRead(w, r) {
			f.queueState(w, r)
		}
	case path == "/api/deadletters" && isRead(r):
		if f.canRead(w, r) {
			f.deadLetters(w, r)
		}
	case strings.HasPrefix(path, "/api/deadletters/") && strings.HasSuffix(path, "/retry") && r.Method == http.MethodPost:
		if f.canWrite(w) && f.authorizedWrite(w, r) {
			f.retry(w, r, strings.TrimSuffix(strings.TrimPrefix(path, "/api/deadletters/"), "/retry"))
		}
	case path == "/api/articles" && r.Method == http.MethodPost:
		f.postArticles(w, r)
	default:
		f.Next.ServeHTTP(w, r)
	}
}

func isRead(r *http.Request) bool { return r.Method == http.MethodGet || r.Method == http.MethodHead }

func (f *Frontend) canRead(w http.ResponseWriter, r *http.Request) bool {
	if f.OpenReads || isLoopback(r.RemoteAddr) || f.authorized(r) {
		return true
	}
	writeError(w, http.StatusUnauthorized, "reads from other machines need the bearer token (or serve --open-reads)")
	return false
}

func (f *Frontend) canWrite(w http.ResponseWriter) bool {
	if f.Token == "" {
		writeError(w, http.StatusForbidden, "writes are disabled: start the server with --token or MARSAD_TOKEN")
		return false
	}
	return true
}

func (f *Frontend) authorizedWrite(w http.ResponseWriter, r *http.Request) bool {
	if f.authorized(r) {
		return true
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="marsad"`)
	writeError(w, http.StatusUnauthorized, "this request needs the header Authorization: Bearer <token>")
	return false
}

func (f *Frontend) authorized(r *http.Request) bool {
	if f.Token == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(f.Token)) == 1
}

func isLoopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// postArticles queues raw articles; records go on to the server, which
// stores them at once.
func (f *Frontend) postArticles(w http.ResponseWriter, r *http.Request) {
	if !f.canWrite(w) || !f.authorizedWrite(w, r) {
		return
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = 32 << 20
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes or unreadable: %v", limit, err))
		return
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		writeError(w, http.StatusBadRequest, "empty request body")
		return
	}
	if (trimmed[0] == '{' || trimmed[0] == '[') && bytes.Contains(trimmed, []byte(`"schema"`)) {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		f.Next.ServeHTTP(w, r)
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "posted"
	}
	queued, err := SubmitBytes(r.Context(), f.Queue, name, body, limit)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "the work queue refused the article: "+err.Error())
		return
	}
	res := struct {
		Queued     int      `json:"queued"`
		Duplicates int      `json:"duplicates"`
		Failed     int      `json:"failed"`
		Jobs       []Queued `json:"jobs"`
	}{Jobs: queued}
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

func (f *Frontend) queueState(w http.ResponseWriter, r *http.Request) {
	st, err := f.Queue.Stats(r.Context())
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "the work queue does not answer: "+err.Error())
		return
	}
	workers, slots := 0, 0
	if f.Monitor != nil {
		workers, slots = f.Monitor.Workers()
	}
	writeJSON(w, http.StatusOK, struct {
		queue.Stats
		Workers int `json:"workers"`
		Slots   int `json:"slots"`
	}{st, workers, slots})
}

// deadLetterView is a dead letter as the API shows it: the job itself is
// summarised, not sent whole.
type deadLetterView struct {
	queue.DeadLetter
	// Data shadows the job's bytes, left empty so they are not sent.
	Data    []byte `json:"data,omitempty"`
	Size    int    `json:"size"`
	Title   string `json:"title,omitempty"`
	Preview string `json:"preview,omitempty"`
}

func (f *Frontend) deadLetters(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := pageParams(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	page, err := f.Queue.DeadLetters(r.Context(), limit, offset)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "the work queue does not answer: "+err.Error())
		return
	}
	out := struct {
		Total int              `json:"total"`
		Items []deadLetterView `json:"items"`
	}{Total: page.Total, Items: []deadLetterView{}}
	for _, dl := range page.Items {
		v := deadLetterView{DeadLetter: dl, Size: len(dl.Data)}
		if job, err := Decode(dl.Data); err == nil {
			v.Title, v.Preview = preview(job)
		}
		out.Items = append(out.Items, v)
	}
	writeJSON(w, http.StatusOK, out)
}

// preview is a job's title and the beginning of its text.
func preview(j Job) (title, text string) {
	const n = 300
	cut := func(s string) string {
		r := []rune(strings.TrimSpace(s))
		if len(r) > n {
			return string(r[:n]) + " …"
		}
		return string(r)
	}
	if j.Article != nil {
		return j.Article.Given.Title, cut(j.Article.Text)
	}
	return derefOr(j.Record.Title), cut(j.Record.Body)
}

func derefOr(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (f *Frontend) retry(w http.ResponseWriter, r *http.Request, seqText string) {
	seq, err := strconv.ParseUint(seqText, 10, 64)
	if err != nil || seq == 0 {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("dead letter %q: want its number (seq)", seqText))
		return
	}
	res, err := f.Queue.Requeue(r.Context(), seq)
	if errors.Is(err, queue.ErrNoDeadLetter) {
		writeError(w, http.StatusNotFound, err.Error())
		return
	}
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "the work queue refused: "+err.Error())
		return
	}
	writeJSON(w, http.StatusAccepted, res)
}

func pageParams(r *http.Request) (limit, offset int, err error) {
	q := r.URL.Query()
	read := func(name string, def, lo, hi int) (int, error) {
		s := q.Get(name)
		if s == "" {
			return def, nil
		}
		v, err := strconv.Atoi(s)
		if err != nil || v < lo || v > hi {
			return 0, fmt.Errorf("parameter %s=%q: want a whole number from %d to %d", name, s, lo, hi)
		}
		return v, nil
	}
	if limit, err = read("limit", 50, 1, 200); err != nil {
		return
	}
	offset, err = read("offset", 0, 0, 1_000_000)
	return
}

type apiError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}
