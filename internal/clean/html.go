package clean

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoText means no article text was found in an input.
var ErrNoText = errors.New("no article text found")

// HTMLPage is what the page says about itself, from its meta tags.
type HTMLPage struct {
	Title, URL, Site, Date string
}

// HTML extracts the main text of an HTML page with go-trafilatura, keeping
// its paragraphs and headings as lines, and then runs the plain-text
// cleaner over them with the page's own title, so that inline «اقرأ أيضاً»
// boxes and the like that trafilatura keeps are removed as well.
func HTML(raw []byte) (res Result, page HTMLPage, err error) {
	defer func() {
		// trafilatura walks arbitrary markup; a bug there must cost this
		// document, not the run.
		if p := recover(); p != nil {
			err = fmt.Errorf("HTML extraction failed: %v", p)
		}
	}()
	root, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return Result{}, HTMLPage{}, fmt.Errorf("cannot parse the HTML page: %v", err)
	}
	// The publication date is read from the page's metadata only, not
	// guessed from dates in its text (trafilatura's htmldate would, and
	// costs half the extraction time).
	date := metaDate(root, raw)
	ext, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil {
		return Result{}, HTMLPage{}, fmt.Errorf("%w in the HTML page: %v", ErrNoText, err)
	}
	m := ext.Metadata
	page = HTMLPage{Title: squeeze(m.Title), URL: m.URL, Site: squeeze(m.Sitename), Date: date}
	if page.Site == "" {
		page.Site = strings.TrimPrefix(m.Hostname, "www.")
	}
	var text strings.Builder
	blockText(&text, ext.ContentNode)
	res = Text(text.String(), Options{Title: page.Title})
	if len(res.Paragraphs) == 0 {
		return Result{}, page, fmt.Errorf("%w in the HTML page", ErrNoText)
	}
	return res, page, nil
}

// blockText writes the text of n with a line break around every block
// element, so paragraphs, headings and list items become lines.
func blockText(b *strings.Builder, n *html.Node) {
	if n == nil {
		return
	}
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return
		case atom.Br:
			b.WriteByte('\n')
			return
		}
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		b.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		blockText(b, c)
	}
	if block {
		b.WriteByte('\n')
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Section, atom.Article, atom.Header,
		atom.Footer, atom.Aside, atom.Figure, atom.Figcaption, atom.Hr, atom.Main,
		atom.Body, atom.Form, atom.Address, atom.Details, atom.Summary:
		return true
	}
	return false
}

// dateMetaNames are the meta tags (by name, property or itemprop) that
// state a page's publication date, most specific first.
var dateMetaNames = []string{
	"article:published_time", "og:article:published_time", "datepublished", "pubdate",
	"publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued",
	"sailthru.date", "parsely-pub-date", "date", "dc.date", "dcterms.created",
}

// jsonLDDate finds a schema.org datePublished in a JSON-LD block.
var jsonLDDate = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{8,40})"`)

// metaDate returns the publication date a page states in its metadata:
// meta tags, a <time> marked as the publication time, or JSON-LD; "" when
// it states none.
func metaDate(root *html.Node, raw []byte) string {
	found := map[string]string{}
	var timeTag string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				var key, content string
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "name", "property", "itemprop":
						key = strings.ToLower(strings.TrimSpace(a.Val))
					case "content":
						content = strings.TrimSpace(a.Val)
					}
				}
				if key != "" && content != "" && found[key] == "" {
					found[key] = content
				}
			case atom.Time:
				var dt string
				marked := false
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "datetime":
						dt = strings.TrimSpace(a.Val)
					case "pubdate":
						marked = true
					case "itemprop":
						marked = marked || strings.EqualFold(a.Val, "datePublished")
					}
				}
				if marked && dt != "" && timeTag == "" {
					timeTag = dt
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, k := range dateMetaNames {
		if v := found[k]; v != "" {
			return v
		}
	}
	if timeTag != "" {
		return timeTag
	}
	if m := jsonLDDate.FindSubmatch(raw); m != nil {
		return string(m[1])
	}
	return ""
}
