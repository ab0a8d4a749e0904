package arabic

// Number words, in normalised form (see Normalize: ة→ه, ى→ي, hamza seats
// unified, so «مائة» is "مايه" and «مئات» is "ميات").

// numClass says how a number word combines with its neighbours.
type numClass uint8

const (
	clUnit     numClass = iota + 1 // 0–10: ثلاثة، عشر
	clTeenHead                     // أحد، اثنا: only before عشر (11, 12)
	clTen                          // 20–90
	clHundred                      // 100–900, one word: مائة، ثلاثمائة، مئتان
	clMult                         // ألف، مليون، مليار: multiplies what came before
	clFraction                     // نصف، ربع
)

type numWord struct {
	value float64
	class numClass
	// vague: a plural of a power of ten standing for an unknown count
	// («عشرات», «مئات», «آلاف»); value is its lowest figure.
	vague bool
}

var numWords = map[string]numWord{}

func init() {
	add := func(v float64, c numClass, forms ...string) {
		for _, f := range forms {
			numWords[Normalize(f)] = numWord{value: v, class: c}
		}
	}
	add(0, clUnit, "صفر")
	add(1, clUnit, "واحد", "واحدة")
	add(2, clUnit, "اثنان", "اثنين", "اثنتان", "اثنتين", "إثنان", "إثنين")
	add(3, clUnit, "ثلاث", "ثلاثة")
	add(4, clUnit, "أربع", "أربعة")
	add(5, clUnit, "خمس", "خمسة")
	add(6, clUnit, "ست", "ستة")
	add(7, clUnit, "سبع", "سبعة")
	add(8, clUnit, "ثمان", "ثماني", "ثمانية", "ثمانى")
	add(9, clUnit, "تسع", "تسعة")
	add(10, clUnit, "عشر", "عشرة")
	add(1, clTeenHead, "أحد", "إحدى")
	add(2, clTeenHead, "اثنا", "اثني", "اثنتا", "اثنتي")
	add(20, clTen, "عشرون", "عشرين")
	add(30, clTen, "ثلاثون", "ثلاثين")
	add(40, clTen, "أربعون", "أربعين")
	add(50, clTen, "خمسون", "خمسين")
	add(60, clTen, "ستون", "ستين")
	add(70, clTen, "سبعون", "سبعين")
	add(80, clTen, "ثمانون", "ثمانين")
	add(90, clTen, "تسعون", "تسعين")
	add(100, clHundred, "مائة", "مئة", "مئه", "مائه", "ميه")
	add(200, clHundred, "مئتان", "مائتان", "مئتين", "مائتين", "مئتا", "مائتا", "مئتي", "مائتي")
	units := []string{"", "", "", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"}
	for u := 3; u <= 9; u++ {
		add(float64(u*100), clHundred, units[u]+"مائة", units[u]+"مئة")
	}
	add(300, clHundred, "ثلثمائة", "ثلثمئة")
	add(800, clHundred, "ثمانيمائة", "ثمانيمئة")
	add(1000, clMult, "ألف", "ألفا")
	add(2000, clMult, "ألفان", "ألفين", "ألفي")
	add(1e6, clMult, "مليون", "مليونا")
	add(2e6, clMult, "مليونان", "مليونين")
	add(1e9, clMult, "مليار", "مليارا", "بليون")
	add(2e9, clMult, "ملياران", "مليارين")
	add(0.5, clFraction, "نصف")
	add(0.25, clFraction, "ربع")
	vague := func(v float64, forms ...string) {
		for _, f := range forms {
			numWords[Normalize(f)] = numWord{value: v, class: clMult, vague: true}
		}
	}
	vague(10, "عشرات", "العشرات")
	vague(100, "مئات", "المئات", "مئآت")
	vague(1000, "آلاف", "ألوف", "الآلاف", "الألوف")
	vague(1e6, "ملايين", "الملايين")
	vague(1e9, "مليارات", "المليارات")
}

// multiplierDual reports whether a multiplier word is a dual (ألفين = 2000):
// its value already holds the two.
func (w numWord) multiplierDual() bool {
	return w.class == clMult && !w.vague && (w.value == 2000 || w.value == 2e6 || w.value == 2e9)
}

// fewWords are quantity words with no figure behind them.
var fewWords = map[string]float64{
	"عده":    3, // عدة: several
	"بضع":    3,
	"بضعه":   3,
	"العديد": 0,
}

// qualifier is a phrase before a number that says how to read it.
type qualifier struct {
	words []string // normalised, one per token
	kind  NumberKind
	// alsoWith lists alternatives for the last word («على» or «عن»).
	alsoWith []string
}

// qualifiers, longest first where they share a beginning.
var qualifiers = []qualifier{
	{words: []string{"ما", "لا", "يقل", "عن"}, kind: AtLeast, alsoWith: []string{"علي"}},
	{words: []string{"لا", "يقل", "عن"}, kind: AtLeast, alsoWith: []string{"علي"}},
	{words: []string{"ما", "لا", "يقل"}, kind: AtLeast},
	{words: []string{"ما", "لا", "يزيد", "عن"}, kind: AtMost, alsoWith: []string{"علي"}},
	{words: []string{"لا", "يزيد", "عن"}, kind: AtMost, alsoWith: []string{"علي"}},
	{words: []string{"ما", "يزيد", "عن"}, kind: AtLeast, alsoWith: []string{"علي"}},
	{words: []string{"ما", "يربو", "علي"}, kind: AtLeast, alsoWith: []string{"عن"}},
	{words: []string{"ما", "يفوق"}, kind: AtLeast},
	{words: []string{"يزيد", "عن"}, kind: AtLeast, alsoWith: []string{"علي"}},
	{words: []string{"يفوق"}, kind: AtLeast},
	{words: []string{"اكثر", "من"}, kind: AtLeast},
	{words: []string{"ازيد", "من"}, kind: AtLeast},
	{words: []string{"اقل", "من"}, kind: AtMost},
	{words: []string{"ما", "يصل", "الي"}, kind: AtMost},
	{words: []string{"يصل", "الي"}, kind: AtMost},
	{words: []string{"ما", "يقارب"}, kind: Approximate},
	{words: []string{"ما", "يقرب", "من"}, kind: Approximate},
	{words: []string{"يقارب"}, kind: Approximate},
	{words: []string{"نحو"}, kind: Approximate},
	{words: []string{"حوالي"}, kind: Approximate},
	{words: []string{"قرابه"}, kind: Approximate},
	{words: []string{"زهاء"}, kind: Approximate},
	{words: []string{"ما", "بين"}, kind: Range},
	{words: []string{"بين"}, kind: Range},
}

// nounStop are words after a number that are not what it counts.
var nounStop = map[string]bool{}

func init() {
	for _, w := range []string{
		"في", "من", "علي", "الي", "عن", "مع", "و", "او", "ثم", "ان", "انه", "قد", "لا", "لم",
		"لن", "ما", "هذا", "هذه", "ذلك", "تلك", "الذي", "التي", "الذين", "كان", "كانت",
		"بعد", "قبل", "منذ", "خلال", "حتي", "بين", "عند", "حيث", "كما", "اي", "كل", "بل",
		"فقط", "ايضا", "تقريبا", "الاقل", "اخرين", "اخرون", "اخري", "اخر", "هو", "هي", "هم",
	} {
		nounStop[Normalize(w)] = true
	}
}

// dualNouns are dual forms of nouns that news counts, chosen among nouns
// whose plural is not a sound plural: «مدنيين» may be two civilians or many,
// but «جنديين» can only be two soldiers.
var dualNouns = map[string]bool{}

func init() {
	for _, w := range []string{
		"شخصين", "شخصان", "جنديين", "جنديان", "طفلين", "طفلان", "رجلين", "رجلان",
		"امرأتين", "امرأتان", "قتيلين", "قتيلان", "جريحين", "جريحان", "ضابطين", "ضابطان",
		"عنصرين", "عنصران", "شقيقين", "شقيقان", "غارتين", "غارتان", "صاروخين", "صاروخان",
		"قذيفتين", "قذيفتان", "طائرتين", "طائرتان", "سيارتين", "سيارتان", "انفجارين", "انفجاران",
		"هجومين", "هجومان", "منزلين", "منزلان", "مسعفين", "مسعفان",
	} {
		dualNouns[Normalize(w)] = true
	}
}

// numTriggers are the normalised words a number phrase can begin with.
var numTriggers = map[string]bool{"عدد": true, "عددا": true, "العديد": true}

func init() {
	for w := range numWords {
		numTriggers[w] = true
	}
	for w := range fewWords {
		numTriggers[w] = true
	}
	for w := range dualNouns {
		numTriggers[w] = true
	}
	for _, q := range qualifiers {
		numTriggers[q.words[0]] = true
	}
}
