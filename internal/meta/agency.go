// Package meta reads an article's metadata: the wire agency it credits, the
// outlet that published it, and its publication date — stated by the page,
// or inferred as a window from the dates its text mentions (Stage), then
// narrowed by what else the text says of its time: its weekday, the age of
// its war, the landmarks and people it names (RefineStage, which runs once
// the text is linked; see refine.go).
package meta

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// agency is one wire or national news agency and the ways Arabic (and
// English) text names it.
type agency struct {
	name string // canonical name, as in record.Source.Agency
	// names are safe to match anywhere in running text.
	names []string
	// short forms (acronyms such as «وام», «أ ف ب») are ordinary words or
	// letters too, so they count only in a dateline or a credit: inside
	// brackets, after «وكالة», or between a place name and a dash.
	short []string
}

var agencies = []agency{
	{"Reuters", []string{"رويترز", "reuters"}, nil},
	{"AFP", []string{"فرانس برس", "فرانس بريس", "وكالة الصحافة الفرنسية", "agence france-presse", "afp"}, []string{"أ ف ب", "ا ف ب", "أ.ف.ب", "أ. ف. ب"}},
	{"AP", []string{"أسوشيتد برس", "أسوشييتد برس", "اسوشيتدبرس", "أسوشيتيد برس", "associated press"}, []string{"أ ب", "ap"}},
	{"Anadolu Agency", []string{"الأناضول", "anadolu agency", "anadolu"}, nil},
	{"dpa", []string{"وكالة الأنباء الألمانية", "dpa"}, []string{"د ب أ", "د.ب.أ", "الألمانية"}},
	{"Xinhua", []string{"شينخوا", "شينهوا", "xinhua"}, nil},
	{"Sputnik", []string{"سبوتنيك", "sputnik"}, nil},
	{"TASS", []string{"tass"}, []string{"تاس"}},
	{"RIA Novosti", []string{"ريا نوفوستي", "ria novosti"}, nil},
	{"EFE", []string{"efe"}, []string{"إيفي", "إفي"}},
	{"UPI", []string{"يونايتد برس", "upi"}, []string{"يو بي آي"}},
	{"IRNA", []string{"إرنا", "irna"}, nil},
	{"WAM", []string{"وكالة أنباء الإمارات", "wam"}, []string{"وام"}},
	{"SPA", []string{"وكالة الأنباء السعودية", "spa"}, []string{"واس"}},
	{"QNA", []string{"وكالة الأنباء القطرية", "qna"}, []string{"قنا"}},
	{"KUNA", []string{"وكالة الأنباء الكويتية", "kuna"}, []string{"كونا"}},
	{"BNA", []string{"وكالة أنباء البحرين", "bna"}, []string{"بنا"}},
	{"ONA", []string{"وكالة الأنباء العمانية"}, []string{"العمانية"}},
	{"Petra", []string{"وكالة الأنباء الأردنية", "petra"}, []string{"بترا"}},
	{"MENA", []string{"وكالة أنباء الشرق الأوسط", "mena"}, []string{"أ ش أ", "أ.ش.أ"}},
	{"SANA", []string{"وكالة الأنباء السورية", "sana"}, []string{"سانا"}},
	{"NNA", []string{"الوكالة الوطنية للإعلام"}, nil},
	{"INA", []string{"وكالة الأنباء العراقية"}, []string{"واع"}},
	{"SABA", []string{"وكالة الأنباء اليمنية", "saba"}, []string{"سبأ"}},
	{"SUNA", []string{"وكالة السودان للأنباء", "suna"}, []string{"سونا"}},
	{"LANA", []string{"وكالة الأنباء الليبية", "lana"}, []string{"وال", "لانا"}},
	{"APS", []string{"وكالة الأنباء الجزائرية"}, []string{"واج"}},
	{"TAP", []string{"وكالة تونس أفريقيا للأنباء"}, []string{"وات"}},
	{"MAP", []string{"وكالة المغرب العربي للأنباء", "لاماب"}, []string{"ومع"}},
	{"WAFA", []string{"وكالة الأنباء الفلسطينية"}, []string{"وفا"}},
	{"SOMA", []string{"وكالة الأنباء الصومالية"}, []string{"صونا"}},
}

// nameEntry is one way of naming an agency, as folded words.
type nameEntry struct {
	words  []string
	agency string
}

// longNames and shortNames index the names by their first folded word, so
// a text is scanned once, word by word.
var longNames, shortNames = func() (map[string][]nameEntry, map[string][]nameEntry) {
	long, short := map[string][]nameEntry{}, map[string][]nameEntry{}
	add := func(m map[string][]nameEntry, name, agency string) {
		w := strings.Fields(foldWords(name))
		m[w[0]] = append(m[w[0]], nameEntry{w, agency})
	}
	for _, a := range agencies {
		add(long, a.name, a.name)
		for _, n := range a.names {
			add(long, n, a.name)
		}
		for _, n := range a.short {
			add(short, n, a.name)
		}
	}
	return long, short
}()

// CanonicalAgency returns the canonical name of an agency named by s (a
// "Source:" value, a JSON field, a bracketed credit), or "" when s names no
// known agency.
func CanonicalAgency(s string) string {
	words := strings.Fields(foldWords(s))
	if len(words) == 0 {
		return ""
	}
	if a, n := matchAt(words, 0, shortNames); n == len(words) && a != "" {
		return a
	}
	a, _ := firstLong(words)
	return a
}

// matchAt returns the agency whose name in idx starts at words[i], with a
// clitic (و، ف، ب، ل) allowed before it, and the number of words it spans.
func matchAt(words []string, i int, idx map[string][]nameEntry) (string, int) {
	w := words[i]
	for _, cand := range [...]string{w, trimClitic(w, 1), trimClitic(w, 2)} {
		for _, e := range idx[cand] {
			if i+len(e.words) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(e.words); k++ {
				if words[i+k] != e.words[k] {
					ok = false
					break
				}
			}
			if ok {
				return e.agency, len(e.words)
			}
		}
	}
	return "", 0
}

// trimClitic drops n leading clitic letters from an Arabic word, when it
// starts with them and stays long enough to be a name.
func trimClitic(w string, n int) string {
	r := []rune(w)
	if len(r) < n+3 {
		return ""
	}
	for _, c := range r[:n] {
		if !strings.ContainsRune("وفبل", c) {
			return ""
		}
	}
	return string(r[n:])
}

// firstLong finds the first agency named by a long (unambiguous) name, or a
// short form right after the word «وكالة»; it returns the agency and its
// word index.
func firstLong(words []string) (string, int) {
	for i := range words {
		if a, _ := matchAt(words, i, longNames); a != "" {
			return a, i
		}
		if i+1 < len(words) && (words[i] == "وكاله" || trimClitic(words[i], 1) == "وكاله") {
			if a, _ := matchAt(words, i+1, shortNames); a != "" {
				return a, i
			}
		}
	}
	return "", -1
}

// datelineRe matches the opening of a wire story: a place, then the agency
// in brackets or after a slash, then a dash or colon — «طرابلس (رويترز) -»,
// «الفاشر/ الأناضول -», «الرباط - ومع:».
var datelineRe = regexp.MustCompile(`^[^\n()\-–—:/]{1,40}?(?:\(([^()\n]{1,40})\)\s*[-–—:]?|/\s*([^\n\-–—:/]{1,30}?)\s*[-–—:]|[-–—]\s*([^\n\-–—:]{1,20}?)\s*[:])`)

// DatelineLength returns the length in code points of the dateline that
// opens a paragraph, «الأبيض (د ب أ) - », when it credits a wire agency;
// 0 when there is none.
func DatelineLength(para string) int {
	_, end := datelineAgency(para)
	if end == 0 {
		return 0
	}
	for end < len(para) && (para[end] == ' ' || para[end] == '-') {
		end++
	}
	return utf8.RuneCountInString(para[:end])
}

// datelineAgency reads the dateline that opens a paragraph: the agency it
// credits and the byte offset where it ends; "", 0 when it credits none.
func datelineAgency(para string) (string, int) {
	loc := datelineRe.FindStringSubmatchIndex(para)
	for g := 1; loc != nil && 2*g+1 < len(loc); g++ {
		if loc[2*g] < 0 {
			continue
		}
		if a := CanonicalAgency(para[loc[2*g]:loc[2*g+1]]); a != "" {
			return a, loc[1]
		}
	}
	return "", 0
}

// creditRe matches an agency credit in brackets: «(أ ف ب)», «(رويترز)».
var creditRe = regexp.MustCompile(`\(([^()\n]{1,40})\)`)

// Agency names the wire agency an article credits: the agency of its
// dateline or of a bracketed credit, else the first agency it names in
// running text; "" when none.
func Agency(body string) string {
	paras := strings.SplitN(body, "\n", 4)
	for _, p := range paras[:min(len(paras), 3)] {
		if a, _ := datelineAgency(p); a != "" {
			return a
		}
	}
	// A bracketed credit anywhere, such as at the end: «… (أ ف ب)».
	for _, m := range creditRe.FindAllStringSubmatch(body, -1) {
		if a := CanonicalAgency(m[1]); a != "" {
			return a
		}
	}
	// Agencies named in running text; most paragraphs name none, and the
	// quick test spares folding them.
	for para := range strings.SplitSeq(body, "\n") {
		if !mayNameAgency(para) {
			continue
		}
		if a, _ := firstLong(strings.Fields(foldWords(para))); a != "" {
			return a
		}
	}
	return ""
}

// agencyTriggers are pieces of the written forms of the long agency names,
// free of the hamza and article variants folding would otherwise resolve.
var agencyTriggers = []string{"وكال", "رويترز", "فرانس", "ناضول", "سوشي", "شينخوا", "شينهوا", "سبوتنيك", "نوفوستي", "رنا", "يونايتد", "للإعلام", "لاماب"}

// mayNameAgency reports whether a paragraph may name an agency by a long
// name: it holds one of the triggers, or Latin letters.
func mayNameAgency(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	// One pass over the paragraph: a trigger is tried only where its first
	// two letters are.
	for i := 0; i+3 < len(p); i++ {
		if k, ok := letterPair(p, i); ok && triggerPairs[k>>6]&(1<<(k&63)) != 0 {
			for _, t := range agencyTriggers {
				if strings.HasPrefix(p[i:], t) {
					return true
				}
			}
		}
	}
	return false
}

// letterPair keys the two code points of the Arabic block U+0600–U+06FF
// that start at byte i of s; ok is false when they are not two such.
func letterPair(s string, i int) (uint16, bool) {
	a, b := s[i], s[i+2]
	if a < 0xD8 || a > 0xDB || b < 0xD8 || b > 0xDB || s[i+1]&0xC0 != 0x80 || s[i+3]&0xC0 != 0x80 {
		return 0, false
	}
	return uint16(a&3)<<14 | uint16(s[i+1]&0x3F)<<8 | uint16(b&3)<<6 | uint16(s[i+3]&0x3F), true
}

// triggerPairs is the set of letterPair keys that agency triggers start with.
var triggerPairs = func() (set [1 << 10]uint64) {
	for _, t := range agencyTriggers {
		k, ok := letterPair(t, 0)
		if !ok {
			panic("agency trigger not Arabic: " + t)
		}
		set[k>>6] |= 1 << (k & 63)
	}
	return set
}()

// foldWords folds s for matching names: arabic.Normalize, lower case,
// punctuation as spaces, single spaces.
func foldWords(s string) string {
	n := arabic.Normalize(s)
	var b strings.Builder
	b.Grow(len(n))
	space := true
	for _, r := range n {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		b.WriteRune(unicode.ToLower(r))
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}
