package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Feature templates. Each feature is mix(template, value hash); the numbers
// are part of the model format, so append new ones and never renumber.
const (
	tBias uint64 = iota + 1
	tNorm
	tNormPrev
	tNormNext
	tNormPrev2
	tNormNext2
	tBigramPrev
	tBigramNext
	tStem
	tStemPrev
	tStemNext
	tProc
	tPrefix
	tSuffix
	tStemPrefix
	tStemSuffix
	tShape
	tLength
	tCue
	tCuePrev
	tCuePrev2
	tCueNext
	tGaz
	tGazPrev
	tGazNext
	_ // 26–28: reserved (word-cluster features, not used)
	_
	_
	tRaw
	_ // 30–33: reserved
	_
	_
	_
	tCharGram
	tName
	tNamePrev
	tNameNext
	tMem
	tMemStem
	tMemPrev
	tMemNext
	tDoc
	tDocStem
	tDocPrev
	tDocNext
	tGazMem
	tNameMem
	tDict
	tDictPrev
	tDictNext
	tDictMem
	tDictCuePrev
	tDictPair
	tGazPart
	tGazPartPrev
	tGazPartNext
	tLike
	tLikePrev
	tLikeNext
	tLikeDict
	tLikeMem
)

// tokenInfo is what the templates read about one token, computed once per
// sentence.
type tokenInfo struct {
	norm, stem   string
	hNorm, hStem uint64
	hProc        uint64
	hRaw         uint64
	hShape       uint64
	length       int
	cue          uint8
	name         uint8  // name-lexicon class bits
	dict         uint8  // dictionary class (dictUnknown...)
	like         uint64 // name-scorer verdict
	gaz          uint64 // hash of the gazetteer tag; 0 when none
	gazType      uint64 // hash of its entity type; 0 when none
	gazPart      uint8  // types of the gazetteer names the word is part of
	mem, memStem uint64 // label-memory summaries
	doc, docStem uint64 // document summaries (second pass only)
}

// Hashes standing for the positions before the first and after the last
// token of a sentence.
var (
	hBOS = hashString("<s>")
	hEOS = hashString("</s>")
)

// extractor turns sentences into feature hashes. It keeps buffers between
// sentences, so one extractor serves one goroutine.
type extractor struct {
	gaz    *PhraseGazetteer
	names  map[string]uint8
	memory *memoryTable
	dict   *WordDict
	scorer *nameScorer
	grams  []uint64
	// likeOf caches the scorer's verdicts by stem: news repeats its words.
	likeOf map[string]uint64
	// cacheWords keeps each word's attributes in wordCache. Only a tagger
	// may: training swaps the memory table between folds.
	cacheWords bool
	wordCache  map[string]wordInfo
	// useDoc adds the document features of the second pass.
	useDoc  bool
	infos   []tokenInfo
	norms   []string
	gazTags []string
}

// nameLike returns the name scorer's verdict on a stem.
func (x *extractor) nameLike(stem string) uint64 {
	if v, ok := x.likeOf[stem]; ok {
		return v
	}
	if x.likeOf == nil || len(x.likeOf) >= 1<<16 {
		x.likeOf = make(map[string]uint64, 1024)
	}
	var v uint64
	v, x.grams = x.scorer.verdict(stem, x.grams)
	x.likeOf[stem] = v
	return v
}

// prepare computes the per-token attributes of a sentence. norms, when not
// nil, are the words' normalised forms; doc, when the extractor uses
// document features, holds two summaries per word (see docSummaries).
func (x *extractor) prepare(words, norms []string, doc []uint64) {
	if cap(x.infos) < len(words) {
		x.infos = make([]tokenInfo, len(words), 2*len(words))
	}
	x.infos = x.infos[:len(words)]
	if norms == nil {
		x.norms = grow(x.norms, len(words))
		for i, w := range words {
			x.norms[i] = arabic.Normalize(w)
		}
		norms = x.norms
	}
	var gazTags []string
	if x.gaz != nil {
		x.gazTags = grow(x.gazTags, len(words))
		gazTags = x.gaz.tagNorms(norms, x.gazTags)
	}
	for i, w := range words {
		in := &x.infos[i]
		wi := x.word(norms[i])
		*in = tokenInfo{
			norm: norms[i], stem: wi.stem,
			hNorm: wi.hNorm, hStem: wi.hStem, hProc: wi.hProc,
			hRaw:   hashString(w),
			hShape: shapeHash(w),
			length: wi.length, cue: wi.cue, gazPart: wi.gazPart,
			name: wi.name, dict: wi.dict, like: wi.like, mem: wi.mem, memStem: wi.memStem,
		}
		if i < len(gazTags) && gazTags[i] != "" {
			in.gaz = hashString(gazTags[i])
			_, typ := splitTag(gazTags[i])
			in.gazType = hashString(typ)
		}
		if x.useDoc {
			in.doc, in.docStem = doc[2*i], doc[2*i+1]
		}
	}
}

// wordInfo is the part of a token's attributes that depends on its
// normalised form alone.
type wordInfo struct {
	stem                string
	hNorm, hStem, hProc uint64
	length              int
	cue, gazPart, name  uint8
	dict                uint8
	like, mem, memStem  uint64
}

// word returns the attributes of a normalised word, from the cache when
// the extractor keeps one: news repeats its words, and the dictionary,
// gazetteer and memory lookups are most of what a token costs.
func (x *extractor) word(norm string) wordInfo {
	if wi, ok := x.wordCache[norm]; ok {
		return wi
	}
	proc, stem := segmentNorm(norm)
	wi := wordInfo{
		stem:  stem,
		hNorm: hashString(norm), hStem: hashString(stem), hProc: hashString(proc),
		length: utf8.RuneCountInString(norm),
		cue:    cueClass(norm, stem),
	}
	if x.gaz != nil {
		wi.gazPart = x.gaz.partBits(norm, stem)
	}
	if x.names != nil {
		wi.name = x.names[norm] | x.names[stem]
	}
	if x.dict != nil {
		wi.dict = x.dict.class(norm)
	}
	if x.scorer != nil {
		wi.like = x.nameLike(stem)
	}
	if x.memory != nil {
		wi.mem = x.memory.feature(norm, false)
		wi.memStem = x.memory.feature(stem, true)
	}
	if x.cacheWords {
		if x.wordCache == nil || len(x.wordCache) >= 1<<16 {
			x.wordCache = make(map[string]wordInfo, 1024)
		}
		x.wordCache[strings.Clone(norm)] = wi
	}
	return wi
}

// numIdentity is how many features at the front of a token's list name the
// word itself; training drops them now and then (see TrainConfig.Dropout).
const numIdentity = 5

// features appends the feature hashes of token i to out, the numIdentity
// word-identity features first.
func (x *extractor) features(i int, out []uint64) []uint64 {
	in := &x.infos[i]
	prev, next := x.normAt(i-1), x.normAt(i+1)
	raw := in.hRaw
	if raw == in.hNorm {
		raw = 0 // the raw form adds nothing; one shared feature stands for that
	}
	out = append(out,
		mix(tNorm, in.hNorm),
		mix(mix(tBigramPrev, prev), in.hNorm),
		mix(mix(tBigramNext, in.hNorm), next),
		mix(tStem, in.hStem),
		mix(tRaw, raw),
		mix(tBias, 0),
		mix(tNormPrev, prev),
		mix(tNormNext, next),
		mix(tNormPrev2, x.normAt(i-2)),
		mix(tNormNext2, x.normAt(i+2)),
		mix(tStemPrev, x.stemAt(i-1)),
		mix(tStemNext, x.stemAt(i+1)),
		mix(tProc, in.hProc),
		mix(tShape, in.hShape),
		mix(tLength, uint64(min(in.length, 12))),
		mix(tCue, uint64(in.cue)),
		mix(tCuePrev, uint64(x.cueAt(i-1))),
		mix(tCuePrev2, uint64(x.cueAt(i-2))),
		mix(tCueNext, uint64(x.cueAt(i+1))),
	)
	out = appendAffixes(out, tPrefix, tSuffix, in.norm)
	out = appendCharGrams(out, in.stem)
	if in.stem != in.norm {
		out = appendAffixes(out, tStemPrefix, tStemSuffix, in.stem)
	}
	if x.gaz != nil {
		out = append(out,
			mix(tGaz, in.gaz),
			mix(tGazPrev, x.gazTypeAt(i-1)),
			mix(tGazNext, x.gazTypeAt(i+1)),
			// Gazetteer evidence counts most for words training never
			// showed; the memory summary says which those are.
			mix(mix(tGazMem, in.gaz), in.mem),
			// A word of a known multi-word name («حفتر» of «خليفة
			// حفتر») is evidence in names the list lacks.
			mix(tGazPart, uint64(in.gazPart)),
			mix(tGazPartPrev, uint64(x.partAt(i-1))),
			mix(tGazPartNext, uint64(x.partAt(i+1))),
		)
	}
	if x.names != nil {
		out = append(out,
			mix(tName, uint64(in.name)),
			mix(tNamePrev, uint64(x.nameAt(i-1))),
			mix(tNameNext, uint64(x.nameAt(i+1))),
			mix(mix(tNameMem, uint64(in.name)), in.mem),
		)
	}
	if x.dict != nil {
		seen := uint64(0) // never seen in training
		if in.mem != 0 {
			seen = 1 + in.mem>>16&1 // seen; ever part of an entity
		}
		out = append(out,
			mix(tDict, uint64(in.dict)),
			mix(tDictPrev, uint64(x.dictAt(i-1))),
			mix(tDictNext, uint64(x.dictAt(i+1))),
			mix(mix(tDictMem, uint64(in.dict)), seen),
			mix(mix(tDictCuePrev, uint64(in.dict)), uint64(x.cueAt(i-1))),
			mix(mix(tDictPair, uint64(in.dict)), uint64(x.dictAt(i+1))),
		)
	}
	if x.scorer != nil {
		seen := uint64(0)
		if in.mem != 0 {
			seen = 1 + in.mem>>16&1
		}
		out = append(out,
			mix(tLike, in.like),
			mix(tLikePrev, x.likeAt(i-1)),
			mix(tLikeNext, x.likeAt(i+1)),
			mix(mix(tLikeDict, in.like), uint64(in.dict)),
			mix(mix(tLikeMem, in.like), seen),
		)
	}
	if x.memory != nil {
		out = append(out,
			mix(tMem, in.mem),
			mix(tMemStem, in.memStem),
			mix(tMemPrev, x.memAt(i-1)),
			mix(tMemNext, x.memAt(i+1)),
		)
	}
	if x.useDoc {
		out = append(out,
			mix(tDoc, in.doc),
			mix(tDocStem, in.docStem),
			mix(tDocPrev, x.docAt(i-1)),
			mix(tDocNext, x.docAt(i+1)),
		)
	}
	return out
}

func (x *extractor) normAt(i int) uint64 {
	switch {
	case i < 0:
		return hBOS
	case i >= len(x.infos):
		return hEOS
	}
	return x.infos[i].hNorm
}

func (x *extractor) stemAt(i int) uint64 {
	switch {
	case i < 0:
		return hBOS
	case i >= len(x.infos):
		return hEOS
	}
	return x.infos[i].hStem
}

func (x *extractor) cueAt(i int) uint8 {
	if i < 0 || i >= len(x.infos) {
		return 255
	}
	return x.infos[i].cue
}

func (x *extractor) memAt(i int) uint64 {
	if i < 0 || i >= len(x.infos) {
		return 1 << 20
	}
	return x.infos[i].mem
}

func (x *extractor) docAt(i int) uint64 {
	if i < 0 || i >= len(x.infos) {
		return 1 << 20
	}
	return x.infos[i].doc
}

func (x *extractor) dictAt(i int) uint8 {
	if i < 0 || i >= len(x.infos) {
		return 255
	}
	return x.infos[i].dict
}

func (x *extractor) partAt(i int) uint8 {
	if i < 0 || i >= len(x.infos) {
		return 255
	}
	return x.infos[i].gazPart
}

func (x *extractor) likeAt(i int) uint64 {
	if i < 0 || i >= len(x.infos) {
		return 1 << 20
	}
	return x.infos[i].like
}

func (x *extractor) nameAt(i int) uint8 {
	if i < 0 || i >= len(x.infos) {
		return 255
	}
	return x.infos[i].name
}

func (x *extractor) gazTypeAt(i int) uint64 {
	if i < 0 || i >= len(x.infos) {
		return hBOS
	}
	return x.infos[i].gazType
}

// appendAffixes appends the prefixes and suffixes of 1–4 code points of s.
func appendAffixes(out []uint64, tPre, tSuf uint64, s string) []uint64 {
	n := 0
	for off := range s {
		if n > 0 && n <= 4 {
			out = append(out, mix(mix(tPre, uint64(n)), hashString(s[:off])))
		}
		n++
	}
	if n <= 4 && n > 0 {
		out = append(out, mix(mix(tPre, uint64(n)), hashString(s)))
	}
	end, k := len(s), 0
	for end > 0 && k < 4 {
		_, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
		k++
		out = append(out, mix(mix(tSuf, uint64(k)), hashString(s[end:])))
	}
	return out
}

// shapeHash hashes the script-class pattern of a raw token with repeats
// collapsed: «2011» → "d", «CNN» → "X", «(» → "p", «ب-52» → "apd".
func shapeHash(w string) uint64 {
	h := uint64(fnvOffset)
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case r >= '0' && r <= '9', r >= '٠' && r <= '٩', r >= '۰' && r <= '۹':
			c = 'd'
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0xFB50 && r <= 0xFEFF:
			if unicode.IsPunct(r) {
				c = 'p'
			} else {
				c = 'a'
			}
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			c = 'p'
		default:
			c = 'o'
		}
		if c != last {
			h ^= uint64(c)
			h *= fnvPrime
			last = c
		}
	}
	return h
}

// appendCharGrams appends the character trigrams of s with word boundaries
// marked, which lets the model learn the letter patterns of transliterated
// foreign names it never saw.
func appendCharGrams(out []uint64, s string) []uint64 {
	var offs [64]int
	n := 0
	for off := range s {
		if n == len(offs) {
			return out
		}
		offs[n] = off
		n++
	}
	if n < 2 {
		return out
	}
	// Boundary-marked grams: "^ab", "yz$", then inner trigrams.
	out = append(out, mix(mix(tCharGram, 1), hashString(s[:offs[min(2, n-1)]])))
	out = append(out, mix(mix(tCharGram, 2), hashString(s[offs[max(0, n-2)]:])))
	for i := 0; i+3 <= n; i++ {
		end := len(s)
		if i+3 < n {
			end = offs[i+3]
		}
		out = append(out, mix(tCharGram, hashString(s[offs[i]:end])))
	}
	return out
}
