package queue

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// DefaultEmbeddedAddr is where an embedded server listens for worker
// processes of the same machine.
const DefaultEmbeddedAddr = "127.0.0.1:4222"

// Embedded is a NATS server with JetStream running inside this process, for
// a single machine: the queue survives restarts in its store directory, and
// worker processes of the same machine connect to its loopback address.
type Embedded struct {
	srv *server.Server
}

// StartEmbedded starts a server keeping its streams under dir and
// listening on addr, which must be a loopback address (the server has no
// authentication); port 0 picks a free one.
func StartEmbedded(dir, addr string) (*Embedded, error) {
	if addr == "" {
		addr = DefaultEmbeddedAddr
	}
	host, portText, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("embedded NATS address %q: want HOST:PORT", addr)
	}
	ip := net.ParseIP(host)
	if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("embedded NATS address %q: only loopback addresses are allowed (it has no authentication); "+
			"for several machines run nats-server and pass its nats:// URL", addr)
	}
	port, err := strconv.Atoi(portText)
	if err != nil || port < 0 || port > 65535 {
		return nil, fmt.Errorf("embedded NATS address %q: bad port", addr)
	}
	if port != 0 {
		// The server reports a busy port only in its log; check first so the
		// user gets a message.
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, fmt.Errorf("embedded NATS cannot listen on %s (another marsad serve or nats-server there?): %w", addr, err)
		}
		ln.Close()
	} else {
		port = server.RANDOM_PORT
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("embedded NATS store directory: %w", err)
	}
	srv, err := server.NewServer(&server.Options{
		ServerName: "marsad-embedded",
		Host:       host,
		Port:       port,
		JetStream:  true,
		StoreDir:   dir,
		NoSigs:     true,
		NoLog:      true,
		// No HTTP monitoring, no cluster, no leaf nodes: one machine.
	})
	if err != nil {
		return nil, fmt.Errorf("embedded NATS: %w", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(15 * time.Second) {
		srv.Shutdown()
		return nil, fmt.Errorf("embedded NATS on %s did not start within 15s", addr)
	}
	if !srv.JetStreamEnabled() {
		srv.Shutdown()
		return nil, errors.New("embedded NATS: JetStream did not start (is " + dir + " used by another server?)")
	}
	return &Embedded{srv: srv}, nil
}

// URL is the nats:// address worker processes of this machine connect to.
func (e *Embedded) URL() string { return e.srv.ClientURL() }

// Shutdown stops the server and waits for it to finish.
func (e *Embedded) Shutdown() {
	if e == nil {
		return
	}
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}
