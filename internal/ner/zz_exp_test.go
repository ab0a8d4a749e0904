package ner

// Temporary experiment harness (not for commit).

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/kb"
)

func expLoadTrain(t *testing.T) []Sentence {
	f, err := os.Open("/work/shared/data/anercorp/ANERCorp_CamelLab_train.txt")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sents, err := ReadTagged(f, "train")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

func envInt(k string, d int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return d
}

func envFloat(k string, d float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(k), 64); err == nil {
		return v
	}
	return d
}

var expPhrases []Phrase

func expConfig(t *testing.T) TrainConfig {
	cfg := TrainConfig{
		Algorithm: os.Getenv("NER_ALG"), Epochs: envInt("NER_EPOCHS", 15), Iterations: envInt("NER_ITER", 150),
		L2: envFloat("NER_L2", 0.3), Seed: 1, MinCount: envInt("NER_MINCOUNT", 1),
		Memory: os.Getenv("NER_NOMEM") == "", DocWindow: envInt("NER_DOC", 20), Dropout: envFloat("NER_DROP", 0),
	}
	if os.Getenv("NER_NONAMES") == "" {
		lists := "data/given-names-ar.txt,data/given-names-foreign.txt"
		if v := os.Getenv("NER_NAMELISTS"); v != "" {
			lists = v
		}
		names, err := ReadNameLists(strings.Split(lists, ","))
		if err != nil {
			t.Fatal(err)
		}
		cfg.Names = names
	}
	if os.Getenv("NER_NOGAZ") == "" {
		if expPhrases == nil {
			k, err := kb.Default()
			if err != nil {
				t.Fatal(err)
			}
			expPhrases = expFromKB(k)
		}
		ps := expPhrases
		if v := os.Getenv("NER_PHRASES"); v != "" {
			extra, err := ReadPhraseList(v)
			if err != nil {
				t.Fatal(err)
			}
			ps = append(append([]Phrase{}, ps...), extra...)
		}
		cfg.Gazetteer = NewPhraseGazetteer(ps)
	}
	if os.Getenv("NER_LOG") != "" {
		cfg.Log = os.Stderr
	}
	return cfg
}

func expFromKB(k *kb.KB) []Phrase {
	var out []Phrase
	tier := os.Getenv("NER_GAZTIER") != ""
	for _, e := range k.Entries() {
		class := e.NERClass()
		minor := false
		if tier {
			switch {
			case class == "LOC":
				major := e.Source == kb.SourceCurated || e.Population >= 100000
				switch e.Kind {
				case "country", "capital", "admin1", "region", "district":
					major = true
				}
				minor = !major
			case e.Source == kb.SourcePetrarch:
				minor = true
			}
		}
		for _, n := range e.Names() {
			c := class
			if minor {
				c += "2"
				if !strings.Contains(strings.TrimSpace(n), " ") && class == "LOC" {
					c = class + "3"
				}
			}
			out = append(out, Phrase{Name: n, Class: c})
		}
		for _, a := range e.Adjectives {
			out = append(out, Phrase{Name: a, Class: "ADJ"})
		}
	}
	return out
}

// TestExpCV: k-fold contiguous CV over train (NER_FOLDS, default 5).
func TestExpCV(t *testing.T) {
	if os.Getenv("NER_EXP") == "" {
		t.Skip()
	}
	start := time.Now()
	sents := expLoadTrain(t)
	cfg := expConfig(t)
	k := envInt("NER_FOLDS", 5)
	total := NewEvaluator()
	var errOut *os.File
	if p := os.Getenv("NER_ERRS"); p != "" {
		errOut, _ = os.Create(p)
		defer errOut.Close()
	}
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
		fe := NewEvaluator()
		for i, s := range sents[a:b] {
			total.Add(s.Tags, pred[i])
			fe.Add(s.Tags, pred[i])
			if errOut != nil {
				dumpErrs(errOut, s, pred[i])
			}
		}
		r := fe.Result()
		fmt.Printf("fold %d F1 %.2f\n", f, r.Overall.F1())
	}
	r := total.Result()
	fmt.Printf("CV F1 %.2f  (%s) %s\n", r.Overall.F1(), time.Since(start).Round(time.Second), os.Getenv("NER_TAG"))
	r.Write(os.Stdout)
}

func dumpErrs(out *os.File, s Sentence, p []string) {
	gs, ps := spansOf(s.Tags), spansOf(p)
	key := func(sp Span) string { return fmt.Sprintf("%d-%d-%s", sp.First, sp.Last, sp.Type) }
	gm, pm := map[string]bool{}, map[string]bool{}
	for _, g := range gs {
		gm[key(g)] = true
	}
	for _, q := range ps {
		pm[key(q)] = true
	}
	text := func(sp Span) string { return strings.Join(s.Words[sp.First:sp.Last+1], " ") }
	ctx := func(sp Span) string {
		return strings.Join(s.Words[max(0, sp.First-3):sp.First], " ") + " [" + text(sp) + "] " + strings.Join(s.Words[sp.Last+1:min(len(s.Words), sp.Last+4)], " ")
	}
	for _, g := range gs {
		if !pm[key(g)] {
			fmt.Fprintf(out, "MISS\t%s\t%s\t| %s\n", g.Type, text(g), ctx(g))
		}
	}
	for _, q := range ps {
		if !gm[key(q)] {
			fmt.Fprintf(out, "FP\t%s\t%s\t| %s\n", q.Type, text(q), ctx(q))
		}
	}
}

func init() {
	if v := os.Getenv("NER_FEAT"); v != "" {
		n, _ := strconv.ParseUint(v, 0, 64)
		expFeat = n
	}
}
