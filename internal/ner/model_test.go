package ner

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

func fixture(t testing.TB) []Sentence {
	t.Helper()
	f, err := os.Open("testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadTagged(f, "testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// fixtureConfig exercises every feature group: names, gazetteer, word
// dictionary, name scorer, memory and the document stage.
func fixtureConfig() TrainConfig {
	return TrainConfig{
		Algorithm: "perceptron", Epochs: 5, Seed: 7, MinCount: 1, Memory: true, DocWindow: 2, Dropout: 0.1,
		NameScorer: true,
		Dict:       NewWordDict([]string{"قال", "مدينه", "وزير", "رئيس", "اجتماع"}),
		Names:      map[string]uint8{"احمد": 1, "خالد": 1, "كريم": 1, "ايمانويل": 2},
		Gazetteer: NewPhraseGazetteer([]Phrase{
			{"طرابلس", "LOC"}, {"بنغازي", "LOC"}, {"الأمم المتحدة", "ORG"}, {"الليبي", "ADJ"},
		}),
	}
}

func modelBytes(t *testing.T, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTrainIsDeterministicAndRoundTrips(t *testing.T) {
	for _, alg := range []string{"perceptron", "crf"} {
		t.Run(alg, func(t *testing.T) { testDeterministic(t, alg) })
	}
}

func testDeterministic(t *testing.T, algorithm string) {
	sents := fixture(t)
	cfg := fixtureConfig()
	cfg.Algorithm, cfg.Iterations, cfg.L2 = algorithm, 20, 0.3
	a, err := Train(sents, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(sents, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ab, bb := modelBytes(t, a), modelBytes(t, b)
	if !bytes.Equal(ab, bb) {
		t.Fatal("two trainings with the same data and config gave different model files")
	}
	read, err := ReadModel(bytes.NewReader(ab))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(modelBytes(t, read), ab) {
		t.Error("a model read back does not write the same file")
	}
	if len(read.stages) != 2 || read.gaz == nil || read.memory == nil || read.names == nil {
		t.Errorf("model read back lost parts: %d stages, gazetteer %v, memory %v, names %v",
			len(read.stages), read.gaz != nil, read.memory != nil, read.names != nil)
	}
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = s.Words
	}
	if !reflect.DeepEqual(a.TagDocument(words), read.TagDocument(words)) {
		t.Error("the model read back tags differently")
	}
}

// The fixture is tiny but a model must at least fit what it was trained on.
func TestTrainFitsTrainingData(t *testing.T) {
	sents := fixture(t)
	m, err := Train(sents, fixtureConfig())
	if err != nil {
		t.Fatal(err)
	}
	ev, err := m.Evaluate(sents)
	if err != nil {
		t.Fatal(err)
	}
	if f := ev.Overall.F1(); f < 90 {
		t.Errorf("F1 on its own training data %.1f, want ≥ 90", f)
	}
}

// The document features used in training (docSummaries over whole lists)
// and at tagging time (Stream's sliding window) must agree.
func TestStreamMatchesTrainingDocumentFeatures(t *testing.T) {
	sents := fixture(t)
	m, err := Train(sents, fixtureConfig())
	if err != nil {
		t.Fatal(err)
	}
	var norms [][]string
	var first [][]int
	s := m.state()
	for _, sent := range sents {
		x := extractor{}
		x.prepare(sent.Words, nil, nil)
		norms = append(norms, append([]string(nil), x.norms...))
		first = append(first, append([]int(nil), m.decode(s, m.stages[0], sent.Words, norms[len(norms)-1], nil)...))
	}
	doc := docSummaries(norms, first, m.docWindow)
	s.x.useDoc = true
	var want [][]string
	for i, sent := range sents {
		var tags []string
		for _, l := range m.decode(s, m.stages[1], sent.Words, norms[i], doc[i]) {
			tags = append(tags, bioNames[l])
		}
		want = append(want, tags)
	}
	words := make([][]string, len(sents))
	for i, sent := range sents {
		words[i] = sent.Words
	}
	if got := m.TagDocument(words); !reflect.DeepEqual(got, want) {
		t.Errorf("stream tags\n%q\nbatch tags\n%q", got, want)
	}
}

func TestTagEdgeCases(t *testing.T) {
	m, err := Train(fixture(t), fixtureConfig())
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %q", got)
	}
	if got := m.TagDocument(nil); len(got) != 0 {
		t.Errorf("TagDocument(nil) = %q", got)
	}
	odd := []string{"", "\u200f", "!!!", "1234567890", strings.Repeat("ب", 500), "ABC", "😀"}
	tags := m.Tag(odd)
	if len(tags) != len(odd) {
		t.Fatalf("%d tags for %d words", len(tags), len(odd))
	}
	for _, tg := range tags {
		if !isBIOTag(tg) {
			t.Errorf("unknown tag %q", tg)
		}
	}
	got := m.TagDocument([][]string{{"قال"}, nil, {"طرابلس"}})
	if len(got) != 3 || len(got[1]) != 0 {
		t.Errorf("empty sentence inside a document: %q", got)
	}
}

func TestTagSpansFollowTags(t *testing.T) {
	m, err := Train(fixture(t), fixtureConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range fixture(t) {
		tags := m.Tag(s.Words)
		spans := m.TagSpans(s.Words)
		if want := spansOf(tags); !reflect.DeepEqual(spans, want) {
			t.Errorf("%q: spans %v, tags %q", s.Words, spans, tags)
		}
	}
}

func TestReadModelRejectsBadFiles(t *testing.T) {
	m, err := Train(fixture(t), fixtureConfig())
	if err != nil {
		t.Fatal(err)
	}
	good := modelBytes(t, m)
	tests := map[string][]byte{
		"empty":    nil,
		"not gzip": []byte("MRSDNER1 hello"),
		"truncated": func() []byte {
			var b bytes.Buffer
			raw := gunzip(t, good)
			gz(t, &b, raw[:len(raw)/2])
			return b.Bytes()
		}(),
		"bad magic": func() []byte {
			var b bytes.Buffer
			gz(t, &b, []byte("NOTAMODEL-------"))
			return b.Bytes()
		}(),
	}
	for name, data := range tests {
		if _, err := ReadModel(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestTagCoNLL(t *testing.T) {
	m, err := Train(fixture(t), fixtureConfig())
	if err != nil {
		t.Fatal(err)
	}
	in := "قال O x\nماكرون B-PERS y\n\n\n\nفي\nطرابلس\n"
	var out bytes.Buffer
	n, err := m.TagCoNLL(strings.NewReader(in), "in", &out)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("%d tokens, want 4", n)
	}
	lines := strings.Split(out.String(), "\n")
	// 2 tokens, blank, 2 tokens, blank, and the empty string after the last newline.
	if len(lines) != 7 || lines[2] != "" || lines[5] != "" {
		t.Fatalf("output layout:\n%s", out.String())
	}
	for _, i := range []int{0, 1, 3, 4} {
		cols := strings.Split(lines[i], "\t")
		if len(cols) != 2 || !isBIOTag(cols[1]) {
			t.Errorf("line %q is not token<TAB>tag", lines[i])
		}
	}
	if !strings.HasPrefix(lines[0], "قال\t") || !strings.HasPrefix(lines[4], "طرابلس\t") {
		t.Errorf("tokens not echoed in order:\n%s", out.String())
	}
	if _, err := m.TagCoNLL(strings.NewReader("a\n\xff\n"), "bad.conll", &out); err == nil || !strings.Contains(err.Error(), "bad.conll:2") {
		t.Errorf("invalid input: error %v", err)
	}
}

// The O bias travels in the model file and moves the last stage's decision
// away from O: a bias beyond any weight leaves no word untagged.
func TestOBias(t *testing.T) {
	sents := fixture(t)
	cfg := fixtureConfig()
	cfg.OBias = 0.25
	m, err := Train(sents, cfg)
	if err != nil {
		t.Fatal(err)
	}
	read, err := ReadModel(bytes.NewReader(modelBytes(t, m)))
	if err != nil {
		t.Fatal(err)
	}
	if read.oBias != 0.25 {
		t.Errorf("O bias read back %v, want 0.25", read.oBias)
	}
	words := sents[0].Words
	read.oBias = 1e6
	for i, tag := range read.Tag(words) {
		if tag == "O" {
			t.Errorf("word %d (%s) tagged O under an overwhelming O bias", i, words[i])
		}
	}
	raw := gunzip(t, modelBytes(t, m))
	raw[len(modelMagic)] = 0x10 // an unknown flag
	var buf bytes.Buffer
	gz(t, &buf, raw)
	if _, err := ReadModel(&buf); err == nil || !strings.Contains(err.Error(), "flags") {
		t.Errorf("unknown flag: error %v, want one naming the flags", err)
	}
}

// Per-type biases travel in the model file and pull the last stage's
// decision towards their type.
func TestTypeBias(t *testing.T) {
	sents := fixture(t)
	cfg := fixtureConfig()
	cfg.TypeBias = [4]float32{0, 0.5, -0.25, 0}
	m, err := Train(sents, cfg)
	if err != nil {
		t.Fatal(err)
	}
	read, err := ReadModel(bytes.NewReader(modelBytes(t, m)))
	if err != nil {
		t.Fatal(err)
	}
	if read.typeBias != cfg.TypeBias {
		t.Errorf("type biases read back %v, want %v", read.typeBias, cfg.TypeBias)
	}
	words := sents[0].Words
	read.typeBias = [4]float32{0, 0, 0, 1e6}
	for i, tag := range read.Tag(words) {
		if _, typ := splitTag(tag); typ != "MISC" {
			t.Errorf("word %d (%s) tagged %s under an overwhelming MISC bias", i, words[i], tag)
		}
	}
}
