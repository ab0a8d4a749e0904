package analyze

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line progress bar, redrawn in place at most ten
// times a second. A nil writer draws nothing.
type progress struct {
	w       io.Writer
	total   int64 // input bytes, 0 when unknown (standard input)
	started time.Time
	last    time.Time
	drawn   bool
}

func newProgress(w io.Writer, total int64) *progress {
	now := time.Now()
	return &progress{w: w, total: total, started: now, last: now}
}

func (p *progress) update(st Stats) {
	if p.w == nil || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.draw(st, time.Since(p.started))
}

func (p *progress) finish(st Stats) {
	if p.w == nil || !p.drawn {
		return
	}
	p.draw(st, st.Elapsed)
	fmt.Fprintln(p.w)
}

func (p *progress) draw(st Stats, elapsed time.Duration) {
	p.drawn = true
	rate := float64(st.Docs+st.Failed) / max(elapsed.Seconds(), 1e-3)
	counts := fmt.Sprintf("%d docs, %d failed, %.0f docs/s", st.Docs, st.Failed, rate)
	if p.total <= 0 {
		fmt.Fprintf(p.w, "\r%s ", counts)
		return
	}
	const width = 30
	frac := min(float64(st.Bytes)/float64(p.total), 1)
	n := int(frac * width)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%%  %s ", strings.Repeat("=", n), strings.Repeat(" ", width-n), 100*frac, counts)
}
