package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// A general dictionary of Arabic word forms tells the tagger which words
// are ordinary vocabulary. A word that is neither in it nor in the
// training data is most often a name (a foreign name in transliteration, a
// family name, a small place): in the training split, rare words outside
// the dictionary are entity words six times as often as rare words inside
// it. The forms come from Ayaspell (see cmd/dictgen); the model stores
// them, so weights and dictionary always travel together.

// Dictionary classes of a word.
const (
	dictUnknown   uint8 = iota // an Arabic word the dictionary lacks
	dictKnown                  // in the dictionary as written (normalised)
	dictStripped               // in it once clitics or a pronoun are removed
	dictNotArabic              // no Arabic letter: digits, Latin, punctuation
)

// pronounSuffixes are the normalised object and possessive pronouns that
// attach to a word, longest first. The dictionary table leaves out forms
// made of a shorter form and one of these, and the lookup strips them.
var pronounSuffixes = []string{"هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي"}

// WordDict is a set of normalised Arabic word forms, held as 32-bit hashes
// in an open-addressing table: a lookup touches one cache line and builds
// no string, and the model file stores the hashes, not the words. With
// some 600,000 forms, a word outside the set passes for one in it about
// once in 7,000 lookups, far below what the feature's weight can notice.
type WordDict struct {
	slots []uint32 // 0 marks an empty slot
	mask  uint32
	n     int
}

// NewWordDict returns a dictionary of forms (normalised words).
func NewWordDict(forms []string) *WordDict {
	hashes := make([]uint32, len(forms))
	for i, f := range forms {
		hashes[i] = hash32(hashString(f))
	}
	return newWordDictHashes(hashes)
}

func newWordDictHashes(hashes []uint32) *WordDict {
	size := 16
	for size < 2*len(hashes) {
		size <<= 1
	}
	d := &WordDict{slots: make([]uint32, size), mask: uint32(size - 1)}
	for _, h := range hashes {
		d.insert(h)
	}
	return d
}

// hash32 folds a 64-bit hash into a non-zero 32-bit one.
func hash32(h uint64) uint32 {
	v := uint32(h ^ h>>32)
	if v == 0 {
		return 1
	}
	return v
}

// Len is the number of distinct form hashes.
func (d *WordDict) Len() int { return d.n }

// sortedHashes returns the stored hashes in ascending order (the file
// format).
func (d *WordDict) sortedHashes() []uint32 {
	out := make([]uint32, 0, d.n)
	for _, h := range d.slots {
		if h != 0 {
			out = append(out, h)
		}
	}
	slices.Sort(out)
	return out
}

func (d *WordDict) insert(h uint32) {
	for i := (h * 0x9E3779B1) & d.mask; ; i = (i + 1) & d.mask {
		switch d.slots[i] {
		case h:
			return
		case 0:
			d.slots[i] = h
			d.n++
			return
		}
	}
}

func (d *WordDict) hasHash(h64 uint64) bool {
	h := hash32(h64)
	for i := (h * 0x9E3779B1) & d.mask; ; i = (i + 1) & d.mask {
		switch d.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// hasWithPronouns reports whether w is a form, or a form followed by up to
// depth pronoun suffixes (a taa marbuta written ت before the pronoun, an
// alif maqsura written ا).
func (d *WordDict) hasWithPronouns(w string, depth int) bool {
	if d.hasHash(hashString(w)) {
		return true
	}
	if depth == 0 {
		return false
	}
	for _, p := range pronounSuffixes {
		if len(w)-len(p) < 2*2 || !strings.HasSuffix(w, p) { // two letters at least
			continue
		}
		g := w[:len(w)-len(p)]
		if d.hasWithPronouns(g, depth-1) {
			return true
		}
		last, size := utf8.DecodeLastRuneInString(g)
		var alt rune
		switch last {
		case 'ت':
			alt = 'ه'
		case 'ا':
			alt = 'ي'
		default:
			continue
		}
		if d.hasHash(hashWithLast(g[:len(g)-size], alt)) {
			return true
		}
	}
	return false
}

// hashWithLast is hashString(prefix + string(r)) without building it.
func hashWithLast(prefix string, r rune) uint64 {
	h := hashString(prefix)
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, b := range buf[:n] {
		h ^= uint64(b)
		h *= fnvPrime
	}
	return h
}

// class returns the dictionary class of a normalised word.
func (d *WordDict) class(norm string) uint8 {
	arabicLetter := false
	for _, r := range norm {
		if r >= 0x0621 && r <= 0x064A {
			arabicLetter = true
			break
		}
	}
	if !arabicLetter {
		return dictNotArabic
	}
	if d.hasHash(hashString(norm)) {
		return dictKnown
	}
	w := norm
	for range 3 {
		if d.hasWithPronouns(w, 2) {
			return dictStripped
		}
		proc, stem := segmentNorm(w)
		if proc == "" {
			break
		}
		w = stem
	}
	return dictUnknown
}

// CompactWordForms returns the forms a WordDict needs to recognise all of
// forms (normalised words): those that are not another form plus a
// pronoun suffix, which the lookup strips. It keeps the shipped table to a
// fifth of the expanded dictionary.
func CompactWordForms(forms map[string]bool) []string {
	var out []string
	for f := range forms {
		reducible := false
		for _, p := range pronounSuffixes {
			if len(f)-len(p) < 4 || !strings.HasSuffix(f, p) {
				continue
			}
			g := f[:len(f)-len(p)]
			if forms[g] {
				reducible = true
				break
			}
			if last, size := utf8.DecodeLastRuneInString(g); last == 'ت' && forms[g[:len(g)-size]+"ه"] ||
				last == 'ا' && forms[g[:len(g)-size]+"ي"] {
				reducible = true
				break
			}
		}
		if !reducible {
			out = append(out, f)
		}
	}
	return sortedKeys(toSet(out))
}

func toSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// ReadWordDict reads a dictionary file: one word a line, # comments, gzip
// when the name ends in .gz. Words are normalised.
func ReadWordDict(path string) (*WordDict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("word dictionary: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("word dictionary %s: %w", path, err)
		}
		r = zr
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		seen[arabic.Normalize(w)] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("word dictionary %s: %w", path, err)
	}
	return NewWordDict(sortedKeys(seen)), nil
}
