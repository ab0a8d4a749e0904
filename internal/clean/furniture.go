package clean

import (
	"github.com/marsad/marsad/internal/meta"
	"strings"
	"unicode/utf8"
)

// Reasons a line is page furniture rather than article text. They are
// reported per line (Decision.Reason) so a wrong call can be traced.
const (
	whyLabel     = "metadata line"
	whyDate      = "date stamp"
	whyComments  = "comment section"
	whyList      = "related/tags list"
	whyListItem  = "list item"
	whyForm      = "comment form or captcha"
	whyCopyright = "copyright or site link"
	whyShare     = "share buttons"
	whyMenu      = "menu or breadcrumb"
	whyForeign   = "not Arabic"
	whyCaption   = "image caption"
	whyNoise     = "no words"
	whyHeader    = "before the article"
	whyTail      = "after the article"
)

// label is a "Name: value" metadata line.
type label struct {
	kind  string // "date", "updated", "source", "byline"
	value string
}

// furniture says why l is page furniture on its own, whatever surrounds
// it; "" when it may be article text. lab is set for metadata lines.
func furniture(l line) (why string, lab *label) {
	if l.letters == 0 && l.digits == 0 {
		return whyNoise, nil
	}
	if lab := labelOf(l); lab != nil {
		return whyLabel, lab
	}
	if l.words <= 5 {
		if inner, ok := bracketed(l.text); ok {
			return whyLabel, &label{"credit", inner} // «(أ ف ب)» on its own line
		}
	}
	if l.words <= 6 {
		if credit, ok := datelineCredit(l.text); ok {
			return whyLabel, &label{"credit", credit} // «صنعاء - أ ف ب» on its own line
		}
	}
	if l.words <= 16 && isDateLine(l.fold) {
		return whyDate, nil
	}
	if l.words <= 6 && commentCues.starts(l.fold) > 0 || l.words <= 3 && commentCounts.has(strings.Trim(l.fold, "0123456789 ")) {
		return whyComments, nil
	}
	if n := listCues.starts(l.fold); n > 0 && (l.words <= 6 || colonAfterCue(l.text)) {
		return whyList, nil
	}
	if l.words <= 30 && formCues.contains(l.fold) {
		return whyForm, nil
	}
	if l.words <= 6 && strings.HasSuffix(l.text, "*") {
		return whyForm, nil // a form field: «الاسم *»
	}
	if isMenu(l) {
		return whyMenu, nil
	}
	if (l.words <= 8 && shareCues.starts(l.fold) > 0) || (l.words <= 12 && socialNames.count(l.fold) >= 2) {
		return whyShare, nil
	}
	if l.words <= 20 && (strings.Contains(l.text, "©") || copyrightCues.contains(l.fold)) {
		return whyCopyright, nil
	}
	if l.isForeign() {
		return whyForeign, nil
	}
	if l.words <= 15 && !l.sentenceEnd && captionCues.starts(l.fold) > 0 {
		return whyCaption, nil
	}
	return "", nil
}

// bareBylines introduce a byline without a colon; «تحرير» or «إعداد» alone
// could as well start a heading («تحرير المنطقة الغربية»).
var bareBylines = folded("بقلم", "by", "written by")

var captionCues = folded("صورة", "الصورة", "صورة أرشيفية", "صور", "photo", "image", "file photo", "مصدر الصورة")

// colonAfterCue reports whether a list cue is followed by a colon that
// introduces inline items: «اقرأ أيضاً: …».
func colonAfterCue(text string) bool {
	i := strings.IndexAny(text, ":：")
	return i >= 0 && utf8.RuneCountInString(text[:i]) <= 24
}

// labelOf reads a metadata line such as "Date: Jun 6, 2020", «المصدر: رويترز»
// or «بقلم محمد علي»; nil when l is not one.
func labelOf(l line) *label {
	if l.words > 12 {
		return nil
	}
	name, value, colon := strings.Cut(l.text, ":")
	if !colon {
		name, value, colon = strings.Cut(l.text, "：")
	}
	if colon {
		f := fold(name)
		value = strings.TrimSpace(value)
		switch {
		case dateLabels.has(f) && value != "":
			return &label{"date", value}
		case updateLabels.has(f) && value != "":
			return &label{"updated", value}
		case sourceLabels.has(f) && value != "" && l.words <= 8:
			return &label{"source", value}
		case bylineLabels.has(f) && l.words <= 8:
			return &label{"byline", value}
		}
		return nil
	}
	// Without a colon only a date label followed by a date, or a short
	// byline, can be told from a sentence.
	if n := dateLabels.starts(l.fold); n > 0 {
		rest := strings.SplitN(l.fold, " ", n+1)
		if len(rest) == n+1 && isDateLine(rest[n]) {
			return &label{"date", dropWords(l.text, n)}
		}
	}
	if l.words <= 5 && bareBylines.starts(l.fold) > 0 && !l.sentenceEnd {
		return &label{"byline", l.text}
	}
	return nil
}

// dropWords returns s without its first n space-separated words.
func dropWords(s string, n int) string {
	for ; n > 0; n-- {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return ""
		}
		s = s[i+1:]
	}
	return s
}

// isMenu reports a navigation line: a breadcrumb («الرئيسية » أخبار »
// ليبيا»), a short line of section names, or section names run together
// with their spaces lost («الرئيسيتقاريرخبرسياسة»).
func isMenu(l line) bool {
	if l.words == 1 && l.longest >= 15 && l.arabic > 0 {
		return true // no real Arabic word is this long
	}
	if l.words > 15 || l.sentenceEnd {
		return false
	}
	seps := 0
	for _, r := range l.text {
		if strings.ContainsRune(breadcrumbSeps, r) {
			seps++
		}
	}
	var stack [32]string
	words := stack[:0]
	for w := range strings.FieldsSeq(l.fold) {
		words = append(words, w)
	}
	nav := 0
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) && navWords.has(words[i]+" "+words[i+1]) {
			nav += 2
			i++
		} else if navWords.has(words[i]) {
			nav++
		}
	}
	if nav == len(words) && nav >= 1 && l.words <= 10 {
		return true
	}
	// A breadcrumb: separators between short steps, starting from a
	// section name.
	return seps >= 2 && l.words <= 3*(seps+1) && nav >= 1
}

// bracketed returns the inside of a line that is one bracketed phrase.
func bracketed(text string) (string, bool) {
	if !strings.HasPrefix(text, "(") || !strings.HasSuffix(text, ")") || strings.Count(text, "(") != 1 {
		return "", false
	}
	return strings.TrimSpace(text[1 : len(text)-1]), true
}

// datelineCredit reads a dateline on a line of its own, a place and the
// agency after a dash or a slash («صنعاء - أ ف ب», «الخرطوم/ الأناضول»):
// the agency, when the part after the mark names one.
func datelineCredit(text string) (string, bool) {
	i := strings.IndexAny(text, "-–—/")
	if i <= 0 {
		return "", false
	}
	place, rest := strings.TrimSpace(text[:i]), strings.TrimSpace(strings.TrimLeft(text[i:], "-–—/ "))
	if place == "" || rest == "" || meta.CanonicalAgency(rest) == "" {
		return "", false
	}
	return rest, true
}
