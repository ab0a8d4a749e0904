package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/server"
)

// QueueAPI is the work queue's part of the HTTP API, plugged into the
// server through server.Options (Routes and Enqueue), so the server's
// access rules apply to it as to every other endpoint: raw articles posted
// to /api/articles are queued (202) instead of analysed in the request;
// GET /api/queue reports the queue; GET /api/deadletters lists the articles
// that failed every try, with their errors; POST /api/deadletters/{seq}/retry
// queues one again; GET /metrics is the Prometheus text format.
type QueueAPI struct {
	Queue   *queue.Queue
	Monitor *QueueMonitor
	// Metrics serves /metrics (a *metrics.Registry).
	Metrics http.Handler
	// MaxBytes caps one posted article (0: input.DefaultMaxBytes).
	MaxBytes int64
}

// Routes returns the queue's endpoints, for server.Options.Routes.
func (a *QueueAPI) Routes() map[string]http.Handler {
	return map[string]http.Handler{
		"GET /api/queue":                    http.HandlerFunc(a.queueState),
		"GET /api/deadletters":              http.HandlerFunc(a.deadLetters),
		"POST /api/deadletters/{seq}/retry": http.HandlerFunc(a.retry),
		"GET /metrics":                      a.Metrics,
	}
}

// Enqueue queues the raw articles of one posted body; it is a
// server.EnqueueFunc.
func (a *QueueAPI) Enqueue(ctx context.Context, name, url string, data []byte) ([]server.QueuedArticle, error) {
	return SubmitBytes(ctx, a.Queue, name, url, data, a.MaxBytes)
}

func (a *QueueAPI) queueState(w http.ResponseWriter, r *http.Request) {
	st, err := a.Queue.Stats(r.Context())
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "the work queue does not answer: "+err.Error())
		return
	}
	workers, slots := 0, 0
	if a.Monitor != nil {
		workers, slots = a.Monitor.Workers()
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

func (a *QueueAPI) deadLetters(w http.ResponseWriter, r *http.Request) {
	limit, offset, err := pageParams(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	page, err := a.Queue.DeadLetters(r.Context(), limit, offset)
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

func (a *QueueAPI) retry(w http.ResponseWriter, r *http.Request) {
	seqText := r.PathValue("seq")
	seq, err := strconv.ParseUint(seqText, 10, 64)
	if err != nil || seq == 0 {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("dead letter %q: want its number (seq)", seqText))
		return
	}
	res, err := a.Queue.Requeue(r.Context(), seq)
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
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}
