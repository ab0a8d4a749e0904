package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// modelFile is the shipped model; internal/ner/README.md gives the command
// that reproduces it.
//
//go:embed model/ner.model
var modelFile []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := ReadModel(bytes.NewReader(modelFile))
	if err != nil {
		return nil, fmt.Errorf("embedded NER model: %w", err)
	}
	return m, nil
})

// Load returns the model built into the binary, reading it on first use.
// The model is shared: it is safe for concurrent use and must not be
// modified.
func Load() (*Model, error) { return loadDefault() }
