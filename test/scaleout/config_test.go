//go:build integration

package scaleout

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/queue/natstest"
)

// TestConfigurationErrors checks that every wrong address gives one clear
// line and exit status 2, in seconds.
func TestConfigurationErrors(t *testing.T) {
	bin := marsadBinary(t)
	nats, err := natstest.Start(context.Background())
	if err != nil {
		t.Fatalf("nats-server: %v (scripts/integration.sh installs it)", err)
	}
	defer nats.Stop()
	dir := t.TempDir()
	badPG := "postgres://marsad:secret@127.0.0.1:1/marsad?sslmode=disable"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"worker", "--nats", "nats://127.0.0.1:1", "--db", dir + "/w.db"}, "cannot reach NATS at nats://127.0.0.1:1"},
		{[]string{"worker", "--nats", "http://127.0.0.1:4222"}, "want nats://HOST:PORT"},
		{[]string{"worker", "--nats", "embedded"}, "give the nats:// address"},
		{[]string{"worker", "--nats", nats.URL, "--db", badPG}, "postgres store 127.0.0.1:1/marsad"},
		{[]string{"worker", "--nats", nats.URL, "--db", "mysql://root:secret@db/marsad"}, `no "mysql" backend`},
		{[]string{"worker", "--nats", nats.URL, "--db", "postgres://h:notaport/x"}, "bad database URL"},
		{[]string{"serve", "--db", dir + "/s.db", "--addr", "127.0.0.1:0", "--nats", "nats://127.0.0.1:1"}, "cannot reach NATS"},
		{[]string{"serve", "--db", dir + "/s.db", "--addr", "127.0.0.1:0", "--nats", "embedded", "--nats-addr", "0.0.0.0:4222",
			"--nats-dir", dir + "/nats"}, "only loopback addresses"},
		{[]string{"serve", "--db", badPG, "--addr", "127.0.0.1:0"}, "postgres store 127.0.0.1:1/marsad"},
		{[]string{"ingest", "--nats", "nats://127.0.0.1:1", dir}, "cannot reach NATS"},
		{[]string{"ingest", "--nats", "embedded", dir}, "needs a server address"},
	}
	for _, tt := range tests {
		began := time.Now()
		code, out := run(t, time.Minute, bin, tt.args...)
		took := time.Since(began)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 2 || !strings.Contains(out, tt.want) || len(lines) != 1 || strings.Contains(out, "secret") {
			t.Errorf("marsad %s: exit %d, output:\n%s\nwant exit 2 and one line with %q (no password)",
				strings.Join(tt.args, " "), code, out, tt.want)
		}
		if took > 20*time.Second {
			t.Errorf("marsad %s took %v to fail", strings.Join(tt.args, " "), took)
		}
	}
}
