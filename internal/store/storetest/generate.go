package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/marsad/marsad/internal/record"
)

// vocabulary is a few hundred everyday news words; generated articles draw
// from it with a skewed distribution so some words are common and most rare,
// as in real text.
var vocabulary = strings.Fields(`
قوات الجيش الحكومة المدينة اشتباكات هجوم قصف غارة طائرة مسيرة مدنيين قتلى جرحى مصادر محلية
بيان رسمي وزارة الداخلية الدفاع الصحة المستشفى الطريق الساحلي الميناء المطار الحدود الجنوب الشمال
الشرق الغرب العاصمة البلدية المجلس الرئاسي النواب الأمم المتحدة البعثة مفاوضات اتفاق وقف إطلاق النار
هدنة خرق مسلحون كتيبة لواء سرية مليشيا عصابة جماعة تنظيم متمردين معارضة موالية انسحاب تقدم سيطرة
حاجز نقطة تفتيش دورية قافلة إمدادات وقود كهرباء مياه مدرسة جامعة سوق مسجد حي منطقة قرية بلدة
مظاهرة احتجاج متظاهرون اعتقال اختطاف إفراج سجن محكمة قاضي تحقيق لجنة تقرير شهود صحفي مراسل وكالة
صباح مساء فجر ليلة يوم أمس اليوم الأسبوع الشهر السنة الماضي المقبل أكثر أقل عدد آلاف مئات عشرات
ذخيرة أسلحة صواريخ مدفعية دبابة مدرعة سيارة مفخخة عبوة ناسفة لغم انفجار حريق دمار منازل مباني
لاجئين نازحين مخيم مساعدات إنسانية منظمة الهلال الأحمر الصليب أطباء ممرضين إسعاف إجلاء حصار تجويع
النفط الغاز الحقول المصفاة الموانئ التصدير الإنتاج الاقتصاد البنك المركزي الرواتب الأسعار الأزمة
قال أكد أعلن أفاد نفى حذر دعا طالب أشار أضاف أوضح كشف نقل ذكر رجح توقع اتهم أدان رحب
في من إلى على عن مع بين بعد قبل خلال حول ضد عبر دون منذ حتى لدى عند أمام وراء فوق تحت
والقوات للقوات بالمدينة والحكومة وقال وأكد وأضاف فيما كما حيث إذ لكن بينما أيضا كذلك ثم
`)

// People's names give generated articles the mid-frequency and rare words
// that real news has: each first or family name is in a few thousand
// articles, each full name in a few dozen.
var (
	genFirstNames = strings.Fields(`أحمد محمد علي عمر خالد سالم مصطفى يوسف إبراهيم حسن حسين عبدالله
		طارق نوري فرج صالح منصور مختار رمضان جمال كمال عادل ناصر بشير فتحي سعيد مفتاح عياد ميلاد الهادي`)
	genFamilyNames = strings.Fields(`الزوي المصراتي الورفلي الترهوني الككلي البرعصي العبيدي المقريف
		الشريف الفيتوري القذافي الساعدي الطرابلسي الغرياني السنوسي المهدوي الدرسي العرفي الحاسي الكيلاني
		المنفي الدبيبة باشاغا القطراني الزنتاني الجهاني السويحلي البوسيفي التاجوري الفزاني`)
)

var (
	genOutlets = []string{"صحيفة الميزان", "شبكة الأفق", "وكالة السهم", "إذاعة النخيل", "موقع الساحل", "قناة المرفأ"}
	genPlaces  = []struct {
		name     string
		lat, lon float64
	}{{"طرابلس", 32.89, 13.19}, {"بنغازي", 32.12, 20.07}, {"سرت", 31.21, 16.59}, {"مصراتة", 32.38, 15.09},
		{"سبها", 27.04, 14.43}, {"درنة", 32.77, 22.64}, {"الزاوية", 32.76, 12.73}, {"غريان", 32.17, 13.02}}
	genActors = []record.Actor{
		{ID: "gen:a1", Name: "كتيبة الحرس"}, {ID: "gen:a2", Name: "قوة الدرع"}, {ID: "gen:a3", Name: "لواء الصمود"},
		{ID: "gen:a4", Name: "سرية النصر"}, {ID: "gen:a5", Name: "جهاز الأمن"}, {ID: "gen:a6", Name: "مدنيون"}}
	genTypes = [][2]string{{"Battles", "Armed clash"}, {"Explosions/Remote violence", "Air/drone strike"},
		{"Explosions/Remote violence", "Shelling/artillery/missile attack"}, {"Violence against civilians", "Attack"},
		{"Protests", "Peaceful protest"}, {"Strategic developments", "Arrests"}}
)

// Generate returns the i-th synthetic article: deterministic in i, unique
// in content, about 150 to 400 words with one to three events. It is for
// load and concurrency tests and benchmarks, never for accuracy.
func Generate(i int) record.Document {
	r := rand.New(rand.NewPCG(uint64(i), 0x6d61727361640a))
	var b strings.Builder
	words := 150 + r.IntN(250)
	var sentences []string
	for w := 0; w < words; w++ {
		// Squaring a uniform draw skews it toward the start of the list.
		u := r.Float64()
		b.WriteString(vocabulary[int(u*u*float64(len(vocabulary)))])
		if w%14 == 13 {
			b.WriteString(".")
			sentences = append(sentences, b.String())
			b.Reset()
		} else {
			b.WriteByte(' ')
		}
	}
	sentences = append(sentences, strings.TrimSpace(b.String())+".")
	for k := 0; k < 2; k++ {
		name := genFirstNames[r.IntN(len(genFirstNames))] + " " + genFamilyNames[r.IntN(len(genFamilyNames))]
		sentences = append(sentences, "وصرح "+name+" بأن الوضع ما زال متوترا.")
	}
	// A serial number makes every body, and so every content hash, unique.
	sentences[0] = fmt.Sprintf("تقرير رقم %d: %s", i, sentences[0])
	body := strings.Join(sentences, "\n")
	day := fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+(i/12)%28)
	d := doc(fmt.Sprintf("gen-%07d", i), genOutlets[i%len(genOutlets)], fmt.Sprintf("تقرير ميداني رقم %d عن %s", i, genPlaces[i%len(genPlaces)].name), day, body)
	d.Source.Path = record.Str(fmt.Sprintf("generated/%d.txt", i))
	nEvents := 1 + r.IntN(3)
	for e := 0; e < nEvents && e < len(sentences); e++ {
		p := genPlaces[r.IntN(len(genPlaces))]
		t := genTypes[r.IntN(len(genTypes))]
		a1 := genActors[r.IntN(len(genActors))]
		a2 := genActors[r.IntN(len(genActors))]
		ev := event(body, sentences[e], t[0], t[1], day, &a1, &a2,
			place("gen:"+p.name, p.name, "", p.lat+r.Float64()*0.1, p.lon+r.Float64()*0.1), record.Int(r.IntN(12)), "")
		ev.ID = fmt.Sprintf("gen-%07d-e%d", i, e)
		d.Events = append(d.Events, ev)
	}
	a := genActors[i%len(genActors)]
	d.Framing = []record.Framing{{Actor: a.ID, Name: a.Name, Labels: map[string]int{"قوات": 1 + i%3}}}
	return d
}
