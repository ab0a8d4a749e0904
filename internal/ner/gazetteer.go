package ner

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Phrase is one gazetteer name and its class: an entity type ("PERS",
// "LOC", "ORG", "MISC") or another word class such as "ADJ" for
// nationality adjectives.
type Phrase struct {
	Name  string
	Class string
}

// PhraseGazetteer tags the longest known name at each position. It is built
// from a phrase list and stored inside a model, so a model always runs with
// the very gazetteer it was trained with, whatever happens later to the
// source it was taken from.
type PhraseGazetteer struct {
	classes []string
	// keys are the phrases' word keys joined by spaces, with their class
	// bits; sorted, this is what the model file stores.
	keys map[string]uint32
	// byFirst indexes phrases by their first word key, longest first.
	byFirst map[string][]gazPhrase
	// tags holds the tag string of each (B/I, class bits) pair in use; it is
	// filled once, so tagging only reads it.
	tags map[uint64]string
	// parts maps each word of a name of two words or more to the entity
	// types of the names it is part of (see partBits).
	parts map[string]uint8
}

type gazPhrase struct {
	words []string
	bits  uint32
}

// maxGazClasses bounds the class table (class sets are bit masks).
const maxGazClasses = 32

// NewPhraseGazetteer indexes phrases. Names are split into words and
// normalised; the article is dropped from every word, as in the knowledge
// base. Classes beyond the first 32 distinct ones are ignored.
func NewPhraseGazetteer(phrases []Phrase) *PhraseGazetteer {
	g := &PhraseGazetteer{keys: map[string]uint32{}}
	classID := map[string]int{}
	for _, p := range phrases {
		id, ok := classID[p.Class]
		if !ok {
			if len(g.classes) == maxGazClasses {
				continue
			}
			id = len(g.classes)
			classID[p.Class] = id
			g.classes = append(g.classes, p.Class)
		}
		words := gazWords(p.Name)
		if len(words) == 0 {
			continue
		}
		g.keys[strings.Join(words, " ")] |= 1 << id
	}
	g.index()
	return g
}

// index builds byFirst from keys in sorted order, so the index is the same
// whatever order the phrases came in.
func (g *PhraseGazetteer) index() {
	g.byFirst = map[string][]gazPhrase{}
	g.tags = map[uint64]string{}
	g.parts = map[string]uint8{}
	typeBits := make([]uint8, len(g.classes))
	for id, c := range g.classes {
		typeBits[id] = classTypeBit(c)
	}
	for _, k := range sortedKeys(g.keys) {
		words := strings.Split(k, " ")
		bits := g.keys[k]
		g.byFirst[words[0]] = append(g.byFirst[words[0]], gazPhrase{words, bits})
		if len(words) > 1 {
			var types uint8
			for id, tb := range typeBits {
				if bits&(1<<id) != 0 {
					types |= tb
				}
			}
			for k, w := range words {
				if k == len(words)-1 {
					g.parts[w] |= types << 4 // last word: family names, place heads
				} else {
					g.parts[w] |= types
				}
			}
		}
		for inside := range uint64(2) {
			if _, ok := g.tags[inside<<32|uint64(bits)]; !ok {
				g.tags[inside<<32|uint64(bits)] = g.tagName(inside, bits)
			}
		}
	}
	for _, list := range g.byFirst {
		slices.SortStableFunc(list, func(a, b gazPhrase) int { return len(b.words) - len(a.words) })
	}
}

// Len is the number of distinct phrases.
func (g *PhraseGazetteer) Len() int { return len(g.keys) }

// gazWords splits a name into normalised word keys without the article.
func gazWords(name string) []string {
	words := strings.FieldsFunc(arabic.Normalize(name), func(r rune) bool {
		return r == ' ' || r == '-' || r == '\t' || r == '(' || r == ')' || r == '«' || r == '»' || r == '"' || r == ','
	})
	for i, w := range words {
		words[i] = stripArticle(w)
	}
	return words
}

// stripArticle drops a leading ال when at least two letters remain.
func stripArticle(w string) string {
	if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 4 {
		return w[len("ال"):]
	}
	return w
}

// GazetteerTags implements Gazetteer.
func (g *PhraseGazetteer) GazetteerTags(words []string) []string {
	norms := make([]string, len(words))
	for i, w := range words {
		norms[i] = arabic.Normalize(w)
	}
	return g.tagNorms(norms, make([]string, len(words)))
}

// tagNorms tags normalised words into out by greedy longest match. The
// first word of a match may carry proclitics («وبطرابلس»).
func (g *PhraseGazetteer) tagNorms(norms, out []string) []string {
	clear(out)
	for i := 0; i < len(norms); {
		n, bits := g.matchAt(norms, i)
		if n == 0 {
			i++
			continue
		}
		out[i] = g.tags[uint64(bits)]
		for j := i + 1; j < i+n; j++ {
			out[j] = g.tags[1<<32|uint64(bits)]
		}
		i += n
	}
	return out
}

// matchAt returns the length and class bits of the longest phrase starting
// at word i, trying the word as is and then with one and two proclitic
// clusters removed («وبطرابلس» → «بطرابلس» → «طرابلس»).
func (g *PhraseGazetteer) matchAt(norms []string, i int) (int, uint32) {
	w := norms[i]
	for range 3 {
		if n, bits := g.matchFrom(stripArticle(w), norms, i); n > 0 {
			return n, bits
		}
		proc, stem := segmentNorm(w)
		if proc == "" {
			break
		}
		w = stem
	}
	return 0, 0
}

func (g *PhraseGazetteer) matchFrom(first string, norms []string, i int) (int, uint32) {
	for _, p := range g.byFirst[first] {
		words := p.words
		if i+len(words) > len(norms) {
			continue
		}
		ok := true
		for k := 1; k < len(words); k++ {
			if stripArticle(norms[i+k]) != words[k] {
				ok = false
				break
			}
		}
		if ok {
			return len(words), p.bits
		}
	}
	return 0, 0
}

// tagName returns "B-" or "I-" and the class names joined by "+".
func (g *PhraseGazetteer) tagName(inside uint64, bits uint32) string {
	var b strings.Builder
	if inside == 1 {
		b.WriteString("I-")
	} else {
		b.WriteString("B-")
	}
	sep := ""
	for id, c := range g.classes {
		if bits&(1<<id) != 0 {
			b.WriteString(sep)
			b.WriteString(c)
			sep = "+"
		}
	}
	return b.String()
}

// classTypeBit maps a gazetteer class to a bit of the entity type its names
// have: PERS 1, LOC 2, ORG 4, anything else 8.
func classTypeBit(class string) uint8 {
	switch {
	case strings.HasPrefix(class, "PERS"):
		return 1
	case strings.HasPrefix(class, "LOC"):
		return 2
	case strings.HasPrefix(class, "ORG"), class == "COMPANY", class == "CLUB", class == "MEDIA", class == "BODY":
		return 4
	}
	return 8
}

// partBits returns the types of the multi-word names a normalised word is
// part of, low nibble for a word before the last, high nibble for the last:
// a family name seen in one full name is evidence in another.
func (g *PhraseGazetteer) partBits(norm, stem string) uint8 {
	if b, ok := g.parts[stripArticle(norm)]; ok {
		return b
	}
	return g.parts[stripArticle(stem)]
}
