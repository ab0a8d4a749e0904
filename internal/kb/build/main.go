package build

import (
	"flag"
	"fmt"
	"io"
)

// Main runs the build from command-line arguments, for `marsad build-kb`
// and `go run ./internal/kb/cmd/buildkb`, and returns the exit status.
func Main(name string, args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o Options
	fs.StringVar(&o.Src, "src", "data/kb/src", "curated sources folder")
	fs.StringVar(&o.OSM, "osm", "../shared/data/gazetteer/libya-places.osm.json", "OSM Libya gazetteer JSON (empty to skip)")
	fs.StringVar(&o.GeoNames, "geonames", "", "GeoNames cities500.txt, from scripts/fetch-geonames.sh (empty to skip)")
	fs.StringVar(&o.Petrarch, "petrarch", "../shared/data/petrarch-arabic", "PETRARCH Arabic dictionaries folder (empty to skip)")
	fs.StringVar(&o.ANERcorp, "anercorp", "../shared/data/anercorp/ANERCorp_CamelLab_train.txt", "ANERcorp training file, for common words (empty to skip)")
	fs.StringVar(&o.Out, "out", "data/kb", "output folder")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s [flags]\n\nRebuild from every source, in the repository root (see data/kb/README.md):\n  %s -geonames \"$(scripts/fetch-geonames.sh)\"\n\nflags:\n", name, name)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	o.Log = stderr
	if _, err := Run(o); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 1
	}
	return 0
}
