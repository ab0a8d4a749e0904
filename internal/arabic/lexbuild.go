package arabic

import (
	"hash/maphash"
	"sort"
	"strings"
)

// lexBuilder gathers what the lexicon knows about each form before freeze
// packs it into its pointer-free runtime layout.
type lexBuilder struct {
	words map[string]*lexWord
	order []string // insertion order, so that builds are reproducible
}

type lexWord struct {
	count, names uint32
	marks, flags uint8
}

func newLexBuilder() *lexBuilder { return &lexBuilder{words: make(map[string]*lexWord, 40000)} }

func (b *lexBuilder) word(w string) *lexWord {
	x := b.words[w]
	if x == nil {
		x = &lexWord{}
		b.words[w] = x
		b.order = append(b.order, w)
	}
	return x
}

func (b *lexBuilder) flag(w string, flag uint8) {
	b.word(w).flags |= flag
	if flag == flagStem && strings.HasPrefix(w, "ال") && RuneLen(w) >= 4 {
		// A hand-listed «الجفرة» also teaches the bare stem, for «بالجفرة».
		b.word(w[len("ال"):]).flags |= flagStem
	}
}

// freeze derives the linked facts (article counts on bare stems, the ت form
// of words in taa marbuta), lays every string end to end, indexes the forms
// and works out the reading of each.
func (b *lexBuilder) freeze() *Lexicon {
	type art struct{ n, names uint32 }
	arts := map[string]art{}
	tas := map[string]string{}
	for _, w := range b.order {
		x := b.words[w]
		if strings.HasPrefix(w, "ال") && RuneLen(w) >= 4 && x.flags&flagWhole == 0 && x.marks&markHamza == 0 {
			a := arts[w[len("ال"):]]
			a.n += x.count
			a.names += x.names
			arts[w[len("ال"):]] = a
		}
		if strings.HasSuffix(w, "ه") && RuneLen(w) >= 3 && (x.count > 0 || x.flags&flagStem != 0) {
			tas[w[:len(w)-len("ه")]+"ت"] = w
		}
	}
	// Derived forms become entries too, so that one lookup finds them.
	for _, s := range sortedKeys(arts) {
		b.word(s)
	}
	for _, t := range sortedKeys(tas) {
		b.word(t)
	}

	l := &Lexicon{seed: maphash.MakeSeed(), memo: newMemo(), hot: new(hotTable)}
	var text strings.Builder
	text.WriteString(hostStems) // the stems of «لها», «بهم»
	for _, w := range b.order {
		text.WriteString(w)
	}
	l.text = text.String()
	l.entries = make([]entry, 1, len(b.order)+1)
	size := 1
	for size < 2*len(b.order) {
		size <<= 1
	}
	l.table = make([]uint64, size)
	off := uint32(len(hostStems))
	for _, w := range b.order {
		x := b.words[w]
		e := entry{form: strRef{off, uint32(len(w))}, count: x.count, names: x.names, marks: x.marks, flags: x.flags}
		off += uint32(len(w))
		a := arts[w]
		e.art, e.artNames = a.n, a.names
		l.insert(w, e)
	}
	for t, w := range tas {
		e := l.mut(t)
		we := *l.at(w)
		e.ta, e.taCount = we.form, we.count+we.art
		if we.flags&flagStem != 0 {
			e.taCount += handStemEvidence
		}
	}
	l.precompute()
	return l
}

// hostStems holds the stems that are not forms of their own.
const hostStems = "لب"

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys) // any fixed order will do
	return keys
}

// insert adds a new form; the lexicon must not hold it yet.
func (l *Lexicon) insert(w string, e entry) {
	h := maphash.String(l.seed, w)
	mask := uint64(len(l.table) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if l.table[i] == 0 {
			l.table[i] = h<<32 | uint64(len(l.entries))
			l.entries = append(l.entries, e)
			return
		}
	}
}

// find returns the index of a form's entry, 0 when unknown.
func (l *Lexicon) find(h uint64, equal func(strRef) bool) uint32 {
	mask := uint64(len(l.table) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		slot := l.table[i]
		if slot == 0 {
			return 0
		}
		if slot>>32 == h&0xFFFFFFFF {
			idx := uint32(slot)
			if equal(l.entries[idx].form) {
				return idx
			}
		}
	}
}

// at returns the entry of a form, or the zero entry. The result is read-only.
func (l *Lexicon) at(w string) *entry {
	idx := l.find(maphash.String(l.seed, w), func(r strRef) bool { return l.str(r) == w })
	return &l.entries[idx]
}

// atBytes is at for a form held in bytes; it does not allocate.
func (l *Lexicon) atBytes(w []byte) *entry {
	idx := l.find(maphash.Bytes(l.seed, w), func(r strRef) bool { return l.str(r) == string(w) })
	return &l.entries[idx]
}

// mut returns the entry of a form for writing during freeze.
func (l *Lexicon) mut(w string) *entry { return l.at(w) }

// str returns the string a reference points at.
func (l *Lexicon) str(r strRef) string { return l.text[r.off : r.off+r.n] }

// precompute stores the reading of every form that may carry a clitic, so
// that tokenising known words costs one lookup.
func (l *Lexicon) precompute() {
	for i := 1; i < len(l.entries); i++ {
		e := &l.entries[i]
		w := l.str(e.form)
		if len(w) < 4 || !mayHaveClitic(w) {
			continue
		}
		h := e.spellingHints()
		a := l.segment(w, h)
		ref, ok := l.refOf(a.stem, e.form)
		if !ok {
			continue
		}
		e.seg = segRef{stem: ref, conj: a.conj, mid: a.mid, art: a.art, enc: encIndex(a.enc)}
		e.sig, e.hasSeg = h.signature(), true
	}
}

// refOf locates a stem in the lexicon's text: inside the form it came
// from, as a form of its own, or among the host stems.
func (l *Lexicon) refOf(stem string, form strRef) (strRef, bool) {
	if i := strings.Index(l.str(form), stem); i >= 0 {
		return strRef{form.off + uint32(i), uint32(len(stem))}, true
	}
	if e := l.at(stem); e != &l.entries[0] {
		return e.form, true
	}
	if i := strings.Index(hostStems, stem); i >= 0 && stem != "" {
		return strRef{uint32(i), uint32(len(stem))}, true
	}
	return strRef{}, false
}

// analysis turns a stored reading back into an analysis.
func (l *Lexicon) analysis(s segRef) analysis {
	a := analysis{conj: s.conj, mid: s.mid, art: s.art, stem: l.str(s.stem)}
	if s.enc > 0 {
		a.enc = enclitics[s.enc-1].form
	}
	return a
}

func encIndex(enc string) uint8 {
	for i, e := range enclitics {
		if e.form == enc {
			return uint8(i + 1)
		}
	}
	return 0
}

// spellingHints are the hints of the form's usual spelling.
func (e *entry) spellingHints() hints {
	var h hints
	if e.marks&markHamza != 0 {
		h.hamza = 1
	}
	h.lastTa = e.marks&markTa != 0
	h.lastMaqsura = e.marks&markMaqsura != 0
	return h
}
