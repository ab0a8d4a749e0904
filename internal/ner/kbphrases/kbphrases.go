// Package kbphrases turns marsad's knowledge base into the phrase list the
// NER model's gazetteer is built from. It lives apart from package ner so
// that tagging never depends on the knowledge base: a trained model carries
// its own copy of the phrases.
package kbphrases

import (
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/ner"
)

// FromKB returns every Arabic name in k with its NER class (PERS, ORG, LOC,
// MISC) and every nationality adjective with the class ADJ, in the base's
// entry order.
func FromKB(k *kb.KB) []ner.Phrase {
	var out []ner.Phrase
	for _, e := range k.Entries() {
		class := e.NERClass()
		for _, n := range e.Names() {
			out = append(out, ner.Phrase{Name: n, Class: class})
		}
		for _, a := range e.Adjectives {
			out = append(out, ner.Phrase{Name: a, Class: "ADJ"})
		}
	}
	return out
}

// Default returns the gazetteer built from the embedded knowledge base.
func Default() (*ner.PhraseGazetteer, error) {
	k, err := kb.Default()
	if err != nil {
		return nil, err
	}
	return ner.NewPhraseGazetteer(FromKB(k)), nil
}
