package arabic

import "sort"

// Span is a stretch of text in code points, End exclusive.
type Span struct{ Start, End int }

// Len is the length of the span in code points.
func (s Span) Len() int { return s.End - s.Start }

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // Arabic word
	Number             // digits in any script, with separators
	Latin              // Latin-script word (letters, digits, inner - . ' &)
	Punct              // punctuation, quotes, brackets
	Symbol             // anything else (emoji, symbols)
)

var kindNames = [...]string{Word: "word", Number: "number", Latin: "latin", Punct: "punct", Symbol: "symbol"}

// String names the kind in lower case ("word", "number"...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Token is one word or mark of a text, with its clitics segmented.
//
// The strings of a token share memory with the text and with each other;
// Proclitics is shared between tokens and must be treated as read-only.
type Token struct {
	// Text is the surface form exactly as in the source text.
	Text string
	// Start and End are code-point offsets of Text in the source.
	Start, End int
	// Norm is Normalize(Text).
	Norm string
	// Stem is the normalised word without proclitics and enclitic, in its
	// canonical spelling (Canonical): the taa marbuta that turns into ت
	// before a pronoun is restored («حكومتها» → "حكومه") and frequent typos
	// are fixed («هدا» → "هذا"). For a preposition that carries only a
	// pronoun («لها», «بهم») the stem is the preposition. For tokens that are
	// not Arabic words Stem is Norm.
	Stem string
	// Enclitic is the normalised attached pronoun, if any (for «وقواتها»: "ها").
	Enclitic string
	Kind     Kind
	// procs indexes procliticSets: one byte rather than a slice header
	// keeps the token small, and a text has hundreds of them.
	procs uint8
}

// Proclitics are the normalised prefixes split off the front, in order
// (for «والجيش»: "و", "ال"; for «للجيش»: "ل", "ال"). The slice is shared
// between tokens and must be treated as read-only.
func (t *Token) Proclitics() []string { return procliticSets[t.procs%30] }

// HasArticle reports whether the definite article ال is among the proclitics.
func (t *Token) HasArticle() bool {
	p := t.Proclitics()
	return len(p) > 0 && p[len(p)-1] == "ال"
}

// TokensCovering returns the first and last index of the tokens of toks
// (in text order) that overlap code points [start, end): the tokens of an
// entity mention. ok is false when no token does.
func TokensCovering(toks []Token, start, end int) (first, last int, ok bool) {
	first = sort.Search(len(toks), func(k int) bool { return toks[k].End > start })
	if first >= len(toks) || toks[first].Start >= end {
		return 0, 0, false
	}
	last = first
	for last+1 < len(toks) && toks[last+1].Start < end {
		last++
	}
	return first, last, true
}

// TokenRange returns the indices [i, j) of the tokens of toks (in text
// order, as Tokenize returns them) that lie inside span s: the tokens of a
// sentence or a paragraph.
func TokenRange(toks []Token, s Span) (i, j int) {
	i = sort.Search(len(toks), func(k int) bool { return toks[k].Start >= s.Start })
	j = sort.Search(len(toks), func(k int) bool { return toks[k].End > s.End })
	if j < i {
		j = i
	}
	return i, j
}
