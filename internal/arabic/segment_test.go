package arabic

import (
	"reflect"
	"strings"
	"testing"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		word  string
		procs []string
		stem  string
		enc   string
	}{
		// Clitics that must be split.
		{"والجيش", []string{"و", "ال"}, "جيش", ""},
		{"بطرابلس", []string{"ب"}, "طرابلس", ""},
		{"لمليشيات", []string{"ل"}, "مليشيات", ""},
		{"باغتصاب", []string{"ب"}, "اغتصاب", ""}, // event nouns the corpus lacks (data/stems.txt)
		{"لتفريق", []string{"ل"}, "تفريق", ""},
		{"ومداهمة", []string{"و"}, "مداهمه", ""},
		{"وقواتها", []string{"و"}, "قوات", "ها"},
		{"للجيش", []string{"ل", "ال"}, "جيش", ""},
		{"فالحكومة", []string{"ف", "ال"}, "حكومه", ""},
		{"وبالتالي", []string{"و", "ب", "ال"}, "تالي", ""},
		{"للجنة", []string{"ل", "ال"}, "لجنه", ""}, // ل + اللجنة: the article's lam is not written
		{"حكومتها", nil, "حكومه", "ها"},            // ة written ت before a pronoun
		{"وقال", []string{"و"}, "قال", ""},
		{"وكان", []string{"و"}, "كان", ""},
		{"والذي", []string{"و"}, "الذي", ""},
		{"بالله", []string{"ب"}, "الله", ""},
		{"سيقوم", []string{"س"}, "يقوم", ""},
		{"ستعقد", []string{"س"}, "تعقد", ""},
		// The future prefix before verbs the corpus knows only in another
		// person or number, and before verbs listed as never to split.
		{"سيواصلون", []string{"س"}, "يواصلون", ""},
		{"سنواصل", []string{"س"}, "نواصل", ""},
		{"ستكون", []string{"س"}, "تكون", ""},
		{"سيكون", []string{"س"}, "يكون", ""},
		{"وسيواصلون", []string{"و", "س"}, "يواصلون", ""},
		{"فستكون", []string{"ف", "س"}, "تكون", ""},
		{"سنعمل", []string{"س"}, "نعمل", ""},
		{"سأعود", []string{"س"}, "اعود", ""},
		{"عليه", nil, "علي", "ه"},
		{"منهم", nil, "من", "هم"},
		{"لها", nil, "ل", "ها"},
		{"ولهم", []string{"و"}, "ل", "هم"},
		{"وهدا", []string{"و"}, "هذا", ""}, // typo corrected in the stem
		{"الجيش", []string{"ال"}, "جيش", ""},
		{"القوات", []string{"ال"}, "قوات", ""},
		// Words whose first or last letters belong to the stem.
		{"ليبيا", nil, "ليبيا", ""},
		{"فرنسا", nil, "فرنسا", ""},
		{"بنغازي", nil, "بنغازي", ""},
		{"بريطانيا", nil, "بريطانيا", ""},
		{"كتائب", nil, "كتايب", ""},
		{"وزير", nil, "وزير", ""},
		{"والي", nil, "والي", ""},
		{"فائز", nil, "فايز", ""},
		{"لافروف", nil, "لافروف", ""},
		{"بركان", nil, "بركان", ""},
		{"سرت", nil, "سرت", ""},
		{"كلية", nil, "كليه", ""},
		{"بدر", nil, "بدر", ""},
		{"ولاية", nil, "ولايه", ""},
		{"فيديو", nil, "فيديو", ""},
		{"إلى", nil, "الي", ""},
		{"الذي", nil, "الذي", ""},
		{"الله", nil, "الله", ""},
		{"كما", nil, "كما", ""},
		{"واحد", nil, "واحد", ""},
		{"سيارة", nil, "سياره", ""},
		// س + a person-prefix letter that is no future verb.
		{"سيطرة", nil, "سيطره", ""},
		{"سيطرت", nil, "سيطرت", ""},
		{"سياسي", nil, "سياسي", ""},
		{"ستين", nil, "ستين", ""},
		{"سنوات", nil, "سنوات", ""},
		{"سيما", nil, "سيما", ""},
		{"ساعد", nil, "ساعد", ""},     // a plain alef is no first-person prefix
		{"عسكرية", nil, "عسكريه", ""}, // taa marbuta is no pronoun
		{"عسكري", nil, "عسكري", ""},   // nisba, not «my»
		{"مستشفى", nil, "مستشفي", ""}, // alef maqsura is no pronoun
		{"ذلك", nil, "ذلك", ""},
		{"هناك", nil, "هناك", ""},
		{"مياه", nil, "مياه", ""},
		{"كبرى", nil, "كبري", ""},
		{"بعيد", nil, "بعيد", ""},
		{"فيصل", nil, "فيصل", ""},
		{"كمال", nil, "كمال", ""},
		{"و", nil, "و", ""},
		{"", nil, "", ""},
	}
	for _, tt := range tests {
		procs, stem, enc := Segment(tt.word)
		if !reflect.DeepEqual(procs, tt.procs) && !(len(procs) == 0 && len(tt.procs) == 0) || stem != tt.stem || enc != tt.enc {
			t.Errorf("Segment(%q) = %v %q %q, want %v %q %q", tt.word, procs, stem, enc, tt.procs, tt.stem, tt.enc)
		}
	}
}

func TestSegmentNormalisedInput(t *testing.T) {
	// Given normalised words, the lexicon's memory of their spelling stands
	// in for the lost ة, ى and hamza.
	tests := []struct{ word, stem, enc string }{
		{"عسكريه", "عسكريه", ""},
		{"اليه", "الي", "ه"},
		{"مدينه", "مدينه", ""},
	}
	for _, tt := range tests {
		_, stem, enc := Segment(tt.word)
		if stem != tt.stem || enc != tt.enc {
			t.Errorf("Segment(%q) = %q %q, want %q %q", tt.word, stem, enc, tt.stem, tt.enc)
		}
	}
}

func TestLexiconExtend(t *testing.T) {
	base := DefaultLexicon()
	if _, stem, _ := base.Segment("بزغوان"); stem != "بزغوان" {
		t.Fatalf("unknown stem split by default: %q", stem)
	}
	ext := base.Extend([]string{"زغوان"}, []string{"بحسب"})
	if procs, stem, _ := ext.Segment("بزغوان"); stem != "زغوان" || len(procs) != 1 {
		t.Errorf("extended stem: Segment(بزغوان) = %v %q", procs, stem)
	}
	if _, stem, _ := base.Segment("بحسب"); stem != "حسب" {
		t.Errorf("default Segment(بحسب) stem = %q, want حسب", stem)
	}
	if _, stem, _ := ext.Segment("بحسب"); stem != "بحسب" {
		t.Errorf("extended whole word split: stem %q", stem)
	}
	if !ext.Known("زغوان") || base.Known("زغوان") {
		t.Error("Extend changed the base lexicon or lost the stem")
	}
	if base.Count("في") < 1000 {
		t.Errorf("Count(في) = %d; lexicon not loaded?", base.Count("في"))
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"هدا", "هذا"},
		{"هدأ", "هدا"}, // «calmed»: a word, not a typo
		{"الدى", "الذي"},
		{"الذي", "الذي"},
		{"مسئول", "مسوول"},
		{"مسؤول", "مسوول"},
		{"لاكن", "لكن"},
		{"حيش", "جيش"},     // «الحيش» is «الجيش» with a dot lost
		{"الدين", "الدين"}, // ambiguous: religion or a typo of الذين
		{"مدينة", "مدينه"},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	text := "قالَ الناطق لقوات الجيش: «وصلت قواتنا إلى بنغازي» في 3.5 ساعات، و١٬٠٠٠ جندي F-16!"
	type tok struct {
		text  string
		kind  Kind
		procs string
		stem  string
		enc   string
	}
	want := []tok{
		{"قالَ", Word, "", "قال", ""},
		{"الناطق", Word, "ال", "ناطق", ""},
		{"لقوات", Word, "ل", "قوات", ""},
		{"الجيش", Word, "ال", "جيش", ""},
		{":", Punct, "", ":", ""},
		{"«", Punct, "", "«", ""},
		{"وصلت", Word, "", "وصلت", ""},
		{"قواتنا", Word, "", "قوات", "نا"},
		{"إلى", Word, "", "الي", ""},
		{"بنغازي", Word, "", "بنغازي", ""},
		{"»", Punct, "", "»", ""},
		{"في", Word, "", "في", ""},
		{"3.5", Number, "", "3.5", ""},
		{"ساعات", Word, "", "ساعات", ""},
		{"،", Punct, "", "،", ""},
		{"و", Word, "", "و", ""},
		{"١٬٠٠٠", Number, "", "1,000", ""},
		{"جندي", Word, "", "جندي", ""},
		{"F-16", Latin, "", "f-16", ""},
		{"!", Punct, "", "!", ""},
	}
	got := Tokenize(text)
	if len(got) != len(want) {
		for _, g := range got {
			t.Logf("%q %v", g.Text, g.Kind)
		}
		t.Fatalf("got %d tokens, want %d", len(got), len(want))
	}
	runes := []rune(text)
	for i, w := range want {
		g := got[i]
		if g.Text != w.text || g.Kind != w.kind || strings.Join(g.Proclitics(), "+") != w.procs || g.Stem != w.stem || g.Enclitic != w.enc {
			t.Errorf("token %d = %q %v [%s] %q %q, want %q %v [%s] %q %q", i,
				g.Text, g.Kind, strings.Join(g.Proclitics(), "+"), g.Stem, g.Enclitic, w.text, w.kind, w.procs, w.stem, w.enc)
		}
		if string(runes[g.Start:g.End]) != g.Text {
			t.Errorf("token %d offsets %d:%d give %q, want %q", i, g.Start, g.End, string(runes[g.Start:g.End]), g.Text)
		}
		if g.Norm != Normalize(g.Text) {
			t.Errorf("token %d Norm %q, want %q", i, g.Norm, Normalize(g.Text))
		}
	}
}

func TestTokenizeEdgeCases(t *testing.T) {
	tests := []struct {
		in    string
		texts []string
	}{
		{"", nil},
		{"   \n\t ", nil},
		{"ـــ", []string{"ـــ"}},
		{"www.aljazeera.net", []string{"www.aljazeera.net"}},
		{"2020-06-05", []string{"2020", "-", "06", "-", "05"}},
		{"الـ3", []string{"الـ", "3"}},
		{"؟!...", []string{"؟!..."}},
		{"1،500 و3، 4", []string{"1،500", "و", "3", "،", "4"}},
		{"\xff\xfe", []string{"\xff", "\xfe"}},
		{"😀 ok", []string{"😀", "ok"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range Tokenize(tt.in) {
			got = append(got, tk.Text)
		}
		if !reflect.DeepEqual(got, tt.texts) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.texts)
		}
	}
}

func TestTokenRange(t *testing.T) {
	text := "قصفت الطائرات المدينة. وانسحبت القوات من طرابلس.\nثم عاد الهدوء"
	toks := Tokenize(text)
	runes := []rune(text)
	var got []string
	for _, s := range Sentences(text) {
		i, j := TokenRange(toks, s)
		var words []string
		for _, tk := range toks[i:j] {
			words = append(words, tk.Text)
		}
		got = append(got, strings.Join(words, " "))
		if j > i && (toks[i].Start < s.Start || toks[j-1].End > s.End) {
			t.Errorf("tokens %d:%d spill out of %q", i, j, string(runes[s.Start:s.End]))
		}
	}
	want := []string{"قصفت الطائرات المدينة .", "وانسحبت القوات من طرابلس .", "ثم عاد الهدوء"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokens by sentence = %q, want %q", got, want)
	}
}

func TestTokenizeConcurrent(t *testing.T) {
	// The lexicon's caches are shared; run with -race to check them.
	lex := DefaultLexicon().Extend(nil, nil)
	text := strings.Repeat("وقواتها بطرابلس للجيش فالحكومة الجيش ليبيا بزغوان ", 20)
	want := lex.Tokenize(text)
	done := make(chan []Token)
	for g := 0; g < 4; g++ {
		go func() { done <- lex.Tokenize(text) }()
	}
	for g := 0; g < 4; g++ {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Fatal("concurrent Tokenize differs")
		}
	}
}

func TestTokensCovering(t *testing.T) {
	text := "قصفت القوات بطرابلس مواقع."
	toks := Tokenize(text)
	// «القوات بطرابلس»: code points 5 to 19.
	first, last, ok := TokensCovering(toks, 5, 19)
	if !ok || toks[first].Text != "القوات" || toks[last].Text != "بطرابلس" {
		t.Fatalf("got %d..%d %v", first, last, ok)
	}
	// A span inside one token covers that token.
	if first, last, ok := TokensCovering(toks, 14, 19); !ok || first != last || toks[first].Text != "بطرابلس" {
		t.Errorf("inside a token: %d..%d %v", first, last, ok)
	}
	// A span on the space between two tokens covers none.
	if _, _, ok := TokensCovering(toks, 4, 5); ok {
		t.Error("a space covers a token")
	}
	if _, _, ok := TokensCovering(toks, 100, 105); ok {
		t.Error("a span past the end covers a token")
	}
}
