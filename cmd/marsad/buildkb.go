package main

import (
	"os"

	"github.com/marsad/marsad/internal/kb/build"
)

func init() {
	register("build-kb", "compile the knowledge base (data/kb) from its sources", func(args []string) int {
		return build.Main("marsad build-kb", args, os.Stderr)
	})
}
