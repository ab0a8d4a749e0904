package arabic

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // Arabic word
	Number             // digits in any script, with separators
	Latin              // Latin-script word
	Punct              // punctuation, quotes, brackets
	Symbol             // anything else (emoji, symbols)
)

// Token is one word or mark of a text, with its clitics segmented.
type Token struct {
	// Text is the surface form exactly as in the source text.
	Text string
	// Start and End are code-point offsets of Text in the source.
	Start, End int
	// Norm is Normalize(Text).
	Norm string
	// Proclitics are the normalised prefixes split off the front, in order
	// (for «والجيش»: "و", "ال").
	Proclitics []string
	// Stem is the normalised word without proclitics and enclitic.
	Stem string
	// Enclitic is the normalised attached pronoun, if any (for «وقواتها»: "ها").
	Enclitic string
	Kind     Kind
}
