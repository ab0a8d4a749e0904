package meta

import (
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
)

// roleTitles gives, for a word of a knowledge-base role title (English),
// the Arabic titles that name it. The title nearest a person's name (the
// longest where several end there) decides which of their roles the text
// gives them.
var roleTitles = []struct {
	en string
	ar []string
}{
	{"prime minister", []string{"رئيس الوزراء", "رئيس وزراء", "رئيس الحكومة", "رئيس حكومة", "رئيسة الوزراء", "رئيسة وزراء", "رئيسة الحكومة"}},
	{"foreign", []string{"وزير الخارجية", "وزير خارجية", "وزيرة الخارجية", "وزيرة خارجية"}},
	{"secretary of state", []string{"وزير الخارجية", "وزير خارجية"}},
	{"defen", []string{"وزير الدفاع", "وزير دفاع", "وزيرة الدفاع"}},
	{"interior", []string{"وزير الداخلية", "وزير داخلية"}},
	{"secretary-general", []string{"الأمين العام", "أمين عام"}},
	{"spokesperson", []string{"المتحدث", "متحدث", "الناطق", "ناطق", "المتحدثة"}},
	{"chief of staff", []string{"رئيس الأركان", "رئيس أركان"}},
	{"commander", []string{"قائد", "القائد", "آمر", "القائد العام"}},
	{"supreme leader", []string{"المرشد", "مرشد"}},
	{"leader", []string{"زعيم", "الزعيم", "قائد", "أمير"}},
	{"crown prince", []string{"ولي العهد"}},
	{"king", []string{"الملك", "العاهل", "ملك"}},
	{"emir", []string{"أمير", "الأمير"}},
	{"chancellor", []string{"المستشارة", "المستشار"}},
	{"high representative", []string{"الممثل الأعلى", "مسؤول السياسة الخارجية"}},
	{"deputy", []string{"نائب رئيس", "نائب"}},
	{"president", []string{"الرئيس", "رئيس", "رئيسة", "الرئيسة"}},
	{"governor", []string{"والي", "محافظ"}},
}

var (
	// formerWords after a title or a name say the role is over.
	formerWords = words("السابق", "السابقة", "الأسبق", "الأسبقة", "الراحل", "الراحلة", "المخلوع", "المعزول",
		"المقال", "المستقيل", "المنتهية")
	// thenWords make a title historical without ending it: «كان رئيساً
	// للوزراء حينها».
	thenWords = words("كان", "كانت", "حينها", "آنذاك", "وقتها", "حينذاك", "يومها", "عندما")
)

// titleKeys are the Arabic titles as key sequences, with the roles they
// name, longest first.
var titleKeys = func() []titleKey {
	var out []titleKey
	for _, rt := range roleTitles {
		for _, a := range rt.ar {
			var ks []string
			for _, w := range strings.Fields(a) {
				for k := range words(w) {
					ks = append(ks, k)
				}
			}
			out = append(out, titleKey{keys: ks, en: rt.en})
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j].keys) > len(out[j-1].keys); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

type titleKey struct {
	keys []string
	en   string
}

// roleReach is how many tokens a title may stand from the name:
// «رئيس وزراء إيطاليا جوزيبي كونتي».
const roleReach = 5

// roles reads the titles the text gives people the knowledge base has
// dated roles for: «رئيس وزراء إيطاليا جوزيبي كونتي» puts the article
// within Conte's premiership, «رئيس الوزراء السابق» after it ended. The
// bound is weak (a piece may use a title loosely) and yields to all else.
func (r *refiner) roles() []Constraint {
	if r.kb == nil {
		return nil
	}
	var out []Constraint
	seen := map[string]bool{}
	for _, em := range r.ents {
		if em.ent.Type != record.PER || em.ent.ID == "" {
			continue
		}
		entry := r.kb.Get(em.ent.ID)
		if entry == nil || len(entry.Roles) == 0 {
			continue
		}
		c, ok := r.roleAt(em, entry)
		if !ok || seen[c.Evidence] {
			continue
		}
		seen[c.Evidence] = true
		out = append(out, c)
	}
	return out
}

// roleAt finds a title next to one mention of a person and turns the
// roles it names into a constraint.
func (r *refiner) roleAt(em entMention, entry *kb.Entry) (Constraint, bool) {
	sFirst, sEnd := r.sentenceOf(em.first)
	// Before the name: «وزير الخارجية الروسي سيرغي لافروف», the title
	// inside the mention when linking took it in.
	from := max(sFirst, em.first-roleReach)
	tFirst, tLast, en := r.findTitle(from, em.last+1, true)
	if en == "" && em.last+2 < sEnd && r.isPunct(em.last+1, "،,") {
		// After it, set off by a comma: «لافروف، وزير الخارجية الروسي».
		tFirst, tLast, en = r.findTitle(em.last+2, min(sEnd, em.last+2+roleReach), false)
	}
	if en == "" {
		return Constraint{}, false
	}
	var matched []kb.Role
	for _, role := range entry.Roles {
		t := strings.ToLower(role.Title)
		for _, w := range titleSynonyms(en) {
			if strings.Contains(t, w) && (en == "deputy" || !strings.Contains(t, "deputy")) {
				matched = append(matched, role)
				break
			}
		}
	}
	if len(matched) == 0 {
		return Constraint{}, false
	}
	span := max(tLast, em.last)
	former, then := false, false
	for k := max(sFirst, min(tFirst, em.first)-3); k <= min(sEnd-1, span+3); k++ {
		former = former || r.keyIn(k, formerWords)
		then = then || r.keyIn(k, thenWords)
	}
	if then {
		return Constraint{}, false
	}
	ev := fmt.Sprintf("«%s» (%s)", r.text(min(tFirst, em.first), span), entry.ID)
	if former {
		// A former holder: the article is later than the earliest end of
		// the roles the title names; a role that goes on is not this one.
		var lo time.Time
		for _, role := range matched {
			t := roleEnd(role.To)
			if t.IsZero() {
				return Constraint{}, false
			}
			if lo.IsZero() || t.Before(lo) {
				lo = t
			}
		}
		return Constraint{From: lo, Strength: StrengthRole, Evidence: ev + " former"}, true
	}
	// A current holder: within one of the roles the title names.
	lo, hi, open := time.Time{}, time.Time{}, false
	for _, role := range matched {
		f, t := roleStart(role.From), roleEnd(role.To)
		if lo.IsZero() || f.Before(lo) {
			lo = f
		}
		if t.IsZero() {
			open = true
		} else if t.After(hi) {
			hi = t
		}
	}
	if open {
		hi = time.Time{}
	}
	return Constraint{From: lo, To: hi, Strength: StrengthRole, Evidence: ev}, !lo.IsZero() || !hi.IsZero()
}

// titleSynonyms widens a title word to the role titles it covers: «رئيس»
// heads a state, a council or a body alike; «قائد» leads a group or
// commands a force.
func titleSynonyms(en string) []string {
	switch en {
	case "president":
		return []string{"president", "chairman", "head"}
	case "commander", "leader":
		return []string{"commander", "leader"}
	case "emir":
		return []string{"emir", "leader"}
	}
	return []string{en}
}

// findTitle finds the title nearest the name within tokens [from, to) —
// the one ending last when the name follows (before is true), the one
// starting first when it precedes — the longest where several end or
// start there. It returns its tokens and the role word it names.
func (r *refiner) findTitle(from, to int, before bool) (int, int, string) {
	at := func(i int, tk titleKey) bool {
		if i < from || i+len(tk.keys) > to {
			return false
		}
		for j, k := range tk.keys {
			if r.key(i+j) != k && r.toks[i+j].Norm != k {
				return false
			}
		}
		return true
	}
	if before {
		for end := to - 1; end >= from; end-- {
			for _, tk := range titleKeys {
				if i := end - len(tk.keys) + 1; at(i, tk) {
					return i, end, tk.en
				}
			}
		}
		return 0, 0, ""
	}
	for i := from; i < to; i++ {
		for _, tk := range titleKeys {
			if at(i, tk) {
				return i, i + len(tk.keys) - 1, tk.en
			}
		}
	}
	return 0, 0, ""
}

// roleStart and roleEnd read a role's YYYY, YYYY-MM or YYYY-MM-DD as its
// first and last possible day; zero for "".
func roleStart(s string) time.Time {
	switch len(s) {
	case 4:
		t, _ := time.Parse("2006", s)
		return t
	case 7:
		t, _ := time.Parse("2006-01", s)
		return t
	case 10:
		t, _ := time.Parse("2006-01-02", s)
		return t
	}
	return time.Time{}
}

func roleEnd(s string) time.Time {
	t := roleStart(s)
	switch {
	case t.IsZero():
		return t
	case len(s) == 4:
		return t.AddDate(1, 0, -1)
	case len(s) == 7:
		return t.AddDate(0, 1, -1)
	}
	return t
}
