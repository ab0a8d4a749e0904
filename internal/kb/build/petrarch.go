package build

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/kb"
)

// PETRARCH's Arabic actor dictionary (Open Event Data Alliance, 2018) lists
// lemmatised names with underscores for spaces and CAMEO codes, each
// optionally dated:
//
//	نوري_المالكي_
//		[IRQGOV 20101221-20140908]
//	حماس  [PSEREB]

var cameoRe = regexp.MustCompile(`\[([A-Z]{3,})\??\s*([<>]?\s*\d{8})?\s*-?\s*(\d{8})?\s*\]`)

// petrarchActor is one dictionary name with its codes.
type petrarchActor struct {
	name  string
	codes []cameoCode
}

type cameoCode struct{ code, from, to string }

// ReadPetrarchActors parses actor_dict_ar_v4.txt.
func ReadPetrarchActors(r io.Reader, file string) ([]petrarchActor, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []petrarchActor
	var cur *petrarchActor
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		name := t
		if i := strings.Index(t, "["); i >= 0 {
			name = strings.TrimSpace(t[:i])
		}
		if name != "" {
			out = append(out, petrarchActor{name: petrarchName(name)})
			cur = &out[len(out)-1]
		}
		for _, m := range cameoRe.FindAllStringSubmatch(t, -1) {
			if cur == nil {
				return nil, fmt.Errorf("%s:%d: code before any name", file, n)
			}
			c := cameoCode{code: m[1]}
			switch from := strings.TrimSpace(m[2]); {
			case strings.HasPrefix(from, ">"):
				c.from = cameoDate(strings.TrimSpace(from[1:]))
			case strings.HasPrefix(from, "<"):
				c.to = cameoDate(strings.TrimSpace(from[1:]))
			default:
				c.from, c.to = cameoDate(from), cameoDate(m[3])
			}
			// Open-ended ranges are written with 18000101 or an end before
			// the start in this dictionary.
			if c.to != "" && c.from != "" && c.to < c.from {
				c.to = ""
			}
			cur.codes = append(cur.codes, c)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}

// petrarchName turns a lemma key into a name: underscores to spaces, the
// superscript alef of «اللٰه» dropped.
func petrarchName(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	s = strings.ReplaceAll(s, "\u0670", "")
	return cleanName(s)
}

// cameoDate turns YYYYMMDD into YYYY-MM-DD; 1800-01-01 means "open".
func cameoDate(s string) string {
	if len(s) != 8 || s == "18000101" {
		return ""
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:]
}

// orgWords begin names of bodies rather than people.
var orgWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`حركة حزب جبهة مجلس منظمة وزارة قوة قوات جيش اتحاد جماعة لجنة هيئة رابطة
		جامعة محكمة شرطة حكومة ديوان بنك شركة مؤسسة وكالة كتيبة تنظيم جمعية برلمان دولة صندوق مكتب نقابة
		تحالف إدارة ادارة سلطة مصرف مركز معهد جهاز أمانة امانة محافظة بلدية كلية مستشفى صحيفة قناة إذاعة
		اذاعة تلفزيون مفوضية اللجنة المجلس الحكومة الجيش مليشيا ميليشيا فيلق لواء سرايا كتائب فصائل`) {
		orgWords[w] = true
	}
}

// titleWords begin dictionary entries that name a position («رئيس وزير»,
// «عاهل أردني») rather than a person or a body.
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`رئيس وزير أمين امين ملك أمير امير زعيم قائد مسؤول متحدث سفير نائب مبعوث
		عاهل ولي مستشار مدير محافظ نقيب عضو ناطق مندوب قاضي شيخ شيخة رئيسة الرئيس الملك الأمير العاهل
		جنرال عقيد لواء عميد مشير فريق رائد نقيب ضابط جندي مواطن سكان شعب مسلح مقاتل متمرد معارض
		حاكم والي إمام امام مفتي بابا كاردينال`) {
		titleWords[w] = true
	}
}

// placeWords begin names of regions.
var placeWords = map[string]bool{"شرق": true, "غرب": true, "شمال": true, "جنوب": true, "وسط": true,
	"منطقة": true, "إقليم": true, "اقليم": true, "جزيرة": true, "بحر": true, "خليج": true, "قطاع": true,
	"ضفة": true, "مدينة": true, "عاصمة": true, "أرض": true, "ارض": true, "دول": true, "بلاد": true}

// garbled reports the dictionary's damaged lemmas: one-letter words («أحمد
// بن ب لا») or alef-hamza written for every alef («ألإسلأميين»).
func garbled(words []string) bool {
	inner := 0
	for _, w := range words {
		if len([]rune(w)) < 2 {
			return true
		}
		inner += strings.Count(w[len("ا"):], "أ")
	}
	return inner >= 2
}

// allCommon reports whether every word of a lemmatised name is a common word.
func allCommon(words []string, common map[string]bool) bool {
	for _, w := range words {
		if !common[kb.Key(w)] {
			return false
		}
	}
	return true
}

// internationalPrefixes are CAMEO's codes for actors above states.
var internationalPrefixes = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true}

// PetrarchEntries maps the dictionary to entries "pet:…": persons (names
// of two words or more that start with neither an organisation word nor a
// region word) and bodies of a known country or international. One-word lemmas,
// positions («وزير خارجية»), names of common words only and generic agents
// («جيش» [MIL]) are left out: the gazetteers and agents.tsv cover places
// and roles. Country codes come from iso3 (ISO alpha-3 → alpha-2).
func PetrarchEntries(actors []petrarchActor, iso3 map[string]string, common map[string]bool) []*kb.Entry {
	merged := map[string]*kb.Entry{}
	var order []string
	for _, a := range actors {
		if a.name == "" || len(a.codes) == 0 || !isArabic(a.name) {
			continue
		}
		words := strings.Fields(a.name)
		if garbled(words) {
			continue
		}
		if w := strings.Replace(words[0], "آل", "ال", 1); strings.HasPrefix(words[0], "آل") && orgWords[strings.TrimPrefix(w, "ال")] {
			words[0] = strings.TrimPrefix(w, "ال") // «آلوكالة» is the lemma «وكالة»
			a.name = strings.Join(words, " ")
		}
		if len(words) < 2 || titleWords[words[0]] || allCommon(words, common) {
			// One lemma alone («جيش», «إسرائيلي») is a common word or an
			// adjective far more often than this actor; a title («وزير
			// خارجية») is a role, not a name.
			continue
		}
		c := a.codes[0].code
		prefix := c[:3]
		cc, known := iso3[prefix]
		if !known && !internationalPrefixes[prefix] {
			continue // generic agent
		}
		role := c[3:]
		var typ string
		switch {
		case orgWords[words[0]]:
			typ = orgType(role)
		case placeWords[words[0]]:
			continue // a region («شرق أوسط»): the gazetteers' business
		default:
			typ = kb.PER
		}
		id := "pet:" + strings.Join(words, "_")
		e := merged[id]
		if e == nil {
			e = &kb.Entry{ID: id, Type: typ, Name: a.name, Country: cc, CAMEO: c, Source: kb.SourcePetrarch}
			if typ != kb.PER {
				e.Kind = "cameo-" + strings.ToLower(orgRoleKind(role))
				e.Aliases = agreementVariants(words)
			}
			merged[id] = e
			order = append(order, id)
		}
		if typ == kb.PER {
			for _, x := range a.codes {
				e.Roles = append(e.Roles, kb.Role{Title: "cameo " + x.code, Org: x.code[:3], From: x.from, To: x.to})
			}
		}
	}
	sort.Strings(order)
	out := make([]*kb.Entry, 0, len(order))
	for _, id := range order {
		if merged[id].Validate() == nil {
			out = append(out, merged[id])
		}
	}
	return out
}

// orgType reads an entry type from a CAMEO role code.
func orgType(role string) string {
	switch {
	case strings.HasPrefix(role, "GOV"), strings.HasPrefix(role, "LEG"), strings.HasPrefix(role, "JUD"):
		return kb.GOV
	case strings.HasPrefix(role, "MIL"), strings.HasPrefix(role, "REB"), strings.HasPrefix(role, "INS"),
		strings.HasPrefix(role, "COP"), strings.HasPrefix(role, "SPY"), strings.HasPrefix(role, "UAF"):
		return kb.ArmedGroup
	}
	return kb.ORG
}

func orgRoleKind(role string) string {
	if len(role) >= 3 {
		return role[:3]
	}
	if role == "" {
		return "state"
	}
	return role
}

// agreementVariants undoes one effect of the dictionary's lemmatisation: a
// nisba adjective after a feminine noun is feminine in text («وزارة دفاع
// أميركي» is written «وزارة الدفاع الأميركية»). The article needs no
// variant: matching ignores it.
func agreementVariants(words []string) []string {
	if len(words) < 2 || !strings.HasSuffix(words[0], "ة") {
		return nil
	}
	v := make([]string, len(words))
	changed := false
	for i, w := range words {
		v[i] = w
		if i > 0 && strings.HasSuffix(w, "ي") && len([]rune(w)) > 2 {
			v[i] = w + "ة"
			changed = true
		}
	}
	if !changed {
		return nil
	}
	return []string{strings.Join(v, " ")}
}

var agentRe = regexp.MustCompile(`^(\S+)[^\[]*\[~?([A-Z]{3})[^\]]*\](.*)$`)

// ReadPetrarchAgents parses agents.all.ar.txt: "ENGLISH_KEY [~CODE]Arabic".
func ReadPetrarchAgents(r io.Reader, file string) ([]kb.Agent, error) {
	sc := bufio.NewScanner(r)
	var out []kb.Agent
	seen := map[string]bool{}
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		m := agentRe.FindStringSubmatch(t)
		if m == nil || strings.HasPrefix(t, "#") {
			continue
		}
		ar := strings.TrimSpace(strings.Map(func(r rune) rune {
			if r >= 0x0621 && r <= 0x0652 || r == ' ' {
				return r
			}
			return ' '
		}, m[3]))
		ar = strings.Join(strings.Fields(ar), " ")
		if ar == "" || seen[ar] {
			continue
		}
		seen[ar] = true
		out = append(out, kb.Agent{Name: ar, Code: m[2], English: strings.Trim(strings.ToLower(strings.ReplaceAll(m[1], "_", " ")), " ")})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}
