package stories

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/record"
)

// Test fixtures: short news reports written for these tests (no real
// article's text), hand-annotated as the pipeline would annotate them.
// Three clusters of reporting:
//   - taiz: a market shelled in Taiz, told by a wire agency (carried by two
//     outlets, one copy lightly edited), an independent outlet with another
//     death toll, and the accused side's outlet denying it and blaming the
//     other side; plus an unrelated protest the same day and another
//     shelling of a Taiz market six weeks later;
//   - gharyan: a town taken, told by one side's outlet, contested by the
//     other side's, recalled a week later by a third without a date; a clash
//     the same day 200 km away;
//   - salah: fighting in one Tripoli district in July and again in December,
//     a clash far away the same July day, and a clash between two other
//     parties in the same district the same day.

// Knowledge-base ids and sides used by the fixtures.
const (
	idHouthi    = "actor:houthis"
	idGovYemen  = "actor:yemen-gov"
	idCivilians = "actor:civilians"
	idGNA       = "actor:gna"
	idLNA       = "actor:lna"
	idISIS      = "actor:is-libya"
	idTebu      = "actor:tebu-militia"
)

func loc(id, name string, lat, lon float64) *record.Location {
	return &record.Location{ID: id, Name: name, Lat: record.Float(lat), Lon: record.Float(lon), GeoPrecision: 1}
}

var (
	locTaizRawda = loc("geo:taiz-rawda", "حي الروضة", 13.590, 44.035)
	locTaizMkt   = loc("", "سوق الروضة", 13.585, 44.030) // the same market, named differently, no id
	locTaizWest  = loc("geo:taiz-west", "غرب تعز", 13.570, 43.980)
	locAden      = loc("geo:aden", "عدن", 12.785, 45.018)
	locGharyan   = loc("geo:gharyan", "غريان", 32.170, 13.020)
	locMisrata   = loc("geo:misrata", "مصراتة", 32.375, 15.092)
	locSalah     = loc("geo:salah-aldin", "صلاح الدين", 32.800, 13.210)
	locSabha     = loc("geo:sabha", "سبها", 27.037, 14.426)
)

func actor(id, name, side string) *record.Actor {
	return &record.Actor{ID: id, Name: name, Side: side}
}

// newDoc builds a document published on date (or in the window from..to
// when date is empty).
func newDoc(id, outlet, agency, title, date, body string) record.Document {
	d := record.Document{
		Schema:    record.Schema,
		DocID:     id,
		Source:    record.Source{Outlet: record.Str(outlet), Agency: record.Str(agency)},
		Title:     record.Str(title),
		Published: record.Published{Date: record.Str(date), From: record.Str(date), To: record.Str(date), Basis: record.BasisStated},
		Body:      body,
	}
	if date == "" {
		d.Published.Basis = record.BasisUnknown
	}
	return d
}

// runeIndex is the code-point offset of the first occurrence of sub in s at
// or after code point from, or -1.
func runeIndex(s, sub string, from int) int {
	r := []rune(s)
	if from > len(r) {
		return -1
	}
	i := strings.Index(string(r[from:]), sub)
	if i < 0 {
		return -1
	}
	return from + utf8.RuneCountInString(string(r[from:])[:i])
}

// entity adds an entity with a mention at every occurrence of each text.
func entity(d *record.Document, id, typ, name, side string, texts ...string) {
	e := record.Entity{ID: id, Type: typ, Name: name, Side: side, InKB: true}
	for _, t := range texts {
		for at := runeIndex(d.Body, t, 0); at >= 0; at = runeIndex(d.Body, t, at+1) {
			e.Mentions = append(e.Mentions, record.Mention{Text: t, Start: at, End: at + utf8.RuneCountInString(t)})
		}
	}
	if len(e.Mentions) == 0 {
		panic("fixture: no mention of " + name + " in " + d.DocID)
	}
	d.Entities = append(d.Entities, e)
}

// event adds an event whose evidence is a sentence of the body.
func event(d *record.Document, typ, sub, date string, l *record.Location, a1, a2 *record.Actor, fatalities *int, evidence string) *record.Event {
	at := runeIndex(d.Body, evidence, 0)
	if at < 0 {
		panic("fixture: evidence not in body of " + d.DocID)
	}
	e := record.Event{
		ID:           d.DocID + "/e" + itoa(len(d.Events)+1),
		EventType:    typ,
		SubEventType: sub,
		Date:         record.Str(date),
		Actor1:       a1,
		Actor2:       a2,
		AssocActors:  []record.Actor{},
		Location:     l,
		Fatalities:   fatalities,
		Evidence:     evidence,
		Span:         [2]int{at, at + utf8.RuneCountInString(evidence)},
	}
	if date != "" {
		e.TimePrecision = 1
	}
	d.Events = append(d.Events, e)
	return &d.Events[len(d.Events)-1]
}

const (
	shelling = "Shelling/artillery/missile attack"
	explos   = "Explosions/Remote violence"
)

// The wire agency's story as first carried.
const taizWire = `تعز (وكالة الشرق) - قتل اثنا عشر مدنيا على الأقل وأصيب أكثر من عشرين آخرين صباح الأربعاء في قصف مدفعي استهدف سوقا شعبيا مزدحما في حي الروضة شرقي مدينة تعز، بحسب ما أفادت مصادر طبية ومحلية.
وقال مسؤول في مكتب الصحة بالمدينة إن القذائف سقطت على السوق في ساعة الذروة حين كان الباعة والمتسوقون يملؤون الممرات الضيقة، مضيفا أن بين القتلى ثلاثة أطفال وامرأتين.
واتهمت السلطات المحلية جماعة الحوثيين بإطلاق القذائف من مواقعها في التلال المطلة على الحي، فيما لم يصدر تعليق فوري من الجماعة.
وتشهد جبهات المدينة تصعيدا منذ أسابيع رغم الدعوات الأممية إلى التهدئة وفتح الطرق المغلقة بين أحيائها.
وأظهرت صور تداولها ناشطون على مواقع التواصل أكشاكا محترقة وبقع دماء على الأرصفة، بينما هرعت سيارات الإسعاف إلى المكان لنقل المصابين إلى مستشفى الثورة.`

// The same wire copy, edited by a second outlet: a reworded opening, the
// last paragraph replaced.
const taizWireEdited = `تعز (وكالة الشرق) - لقي اثنا عشر مدنيا على الأقل حتفهم وأصيب أكثر من عشرين آخرين صباح الأربعاء في قصف مدفعي استهدف سوقا شعبيا مزدحما في حي الروضة شرقي مدينة تعز، بحسب ما أفادت مصادر طبية ومحلية.
وقال مسؤول في مكتب الصحة بالمدينة إن القذائف سقطت على السوق في ساعة الذروة حين كان الباعة والمتسوقون يملؤون الممرات الضيقة، مضيفا أن بين القتلى ثلاثة أطفال وامرأتين.
واتهمت السلطات المحلية جماعة الحوثيين بإطلاق القذائف من مواقعها في التلال المطلة على الحي، فيما لم يصدر تعليق فوري من الجماعة.
وتشهد جبهات المدينة تصعيدا منذ أسابيع رغم الدعوات الأممية إلى التهدئة وفتح الطرق المغلقة بين أحيائها.
وتعد هذه الحادثة الأعنف التي تشهدها المدينة منذ مطلع العام الجاري.`

const taizIndependent = `أعلنت مصادر طبية في تعز مقتل تسعة أشخاص وجرح آخرين جراء سقوط قذائف على سوق الروضة في الجهة الشرقية من المدينة ظهر الأربعاء.
وحمّل محافظ تعز في تصريح صحفي الحوثيين المسؤولية الكاملة عن الهجوم، ودعا المنظمات الدولية إلى إدانة استهداف الأسواق والأحياء السكنية.
وأوضح شهود عيان أن ثلاث قذائف على الأقل سقطت تباعا على السوق، وأن فرق الدفاع المدني عملت لساعات على إخماد الحرائق وانتشال الضحايا من بين الأكشاك.
ويأتي الهجوم بعد يومين من اشتباكات عنيفة على أطراف المدينة الغربية.`

const taizDenial = `نفى متحدث عسكري باسم قوات صنعاء أي علاقة لقواته بالقصف الذي طال سوق الروضة في تعز يوم الأربعاء، واصفا الاتهامات بأنها عارية عن الصحة.
وقال المتحدث إن القذائف أطلقت من مواقع تسيطر عليها مليشيات موالية للتحالف داخل المدينة، متهما إياها بمحاولة تضليل الرأي العام بشأن ضحايا السوق.
ودعا إلى تحقيق مستقل في الحادثة التي أودت بحياة عدد من المدنيين في الحي الشرقي.`

const adenProtest = `تظاهر مئات من سكان مدينة عدن مساء الأربعاء احتجاجا على انقطاع التيار الكهربائي لساعات طويلة مع ارتفاع درجات الحرارة.
ورفع المحتجون لافتات تطالب الحكومة بتوفير الوقود لمحطات التوليد ومحاسبة المسؤولين عن تدهور الخدمات، وقطعوا طريقا رئيسيا في حي المنصورة بالإطارات المشتعلة.
ولم تسجل أي مواجهات مع قوات الأمن التي انتشرت في محيط مقر السلطة المحلية.`

const taizLater = `قتل أربعة مدنيين وأصيب سبعة آخرون مساء الثلاثاء في قصف طال سوقا للخضار في الأحياء الغربية لمدينة تعز، وفق مصادر طبية.
وقالت المصادر إن القذائف سقطت قرب مدخل السوق أثناء ازدحامه بالمتسوقين قبيل الإفطار، واتهم مسؤولون محليون الحوثيين بالوقوف وراء القصف.
وتعيش المدينة منذ سنوات حصارا خانقا يعرقل وصول المساعدات والسلع إلى أحيائها.`

func taizDocs() []record.Document {
	houthiAsBlamed := actor(idHouthi, "الحوثيون", "Houthi")
	civilians := actor(idCivilians, "مدنيون", "")

	w1 := newDoc("taiz-wire-afq", "صحيفة الأفق", "وكالة الشرق", "مقتل 12 مدنيا في قصف على سوق في تعز", "2021-03-10", taizWire)
	entity(&w1, idHouthi, record.ArmedGroup, "الحوثيون", "Houthi", "جماعة الحوثيين")
	event(&w1, explos, shelling, "2021-03-10", locTaizRawda, houthiAsBlamed, civilians, record.Int(12),
		"قتل اثنا عشر مدنيا على الأقل وأصيب أكثر من عشرين آخرين صباح الأربعاء في قصف مدفعي استهدف سوقا شعبيا مزدحما في حي الروضة شرقي مدينة تعز")

	w2 := newDoc("taiz-wire-nahar", "قناة النهار", "وكالة الشرق", "قتلى وجرحى بقصف سوق شعبي في تعز", "2021-03-10", taizWireEdited)
	entity(&w2, idHouthi, record.ArmedGroup, "الحوثيون", "Houthi", "جماعة الحوثيين")
	event(&w2, explos, shelling, "2021-03-10", locTaizRawda, houthiAsBlamed, civilians, record.Int(12),
		"لقي اثنا عشر مدنيا على الأقل حتفهم وأصيب أكثر من عشرين آخرين صباح الأربعاء في قصف مدفعي استهدف سوقا شعبيا مزدحما في حي الروضة شرقي مدينة تعز")

	w3 := newDoc("taiz-maydan", "موقع الميدان", "", "تسعة قتلى بقذائف على سوق الروضة", "2021-03-10", taizIndependent)
	entity(&w3, idHouthi, record.ArmedGroup, "الحوثيون", "Houthi", "الحوثيين")
	entity(&w3, idGovYemen, record.GOV, "السلطة المحلية في تعز", "Government", "محافظ تعز")
	event(&w3, explos, shelling, "2021-03-10", locTaizMkt, houthiAsBlamed, civilians, record.Int(9),
		"أعلنت مصادر طبية في تعز مقتل تسعة أشخاص وجرح آخرين جراء سقوط قذائف على سوق الروضة في الجهة الشرقية من المدينة ظهر الأربعاء")

	w4 := newDoc("taiz-sanaa-denial", "صوت الجبل", "", "صنعاء تنفي مسؤوليتها عن قصف سوق تعز", "2021-03-11", taizDenial)
	entity(&w4, idHouthi, record.ArmedGroup, "الحوثيون", "Houthi", "قوات صنعاء")
	entity(&w4, idGovYemen, record.GOV, "السلطة المحلية في تعز", "Government", "مليشيات موالية للتحالف")
	w4.Entities[1].Mentions[0].Label = "مليشيات"
	w4.Quotes = []record.Quote{{
		Speaker: record.Speaker{Name: "متحدث عسكري"}, SpeakerText: "متحدث عسكري", Cue: "نفى",
		Text: "أي علاقة لقواته بالقصف", Span: [2]int{0, 60},
	}}
	e := event(&w4, explos, shelling, "2021-03-10", locTaizMkt, actor(idGovYemen, "قوات موالية للحكومة", "Government"), civilians, nil,
		"وقال المتحدث إن القذائف أطلقت من مواقع تسيطر عليها مليشيات موالية للتحالف داخل المدينة")
	e.ClaimedBy = &record.Claim{Name: record.Str("متحدث عسكري باسم قوات صنعاء")}
	// The denial sentence itself reports the shelling too.
	event(&w4, explos, shelling, "2021-03-10", locTaizMkt, nil, civilians, nil,
		"نفى متحدث عسكري باسم قوات صنعاء أي علاقة لقواته بالقصف الذي طال سوق الروضة في تعز يوم الأربعاء")

	w5 := newDoc("aden-protest", "صحيفة الأفق", "", "احتجاجات في عدن على انقطاع الكهرباء", "2021-03-10", adenProtest)
	event(&w5, "Protests", "Peaceful protest", "2021-03-10", locAden, actor("actor:protesters-aden", "محتجون", ""), nil, nil,
		"تظاهر مئات من سكان مدينة عدن مساء الأربعاء احتجاجا على انقطاع التيار الكهربائي لساعات طويلة مع ارتفاع درجات الحرارة")

	w6 := newDoc("taiz-april", "موقع الميدان", "", "قصف جديد يطال سوقا في تعز", "2021-04-20", taizLater)
	entity(&w6, idHouthi, record.ArmedGroup, "الحوثيون", "Houthi", "الحوثيين")
	event(&w6, explos, shelling, "2021-04-20", locTaizWest, houthiAsBlamed, civilians, record.Int(4),
		"قتل أربعة مدنيين وأصيب سبعة آخرون مساء الثلاثاء في قصف طال سوقا للخضار في الأحياء الغربية لمدينة تعز")

	return []record.Document{w1, w2, w3, w4, w5, w6}
}

const gharyanWest = `أعلنت قوات حكومة الوفاق سيطرتها الكاملة على مدينة غريان بعد معارك استمرت ساعات مع مليشيات حفتر التي كانت تتخذ من المدينة مركزا رئيسيا لإمداد قواتها جنوب العاصمة.
وقال متحدث باسم غرفة العمليات إن قوات الوفاق دخلت وسط المدينة وغنمت آليات وذخائر، وإن عناصر حفتر فروا باتجاه الجنوب.
وتعد غريان من أهم المدن الواقعة على الطريق بين طرابلس والجنوب الليبي.`

const gharyanEast = `أكد المتحدث باسم الجيش الوطني الليبي أن قواته ما زالت تسيطر على مدينة غريان، نافيا ما تردده وسائل إعلام موالية للوفاق عن سقوط المدينة.
وأضاف أن وحدات الجيش استعادت مواقعها في محيط غريان بعد هجوم شنته مليشيات الوفاق فجر الأربعاء، وأن الوضع تحت السيطرة.
ودعا سكان المدينة إلى عدم الالتفات إلى الشائعات.`

const gharyanRecap = `بعد أيام على خسارة قوات حفتر مدينة غريان، تتواصل التساؤلات عن قدرة الجيش الوطني الليبي على مواصلة هجومه على العاصمة.
ويرى محللون أن سيطرة قوات الوفاق على المدينة قطعت أهم خطوط إمداد حفتر في الغرب.`

const misrataClash = `اندلعت اشتباكات بين مجموعتين مسلحتين في أحد أحياء مدينة مصراتة مساء الأربعاء، استخدمت فيها أسلحة متوسطة، دون أنباء عن ضحايا.
وقال سكان إن الاشتباكات اندلعت إثر خلاف على إدارة بوابة أمنية عند المدخل الشرقي للمدينة.`

func gharyanDocs() []record.Document {
	gna := actor(idGNA, "حكومة الوفاق الوطني", "GNA")
	lna := actor(idLNA, "الجيش الوطني الليبي", "LNA")

	g1 := newDoc("gharyan-west", "منصة الغرب", "", "قوات الوفاق تسيطر على غريان", "2019-06-27", gharyanWest)
	entity(&g1, idGNA, record.GOV, "حكومة الوفاق الوطني", "GNA", "قوات حكومة الوفاق", "قوات الوفاق")
	entity(&g1, idLNA, record.ArmedGroup, "الجيش الوطني الليبي", "LNA", "مليشيات حفتر", "عناصر حفتر")
	event(&g1, "Battles", "Government regains territory", "2019-06-26", locGharyan, gna, lna, nil,
		"أعلنت قوات حكومة الوفاق سيطرتها الكاملة على مدينة غريان")

	g2 := newDoc("gharyan-east", "قناة البرقة", "", "الجيش الوطني: غريان تحت السيطرة", "2019-06-27", gharyanEast)
	entity(&g2, idLNA, record.ArmedGroup, "الجيش الوطني الليبي", "LNA", "الجيش الوطني الليبي", "وحدات الجيش")
	entity(&g2, idGNA, record.GOV, "حكومة الوفاق الوطني", "GNA", "مليشيات الوفاق")
	event(&g2, "Battles", "Non-state actor overtakes territory", "2019-06-26", locGharyan, lna, gna, nil,
		"أكد المتحدث باسم الجيش الوطني الليبي أن قواته ما زالت تسيطر على مدينة غريان، نافيا ما تردده وسائل إعلام موالية للوفاق عن سقوط المدينة")

	// A week later, with no date for the town's fall: the event window is
	// the two weeks before publication.
	g3 := newDoc("gharyan-recap", "الوسط اليوم", "", "ماذا بعد غريان؟", "2019-07-08", gharyanRecap)
	entity(&g3, idLNA, record.ArmedGroup, "الجيش الوطني الليبي", "LNA", "قوات حفتر", "الجيش الوطني الليبي")
	entity(&g3, idGNA, record.GOV, "حكومة الوفاق الوطني", "GNA", "قوات الوفاق")
	e := event(&g3, "Battles", "Government regains territory", "", locGharyan, gna, lna, nil,
		"بعد أيام على خسارة قوات حفتر مدينة غريان")
	e.TimePrecision = 3

	g4 := newDoc("misrata-clash", "منصة الغرب", "", "اشتباكات في مصراتة", "2019-06-26", misrataClash)
	event(&g4, "Battles", "Armed clash", "2019-06-26", locMisrata, actor("actor:misrata-group-a", "مجموعة مسلحة", ""), actor("actor:misrata-group-b", "مجموعة مسلحة", ""), nil,
		"اندلعت اشتباكات بين مجموعتين مسلحتين في أحد أحياء مدينة مصراتة مساء الأربعاء")
	return []record.Document{g1, g2, g3, g4}
}

const salahJuly = `تجددت الاشتباكات العنيفة في منطقة صلاح الدين جنوب طرابلس بين قوات الوفاق وقوات حفتر، واستخدم الطرفان المدفعية الثقيلة والراجمات.
وقالت مصادر طبية إن ثلاثة مقاتلين قتلوا في المواجهات التي امتدت حتى ساعات الفجر.`

const salahDecember = `عادت المواجهات المسلحة إلى منطقة صلاح الدين جنوب العاصمة طرابلس بين قوات الوفاق وقوات حفتر بعد أسابيع من الهدوء الحذر، وسط قصف متبادل بالمدفعية.
وأفاد سكان بأن عائلات عدة نزحت من المنطقة مع اشتداد القصف.`

const sabhaJuly = `شهدت مدينة سبها في الجنوب الليبي اشتباكات بين مسلحين من قبائل محلية وقوات حفتر قرب قلعة المدينة، سقط فيها قتيلان بحسب مصادر محلية.`

const salahOtherDyad = `أفادت مصادر أمنية بوقوع اشتباك قصير في منطقة صلاح الدين بين خلية تابعة لتنظيم الدولة ومسلحين من التبو كانوا ينقلون شحنة وقود، دون تأكيد لأي إصابات.`

func salahDocs() []record.Document {
	gna := actor(idGNA, "حكومة الوفاق الوطني", "GNA")
	lna := actor(idLNA, "الجيش الوطني الليبي", "LNA")

	s1 := newDoc("salah-july", "موقع الميدان الليبي", "", "اشتباكات في صلاح الدين", "2019-07-15", salahJuly)
	entity(&s1, idGNA, record.GOV, "حكومة الوفاق الوطني", "GNA", "قوات الوفاق")
	entity(&s1, idLNA, record.ArmedGroup, "الجيش الوطني الليبي", "LNA", "قوات حفتر")
	event(&s1, "Battles", "Armed clash", "2019-07-15", locSalah, gna, lna, record.Int(3),
		"تجددت الاشتباكات العنيفة في منطقة صلاح الدين جنوب طرابلس بين قوات الوفاق وقوات حفتر")

	s2 := newDoc("salah-december", "قناة البرقة", "", "مواجهات جديدة في صلاح الدين", "2019-12-02", salahDecember)
	entity(&s2, idGNA, record.GOV, "حكومة الوفاق الوطني", "GNA", "قوات الوفاق")
	entity(&s2, idLNA, record.ArmedGroup, "الجيش الوطني الليبي", "LNA", "قوات حفتر")
	event(&s2, "Battles", "Armed clash", "2019-12-02", locSalah, gna, lna, nil,
		"عادت المواجهات المسلحة إلى منطقة صلاح الدين جنوب العاصمة طرابلس بين قوات الوفاق وقوات حفتر")

	s3 := newDoc("sabha-july", "موقع الميدان الليبي", "", "اشتباكات في سبها", "2019-07-15", sabhaJuly)
	event(&s3, "Battles", "Armed clash", "2019-07-15", locSabha, actor("actor:sabha-tribes", "مسلحون قبليون", "Tribal"), lna, record.Int(2),
		"شهدت مدينة سبها في الجنوب الليبي اشتباكات بين مسلحين من قبائل محلية وقوات حفتر قرب قلعة المدينة")

	s4 := newDoc("salah-other-dyad", "الوسط اليوم", "", "اشتباك مع خلية لتنظيم الدولة", "2019-07-15", salahOtherDyad)
	event(&s4, "Battles", "Armed clash", "2019-07-15", locSalah, actor(idISIS, "تنظيم الدولة", "IS"), actor(idTebu, "مسلحون من التبو", "Tebu"), nil,
		"أفادت مصادر أمنية بوقوع اشتباك قصير في منطقة صلاح الدين بين خلية تابعة لتنظيم الدولة ومسلحين من التبو")
	return []record.Document{s1, s2, s3, s4}
}

// allFixtures returns every fixture in publication order, the order a
// crawler would deliver them.
func allFixtures() []record.Document {
	var out []record.Document
	out = append(out, gharyanDocs()...)
	out = append(out, salahDocs()[0], salahDocs()[2], salahDocs()[3])
	out = append(out, salahDocs()[1])
	out = append(out, taizDocs()...)
	return out
}
