// Package natstest starts a standalone nats-server (the Debian package's
// binary, or $MARSAD_NATS_SERVER) with JetStream on a free loopback port,
// for tests that must run against a real external server rather than the
// embedded one.
package natstest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// EnvBinary names a nats-server binary to use instead of the one on PATH.
const EnvBinary = "MARSAD_NATS_SERVER"

// ErrNoServer is returned (wrapped) when no nats-server binary is found.
var ErrNoServer = errors.New("no nats-server binary")

// Server is a running nats-server.
type Server struct {
	// URL is the server's nats:// address.
	URL    string
	cmd    *exec.Cmd
	dir    string
	log    *os.File
	exited chan struct{}
}

// Start starts a server keeping its streams in a temporary directory.
func Start(ctx context.Context) (*Server, error) {
	bin := os.Getenv(EnvBinary)
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("nats-server"); err != nil {
			if _, statErr := os.Stat("/usr/sbin/nats-server"); statErr != nil {
				return nil, fmt.Errorf("%w: install it (Debian: apt-get install nats-server) or set %s", ErrNoServer, EnvBinary)
			}
			bin = "/usr/sbin/nats-server"
		}
	}
	dir, err := os.MkdirTemp("", "marsad-nats-")
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		s, err := start(ctx, bin, dir)
		if err == nil {
			return s, nil
		}
		if attempt == 2 {
			os.RemoveAll(dir)
			return nil, err
		}
	}
}

func start(ctx context.Context, bin, dir string) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	logFile, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "-a", "127.0.0.1", "-p", strconv.Itoa(port), "-js", "-sd", filepath.Join(dir, "js"))
	cmd.Stdout, cmd.Stderr = logFile, logFile
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("starting %s: %w", bin, err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	s := &Server{URL: fmt.Sprintf("nats://127.0.0.1:%d", port), cmd: cmd, dir: dir, log: logFile, exited: exited}
	deadline := time.Now().Add(15 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if err == nil {
			conn.Close()
			return s, nil
		}
		select {
		case <-exited:
			logFile.Close()
			out, _ := os.ReadFile(logFile.Name())
			return nil, fmt.Errorf("nats-server exited at start: %s", strings.TrimSpace(string(out)))
		case <-ctx.Done():
			s.kill()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.kill()
			return nil, errors.New("nats-server did not accept connections within 15s")
		}
	}
}

// Stop kills the server and removes its files.
func (s *Server) Stop() {
	if s == nil {
		return
	}
	s.cmd.Process.Kill()
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
	}
	s.log.Close()
	os.RemoveAll(s.dir)
}

// kill stops a server that failed to start, keeping the directory for a retry.
func (s *Server) kill() {
	s.cmd.Process.Kill()
	<-s.exited
	s.log.Close()
}
