package events

import "testing"

// TestNotEvents: sentences that name violence without reporting an event
// that happened yield none.
func TestNotEvents(t *testing.T) {
	const day = "2021-03-13"
	tests := []struct {
		name, body string
		ents       []ent
	}{
		{"threat", "هدد الحوثيون بقصف منشآت نفطية في مأرب إذا استمر الحصار.", []ent{entHouthi, entMarib}},
		{"promise", "قال قائد ميداني إن مقاتليه سيواصلون القتال في ريف إدلب حتى النهاية.", []ent{entIdlib}},
		{"future verb", "ستشن القوات الحكومية هجوما واسعا على مواقع الحوثيين في تعز.", []ent{entHouthi, entTaiz}},
		{"plan", "تستعد قوات الدعم السريع لاقتحام مدينة الفاشر خلال الأيام المقبلة.", []ent{entRSF, entFasher}},
		{"intention", "تعتزم الحكومة اليمنية استعادة السيطرة على مأرب قريبا.", []ent{entYeGov, entMarib}},
		{"waiting for zero hour", "تقف القوات على مشارف سراقب منتظرة ساعة الصفر لاقتحامها.", []ent{entSaraqib}},
		{"denial", "نفى الجيش السوري أن تكون قواته قد قصفت مستشفى في إدلب أمس.", []ent{entSyArmy, entIdlib}},
		{"denial after", "قالت مصادر محلية إن طائرات قصفت سوق سراقب أمس، لكن الجيش السوري نفى هذه الأنباء.", []ent{entSyArmy, entSaraqib}},
		{"negation", "لم تسيطر قوات النظام على سراقب رغم المعارك المستمرة منذ أسابيع.", []ent{entSyArmy, entSaraqib}},
		{"negation, future", "لن يسمح الجيش اليمني بسقوط مأرب.", []ent{entYeArmy, entMarib}},
		{"failure", "فشلت قوات الدعم السريع في السيطرة على الفاشر.", []ent{entRSF, entFasher}},
		{"question", "هل تنجح قوات النظام في اقتحام سراقب؟", []ent{entSyArmy, entSaraqib}},
		{"conditional", "إذا هاجمت الهيئة مواقع الجيش السوري في إدلب فإن الرد سيكون قاسيا.", []ent{entHTS, entSyArmy, entIdlib}},
		{"meeting", "التقى وزير الخارجية نظيره الإيطالي في جنيف يوم الخميس لبحث الأزمة.", []ent{entGeneva}},
		{"visit and talks", "زار المبعوث الأممي الخرطوم أمس وأجرى محادثات مع الجيش السوداني.", []ent{entKhartoum, entSAF}},
		{"call for ceasefire", "دعا الأمين العام للأمم المتحدة إلى وقف إطلاق النار في الفاشر.", []ent{entFasher}},
		{"demand", "طالبت منظمات حقوقية بالإفراج عن المعتقلين في بغداد.", []ent{entBaghdad}},
		{"talks toward an agreement", "بدأت في جنيف محادثات بين الطرفين بهدف التوصل إلى اتفاق لوقف إطلاق النار.", []ent{entGeneva}},
		{"generic", "اتهمت منظمة حقوقية الطرفين بارتكاب جرائم حرب في الخرطوم بما في ذلك قصف الأحياء السكنية.", []ent{entKhartoum}},
		{"condemnation", "ندد الاتحاد الأوروبي بالهجوم على مدينة الفاشر.", []ent{entFasher}},
		{"state, not change", "لا تزال مدينة سراقب تحت سيطرة قوات النظام.", []ent{entSaraqib, entSyArmy}},
		{"purpose", "فشلت الحملة العسكرية للاستيلاء على مدينة مأرب.", []ent{entMarib}},
		{"remote background", "وفي ثمانينيات القرن الماضي قصفت الطائرات مدينة الموصل مرات عديدة.", []ent{entMosul}},
		{"civilians fleeing", "فر مئات السكان من مدينة الفاشر باتجاه الغرب.", []ent{entFasher}},
		{"front lines", "زار الوزير محاور القتال جنوب مأرب يوم الخميس.", []ent{entMarib}},
		{"dawn, not a blast", "وصل الوفد إلى الخرطوم فجر الأحد.", []ent{entKhartoum}},
		{"families, not captives", "نزحت عشرات الأسر من قرى قرب الفاشر أمس.", []ent{entFasher}},
		{"repeated attacks", "تنفذ الجماعة هجمات متكررة في تعز.", []ent{entTaiz}},
		{"an agreement in force", "تشهد مأرب معارك منذ أسابيع رغم اتفاق وقف إطلاق النار الموقع العام الماضي.", []ent{entMarib}},
		{"a truce broken", "تبادل الطرفان الاتهامات بخرق الهدنة في تعز.", []ent{entTaiz}},
		{"a state since a date", "يتبادل الطرفان القصف عبر الحدود منذ أكتوبر 2020.", nil},
		{"a tally since a date", "استعاد الجيش اليمني عددا من البلدات قرب مأرب منذ يناير 2020.", []ent{entYeArmy, entMarib}},
		{"bodies of the dead", "انتشلت فرق الإنقاذ جثث الضحايا من تحت الأنقاض في مأرب أمس.", []ent{entMarib}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if evs := extract(t, mkDoc(t, tc.body, day, tc.ents...)); len(evs) > 0 {
				t.Errorf("want no event, got %s", describe(evs))
			}
		})
	}
}

// TestNotEventKeepsTheFact: a call or a threat does not cancel a fact
// reported in a clause of its own.
func TestNotEventKeepsTheFact(t *testing.T) {
	body := "دعا المبعوث الأممي إلى التهدئة بعد مقتل خمسة مدنيين في قصف على مدينة تعز أمس."
	evs := extract(t, mkDoc(t, body, "2021-03-13", entTaiz))
	if len(evs) != 1 || evs[0].SubEventType != "Shelling/artillery/missile attack" {
		t.Fatalf("want one shelling, got %s", describe(evs))
	}
	if evs[0].Fatalities == nil || *evs[0].Fatalities != 5 {
		t.Errorf("fatalities = %v, want 5", evs[0].Fatalities)
	}
}
