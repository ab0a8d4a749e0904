package quotes

// participleCandidate reads «..., مضيفا أن...»: the speaker is that of the
// clause the participle continues.
func (a *analyser) participleCandidate(i int, s sentence) *candidate {
	vc := a.participleAt(i)
	c := newCandidate(cueParticiple, vc, i)
	c.mode = subjMain
	c.clause = a.backClause(i, s)
	c.content = a.contentAfter(i+1, s, vc, true)
	if c.content < 0 {
		return nil
	}
	return c
}

// attributionCandidate reads «بحسب X», «وفقا لـX», «نقلا عن X», «وفق
// قوله». Before its content («وبحسب X، فإن...») it opens a quote;
// after it, it attributes the clause before.
func (a *analyser) attributionCandidate(i int, s sentence) *candidate {
	prep, _ := a.attribution(i)
	c := newCandidate(cueAttribution, nil, i)
	j := i + 1
	if prep != "" {
		if j >= s.t1 || a.word(j) != prep {
			return nil
		}
		j++
		c.cueEnd = j
	}
	if j >= s.t1 || a.word(j) == "ما" {
		return nil // «بحسب ما قال X»: the verb is the cue
	}
	// «وفق بيان للتحالف الدولي»: the statement's author is the source.
	if a.inExact(j, statementNouns) && j+1 < s.t1 && a.prepOf(j+1) == "ل" {
		j++
	}
	prepStart := false
	switch {
	case a.text(j) == "لـ" || a.text(j) == "ل":
		j++
	case a.prepOf(j) == "ل":
		prepStart = true
		c.spFrom = a.toks[j].Start + 1
	}
	if j >= s.t1 {
		return nil
	}
	var e int
	if a.inExact(j, pronounAgents) {
		c.pronounAgent = true
		c.mode = subjPronoun
		c.cueEnd = j + 1
		e = j + 1
	} else {
		e = a.phraseEndFrom(j, s.t1, false, prepStart, nil)
		if e == j || !a.plausible(j, e) {
			return nil
		}
		c.sp0, c.sp1 = j, e
		if n0, n1 := a.transmitted(e, s); n1 > n0 {
			c.name0, c.name1, c.sp1 = n0, n1, n1
		}
	}
	c.clause = a.backClause(i, s)
	if c.clause == s.t0 && !c.pronounAgent {
		// Before the content: «وبحسب التقارير، فإن ...».
		q, _ := a.skipAdjuncts(c.sp1, s.t1, nil)
		if n := a.complementizer(q); n > 0 {
			q += n
		} else if a.inExact(q, resultQad) {
			q++ // «فقد قتل...»
		}
		if q >= s.t1 || !a.isWord(q) && !a.openQuote(q) {
			return nil
		}
		c.content = q
		return c
	}
	c.trailing = true
	return c
}

// transmitted reads the agent after a source phrase that ends at e:
// «شهادات نقلها | جنود كانوا تحت إمرته». It returns the agent's tokens,
// or e, e.
func (a *analyser) transmitted(e int, s sentence) (int, int) {
	if e >= s.t1 || !a.inExact(e, transmitVerbs) {
		return e, e
	}
	k := e + 1
	if a.inExact(k, withIt) {
		k++
	}
	end := a.phraseEnd(k, s.t1, false)
	if end == k {
		return e, e
	}
	return k, end
}

// cameInCandidate reads «وجاء في البيان أن...», «جاء فيه:».
func (a *analyser) cameInCandidate(i int, s sentence) *candidate {
	c := newCandidate(cueCameIn, objectCue, i)
	j := i + 1
	switch {
	case j < s.t1 && a.word(j) == "في":
		c.cueEnd = j + 1
		k := j + 1
		for k < s.t1 && a.inExact(k, contentNouns) {
			k++
		}
		e := a.phraseEnd(k, s.t1, false)
		if e == k || !a.plausible(k, e) {
			return nil
		}
		c.sp0, c.sp1 = k, e
		j = e
	case j < s.t1 && a.inExact(j, inIt):
		c.cueEnd = j + 1
		c.mode = subjPronoun
		j++
	default:
		return nil
	}
	c.clause = a.backClause(i, s)
	c.content = a.contentAfter(j, s, objectCue, true)
	if c.content < 0 {
		return nil
	}
	return c
}

var (
	statementNouns = words("بيان تصريح تصريحات تقرير إعلان بلاغ تغريدة منشور رسالة")
	withIt         = words("بها به")
	inIt           = words("فيه فيها فيهما")
	fromHim        = words("عنه عنها عنهم")
	resultQad      = words("فقد فلقد")
	transferCue    = &verbCue{lemma: "نقل"}
	relayedSpeech  = words("تأكيده تأكيدها تأكيدهم قوله قولها قولهم")
)

// objectCue is the content rule of constructions without a verb of their
// own: a complementizer, a quotation or a direct object.
var objectCue = &verbCue{lemma: "جاء", object: true}

// transferCandidate reads «ونقل الموقع عن مصدر عسكري قوله إن...»: the
// speaker is the source after «عن», the subject only relays it.
func (a *analyser) transferCandidate(i int, s sentence) *candidate {
	k := i + 1
	for ; k < s.t1 && k <= i+10; k++ {
		if a.word(k) == "عن" || a.inExact(k, fromHim) {
			break
		}
		if a.isTerminal(k) || a.complementizer(k) > 0 || a.verbAt(k) != nil {
			return nil
		}
	}
	if k >= s.t1 || k > i+10 {
		return nil
	}
	c := newCandidate(cueTransfer, objectCue, i)
	c.clause = a.backClause(i, s)
	from := a.toks[i].Start
	if a.conj[i] {
		from++
	}
	c.cueFrom = from
	c.cueText = string(a.runes[from:a.toks[i].End]) + " " + a.toks[k].Text
	j := k + 1
	if a.word(k) == "عن" {
		e := a.phraseEnd(j, s.t1, false)
		if e == j || !a.plausible(j, e) {
			return nil // «نقل الجرحى بعيدا عن المعارك»
		}
		c.sp0, c.sp1 = j, e
		j = e
	} else {
		c.mode = subjPronoun
	}
	if a.inExact(j, pronounAgents) || a.inExact(j, relayedSpeech) {
		j++
	}
	// «عن مصدر ...، والذي ...، إن»: look for the «إن» past a relative
	// clause before taking a direct object as the content.
	c.content = a.contentAfter(j, s, transferCue, false)
	if c.content < 0 {
		c.content = a.contentAfter(j, s, objectCue, true)
	}
	if c.content < 0 {
		return nil
	}
	return c
}

// titledCandidate reads «نشر موقع “...” مقالا بعنوان “...”»: the title is
// what the publisher says.
func (a *analyser) titledCandidate(i int, s sentence) *candidate {
	if !a.openQuote(i + 1) {
		return nil
	}
	k := i - 1
	for k >= s.t0 && !a.inExact(k, publishVerbs) {
		if a.isTerminal(k) {
			return nil
		}
		k--
	}
	if k < s.t0 {
		return nil
	}
	c := newCandidate(cueTitled, objectCue, k)
	c.clause = a.backClause(k, s)
	e := a.phraseEnd(k+1, i, false)
	if e > k+1 && a.plausible(k+1, e) {
		c.sp0, c.sp1 = k+1, e
	} else {
		c.mode = subjPronoun
	}
	c.content = i + 1
	return c
}
