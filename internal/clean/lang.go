package clean

import (
	"fmt"
	"strings"
	"unicode"
)

// Language guesses the language of text from its script and, for Latin
// script, a few function words: "ar" Arabic, "fa" Persian, "ur" Urdu,
// "en" English, "fr" French, "latn" another Latin-script language, "und"
// when there are too few letters or another script. Arabic, Persian and
// Urdu share a script and are told apart by the letters only the latter
// two use and by the form of yaa. It reads at most the first 64 KB.
func Language(text string) string {
	if len(text) > 64<<10 {
		text = text[:64<<10]
	}
	var sc script
	for i := 0; i < len(text); {
		class, n := classAt(text, i)
		i += n
		if class&letter != 0 {
			sc.add(class)
		}
	}
	return sc.language(text)
}

// script counts the letters of a text by script, and the letters that tell
// Persian and Urdu from Arabic.
type script struct {
	letters, arabic, latin             int
	persian, urdu, farsiYeh, arabicYeh int
}

// add counts one letter of the given class.
func (s *script) add(class uint16) {
	s.letters++
	switch {
	case class&arabicLetter != 0:
		s.arabic++
		switch {
		case class&persianLetter != 0:
			s.persian++
		case class&urduLetter != 0:
			s.urdu++
		case class&farsiYeh != 0:
			s.farsiYeh++
		case class&arabicYeh != 0:
			s.arabicYeh++
		}
	case class&latinLetter != 0:
		s.latin++
	}
}

func (s *script) plus(o script) {
	s.letters += o.letters
	s.arabic += o.arabic
	s.latin += o.latin
	s.persian += o.persian
	s.urdu += o.urdu
	s.farsiYeh += o.farsiYeh
	s.arabicYeh += o.arabicYeh
}

// language decides from the counts; text is read for the function words of
// a Latin-script language.
func (s script) language(text string) string {
	switch {
	case s.letters < 20:
		return "und"
	case s.arabic*2 >= s.letters:
		switch {
		case s.urdu*100 > s.arabic:
			return "ur"
		// Persian writes every yaa as ی; Arabic typed on a Persian
		// keyboard may too, but lacks پ چ ژ گ.
		case s.persian*100 > s.arabic && s.farsiYeh >= s.arabicYeh:
			return "fa"
		}
		return "ar"
	case s.latin*2 >= s.letters:
		return latinLanguage(text)
	}
	return "und"
}

var (
	englishWords = map[string]bool{"the": true, "and": true, "of": true, "to": true, "in": true, "is": true, "that": true, "for": true, "was": true, "with": true, "said": true, "on": true}
	frenchWords  = map[string]bool{"le": true, "la": true, "les": true, "de": true, "des": true, "et": true, "est": true, "une": true, "un": true, "du": true, "que": true, "dans": true}
)

func latinLanguage(text string) string {
	en, fr := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if englishWords[w] {
			en++
		}
		if frenchWords[w] {
			fr++
		}
	}
	switch {
	case en >= 3 && en >= fr:
		return "en"
	case fr >= 3:
		return "fr"
	}
	return "latn"
}

var languageNames = map[string]string{
	"fa": "Persian", "ur": "Urdu", "en": "English", "fr": "French",
	"latn": "a Latin-script language", "und": "no language marsad can read",
}

// notArabic is the error for a text in another language: the pipeline reads
// Arabic only, and an analyst needs to know what was left out.
func notArabic(lang string) error {
	name := languageNames[lang]
	if name == "" {
		name = lang
	}
	return fmt.Errorf("not Arabic: the text looks like %s; skipped", name)
}
