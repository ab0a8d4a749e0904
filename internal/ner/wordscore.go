package ner

import "strings"

// Tagging looks up some seventy feature weights a token, and those lookups
// in a table of tens of megabytes are most of its time. About half the
// features depend on the word alone (its normal form and what the
// dictionary, gazetteer, memory and name scorer say of it), so their summed
// weights are computed once per word type and stage and kept; only the
// features that look at the neighbours, the surface form or the document
// are looked up for each token. The two lists below together are exactly
// the list features builds for training (TestSplitFeatures checks it), in
// another order, which does not change an integer sum.

// wordFeatures appends the features of token i that depend on its
// normalised form alone.
func (x *extractor) wordFeatures(i int, out []uint64) []uint64 {
	in := &x.infos[i]
	out = append(out,
		mix(tNorm, in.hNorm),
		mix(tStem, in.hStem),
		mix(tBias, 0),
		mix(tProc, in.hProc),
		mix(tLength, uint64(min(in.length, 12))),
		mix(tCue, uint64(in.cue)),
	)
	out = appendAffixes(out, tPrefix, tSuffix, in.norm)
	out = appendCharGrams(out, in.stem)
	if in.stem != in.norm {
		out = appendAffixes(out, tStemPrefix, tStemSuffix, in.stem)
	}
	if x.gaz != nil {
		out = append(out, mix(tGazPart, uint64(in.gazPart)))
	}
	if x.names != nil {
		out = append(out,
			mix(tName, uint64(in.name)),
			mix(mix(tNameMem, uint64(in.name)), in.mem),
		)
	}
	seen := uint64(0) // never seen in training
	if in.mem != 0 {
		seen = 1 + in.mem>>16&1 // seen; ever part of an entity
	}
	if x.dict != nil {
		out = append(out,
			mix(tDict, uint64(in.dict)),
			mix(mix(tDictMem, uint64(in.dict)), seen),
		)
	}
	if x.scorer != nil {
		out = append(out,
			mix(tLike, in.like),
			mix(mix(tLikeDict, in.like), uint64(in.dict)),
			mix(mix(tLikeMem, in.like), seen),
		)
	}
	if x.memory != nil {
		out = append(out,
			mix(tMem, in.mem),
			mix(tMemStem, in.memStem),
		)
	}
	return out
}

// contextFeatures appends the other features of token i: those of its
// neighbours, its surface form, its place in a gazetteer phrase and its
// document.
func (x *extractor) contextFeatures(i int, out []uint64) []uint64 {
	in := &x.infos[i]
	prev, next := x.normAt(i-1), x.normAt(i+1)
	raw := in.hRaw
	if raw == in.hNorm {
		raw = 0
	}
	out = append(out,
		mix(mix(tBigramPrev, prev), in.hNorm),
		mix(mix(tBigramNext, in.hNorm), next),
		mix(tRaw, raw),
		mix(tNormPrev, prev),
		mix(tNormNext, next),
		mix(tNormPrev2, x.normAt(i-2)),
		mix(tNormNext2, x.normAt(i+2)),
		mix(tStemPrev, x.stemAt(i-1)),
		mix(tStemNext, x.stemAt(i+1)),
		mix(tShape, in.hShape),
		mix(tCuePrev, uint64(x.cueAt(i-1))),
		mix(tCuePrev2, uint64(x.cueAt(i-2))),
		mix(tCueNext, uint64(x.cueAt(i+1))),
	)
	if x.gaz != nil {
		out = append(out,
			mix(tGaz, in.gaz),
			mix(tGazPrev, x.gazTypeAt(i-1)),
			mix(tGazNext, x.gazTypeAt(i+1)),
			mix(mix(tGazMem, in.gaz), in.mem),
			mix(tGazPartPrev, uint64(x.partAt(i-1))),
			mix(tGazPartNext, uint64(x.partAt(i+1))),
		)
	}
	if x.names != nil {
		out = append(out,
			mix(tNamePrev, uint64(x.nameAt(i-1))),
			mix(tNameNext, uint64(x.nameAt(i+1))),
		)
	}
	if x.dict != nil {
		out = append(out,
			mix(tDictPrev, uint64(x.dictAt(i-1))),
			mix(tDictNext, uint64(x.dictAt(i+1))),
			mix(mix(tDictCuePrev, uint64(in.dict)), uint64(x.cueAt(i-1))),
			mix(mix(tDictPair, uint64(in.dict)), uint64(x.dictAt(i+1))),
		)
	}
	if x.scorer != nil {
		out = append(out,
			mix(tLikePrev, x.likeAt(i-1)),
			mix(tLikeNext, x.likeAt(i+1)),
		)
	}
	if x.memory != nil {
		out = append(out,
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

// scores is a token's summed weights, one per label, before scaling.
type scores [numLabels]int32

// add sums the weights of feats under table t into acc.
func (t *weightTable) add(acc *scores, feats []uint64) {
	for _, f := range feats {
		if w := t.get(fixKey(f)); w != nil {
			for l, v := range w {
				acc[l] += int32(v)
			}
		}
	}
}

// wordScoreCache keeps, per stage, the summed weights of each word type's
// word features. It is bounded: a long stream starts it afresh.
type wordScoreCache struct {
	byStage []map[string]scores
}

const maxCachedWords = 1 << 16

// get returns the word-feature scores of token i under stage k of table t,
// computing them with buf when the word is new.
func (c *wordScoreCache) get(k int, t *weightTable, x *extractor, i int, buf []uint64) (scores, []uint64) {
	for len(c.byStage) <= k {
		c.byStage = append(c.byStage, nil)
	}
	norm := x.infos[i].norm
	if sc, ok := c.byStage[k][norm]; ok {
		return sc, buf
	}
	var sc scores
	buf = x.wordFeatures(i, buf[:0])
	t.add(&sc, buf)
	if c.byStage[k] == nil || len(c.byStage[k]) >= maxCachedWords {
		c.byStage[k] = make(map[string]scores, 1024)
	}
	c.byStage[k][strings.Clone(norm)] = sc
	return sc, buf
}
