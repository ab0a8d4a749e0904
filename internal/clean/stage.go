package clean

import (
	"fmt"
	"strings"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/meta"
)

// Stage is the pipeline stage that turns a document's Raw input into its
// Title, Body (one paragraph per line), Paragraphs and Language, and
// records the metadata the page carries (date stamps, "Source:" lines, HTML
// meta tags) in Given for the metadata stage.
type Stage struct{}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "clean" }

// Process implements pipeline.Stage. A document with no Arabic article text
// is an error: "not Arabic" when it is in another language.
func (Stage) Process(d *doc.Doc) error {
	var res Result
	source := string(d.Raw)
	switch d.Format {
	case doc.HTML:
		r, page, err := HTML(d.Raw)
		if err != nil {
			if lang := Language(htmlText(d.Raw)); lang != "ar" && lang != "und" {
				return notArabic(lang)
			}
			return err
		}
		res = r
		d.Given.Title = firstNonEmpty(d.Given.Title, page.Title)
		d.Given.Date = firstNonEmpty(d.Given.Date, page.Date)
		d.Given.URL = firstNonEmpty(d.Given.URL, page.URL)
		d.Given.Outlet = firstNonEmpty(d.Given.Outlet, page.Site)
		source = strings.Join(res.Paragraphs, "\n")
	default:
		res = Text(source, Options{Title: d.Given.Title})
	}
	if len(res.Paragraphs) == 0 {
		if lang := Language(source); lang != "ar" {
			return notArabic(lang)
		}
		return fmt.Errorf("%w: every line reads as page furniture (menus, links, dates)", ErrNoText)
	}
	body := strings.Join(res.Paragraphs, "\n")
	lang := res.script.language(body)
	if lang != "ar" && lang != "und" {
		return notArabic(lang)
	}
	d.Language = "ar"
	d.Title = res.Title
	d.SetBody(body)
	d.Paragraphs = paragraphSpans(res.paragraphRunes)
	d.Given.Date = firstNonEmpty(d.Given.Date, res.Date)
	d.Given.Crawled = firstNonEmpty(d.Given.Crawled, res.Crawled)
	// A "Source:" line names a wire agency or an outlet; the metadata
	// stage tells which.
	d.Given.Agency = firstNonEmpty(d.Given.Agency, res.Source)
	if d.Given.Agency == "" && meta.CanonicalAgency(res.Credit) != "" {
		d.Given.Agency = res.Credit
	}
	return nil
}

// paragraphSpans gives the code-point span of each paragraph, from their
// lengths, in the body they make when joined with newlines.
func paragraphSpans(runes []int) []doc.Span {
	spans := make([]doc.Span, len(runes))
	at := 0
	for i, n := range runes {
		spans[i] = doc.Span{Start: at, End: at + n}
		at += n + 1
	}
	return spans
}

func firstNonEmpty(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return strings.TrimSpace(b)
}

// htmlText is the visible text of a page, for naming its language when no
// article was found in it.
func htmlText(raw []byte) string {
	var b strings.Builder
	inTag := false
	for _, r := range string(raw) {
		switch {
		case r == '<':
			inTag = true
		case r == '>':
			inTag = false
			b.WriteByte(' ')
		case !inTag:
			b.WriteRune(r)
		}
	}
	return b.String()
}
