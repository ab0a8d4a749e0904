package events

import (
	"github.com/marsad/marsad/internal/arabic"
)

// Clause openers: words that start a new predication inside a sentence.
// Subordinators introduce a prior or concurrent fact («بعد تحرير غريان»),
// relative pronouns a description of what came before them, and
// complementisers the content of a report («قالت إن قواتها سيطرت»).
var (
	subordinators = stemSet("بعد", "عقب", "اثر", "حيث", "عندما", "بينما", "فيما", "اذ", "لكن", "رغم",
		"بعدما", "حين", "حينما", "كما", "مما", "جراء", "بسبب", "نتيجه", "فور", "بينها", "اما", "منذ")
	causes          = stemSet("إثر", "عقب", "جراء", "نتيجة", "سبب")
	relatives       = stemSet("التي", "الذي", "الذين", "اللتين", "اللذين", "اللواتي", "اللاتي", "الذى")
	complementisers = stemSet("ان", "بان", "لان")
	// factualOpeners start a clause that states a fact even inside a call
	// or a plan: «دعا إلى التهدئة بعد مقتل خمسة».
	factualOpeners = stemSet("بعد", "عقب", "اثر", "بعدما", "جراء", "بسبب", "نتيجه", "فور")
)

// clauseBreaks are punctuation marks that end a clause.
var clauseBreaks = map[string]bool{
	"،": true, ",": true, "؛": true, ";": true, ":": true, "(": true, ")": true,
	"-": true, "–": true, "—": true, "[": true, "]": true,
}

func stemSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// splitClauses divides tokens [first, end) of a sentence into clauses.
func (c *docContext) splitClauses(first, end int) []clause {
	var out []clause
	start := first
	cut := func(at int) {
		if at > start {
			out = append(out, clause{start, at})
		}
		start = at
	}
	toks := c.v.toks
	for i := first; i < end; i++ {
		t := &toks[i]
		if t.Kind == arabic.Punct {
			if clauseBreaks[t.Norm] {
				cut(i)
				start = i + 1
			}
			continue
		}
		if t.Kind != arabic.Word || i == start {
			continue
		}
		if c.opensClause(i, end) {
			cut(i)
		}
	}
	if end > start {
		out = append(out, clause{start, end})
	}
	if len(out) == 0 {
		out = append(out, clause{first, end})
	}
	return out
}

// opensClause reports whether word token i starts a new clause.
func (c *docContext) opensClause(i, end int) bool {
	t := &c.v.toks[i]
	stem := t.Stem
	switch {
	case relatives[t.Norm] || relatives[stem] && t.HasArticle():
		return true
	case complementisers[stem] && len(t.Proclitics()) <= 1:
		return true
	case stem == "قبل":
		// «قبل أن» opens a clause; «قبل 14 شهرا» is a date.
		return i+1 < end && c.v.is(i+1, "ان")
	case (responseWords[stem] || protestObjectWords[stem]) && len(t.Proclitics()) == 0:
		// «ردا على اغتيال ...», «انتقاما لمقتل ...», «احتجاجا على مقتل
		// ...», «تنديدا بالقصف»: what was answered or protested.
		if i+1 >= end {
			return false
		}
		next := c.v.toks[i+1].Proclitics()
		return c.v.is(i+1, "علي") || len(next) > 0 && (next[0] == "ل" || next[0] == "ب" && protestObjectWords[stem])
	case chargeWords[stem] && hasProclitic(t, "ب"):
		// «اعتقلت 20 شخصا بتهمة التعاون مع الجيش»: the charge, whose
		// parties are not the event's.
		return true
	case subordinators[stem] || subordinators[t.Norm]:
		// «بعد يومين» is a date, not a clause.
		return !(stem == "بعد" && i+1 < end && c.v.toks[i+1].Kind == arabic.Number)
	}
	// A conjoined finite verb starts a new predication: «وتقدمت», «واتجهت».
	if hasConjunction(t) && c.lex.verbs[stem] {
		return true
	}
	return false
}

// chargeWords, after ب, give the reason alleged for an arrest or an attack.
var chargeWords = stemSet("تهمة", "تهم", "دعوى", "حجة", "ذريعة")

// hasConjunction reports whether a token starts with و or ف.
func hasConjunction(t *arabic.Token) bool {
	return len(t.Proclitics()) > 0 && (t.Proclitics()[0] == "و" || t.Proclitics()[0] == "ف")
}

// clauseOf returns the index of the clause of sentence s holding token i.
func (s *sentence) clauseOf(i int) int {
	for k, cl := range s.clauses {
		if i >= cl.first && i < cl.end {
			return k
		}
	}
	// A punctuation token between clauses belongs to the one before it.
	for k := len(s.clauses) - 1; k >= 0; k-- {
		if s.clauses[k].first <= i {
			return k
		}
	}
	return 0
}
