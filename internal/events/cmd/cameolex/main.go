// Command cameolex derives internal/events/lexicon/cameo.tsv from the
// Arabic CAMEO verb dictionary of the Open Event Data Alliance
// (UniversalPetrarch, arabic branch, CAMEO.ar.0.5.txt, MIT licence).
//
// It keeps the verb patterns whose CAMEO codes fall in the families that
// ACLED events come from — 057 (sign an agreement), 0871/0874 (truce,
// retreat), 14x (protest), 17x (coerce: seize or destroy property, arrest,
// repress), 18x (assault), 19x (fight) and 20x (mass violence) — as rows of
// verb, object word and code. The events stage reads them to give an event
// the most specific CAMEO code its verb and object support.
//
//	go run ./internal/events/cmd/cameolex -in /work/shared/data/petrarch-arabic/CAMEO.ar.0.5.txt \
//	    -out internal/events/lexicon/cameo.tsv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
)

func main() {
	in := flag.String("in", "", "CAMEO.ar.0.5.txt")
	out := flag.String("out", "", "output TSV (standard output when empty)")
	flag.Parse()
	if *in == "" {
		fmt.Fprintln(os.Stderr, "cameolex: -in is required")
		os.Exit(2)
	}
	f, err := os.Open(*in)
	if err != nil {
		fmt.Fprintf(os.Stderr, "cameolex: %v\n", err)
		os.Exit(1)
	}
	defer f.Close()
	rows, err := derive(f)
	if err != nil {
		fmt.Fprintf(os.Stderr, "cameolex: %s: %v\n", *in, err)
		os.Exit(1)
	}
	w := os.Stdout
	if *out != "" {
		if w, err = os.Create(*out); err != nil {
			fmt.Fprintf(os.Stderr, "cameolex: %v\n", err)
			os.Exit(1)
		}
		defer w.Close()
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# Derived from the Arabic CAMEO verb dictionary (CAMEO.ar.0.5.txt) of the Open")
	fmt.Fprintln(bw, "# Event Data Alliance, UniversalPetrarch arabic branch, MIT licence, Copyright (c)")
	fmt.Fprintln(bw, "# 2016 Open Event Data Alliance. Rebuilt by internal/events/cmd/cameolex; do not edit.")
	fmt.Fprintln(bw, "# Columns: verb (normalised past stem), object word (normalised; empty for the")
	fmt.Fprintln(bw, "# verb alone), CAMEO code.")
	for _, r := range rows {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", r.verb, r.object, r.code)
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "cameolex: %v\n", err)
		os.Exit(1)
	}
}

type row struct{ verb, object, code string }

var (
	codeRE  = regexp.MustCompile(`\[(\d{3,4})\]`)
	blockRE = regexp.MustCompile(`^--- (.+?) \[([0-9-]+)\] ---`)
)

// kept reports whether a CAMEO code is one of the families ACLED events
// come from.
func kept(code string) bool {
	switch {
	case code == "057" || code == "0871" || code == "0874":
		return true
	case len(code) >= 2:
		switch code[:2] {
		case "14", "17", "18", "19", "20":
			return true
		}
	}
	return false
}

// derive reads the dictionary's synonym sets and verb blocks.
func derive(r io.Reader) ([]row, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	synsets := map[string][]string{}
	var set string
	inVerbs := false
	blockCode := ""
	seen := map[row]bool{}
	var out []row
	add := func(verb, object, code string) {
		verb, object = norm(verb, false), norm(object, true)
		if verb == "" || strings.Contains(verb, " ") || !kept(code) {
			return
		}
		r := row{verb, object, code}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "####### VERB PATTERNS"):
			inVerbs = true
			continue
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		}
		if !inVerbs {
			if strings.HasPrefix(line, "&") {
				set = line
				continue
			}
			if set != "" && strings.HasPrefix(line, "+") {
				w := strings.Trim(strings.TrimPrefix(line, "+"), "_")
				synsets[set] = append(synsets[set], strings.ReplaceAll(w, "_", " "))
			}
			continue
		}
		if m := blockRE.FindStringSubmatch(line); m != nil {
			blockCode = m[2]
			if blockCode != "---" {
				add(m[1], "", blockCode)
			}
			continue
		}
		body, comment, _ := strings.Cut(line, "#")
		code := ""
		if m := codeRE.FindStringSubmatch(body); m != nil {
			code = m[1]
		}
		if !strings.HasPrefix(body, "-") {
			// A synonym of the block's verb: «اختطف [181]».
			fields := strings.Fields(codeRE.ReplaceAllString(body, ""))
			if len(fields) == 1 && code != "" {
				add(fields[0], "", code)
			}
			continue
		}
		if code == "" {
			continue
		}
		// A pattern: its object words, for the verbs listed after #.
		objects := patternWords(codeRE.ReplaceAllString(body, ""), synsets)
		for _, v := range strings.Split(comment, ",") {
			v = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(v, "_", " "), "+", " "))
			for _, o := range objects {
				add(v, o, code)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].verb != out[b].verb {
			return out[a].verb < out[b].verb
		}
		if out[a].object != out[b].object {
			return out[a].object < out[b].object
		}
		return out[a].code < out[b].code
	})
	return out, nil
}

// patternWords lists the content words a pattern requires, expanding a
// synonym set into its one-word members.
func patternWords(p string, synsets map[string][]string) []string {
	var out []string
	for _, f := range strings.Fields(strings.NewReplacer("-", " ", "*", " ", "(", " ", ")", " ", "{", " ", "}", " ", "$", " ", "+", " ").Replace(p)) {
		if strings.HasPrefix(f, "&") {
			for _, w := range synsets[f] {
				if !strings.Contains(w, " ") {
					out = append(out, w)
				}
			}
			continue
		}
		if len([]rune(f)) < 3 || stop[f] {
			continue
		}
		out = append(out, f)
	}
	return out
}

var stop = map[string]bool{"على": true, "إلى": true, "الى": true, "من": true, "في": true, "مع": true, "عن": true, "ضد": true, "نحو": true, "عبر": true, "هوو": true}

// norm is the normal form of a word as the lexicon writes it; an object
// noun loses its article, as a token's stem does.
func norm(s string, noun bool) string {
	var words []string
	for _, w := range strings.Fields(s) {
		w = arabic.Canonical(w)
		if noun && len([]rune(w)) > 4 {
			w = strings.TrimPrefix(w, "ال")
		}
		if w != "" {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}
