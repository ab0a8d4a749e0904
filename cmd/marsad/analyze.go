package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/export"
	"github.com/marsad/marsad/internal/stories"
)

func init() {
	register("analyze", "read Arabic articles (files, directories, -) and write marsad/v1 records", runAnalyze)
}

func runAnalyze(args []string) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	out := fs.String("o", "", "write the output to `FILE` instead of standard output")
	quiet := fs.Bool("quiet", false, "no progress bar")
	format := fs.String("format", export.JSONL, "output format: "+strings.Join(export.Formats(), ", "))
	workers := fs.Int("j", 0, "documents analysed at once (default: one per CPU)")
	maxMB := fs.Int("max-mb", 10, "largest document read, in `MB`")
	noStories := fs.Bool("no-stories", false, "skip cross-document story clustering and event merging (no story_id, merged_id)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: marsad analyze [flags] PATH...\n\nPATH is a .txt, .html/.htm or .jsonl file, a directory (read recursively), or - for standard input.\nFlags may come before or after the paths.\n\nflags:")
		fs.PrintDefaults()
	}
	paths, err := parseInterspersed(fs, args)
	if err == flag.ErrHelp {
		return 0
	}
	if err != nil {
		return 2
	}
	if len(paths) == 0 {
		fs.Usage()
		return 2
	}
	dst := os.Stdout
	if *out != "" && *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(os.Stderr, "marsad analyze: %v\n", err)
			return 2
		}
		defer f.Close()
		dst = f
	}
	w, err := export.New(*format, dst)
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad analyze: %v\n", err)
		return 2
	}
	if !*noStories {
		// Story ids and merged ids are assigned as each document is written, in
		// input order, and never revised, so the output still streams.
		c, err := stories.NewClusterer(stories.Options{})
		if err != nil {
			fmt.Fprintf(os.Stderr, "marsad analyze: %v\n", err)
			return 2
		}
		w = &stories.Annotator{Clusterer: c, Next: w}
	}
	opts := analyze.Options{
		Workers:   *workers,
		MaxBytes:  int64(*maxMB) << 20,
		OnError:   func(err error) { fmt.Fprintf(os.Stderr, "marsad: %v\n", err) },
		OnWarning: func(where, msg string) { fmt.Fprintf(os.Stderr, "marsad: %s: warning: %s\n", where, msg) },
	}
	if !*quiet && isTerminal(os.Stderr) {
		opts.Progress = os.Stderr
	}
	st, err := analyze.Run(paths, w, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad analyze: %v\n", err)
		return 2
	}
	if st.Failed > 0 {
		fmt.Fprintf(os.Stderr, "marsad analyze: %d of %d inputs failed\n", st.Failed, st.Failed+st.Docs)
		return 1
	}
	return 0
}

// parseInterspersed parses flags that may come before, between or after
// the paths ("marsad analyze examples/ -o out.jsonl"); "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		// flag stops at "--" (consumed), at "-" and at the first path.
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(paths, rest...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// isTerminal reports whether f is a character device, as a terminal is.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
