package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Match is a stretch of tokens that names one or more entries.
type Match struct {
	// First and Last are the indexes of the first and last token, inclusive.
	First, Last int
	// Entries are the entries the words name, best first.
	Entries []*Entry
	// Text is the surface text of the tokens, spaced as in the source.
	Text string
	// Key is the normalised name that matched (words without ال).
	Key string
	// Adjective is true when the words are a nationality adjective
	// («الليبيين»), not a name: Entries are then the countries it refers to.
	// Linking decides whether the adjective stands alone or modifies a noun
	// («الخارجية الروسية»).
	Adjective bool
	// Stripped counts the proclitic letters removed from the first token to
	// match (و, ف, ب, ل); more stripping is weaker evidence.
	Stripped int
	// Ambiguous is true for a name whose referent depends on the article
	// («الجيش الليبي»): Entries are its readings, default first, and
	// (*KB).AmbiguousName(Key) tells which side uses which reading.
	Ambiguous bool
	// Common is true when the match is one word that is more often a common
	// word than a name («صور» pictures / Tyre): take it as a name only with
	// other evidence (an NER tag, a preposition of place, the country).
	Common bool
}

// form is one way to read a token as a name word, with the number of
// proclitic letters removed to get it.
type form struct {
	form  string
	strip int
}

// stripAl removes a leading article, keeping at least two letters, as the
// scorer and most gazetteers do: «الجفرة» and «جفرة» share the key «جفره».
func stripAl(w string) string {
	if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 4 {
		return w[len("ال"):]
	}
	return w
}

// rawWords splits a name into normalised words: diacritics and hamza forms
// folded, punctuation dropped.
func rawWords(name string) []string {
	norm := arabic.Normalize(name)
	return strings.FieldsFunc(norm, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// nameWords splits a name into word keys: rawWords without the article.
func nameWords(name string) []string {
	words := rawWords(name)
	for i, w := range words {
		words[i] = stripAl(w)
	}
	return words
}

// keyVariants returns the word-key sequences a name is indexed under: as
// written, and with the common spacing variants of compound names
// («عبد الله»/«عبدالله», «بن»/«ابن»). words are rawWords.
func keyVariants(words []string) [][]string {
	if len(words) == 0 {
		return nil
	}
	keys := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = stripAl(w)
		}
		return out
	}
	out := [][]string{keys(words)}
	var merged, swapped []string
	mergedChanged, swappedChanged := false, false
	for i := 0; i < len(words); i++ {
		if words[i] == "عبد" && i+1 < len(words) {
			merged = append(merged, "عبد"+words[i+1])
			i++
			mergedChanged = true
			continue
		}
		merged = append(merged, words[i])
	}
	for _, w := range words {
		switch w {
		case "بن":
			swapped, swappedChanged = append(swapped, "ابن"), true
		case "ابن":
			swapped, swappedChanged = append(swapped, "بن"), true
		default:
			swapped = append(swapped, w)
		}
	}
	if mergedChanged {
		out = append(out, keys(merged))
	}
	if swappedChanged && len(words) > 1 {
		out = append(out, keys(swapped))
	}
	return out
}

// firstWordForms lists the readings of a normalised token that may begin a
// name: as is, without a conjunction (و, ف), without a preposition (ب, ل,
// «لل» for ل+ال), and the segmenter's stem; each without the article. The
// preposition ك ("as") is left on: it rarely precedes a name, and stripping
// it turns «كبيرة» into «البيرة».
func firstWordForms(norm, stem string) []form {
	var out []form
	add := func(w string, strip int) {
		w = stripAl(w)
		if w == "" {
			return
		}
		for i := range out {
			if out[i].form == w {
				if strip < out[i].strip {
					out[i].strip = strip
				}
				return
			}
		}
		out = append(out, form{w, strip})
	}
	add(norm, 0)
	bases := []form{{norm, 0}}
	if r, size := utf8.DecodeRuneInString(norm); (r == 'و' || r == 'ف') && utf8.RuneCountInString(norm) >= 4 {
		add(norm[size:], 1)
		bases = append(bases, form{norm[size:], 1})
	}
	for _, b := range bases {
		r, size := utf8.DecodeRuneInString(b.form)
		n := utf8.RuneCountInString(b.form)
		switch {
		case strings.HasPrefix(b.form, "لل") && n >= 4:
			add("ال"+b.form[len("لل"):], b.strip+1)
		case (r == 'ب' || r == 'ل') && n >= 4:
			add(b.form[size:], b.strip+1)
		}
	}
	if stem != "" {
		add(stem, 1)
	}
	return out
}

// tokenForms are the precomputed readings of one token.
type tokenForms struct {
	first []form
	inner string
	ok    bool // false for punctuation and symbols, which no name crosses
}

// formsOf computes a token's readings: as written, and without the
// proclitics the segmenter found or firstWordForms guesses. A token the
// segmenter found no clitic on, or that is itself a common word («لجنة»,
// «بلاد»), is not read as a proclitic plus a name («جنة»).
func formsOf(t *arabic.Token, common map[string]bool) tokenForms {
	if t.Kind == arabic.Punct || t.Kind == arabic.Symbol {
		return tokenForms{}
	}
	norm := t.Norm
	if norm == "" {
		norm = arabic.Normalize(t.Text)
	}
	if norm == "" {
		return tokenForms{}
	}
	var first []form
	if t.Stem != "" && len(t.Proclitics()) == 0 && arabic.DefaultLexicon().Known(norm) {
		// The segmenter found no clitic on a word the language knows:
		// «فرقة» is a word, not ف + «رقة». (An unknown word such as
		// «وتيجي» may still be و + a name.)
		first = []form{{stripAl(norm), 0}}
	} else {
		stem := ""
		if t.Stem != "" {
			stem = t.Stem
			if t.Enclitic != "" {
				// A name never carries a pronoun suffix, but the segmenter
				// may mistake a final letter («حماه») for one.
				stem += t.Enclitic
			}
		}
		first = firstWordForms(norm, stem)
		// A common word is read as itself only («لجنة» is no ل + «جنة»),
		// unless the segmenter found a preposition and the article on it:
		// «للجيش» is ل + «الجيش» however common the whole word is.
		if common[stripAl(norm)] && !(len(t.Proclitics()) >= 2 && t.HasArticle()) {
			first = first[:1]
		}
	}
	return tokenForms{first: first, inner: stripAl(norm), ok: true}
}

// Match finds the names in a token sequence, longest match first, left to
// right, without overlaps. Tokens come from internal/arabic; only their Text,
// Norm, Stem, Enclitic, Kind and offsets are read.
func (k *KB) Match(tokens []arabic.Token) []Match {
	forms := make([]tokenForms, len(tokens))
	for i := range tokens {
		forms[i] = formsOf(&tokens[i], k.common)
	}
	var out []Match
	for i := 0; i < len(tokens); {
		best, bestStrip := k.bestAt(forms, i)
		if best == nil {
			i++
			continue
		}
		end := i + len(best.words)
		// «منطقة الساحل الغربي» is the western coast, not the Sahel's
		// «منطقة الساحل» and a stray adjective: a name that starts with a
		// generic region noun yields to a longer one inside it.
		if len(best.words) > 1 && regionHeads[best.words[0]] {
			if next, _ := k.bestAt(forms, i+1); next != nil && i+1+len(next.words) > end {
				i++
				continue
			}
		}
		// «منطقة الساحل الشرقي», with no entry of its own, is an eastern
		// coast, not the Sahel: a direction after «منطقة X» qualifies X.
		if end < len(tokens) && regionHeads[best.words[0]] && directionAdjectives[tokens[end].Norm] && spansCountries(best) {
			i = end
			continue
		}
		last := i + len(best.words) - 1
		m := Match{First: i, Last: last, Key: strings.Join(best.words, " "), Stripped: bestStrip, Text: spanText(tokens[i : last+1])}
		m.Ambiguous = best.ambiguous
		if len(best.entries) > 0 {
			m.Entries = best.entries
			m.Common = len(best.words) == 1 && k.common[best.words[0]]
		} else {
			m.Entries, m.Adjective = best.adj, true
		}
		out = append(out, m)
		i = last + 1
	}
	return out
}

// bestAt returns the longest phrase starting at token i, and how many
// proclitic letters its first word shed; nil when none starts there.
func (k *KB) bestAt(forms []tokenForms, i int) (*phrase, int) {
	if i >= len(forms) || !forms[i].ok {
		return nil, 0
	}
	var best *phrase
	bestStrip := 0
	for _, f := range forms[i].first {
		for _, p := range k.phrases[f.form] {
			if best != nil && len(p.words) <= len(best.words) {
				break
			}
			if i+len(p.words) > len(forms) || !innerMatch(p.words, forms[i+1:]) {
				continue
			}
			best, bestStrip = p, f.strip
			break
		}
	}
	return best, bestStrip
}

// regionHeads are the generic nouns a region's name may start with.
var regionHeads = map[string]bool{"منطقه": true, "مناطق": true, "اقليم": true}

// directionAdjectives, after a name, make it part of a local name.
var directionAdjectives = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"الشرقي", "الشرقية", "الغربي", "الغربية", "الشمالي", "الشمالية", "الجنوبي", "الجنوبية", "الأوسط"} {
		m[arabic.Normalize(w)] = true
	}
	return m
}()

// spansCountries reports whether a phrase names only regions that lie in
// no one country (the Sahel, the Horn of Africa).
func spansCountries(p *phrase) bool {
	if len(p.entries) == 0 {
		return false
	}
	for _, e := range p.entries {
		if e.Kind != "region" || e.Country != "" {
			return false
		}
	}
	return true
}

// innerMatch reports whether the words after a phrase's first one match the
// tokens that follow.
func innerMatch(words []string, next []tokenForms) bool {
	for j, w := range words[1:] {
		if j >= len(next) || !next[j].ok || next[j].inner != w {
			return false
		}
	}
	return true
}

// spanText joins token texts, with a space where the source had a gap.
func spanText(toks []arabic.Token) string {
	var b strings.Builder
	for j, t := range toks {
		if j > 0 && (t.Start > toks[j-1].End || t.Start == 0 && toks[j-1].End == 0) {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// wordsAsTokens wraps raw words as tokens for the matcher.
func wordsAsTokens(words []string) []arabic.Token {
	toks := make([]arabic.Token, len(words))
	for i, w := range words {
		toks[i] = arabic.Token{Text: w, Norm: arabic.Normalize(w), Kind: wordKind(w)}
	}
	return toks
}

// wordKind tells words from punctuation, which names never span.
func wordKind(w string) arabic.Kind {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if r < 0x80 && unicode.IsLetter(r) {
				return arabic.Latin
			}
			return arabic.Word
		}
	}
	return arabic.Punct
}

// GazetteerTags tags raw words (as in CoNLL files) with the classes of the
// names they spell, by longest match: "B-LOC"/"I-LOC" for places,
// "B-PERS"/"I-PERS" for people, "B-ORG"/"I-ORG" for organisations, armed
// groups and governments, "" elsewhere. Nationality adjectives,
// side-dependent descriptions and one-word names that are more often common
// words («صور») get "". It is a feature for the NER model, not a tagger.
func (k *KB) GazetteerTags(words []string) []string {
	tags := make([]string, len(words))
	for _, m := range k.Match(wordsAsTokens(words)) {
		// Adjectives are not names, and an ambiguous description such as
		// «الجيش الليبي» is a name only once an article's side is known.
		if m.Adjective || m.Ambiguous || m.Common || len(m.Entries) == 0 {
			continue
		}
		class := m.Entries[0].NERClass()
		if class == "MISC" {
			continue
		}
		tags[m.First] = "B-" + class
		for j := m.First + 1; j <= m.Last; j++ {
			tags[j] = "I-" + class
		}
	}
	return tags
}
