package arabic

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Reading a word is the hot path of Tokenize, and news repeats its
// vocabulary from article to article. So: a word met recently, as written,
// is found in the hot table with its finished reading; a word the lexicon
// knows costs one lookup, its reading having been worked out at load; other
// words (names, typos, rare forms) are weighed once and remembered in the
// memo. Both caches are bounded and private to their Lexicon.

// readWord normalises a word as written, reads its hints and segments it.
// The normal form is the lexicon's own string for known words, the surface
// itself when nothing changes, and otherwise a copy in arena. folds is
// false when the caller already knows that Normalize leaves the word alone.
func (l *Lexicon) readWord(surface string, folds bool, arena *strings.Builder) (string, hints, analysis) {
	var buf [96]byte
	folded, h, changed := buf[:0], hints{}, false
	if folds {
		folded, h, changed = foldInto(buf[:0], surface)
	}
	var norm string
	var e *entry
	if changed {
		if e = l.atBytes(folded); e != &l.entries[0] {
			norm = l.str(e.form)
		} else {
			if arena.Cap() == 0 {
				arena.Grow(max(256, len(surface)*64))
			}
			start := arena.Len()
			arena.Write(folded)
			norm = arena.String()[start:]
		}
	} else {
		norm = surface
		e = l.at(norm)
	}
	if len(norm) < 4 || !mayHaveClitic(norm) {
		return norm, h, analysis{stem: norm}
	}
	sig := h.signature()
	if e.hasSeg && e.sig == sig {
		return norm, h, l.analysis(e.seg)
	}
	if a, ok := l.memo.get(norm, sig); ok {
		return norm, h, a
	}
	a := l.segment(norm, h)
	l.memo.put(norm, sig, a)
	return norm, h, a
}

// foldInto appends the normal form of word to dst and reads its hints;
// changed is false when the normal form is the word itself.
func foldInto(dst []byte, word string) (out []byte, h hints, changed bool) {
	first := firstChange(word)
	if first == len(word) {
		return dst, hints{}, false
	}
	dst = append(dst, word[:first]...)
	i := utf8.RuneCountInString(word[:first]) // code points written
	var last rune
	for bi := first; bi < len(word); {
		r, n := decode(word, bi)
		bi += n
		f := foldRune(r)
		switch r {
		case 'أ', 'إ', 'آ', 'ؤ', 'ئ':
			if i < 32 {
				h.hamza |= 1 << uint(i)
			}
		}
		switch f {
		case drop:
			continue
		case expand:
			for _, e := range presForms[r-presFirst] {
				switch e {
				case 'أ', 'إ', 'آ', 'ؤ', 'ئ':
					if i < 32 {
						h.hamza |= 1 << uint(i)
					}
				}
				if g := foldRune(e); g >= 0 {
					dst = utf8.AppendRune(dst, g)
					i++
				}
				last = e
			}
			continue
		default:
			dst = utf8.AppendRune(dst, f)
			i++
		}
		last = r
	}
	if last == 0 && first > 0 {
		last, _ = utf8.DecodeLastRuneInString(word[:first])
	}
	h.lastTa = last == 'ة'
	h.lastMaqsura = last == 'ى' || last == 'ئ'
	return dst, h, true
}

// foldWord normalises one word and reads its hints. When the word needs no
// change it is returned as is; otherwise its normal form is written to b.
func foldWord(word string, b *strings.Builder) (string, hints) {
	var buf [96]byte
	folded, h, changed := foldInto(buf[:0], word)
	if !changed {
		return word, h
	}
	start := b.Len()
	b.Write(folded)
	return b.String()[start:], h
}

const (
	memoShards   = 64
	memoShardCap = 4096 // readings per shard before it is emptied
)

// memo remembers the readings of words the lexicon does not know.
type memo struct {
	seed   maphash.Seed
	shards [memoShards]memoShard
}

type memoShard struct {
	mu sync.RWMutex
	m  map[memoKey]analysis
}

type memoKey struct {
	w   string
	sig uint8
}

func newMemo() *memo { return &memo{seed: maphash.MakeSeed()} }

func (c *memo) shard(w string) *memoShard {
	return &c.shards[maphash.String(c.seed, w)%memoShards]
}

func (c *memo) get(w string, sig uint8) (analysis, bool) {
	s := c.shard(w)
	s.mu.RLock()
	a, ok := s.m[memoKey{w, sig}]
	s.mu.RUnlock()
	return a, ok
}

// put stores a reading. The word is copied, so that the cache never keeps
// a whole text alive through a substring.
func (c *memo) put(w string, sig uint8, a analysis) {
	cw := strings.Clone(w)
	if i := strings.Index(cw, a.stem); i >= 0 && a.stem != "" {
		a.stem = cw[i : i+len(a.stem)]
	}
	if i := strings.LastIndex(cw, a.enc); i >= 0 && a.enc != "" {
		a.enc = cw[i : i+len(a.enc)]
	}
	s := c.shard(w)
	s.mu.Lock()
	if s.m == nil || len(s.m) >= memoShardCap {
		s.m = make(map[memoKey]analysis, 256)
	}
	s.m[memoKey{cw, sig}] = a
	s.mu.Unlock()
}

// hotSize is the number of slots of the table of words as written.
const hotSize = 1 << 15

// hotKeyMax is the longest word, in bytes, the table keeps: longer ones are
// rare and read afresh.
const hotKeyMax = 38

// hotTable maps words as written (by a hash of their bytes, one word per
// slot, the newest winning) to their finished reading. Slots are replaced
// whole and atomically, so readers never lock.
type hotTable struct {
	slots [hotSize]atomic.Pointer[hotWord]
}

// hotWord is one word and its reading. The word itself is kept inline and
// the reading's strings end to end in data, so that checking a slot touches
// one object and the collector has one pointer to follow.
type hotWord struct {
	klen  uint8
	key   [hotKeyMax]byte
	nNorm uint8
	nStem uint8
	procs uint8 // index into procliticSets
	data  string
}

// The table is two-way: a word may sit in either of a pair of slots. The
// first slot keeps the word that came first, which in Zipfian text is the
// frequent one; the second takes turns among the rest.
func (t *hotTable) pair(hash uint32) (a, b *atomic.Pointer[hotWord]) {
	i := (hash ^ hash>>15) & (hotSize - 1)
	return &t.slots[i], &t.slots[i^1]
}

func (t *hotTable) get(hash uint32, surface string) *hotWord {
	a, b := t.pair(hash)
	if w := a.Load(); w != nil && w.is(surface) {
		return w
	}
	if w := b.Load(); w != nil && w.is(surface) {
		return w
	}
	return nil
}

func (t *hotTable) put(hash uint32, w *hotWord) {
	a, b := t.pair(hash)
	if a.Load() == nil && a.CompareAndSwap(nil, w) {
		return
	}
	b.Store(w)
}

// is reports whether the entry holds the word surface.
func (w *hotWord) is(surface string) bool {
	return int(w.klen) == len(surface) && string(w.key[:w.klen]) == surface
}

func (w *hotWord) norm() string { return w.data[:w.nNorm] }
func (w *hotWord) stem() string { return w.data[w.nNorm : w.nNorm+w.nStem] }
func (w *hotWord) enc() string  { return w.data[w.nNorm+w.nStem:] }

// newHotWord copies a word's reading into a table entry, or returns nil for
// a word too long to keep. The strings are copied out of the text, so that
// the table never keeps a text alive.
func newHotWord(surface, norm, stem, enc string, a analysis) *hotWord {
	if len(surface) > hotKeyMax || len(norm) > 255 || len(stem) > 255 {
		return nil
	}
	w := &hotWord{klen: uint8(len(surface)), nNorm: uint8(len(norm)), nStem: uint8(len(stem)), procs: a.procIndex()}
	copy(w.key[:], surface)
	w.data = norm + stem + enc
	return w
}
