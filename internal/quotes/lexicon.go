package quotes

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
)

// verbCue describes a reporting verb: how its content is introduced and how
// much evidence its subject needs to count as a speaker.
type verbCue struct {
	lemma string
	// weak verbs also have non-speech readings («يشير سقوطها إلى», «كشفت
	// الحرب عن»): their subject must look like a speaker.
	weak bool
	// object verbs take what was said as a direct object («أعلن الجيش
	// السيطرة على...»); the others need a complementizer, a colon, a
	// quotation or a comma before the content.
	object bool
	// preps are the prepositions that introduce the content («أشار إلى»,
	// «ندد بـ»); drop says whether the preposition stays out of the text
	// (a topic marker) or is part of what was said («دعا إلى وقف...»).
	preps []string
	drop  bool
	// compOnly verbs report speech only with a complementizer («اعتبر أن»,
	// «رأى أن»): their other uses are opinions about objects or not speech.
	compOnly bool
}

// verbCues are the reporting verbs, each with its perfect and imperfect
// third-person forms. Forms are written as in text and normalised at init.
var verbCues = []struct {
	cue   verbCue
	forms string
}{
	{verbCue{lemma: "قال"}, "قال قالت قالوا قالا قالتا يقول تقول يقولون تقولان يقولان"},
	{verbCue{lemma: "أكد", object: true, preps: []string{"على"}}, "أكد أكدت أكدوا أكدا أكدتا يؤكد تؤكد يؤكدون"},
	{verbCue{lemma: "أضاف"}, "أضاف أضافت أضافوا يضيف تضيف يضيفون"},
	{verbCue{lemma: "تابع"}, "تابع تابعت تابعوا"},
	{verbCue{lemma: "أردف"}, "أردف أردفت أردفوا"},
	{verbCue{lemma: "استطرد"}, "استطرد استطردت"},
	{verbCue{lemma: "أعلن", object: true, preps: []string{"عن"}}, "أعلن أعلنت أعلنوا يعلن تعلن يعلنون"},
	{verbCue{lemma: "أوضح"}, "أوضح أوضحت أوضحوا يوضح توضح يوضحون"},
	{verbCue{lemma: "أشار", weak: true, preps: []string{"إلى"}, drop: true}, "أشار أشارت أشاروا يشير تشير يشيرون"},
	{verbCue{lemma: "لفت", weak: true, preps: []string{"إلى"}, drop: true}, "لفت لفتت لفتوا يلفت تلفت"},
	{verbCue{lemma: "نوه", weak: true, preps: []string{"إلى", "ب"}, drop: true}, "نوه نوهت نوهوا ينوه تنوه"},
	{verbCue{lemma: "ألمح", weak: true, preps: []string{"إلى"}, drop: true}, "ألمح ألمحت ألمحوا يلمح تلمح"},
	{verbCue{lemma: "ذكر", weak: true}, "ذكر ذكرت ذكروا يذكر تذكر يذكرون"},
	{verbCue{lemma: "أفاد", weak: true, preps: []string{"ب"}}, "أفاد أفادت أفادوا يفيد تفيد يفيدون"},
	{verbCue{lemma: "أورد", weak: true}, "أورد أوردت يورد تورد"},
	{verbCue{lemma: "صرح", preps: []string{"ب"}}, "صرح صرحت صرحوا يصرح تصرح"},
	{verbCue{lemma: "كشف", weak: true, object: true, preps: []string{"عن"}, drop: true}, "كشف كشفت كشفوا يكشف تكشف"},
	{verbCue{lemma: "نفى", object: true}, "نفت نفوا ينفي تنفي ينفون"},
	{verbCue{lemma: "نفى", compOnly: true}, "نفى"}, // «نفي» is also the noun «denial»
	{verbCue{lemma: "تعهد", preps: []string{"ب"}}, "تعهد تعهدت تعهدوا يتعهد تتعهد"},
	{verbCue{lemma: "حذر", preps: []string{"من"}}, "حذر حذرت حذروا يحذر تحذر"},
	{verbCue{lemma: "ندد", object: true, preps: []string{"ب"}}, "ندد نددت نددوا يندد تندد"},
	{verbCue{lemma: "دعا", object: true, preps: []string{"إلى"}}, "دعا دعت دعوا يدعو تدعو يدعون"},
	{verbCue{lemma: "طالب", weak: true, preps: []string{"ب"}}, "طالب طالبت طالبوا يطالب تطالب يطالبون"},
	{verbCue{lemma: "اعتبر", compOnly: true}, "اعتبر اعتبرت اعتبروا يعتبر تعتبر يعتبرون"},
	{verbCue{lemma: "رأى", compOnly: true}, "رأى رأت رأوا يرى ترى يرون"},
	{verbCue{lemma: "شدد", preps: []string{"على"}}, "شدد شددت شددوا يشدد تشدد"},
	{verbCue{lemma: "أقر", weak: true, preps: []string{"ب"}}, "أقر أقرت أقروا يقر تقر"},
	{verbCue{lemma: "اعترف", preps: []string{"ب"}}, "اعترف اعترفت اعترفوا يعترف تعترف"},
	{verbCue{lemma: "علق", weak: true}, "علق علقت علقوا يعلق تعلق"},
	{verbCue{lemma: "أبلغ"}, "أبلغ أبلغت أبلغوا يبلغ تبلغ"},
	{verbCue{lemma: "أعرب", preps: []string{"عن"}}, "أعرب أعربت أعربوا يعرب تعرب"},
	{verbCue{lemma: "زعم"}, "زعم زعمت زعموا يزعم تزعم"},
	{verbCue{lemma: "ادعى"}, "ادعى ادعت ادعوا يدعي تدعي"},
	{verbCue{lemma: "أفصح", preps: []string{"عن"}, drop: true}, "أفصح أفصحت"},
	{verbCue{lemma: "كتب", weak: true}, "كتب كتبت يكتب تكتب"},
	{verbCue{lemma: "غرد", weak: true}, "غرد غردت يغرد تغرد"},
}

// participleCues are the participles that continue a speaker's speech in a
// circumstantial clause («مضيفا أن...», «داعيا إلى...»); each maps to the
// verb whose content rules it follows.
var participleCues = map[string]string{
	"مضيفا": "أضاف", "مضيفة": "أضاف", "مضيفين": "أضاف",
	"مؤكدا": "أكد", "مؤكدة": "أكد", "مؤكدين": "أكد",
	"مشيرا": "أشار", "مشيرة": "أشار", "مشيرين": "أشار",
	"موضحا": "أوضح", "موضحة": "أوضح", "موضحين": "أوضح",
	"داعيا": "دعا", "داعية": "دعا", "داعين": "دعا",
	"قائلا": "قال", "قائلة": "قال", "قائلين": "قال",
	"لافتا": "لفت", "لافتة": "لفت", "لافتين": "لفت",
	"منوها": "نوه", "منوهة": "نوه",
	"معتبرا": "اعتبر", "معتبرة": "اعتبر", "معتبرين": "اعتبر",
	"محذرا": "حذر", "محذرة": "حذر", "محذرين": "حذر",
	"متعهدا": "تعهد", "متعهدة": "تعهد",
	"مطالبا": "طالب", "مطالبين": "طالب",
	"مشددا": "شدد", "مشددة": "شدد", "مشددين": "شدد",
	"معلنا": "أعلن", "معلنة": "أعلن",
	"نافيا": "نفى", "نافية": "نفى",
	"معربا": "أعرب", "معربة": "أعرب",
	"كاشفا": "كشف", "كاشفة": "كشف",
	"متابعا": "تابع", "مستدركا": "استطرد", "مردفا": "أردف",
	"مقرا": "أقر", "معترفا": "اعترف", "معترفة": "اعترف",
}

// attributionWords introduce the source of a statement: «بحسب X»,
// «وفقا لـX», «نقلا عن X». The value is the preposition that must follow
// the word, if any.
var attributionWords = map[string]string{
	"بحسب": "", "حسب": "", "وفق": "", "وفقا": "", "طبقا": "", "نقلا": "عن", "استنادا": "إلى",
}

// pronounAgents are the «قوله» of «وفق قوله», «حسب قولها»: the source is
// the speaker already named.
var pronounAgents = words("قوله قولها قولهم قولهما قولهن تعبيره تعبيرها تعبيرهم روايته روايتها روايتهم وصفه وصفها")

// transmitVerbs carry a statement from its source: «شهادات نقلها جنود» —
// the agent after the verb is the real source.
var transmitVerbs = words("نقلها نقلتها نقله نقلته رواها روتها رواه أوردها أوردتها أدلى أدلت ذكرها ذكرتها نشرها نشرتها قدمها قدمتها")

// publishVerbs publish a titled text: «نشر الموقع مقالا بعنوان “...”».
var publishVerbs = words("نشر نشرت نشروا ينشر تنشر أصدر أصدرت أصدروا يصدر تصدر بث بثت يبث تبث")

// speakerNouns are the heads of phrases that can say things: people by
// role, bodies, documents and media. Stems (no article or clitics).
var speakerNouns = words(`
مصدر مصادر مسؤول مسؤولة مسؤولون مسؤولين مسؤولو مسؤولي متحدث متحدثة ناطق ناطقة
وزير وزيرة وزراء رئيس رئيسة رؤساء قائد قادة آمر نائب نواب سفير سفراء مبعوث ممثل ممثلو
مندوب مستشار محافظ عمدة مدير مديرة أمين عضو أعضاء شاهد شهود شهادة شهادات ساكن سكان
مواطن مواطنون مواطنين مواطنو خبير خبراء محلل محللون محللين مراقب مراقبون مراقبين
ناشط ناشطون ناشطين نشطاء طبيب أطباء مسعف مسعفون شيخ زعيم زعماء قيادي قياديون قياديين
ضابط ضباط جندي جنود مقاتل مقاتلون مقاتلين عنصر عناصر مراسل صحفي صحفيون صحافي صحافيون
مدون لاجئ لاجئون نازح نازحون ناج ناجون عائلة عائلات أهالي أهل معارض معارضون قاض قاضي
محامي محام حقوقي حقوقيون باحث أستاذ دبلوماسي دبلوماسيون دبلوماسيين مقرب مقربون مقربين
حكومة وزارة جيش قوات قيادة غرفة مكتب مجلس لجنة هيئة منظمة بعثة أمم اتحاد حلف تحالف
حركة حزب جماعة تنظيم كتيبة لواء فصيل شرطة داخلية خارجية دفاع رئاسة برلمان وكالة موقع
صحيفة قناة تلفزيون إذاعة مجلة شبكة جريدة بيان بيانات تقرير تقارير وسائل وسيلة إعلام
مرصد مركز مستشفى سلطات سلطة إدارة ديوان محكمة نيابة مفوضية سفارة قنصلية شركة مبادرة
رسالة تغريدة منشور وثيقة مذكرة دراسة استطلاع رواية روايات إعلان قرار خطاب كلمة مقال
دولة دول عاصمة معارضة نقابة جمعية اتحادات مؤسسة صندوق برنامج منصة حساب صفحة متحدثون
`)

// personHeads are roles held by one person: a few unknown words after
// such a head and before a comma are the person's name («وقال وزير
// الخارجية فلان الفلاني، في مؤتمر صحفي، إن...»).
var personHeads = words(`
وزير وزيرة رئيس رئيسة متحدث متحدثة ناطق ناطقة قائد آمر أمين مدير مديرة سفير مبعوث ممثل مندوب
نائب مستشار محافظ عضو زعيم مسؤول مسؤولة قيادي ضابط مراسل محلل خبير باحث
`)

// quantityHeads head phrases like «اثنان من السكان», «عدد من الليبيين»:
// they are speakers when what they count is.
var quantityHeads = words("عدد بعض اثنان اثنين ثلاثة أربعة خمسة أحد إحدى عشرات مئات آلاف كثير معظم غالبية أغلب")

// nameTakers are nouns followed by a name in quotation marks that is part
// of the phrase, not speech: «موقع “...”», «عملية “...”».
var nameTakers = words(`
موقع صحيفة وكالة قناة مجلة شبكة إذاعة جريدة تلفزيون منصة حساب صفحة برنامج حركة حزب جماعة
تنظيم عملية غرفة عمليات كتائب كتيبة لواء مركز منظمة جمعية تحالف ائتلاف تجمع مجموعة مؤسسة
شركة قوة قوات جبهة معركة مبادرة مقال تقرير كتاب فيلم وثيقة حملة مشروع خطة مؤتمر منتدى
`)

// documentNouns are statements and publications; a «لـ» phrase after them
// names their author («بيان للوزارة»).
var documentNouns = words("بيان بيانات تقرير تقارير رسالة تغريدة منشور وثيقة مذكرة دراسة خطاب كلمة مقال تصريح تصريحات مبادرة إعلان قرار")

// contentNouns wrap a document in «جاء في نص البيان»: the document is the source.
var contentNouns = words("مضمون نص فحوى متن")

// affiliationWords are adjectives that attach a prepositional phrase to
// the speaker («المؤيد لحفتر», «مقرب من...»).
var affiliationWords = words(`
مؤيد مؤيدة مؤيدون مؤيدين موال موالي موالية موالون موالين تابع تابعة تابعين مقرب مقربة مقربون
مقربين قريب قريبة معارض معارضة معارضون معارضين مناصر مناصرة مناصرون داعم داعمة منشق منشقة
محسوب محسوبة ممثل مسؤول مسؤولة مكلف مكلفة المشرف مشرف
`)

// titleWords are ranks and honorifics that come between a role and a
// name («المتحدث باسم الجيش العقيد فلان»).
var titleWords = words(`
عقيد لواء عميد فريق مشير رائد نقيب ملازم طيار ركن مقدم دكتور شيخ مهندس سيد سيدة أستاذ حاج
جنرال أمير الأمير المستشار السفير الوزير الرئيس الزعيم القائد الكاتب الصحفي الناشط المحلل
`)

// adjunctNouns after «في» make an adjunct rather than part of the speaker
// («قال في بيان», «في وقت لاحق»).
var adjunctNouns = words(`
بيان بيانات تصريح تصريحات حديث مقابلة حوار مؤتمر كلمة خطاب تغريدة تغريدات رسالة منشور تدوينة
اتصال مكالمة لقاء جلسة اجتماع ندوة زيارة وقت ساعة ساعات ختام أعقاب إطار سياق ظل حين مستهل
بداية نهاية معرض رد تعليق تقرير مداخلة صفحته صفحتها حسابه حسابها موقعه موقعها تصريحه تصريحها
حديثه حديثها كلمته كلمتها إحدى أحد مقال مقالة برنامج حلقة نشرة منتصف مطلع أواخر أوائل غضون
الوقت اليوم الأسبوع الشهر العام السنة تصريحات
`)

// dativeNouns after «لـ» are the audience of a statement («قال للصحفيين»,
// «في تصريح لوكالة...»), not part of the speaker.
var dativeNouns = words(`
موقع صحيفة وكالة قناة تلفزيون إذاعة صحفيين صحافيين صحفي صحافي مراسل مراسلي مراسلة وسائل شبكة
جريدة مجلة منصة برنامج صحافة إعلاميين إعلام مندوبي وفد وفود نظيره نظيرته
`)

// prepositions that end a speaker phrase (adjuncts of the verb).
var stopPreps = words(`
على عن إلى الى مع لدى خلال عبر أمام عقب بعد قبل منذ حتى أثناء إثر حول ضد نحو بين عند دون تجاه
وسط بشأن حيال ضمن بسبب جراء رغم بدون إزاء لأجل
`)

// timeWords are adjuncts of time; they end a speaker phrase and are
// skipped between the speaker and the content.
var timeWords = words(`
أمس الأمس اليوم الليلة غدا يوم أيام صباح مساء ليل ليلة ظهر فجر عصر أسبوع الأسبوع الشهر
السنة الماضي الماضية المقبل المقبلة الجاري الجارية الفائت الفائتة
الآن حاليا لاحقا مؤخرا سابقا قبيل
`)

// yearWords are time adjuncts only before «الماضي», «المقبل» or a
// number: «العام» is also the adjective «general» («الأمين العام»).
var yearWords = words("العام عام السنة سنة")

// commonAdjectives are adjectives that are neither relational («الليبي»)
// nor participles («المسلحة»), for telling an adjective from a new noun
// after a definite phrase («أعلن الجيش | السيطرة على...»).
var commonAdjectives = words(`
عام عامة أعلى عليا كبير كبيرة كبرى جديد جديدة أول أولى ثاني ثانية ثالث سابق سابقة حالي حالية
أسبق خاص خاصة أحمر أبيض أسود أخضر صغير صغرى قديم قديمة عليا دنيا أعلى أكبر أوسط عظمى كامل
`)

// adverbs are skipped between the verb, the speaker and the content.
var adverbs = words(`
رسميا أيضا كذلك مجددا مجدداً صراحة حينها حينا وقتها آنذاك بدوره بدورها بدورهم فقط تحديدا شخصيا
علنا مرارا مرة أخرى ثانية كما مساء صباحا مساءً ليلا نهارا بوضوح بشدة تكرارا سابقا لاحقا
`)

// clauseIntroducers open a clause before a verb; they are boundaries for
// a subject placed before its verb.
var clauseIntroducers = words(`
لكن لكنه لكنها لكنهم ولكن ولكنه ولكنها بينما فيما إذ إذا حيث كما ثم أو أما إلا بل حين عندما
لأن لكي كي حتى فقد وقد لقد قد وكان وكانت كان كانت كانوا بدوره بدورها بدورهم بعدما قبلما
فإن وإن إن أن بأن عقب بعد
`)

// introducerPairs are two-word adverbials such as «من جانبه».
var introducerHeads = words("جانبه جانبها جانبهم جهته جهتها جهتهم ناحيته ناحيتها طرفه طرفها")

// relativePronouns introduce a relative clause whose subject is the
// phrase before it.
var relativePronouns = words("الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي")

// contrastWords after a comma begin the writer's own comment («، لكن...»).
var contrastWords = words("لكن ولكن غير إلا بيد")

// demonstratives point back to a phrase named earlier («هذه المبادرة»).
var demonstratives = words("هذا هذه ذلك تلك هؤلاء أولئك")

// auxiliaries sit between a subject and its verb («كان قد أعلن»).
var auxiliaries = words("قد لقد كان كانت كانوا وكان وكانت فقد وقد")

// words normalises a whitespace-separated list into a set.
func words(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[arabic.Normalize(w)] = true
	}
	return m
}

var (
	verbForms      = map[string]*verbCue{}
	participleForm = map[string]*verbCue{}
	verbByLemma    = map[string]*verbCue{}
	attributionSet = map[string]string{}
)

func init() {
	for i := range verbCues {
		c := &verbCues[i].cue
		if _, ok := verbByLemma[c.lemma]; !ok {
			verbByLemma[c.lemma] = c
		}
		for _, f := range strings.Fields(verbCues[i].forms) {
			verbForms[arabic.Normalize(f)] = c
		}
	}
	for form, lemma := range participleCues {
		participleForm[arabic.Normalize(form)] = verbByLemma[lemma]
	}
	for w, p := range attributionWords {
		attributionSet[arabic.Normalize(w)] = arabic.Normalize(p)
	}
	for i := range verbCues {
		c := &verbCues[i].cue
		for j, p := range c.preps {
			c.preps[j] = arabic.Normalize(p)
		}
	}
}
