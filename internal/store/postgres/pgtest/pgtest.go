// Package pgtest gives tests and benchmarks a PostgreSQL server: the one
// named by $MARSAD_TEST_POSTGRES, or a throwaway one that it starts itself
// with initdb and pg_ctl in a temporary directory, listening on a free
// loopback port. As root, the server runs as the "postgres" user, since
// PostgreSQL refuses to run as root. Each test gets its own schema, so one
// server serves many tests.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names the variable holding the URL of an existing server to use.
const EnvURL = "MARSAD_TEST_POSTGRES"

// ErrNoServer is returned (wrapped, with the reason) when no server is
// named and none can be started; tests skip on it.
var ErrNoServer = errors.New("no PostgreSQL server for tests")

// Options shape a throwaway server.
type Options struct {
	// Durable keeps fsync and synchronous commits on, for benchmarks whose
	// figures must mean something; tests leave it off for speed.
	Durable bool
	// Log receives the commands run, when set.
	Log func(format string, args ...any)
}

// Server is a PostgreSQL server for tests.
type Server struct {
	// URL connects to the server's "marsad" database as a superuser.
	URL  string
	dir  string
	run  func(name string, args ...string) *exec.Cmd
	bins string
	log  func(string, ...any)
}

// Start returns the server named by $MARSAD_TEST_POSTGRES, or starts a
// throwaway one. The error wraps ErrNoServer when neither is possible.
func Start(ctx context.Context, opts Options) (*Server, error) {
	logf := opts.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if u := os.Getenv(EnvURL); u != "" {
		return &Server{URL: u, log: logf}, nil
	}
	bins, err := findBinaries()
	if err != nil {
		return nil, fmt.Errorf("%w: set %s to a server URL, or install PostgreSQL (Debian: apt-get install postgresql): %v",
			ErrNoServer, EnvURL, err)
	}
	run, owner, err := runner()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoServer, err)
	}
	dir, err := os.MkdirTemp("", "marsad-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, run: run, bins: bins, log: logf}
	if err := s.initCluster(ctx, owner); err != nil {
		s.Stop()
		return nil, err
	}
	var port int
	for attempt := 0; ; attempt++ {
		if port, err = freePort(); err == nil {
			err = s.startServer(ctx, port, opts.Durable)
		}
		if err == nil {
			break
		}
		if attempt == 2 {
			s.Stop()
			return nil, err
		}
	}
	s.URL = fmt.Sprintf("postgres://marsad@127.0.0.1:%d/marsad?sslmode=disable", port)
	if err := s.createDatabase(ctx); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

// findBinaries returns the directory holding initdb, pg_ctl and postgres.
func findBinaries() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			dir := filepath.Dir(real)
			if _, err := os.Stat(filepath.Join(dir, "postgres")); err == nil {
				return dir, nil
			}
		}
	}
	// Debian keeps the server binaries off PATH.
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "pg_ctl")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("initdb and pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// runner returns how to run server commands, and the user that must own
// the data directory (nil for the current user). PostgreSQL will not run
// as root, so root runs them as "postgres" through runuser.
func runner() (func(string, ...string) *exec.Cmd, *user.User, error) {
	if os.Geteuid() != 0 {
		return exec.Command, nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, nil, errors.New("running as root and there is no \"postgres\" user to run the server as")
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil {
		return nil, nil, errors.New("running as root and runuser is missing: cannot drop to the postgres user")
	}
	return func(name string, args ...string) *exec.Cmd {
		return exec.Command(runuser, append([]string{"-u", u.Username, "--", name}, args...)...)
	}, u, nil
}

func (s *Server) command(ctx context.Context, name string, args ...string) error {
	cmd := s.run(filepath.Join(s.bins, name), args...)
	s.log("pgtest: %s %s", name, strings.Join(args, " "))
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			if cmd.Process != nil {
				cmd.Process.Kill()
			}
		case <-done:
		}
	}()
	out, err := cmd.CombinedOutput()
	close(done)
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func (s *Server) initCluster(ctx context.Context, owner *user.User) error {
	data := filepath.Join(s.dir, "data")
	if owner != nil {
		uid, _ := strconv.Atoi(owner.Uid)
		gid, _ := strconv.Atoi(owner.Gid)
		if err := os.Chown(s.dir, uid, gid); err != nil {
			return fmt.Errorf("giving %s to %s: %w", s.dir, owner.Username, err)
		}
	}
	return s.command(ctx, "initdb", "-D", data, "-U", "marsad", "--auth=trust", "-E", "UTF8",
		"--locale=C.UTF-8", "--no-sync")
}

func (s *Server) startServer(ctx context.Context, port int, durable bool) error {
	settings := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c max_connections=200", port, s.dir)
	if !durable {
		settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	}
	return s.command(ctx, "pg_ctl", "-D", filepath.Join(s.dir, "data"), "-l", filepath.Join(s.dir, "server.log"),
		"-w", "-t", "60", "-o", settings, "start")
}

func (s *Server) createDatabase(ctx context.Context) error {
	admin := strings.Replace(s.URL, "/marsad?", "/postgres?", 1)
	conn, err := connect(ctx, admin)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "CREATE DATABASE marsad")
	return err
}

// Stop stops a throwaway server and removes its files; it leaves a server
// named by $MARSAD_TEST_POSTGRES alone.
func (s *Server) Stop() {
	if s == nil || s.dir == "" {
		return
	}
	data := filepath.Join(s.dir, "data")
	if _, err := os.Stat(filepath.Join(data, "postmaster.pid")); err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		s.command(ctx, "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
		cancel()
	}
	os.RemoveAll(s.dir)
}

// NewSchema creates a schema of its own and returns a URL whose tables go
// there (search_path), so stores opened from it start empty. drop removes
// the schema and everything in it.
func (s *Server) NewSchema(ctx context.Context) (address string, drop func(), err error) {
	var b [6]byte
	rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	conn, err := connect(ctx, s.URL)
	if err != nil {
		return "", nil, err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("creating schema %s: %w", schema, err)
	}
	u, err := url.Parse(s.URL)
	if err != nil {
		return "", nil, err
	}
	q := u.Query()
	// public stays on the path so extensions installed there (PostGIS) are found.
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	drop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if conn, err := connect(ctx, s.URL); err == nil {
			conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			conn.Close(ctx)
		}
	}
	return u.String(), drop, nil
}

// EnablePostGIS installs PostGIS in the server's database when the server
// has it, reporting whether it is there afterwards.
func (s *Server) EnablePostGIS(ctx context.Context) bool {
	conn, err := connect(ctx, s.URL)
	if err != nil {
		return false
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS postgis")
	return err == nil
}

func connect(ctx context.Context, address string) (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, address)
	if err != nil {
		return nil, fmt.Errorf("connecting to the test server: %w", err)
	}
	return conn, nil
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
