package events

import (
	"testing"
)

// The sentences below were written for these tests; the places and
// parties are real, the events are not reports of real ones.
func TestEventTypes(t *testing.T) {
	const day = "2021-03-13" // a Saturday
	tests := []struct {
		name, body string
		ents       []ent
		typ, sub   string
	}{
		{"government regains", "استعادت قوات النظام السيطرة على مدينة سراقب يوم الجمعة بعد معارك عنيفة مع مقاتلي هيئة تحرير الشام.",
			[]ent{entSyArmy, entHTS, entSaraqib}, "Battles", "Government regains territory"},
		{"non-state overtakes", "سيطر مسلحو تنظيم الدولة على قرية قرب الموصل فجر الخميس بعد انسحاب الجيش السوري منها.",
			[]ent{entISIS, entMosul, entSyArmy}, "Battles", "Non-state actor overtakes territory"},
		{"non-state overtakes, noun", "أعلنت قوات الدعم السريع سيطرتها على مدينة الفاشر أمس.",
			[]ent{entRSF, entFasher}, "Battles", "Non-state actor overtakes territory"},
		{"armed clash", "اندلعت اشتباكات عنيفة أمس بين الجيش اليمني وجماعة الحوثي في مأرب.",
			[]ent{entYeArmy, entHouthi, entMarib}, "Battles", "Armed clash"},
		{"armed clash, verb", "اشتبكت قوات الدعم السريع مع الجيش السوداني صباح الجمعة في الخرطوم.",
			[]ent{entRSF, entSAF, entKhartoum}, "Battles", "Armed clash"},
		{"attack on a post", "هاجم مسلحو تنظيم الدولة نقطة عسكرية للجيش السوري قرب الموصل ليل الخميس.",
			[]ent{entISIS, entSyArmy, entMosul}, "Battles", "Armed clash"},
		{"air strike", "شنت طائرات حربية روسية غارات جوية على بلدات في ريف إدلب يوم الخميس.",
			[]ent{entIdlib}, "Explosions/Remote violence", "Air/drone strike"},
		{"drone strike", "استهدفت طائرة مسيرة سيارة تقل قياديين في الهيئة قرب سراقب أمس.",
			[]ent{entHTS, entSaraqib}, "Explosions/Remote violence", "Air/drone strike"},
		{"shelling", "قصفت مدفعية الحوثيين أحياء سكنية في مدينة تعز يوم الأربعاء.",
			[]ent{entHouthi, entTaiz}, "Explosions/Remote violence", "Shelling/artillery/missile attack"},
		{"missile", "سقطت صواريخ على حي في مأرب مساء الخميس.",
			[]ent{entMarib}, "Explosions/Remote violence", "Shelling/artillery/missile attack"},
		{"IED", "انفجرت عبوة ناسفة بدورية للجيش اليمني في تعز صباح الجمعة.",
			[]ent{entYeArmy, entTaiz}, "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		{"suicide bomb", "فجر انتحاري حزاما ناسفا في سوق شعبي ببغداد أمس.",
			[]ent{entBaghdad}, "Explosions/Remote violence", "Suicide bomb"},
		{"grenade", "ألقى مجهولون قنبلة يدوية على منزل في الموصل ليلة الخميس.",
			[]ent{entMosul}, "Explosions/Remote violence", "Grenade"},
		{"chemical", "تعرضت بلدة قرب إدلب لهجوم بغاز الكلور يوم الخميس.",
			[]ent{entIdlib}, "Explosions/Remote violence", "Chemical weapon"},
		{"attack on civilians", "قتل مسلحون مجهولون ثلاثة مدنيين في قرية قرب الفاشر يوم الخميس.",
			[]ent{entFasher}, "Violence against civilians", "Attack"},
		{"assassination", "اغتال مسلحون قاضيا أمام منزله في الزاوية مساء الجمعة.",
			[]ent{entZawiya}, "Violence against civilians", "Attack"},
		{"abduction", "اختطف مسلحون صحفيا محليا في مصراتة أمس.",
			[]ent{entMisrata}, "Violence against civilians", "Abduction/forced disappearance"},
		{"sexual violence", "وثقت منظمة حقوقية حالات اغتصاب ارتكبها مقاتلون في الفاشر الأسبوع الماضي.",
			[]ent{entFasher}, "Violence against civilians", "Sexual violence"},
		{"arrests", "اعتقلت قوات الأمن عشرة شبان في حي بمدينة الموصل فجر الجمعة.",
			[]ent{entMosul}, "Strategic developments", "Arrests"},
		{"peaceful protest", "تظاهر مئات الطلاب في بيروت يوم الجمعة للمطالبة بتحسين الأوضاع المعيشية.",
			[]ent{entBeirut}, "Protests", "Peaceful protest"},
		{"protest with intervention", "فرقت الشرطة بالغاز المسيل للدموع تظاهرة للمعلمين في الخرطوم أمس.",
			[]ent{entKhartoum}, "Protests", "Protest with intervention"},
		{"excessive force", "قتل ثلاثة متظاهرين برصاص حي خلال احتجاجات في الخرطوم يوم الخميس.",
			[]ent{entKhartoum}, "Protests", "Excessive force against protesters"},
		{"violent demonstration", "أحرق متظاهرون إطارات ورشقوا قوات الأمن بالحجارة خلال تظاهرة في بغداد أمس.",
			[]ent{entBaghdad}, "Riots", "Violent demonstration"},
		{"mob violence", "اندلعت أعمال شغب في حي بمصراتة أمس حين هاجم حشد غاضب منزلا وسحل رجلا.",
			[]ent{entMisrata}, "Riots", "Mob violence"},
		{"agreement", "وقع الطرفان في جنيف يوم الجمعة اتفاقا لتبادل الأسرى.",
			[]ent{entGeneva}, "Strategic developments", "Agreement"},
		{"ceasefire", "أعلن الجيش السوداني وقف إطلاق النار في الخرطوم لمدة ثلاثة أيام اعتبارا من أمس.",
			[]ent{entSAF, entKhartoum}, "Strategic developments", "Agreement"},
		{"change to group", "أعلنت هيئة تحرير الشام حل كتيبة تابعة لها في إدلب أمس.",
			[]ent{entHTS, entIdlib}, "Strategic developments", "Change to group/activity"},
		{"defection", "أعلن قائد ميداني في قوات الدعم السريع انشقاقه مع عشرات المقاتلين في الفاشر يوم الخميس.",
			[]ent{entRSF, entFasher}, "Strategic developments", "Change to group/activity"},
		{"base", "أنشأت القوات التركية قاعدة عسكرية جديدة قرب سراقب الأسبوع الماضي.",
			[]ent{entSaraqib}, "Strategic developments", "Headquarters or base established"},
		{"looting", "نهب مسلحون محلات تجارية في سوق الفاشر ليلة الخميس.",
			[]ent{entFasher}, "Strategic developments", "Looting/property destruction"},
		{"burning homes", "أحرق مسلحون منازل في قرية قرب الفاشر أمس.",
			[]ent{entFasher}, "Strategic developments", "Looting/property destruction"},
		{"withdrawal", "انسحبت قوات الدعم السريع من مدينة الفاشر يوم الجمعة دون قتال.",
			[]ent{entRSF, entFasher}, "Strategic developments", "Non-violent transfer of territory"},
		{"entry without resistance", "دخلت القوات الحكومية اليمنية مدينة تعز أمس دون مقاومة تذكر.",
			[]ent{entYeArmy, entTaiz}, "Strategic developments", "Non-violent transfer of territory"},
		{"bodies found", "عثر سكان على 12 جثة مجهولة الهوية في مقبرة جماعية قرب الموصل يوم الخميس.",
			[]ent{entMosul}, "Strategic developments", "Other"},
		{"drone shot down", "أسقطت الدفاعات الجوية للجيش اليمني طائرة مسيرة أطلقها الحوثيون فوق مأرب أمس.",
			[]ent{entYeArmy, entHouthi, entMarib}, "Strategic developments", "Disrupted weapons use"},
		{"IED defused", "فككت فرق الهندسة عبوة ناسفة زرعت على طريق في تعز صباح الجمعة.",
			[]ent{entTaiz}, "Strategic developments", "Disrupted weapons use"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := extract(t, mkDoc(t, tc.body, day, tc.ents...))
			for _, e := range evs {
				if e.EventType == tc.typ && e.SubEventType == tc.sub {
					return
				}
			}
			t.Errorf("want %s/%s, got %s", tc.typ, tc.sub, describe(evs))
		})
	}
}
