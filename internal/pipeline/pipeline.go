// Package pipeline runs a Doc through marsad's stages in order, like spaCy's
// pipeline of components: each stage reads the Doc and adds its layer.
package pipeline

import (
	"fmt"

	"github.com/marsad/marsad/internal/doc"
)

// Stage is one step of the analysis.
type Stage interface {
	// Name identifies the stage in errors and timings.
	Name() string
	// Process adds the stage's annotations to d. An error stops d's analysis.
	Process(d *doc.Doc) error
}

// Pipeline is an ordered list of stages. Its zero value runs nothing.
type Pipeline struct {
	Stages []Stage
}

// Run passes d through every stage, stopping at the first error.
func (p *Pipeline) Run(d *doc.Doc) error {
	for _, s := range p.Stages {
		if err := s.Process(d); err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
	}
	return nil
}

// Names lists the stages in order.
func (p *Pipeline) Names() []string {
	names := make([]string, len(p.Stages))
	for i, s := range p.Stages {
		names[i] = s.Name()
	}
	return names
}
