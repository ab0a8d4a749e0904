package link

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/kb"
)

// wordSet is a set of normalised words without the article.
type wordSet map[string]bool

func newWordSet(words string) wordSet {
	s := wordSet{}
	for _, w := range strings.Fields(words) {
		s[kb.Key(w)] = true
	}
	return s
}

// has reports whether a token, clitics and article aside, is in the set.
func (s wordSet) has(t arabic.Token) bool {
	return s[bareKey(t)]
}

// bareKey is a token's normalised form without proclitics or article.
func bareKey(t arabic.Token) string {
	if t.Stem != "" {
		return kb.Key(t.Stem)
	}
	return kb.Key(t.Norm)
}

// descriptors are the nouns that introduce a group or a person and carry
// the writer's framing: «مليشيات حفتر», «قوات الوفاق», «مرتزقة فاغنر».
var descriptors = newWordSet(`مليشيات ميليشيات مليشيا ميليشيا قوات قوة عناصر مرتزقة مرتزق جيش ثوار ثائر جنود
	جندي مسلحي مسلحو مسلحين مسلح مقاتلي مقاتلو مقاتلين عصابات عصابة كتائب كتيبة فصائل فصيل خلايا فلول
	إرهابيي إرهابيو إرهابيين مجموعات مجموعة مرتزقه`)

// hostileLabels are the descriptors a writer uses for the other side.
var hostileLabels = newWordSet(`مليشيات ميليشيات مليشيا ميليشيا مرتزقة مرتزق مرتزقه عصابات عصابة فلول
	إرهابيي إرهابيو إرهابيين خلايا`)

// titles precede a person's name and are not part of it.
var titles = newWordSet(`اللواء لواء العميد عميد العقيد عقيد المقدم مقدم الرائد رائد النقيب نقيب الملازم
	المشير مشير الفريق فريق الجنرال جنرال العماد المتقاعد الرئيس رئيس الوزير وزير الشيخ شيخ السيد سيد
	السيدة الدكتور د الحاج المستشار الأمير أمير الملك ملك الإمام المرشد آية القائد قائد الناطق المتحدث
	متحدث النائب نائب السفير سفير المبعوث مبعوث الأمين أمين العاهل ولي طيار ركن بحري مهندس أول
	المدعو الملقب`)

// placeCues precede a place name: a one-word name that is usually a
// common word («صور» pictures / Tyre) is a place after one of them.
var placeCues = newWordSet(`في إلى الى من نحو قرب بالقرب مدينة بمدينة لمدينة بلدة ببلدة قرية بقرية منطقة
	بمنطقة محافظة بمحافظة ولاية بولاية شمال جنوب شرق غرب شمالي جنوبي شرقي غربي أطراف ضواحي داخل حول
	مدخل محيط تخوم اتجاه باتجاه مطار`)

// adverbialStems, after ب and the article, make set phrases a tagger may
// take for a name after a place («سرت بالكامل»): never names.
var adverbialStems = newWordSet(`كامل تحديد خصوص تالي فعل إضافة تزامن مقابل نسبة رغم ضبط ذات توازي أساس
	تأكيد طبع مثل قوة تفصيل تعاون`)

// platforms are the social networks statements are posted on («في بيان
// على تلغرام»): a tagger may take one for a place.
var platforms = newWordSet(`تلغرام تليغرام تيليغرام تويتر فيسبوك فيس يوتيوب واتساب إنستغرام انستغرام تيك
	تيكتوك`)

// adverbial reports whether a token is one of those set phrases.
func adverbial(t arabic.Token) bool {
	p := t.Proclitics()
	return len(p) == 2 && p[0] == "ب" && p[1] == "ال" && adverbialStems.has(t)
}

// settlementNouns name a kind of inhabited place: the name after one is
// a place whatever the tagger made of it («مخيم أبو ...» is a camp, not a
// man called Abu ...).
var settlementNouns = newWordSet(`مخيم مخيمات قرية بلدة مدينة حي ضاحية محافظة ولاية مديرية قضاء ناحية بلدية
	منطقة إقليم واحة`)

func isTitle(t arabic.Token) bool { return titles.has(t) }

// labelOf returns the descriptor that introduces a candidate: the word
// just before it («عناصر» in «عناصر الجيش الوطني») or its own first word
// («مليشيات حفتر», «الجيش الوطني الليبي»), as written but for the
// conjunction and preposition letters («وللجيش» → «الجيش»).
func (a *article) labelOf(c *cand) string {
	if c.adjective {
		return ""
	}
	if c.first > 0 && descriptors.has(a.toks[c.first-1]) {
		return stripProclitics(a.toks[c.first-1])
	}
	if c.last > c.first && descriptors.has(a.toks[c.first]) {
		return stripProclitics(a.toks[c.first])
	}
	return ""
}

// afterLetters returns s without its first n letters, diacritics and
// tatweel not counting as letters; s itself when nothing would be left.
func afterLetters(s string, n int) string {
	if n <= 0 {
		return s
	}
	for i, r := range s {
		if n == 0 {
			return s[i:]
		}
		if arabic.Normalize(string(r)) != "" {
			n--
		}
	}
	return s
}

// canonical returns the name spelt by tokens first..last as written, with
// the proclitics of the first token removed but its article kept: «بطرابلس»
// → «طرابلس», «والجيش الليبي» → «الجيش الليبي», «للجيش» → «الجيش».
func (a *article) canonical(first, last int) string {
	var b strings.Builder
	for k := first; k <= last; k++ {
		t := a.toks[k]
		text := t.Text
		if k == first {
			text = stripProclitics(t)
		}
		if k > first && t.Start > a.toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(text)
	}
	return b.String()
}

// stripProclitics removes a token's conjunction and preposition letters,
// keeping the article; «لل» (ل + ال) becomes «ال».
func stripProclitics(t arabic.Token) string {
	drop := 0
	article := false
	for _, p := range t.Proclitics() {
		if p == "ال" {
			article = true
			break
		}
		drop += len([]rune(p))
	}
	rest := afterLetters(t.Text, drop)
	// «للجيش»: the ل of the preposition absorbed the article's alef.
	if article && strings.HasPrefix(rest, "ل") && !strings.HasPrefix(rest, "ال") {
		return "ا" + rest
	}
	return rest
}
