package quotes

import (
	"testing"

	"github.com/marsad/marsad/internal/record"
)

// want is an expected quote: the speaker's name (and text, when it differs
// from the name), its id ("" for none), the cue, the text, directness.
type want struct {
	name, speakerText, id, cue, text string
	direct                           bool
}

var cases = []struct {
	name string
	body string
	ents []ent
	want []want
}{
	{
		name: "VSO, title and name: the person is the speaker",
		body: "وقال المتحدث باسم وزارة الصحة في غزة أشرف القدرة إن عدد القتلى ارتفع إلى أربعين.",
		ents: []ent{
			{"kb:qudra", record.PER, "أشرف القدرة", []string{"أشرف القدرة"}},
			{"kb:moh", record.GOV, "وزارة الصحة الفلسطينية", []string{"وزارة الصحة"}},
			{"gn:gaza", record.GPE, "غزة", []string{"غزة"}},
		},
		want: []want{{name: "أشرف القدرة", speakerText: "المتحدث باسم وزارة الصحة في غزة أشرف القدرة", id: "kb:qudra", cue: "قال", text: "عدد القتلى ارتفع إلى أربعين"}},
	},
	{
		name: "SVO: subject before the verb",
		body: "الرئيس السوداني عمر البشير قال إن الحكومة لن تتفاوض مع المتمردين.",
		ents: []ent{{"kb:bashir", record.PER, "عمر البشير", []string{"عمر البشير"}}},
		want: []want{{name: "عمر البشير", speakerText: "الرئيس السوداني عمر البشير", id: "kb:bashir", cue: "قال", text: "الحكومة لن تتفاوض مع المتمردين"}},
	},
	{
		name: "organisation named whole: linked by its own name",
		body: "وأكدت منظمة أطباء بلا حدود أن المستشفى تعرض لقصف مباشر ليلة السبت.",
		ents: []ent{{"kb:msf", record.ORG, "أطباء بلا حدود", []string{"منظمة أطباء بلا حدود"}}},
		want: []want{{name: "أطباء بلا حدود", speakerText: "منظمة أطباء بلا حدود", id: "kb:msf", cue: "أكدت", text: "المستشفى تعرض لقصف مباشر ليلة السبت"}},
	},
	{
		name: "pronoun subject: the last speaker",
		body: "وأضاف وزير الإعلام أن الهدنة ما زالت صامدة. وأشار إلى أن المساعدات ستصل إلى المدينة غدا.",
		want: []want{
			{name: "وزير الإعلام", cue: "أضاف", text: "الهدنة ما زالت صامدة"},
			{name: "وزير الإعلام", cue: "أشار", text: "المساعدات ستصل إلى المدينة غدا"},
		},
	},
	{
		name: "participle continues the speaker of its clause",
		body: "وقال قائد الشرطة إن المهاجمين فروا باتجاه الجبال، مضيفا أن البحث عنهم مستمر.",
		want: []want{
			{name: "قائد الشرطة", cue: "قال", text: "المهاجمين فروا باتجاه الجبال"},
			{name: "قائد الشرطة", cue: "مضيفا", text: "البحث عنهم مستمر"},
		},
	},
	{
		name: "unnamed source is not linked",
		body: "وقالت مصادر أمنية مقربة من الجيش السوري إن انتحاريا فجر نفسه قرب سوق شعبي.",
		ents: []ent{{"kb:saa", record.ArmedGroup, "الجيش العربي السوري", []string{"الجيش السوري"}}},
		want: []want{{name: "مصادر أمنية مقربة من الجيش السوري", cue: "قالت", text: "انتحاريا فجر نفسه قرب سوق شعبي"}},
	},
	{
		name: "direct speech in guillemets after a colon",
		body: "وقال المتحدث باسم الجيش: «سنرد على أي هجوم بكل قوة».",
		want: []want{{name: "المتحدث باسم الجيش", cue: "قال", text: "سنرد على أي هجوم بكل قوة", direct: true}},
	},
	{
		name: "direct speech in curly quotes, either direction",
		body: "وقال شاهد عيان “رأيت الدخان يتصاعد من المبنى”. وقالت ممرضة في المستشفى ”لم يعد لدينا دواء“.",
		want: []want{
			{name: "شاهد عيان", cue: "قال", text: "رأيت الدخان يتصاعد من المبنى", direct: true},
			{name: "ممرضة في المستشفى", cue: "قالت", text: "لم يعد لدينا دواء", direct: true},
		},
	},
	{
		name: "«وفق قوله» ends the quote, no second speaker",
		body: "وأوضح الضابط أن القوات سيطرت على التلة بعد معارك استمرت يومين، وفق قوله.",
		want: []want{{name: "الضابط", cue: "أوضح", text: "القوات سيطرت على التلة بعد معارك استمرت يومين"}},
	},
	{
		name: "trailing «بحسب» attributes the clause before it",
		body: "قتل خمسة مدنيين في قصف على بلدة معرة النعمان، بحسب المرصد السوري لحقوق الإنسان.",
		ents: []ent{{"kb:sohr", record.ORG, "المرصد السوري لحقوق الإنسان", []string{"المرصد السوري لحقوق الإنسان"}}},
		want: []want{{name: "المرصد السوري لحقوق الإنسان", id: "kb:sohr", cue: "بحسب", text: "قتل خمسة مدنيين في قصف على بلدة معرة النعمان"}},
	},
	{
		name: "trailing «وفق ما أفاد به X»: the pronoun resumes «ما», the dateline is the agency's",
		body: "حلب (الأناضول) - سقطت قذائف على حي سكني في المدينة، وفق ما أفاد به مسعفون محليون.",
		want: []want{{name: "مسعفون محليون", cue: "أفاد", text: "سقطت قذائف على حي سكني في المدينة"}},
	},
	{
		name: "trailing «وفق بيان لX»: the statement's author speaks",
		body: "سقطت قذيفتان قرب مقر البعثة في المدينة، وفق بيان للجنة الأمنية المحلية.",
		want: []want{{name: "اللجنة الأمنية المحلية", cue: "وفق", text: "سقطت قذيفتان قرب مقر البعثة في المدينة"}},
	},
	{
		name: "leading «وبحسب X، فإن»",
		body: "وبحسب وكالة الأنباء الرسمية، فإن الرئيس سيزور المدينة الأسبوع المقبل.",
		want: []want{{name: "وكالة الأنباء الرسمية", cue: "بحسب", text: "الرئيس سيزور المدينة الأسبوع المقبل"}},
	},
	{
		name: "nested attribution: the source after «عن» speaks",
		body: "ونقل الموقع عن مصدر عسكري قوله إن الطائرات استهدفت مخزنا للأسلحة.",
		want: []want{{name: "مصدر عسكري", cue: "نقل عن", text: "الطائرات استهدفت مخزنا للأسلحة"}},
	},
	{
		name: "«جاء في البيان»",
		body: "وجاء في البيان أن الحركة ستواصل عملياتها حتى انسحاب القوات الأجنبية.",
		want: []want{{name: "البيان", cue: "جاء في", text: "الحركة ستواصل عملياتها حتى انسحاب القوات الأجنبية"}},
	},
	{
		name: "denial with a complementizer",
		body: "ونفى المتحدث باسم الحركة أن تكون قواته استهدفت المدنيين.",
		want: []want{{name: "المتحدث باسم الحركة", cue: "نفى", text: "تكون قواته استهدفت المدنيين"}},
	},
	{
		name: "relative clause: the antecedent speaks",
		body: "ووصل إلى المدينة وزير الدفاع الذي قال إن الوضع تحت السيطرة.",
		want: []want{{name: "وزير الدفاع", cue: "قال", text: "الوضع تحت السيطرة"}},
	},
	{
		name: "counted people as speakers",
		body: "وأكد اثنان من السكان أن المسلحين أحرقوا المتاجر قبل انسحابهم.",
		want: []want{{name: "اثنان من السكان", cue: "أكد", text: "المسلحين أحرقوا المتاجر قبل انسحابهم"}},
	},
	{
		name: "postposed cue after a quotation",
		body: "«لن نستسلم أبدا»، قال القائد الميداني.",
		want: []want{{name: "القائد الميداني", cue: "قال", text: "لن نستسلم أبدا", direct: true}},
	},
	{
		name: "«كان X قد أعلن»",
		body: "وكان وزير الخارجية قد أعلن أن بلاده ستغلق سفارتها في العاصمة.",
		want: []want{{name: "وزير الخارجية", cue: "أعلن", text: "بلاده ستغلق سفارتها في العاصمة"}},
	},
	{
		name: "«دعا X إلى» keeps the call",
		body: "ودعا الأمين العام للأمم المتحدة إلى وقف فوري لإطلاق النار.",
		want: []want{{name: "الأمين العام للأمم المتحدة", cue: "دعا", text: "إلى وقف فوري لإطلاق النار"}},
	},
	{
		name: "«ندد بـ» object",
		body: "ونددت الخارجية الفرنسية بالهجوم على قافلة المساعدات.",
		want: []want{{name: "الخارجية الفرنسية", cue: "نددت", text: "بالهجوم على قافلة المساعدات"}},
	},
	{
		name: "«ليعلن عقب ذلك» with a direct object",
		body: "ليعلن عقب ذلك الناطق باسم القوات المسلحة السيطرة على المطار.",
		want: []want{{name: "الناطق باسم القوات المسلحة", cue: "يعلن", text: "السيطرة على المطار"}},
	},
	{
		name: "embedded speech is not cut",
		body: "وقال المسؤول إن الوزير أكد أن الاتفاق سيوقع قريبا.",
		want: []want{
			{name: "المسؤول", cue: "قال", text: "الوزير أكد أن الاتفاق سيوقع قريبا"},
			{name: "الوزير", cue: "أكد", text: "الاتفاق سيوقع قريبا"},
		},
	},
	{
		name: "«لكنه حذر» starts a new quote of the same speaker",
		body: "وقال القائد إن الهجوم فشل لكنه حذر من أن الخطر لا يزال قائما.",
		want: []want{
			{name: "القائد", cue: "قال", text: "الهجوم فشل"},
			{name: "القائد", cue: "حذر", text: "الخطر لا يزال قائما"},
		},
	},
	{
		name: "«، لكن» ends the content",
		body: "وأكد الجيش أن قواته صدت الهجوم، لكن شهود عيان تحدثوا عن خسائر كبيرة.",
		want: []want{{name: "الجيش", cue: "أكد", text: "قواته صدت الهجوم"}},
	},
	{
		name: "a title published by a medium",
		body: "ونشرت صحيفة “الغارديان” تقريرا بعنوان “حرب منسية في اليمن”.",
		want: []want{{name: "صحيفة الغارديان", speakerText: "صحيفة “الغارديان”", cue: "نشرت", text: "حرب منسية في اليمن", direct: true}},
	},
	{
		name: "demonstrative points back to a named initiative",
		body: "أطلقت الأمم المتحدة المبادرة الإنسانية الجديدة أمس. وجاء في نص هذه المبادرة أن الممرات ستفتح يوميا.",
		want: []want{{name: "المبادرة الإنسانية الجديدة", speakerText: "هذه المبادرة", cue: "جاء في", text: "الممرات ستفتح يوميا"}},
	},
	{
		name: "definite anaphor takes the earlier speaker",
		body: "وقال مسؤول أمريكي إن واشنطن تدرس الطلب. وأضاف المسؤول الأمريكي أن القرار لم يتخذ بعد.",
		want: []want{
			{name: "مسؤول أمريكي", cue: "قال", text: "واشنطن تدرس الطلب"},
			{name: "مسؤول أمريكي", speakerText: "المسؤول الأمريكي", cue: "أضاف", text: "القرار لم يتخذ بعد"},
		},
	},
	{
		name: "testimony relayed by its witnesses",
		body: "ارتكبت انتهاكات واسعة في القرية، حسب شهادات أدلى بها ناجون.",
		want: []want{{name: "ناجون", speakerText: "شهادات أدلى بها ناجون", cue: "حسب", text: "ارتكبت انتهاكات واسعة في القرية"}},
	},
	{
		name: "participle after an agent: «رفض من X، مؤكدة»",
		body: "وقوبل القرار برفض واسع من المعارضة، مؤكدة أنه غير دستوري.",
		want: []want{{name: "المعارضة", cue: "مؤكدة", text: "غير دستوري"}},
	},
	{
		name: "participle after an embedded person subject",
		body: "وذكرت الصحيفة أن خالد العمري حاول تهدئة الأوضاع قائلا إن الحكومة ستحقق في الحادث.",
		ents: []ent{{"kb:omari", record.PER, "خالد العمري", []string{"خالد العمري"}}},
		want: []want{
			{name: "الصحيفة", cue: "ذكرت", text: "خالد العمري حاول تهدئة الأوضاع"},
			{name: "خالد العمري", id: "kb:omari", cue: "قائلا", text: "الحكومة ستحقق في الحادث"},
		},
	},
	{
		name: "person in apposition after a comma",
		body: "وأكد المتحدث باسم الشرطة، سامي الحداد، أمس، اعتقال ثلاثة مشتبه بهم.",
		ents: []ent{{"kb:haddad", record.PER, "سامي الحداد", []string{"سامي الحداد"}}},
		want: []want{{name: "سامي الحداد", speakerText: "المتحدث باسم الشرطة، سامي الحداد", id: "kb:haddad", cue: "أكد", text: "اعتقال ثلاثة مشتبه بهم"}},
	},
	{
		name: "spokesman of a force is linked to the force",
		body: "وقال الناطق باسم قوات الدعم السريع إن قواته انسحبت من الجسر.",
		ents: []ent{{"kb:rsf", record.ArmedGroup, "قوات الدعم السريع", []string{"قوات الدعم السريع"}}},
		want: []want{{name: "الناطق باسم قوات الدعم السريع", id: "kb:rsf", cue: "قال", text: "قواته انسحبت من الجسر"}},
	},
	{
		name: "weak cue with a subject that cannot speak",
		body: "ويشير ارتفاع الأسعار إلى أن الأزمة ستطول. وكشفت الحرب عن هشاشة الدولة.",
	},
	{
		name: "a relative clause with a subject of its own",
		body: "وأدان الوزير الهجوم الذي قال الجيش إنه استهدف مدرسة للبنات.",
		want: []want{{name: "الجيش", cue: "قال", text: "استهدف مدرسة للبنات"}},
	},
	{
		name: "«نقل ... عن» that is not speech",
		body: "ونقل الجرحى إلى مستشفى ميداني بعيدا عن خطوط القتال.",
	},
	{
		name: "sentences without speech",
		body: "وقعت اشتباكات عنيفة في المدينة. وتعتبر المدينة مركزا تجاريا مهما. سيطرت القوات على الطريق.",
	},
	{
		name: "cue words inside a quotation are not cues",
		body: "وقال الجنرال: «قال لي الجنود إنهم متعبون».",
		want: []want{{name: "الجنرال", cue: "قال", text: "قال لي الجنود إنهم متعبون", direct: true}},
	},
	{
		name: "a speaker phrase with a name in quotation marks",
		body: "وأضاف موقع “عين المدينة” أن الطريق أغلق بالكامل.",
		want: []want{{name: "موقع عين المدينة", speakerText: "موقع “عين المدينة”", cue: "أضاف", text: "الطريق أغلق بالكامل"}},
	},
	{
		name: "adjuncts between the speaker and the content",
		body: "وقال وزير الداخلية في مؤتمر صحفي بالعاصمة يوم الأحد إن الشرطة اعتقلت المتهمين.",
		want: []want{{name: "وزير الداخلية", cue: "قال", text: "الشرطة اعتقلت المتهمين"}},
	},
	{
		name: "quote spanning sentences inside its marks",
		body: "وقال مسؤول أممي «الوضع كارثي. الناس بلا ماء ولا كهرباء منذ أسابيع طويلة».",
		want: []want{{name: "مسؤول أممي", cue: "قال", text: "الوضع كارثي. الناس بلا ماء ولا كهرباء منذ أسابيع طويلة", direct: true}},
	},
	{
		name: "«بحسب» inside a quote names an implicit speaker",
		body: "وأشار إلى أن القصف طال ثلاثة أحياء سكنية، بحسب الدفاع المدني.",
		want: []want{{name: "الدفاع المدني", cue: "أشار", text: "القصف طال ثلاثة أحياء سكنية"}},
	},
}

func TestFind(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := docWith(tc.body, tc.ents...)
			got := Find(d)
			checkSpans(t, tc.body, got)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d quotes, want %d:\n%s", len(got), len(tc.want), dump(got))
			}
			for i, w := range tc.want {
				q := got[i]
				st := w.speakerText
				if st == "" {
					st = w.name
				}
				if q.Speaker.Name != w.name || q.SpeakerText != st || record.Deref(q.Speaker.ID) != w.id ||
					q.Cue != w.cue || q.Text != w.text || q.Direct != w.direct {
					t.Errorf("quote %d:\n got  %s\n want name=%q text=%q id=%q cue=%q %q direct=%v",
						i, dump(got[i:i+1]), w.name, st, w.id, w.cue, w.text, w.direct)
				}
			}
		})
	}
}

func dump(qs []record.Quote) string {
	s := ""
	for _, q := range qs {
		s += "[" + q.Cue + "] name=" + q.Speaker.Name + " | text=" + q.SpeakerText + " | id=" + record.Deref(q.Speaker.ID) + " :: " + q.Text
		if q.Direct {
			s += " (direct)"
		}
		s += "\n"
	}
	return s
}
