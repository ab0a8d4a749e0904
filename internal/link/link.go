// Package link is marsad's entity-linking stage: it finds the people,
// organisations, armed groups, governments and places a document names,
// from knowledge-base matches and (when a tagger is given) NER spans, and
// links every mention to one knowledge-base entry or to a new entity. It
// resolves short forms within the article («حفتر» → «خليفة حفتر»), places
// by context («طرابلس» in a Libya article is Tripoli, Libya), and names
// whose referent depends on the writer's side («الجيش الليبي»), recording
// that decision in doc.Perspective.
package link

import (
	"fmt"
	"sync"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/kb"
)

// Tagger is a named-entity recogniser: one BIO tag (B-PERS, I-LOC, B-ORG,
// B-MISC, O...) per word of each sentence of a document. *ner.Model is one.
type Tagger interface {
	TagDocument(sents [][]string) [][]string
}

// Stage fills doc.Entities and doc.Perspective. It reads Body, Sentences
// and Tokens (tokenising Body itself when Tokens is empty). The zero value
// links with the embedded knowledge base and no NER tagger.
type Stage struct {
	// KB is the knowledge base; nil loads kb.Default() on first use.
	KB *kb.KB
	// NER finds names the knowledge base lacks; nil links known names only.
	NER Tagger

	once sync.Once
	base *kb.KB
	err  error
}

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return "link" }

func (s *Stage) kb() (*kb.KB, error) {
	s.once.Do(func() {
		s.base = s.KB
		if s.base == nil {
			s.base, s.err = kb.Default()
		}
	})
	return s.base, s.err
}

// Process implements pipeline.Stage.
func (s *Stage) Process(d *doc.Doc) error {
	base, err := s.kb()
	if err != nil {
		return fmt.Errorf("link: %w", err)
	}
	toks := d.Tokens
	if len(toks) == 0 && d.Body != "" {
		toks = arabic.Tokenize(d.Body)
	}
	if len(toks) == 0 {
		d.Entities, d.Perspective = nil, nil
		return nil
	}
	a := newArticle(d, toks, base)
	if s.NER != nil {
		a.tagNames(s.NER)
	}
	a.collect()
	a.resolve()
	a.corefer()
	d.Entities = a.entities()
	d.Perspective = a.perspective()
	return nil
}
