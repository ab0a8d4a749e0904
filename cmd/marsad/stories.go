package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/stories"
)

func init() {
	register("stories", "group documents into stories; merge events across outlets; find contradictions; compare framing", runStories)
}

func runStories(args []string) int {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	out := fs.String("o", "", "write the stories to `FILE` instead of standard output")
	docsOut := fs.String("docs", "", "also write the documents, with story_id, duplicate_of and merged_id set, to `FILE`")
	framingOut := fs.String("framing", "", "write the framing comparison to `FILE` instead of as the last line of the output")
	noFraming := fs.Bool("no-framing", false, "leave out the framing comparison")
	keep := fs.Bool("keep-ids", false, "use the story and merged ids the input carries instead of clustering again")
	inOrder := fs.Bool("input-order", false, "cluster in input order, streaming, instead of reading everything and sorting by publication date")
	quiet := fs.Bool("quiet", false, "no summary on standard error")
	def := stories.DefaultOptions()
	gap := fs.Int("story-gap", def.StoryGapDays, "largest gap in `DAYS` between a document and the rest of its story")
	radius := fs.Float64("merge-radius", def.MergeRadiusKm, "largest distance in `KM` between two reports of one event")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: marsad stories [flags] PATH...\n\nPATH is a marsad/v1 JSON Lines file (from 'marsad analyze'), a directory, or - for standard input;\nraw articles (.txt, .html, JSON Lines of articles) are analysed first.\nOutput: one JSON object per story, then one framing object (docs/stories-v1.md).\n\nflags:")
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

	create := func(name string) (*os.File, bool) {
		if name == "" || name == "-" {
			return os.Stdout, true
		}
		f, err := os.Create(name)
		if err != nil {
			fmt.Fprintf(os.Stderr, "marsad stories: %v\n", err)
			return nil, false
		}
		return f, true
	}
	dst, ok := create(*out)
	if !ok {
		return 2
	}
	defer dst.Close()
	bad := 0
	onError := func(err error) {
		bad++
		fmt.Fprintf(os.Stderr, "marsad: %v\n", err)
	}
	job := stories.Job{
		Options:   stories.Options{StoryGapDays: *gap, MergeRadiusKm: *radius},
		KeepIDs:   *keep,
		Sort:      !*inOrder,
		Out:       dst,
		NoFraming: *noFraming,
		Errs:      onError,
		Analyze: func(paths []string, sink stories.Sink) error {
			_, err := analyze.Run(paths, sink, analyze.Options{OnError: onError})
			return err
		},
	}
	if *docsOut != "" {
		f, ok := create(*docsOut)
		if !ok {
			return 2
		}
		defer f.Close()
		job.Docs = f
	}
	if *framingOut != "" {
		f, ok := create(*framingOut)
		if !ok {
			return 2
		}
		defer f.Close()
		job.Framing = f
	}
	sum, err := job.Run(paths)
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad stories: %v\n", err)
		return 1
	}
	if !*quiet {
		fmt.Fprintf(os.Stderr, "marsad stories: %d documents (%d near-duplicates) → %d stories, %d merged events, %d contradictions; %d bad inputs\n",
			sum.Documents, sum.Duplicates, sum.Stories, sum.MergedEvents, sum.Contradictions, bad)
	}
	if bad > 0 {
		return 1
	}
	return 0
}
