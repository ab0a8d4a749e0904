//go:build integration

package scaleout

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/synth"
)

// marsadBinary returns the binary under test: $MARSAD_BIN, or one built
// from this checkout.
func marsadBinary(t testing.TB) string {
	t.Helper()
	if bin := os.Getenv("MARSAD_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "marsad")
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	cmd := exec.Command(goTool, "build", "-o", bin, "github.com/marsad/marsad/cmd/marsad")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building marsad: %v\n%s", err, out)
	}
	return bin
}

// writeCorpus writes n generated Arabic conflict articles (internal/synth:
// scraped pages with menus and footers, from marsad's own vocabulary) and
// returns their file names.
func writeCorpus(t testing.TB, dir string, seed uint64, n int) []string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var names []string
	for i, p := range synth.Corpus(seed, n) {
		name := fmt.Sprintf("article-%05d.txt", i)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(p.Text), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return names
}

// process is a marsad process started by the test, its output in a file.
type process struct {
	name string
	cmd  *exec.Cmd
	log  string
	done chan struct{}
	err  error
}

// start runs bin with args, logging to dir/name.log; the process is killed
// when the test ends.
func start(t testing.TB, dir, name, bin string, args ...string) *process {
	t.Helper()
	p := &process{name: name, log: filepath.Join(dir, name+".log"), done: make(chan struct{})}
	f, err := os.Create(p.log)
	if err != nil {
		t.Fatal(err)
	}
	p.cmd = exec.Command(bin, args...)
	p.cmd.Stdout, p.cmd.Stderr = f, f
	dieWithParent(p.cmd)
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	go func() {
		p.err = p.cmd.Wait()
		f.Close()
		close(p.done)
	}()
	t.Cleanup(func() { p.kill() })
	return p
}

func (p *process) kill() {
	select {
	case <-p.done:
	default:
		p.cmd.Process.Kill()
		<-p.done
	}
}

func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// tail returns the end of the process's log, for failure messages.
func (p *process) tail() string {
	data, _ := os.ReadFile(p.log)
	s := string(data)
	if len(s) > 3000 {
		s = "…" + s[len(s)-3000:]
	}
	return fmt.Sprintf("--- %s (%s) ---\n%s", p.name, p.log, s)
}

var servingLine = regexp.MustCompile(`serving .* at (http://[^/\s]+)/`)

// waitForLine waits until the process's log has a line matching re and
// returns its first group.
func (p *process) waitForLine(t testing.TB, re *regexp.Regexp, timeout time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if f, err := os.Open(p.log); err == nil {
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if m := re.FindStringSubmatch(sc.Text()); m != nil {
					f.Close()
					return m[1]
				}
			}
			f.Close()
		}
		if p.exited() {
			t.Fatalf("%s exited before it was ready: %v\n%s", p.name, p.err, p.tail())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s not ready after %v\n%s", p.name, timeout, p.tail())
	return ""
}

// run runs bin to completion and returns its exit code and output.
func run(t testing.TB, timeout time.Duration, bin string, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("marsad %s did not finish in %v:\n%s", strings.Join(args, " "), timeout, out)
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	}
	if err != nil {
		t.Fatalf("marsad %s: %v", strings.Join(args, " "), err)
	}
	return 0, string(out)
}

// getJSON reads an API endpoint into v.
func getJSON(base, path string, v any) error {
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(base + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s: %s", path, resp.Status, body)
	}
	return json.Unmarshal(body, v)
}

func getText(base, path string) (string, error) {
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(base + path)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return string(body), err
}

// logs collects the tails of processes for a failure message.
type logs struct {
	mu    sync.Mutex
	procs []*process
}

func (l *logs) add(p *process) { l.mu.Lock(); l.procs = append(l.procs, p); l.mu.Unlock() }

func (l *logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var b strings.Builder
	for _, p := range l.procs {
		b.WriteString(p.tail())
		b.WriteString("\n")
	}
	return b.String()
}
