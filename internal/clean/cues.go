package clean

import "strings"

// Cue words of page furniture that news sites put around an article. They
// are written here as a reader would type them and folded once at start-up,
// so «اقرأ أيضاً», «إقرأ أيضا» and «اقرا ايضا» all match. A cue only counts
// on a short line (see the classifier): article sentences may use the same
// words.

// commentCues open the comment section: nothing after them is the article.
var commentCues = folded(
	"اترك تعليقا", "اترك تعليقك", "اترك ردا", "اترك رد", "أضف تعليق", "أضف تعليقك",
	"أضف تعليقا", "التعليقات", "تعليقات القراء", "تعليقات الزوار", "شاركنا رأيك",
	"اكتب تعليقك", "إرسال التعليق", "أرسل تعليقك", "عدد التعليقات", "لا توجد تعليقات",
	"comments", "comment", "leave a reply", "leave a comment", "add your comment",
	"add a comment", "readers comments", "reader comments", "post a comment",
	"write a comment", "join the discussion",
)

// commentCounts are comment-section headers only when they are the whole
// line, with a count: «3 تعليقات», "Comments (0)". As the start of a line
// they would catch headings such as «تعليق الدراسة».
var commentCounts = folded("تعليقات", "تعليق", "تعليقان", "comments", "comment", "responses", "replies")

// listCues head a list of links or tags: related articles, «اقرأ أيضاً»,
// most read, tags. The lines that follow them are items, not article text.
var listCues = folded(
	"اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "اقرأ ايضا",
	"شاهد أيضا", "طالع أيضا", "تابع أيضا", "للمزيد", "المزيد", "المزيد من الأخبار",
	"محتوى ذو صلة", "محتوى ذا صلة", "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة",
	"موضوعات ذات صلة", "تقارير ذات صلة", "ذات صلة", "أخبار متعلقة", "مقالات متعلقة",
	"أخبار مشابهة", "مواضيع مشابهة", "قد يهمك", "قد يهمك أيضا", "قد يعجبك أيضا",
	"ننصحك بقراءة", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقا",
	"آخر الأخبار", "أحدث الأخبار", "أخبار عاجلة", "الأخبار الرئيسية", "في هذا القسم",
	"الوسوم", "وسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "كلمات دلالية", "الكلمات الدلالية",
	"مواضيع", "التصنيفات", "تصنيفات", "المقال التالي", "المقال السابق", "الخبر التالي",
	"الخبر السابق",
	"related news", "related articles", "related stories", "related posts", "related",
	"read more", "read also", "see also", "also read", "more news", "more stories",
	"more from", "most read", "most popular", "you may also like", "recommended",
	"latest news", "tags", "topics", "next article", "previous article",
)

// shareCues are share buttons and follow-us strips.
var shareCues = folded(
	"شارك", "شارك هذا الخبر", "شارك المقال", "شارك الخبر", "مشاركة", "شاركها", "انشر",
	"تابعنا", "تابعونا", "تابعنا على", "تابعونا على", "اشترك", "اشترك في النشرة",
	"النشرة البريدية", "طباعة", "أرسل لصديق", "إرسال لصديق", "حجم الخط", "نسخ الرابط",
	"share", "share this", "share on", "follow us", "subscribe", "print", "email",
	"tweet", "اقترح تصحيحا", "أبلغ عن خطأ", "الإبلاغ عن خطأ", "report an error",
	"suggest a correction", "report a correction",
)

// socialNames: a short line naming two or more of these is a share strip.
var socialNames = folded(
	"فيسبوك", "فيس بوك", "تويتر", "واتساب", "واتس اب", "تلغرام", "تيليجرام", "انستغرام",
	"يوتيوب", "لينكدإن", "بريد إلكتروني",
	"facebook", "twitter", "whatsapp", "telegram", "instagram", "youtube", "linkedin",
	"pinterest", "reddit", "messenger",
)

// formCues are comment forms, captchas and spam-filter notices, anywhere in
// a short line.
var formCues = folded(
	"رمز التحقق", "أدخل الرمز", "الحقول الإلزامية", "الحقول المطلوبة", "لن يتم نشر عنوان بريدك",
	"لن يتم نشر بريدك", "بريدك الإلكتروني", "احفظ اسمي", "التعليقات المزعجة", "بيانات تعليقك",
	"akismet", "captcha", "security code", "can t read this", "try another", "required fields",
	"your email address will not be published", "save my name", "not a robot",
)

// copyrightCues mark copyright and legal lines.
var copyrightCues = folded(
	"جميع الحقوق محفوظة", "كل الحقوق محفوظة", "حقوق النشر", "حقوق الطبع", "الحقوق محفوظة",
	"copyright", "all rights reserved", "privacy policy", "terms of use", "سياسة الخصوصية",
	"شروط الاستخدام", "اتصل بنا", "من نحن", "contact us", "about us",
)

// navWords are menu and section names; a short line made only of them is a
// menu, and a word with no spaces made of several of them is a menu whose
// separators were lost in scraping.
var navWords = folded(
	"الرئيسية", "الرئيسيه", "الصفحة الرئيسية", "أخبار", "الأخبار", "خبر", "سياسة", "السياسة",
	"اقتصاد", "الاقتصاد", "رياضة", "الرياضة", "ثقافة", "الثقافة", "فن", "فنون", "منوعات",
	"تقارير", "تقرير", "تحقيقات", "مقالات", "مقال", "آراء", "رأي", "الرأي", "فيديو", "صور",
	"مجتمع", "صحة", "علوم", "تكنولوجيا", "محليات", "عربي", "دولي", "عربي ودولي", "عالمي",
	"العالم", "حوارات", "ملفات", "كاريكاتير", "بودكاست", "انفوغرافيك", "المزيد", "بحث",
	"اتصل بنا", "من نحن", "أرشيف", "الأرشيف", "عاجل", "مختارات", "ترجمات", "اقتصادية",
	"home", "news", "politics", "economy", "sport", "sports", "culture", "opinion", "video",
	"world", "search", "menu", "english", "français", "عربي english",
)

// labels introduce a metadata field on its own line: "Date: …", «المصدر: …».
// The value is kept as given metadata.
var (
	dateLabels   = folded("date", "published", "published on", "posted", "posted on", "تاريخ النشر", "نشر في", "نشر بتاريخ", "بتاريخ", "التاريخ", "تاريخ")
	updateLabels = folded("updated", "last updated", "آخر تحديث", "تحديث", "تم التحديث")
	sourceLabels = folded("source", "المصدر", "مصدر", "المصادر")
	bylineLabels = folded("by", "author", "written by", "كتب", "كتبت", "بقلم", "الكاتب", "إعداد", "تحرير", "كتب بواسطة", "مراسل")
)

// breadcrumbSeps join the steps of a breadcrumb or the items of a menu.
const breadcrumbSeps = "»«›‹>|/\\←→•·"

// cueSet is a set of folded phrases, indexed for scanning a line once.
type cueSet struct {
	phrases map[string]bool
	// longest maps a phrase's first word to the most words of a phrase
	// starting with it, so words that start no phrase cost one lookup.
	longest map[string]int
}

func folded(cues ...string) cueSet {
	s := cueSet{phrases: map[string]bool{}, longest: map[string]int{}}
	for _, c := range cues {
		f := fold(c)
		words := strings.Fields(f)
		if len(words) == 0 {
			continue
		}
		s.phrases[f] = true
		s.longest[words[0]] = max(s.longest[words[0]], len(words))
	}
	return s
}

// has reports whether folded text f is one of the phrases.
func (s cueSet) has(f string) bool { return s.phrases[f] }

// starts reports whether folded text f is a phrase or starts with one
// followed by a space; it returns the phrase's length in words (the
// longest that matches), 0 when none.
func (s cueSet) starts(f string) int {
	first, _, _ := strings.Cut(f, " ")
	return s.matchAt(f, s.longest[first])
}

// matchAt returns the length in words of the longest phrase that f starts
// with, trying at most n words.
func (s cueSet) matchAt(f string, n int) int {
	if n == 0 {
		return 0
	}
	var buf [8]int
	ends := buf[:0]
	for i := 0; i < len(f) && len(ends) < n; i++ {
		if f[i] == ' ' {
			ends = append(ends, i) // the end of word len(ends)+1
		}
	}
	if len(ends) < n {
		ends = append(ends, len(f)) // the line has fewer than n+1 words
	}
	for k := len(ends) - 1; k >= 0; k-- {
		if s.phrases[f[:ends[k]]] {
			return k + 1
		}
	}
	return 0
}

// contains reports whether any phrase occurs in folded text f as whole words.
func (s cueSet) contains(f string) bool { return s.count(f) > 0 }

// count counts the places in folded text f where a phrase starts.
func (s cueSet) count(f string) int {
	n := 0
	for start := 0; start < len(f); {
		rest := f[start:]
		word, _, _ := strings.Cut(rest, " ")
		if s.matchAt(rest, s.longest[word]) > 0 {
			n++
		}
		start += len(word) + 1
	}
	return n
}
