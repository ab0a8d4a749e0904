package events

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

//go:embed lexicon/*.tsv
var lexiconFS embed.FS

// maxGap is how many tokens a * in a phrase lets come between two words;
// maxLongGap how many a ** lets come, for a verb whose subject stands
// between it and its object («أطلقت فصائل المقاومة في غزة عشرات الصواريخ»).
const (
	maxGap     = 4
	maxLongGap = 8
)

// flags are the conditions a trigger puts on its context (triggers.tsv).
type flags uint16

const (
	flagSoft flags = 1 << iota
	flagPlace
	flagArmed
	flagComplete
	flagOutcome
	flagOrigin
	flagNoArticle
)

var flagNames = map[string]flags{
	"soft": flagSoft, "place": flagPlace, "armed": flagArmed,
	"complete": flagComplete, "outcome": flagOutcome, "origin": flagOrigin, "noarticle": flagNoArticle,
}

// class is a kind of event and how it is coded (classes.tsv).
type class struct {
	name      string
	eventType string
	// subType is an ACLED sub-event type, or a rule name starting with @.
	subType string
	cameo   string
	// role says what the grammatical subject of a trigger of this class is:
	// "agent" (it acted), "loser" (it lost the place), "self" (it changed
	// itself), "place" (the subject is the place that fell).
	role string
}

// word is one position of a phrase: the stems that fill it, and how many
// tokens may be skipped before it.
type word struct {
	alts []string
	gap  int
}

// phrase is a sequence of words, as read from a lexicon line.
type phrase struct {
	words []word
	text  string
}

// trigger is a phrase that signals an event of a class.
type trigger struct {
	phrase
	class *class
	verb  bool // the first word is a finite verb, not a noun
	flags flags
}

// phraseSet indexes phrases by the stems their first word accepts.
type phraseSet struct {
	phrases []*phrase
	byFirst map[string][]int
}

func (s *phraseSet) add(p *phrase) int {
	if s.byFirst == nil {
		s.byFirst = map[string][]int{}
	}
	s.phrases = append(s.phrases, p)
	i := len(s.phrases) - 1
	for _, a := range p.words[0].alts {
		s.byFirst[a] = append(s.byFirst[a], i)
	}
	return i
}

// Lexicon is the event vocabulary: triggers, their classes, and the cues
// that code, qualify or cancel them.
type Lexicon struct {
	classes  map[string]*class
	triggers []*trigger
	// verbs are the past-tense forms of every verb the lexicon names; a
	// conjoined one starts a new clause.
	verbs   map[string]bool
	trigSet phraseSet // phrase i is triggers[i]
	cues    map[string]*phraseSet
	// cameo maps a past-tense verb form to the CAMEO codes that the
	// PETRARCH dictionary gives it with an object word (cameo.tsv).
	cameo map[string][]cameoPattern
}

// cameoPattern is a verb's CAMEO code when an object word is present.
type cameoPattern struct{ object, code string }

var (
	defaultLexicon    *Lexicon
	defaultLexiconErr error
	defaultLexiconMu  sync.Once
)

// DefaultLexicon returns the lexicon embedded in the binary, read once.
func DefaultLexicon() (*Lexicon, error) {
	defaultLexiconMu.Do(func() { defaultLexicon, defaultLexiconErr = LoadLexicon(lexiconFS) })
	return defaultLexicon, defaultLexiconErr
}

// LoadLexicon reads lexicon/classes.tsv, lexicon/triggers.tsv,
// lexicon/cues.tsv and lexicon/cameo.tsv from fsys.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{classes: map[string]*class{}, cues: map[string]*phraseSet{}, verbs: map[string]bool{}}
	err := readTSV(fsys, "lexicon/classes.tsv", 5, func(f []string) error {
		c := &class{name: f[0], eventType: f[1], subType: f[2], cameo: f[3], role: f[4]}
		if !strings.HasPrefix(c.subType, "@") && !record.ValidACLED(c.eventType, c.subType) {
			return fmt.Errorf("class %s: %q / %q is not an ACLED pair", c.name, c.eventType, c.subType)
		}
		if _, ok := record.ACLED[c.eventType]; !ok {
			return fmt.Errorf("class %s: unknown event type %q", c.name, c.eventType)
		}
		switch c.role {
		case "agent", "loser", "self", "place":
		default:
			return fmt.Errorf("class %s: unknown role %q", c.name, c.role)
		}
		l.classes[c.name] = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(fsys, "lexicon/triggers.tsv", 3, func(f []string) error {
		c := l.classes[f[0]]
		if c == nil {
			return fmt.Errorf("unknown class %q", f[0])
		}
		p, err := parsePhrase(f[2], f[1])
		if err != nil {
			return err
		}
		t := &trigger{phrase: *p, class: c, verb: f[1] == "V"}
		if t.verb {
			for _, a := range p.words[0].alts {
				l.verbs[a] = true
			}
		}
		if len(f) > 3 && f[3] != "" {
			for _, name := range strings.Split(f[3], ",") {
				fl, ok := flagNames[strings.TrimSpace(name)]
				if !ok {
					return fmt.Errorf("unknown flag %q", name)
				}
				t.flags |= fl
			}
		}
		l.triggers = append(l.triggers, t)
		l.trigSet.add(&t.phrase)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(fsys, "lexicon/cues.tsv", 3, func(f []string) error {
		p, err := parsePhrase(f[2], f[1])
		if err != nil {
			return err
		}
		if f[1] == "V" {
			for _, a := range p.words[0].alts {
				l.verbs[a] = true
			}
		}
		s := l.cues[f[0]]
		if s == nil {
			s = &phraseSet{}
			l.cues[f[0]] = s
		}
		s.add(p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.cameo = map[string][]cameoPattern{}
	err = readTSV(fsys, "lexicon/cameo.tsv", 3, func(f []string) error {
		if f[1] == "" || strings.ContainsAny(f[0], "+ ") {
			return nil // a verb alone is too loosely coded in the source to use
		}
		for _, form := range verbForms(f[0]) {
			l.cameo[form] = append(l.cameo[form], cameoPattern{object: f[1], code: f[2]})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, kind := range cueKinds {
		if l.cues[kind] == nil {
			return nil, fmt.Errorf("lexicon/cues.tsv: no cues of kind %q", kind)
		}
	}
	return l, nil
}

// cueKinds are the cue kinds the code reads; each must have entries.
var cueKinds = []string{
	cueNegation, cueStative, cueFuture, cueThreat, cueCondition, cueQuestion,
	cueDenial, cueDenied, cueCall, cueFailure, cueEvaluation, cueGeneric,
	cueJudicial, cueBackground, cueConstruct, cuePurposeOK, cueAgent,
	cueTarget, cueFrom, cueWith, cueBetween, cueHolder, cueForce, cueCivilian,
	cueNear, cueDirection, cueOrigin, cuePlaceNoun, cueListLink, cueDeath,
	cueWounded, cueCaptive, cueBody, cueNoCasualty, cueSpeech, cueAccording,
	cueSource, cueAir, cueShelling, cueIED, cueSuicide, cueGrenade,
	cueChemical, cueIntervention, cueExcessive, cueRiot, cueMob, cueProtester,
	cueNonViolent, cueCompletion, cueVerb, cueOfPlace, cueNotWeapon, cueVictims, cueOngoing,
	cueResponsibility, cueCivPerson, cueFighter, cueNPModifier, cueAccident, cueOpinion,
}

// Cue kinds (see the head of lexicon/cues.tsv).
const (
	cueNegation       = "negation"
	cueStative        = "stative"
	cueFuture         = "future"
	cueThreat         = "threat"
	cueCondition      = "condition"
	cueQuestion       = "question"
	cueDenial         = "denial"
	cueDenied         = "denied"
	cueCall           = "call"
	cueFailure        = "failure"
	cueEvaluation     = "evaluation"
	cueGeneric        = "generic"
	cueJudicial       = "judicial"
	cueBackground     = "background"
	cueConstruct      = "construct"
	cuePurposeOK      = "purposeok"
	cueAgent          = "agent"
	cueTarget         = "target"
	cueFrom           = "from"
	cueWith           = "with"
	cueBetween        = "between"
	cueHolder         = "holder"
	cueForce          = "force"
	cueCivilian       = "civilian"
	cueNear           = "near"
	cueDirection      = "direction"
	cueOrigin         = "origin"
	cuePlaceNoun      = "placenoun"
	cueListLink       = "listlink"
	cueDeath          = "death"
	cueWounded        = "wounded"
	cueCaptive        = "captive"
	cueBody           = "body"
	cueNoCasualty     = "nocasualty"
	cueSpeech         = "speech"
	cueAccording      = "according"
	cueSource         = "source"
	cueAir            = "air"
	cueShelling       = "shelling"
	cueIED            = "iedcue"
	cueSuicide        = "suicidecue"
	cueGrenade        = "grenadecue"
	cueChemical       = "chemicalcue"
	cueIntervention   = "intervention"
	cueExcessive      = "excessive"
	cueRiot           = "riotcue"
	cueMob            = "mob"
	cueProtester      = "protester"
	cueNonViolent     = "nonviolent"
	cueCompletion     = "completion"
	cueVerb           = "verb"
	cueOfPlace        = "ofplace"
	cueNotWeapon      = "notweapon"
	cueVictims        = "victims"
	cueOngoing        = "ongoing"
	cueResponsibility = "responsibility"
	cueCivPerson      = "civperson"
	cueFighter        = "fighter"
	cueNPModifier     = "npmodifier"
	cueAccident       = "accident"
	cueOpinion        = "opinion"
)

// readTSV calls row for each non-comment line of a tab-separated file,
// with at least min fields; errors name the file and line.
func readTSV(fsys fs.FS, name string, min int, row func([]string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("events lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < min {
			return fmt.Errorf("%s:%d: %d fields, want at least %d", name, n, len(fields), min)
		}
		if err := row(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// parsePhrase reads a phrase: words separated by spaces, alternatives by
// "/", "*" for a gap. With pos "V" the first word's verb forms are added.
func parsePhrase(text, pos string) (*phrase, error) {
	if pos != "V" && pos != "N" {
		return nil, fmt.Errorf("pos %q: want V or N", pos)
	}
	p := &phrase{text: text}
	gap := 0
	for _, f := range strings.Fields(text) {
		if f == "*" || f == "**" {
			gap = maxGap
			if f == "**" {
				gap = maxLongGap
			}
			continue
		}
		var w word
		w.gap = gap
		gap = 0
		for _, a := range strings.Split(f, "/") {
			a = arabic.Canonical(a)
			if a == "" {
				continue
			}
			if pos == "V" && len(p.words) == 0 {
				w.alts = append(w.alts, verbForms(a)...)
			} else {
				w.alts = append(w.alts, a)
			}
		}
		if len(w.alts) == 0 {
			return nil, fmt.Errorf("phrase %q: empty word", text)
		}
		w.alts = dedupe(w.alts)
		p.words = append(p.words, w)
	}
	if len(p.words) == 0 {
		return nil, fmt.Errorf("empty phrase")
	}
	if gap > 0 {
		return nil, fmt.Errorf("phrase %q ends with a gap", text)
	}
	return p, nil
}

// verbForms returns the past-tense forms of a verb given as its normalised
// 3rd person masculine singular: the persons news reports use (3rd person,
// and 1st plural for spokesmen: «سيطرنا»). Passives are spelled the same.
func verbForms(v string) []string {
	out := []string{v, v + "ت", v + "وا", v + "تا", v + "نا", v + "تم"}
	if strings.HasSuffix(v, "ي") || strings.HasSuffix(v, "ا") {
		// Defective verbs drop the last letter: استولى → استولت، استولوا.
		b := strings.TrimSuffix(strings.TrimSuffix(v, "ي"), "ا")
		out = append(out, b+"ت", b+"وا", b+"تا")
	}
	return out
}

func dedupe(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
