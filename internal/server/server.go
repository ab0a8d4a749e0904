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
	"strings"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// AnalyzeFunc turns one posted article (its name and raw bytes: text, HTML
// or JSON Lines) into analysed documents.
type AnalyzeFunc func(ctx context.Context, name string, data []byte) ([]record.Document, error)

// Options configure a Server.
type Options struct {
	// Token is the bearer token writes need. Empty refuses every write.
	Token string
	// OpenReads lets clients from any address read without the token;
	// otherwise only loopback clients may.
	OpenReads bool
	// Analyze, when set, lets POST /api/articles take raw articles as well
	// as marsad/v1 records.
	Analyze AnalyzeFunc
	// Logger receives server errors; nil uses the standard logger.
	Logger *log.Logger
}

// Server serves the API and the UI.
type Server struct {
	store store.Store
	opts  Options
	mux   *http.ServeMux
	log   *log.Logger
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
	api := map[string]http.HandlerFunc{
		"GET /api/articles":      s.listArticles,
		"POST /api/articles":     s.postArticles,
		"GET /api/articles/{id}": s.getArticle,
		"GET /api/events":        s.listEvents,
		"GET /api/events/{id}":   s.getEvent,
		"GET /api/timeline":      s.timeline,
		"GET /api/stories":       s.listStories,
		"GET /api/stories/{id}":  s.getStory,
		"GET /api/actors":        s.listActors,
		"GET /api/search":        s.search,
		"GET /api/export":        s.export,
		"GET /api/stats":         s.stats,
		"GET /api/openapi.json":  s.openAPI,
		"/api/":                  s.unknownAPI,
	}
	for pattern, h := range api {
		s.mux.Handle(pattern, h)
	}
	s.mux.Handle("/", s.ui())
}

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
