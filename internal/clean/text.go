// Package clean finds the article in what a scraper or a browser saved: it
// removes the page furniture around scraped Arabic plain text (menus,
// breadcrumbs, date stamps, related-news lists, tags, share buttons, comment
// forms, captchas, copyright lines), extracts the main text of HTML pages,
// and finds the headline. No library does this for Arabic plain text.
//
// The classifier reads general signals rather than outlets' exact strings:
// line length in words, whether a line ends as a sentence does, its share of
// Arabic letters, its position relative to the block of running paragraphs,
// whether it heads or belongs to a list, and a small vocabulary of cue words
// («اقرأ أيضاً», «الوسوم», "Related News", «جميع الحقوق محفوظة») matched in
// normalised form on short lines only.
package clean

import "strings"

// Kind is what a line of the input turned out to be.
type Kind uint8

// Line kinds.
const (
	Blank       Kind = iota
	Body             // article text: a paragraph or a heading inside the article
	Title            // the headline
	Boilerplate      // page furniture
)

func (k Kind) String() string {
	return [...]string{"blank", "body", "title", "boilerplate"}[k]
}

// Decision is the verdict on one input line.
type Decision struct {
	Line   int // 1-based
	Text   string
	Kind   Kind
	Reason string // why it is boilerplate; "" otherwise
}

// Options are what is known about a text before it is read.
type Options struct {
	// Title is a headline given with the input (a JSON field, an HTML
	// title). The text is not searched for another one; a line repeating it
	// is dropped from the body.
	Title string
}

// Result is the article found in a text.
type Result struct {
	Title      string
	Paragraphs []string // one per body line, white space collapsed
	// Date is a publication date as stated by the page: a labelled
	// "Date: …" line, or a date stamp between the headline and the text.
	Date string
	// Crawled is a date stamp that is not known to be the publication date:
	// one above the headline is usually the site header's "today", that is
	// the day of the crawl. A later stage decides whether to trust it.
	Crawled string
	// Source is the value of a «المصدر:»/"Source:" line.
	Source string
	// Credit is a bracketed credit on a line of its own, «(أ ف ب)»: an
	// agency's, when it names one.
	Credit    string
	Decisions []Decision

	paragraphRunes []int  // code points of each paragraph
	script         script // the letters of the paragraphs
}

// Text finds the article in scraped plain text.
func Text(raw string, opts Options) Result {
	rawLines := splitLines(raw)
	ls := make([]line, len(rawLines))
	why := make([]string, len(rawLines))
	labels := make([]*label, len(rawLines))
	for i, r := range rawLines {
		ls[i] = newLine(r)
		if !ls[i].blank() {
			why[i], labels[i] = furniture(ls[i])
		}
	}
	c := &cleaner{ls: ls, why: why, labels: labels, kind: make([]Kind, len(ls)), opts: opts, title: -1}
	c.run()
	return c.result()
}

// splitLines splits on \n, \r\n and \r.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

type cleaner struct {
	ls     []line
	why    []string // furniture reason per line; "" for possible text
	labels []*label
	kind   []Kind
	opts   Options
	title  int // index of the headline line; -1 when none
	start  int // first line of the article text
	end    int // last line of the article text
}

func (c *cleaner) run() {
	for i := range c.ls {
		if c.ls[i].blank() {
			c.kind[i] = Blank
		} else {
			c.kind[i] = Boilerplate
		}
	}
	if !c.findBlock() {
		return
	}
	c.markBody()
	c.markHeader()
	for i := c.end + 1; i < len(c.ls); i++ {
		if c.kind[i] != Blank && c.why[i] == "" {
			c.why[i] = whyTail
		}
	}
}

// text reports whether line i may be article text.
func (c *cleaner) text(i int) bool { return !c.ls[i].blank() && c.why[i] == "" }

// findBlock finds the article's extent: from the first to the last line
// that reads as a paragraph, stopping at the comment section, then widened
// by the short sentences that touch it.
func (c *cleaner) findBlock() bool {
	core := c.core(func(l line) bool { return l.paragraph() })
	if len(core) == 0 {
		// Text scraped without its punctuation: sentences, or lines longer
		// than headlines run.
		core = c.core(func(l line) bool { return l.sentence() || l.isArabic() && l.words >= 9 })
	}
	if len(core) == 0 {
		core = c.core(func(l line) bool { return l.isArabic() && l.words >= 3 })
	}
	if len(core) == 0 {
		return false
	}
	c.start, c.end = core[0], core[len(core)-1]
	// Nothing after the comment section is the article: readers' comments
	// read like paragraphs.
	for i := c.start + 1; i <= c.end; i++ {
		if c.why[i] == whyComments {
			c.end = c.start
			for _, k := range core {
				if k < i {
					c.end = k
				}
			}
			break
		}
	}
	// A short first paragraph ending with a full stop belongs to the text.
	for j := c.prevNonBlank(c.start); j >= 0 && c.text(j) && c.ls[j].periodEnd && c.ls[j].words >= 5 && c.ls[j].isArabic(); j = c.prevNonBlank(j) {
		c.start = j
	}
	// Short closing sentences belong to it too, and a last paragraph that
	// lost its full stop (longer than a headline runs).
	for j := c.nextNonBlank(c.end); j >= 0 && c.text(j) && (c.ls[j].sentence() || c.ls[j].isArabic() && c.ls[j].words >= 13); j = c.nextNonBlank(j) {
		c.end = j
	}
	return true
}

// core lists the lines that may be text and satisfy ok.
func (c *cleaner) core(ok func(line) bool) []int {
	var out []int
	for i, l := range c.ls {
		if c.text(i) && ok(l) {
			out = append(out, i)
		}
	}
	return out
}

func (c *cleaner) prevNonBlank(i int) int {
	for i--; i >= 0 && c.ls[i].blank(); i-- {
	}
	return i
}

func (c *cleaner) nextNonBlank(i int) int {
	for i++; i < len(c.ls) && c.ls[i].blank(); i++ {
	}
	if i >= len(c.ls) {
		return -1
	}
	return i
}

// markBody decides the lines between start and end. Headings stay; a list
// cue («اقرأ أيضاً», «محتوى ذو صلة») and the items under it go, up to the
// next paragraph. A short line right before that paragraph, once at least
// one item has gone, is read as the next heading.
func (c *cleaner) markBody() {
	inList, items := false, 0
	for i := c.start; i <= c.end; i++ {
		l := c.ls[i]
		switch {
		case l.blank():
		case c.why[i] == whyList:
			inList, items = true, 0
			if colonAfterCue(l.text) && l.words > 3 {
				items = 1
			}
		case c.why[i] != "":
		case inList && l.paragraph():
			inList = false
			c.kind[i] = Body
		case inList:
			if next := c.nextNonBlank(i); items > 0 && l.words <= 5 && l.isArabic() && next >= 0 && c.text(next) && c.ls[next].paragraph() {
				inList = false
				c.kind[i] = Body
				continue
			}
			items++
			c.why[i] = whyListItem
		default:
			c.kind[i] = Body
		}
	}
}

// markHeader finds the headline among the lines before the text: the
// nearest headline-shaped line above the first paragraph. Lines above it
// are menus, tickers and the like. A long line right under a shorter
// headline is a standfirst and is kept as text.
func (c *cleaner) markHeader() {
	var cands []int
	for i := 0; i < c.start; i++ {
		if c.text(i) && headline(c.ls[i]) {
			cands = append(cands, i)
		}
	}
	if c.opts.Title != "" {
		t := fold(c.opts.Title)
		for _, i := range cands {
			if sameTitle(c.ls[i].fold, t) {
				c.kind[i] = Title
				c.title = i
			}
		}
		return
	}
	if len(cands) == 0 {
		return
	}
	t := cands[len(cands)-1]
	if len(cands) > 1 {
		prev := cands[len(cands)-2]
		switch {
		case c.ls[t].words >= 15 && c.ls[prev].words < c.ls[t].words && c.onlyMetadataBetween(prev, t):
			// A headline and its standfirst: the standfirst is text.
			c.kind[t] = Body
			t = prev
		case c.ls[t].words <= 4 && c.ls[prev].words > c.ls[t].words && c.onlyMetadataBetween(prev, t):
			// A headline and a byline without a label («محمد علي - طرابلس»).
			c.why[t] = whyLabel
			t = prev
		}
	}
	c.kind[t] = Title
	c.title = t
	// Between the headline and the text: a standfirst stays, the rest goes.
	for i := t + 1; i < c.start; i++ {
		if c.text(i) && c.ls[i].isArabic() && c.ls[i].words >= 8 {
			c.kind[i] = Body
		}
	}
}

// headline: the shape of a headline — a few words of Arabic, not ending
// with a full stop.
func headline(l line) bool {
	return l.isArabic() && l.words >= 2 && l.words <= 30 && l.letters >= 8 && !l.periodEnd
}

// onlyMetadataBetween reports whether the lines strictly between a and b
// are blank or metadata (date stamps, labels).
func (c *cleaner) onlyMetadataBetween(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if !c.ls[i].blank() && c.why[i] != whyDate && c.why[i] != whyLabel {
			return false
		}
	}
	return true
}

// sameTitle reports whether folded line f is the given title t (or one
// contains the other, as when a site appends its name to the title).
func sameTitle(f, t string) bool {
	if f == "" || t == "" {
		return false
	}
	if f == t {
		return true
	}
	short, long := f, t
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short)*3 >= len(long)*2 && strings.Contains(long, short)
}

func (c *cleaner) result() Result {
	var r Result
	if r.Title = squeeze(c.opts.Title); r.Title == "" && c.title >= 0 {
		r.Title = c.ls[c.title].text
	}
	r.Decisions = make([]Decision, len(c.ls))
	for i, l := range c.ls {
		d := Decision{Line: i + 1, Text: l.text, Kind: c.kind[i]}
		if d.Kind == Boilerplate {
			d.Reason = c.why[i]
			if d.Reason == "" {
				d.Reason = whyHeader
			}
		}
		r.Decisions[i] = d
		if d.Kind == Body {
			r.Paragraphs = append(r.Paragraphs, l.text)
			r.paragraphRunes = append(r.paragraphRunes, l.runes)
			r.script.plus(l.script)
		}
	}
	c.metadata(&r)
	return r
}

// metadata collects the labelled values and date stamps. A date stamp
// between the headline and the text, or after the text, is the stated
// date; one above the headline (or above the text when there is no
// headline) is kept as Crawled.
func (c *cleaner) metadata(r *Result) {
	var updated string
	for _, lab := range c.labels {
		switch {
		case lab == nil:
		case lab.kind == "date" && r.Date == "":
			r.Date = lab.value
		case lab.kind == "updated" && updated == "":
			updated = lab.value
		case lab.kind == "source" && r.Source == "":
			r.Source = lab.value
		case lab.kind == "credit" && r.Credit == "":
			r.Credit = lab.value
		}
	}
	for i, l := range c.ls {
		if c.why[i] != whyDate {
			continue
		}
		above := (c.title >= 0 && i < c.title) || (c.title < 0 && i < c.start)
		if !above && r.Date == "" {
			r.Date = l.text
		} else if r.Crawled == "" && l.text != r.Date {
			r.Crawled = l.text
		}
	}
	if r.Date == "" {
		r.Date = updated
	}
}
