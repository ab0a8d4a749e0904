package arabic

import (
	"strings"
	"time"
)

// Month-name systems. Arabic writes the Gregorian months three ways: the
// Egyptian and Gulf names taken from the Latin ones (يناير، يونيو), the
// Levantine and Iraqi Syriac names (كانون الثاني، حزيران), and the Maghrebi
// names taken from the French ones (جانفي، جوان). Newspapers often pair two
// («يونيو/حزيران»). Hijri months are a separate calendar.

// MonthNamesEgyptian are the Egyptian and Gulf month names, January first,
// with their common spellings.
var MonthNamesEgyptian = [12][]string{
	{"يناير"}, {"فبراير"}, {"مارس"}, {"أبريل", "إبريل", "ابريل"}, {"مايو"},
	{"يونيو", "يونيه"}, {"يوليو", "يوليه"}, {"أغسطس", "اغسطس"}, {"سبتمبر"},
	{"أكتوبر", "اكتوبر"}, {"نوفمبر"}, {"ديسمبر"},
}

// MonthNamesLevantine are the Syriac month names of the Levant and Iraq,
// January first. Four of them take two words.
var MonthNamesLevantine = [12]string{
	"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
	"تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
}

// MonthNamesMaghrebi are the month names of Tunisia and Algeria, January
// first; Morocco mostly uses the Egyptian ones.
var MonthNamesMaghrebi = [12][]string{
	{"جانفي"}, {"فيفري"}, {"مارس"}, {"أفريل"}, {"ماي"}, {"جوان"},
	{"جويلية", "جويليه"}, {"أوت"}, {"سبتمبر"}, {"أكتوبر"}, {"نوفمبر"}, {"ديسمبر"},
}

// MonthNamesHijri are the months of the Hijri calendar, Muharram first.
var MonthNamesHijri = [12][]string{
	{"محرم"}, {"صفر"}, {"ربيع الأول"}, {"ربيع الآخر", "ربيع الثاني"},
	{"جمادى الأولى", "جمادى الأول"}, {"جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"},
	{"رجب"}, {"شعبان"}, {"رمضان"}, {"شوال"}, {"ذو القعدة", "ذي القعدة"}, {"ذو الحجة", "ذي الحجة"},
}

// monthEntry is a month name as the date reader matches it: a first word,
// and a second one for the two-word names.
type monthEntry struct {
	month  int // 1–12
	second string
	hijri  bool
	// ambiguous: the name is also a common word («مارس» practised, «آب»
	// father once normalised, «صفر» zero), so it needs a date around it.
	ambiguous bool
}

// monthWords maps the first word of every month name to its readings. It
// is a variable initialiser, not an init function, so that other files'
// init functions can use it.
var monthWords = func() map[string][]monthEntry {
	monthWords := map[string][]monthEntry{}
	ambiguous := map[string]bool{
		Normalize("مارس"): true, Normalize("آب"): true, Normalize("ماي"): true, Normalize("جوان"): true,
		Normalize("نيسان"): true, Normalize("تموز"): true, Normalize("صفر"): true, Normalize("رجب"): true,
		Normalize("محرم"): true, Normalize("شعبان"): true, Normalize("أوت"): true, Normalize("شوال"): true,
		Normalize("رمضان"): true,
	}
	addName := func(name string, m int, hijri bool) {
		f := strings.Fields(Normalize(name))
		e := monthEntry{month: m, hijri: hijri, ambiguous: ambiguous[f[0]] && len(f) == 1}
		if len(f) > 1 {
			e.second = f[1]
		}
		for _, have := range monthWords[f[0]] {
			if have == e {
				return
			}
		}
		monthWords[f[0]] = append(monthWords[f[0]], e)
	}
	for i := 0; i < 12; i++ {
		for _, n := range MonthNamesEgyptian[i] {
			addName(n, i+1, false)
		}
		addName(MonthNamesLevantine[i], i+1, false)
		for _, n := range MonthNamesMaghrebi[i] {
			addName(n, i+1, false)
		}
		for _, n := range MonthNamesHijri[i] {
			addName(n, i+1, true)
		}
	}
	return monthWords
}()

// MonthOf returns the Gregorian month a one-word month name stands for, in
// any of the three systems («يونيو», «حزيران», «جوان»). Two-word names
// («كانون الثاني») are given with their space.
func MonthOf(name string) (time.Month, bool) {
	f := strings.Fields(Normalize(name))
	if len(f) == 0 || len(f) > 2 {
		return 0, false
	}
	for _, e := range monthWords[f[0]] {
		if e.hijri {
			continue
		}
		if len(f) == 1 && e.second == "" || len(f) == 2 && e.second == f[1] {
			return time.Month(e.month), true
		}
	}
	return 0, false
}

// WeekdayNames are the days of the week as written with the article,
// Sunday first (the order of time.Weekday).
var WeekdayNames = [7]string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}

var weekdayWords = func() map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for i, n := range WeekdayNames {
		m[Normalize(n)] = time.Weekday(i)
	}
	m[Normalize("الإثنين")] = time.Monday
	m[Normalize("الأثنين")] = time.Monday
	return m
}()

// Weekday returns the day a weekday name stands for: the name with its
// article («الجمعة», «الإثنين»), also after a conjunction or preposition
// («والجمعة», «للجمعة»). Bare forms («جمعة», «خميس») are personal names as
// often as days and are not accepted.
func Weekday(word string) (time.Weekday, bool) {
	n := Normalize(word)
	if d, ok := weekdayWords[n]; ok {
		return d, true
	}
	for _, p := range []string{"و", "ف", "ب", "ل"} {
		if strings.HasPrefix(n, p) {
			rest := n[len(p):]
			if p == "ل" && strings.HasPrefix(rest, "ل") {
				rest = "ا" + rest // للجمعة = ل + الجمعة
			}
			if d, ok := weekdayWords[rest]; ok {
				return d, true
			}
		}
	}
	return 0, false
}
