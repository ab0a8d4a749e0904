package arabic

import "time"

// The tabular (arithmetic) Islamic calendar: 30-year cycles with 11 leap
// years, the civil epoch of 16 July 622 (Julian). Official calendars follow
// moon sighting (Umm al-Qura and national committees) and may differ from it
// by a day or two, so the date reader gives converted Hijri days a window of
// one day either side.

const hijriEpochJDN = 1948440 // Julian day number of 1 Muharram 1 AH (civil)

// hijriToJDN returns the Julian day number of a tabular Hijri date.
func hijriToJDN(y, m, d int) int {
	return d + (59*(m-1)+1)/2 + 354*(y-1) + (3+11*y)/30 + hijriEpochJDN - 1
}

// jdnToHijri is the inverse of hijriToJDN.
func jdnToHijri(jdn int) (y, m, d int) {
	y = (30*(jdn-hijriEpochJDN) + 10646) / 10631
	m = 12
	for m > 1 && hijriToJDN(y, m, 1) > jdn {
		m--
	}
	d = jdn - hijriToJDN(y, m, 1) + 1
	return y, m, d
}

// hijriMonthLength is 30 for odd months and for the last month of a leap
// year, 29 otherwise.
func hijriMonthLength(y, m int) int {
	if m%2 == 1 || m == 12 && (14+11*y)%30 < 11 {
		return 30
	}
	return 29
}

// gregorianToJDN returns the Julian day number of a proleptic Gregorian date.
func gregorianToJDN(y, m, d int) int {
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	return d + (153*mm+2)/5 + 365*yy + yy/4 - yy/100 + yy/400 - 32045
}

// jdnToTime returns the UTC midnight of a Julian day number.
func jdnToTime(jdn int) time.Time {
	// 1 January 1970 is JDN 2440588.
	return time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, jdn-2440588)
}

// HijriToGregorian converts a date of the tabular Hijri calendar to the
// Gregorian calendar (UTC midnight). It may differ from a sighting-based
// calendar by a day or two.
func HijriToGregorian(year, month, day int) time.Time {
	return jdnToTime(hijriToJDN(year, month, day))
}

// GregorianToHijri converts a Gregorian date to the tabular Hijri calendar.
func GregorianToHijri(t time.Time) (year, month, day int) {
	return jdnToHijri(gregorianToJDN(t.Year(), int(t.Month()), t.Day()))
}
