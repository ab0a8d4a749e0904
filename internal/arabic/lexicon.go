package arabic

//go:generate go run ./cmd/buildlexicon -in ../../../shared/data/anercorp/ANERCorp_CamelLab_train.txt -out data/anercorp-words.tsv

import (
	"bufio"
	"embed"
	"fmt"
	"hash/maphash"
	"strconv"
	"strings"
	"sync"
)

// The lexicon is data: word counts derived from the ANERcorp training split
// (see the header of data/anercorp-words.tsv for attribution and the command
// that rebuilds it) and two hand-written lists.
//
//go:embed data/anercorp-words.tsv data/stems.txt data/whole.txt
var dataFS embed.FS

const (
	flagStem  uint8 = 1 << iota // hand-listed stem: known even if the corpus lacks it
	flagWhole                   // never split, and stripping clitics stops here
)

// Spellings the corpus mostly had where normalisation hides them (column 4
// of anercorp-words.tsv).
const (
	markTa      uint8 = 1 << iota // ended in ة: a final ه is no pronoun
	markMaqsura                   // ended in ى or ئ: a final ي is no pronoun
	markHamza                     // began with أ إ آ: no article, no conjunction
)

// handStemEvidence is what a hand-listed stem is worth, in corpus
// occurrences. A word listed only as never to be split is worth less: the
// list holds it for its own sake, not as a stem clitics attach to.
const (
	handStemEvidence  = 30
	handWholeEvidence = 5
)

// strRef locates a string in the lexicon's text. Entries refer to their
// strings this way so that they hold no pointers: the garbage collector
// then never has to walk the lexicon.
type strRef struct{ off, n uint32 }

// entry is what the lexicon knows about one normalised form.
type entry struct {
	form     strRef // the normalised form itself
	count    uint32 // occurrences of the form
	art      uint32 // occurrences of ال + form
	names    uint32 // occurrences tagged as part of a named entity
	artNames uint32 // the same for ال + form
	// ta is, for a form ending in ت, the same form ending in ه (the
	// normalised taa marbuta) when that is a known word: «حكومت» → «حكومه».
	ta      strRef
	taCount uint32
	// seg is the reading of the form itself, worked out once at load for
	// a word spelled the way the corpus mostly spells it (sig); Tokenize
	// reuses it when a word's spelling gives the same hints.
	seg    segRef
	flags  uint8
	marks  uint8
	sig    uint8
	hasSeg bool
}

// segRef is an analysis stored without pointers.
type segRef struct {
	stem      strRef
	conj, mid uint8
	art       bool
	enc       uint8 // index+1 into enclitics; 0 for none
}

// Lexicon is what the clitic segmenter knows about Arabic words: how often
// each normalised form occurs, which words are stems, and which must never be
// split. It is immutable and safe for concurrent use; internally it
// remembers, in bounded caches, how it read words.
type Lexicon struct {
	text    string   // every form and stem, end to end
	entries []entry  // entries[0] is the zero entry of unknown forms
	table   []uint64 // open addressing: hash<<32 | entry index, 0 empty
	seed    maphash.Seed
	memo    *memo     // readings of unknown words, filled as text is read
	hot     *hotTable // words as written, with their readings, as Tokenize met them
}

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	l, err := loadDefault()
	if err != nil {
		// The data is embedded and checked by tests; failing here means the
		// binary itself is broken.
		panic("arabic: embedded lexicon: " + err.Error())
	}
	return l
})

// DefaultLexicon returns the lexicon built into the package.
func DefaultLexicon() *Lexicon { return defaultLexicon() }

func loadDefault() (*Lexicon, error) {
	b := newLexBuilder()
	data, err := dataFS.ReadFile("data/anercorp-words.tsv")
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("anercorp-words.tsv:%d: want word TAB count", line)
		}
		n, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil {
			return nil, fmt.Errorf("anercorp-words.tsv:%d: %v", line, err)
		}
		var names uint64
		if len(f) > 2 {
			if names, err = strconv.ParseUint(f[2], 10, 32); err != nil {
				return nil, fmt.Errorf("anercorp-words.tsv:%d: %v", line, err)
			}
		}
		var marks uint8
		if len(f) > 3 {
			for _, c := range f[3] {
				switch c {
				case 't':
					marks |= markTa
				case 'y':
					marks |= markMaqsura
				case 'h':
					marks |= markHamza
				default:
					return nil, fmt.Errorf("anercorp-words.tsv:%d: unknown mark %q", line, c)
				}
			}
		}
		w := b.word(f[0])
		w.count += uint32(n)
		w.names += uint32(names)
		w.marks |= marks
	}
	for _, list := range []struct {
		file string
		flag uint8
	}{{"data/stems.txt", flagStem}, {"data/whole.txt", flagWhole}} {
		data, err := dataFS.ReadFile(list.file)
		if err != nil {
			return nil, err
		}
		for _, w := range listWords(string(data)) {
			b.flag(w, list.flag)
		}
	}
	return b.freeze(), nil
}

// listWords returns the words of a hand-written list: one or more per line,
// separated by spaces, with # starting a comment.
func listWords(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, w := range strings.Fields(line) {
			out = append(out, Normalize(w))
		}
	}
	return out
}

// Extend returns a copy of l that also knows stems (words that clitics may be
// split off to reveal, such as a gazetteer's place names) and whole words
// (words that are never split, such as personal names that look like a
// clitic and a word: «فيصل», «كمال»). Words are normalised first.
func (l *Lexicon) Extend(stems, whole []string) *Lexicon {
	b := newLexBuilder()
	for _, e := range l.entries[1:] {
		w := b.word(l.str(e.form))
		w.count, w.names, w.marks, w.flags = e.count, e.names, e.marks, e.flags
	}
	for _, w := range stems {
		b.flag(Normalize(w), flagStem)
	}
	for _, w := range whole {
		b.flag(Normalize(w), flagWhole)
	}
	return b.freeze()
}

// Count returns how often the normalised form word occurs in the corpus the
// lexicon was derived from.
func (l *Lexicon) Count(word string) int { return int(l.at(word).count) }

// Usage returns how often the corpus saw word (normalised), alone or with
// the article, and how many of those times it was part of a name;
// hand-listed reports whether the hand-written vocabulary of conflict and
// politics news lists it.
func (l *Lexicon) Usage(word string) (seen, inNames int, handListed bool) {
	e := l.at(word)
	return int(e.count + e.art), int(e.names + e.artNames), e.flags&flagStem != 0
}

// Known reports whether word (normalised) is a word or stem the lexicon
// knows: seen in the corpus alone or with the article, or hand-listed.
func (l *Lexicon) Known(word string) bool {
	e := l.at(word)
	return e.count > 0 || e.art > 0 || e.flags != 0
}

// evidence is how strongly the lexicon supports s being a stem: its
// occurrences alone and with the article, plus a bonus for hand-listed stems.
func (e entry) evidence() float64 {
	v := float64(e.count) + float64(e.art)
	switch {
	case e.flags&flagStem != 0:
		v += handStemEvidence
	case e.flags&flagWhole != 0:
		v += handWholeEvidence
	}
	return v
}

// nameShare is the share of the form's occurrences tagged as a named entity.
func (e entry) nameShare() float64 {
	n := e.count + e.art
	if n == 0 {
		return 0
	}
	return float64(e.names+e.artNames) / float64(n)
}
