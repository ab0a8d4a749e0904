package framing

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Kind says what a label describes.
type Kind uint8

// Label kinds.
const (
	// Group labels name a force or a body: «مليشيات», «قوات», «الجيش».
	Group Kind = iota + 1
	// Person labels describe one person: «المدعو», «المشير», «الانقلابي».
	Person
)

// Label is a descriptor of the framing lexicon.
type Label struct {
	// Canonical is the spelling counted in Framing.Labels.
	Canonical string
	Kind      Kind
}

// lexicon lists the descriptors news uses for actors: the canonical
// spelling, then other spellings and forms. Clitics (و، ف، ب، ل، ك، ال,
// attached pronouns) are stripped before lookup, so only the bare forms
// are listed. The words are those of Arabic conflict reporting in general,
// loaded (pejorative or legitimising) and neutral alike.
var lexicon = []struct {
	kind  Kind
	forms string // canonical first
}{
	{Group, "مليشيات ميليشيات مليشيا ميليشيا ملشيات ملشيا مليشيه ميليشيه"},
	{Group, "مرتزقة مرتزق"},
	{Group, "عناصر عنصر"},
	{Group, "قوات قوة"},
	{Group, "الجيش جيش"},
	{Group, "الثوار ثوار ثائر"},
	{Group, "جنود جندي"},
	{Group, "مسلحين مسلحي مسلحو مسلحون مسلح"},
	{Group, "مقاتلين مقاتلي مقاتلو مقاتلون مقاتل"},
	{Group, "العصابات عصابات عصابة"},
	{Group, "الانقلابيين انقلابيين انقلابيي انقلابيون"},
	{Group, "المتمردين متمردين متمردي متمردون"},
	{Group, "الإرهابيين إرهابيين إرهابيي إرهابيون"},
	{Group, "كتائب كتيبة"},
	{Group, "لواء ألوية"},
	{Group, "فصائل فصيل"},
	{Group, "جماعة جماعات"},
	{Group, "تنظيم"},
	{Group, "الحكومة حكومة"},
	{Group, "النظام نظام"},
	{Group, "المجلس مجلس"},
	{Group, "السلطات سلطات"},
	{Group, "القيادة قيادة"},
	{Group, "المعارضة معارضة"},
	{Group, "المقاومة مقاومة"},
	{Group, "الشرعية شرعية"},
	{Group, "الاحتلال احتلال"},
	{Group, "الغزاة غزاة"},
	{Group, "المعتدين معتدين معتدون"},
	{Group, "الخوارج خوارج"},
	{Group, "التكفيريين تكفيريين تكفيريون"},
	{Group, "الشبيحة شبيحة"},
	{Group, "الدواعش دواعش"},
	{Group, "فلول"},
	{Group, "المجاهدين مجاهدين مجاهدي مجاهدون"},
	{Person, "المدعو مدعو"},
	{Person, "المجرم مجرم"},
	{Person, "الانقلابي انقلابي"},
	{Person, "المتمرد متمرد"},
	{Person, "الإرهابي إرهابي"},
	{Person, "المتقاعد متقاعد"},
	{Person, "الهارب هارب"},
	{Person, "المهزوم مهزوم"},
	{Person, "الديكتاتور ديكتاتور دكتاتور الدكتاتور"},
	{Person, "الطاغية طاغية"},
	{Person, "المشير مشير"},
	{Person, "الجنرال جنرال"},
	{Person, "اللواء"},
	{Person, "الفريق"},
	{Person, "العقيد"},
	{Person, "الرئيس"},
}

// index maps the normalised bare forms (no article) to their label.
var index = func() map[string]Label {
	m := map[string]Label{}
	for _, e := range lexicon {
		forms := strings.Fields(e.forms)
		l := Label{Canonical: forms[0], Kind: e.kind}
		for _, f := range forms {
			n := arabic.Normalize(f)
			if s, ok := strings.CutPrefix(n, "ال"); ok && utf8.RuneCountInString(s) >= 3 {
				n = s
			}
			key := n
			if e.kind == Person {
				key = "p:" + n // person titles are read only before a person
			}
			if _, taken := m[key]; !taken {
				m[key] = l
			}
		}
	}
	return m
}()

// Lookup returns the label a word is, with its clitics stripped
// («والميليشيات» → مليشيات, «لقواته» → قوات). person says whether the
// word stands before a person, where titles such as «اللواء» are labels.
func Lookup(word string, person bool) (Label, bool) {
	for _, f := range forms(arabic.Normalize(strings.TrimSpace(word))) {
		if person {
			if l, ok := index["p:"+f]; ok {
				return l, true
			}
		}
		if l, ok := index[f]; ok {
			return l, true
		}
	}
	return Label{}, false
}

// forms are the readings of a normalised word without its clitics:
// conjunction, preposition, article, attached pronoun, each optional.
func forms(w string) []string {
	var out []string
	add := func(s string) {
		if utf8.RuneCountInString(s) >= 3 {
			out = append(out, s)
		}
	}
	bases := []string{w}
	if r, n := utf8.DecodeRuneInString(w); (r == 'و' || r == 'ف') && utf8.RuneCountInString(w) > 3 {
		bases = append(bases, w[n:])
	}
	for _, b := range bases {
		cands := []string{b}
		if strings.HasPrefix(b, "لل") {
			cands = append(cands, b[len("لل"):])
		}
		if r, n := utf8.DecodeRuneInString(b); (r == 'ب' || r == 'ل' || r == 'ك') && utf8.RuneCountInString(b) > 3 {
			cands = append(cands, b[n:])
		}
		for _, c := range cands {
			if s, ok := strings.CutPrefix(c, "ال"); ok {
				c = s
			}
			add(c)
			for _, suf := range []string{"هم", "ها", "ه"} {
				if s, ok := strings.CutSuffix(c, suf); ok {
					add(s)
					if t, ok := strings.CutSuffix(s, "ت"); ok {
						add(t + "ه") // «قيادته»: the taa marbuta of «قيادة»
					}
				}
			}
		}
	}
	return out
}
