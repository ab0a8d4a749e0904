package server

import (
	"embed"
	"io/fs"
	"net/http"
)

// uiFiles is the built web UI (web/ builds it into ui/dist; the built files
// are committed so 'go build' needs no npm).
//
//go:embed all:ui/dist
var uiFiles embed.FS

//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) ui() http.Handler {
	dist, err := fs.Sub(uiFiles, "ui/dist")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	files := http.FileServerFS(dist)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			writeError(w, http.StatusMethodNotAllowed, "the UI only answers GET")
			return
		}
		// The UI routes with the URL fragment, so every page is index.html.
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPIDoc)
}
