package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/marsad/marsad/internal/ner"
	"github.com/marsad/marsad/internal/ner/kbphrases"
)

func init() {
	register("train-ner", "train the NER model on CoNLL-style data (see internal/ner/README.md)", runTrainNER)
}

func runTrainNER(args []string) int {
	fs := flag.NewFlagSet("train-ner", flag.ContinueOnError)
	train := fs.String("train", "", "tagged training data, CoNLL-style (`PATH`)")
	out := fs.String("out", "", "write the model to `PATH`")
	algorithm := fs.String("algorithm", "crf", "learner: crf or perceptron")
	epochs := fs.Int("epochs", 15, "perceptron epochs")
	iterations := fs.Int("iterations", 150, "CRF L-BFGS iterations")
	l2 := fs.Float64("l2", 0.3, "CRF L2 penalty")
	seed := fs.Uint64("seed", 1, "random seed of the perceptron's sentence order")
	minCount := fs.Int("min-count", 1, "drop features seen fewer times")
	names := fs.String("names", "internal/ner/data/given-names-ar.txt,internal/ner/data/given-names-foreign.txt", "comma-separated name lists; empty for none")
	dict := fs.String("dict", "internal/ner/data/ayaspell-forms.txt.gz", "general dictionary of word forms (stored in the model); empty for none")
	useKB := fs.Bool("kb", true, "use the knowledge base's names as the gazetteer (stored in the model)")
	phrases := fs.String("phrases", "internal/ner/data/phrases.txt", "comma-separated gazetteer lists (CLASS<TAB>name lines) added to the knowledge base's names; empty for none")
	oBias := fs.Float64("o-bias", 0.3, "subtracted from the score of O when tagging: trades precision for recall")
	typeBias := fs.String("type-bias", "", "per-type biases added to the scores of a type's labels when tagging, as `PERS,LOC,ORG,MISC` (four numbers)")
	memory := fs.Bool("memory", true, "label-memory features")
	nameScorer := fs.Bool("name-scorer", true, "name-likeness features from a character n-gram classifier of word types")
	docWindow := fs.Int("doc-window", 20, "sentences on either side that make a document for the second pass; 0 for one pass")
	dropout := fs.Float64("dropout", 0, "share of training tokens whose word-identity features are hidden each perceptron epoch")
	prune := fs.Float64("prune", 0.01, "drop features whose largest absolute weight is below this from the finished model")
	holdout := fs.Float64("holdout", 0, "train on the first 1-`F` of the data and score the rest (model selection)")
	eval := fs.String("eval", "", "after training, score the model on this tagged `PATH`")
	cv := fs.Int("cv", 0, "instead of training one model, score the settings by `K`-fold cross-validation over --train")
	cvBiases := fs.String("cv-o-bias", "", "comma-separated O biases to score in cross-validation (default: --o-bias)")
	cvSearch := fs.Bool("cv-search-type-bias", false, "in cross-validation, also search per-type biases under each O bias")
	quiet := fs.Bool("quiet", false, "no progress lines")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *train == "" || (*out == "" && *holdout == 0 && *eval == "" && *cv == 0) || fs.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: marsad train-ner --train PATH [--out PATH] [--holdout F] [--eval PATH] [flags]")
		fs.PrintDefaults()
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(os.Stderr, "marsad train-ner: %v\n", err)
		return 1
	}
	sents, err := readTagged(*train)
	if err != nil {
		return fail(err)
	}
	cfg := ner.TrainConfig{
		Algorithm: *algorithm, Epochs: *epochs, Iterations: *iterations, L2: *l2, Seed: *seed,
		MinCount: *minCount, Memory: *memory, NameScorer: *nameScorer, DocWindow: *docWindow, Dropout: *dropout, Prune: float32(*prune),
		OBias: float32(*oBias),
	}
	if *typeBias != "" {
		if cfg.TypeBias, err = parseTypeBias(*typeBias); err != nil {
			fmt.Fprintf(os.Stderr, "marsad train-ner: --type-bias: %v\n", err)
			return 2
		}
	}
	if !*quiet {
		cfg.Log = os.Stderr
	}
	if *names != "" {
		if cfg.Names, err = ner.ReadNameLists(strings.Split(*names, ",")); err != nil {
			return fail(err)
		}
	}
	if *dict != "" {
		if cfg.Dict, err = ner.ReadWordDict(*dict); err != nil {
			return fail(err)
		}
		fmt.Fprintf(os.Stderr, "dictionary: %d forms\n", cfg.Dict.Len())
	}
	var gaz []ner.Phrase
	if *useKB {
		if gaz, err = kbphrases.Default(); err != nil {
			return fail(err)
		}
	}
	if *phrases != "" {
		for _, p := range strings.Split(*phrases, ",") {
			extra, err := ner.ReadPhraseList(p)
			if err != nil {
				return fail(err)
			}
			gaz = append(gaz, extra...)
		}
	}
	if len(gaz) > 0 {
		cfg.Gazetteer = ner.NewPhraseGazetteer(gaz)
		fmt.Fprintf(os.Stderr, "gazetteer: %d phrases\n", cfg.Gazetteer.Len())
	}
	if *cv > 0 {
		return crossValidateNER(sents, cfg, *cv, *cvBiases, *cvSearch)
	}
	trainSents, dev := ner.SplitHoldout(sents, *holdout)
	m, err := ner.Train(trainSents, cfg)
	if err != nil {
		return fail(err)
	}
	if len(dev) > 0 {
		ev, err := m.Evaluate(dev)
		if err != nil {
			return fail(err)
		}
		fmt.Printf("holdout (last %d sentences):\n", len(dev))
		ev.Write(os.Stdout)
	}
	if *eval != "" {
		test, err := readTagged(*eval)
		if err != nil {
			return fail(err)
		}
		ev, err := m.Evaluate(test)
		if err != nil {
			return fail(err)
		}
		fmt.Printf("%s:\n", *eval)
		ev.Write(os.Stdout)
	}
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fail(err)
		}
		n, err := m.WriteTo(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fail(fmt.Errorf("writing %s: %w", *out, err))
		}
		fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", *out, n)
	}
	return 0
}

func crossValidateNER(sents []ner.Sentence, cfg ner.TrainConfig, k int, biasList string, search bool) int {
	biases := []float32{cfg.OBias}
	if biasList != "" {
		biases = nil
		for _, f := range strings.Split(biasList, ",") {
			b, err := strconv.ParseFloat(strings.TrimSpace(f), 32)
			if err != nil {
				fmt.Fprintf(os.Stderr, "marsad train-ner: --cv-o-bias: %v\n", err)
				return 2
			}
			biases = append(biases, float32(b))
		}
	}
	cv, err := ner.CrossValidate(sents, cfg, k)
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad train-ner: %v\n", err)
		return 1
	}
	for _, b := range biases {
		ev, err := cv.Score(b, cfg.TypeBias)
		if err != nil {
			fmt.Fprintf(os.Stderr, "marsad train-ner: %v\n", err)
			return 1
		}
		fmt.Printf("%d-fold cross-validation, O bias %g, type biases %v: F1 %.2f\n", k, b, cfg.TypeBias, ev.Overall.F1())
		ev.Write(os.Stdout)
		if !search {
			continue
		}
		steps := []float32{-0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8}
		tb, ev, err := cv.SearchTypeBias(b, steps, 2)
		if err != nil {
			fmt.Fprintf(os.Stderr, "marsad train-ner: %v\n", err)
			return 1
		}
		fmt.Printf("%d-fold cross-validation, O bias %g, best type biases %v: F1 %.2f\n", k, b, tb, ev.Overall.F1())
		ev.Write(os.Stdout)
	}
	return 0
}

// parseTypeBias reads four comma-separated numbers.
func parseTypeBias(s string) ([4]float32, error) {
	var out [4]float32
	fields := strings.Split(s, ",")
	if len(fields) != len(out) {
		return out, fmt.Errorf("want %d numbers (PERS,LOC,ORG,MISC), got %q", len(out), s)
	}
	for i, f := range fields {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 32)
		if err != nil {
			return out, err
		}
		out[i] = float32(v)
	}
	return out, nil
}

func readTagged(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.ReadTagged(f, path)
}
