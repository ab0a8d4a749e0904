package arabic

import (
	"math"
	"math/rand"
	"strings"
	"sync"
)

// A generated news corpus for benchmarks, from hand-written vocabulary (no
// sample or dataset text). Words are drawn with Zipf frequencies, take
// clitics at about the rates of news prose, and a share of tokens are
// novel strings standing for the unseen names and typos of real text.
var (
	genNouns = strings.Fields(`جيش قوات مليشيات حكومة مدنيين طائرات مسيرة هجوم اشتباكات منطقة مدينة
		عاصمة مطار ميناء طريق مسلحين عناصر غارات قذائف صواريخ مفاوضات هدنة بيان مصدر مصادر وزارة
		وزير رئيس مجلس برلمان سلطات شرطة أمن حدود معبر مخيم نازحين لاجئين ضحايا قتلى جرحى أسرى
		سجن معتقل قاعدة معسكر مستشفى مدرسة جامعة سوق مسجد كنيسة حي أحياء شارع ضاحية قرية بلدة
		محافظة ولاية إقليم دولة دول منظمة أمم اتحاد جامعة قمة مؤتمر اجتماع تصريح تصريحات ناطق
		متحدث مسؤول مسؤولين قائد قادة ضابط ضباط جنود جندي مقاتلين متمردين ثوار فصائل كتيبة لواء
		عملية عمليات انسحاب تقدم سيطرة حصار قصف انفجار تفجير عبوة لغم كمين اغتيال اختطاف اعتقال
		احتجاج احتجاجات مظاهرة مظاهرات إضراب اتفاق اتفاقية مبادرة حوار مصالحة عقوبات مساعدات إغاثة
		نفط غاز كهرباء مياه وقود أسعار اقتصاد ميزانية مصرف دينار دولار أزمة قضية ملف وضع أوضاع`)
	genAdjs = strings.Fields(`الليبي الليبية الوطني الوطنية العسكري العسكرية الجوي الجوية المحلي
		المحلية الدولي الدولية الغربي الغربية الشرقي الجنوبية الشمالية المسلحة الأممية التركية
		الروسية الأمريكية الفرنسية المصرية الجديد الجديدة الكبرى الأولى الثاني الأخيرة السابق
		الحالي الرسمية الإنسانية السياسية الأمنية الاقتصادية`)
	genVerbs = strings.Fields(`قال قالت أعلن أعلنت أكد أكدت أفاد أفادت ذكر ذكرت شنت استهدفت سيطرت
		انسحبت قصفت اعتقلت نفى نفت اتهم اتهمت طالب طالبت هاجم هاجمت دعا دعت أوضح أشار أضاف أضافت
		يقول تقول يعلن تعلن يؤكد تؤكد سيعقد ستواصل سيتم يجري تجري وصل وصلت غادر التقى بحث ناقش
		وقع وقعت قتل قتلت أصيب أصيبت فر فرت عاد عادت تمكن تمكنت حاول حاولت`)
	genPlaces = strings.Fields(`طرابلس بنغازي مصراتة سرت ترهونة غريان الجفرة سبها درنة طبرق الزاوية
		زوارة صبراتة أجدابيا البيضاء الكفرة حلب إدلب دمشق حمص درعا صنعاء عدن تعز الحديدة مأرب
		الخرطوم الفاشر نيالا الموصل بغداد البصرة كركوك غزة رفح القدس بيروت القاهرة تونس الجزائر
		ليبيا مصر السودان اليمن سوريا العراق تركيا روسيا فرنسا إيطاليا أمريكا`)
	genNames = strings.Fields(`محمد أحمد علي خليفة فايز عبد الله حسن حسين عمر خالد سالم مصطفى إبراهيم
		يوسف عثمان صالح جمال كمال فتحي عقيلة أسامة هشام طارق`)
	genFunc = strings.Fields(`في من على إلى عن مع أن إن التي الذي الذين بعد قبل خلال حيث كما منذ بين
		ضد نحو هذا هذه ذلك تلك وفي ومن كان كانت قد لم لن لا ما هو هي هم حتى أو ثم إلا عند لدى
		أيضا فقط كل بعض غير دون عبر وسط أمام`)
	genNums  = []string{"3", "15", "٢٠", "1,000", "3.5", "ثلاثة", "خمسة وثلاثين", "عشرات", "أكثر من 100", "نحو 50", "مئات"}
	genDates = []string{"أمس", "يوم الجمعة", "الخميس الماضي", "5 يونيو 2020", "29 مايو الماضي",
		"مطلع الشهر", "عام 2019", "2020-06-05", "قبل يومين", "الأسبوع الماضي", "اليوم", "مساء الأحد"}
	genLetters = []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة")
	genMarks   = []rune{0x064E, 0x064F, 0x0650, 0x0651, 0x0652, 0x064B}
)

var (
	genOnce     sync.Once
	genArticles []string
	genCorpus   string
)

// benchArticles returns about 1 MB of generated articles of a few
// kilobytes each, paragraphs one per line; benchCorpus is them joined.
func benchArticles() []string {
	genOnce.Do(func() {
		rng := rand.New(rand.NewSource(42))
		// zipf draws from a list with Zipf frequencies (the list order is
		// the rank).
		zipf := func(l []string) string {
			// Inverse of the continuous Zipf CDF with exponent 1.
			x := math.Exp(rng.Float64()*math.Log(float64(len(l)+1))) - 1
			return l[min(int(x), len(l)-1)]
		}
		novel := func() string {
			n := 3 + rng.Intn(5)
			r := make([]rune, n)
			for i := range r {
				r[i] = genLetters[rng.Intn(len(genLetters))]
			}
			return string(r)
		}
		pct := func(p int) bool { return rng.Intn(100) < p }
		noun := func(w string) string {
			art := pct(45)
			if art {
				w = "ال" + w
			}
			switch {
			case pct(10):
				if art {
					w = "لل" + w[len("ال"):]
				} else {
					w = "ل" + w
				}
			case pct(10):
				w = "ب" + w
			}
			if !art && pct(6) {
				w += []string{"ها", "ه", "هم"}[rng.Intn(3)]
			}
			return w
		}
		conj := func(w string, p int) string {
			if pct(p) {
				return "و" + w
			}
			if pct(p / 5) {
				return "ف" + w
			}
			return w
		}
		word := func(topic []string) string {
			var w string
			switch x := rng.Intn(100); {
			case x < 35:
				w = conj(zipf(genFunc), 8)
			case x < 63:
				w = conj(noun(zipf(genNouns)), 12)
			case x < 73:
				w = zipf(genAdjs)
			case x < 83:
				w = conj(zipf(genVerbs), 15)
			case x < 88:
				w = conj(zipf(genPlaces), 10)
				if pct(10) {
					w = "ب" + w
				}
			case x < 93:
				w = topic[rng.Intn(len(topic))]
			case x < 97:
				w = zipf(genNames)
			default:
				w = novel()
			}
			if pct(2) {
				r := []rune(w)
				var b strings.Builder
				for _, c := range r {
					b.WriteRune(c)
					if rng.Intn(2) == 0 {
						b.WriteRune(genMarks[rng.Intn(len(genMarks))])
					}
				}
				w = b.String()
			}
			return w
		}
		size := 0
		for size < 1<<20 {
			topic := []string{zipf(genPlaces), "ب" + zipf(genPlaces), zipf(genNames), novel()}
			var b strings.Builder
			for p := 0; p < 5+rng.Intn(10); p++ {
				for s := 0; s < 1+rng.Intn(3); s++ {
					b.WriteString(genVerbs[rng.Intn(len(genVerbs))])
					for w := 0; w < 10+rng.Intn(20); w++ {
						b.WriteByte(' ')
						switch x := rng.Intn(100); {
						case x < 3:
							b.WriteString(genNums[rng.Intn(len(genNums))])
						case x < 5:
							b.WriteString(genDates[rng.Intn(len(genDates))])
						default:
							b.WriteString(word(topic))
						}
						if rng.Intn(12) == 0 {
							b.WriteString("،")
						}
					}
					b.WriteString([]string{". ", ". ", ". ", "؟ ", ": «قال إن الوضع خطير» "}[rng.Intn(5)])
				}
				b.WriteByte('\n')
			}
			genArticles = append(genArticles, b.String())
			size += b.Len()
		}
		genCorpus = strings.Join(genArticles, "\n")
	})
	return genArticles
}

func benchCorpus() string {
	benchArticles()
	return genCorpus
}
