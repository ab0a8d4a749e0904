// Package shareddata finds the project's shared data — the sample
// articles, their gold and ANERcorp — which lie in ../shared beside the
// repository root and never in the repository. Tests that measure on them
// use it and skip when the data is absent.
package shareddata

import (
	"os"
	"path/filepath"
)

// Path returns the path of elem under ../shared beside the repository root
// (the directory above the working directory that holds go.mod), or ""
// when there is no such file or directory.
func Path(elem ...string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	p := filepath.Join(append([]string{dir, "..", "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}
