package events_test

import (
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/internal/analyze"
)

func TestZZExample(t *testing.T) {
	var c collect
	p, _ := filepath.Glob("/work/main/examples/somalia*")
	analyze.Run(p, &c, analyze.Options{Stages: sampleStages(t), Workers: 1})
}
