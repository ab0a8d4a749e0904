package quotes

import (
	"strings"
	"testing"
)

// Every reporting verb of the lexicon, in every listed form, reports a
// «أن» clause with its subject after it.
func TestEveryVerbForm(t *testing.T) {
	for _, v := range verbCues {
		for _, form := range strings.Fields(v.forms) {
			body := "و" + form + " المتحدث باسم الشرطة أن الطريق أغلق أمام السيارات."
			qs := Find(docWith(body))
			checkSpans(t, body, qs)
			if len(qs) != 1 || qs[0].SpeakerText != "المتحدث باسم الشرطة" || qs[0].Text != "الطريق أغلق أمام السيارات" || qs[0].Cue != form {
				t.Errorf("%s:\n%s", body, dump(qs))
			}
		}
	}
}

// Every participle continues the speaker of the clause before it.
func TestEveryParticiple(t *testing.T) {
	for form := range participleCues {
		body := "وقال المتحدث باسم الشرطة إن الطريق أغلق، " + form + " أن السيارات عادت إلى المدينة."
		qs := Find(docWith(body))
		checkSpans(t, body, qs)
		if len(qs) != 2 || qs[1].SpeakerText != "المتحدث باسم الشرطة" || qs[1].Text != "السيارات عادت إلى المدينة" || qs[0].Text != "الطريق أغلق" {
			t.Errorf("%s:\n%s", body, dump(qs))
		}
	}
}

// Every attribution word names the source of the clause before it, and
// of the clause after it when it opens the sentence.
func TestEveryAttribution(t *testing.T) {
	for word, prep := range attributionWords {
		intro := word + " "
		if prep != "" {
			intro += prep + " "
		}
		for _, body := range []string{
			"قتل ثلاثة جنود في الهجوم، " + intro + "مصادر طبية.",
			"و" + intro + "مصادر طبية، فإن ثلاثة جنود قتلوا في الهجوم.",
		} {
			qs := Find(docWith(body))
			checkSpans(t, body, qs)
			if len(qs) != 1 || qs[0].Speaker.Name != "مصادر طبية" || !strings.Contains(qs[0].Text, "ثلاثة جنود") {
				t.Errorf("%s:\n%s", body, dump(qs))
			}
		}
	}
}
