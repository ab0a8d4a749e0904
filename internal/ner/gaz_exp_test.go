package ner

import (
	"os"
	"strings"
	"testing"
)

func TestGazExp(t *testing.T) {
	if os.Getenv("NER_GAZEXP") == "" {
		t.Skip()
	}
	g := NewPhraseGazetteer(kbPhrasesFromTSV("/work/main/data/kb/kb.tsv"))
	t.Log(g.Len(), g.classes)
	words := []string{"وصل", "الرئيس", "إلى", "منغوليا", "و", "بغداد", "والولايات", "المتحدة", "الليبي", "مع", "معمر", "القذافي", "في", "بطنجة"}
	t.Log(g.GazetteerTags(words))
	sents := loadTrain(t)
	// coverage: fraction of gold entities fully tagged with the same type
	ev := NewEvaluator()
	for _, s := range sents {
		tags := g.GazetteerTags(s.Words)
		for i, tg := range tags {
			p, typ := splitTag(tg)
			if p == "O" || typ == "ADJ" || len(typ) > 4 {
				tags[i] = "O"
			}
		}
		ev.Add(s.Tags, tags)
	}
	r := ev.Result()
	r.Write(os.Stdout)
}

func TestGazFP(t *testing.T) {
	if os.Getenv("NER_GAZEXP") == "" {
		t.Skip()
	}
	g := NewPhraseGazetteer(kbPhrasesFromTSV("/work/main/data/kb/kb.tsv"))
	sents := loadTrain(t)
	fp := map[string]int{}
	for _, s := range sents {
		tags := g.GazetteerTags(s.Words)
		for i, tg := range tags {
			p, typ := splitTag(tg)
			if p == "B" && typ == "LOC" && s.Tags[i] == "O" {
				fp[s.Words[i]]++
			}
		}
	}
	for _, k := range sortedKeys(fp) {
		if fp[k] >= 15 {
			t.Log(k, fp[k])
		}
	}
}

func TestGazDebug(t *testing.T) {
	if os.Getenv("NER_GAZEXP") == "" {
		t.Skip()
	}
	g := NewPhraseGazetteer(kbPhrasesFromTSV("/work/main/data/kb/kb.tsv"))
	words := []string{"اتحدت", "الصين", "مع", "منغوليا", "لمواجهة"}
	t.Log(g.GazetteerTags(words))
	x := &extractor{gaz: g}
	x.prepare(words, nil, nil)
	for _, in := range x.infos {
		t.Log(in.norm, in.gaz, in.gazType)
	}
}

func TestGazMissCoverage(t *testing.T) {
	if os.Getenv("NER_GAZEXP") == "" {
		t.Skip()
	}
	g := NewPhraseGazetteer(kbPhrasesFromTSV("/work/main/data/kb/kb.tsv"))
	data, _ := os.ReadFile("/tmp/nerexp/cverr.txt")
	cov := map[string][2]int{}
	for _, line := range strings.Split(string(data), "\n") {
		c := strings.Split(line, "\t")
		if len(c) < 4 || c[0] != "MISS" {
			continue
		}
		words := strings.Fields(c[3])
		tags := g.GazetteerTags(words)
		k := c[1] + " " + c[2]
		v := cov[k]
		v[1]++
		if tags[0] != "" && strings.Contains(tags[0], c[1]) {
			v[0]++
		}
		cov[k] = v
	}
	t.Log(cov)
}

func TestGazWeights(t *testing.T) {
	if os.Getenv("NER_GAZEXP") == "" {
		t.Skip()
	}
	sents := loadTrain(t)
	target := "منغوليا"
	var fold int
	for si, s := range sents {
		for _, w := range s.Words {
			if w == target {
				fold = si * 5 / len(sents)
			}
		}
	}
	a, b := len(sents)*fold/5, len(sents)*(fold+1)/5
	tr := append(append([]Sentence{}, sents[:a]...), sents[b:]...)
	cfg := expConfig()
	m, err := Train(tr, cfg)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"اتحدت", "الصين", "مع", "منغوليا", "لمواجهة", "جحافل"}
	t.Log(m.Tag(words))
	st := m.stages[0]
	t.Log(m.gaz != nil, m.gaz.GazetteerTags(words))
	for _, tg := range []string{"B-LOC", "I-LOC", "B-PERS", "B-ADJ", "B-LOC+ORG"} {
		t.Log(tg, st.index.get(fixKey(mix(tGaz, hashString(tg)))))
	}
	s := m.state()
	s.x.prepare(words, nil, nil)
	feats := s.x.features(3, nil)
	for k, f := range feats {
		r := st.index.get(fixKey(f))
		if r < 0 {
			t.Logf("%2d: -", k)
			continue
		}
		t.Logf("%2d: %v", k, st.weights[int(r)*numLabels:int(r)*numLabels+numLabels])
	}
}
