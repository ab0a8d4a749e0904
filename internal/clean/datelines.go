package clean

import (
	"strings"
	"unicode"
)

// dateWords are the words a date line may hold besides numbers: month names
// (Gregorian in both Arabic systems, Hijri, English), weekdays, times and
// the little words around them. A line made only of these and numbers is a
// date stamp — of publication, or of the crawl — never article text.
var dateWords = folded(
	"يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
	"أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر",
	"كانون", "الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
	"تشرين", "الأول",
	"جانفي", "فيفري", "أفريل", "ماي", "جوان", "جويلية", "أوت",
	"محرم", "صفر", "ربيع", "الآخر", "جمادى", "الأولى", "الآخرة", "رجب", "شعبان", "رمضان",
	"شوال", "ذو", "ذي", "القعدة", "الحجة",
	"السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"am", "pm", "gmt", "utc", "ص", "م", "مساء", "صباحا", "ظهرا", "بتوقيت", "غرينتش", "جرينتش",
	"مكة", "المكرمة", "القدس", "بيروت", "القاهرة", "الرياض", "هـ", "ه", "هجري", "هجرية",
	"ميلادي", "ميلادية", "الموافق", "الساعة", "يوم", "في", "on", "at", "the", "of",
	"th", "st", "nd", "rd", "clock", "min", "read", "دقيقة", "دقائق", "قراءة",
)

// monthWords are the dateWords that name a month: a date line needs one of
// them or a four-digit year.
var monthWords = folded(
	"يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
	"أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر",
	"كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
	"جانفي", "فيفري", "أفريل", "جوان", "جويلية", "أوت",
	"محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال", "القعدة", "الحجة",
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december",
)

// isDateLine reports whether folded text f is only a date (with weekday,
// time, Hijri equivalent and the like).
func isDateLine(f string) bool {
	if f == "" {
		return false
	}
	numbers, month, year, n := 0, false, false, 0
	for w := range strings.FieldsSeq(f) {
		if n++; n > 16 {
			return false
		}
		switch {
		case allDigits(w):
			numbers++
			if len(w) == 4 {
				year = true
			} else if len(w) > 4 {
				return false
			}
		case isISOStamp(w):
			numbers++
			year = true
		case dateWords.has(w):
			if monthWords.has(w) {
				month = true
			}
		default:
			return false
		}
	}
	return numbers > 0 && (year || month)
}

// isISOStamp matches the pieces an ISO 8601 timestamp folds into, such as
// "03t09" or "2024t09".
func isISOStamp(w string) bool {
	i := strings.IndexAny(w, "tz")
	if i <= 0 {
		return false
	}
	return allDigits(w[:i]) && (i == len(w)-1 || allDigits(w[i+1:]))
}

func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
