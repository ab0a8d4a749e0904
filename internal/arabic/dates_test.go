package arabic

import (
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFindDates(t *testing.T) {
	sat := d("2020-06-13") // a Saturday
	fri := d("2020-06-12")
	type date struct {
		text     string
		from, to string
		prec     Precision
		rel      bool
		kind     DateKind
	}
	tests := []struct {
		in   string
		ref  time.Time
		want []date
	}{
		{"انسحبت القوات في 29 مايو الماضي", sat, []date{{"29 مايو الماضي", "2020-05-29", "2020-05-29", Day, true, CalendarDate}}},
		{"في 5 يونيو 2020", sat, []date{{"5 يونيو 2020", "2020-06-05", "2020-06-05", Day, false, CalendarDate}}},
		{"يونيو/حزيران 2020", sat, []date{{"يونيو/حزيران 2020", "2020-06-01", "2020-06-30", Month, false, CalendarDate}}},
		{"حزيران (يونيو) 2020", sat, []date{{"حزيران (يونيو) 2020", "2020-06-01", "2020-06-30", Month, false, CalendarDate}}},
		{"في يوليو من عام 2019", sat, []date{{"يوليو من عام 2019", "2019-07-01", "2019-07-31", Month, false, CalendarDate}}},
		{"كانون الثاني 2020", sat, []date{{"كانون الثاني 2020", "2020-01-01", "2020-01-31", Month, false, CalendarDate}}},
		{"تشرين الأول الماضي", sat, []date{{"تشرين الأول الماضي", "2019-10-01", "2019-10-31", Month, true, CalendarDate}}},
		{"جانفي 2020 وجويلية 2019", sat, []date{
			{"جانفي 2020", "2020-01-01", "2020-01-31", Month, false, CalendarDate},
			{"وجويلية 2019", "2019-07-01", "2019-07-31", Month, false, CalendarDate}}},
		{"الخامس من حزيران", sat, []date{{"الخامس من حزيران", "2020-06-05", "2020-06-05", Day, true, CalendarDate}}},
		{"الحادي والثلاثين من ديسمبر 2019", sat, []date{{"الحادي والثلاثين من ديسمبر 2019", "2019-12-31", "2019-12-31", Day, false, CalendarDate}}},
		{"في العاشر من الشهر الماضي", sat, []date{{"العاشر من الشهر الماضي", "2020-05-10", "2020-05-10", Day, true, CalendarDate}}},
		{"يوم 5 من الشهر الجاري", sat, []date{{"5 من الشهر الجاري", "2020-06-05", "2020-06-05", Day, true, CalendarDate}}},
		{"20 يونيو", sat, []date{{"20 يونيو", "2019-06-20", "2019-06-20", Day, true, CalendarDate}}},
		{"20 يونيو المقبل", sat, []date{{"20 يونيو المقبل", "2020-06-20", "2020-06-20", Day, true, CalendarDate}}},
		{"مارس الماضي", sat, []date{{"مارس الماضي", "2020-03-01", "2020-03-31", Month, true, CalendarDate}}},
		{"مارس ضغوطا كبيرة", sat, nil},
		{"2020-06-05", sat, []date{{"2020-06-05", "2020-06-05", "2020-06-05", Day, false, NumericDate}}},
		{"05/06/2020", sat, []date{{"05/06/2020", "2020-06-05", "2020-06-05", Day, false, NumericDate}}},
		{"2020/06/05", sat, []date{{"2020/06/05", "2020-06-05", "2020-06-05", Day, false, NumericDate}}},
		{"5.6.2020", sat, []date{{"5.6.2020", "2020-06-05", "2020-06-05", Day, false, NumericDate}}},
		{"06/25/2020", sat, []date{{"06/25/2020", "2020-06-25", "2020-06-25", Day, false, NumericDate}}},
		{"31/02/2020", sat, nil},
		{"نشر في 27 - 11 - 2024", sat, []date{{"27 - 11 - 2024", "2024-11-27", "2024-11-27", Day, false, NumericDate}}},
		{"10 - 15 قتيلا", sat, nil},
		{"عام 2019", sat, []date{{"عام 2019", "2019-01-01", "2019-12-31", Year, false, YearDate}}},
		{"العام 2019", sat, []date{{"العام 2019", "2019-01-01", "2019-12-31", Year, false, YearDate}}},
		{"سنة 2019", sat, []date{{"سنة 2019", "2019-01-01", "2019-12-31", Year, false, YearDate}}},
		{"منذ 2011", sat, []date{{"2011", "2011-01-01", "2011-12-31", Year, false, YearDate}}},
		{"عامي 2019 و2020", sat, []date{{"عامي 2019 و2020", "2019-01-01", "2020-12-31", Year, false, YearDate}}},
		{"العام الماضي", sat, []date{{"العام الماضي", "2019-01-01", "2019-12-31", Year, true, YearDate}}},
		{"هذا العام", sat, []date{{"هذا العام", "2020-01-01", "2020-12-31", Year, true, YearDate}}},
		{"يوم الجمعة", sat, []date{{"يوم الجمعة", "2020-06-12", "2020-06-12", Day, true, WeekdayDate}}},
		{"الجمعة", sat, []date{{"الجمعة", "2020-06-12", "2020-06-12", Day, true, WeekdayDate}}},
		{"الجمعة", fri, []date{{"الجمعة", "2020-06-12", "2020-06-12", Day, true, WeekdayDate}}},
		{"الجمعة الماضي", fri, []date{{"الجمعة الماضي", "2020-06-05", "2020-06-05", Day, true, WeekdayDate}}},
		{"الخميس الماضي", sat, []date{{"الخميس الماضي", "2020-06-11", "2020-06-11", Day, true, WeekdayDate}}},
		{"السبت المقبل", sat, []date{{"السبت المقبل", "2020-06-20", "2020-06-20", Day, true, WeekdayDate}}},
		{"مساء الأحد", sat, []date{{"مساء الأحد", "2020-06-07", "2020-06-07", Day, true, WeekdayDate}}},
		{"ليلة الجمعة", sat, []date{{"ليلة الجمعة", "2020-06-11", "2020-06-12", Day, true, WeekdayDate}}},
		{"أمس الجمعة", sat, []date{{"أمس الجمعة", "2020-06-12", "2020-06-12", Day, true, DeicticDate}}},
		{"ليل أمس الخميس", fri, []date{{"ليل أمس الخميس", "2020-06-11", "2020-06-11", Day, true, DeicticDate}}},
		{"الجمعة 5 يونيو 2020", sat, []date{{"الجمعة 5 يونيو 2020", "2020-06-05", "2020-06-05", Day, false, CalendarDate}}},
		{"أمس", sat, []date{{"أمس", "2020-06-12", "2020-06-12", Day, true, DeicticDate}}},
		{"أمس الجمعة", d("2020-06-10"), []date{{"أمس الجمعة", "2020-06-05", "2020-06-09", Week, true, DeicticDate}}},
		{"وقال بالأمس", sat, []date{{"بالأمس", "2020-06-12", "2020-06-12", Day, true, DeicticDate}}},
		{"البارحة", sat, []date{{"البارحة", "2020-06-12", "2020-06-12", Day, true, DeicticDate}}},
		{"أول أمس", sat, []date{{"أول أمس", "2020-06-11", "2020-06-11", Day, true, DeicticDate}}},
		{"أول من أمس", sat, []date{{"أول من أمس", "2020-06-11", "2020-06-11", Day, true, DeicticDate}}},
		{"صباح اليوم", sat, []date{{"صباح اليوم", "2020-06-13", "2020-06-13", Day, true, DeicticDate}}},
		{"اليوم التالي", sat, nil},
		{"غداً", sat, []date{{"غداً", "2020-06-14", "2020-06-14", Day, true, DeicticDate}}},
		{"الأسبوع الماضي", sat, []date{{"الأسبوع الماضي", "2020-06-06", "2020-06-12", Week, true, PeriodDate}}},
		{"الشهر الماضي", sat, []date{{"الشهر الماضي", "2020-05-01", "2020-05-31", Month, true, PeriodDate}}},
		{"مطلع الشهر", sat, []date{{"مطلع الشهر", "2020-06-01", "2020-06-10", Week, true, PeriodDate}}},
		{"أواخر الشهر الماضي", sat, []date{{"أواخر الشهر الماضي", "2020-05-20", "2020-05-31", Week, true, PeriodDate}}},
		{"منتصف الشهر الجاري", sat, []date{{"منتصف الشهر الجاري", "2020-06-10", "2020-06-20", Week, true, PeriodDate}}},
		{"أوائل مايو", sat, []date{{"أوائل مايو", "2020-05-01", "2020-05-10", Week, true, PeriodDate}}},
		{"نهاية مايو 2019", sat, []date{{"نهاية مايو 2019", "2019-05-20", "2019-05-31", Week, false, PeriodDate}}},
		{"مطلع العام", sat, []date{{"مطلع العام", "2020-01-01", "2020-03-31", Month, true, PeriodDate}}},
		{"مطلع العام الماضي", sat, []date{{"مطلع العام الماضي", "2019-01-01", "2019-03-31", Month, true, PeriodDate}}},
		{"نهاية 2019", sat, []date{{"نهاية 2019", "2019-10-01", "2019-12-31", Month, false, PeriodDate}}},
		{"منذ 14 شهرا", sat, []date{{"منذ 14 شهرا", "2019-04-01", "2019-04-30", Month, true, AgoDate}}},
		{"قبل 14 شهرا", sat, []date{{"قبل 14 شهرا", "2019-04-01", "2019-04-30", Month, true, AgoDate}}},
		{"قبل يومين", sat, []date{{"قبل يومين", "2020-06-11", "2020-06-11", Day, true, AgoDate}}},
		{"قبل ثلاثة أيام", sat, []date{{"قبل ثلاثة أيام", "2020-06-10", "2020-06-10", Day, true, AgoDate}}},
		{"قبل أسبوع", sat, []date{{"قبل أسبوع", "2020-06-03", "2020-06-09", Week, true, AgoDate}}},
		{"منذ عامين", sat, []date{{"منذ عامين", "2018-01-01", "2018-12-31", Year, true, AgoDate}}},
		{"خلال الأيام الماضية", sat, []date{{"خلال الأيام الماضية", "2020-06-06", "2020-06-13", Week, true, PeriodDate}}},
		{"في الأيام القليلة الماضية", sat, []date{{"في الأيام القليلة الماضية", "2020-06-06", "2020-06-13", Week, true, PeriodDate}}},
		{"15 رمضان 1441 هـ", sat, []date{{"15 رمضان 1441 هـ", "2020-05-07", "2020-05-09", Day, false, HijriDate}}},
		{"عام 1441 هـ", sat, []date{{"عام 1441 هـ", "2019-08-31", "2020-08-20", Year, false, HijriDate}}},
		{"بين الاثنين", sat, nil},
		{"ليلة القدر", sat, nil},
		// With no reference date only absolute expressions are read.
		{"أمس الجمعة في 5 يونيو 2020 بعد 29 مايو", time.Time{}, []date{{"5 يونيو 2020", "2020-06-05", "2020-06-05", Day, false, CalendarDate}}},
		{"الأسبوع الماضي وعام 2019", time.Time{}, []date{{"وعام 2019", "2019-01-01", "2019-12-31", Year, false, YearDate}}},
		{"", sat, nil},
	}
	for _, tt := range tests {
		got := FindDates(tt.in, tt.ref)
		if len(got) != len(tt.want) {
			t.Errorf("FindDates(%q) = %d dates %+v, want %d", tt.in, len(got), got, len(tt.want))
			continue
		}
		runes := []rune(tt.in)
		for i, w := range tt.want {
			g := got[i]
			if g.Text != w.text || g.From != d(w.from) || g.To != d(w.to) || g.Precision != w.prec || g.Relative != w.rel || g.Kind != w.kind {
				t.Errorf("FindDates(%q)[%d] = %q %s..%s %v rel=%v %v, want %q %s..%s %v rel=%v %v", tt.in, i,
					g.Text, g.From.Format("2006-01-02"), g.To.Format("2006-01-02"), g.Precision, g.Relative, g.Kind,
					w.text, w.from, w.to, w.prec, w.rel, w.kind)
			}
			if string(runes[g.Start:g.End]) != g.Text {
				t.Errorf("FindDates(%q)[%d] offsets give %q", tt.in, i, string(runes[g.Start:g.End]))
			}
			if g.To.Before(g.From) {
				t.Errorf("FindDates(%q)[%d] window reversed", tt.in, i)
			}
		}
	}
}

func TestFindDatesFuture(t *testing.T) {
	sat := d("2020-06-13")
	for _, tc := range []struct {
		in     string
		future bool
	}{{"غداً", true}, {"الأسبوع المقبل", true}, {"أمس", false}, {"العام المقبل", true}, {"الجمعة", false}} {
		got := FindDates(tc.in, sat)
		if len(got) != 1 || got[0].Future != tc.future {
			t.Errorf("FindDates(%q) = %+v, want one date with Future=%v", tc.in, got, tc.future)
		}
	}
}

func TestWeekday(t *testing.T) {
	tests := []struct {
		in   string
		want time.Weekday
		ok   bool
	}{
		{"الجمعة", time.Friday, true}, {"الخميس", time.Thursday, true}, {"الأحد", time.Sunday, true},
		{"الإثنين", time.Monday, true}, {"الاثنين", time.Monday, true}, {"الثلاثاء", time.Tuesday, true},
		{"الأربعاء", time.Wednesday, true}, {"السبت", time.Saturday, true}, {"والجمعة", time.Friday, true},
		{"للجمعة", time.Friday, true}, {"جمعة", 0, false}, {"الجيش", 0, false},
	}
	for _, tt := range tests {
		got, ok := Weekday(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Weekday(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMonthOf(t *testing.T) {
	tests := []struct {
		in   string
		want time.Month
	}{
		{"يونيو", time.June}, {"يونيه", time.June}, {"حزيران", time.June}, {"جوان", time.June},
		{"كانون الثاني", time.January}, {"كانون الأول", time.December}, {"تشرين الأول", time.October},
		{"آب", time.August}, {"أوت", time.August}, {"أغسطس", time.August}, {"فيفري", time.February},
		{"أفريل", time.April}, {"ماي", time.May}, {"جويلية", time.July},
	}
	for _, tt := range tests {
		if got, ok := MonthOf(tt.in); !ok || got != tt.want {
			t.Errorf("MonthOf(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"كانون", "رمضان", "الجيش", ""} {
		if _, ok := MonthOf(bad); ok {
			t.Errorf("MonthOf(%q) ok", bad)
		}
	}
}

func TestHijri(t *testing.T) {
	// Reference dates of the tabular calendar (sighting calendars may
	// differ by a day).
	tests := []struct {
		y, m, d int
		want    string
	}{
		{1441, 9, 1, "2020-04-24"},
		{1442, 1, 1, "2020-08-20"},
		{1, 1, 1, "0622-07-19"},
		{1400, 1, 1, "1979-11-21"},
	}
	for _, tt := range tests {
		got := HijriToGregorian(tt.y, tt.m, tt.d)
		if diff := got.Sub(d(tt.want)).Hours() / 24; diff < -1 || diff > 1 {
			t.Errorf("HijriToGregorian(%d,%d,%d) = %s, want %s ±1", tt.y, tt.m, tt.d, got.Format("2006-01-02"), tt.want)
		}
		if y, m, dd := GregorianToHijri(got); y != tt.y || m != tt.m || dd != tt.d {
			t.Errorf("GregorianToHijri(%s) = %d-%d-%d, want %d-%d-%d", got.Format("2006-01-02"), y, m, dd, tt.y, tt.m, tt.d)
		}
	}
	// Round trip over several centuries.
	for jdn := gregorianToJDN(1900, 1, 1); jdn < gregorianToJDN(2100, 1, 1); jdn += 13 {
		y, m, dd := jdnToHijri(jdn)
		if hijriToJDN(y, m, dd) != jdn || dd < 1 || dd > hijriMonthLength(y, m) {
			t.Fatalf("round trip of JDN %d: %d-%d-%d", jdn, y, m, dd)
		}
	}
}

// TestFindDatesAnchored: «بعد أسبوعين من X» counts from X, not from the
// reference day: it is no future date, and what it dates is X.
func TestFindDatesAnchored(t *testing.T) {
	sat := d("2020-06-13")
	for _, tc := range []struct {
		in               string
		from, to         string
		future, anchored bool
	}{
		{"وقع الهجوم بعد أسبوعين من تفجير سيارة مفخخة", "2020-05-27", "2020-06-02", false, true},
		{"جاء القصف بعد يومين من اشتباكات عنيفة", "2020-06-11", "2020-06-11", false, true},
		{"انسحبت القوات بعد ثلاثة أيام على سقوط المدينة", "2020-06-10", "2020-06-10", false, true},
		{"أعلن الجيش الحظر قبل يومين من الانتخابات", "2020-06-15", "2020-06-15", true, true},
		{"قتل قبل يومين من قبل مسلحين", "2020-06-11", "2020-06-11", false, false},
		{"تعقد الجولة بعد يومين من الآن", "2020-06-15", "2020-06-15", true, false},
		{"تعقد الجولة بعد يومين", "2020-06-15", "2020-06-15", true, false},
	} {
		got := FindDates(tc.in, sat)
		if len(got) != 1 {
			t.Errorf("FindDates(%q) = %+v, want one date", tc.in, got)
			continue
		}
		g := got[0]
		if g.From.Format("2006-01-02") != tc.from || g.To.Format("2006-01-02") != tc.to || g.Future != tc.future || g.Anchored != tc.anchored {
			t.Errorf("FindDates(%q) = %s..%s future=%v anchored=%v, want %s..%s future=%v anchored=%v", tc.in,
				g.From.Format("2006-01-02"), g.To.Format("2006-01-02"), g.Future, g.Anchored, tc.from, tc.to, tc.future, tc.anchored)
		}
	}
}
