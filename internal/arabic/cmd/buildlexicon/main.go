// Command buildlexicon derives internal/arabic/data/anercorp-words.tsv, the
// word-frequency list the clitic segmenter consults, from the training split
// of ANERcorp (CAMeL Lab split). Only counts are written, never running text.
// Run it from the repository root:
//
//	go run ./internal/arabic/cmd/buildlexicon [-in ANERCorp_CamelLab_train.txt] [-out FILE]
//
// The test split must never be used: it is what NER is measured on.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

const header = `# Arabic word forms with their frequency, derived from the training split of
# ANERcorp (Benajiba & Rosso 2008; Benajiba, Rosso & Benedí 2007), as split by
# CAMeL Lab (Obeid et al., CAMeL Tools, LREC 2020). Only counts of normalised
# word forms are kept, no running text.
# Rebuild: go run ./internal/arabic/cmd/buildlexicon
# Columns: normalised form, occurrences, occurrences tagged as a named entity,
# and the spelling most occurrences had where normalisation hides it:
# t = ended in taa marbuta (ة), y = ended in alef maqsura or hamza seat
# (ى ئ), h = began with an alef carrying hamza or madda (أ إ آ).
`

func main() {
	in := flag.String("in", "../shared/data/anercorp/ANERCorp_CamelLab_train.txt", "ANERcorp training file (word TAB-or-space tag per line)")
	out := flag.String("out", "internal/arabic/data/anercorp-words.tsv", "output file")
	flag.Parse()
	if strings.Contains(filepath.Base(*in), "test") {
		fmt.Fprintf(os.Stderr, "buildlexicon: %s looks like the test split; use the training split only\n", *in)
		os.Exit(2)
	}
	if err := run(*in, *out); err != nil {
		fmt.Fprintf(os.Stderr, "buildlexicon: %v\n", err)
		os.Exit(1)
	}
}

type counts struct{ all, names, ta, maqsura, hamza int }

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	words := map[string]*counts{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		surface := strings.TrimFunc(fields[0], func(r rune) bool { return !arabic.IsArabicLetter(r) })
		w := arabic.Normalize(surface)
		if w == "" || !allArabic(w) {
			continue
		}
		first, _ := utf8.DecodeRuneInString(surface)
		last, _ := utf8.DecodeLastRuneInString(surface)
		c := words[w]
		if c == nil {
			c = &counts{}
			words[w] = c
		}
		c.all++
		if len(fields) > 1 && fields[1] != "O" {
			c.names++
		}
		switch last {
		case 'ة':
			c.ta++
		case 'ى', 'ئ':
			c.maqsura++
		}
		switch first {
		case 'أ', 'إ', 'آ':
			c.hamza++
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", in, line, err)
	}
	keys := make([]string, 0, len(words))
	for w := range words {
		keys = append(keys, w)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := words[keys[i]], words[keys[j]]
		if a.all != b.all {
			return a.all > b.all
		}
		return keys[i] < keys[j]
	})
	var b strings.Builder
	b.WriteString(header)
	for _, w := range keys {
		c := words[w]
		marks := ""
		if 2*c.ta > c.all {
			marks += "t"
		}
		if 2*c.maqsura > c.all {
			marks += "y"
		}
		if 2*c.hamza > c.all {
			marks += "h"
		}
		switch {
		case marks != "":
			fmt.Fprintf(&b, "%s\t%d\t%d\t%s\n", w, c.all, c.names, marks)
		case c.names > 0:
			fmt.Fprintf(&b, "%s\t%d\t%d\n", w, c.all, c.names)
		default:
			fmt.Fprintf(&b, "%s\t%d\n", w, c.all)
		}
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "buildlexicon: %d word forms from %d lines of %s -> %s\n", len(keys), line, in, out)
	return nil
}

func allArabic(w string) bool {
	for _, r := range w {
		if !arabic.IsArabicLetter(r) {
			return false
		}
	}
	return true
}
