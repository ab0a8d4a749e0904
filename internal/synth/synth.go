// Package synth generates realistic scraped Arabic conflict-news pages from
// its own small vocabulary — menus, date stamps, a headline, paragraphs with
// datelines and headings, related-news lists, tags, comment forms and
// copyright lines — with every line labelled. Benchmarks use it for corpora
// of any size, and tests use the labels to measure the cleaner on pages it
// has never seen. Nothing here comes from real articles.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Page is one generated page and the truth about it.
type Page struct {
	Text        string   // the page as a scraper would save it
	Title       string   // "" when the page has no headline
	Body        []string // the article's lines, in order
	Boilerplate []string // every other non-empty line
}

var (
	places = []string{
		"مدينة الحديدة", "بلدة كفرنبل", "حي الشيخ مقصود", "منطقة أبو سليم", "مخيم زمزم", "ريف حماة الشمالي",
		"مدينة الجنينة", "ميناء عدن", "مدينة مأرب", "جبل الزاوية", "مدينة بنغازي", "مدينة سبها",
		"منطقة القلمون", "محافظة الأنبار", "مدينة كسلا", "منطقة جبل مرة", "مدينة الموصل", "بلدة بيت لاهيا",
		"قضاء صور", "مدينة الأبيض", "منطقة الجفرة", "مدينة تعز", "ريف إدلب الجنوبي", "مدينة دير الزور",
	}
	actors = []string{
		"قوات الدعم السريع", "الجيش السوداني", "جماعة الحوثيين", "القوات الحكومية", "فصائل المعارضة المسلحة",
		"قوات سوريا الديمقراطية", "عناصر تنظيم داعش", "الجيش الوطني الليبي", "قوات حكومة الوحدة الوطنية",
		"حركة الشباب", "مجموعة مسلحة مجهولة", "قوات التحالف", "الشرطة المحلية", "مقاتلون قبليون",
	}
	actions = []string{
		"شنت هجوما واسعا على مواقع في", "قصفت بالمدفعية الثقيلة أحياء في", "أحكمت سيطرتها على",
		"انسحبت من مواقعها في", "استهدفت بطائرات مسيرة تجمعات في", "اشتبكت مع مسلحين في",
		"فرضت حصارا مشددا على", "نفذت حملة اعتقالات في", "أعادت انتشارها في محيط",
	}
	reporting = []string{
		"قالت مصادر محلية إن", "أفاد شهود عيان بأن", "ذكر بيان صادر عن وزارة الداخلية أن",
		"أكد مسؤول عسكري طلب عدم ذكر اسمه أن", "أوضح ناشطون على مواقع التواصل أن",
		"قال المتحدث باسم المنظمة في تصريح صحفي إن", "أشار تقرير أممي صدر حديثا إلى أن",
	}
	outcomes = []string{
		"ما أسفر عن مقتل %d أشخاص وإصابة %d آخرين بجروح متفاوتة",
		"دون أن ترد أنباء فورية عن وقوع إصابات في صفوف المدنيين",
		"ما أدى إلى نزوح مئات العائلات نحو المناطق المجاورة",
		"وسط تحليق مكثف للطيران الحربي في سماء المنطقة",
		"في حين لم يصدر أي تعليق رسمي من الطرف الآخر حتى الآن",
		"ما تسبب في انقطاع التيار الكهربائي عن أحياء واسعة لساعات",
	}
	times = []string{
		"صباح الأحد", "مساء الخميس", "فجر اليوم", "أمس الجمعة", "منذ مطلع الشهر الجاري",
		"خلال الساعات الماضية", "ليل الثلاثاء", "في وقت سابق من اليوم",
	}
	months    = []string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
	enMonths  = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	weekdays  = []string{"السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"}
	enDays    = []string{"SAT", "SUN", "MON", "TUE", "WED", "THU", "FRI"}
	agencies  = []string{"رويترز", "أ ف ب", "الأناضول", "د ب أ", "سبوتنيك", "شينخوا"}
	enAgency  = []string{"Reuters", "AFP", "Anadolu Agency", "dpa", "Sputnik", "Xinhua"}
	cities    = []string{"طرابلس", "صنعاء", "الخرطوم", "دمشق", "بغداد", "مقديشو", "عدن", "حلب"}
	headings  = []string{"تصعيد ميداني", "ردود فعل دولية", "وضع إنساني صعب", "خلفية الصراع", "مخاوف من التوسع", "حصيلة أولية"}
	sections  = []string{"الرئيسية", "أخبار", "تقارير", "سياسة", "اقتصاد", "رياضة", "منوعات", "مقالات"}
	tags      = []string{"نزوح", "اشتباكات", "غارات جوية", "الأمم المتحدة", "حقوق الإنسان", "هدنة"}
	enRelated = []string{"Fighting intensifies near the border", "UN calls for humanitarian access", "Talks resume amid fragile truce", "Aid convoy reaches besieged town"}
)

// Article generates one page. The same rng state gives the same page.
func Article(rng *rand.Rand) Page {
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	var p Page
	var lines []string
	add := func(text string, body bool) {
		lines = append(lines, text)
		if body {
			p.Body = append(p.Body, text)
		} else if strings.TrimSpace(text) != "" {
			p.Boilerplate = append(p.Boilerplate, text)
		}
	}
	blank := rng.IntN(2) == 0 // some sites put a blank line between paragraphs
	year := 2015 + rng.IntN(10)
	day, month := 1+rng.IntN(28), rng.IntN(12)

	// Header furniture.
	switch rng.IntN(4) {
	case 0:
		add(strings.Join(sections[:3+rng.IntN(4)], ""), false)
	case 1:
		add(strings.Join(sections[:2+rng.IntN(3)], " » "), false)
	case 2:
		add(strings.Join(sections[:4], " | "), false)
	}
	if rng.IntN(2) == 0 {
		add(fmt.Sprintf("%s %02d - %02d - %d", enDays[rng.IntN(7)], 1+rng.IntN(28), 1+rng.IntN(12), year+1+rng.IntN(3)), false)
	}
	agency := rng.IntN(len(agencies))
	if rng.IntN(3) == 0 {
		add(fmt.Sprintf("Date: %s %d, %d", enMonths[month], day, year), false)
		add("Source: "+enAgency[agency], false)
	}
	// The headline (most pages have one).
	if rng.IntN(5) > 0 {
		p.Title = pick(actors) + " " + pick(actions) + " " + pick(places)
		lines = append(lines, p.Title)
		if rng.IntN(3) == 0 {
			add(fmt.Sprintf("%s %d %s %d - %02d:%02d", pick(weekdays), day, months[month], year, rng.IntN(24), rng.IntN(60)), false)
		}
	}
	// The article.
	n := 4 + rng.IntN(7)
	for i := range n {
		if i > 0 && i < n-1 && rng.IntN(5) == 0 {
			add(pick(headings), true)
		}
		para := paragraph(rng, pick)
		if i == 0 && rng.IntN(2) == 0 {
			para = fmt.Sprintf("%s (%s) - %s", pick(cities), agencies[agency], para)
		}
		if i == n/2 && rng.IntN(3) == 0 {
			para += fmt.Sprintf(" ويعود التوتر في المنطقة إلى %d %s %d، حين اندلعت المواجهات الأولى.", day, months[rng.IntN(12)], year-1-rng.IntN(3))
		}
		add(para, true)
		if blank {
			add("", false)
		}
		if i == n/2 && rng.IntN(4) == 0 {
			add("اقرأ أيضاً:", false)
			add(pick(actors)+" "+pick(actions)+" "+pick(places), false)
			if blank {
				add("", false)
			}
		}
	}
	// Footer furniture.
	if rng.IntN(2) == 0 {
		add("الوسوم", false)
		for range 2 + rng.IntN(3) {
			add(pick(tags), false)
		}
	}
	if rng.IntN(2) == 0 {
		add("مقالات ذات صلة", false)
		for range 2 + rng.IntN(2) {
			add(pick(actors)+" "+pick(actions)+" "+pick(places), false)
		}
	}
	if rng.IntN(3) == 0 {
		add("Related News", false)
		for range 2 + rng.IntN(2) {
			add(pick(enRelated), false)
		}
	}
	switch rng.IntN(3) {
	case 0:
		add("اترك تعليقاً", false)
		add("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", false)
		add("الاسم *", false)
	case 1:
		add("Readers Comments (0)", false)
		add("Add your comment", false)
	}
	if rng.IntN(2) == 0 {
		add(fmt.Sprintf("جميع الحقوق محفوظة © %d", year+1), false)
	}
	p.Text = strings.Join(lines, "\n") + "\n"
	return p
}

// paragraph is one to three sentences of running text.
func paragraph(rng *rand.Rand, pick func([]string) string) string {
	var b strings.Builder
	for k := range 1 + rng.IntN(3) {
		if k > 0 {
			b.WriteByte(' ')
		}
		outcome := pick(outcomes)
		if strings.Contains(outcome, "%d") {
			outcome = fmt.Sprintf(outcome, 2+rng.IntN(30), 3+rng.IntN(60))
		}
		fmt.Fprintf(&b, "و%s %s %s %s %s، %s.", pick(reporting), pick(actors), pick(actions), pick(places), pick(times), outcome)
	}
	return strings.TrimPrefix(b.String(), "و")
}

// Corpus generates n pages from seed.
func Corpus(seed uint64, n int) []Page {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pages := make([]Page, n)
	for i := range pages {
		pages[i] = Article(rng)
	}
	return pages
}
