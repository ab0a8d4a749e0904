// Command buildkb compiles marsad's knowledge base, as `marsad build-kb`
// does, without building the rest of marsad.
package main

import (
	"os"

	"github.com/marsad/marsad/internal/kb/build"
)

func main() { os.Exit(build.Main("buildkb", os.Args[1:], os.Stderr)) }
