package ner

import (
	"fmt"
	"io"
	"sort"
)

// Counts holds entity-level counts for one entity type or for all types.
type Counts struct {
	Correct int // entities whose type and both boundaries match the gold
	Guessed int // entities in the prediction
	Gold    int // entities in the gold
}

// Precision is Correct/Guessed in percent (0 when nothing was guessed).
func (c Counts) Precision() float64 { return pct(c.Correct, c.Guessed) }

// Recall is Correct/Gold in percent (0 when the gold has no entity).
func (c Counts) Recall() float64 { return pct(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall, in percent.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Evaluation is an entity-level score computed exactly as the CoNLL
// conlleval script does for BIO tags.
type Evaluation struct {
	Overall Counts
	ByType  map[string]Counts
	Tokens  int
	// TokenCorrect counts tokens whose predicted tag equals the gold tag.
	TokenCorrect int
}

// Evaluator accumulates a conlleval score sentence by sentence.
type Evaluator struct {
	ev Evaluation
}

// NewEvaluator returns an empty evaluator.
func NewEvaluator() *Evaluator {
	return &Evaluator{ev: Evaluation{ByType: map[string]Counts{}}}
}

// Add scores one sentence; gold and pred must have the same length.
func (e *Evaluator) Add(gold, pred []string) error {
	if len(gold) != len(pred) {
		return fmt.Errorf("evaluate: %d gold tags but %d predicted", len(gold), len(pred))
	}
	// conlleval treats a sentence boundary as an O token, so each sentence
	// is scored with a trailing boundary and entities never cross sentences.
	lastG, lastGType, lastP, lastPType := "O", "", "O", ""
	inCorrect := false
	for i := 0; i <= len(gold); i++ {
		g, gType, p, pType := "O", "", "O", ""
		if i < len(gold) {
			g, gType = splitTag(gold[i])
			p, pType = splitTag(pred[i])
		}
		if inCorrect {
			gEnd := endOfChunk(lastG, g, lastGType, gType)
			pEnd := endOfChunk(lastP, p, lastPType, pType)
			switch {
			case gEnd && pEnd && lastPType == lastGType:
				inCorrect = false
				e.bump(lastGType, func(c *Counts) { c.Correct++ })
			case gEnd != pEnd || pType != gType:
				inCorrect = false
			}
		}
		gStart := startOfChunk(lastG, g, lastGType, gType)
		pStart := startOfChunk(lastP, p, lastPType, pType)
		if gStart && pStart && pType == gType {
			inCorrect = true
		}
		if gStart {
			e.bump(gType, func(c *Counts) { c.Gold++ })
		}
		if pStart {
			e.bump(pType, func(c *Counts) { c.Guessed++ })
		}
		if i < len(gold) {
			e.ev.Tokens++
			if gold[i] == pred[i] {
				e.ev.TokenCorrect++
			}
		}
		lastG, lastGType, lastP, lastPType = g, gType, p, pType
	}
	return nil
}

func (e *Evaluator) bump(typ string, f func(*Counts)) {
	f(&e.ev.Overall)
	c := e.ev.ByType[typ]
	f(&c)
	e.ev.ByType[typ] = c
}

// Result returns the score so far.
func (e *Evaluator) Result() Evaluation { return e.ev }

// endOfChunk reports whether a chunk ended between the previous and current
// token, condition for condition as conlleval's endOfChunk.
func endOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case prevTag == "B" && (tag == "B" || tag == "O"),
		prevTag == "I" && (tag == "B" || tag == "O"),
		prevTag == "E" && (tag == "E" || tag == "I" || tag == "O"),
		prevTag != "O" && prevTag != "." && prevType != typ,
		prevTag == "]" || prevTag == "[":
		return true
	}
	return false
}

// startOfChunk reports whether a chunk starts at the current token,
// condition for condition as conlleval's startOfChunk; notably an I- after O
// starts a chunk.
func startOfChunk(prevTag, tag, prevType, typ string) bool {
	switch {
	case tag == "B" && (prevTag == "B" || prevTag == "I" || prevTag == "O"),
		prevTag == "O" && (tag == "I" || tag == "E"),
		prevTag == "E" && (tag == "E" || tag == "I"),
		tag != "O" && tag != "." && prevType != typ,
		tag == "[" || tag == "]":
		return true
	}
	return false
}

// Write prints the evaluation in a conlleval-like layout.
func (ev Evaluation) Write(w io.Writer) {
	fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n",
		ev.Tokens, ev.Overall.Gold, ev.Overall.Guessed, ev.Overall.Correct)
	fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
		pct(ev.TokenCorrect, ev.Tokens), ev.Overall.Precision(), ev.Overall.Recall(), ev.Overall.F1())
	types := make([]string, 0, len(ev.ByType))
	for t := range ev.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := ev.ByType[t]
		fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n",
			t, c.Precision(), c.Recall(), c.F1(), c.Guessed)
	}
}
