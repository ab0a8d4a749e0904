package arabic

import (
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"
)

func cpuNow() time.Duration {
	var r syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r)
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

func TestCPU(t *testing.T) {
	arts := benchArticles()
	DefaultLexicon()
	an, _ := registry.NewCache().AnalyzerNamed(ar.AnalyzerName)
	mb := float64(corpusBytes(arts)) / 1e6
	best := func(f func()) float64 {
		b := time.Hour
		for i := 0; i < 12; i++ {
			s := cpuNow()
			f()
			if d := cpuNow() - s; d < b {
				b = d
			}
		}
		return mb / b.Seconds()
	}
	tok := best(func() {
		for _, a := range arts {
			_ = Tokenize(a)
		}
	})
	nor := best(func() {
		for _, a := range arts {
			_ = Normalize(a)
		}
	})
	bl := best(func() {
		for _, a := range arts {
			_ = an.Analyze([]byte(a))
		}
	})
	both := 1 / (1/tok + 1/nor)
	t.Logf("best cpu MB/s: tokenize %.1f normalize %.1f norm+tok %.1f bleve %.1f ratio %.1f", tok, nor, both, bl, both/bl)
}
