package ner

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

func loadTrain(t *testing.T) []Sentence {
	f, err := os.Open("/work/shared/data/anercorp/ANERCorp_CamelLab_train.txt")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sents, err := ReadCoNLL(f, "train")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func expConfig() TrainConfig {
	ep, _ := strconv.Atoi(os.Getenv("NER_EPOCHS"))
	if ep == 0 {
		ep = 15
	}
	it, _ := strconv.Atoi(os.Getenv("NER_ITER"))
	if it == 0 {
		it = 150
	}
	l2, _ := strconv.ParseFloat(os.Getenv("NER_L2"), 64)
	if l2 == 0 {
		l2 = 1
	}
	mc, _ := strconv.Atoi(os.Getenv("NER_MINCOUNT"))
	cfg := TrainConfig{Algorithm: os.Getenv("NER_ALG"), Epochs: ep, Iterations: it, L2: l2, Seed: 1, MinCount: mc}
	if os.Getenv("NER_NAMES") != "" {
		names, err := ReadNameLists([]string{"data/given-names-ar.txt", "data/given-names-foreign.txt"})
		if err != nil {
			panic(err)
		}
		cfg.Names = names
	}
	if os.Getenv("NER_GAZ") != "" {
		cfg.Gazetteer = NewPhraseGazetteer(kbPhrasesFromTSV("/work/main/data/kb/kb.tsv"))
	}
	cfg.Dropout, _ = strconv.ParseFloat(os.Getenv("NER_DROP"), 64)
	cfg.Memory = os.Getenv("NER_MEM") != ""
	cfg.DocWindow, _ = strconv.Atoi(os.Getenv("NER_DOC"))
	if os.Getenv("NER_LOG") != "" {
		cfg.Log = os.Stderr
	}
	return cfg
}

// TestExperiment: last-10% dev plus 5-fold contiguous CV over train.
func TestExperiment(t *testing.T) {
	if os.Getenv("NER_EXP") == "" {
		t.Skip()
	}
	sents := loadTrain(t)
	cut := len(sents) * 9 / 10
	cfg := expConfig()
	m, err := Train(sents[:cut], cfg)
	if err != nil {
		t.Fatal(err)
	}
	ev, _ := m.Evaluate(sents[cut:])
	fmt.Printf("DEV  F1 %.2f\n", ev.Overall.F1())
	ev.Write(os.Stdout)
	if os.Getenv("NER_CV") == "" {
		return
	}
	k := 5
	total := NewEvaluator()
	for f := 0; f < k; f++ {
		a, b := len(sents)*f/k, len(sents)*(f+1)/k
		tr := append(append([]Sentence{}, sents[:a]...), sents[b:]...)
		m, err := Train(tr, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var ws [][]string
		for _, s := range sents[a:b] {
			ws = append(ws, s.Words)
		}
		pred := m.TagDocument(ws)
		for i, s := range sents[a:b] {
			total.Add(s.Tags, pred[i])
		}
	}
	r := total.Result()
	fmt.Printf("CV   F1 %.2f\n", r.Overall.F1())
	r.Write(os.Stdout)
}

// TestCVErrors dumps entity-level CV errors.
func TestCVErrors(t *testing.T) {
	if os.Getenv("NER_CVERR") == "" {
		t.Skip()
	}
	sents := loadTrain(t)
	cfg := expConfig()
	k := 5
	out, _ := os.Create("/tmp/nerexp/cverr.txt")
	defer out.Close()
	for f := 0; f < k; f++ {
		a, b := len(sents)*f/k, len(sents)*(f+1)/k
		tr := append(append([]Sentence{}, sents[:a]...), sents[b:]...)
		seen := map[string]bool{}
		for _, s := range tr {
			for i, w := range s.Words {
				if s.Tags[i] != "O" {
					seen[w] = true
				}
			}
		}
		m, _ := Train(tr, cfg)
		var ws [][]string
		for _, s := range sents[a:b] {
			ws = append(ws, s.Words)
		}
		preds := m.TagDocument(ws)
		for si, s := range sents[a:b] {
			p := preds[si]
			gs, ps := spansOf(s.Tags), spansOf(p)
			key := func(sp Span) string { return fmt.Sprintf("%d-%d-%s", sp.First, sp.Last, sp.Type) }
			gm, pm := map[string]bool{}, map[string]bool{}
			for _, g := range gs {
				gm[key(g)] = true
			}
			for _, q := range ps {
				pm[key(q)] = true
			}
			text := func(sp Span) string {
				w := ""
				for i := sp.First; i <= sp.Last; i++ {
					w += s.Words[i] + " "
				}
				return w
			}
			ctx := func(sp Span) string {
				w := ""
				for i := max(0, sp.First-3); i <= min(len(s.Words)-1, sp.Last+3); i++ {
					w += s.Words[i] + " "
				}
				return w
			}
			for _, g := range gs {
				if !pm[key(g)] {
					u := "seen"
					if !seen[s.Words[g.First]] {
						u = "UNSEEN"
					}
					fmt.Fprintf(out, "MISS\t%s\t%s\t%s\t| %s\n", g.Type, u, text(g), ctx(g))
				}
			}
			for _, q := range ps {
				if !gm[key(q)] {
					fmt.Fprintf(out, "FP\t%s\t-\t%s\t| %s\n", q.Type, text(q), ctx(q))
				}
			}
		}
	}
}

func spansOf(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); i++ {
		p, typ := splitTag(tags[i])
		if p == "O" {
			continue
		}
		j := i
		for j+1 < len(tags) {
			p2, t2 := splitTag(tags[j+1])
			if p2 != "I" || t2 != typ {
				break
			}
			j++
		}
		out = append(out, Span{i, j, typ})
		i = j
	}
	return out
}

// kbPhrasesFromTSV reads data/kb/kb.tsv directly (experiments only).
func kbPhrasesFromTSV(path string) []Phrase {
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	var out []Phrase
	for i, line := range strings.Split(string(data), "\n") {
		if i == 0 || line == "" {
			continue
		}
		c := strings.Split(line, "\t")
		class := "MISC"
		switch c[1] {
		case "PER":
			class = "PERS"
		case "ORG", "ARMED_GROUP", "GOV":
			class = "ORG"
		case "LOC", "GPE", "FAC":
			class = "LOC"
		}
		names := []string{c[3]}
		if c[5] != "" {
			names = append(names, strings.Split(c[5], "|")...)
		}
		for _, n := range names {
			out = append(out, Phrase{n, class})
		}
		if c[9] != "" {
			for _, a := range strings.Split(c[9], "|") {
				out = append(out, Phrase{a, "ADJ"})
			}
		}
	}
	return out
}
