package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// ErrUnavailable is returned (wrapped) when the database cannot be reached
// or refused the work for a reason that is not the document's fault: the
// connection dropped, the server is shutting down, a deadlock was broken.
// Retrying later may succeed; a queue worker waits and retries rather than
// counting the failure against the article.
var ErrUnavailable = errors.New("database unavailable")

// OpenFunc opens a store from the address given to Open (a URL or a path).
type OpenFunc func(ctx context.Context, address string) (Store, error)

var (
	backendsMu sync.RWMutex
	backends   = map[string]OpenFunc{}
)

// Register makes a backend available to Open under a URL scheme. Backends
// register themselves in init, so a program chooses its backends by
// importing them; "sqlite" is the backend for plain file paths.
func Register(scheme string, open OpenFunc) {
	backendsMu.Lock()
	defer backendsMu.Unlock()
	backends[scheme] = open
}

// Open opens the store an address names: "postgres://..." or
// "postgresql://..." opens PostgreSQL, "sqlite:PATH" or a plain file path
// opens SQLite. A URL with any other scheme is refused with a message that
// says what is accepted.
func Open(ctx context.Context, address string) (Store, error) {
	if strings.TrimSpace(address) == "" {
		return nil, errors.New("empty database address: give a file path or a postgres:// URL")
	}
	scheme, rest := schemeOf(address)
	name := scheme
	switch scheme {
	case "postgresql":
		name = "postgres"
	case "sqlite":
		address = rest
	case "":
		name = "sqlite"
	}
	backendsMu.RLock()
	open, ok := backends[name]
	known := make([]string, 0, len(backends))
	for k := range backends {
		known = append(known, k)
	}
	backendsMu.RUnlock()
	if !ok {
		sort.Strings(known)
		return nil, fmt.Errorf("database %q: no %q backend in this program (known: %s); use a file path for SQLite or a postgres:// URL",
			Redact(address), name, strings.Join(known, ", "))
	}
	return open(ctx, address)
}

// schemeOf splits "scheme:rest" when the address starts with a URL scheme.
// A Windows drive letter ("C:\...") or a path with a colon later on is not
// a scheme.
func schemeOf(address string) (scheme, rest string) {
	i := strings.IndexByte(address, ':')
	if i < 2 {
		return "", address
	}
	for _, r := range address[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return "", address
		}
	}
	scheme = strings.ToLower(address[:i])
	rest = address[i+1:]
	if scheme != "sqlite" && !strings.HasPrefix(rest, "//") {
		// "notes:2024.db" is a file name, not a URL.
		return "", address
	}
	return scheme, rest
}

// Redact hides the password of a database URL, for messages and logs.
func Redact(address string) string {
	scheme, rest := schemeOf(address)
	if scheme == "" || !strings.HasPrefix(rest, "//") {
		return address
	}
	hostPart := rest[2:]
	if end := strings.IndexAny(hostPart, "/?#"); end >= 0 {
		hostPart = hostPart[:end]
	}
	at := strings.LastIndexByte(hostPart, '@')
	if at < 0 {
		return address
	}
	userinfo := hostPart[:at]
	if colon := strings.IndexByte(userinfo, ':'); colon >= 0 {
		return scheme + "://" + userinfo[:colon] + ":xxxxx" + rest[2+at:]
	}
	return address
}
