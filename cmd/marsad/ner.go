package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/marsad/marsad/internal/ner"
)

func init() {
	register("ner", "tag CoNLL-style tokens (FILE or standard input) with PERS/LOC/ORG/MISC BIO tags", runNER)
}

func runNER(args []string) int { return nerMain(args, os.Stdin, os.Stdout, os.Stderr) }

// nerMain is runNER with its streams given, for tests.
func nerMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	stats := fs.Bool("stats", false, "print tokens tagged and tokens per second to standard error")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: marsad ner [flags] [FILE]\n\nReads one token per line (first column; other columns ignored), a blank line\nbetween sentences, from FILE or standard input, and writes token<TAB>tag lines.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	in, name := stdin, "stdin"
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintf(stderr, "marsad ner: %v\n", err)
			return 1
		}
		defer f.Close()
		in, name = f, fs.Arg(0)
	}
	start := time.Now()
	m, err := ner.Load()
	if err != nil {
		fmt.Fprintf(stderr, "marsad ner: %v\n", err)
		return 1
	}
	loaded := time.Now()
	tokens, err := m.TagCoNLL(in, name, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "marsad ner: %v\n", err)
		return 1
	}
	if *stats {
		d := time.Since(loaded)
		fmt.Fprintf(stderr, "model loaded in %s; %d tokens tagged in %s: %.0f tokens/s\n",
			loaded.Sub(start).Round(time.Millisecond), tokens, d.Round(time.Millisecond), float64(tokens)/d.Seconds())
	}
	return 0
}
