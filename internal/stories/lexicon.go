package stories

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Tone says what a label does to the actor it names.
type Tone string

// Tones of the framing lexicon.
const (
	// Pejorative labels delegitimise: «مليشيات», «مرتزقة», «الانقلابيين».
	Pejorative Tone = "pejorative"
	// Legitimising labels grant the standing of a state or a cause:
	// «الجيش», «الشرعية», «الثوار».
	Legitimising Tone = "legitimising"
	// Neutral labels describe without judging: «قوات», «عناصر», «مسلحين».
	Neutral Tone = "neutral"
)

// LexiconEntry is a label of the framing lexicon.
type LexiconEntry struct {
	// Term is the canonical spelling; variants map to it.
	Term string `json:"term"`
	Tone Tone   `json:"tone"`
	// Variants are other spellings and forms counted as Term.
	Variants []string `json:"variants,omitempty"`
}

// Lexicon is the small list of labels that news uses for armed actors, each
// marked loaded (pejorative or legitimising) or neutral. It is deliberately
// short and general: the words of Arab conflict reporting, not of one war.
var Lexicon = []LexiconEntry{
	{"مليشيات", Pejorative, []string{"ميليشيات", "مليشيا", "ميليشيا", "ملشيات", "مليشياته", "ميليشياته"}},
	{"مرتزقة", Pejorative, []string{"مرتزق", "المرتزقه"}},
	{"الانقلابيين", Pejorative, []string{"انقلابيين", "الانقلابيون", "انقلابيون", "انقلابي", "الانقلابي"}},
	{"الإرهابيين", Pejorative, []string{"إرهابيين", "الإرهابيون", "إرهابيون", "إرهابي", "الإرهابية", "إرهابية"}},
	{"العصابات", Pejorative, []string{"عصابات", "عصابة", "العصابة"}},
	{"المتمردين", Pejorative, []string{"متمردين", "المتمردون", "متمردون", "متمرد"}},
	{"الخوارج", Pejorative, []string{"خوارج"}},
	{"التكفيريين", Pejorative, []string{"تكفيريين", "التكفيريون", "تكفيري"}},
	{"الغزاة", Pejorative, []string{"غزاة"}},
	{"المعتدين", Pejorative, []string{"معتدين", "المعتدون"}},
	{"فلول", Pejorative, nil},
	{"الجنجويد", Pejorative, []string{"جنجويد"}},
	{"الشبيحة", Pejorative, []string{"شبيحة"}},
	{"الدواعش", Pejorative, []string{"دواعش"}},
	{"الجيش", Legitimising, []string{"جيش", "الجيش الوطني", "الجيش الليبي", "القوات المسلحة"}},
	{"الثوار", Legitimising, []string{"ثوار"}},
	{"الشرعية", Legitimising, []string{"قوات الشرعية", "الحكومة الشرعية"}},
	{"المقاومة", Legitimising, []string{"مقاومة"}},
	{"المجاهدين", Legitimising, []string{"مجاهدين", "المجاهدون", "مجاهدون"}},
	{"الأبطال", Legitimising, []string{"أبطال"}},
	{"قوات", Neutral, []string{"القوات", "قواته", "القوات الموالية"}},
	{"عناصر", Neutral, []string{"العناصر", "عناصره"}},
	{"مسلحين", Neutral, []string{"المسلحين", "مسلحون", "المسلحون", "مسلح"}},
	{"مقاتلين", Neutral, []string{"المقاتلين", "مقاتلون", "المقاتلون", "مقاتلي"}},
	{"الفصائل", Neutral, []string{"فصائل", "فصيل"}},
	{"جماعة", Neutral, []string{"الجماعة", "جماعات", "مجموعات", "مجموعة"}},
	{"كتيبة", Neutral, []string{"الكتيبة", "كتائب", "الكتائب"}},
	{"لواء", Neutral, []string{"اللواء"}},
	{"جنود", Neutral, []string{"الجنود", "جنوده"}},
	{"تنظيم", Neutral, []string{"التنظيم"}},
}

// lexiconIndex maps normalised spellings, with and without the article, to
// their entry.
var lexiconIndex = func() map[string]*LexiconEntry {
	m := map[string]*LexiconEntry{}
	for i := range Lexicon {
		e := &Lexicon[i]
		for _, v := range append([]string{e.Term}, e.Variants...) {
			n := arabic.Normalize(v)
			m[n] = e
			if s, ok := strings.CutPrefix(n, "ال"); ok && utf8.RuneCountInString(s) > 2 {
				if _, taken := m[s]; !taken {
					m[s] = e
				}
			}
		}
	}
	return m
}()

// LookupLabel finds a label in the lexicon: the whole label, then the label
// with a leading conjunction or preposition stripped, then its first word
// («مليشيات حفتر» → «مليشيات»).
func LookupLabel(label string) (LexiconEntry, bool) {
	norm := strings.TrimSpace(arabic.Normalize(label))
	if norm == "" {
		return LexiconEntry{}, false
	}
	try := func(s string) *LexiconEntry {
		// «ومليشيات», «لمرتزقة», «وبالمليشيات»: a conjunction, a preposition,
		// the article, each optional, in that order.
		forms := []string{s}
		for _, letters := range []string{"وف", "بلك", ""} {
			for _, f := range forms {
				if letters == "" {
					if rest, ok := strings.CutPrefix(f, "ال"); ok && utf8.RuneCountInString(rest) > 2 {
						forms = append(forms, rest)
					}
					continue
				}
				if r, n := utf8.DecodeRuneInString(f); strings.ContainsRune(letters, r) && utf8.RuneCountInString(f) > 3 {
					forms = append(forms, f[n:])
				}
			}
		}
		for _, f := range forms {
			if e := lexiconIndex[f]; e != nil {
				return e
			}
		}
		return nil
	}
	if e := try(norm); e != nil {
		return *e, true
	}
	if first, _, ok := strings.Cut(norm, " "); ok {
		if e := try(first); e != nil {
			return *e, true
		}
	}
	return LexiconEntry{}, false
}

// Loaded reports whether a tone judges: pejorative or legitimising.
func (t Tone) Loaded() bool { return t == Pejorative || t == Legitimising }
