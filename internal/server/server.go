// Package server is marsad's HTTP face: a JSON API over a store.Store,
// documented by an OpenAPI file, and the embedded offline web UI. Reads are
// open to loopback clients; writes always need the bearer token.
package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log"
	"net"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// AnalyzeFunc turns one posted body of raw articles (text, HTML or JSON
// Lines) into analysed documents. name and url are the request's
// parameters of those names ("" when not given); they name the articles
// (see ingest.NamePosted).
type AnalyzeFunc func(ctx context.Context, name, url string, data []byte) ([]record.Document, error)

// EnqueueFunc queues one posted body of raw articles for workers to analyse
// and store, reporting each article's fate. Its error is a failure of the
// queue itself.
type EnqueueFunc func(ctx context.Context, name, url string, data []byte) ([]QueuedArticle, error)

// QueuedArticle is what became of one article given to an EnqueueFunc.
type QueuedArticle struct {
	// Source names the article: the request's name, and its line in JSON Lines.
	Source string `json:"source"`
	// ID is the document id the article will be stored under.
	ID string `json:"id,omitempty"`
	// Seq is the job's number in the queue; 0 when Error is set.
	Seq uint64 `json:"seq,omitempty"`
	// Duplicate is true when the queue already held the same article.
	Duplicate bool   `json:"duplicate,omitempty"`
	Error     string `json:"error,omitempty"`
}

// Options configure a Server.
type Options struct {
	// Token is the bearer token writes need. Empty refuses every write.
	Token string
	// OpenReads lets clients from any address read without the token;
	// otherwise only loopback clients may.
	OpenReads bool
	// Analyze, when set, lets POST /api/articles take raw articles as well
	// as marsad/v1 records, analysing them in the request.
	Analyze AnalyzeFunc
	// Enqueue, when set, takes the raw articles posted to /api/articles
	// instead of Analyze: they are queued and the answer is 202.
	Enqueue EnqueueFunc
	// Routes are further endpoints, keyed by ServeMux pattern with its
	// method ("GET /api/queue"), served under the same access rules as
	// the server's own: reads (GET, HEAD) from loopback, with the token,
	// or from anywhere with OpenReads; every POST with the token only.
	// The work queue adds its endpoints here. Every pattern must be
	// described in openapi.json.
	Routes map[string]http.Handler
	// Logger receives server errors; nil uses the standard logger.
	Logger *log.Logger
}

// Server serves the API and the UI.
type Server struct {
	store store.Store
	opts  Options
	mux   *http.ServeMux
	log   *log.Logger
	// patterns lists the API's routes, for Routes.
	patterns []string
}

// maxPostBytes bounds a POST body.
const maxPostBytes = 32 << 20

// New returns a Server over st.
func New(st store.Store, opts Options) *Server {
	s := &Server{store: st, opts: opts, mux: http.NewServeMux(), log: opts.Logger}
	if s.log == nil {
		s.log = log.Default()
	}
	s.routes()
	return s
}

func (s *Server) routes() {
	api := map[string]http.Handler{
		"GET /api/articles":      http.HandlerFunc(s.listArticles),
		"POST /api/articles":     http.HandlerFunc(s.postArticles),
		"GET /api/articles/{id}": http.HandlerFunc(s.getArticle),
		"GET /api/events":        http.HandlerFunc(s.listEvents),
		"GET /api/events/{id}":   http.HandlerFunc(s.getEvent),
		"GET /api/timeline":      http.HandlerFunc(s.timeline),
		"GET /api/stories":       http.HandlerFunc(s.listStories),
		"GET /api/stories/{id}":  http.HandlerFunc(s.getStory),
		"GET /api/actors":        http.HandlerFunc(s.listActors),
		"GET /api/search":        http.HandlerFunc(s.search),
		"GET /api/export":        http.HandlerFunc(s.export),
		"GET /api/stats":         http.HandlerFunc(s.stats),
		"GET /api/openapi.json":  http.HandlerFunc(s.openAPI),
	}
	for pattern, h := range s.opts.Routes {
		if _, taken := api[pattern]; taken {
			panic("server: route " + pattern + " is the server's own") // a programming error
		}
		api[pattern] = h
	}
	for pattern, h := range api {
		s.mux.Handle(pattern, h)
		s.patterns = append(s.patterns, pattern)
	}
	sort.Strings(s.patterns)
	s.mux.HandleFunc("/api/", s.unknownAPI)
	s.mux.Handle("/", s.ui())
}

// Routes lists the patterns of the API's endpoints ("GET /api/events"),
// the ones from Options.Routes included, sorted.
func (s *Server) Routes() []string { return slices.Clone(s.patterns) }

// ServeHTTP checks access, sets security headers and dispatches.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "+
		"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'")
	if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" is not allowed")
		return
	}
	if r.Method == http.MethodPost {
		if !s.authorized(r) {
			s.refuseWrite(w)
			return
		}
	} else if !s.opts.OpenReads && !isLoopback(r.RemoteAddr) && !s.authorized(r) {
		writeError(w, http.StatusUnauthorized, "reads from other machines need the bearer token (or serve --open-reads)")
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) refuseWrite(w http.ResponseWriter) {
	if s.opts.Token == "" {
		writeError(w, http.StatusForbidden, "writes are disabled: start the server with --token or MARSAD_TOKEN")
		return
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="marsad"`)
	writeError(w, http.StatusUnauthorized, "this request needs the header Authorization: Bearer <token>")
}

// authorized reports whether r carries the configured bearer token.
func (s *Server) authorized(r *http.Request) bool {
	if s.opts.Token == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.opts.Token)) == 1
}

func isLoopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// apiError is the body of every error response.
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

// storeError answers an error from the store: 404 for unknown ids, 400 for
// unusable queries, 500 (logged, not shown) otherwise.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, store.ErrBadQuery):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, context.Canceled):
		// The client went away; nobody is left to answer.
	default:
		s.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		writeError(w, http.StatusInternalServerError, "internal error; see the server log")
	}
}

func (s *Server) unknownAPI(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "no API endpoint "+r.Method+" "+r.URL.Path+"; see /api/openapi.json")
}
