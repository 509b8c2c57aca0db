// Package htmlread reads one saved HTML news page and returns its main text,
// one block per line, with every byte mapped back to the runes of the HTML
// source it came from, plus the page's metadata.
//
// Input: the page's bytes as saved, in any charset (UTF-8 is used as is,
// others are decoded per the HTML rules, and the charset of a page that
// declares none is guessed), and optionally the URL it came from.
// Output: a Doc whose Text offsets count the characters of the page as
// decoded (a byte order mark is character 0; a byte that does not decode
// is one character), inside the source and non-decreasing along the text;
// warnings when the charset was guessed with little to go on. Errors: ErrNotHTML for input that is not a
// page, ErrNoMainText when less than MinText of main text is found.
// Cost: one HTML parse, one main-text extraction, one tokenizer pass and a
// mostly linear alignment; alignment needs about 30 bytes per byte of
// visible text. Safe for concurrent use.
//
// The main text comes from go-readability (readeck's fork, v2). Both it and
// go-trafilatura were measured on real saved pages with reference article
// text: on the 181 news pages of ScrapingHub's article-extraction-benchmark,
// word F1 0.955 (readability) against 0.965 (trafilatura), precision 0.918
// against 0.947; on the 983 pages of go-trafilatura's comparison set,
// snippet F1 0.878 against 0.900; readability was faster (24 against
// 18 MB/s). Trafilatura is the better extractor by a point, but linking it
// pulls in go-dateparser, whose package initialisation costs about 290 ms
// and 78 MB on every start of the binary, whatever it reads; biasdiff must
// start in under 50 ms. Readability initialises in 0.3 ms. What it keeps
// that trafilatura drops (bylines, a little navigation) is visible in
// `biasdiff extract` and small next to the article.
//
// The extractor's tree has no source positions, so its text is aligned
// back onto the visible characters of the tokenized source (align.go).
// Characters it cannot place map next to their placed neighbours.
//
// Scripts, styles, frames, comments, event-handler attributes and script
// URLs are removed from the tree before extraction, and only text nodes of
// the extracted tree become text, so none of them reach Doc.Text.
package htmlread

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/biasdiff/biasdiff/corpus/textmap"
	"golang.org/x/net/html"
)

// Meta is the page's metadata; a field is empty when the page does not
// give it. Each field is taken from the first of these that has it:
//
//   - Title: og:title, JSON-LD headline, <title>, twitter:title, the
//     extractor's guess.
//   - SiteName: og:site_name, JSON-LD publisher.name, JSON-LD WebSite name,
//     application-name, the extractor's guess (not the host name).
//   - Published: article:published_time, JSON-LD datePublished, other date
//     meta tags (as written), else a date found in the page (YYYY-MM-DD).
//   - URL: <link rel=canonical>, og:url, JSON-LD url, pageURL; made absolute
//     against pageURL or og:url; http and https only.
//   - Language: <html lang>, JSON-LD inLanguage, Content-Language, og:locale,
//     else detected from the text (ISO 639-1).
//   - Author: JSON-LD author names (joined with ", "), author meta tags, the
//     extractor's guess.
type Meta struct{ Title, SiteName, Published, URL, Language, Author string }

// Doc is one extracted page.
type Doc struct {
	Meta Meta
	// Text is the main text: one block (paragraph, heading, list item,
	// blockquote paragraph, table row) per line, lines separated by "\n"
	// inserted with Builder.Insert. Each byte maps to the source rune range
	// (runes of the whole HTML file as given) of the character it came
	// from; a decoded entity (&amp; &#8217;) maps to the whole entity;
	// collapsed whitespace maps to the whitespace run (an empty range when
	// the source has none there, e.g. at a <br>). Soft hyphens, zero-width
	// spaces, word joiners and BOMs are dropped.
	//
	// Text the alignment could not place (the extractor changed or moved
	// it) maps to the source between its placed neighbours when that is
	// short, else to a neighbour; a line with nothing placed maps to a
	// short gap or an empty range where it would go.
	Text textmap.Text
	// Charset is the charset the page was read in ("utf-8",
	// "windows-1251", "shift_jis", "utf-16le").
	Charset string
	// Warnings say what the reader was unsure of: a charset guessed
	// (the page declares none) with little to go on.
	Warnings []string
}

// MinText is the least main text a page must have, in characters other
// than white space that were found in the page's visible text. Less is
// ErrNoMainText: typically an error page, or a page built by scripts whose
// saved HTML holds little more than its title.
const MinText = 50

var (
	// ErrNotHTML is returned for input that is empty, binary or has no markup.
	ErrNotHTML = errors.New("not usable HTML")
	// ErrNoMainText is returned when the page has no main text.
	ErrNoMainText = errors.New("no main text found in the page")
)

// Extract reads one saved HTML page. pageURL may be empty. Errors only when
// the input is not usable HTML or has no main text ("no main text found").
func Extract(src []byte, pageURL string) (Doc, error) {
	if err := usable(src); err != nil {
		return Doc{}, err
	}
	d := decode(src)
	root, err := html.Parse(bytes.NewReader(d.text))
	if err != nil {
		return Doc{}, fmt.Errorf("%w: %v", ErrNotHTML, err)
	}
	meta := readMeta(readHead(root), pageURL)
	sanitize(root)

	var base *url.URL
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		base = u
	}
	node, ext, err := runExtractor(root, base)
	if err != nil {
		return Doc{}, err
	}
	lines := splitLines(node)
	if len(lines) == 0 {
		return Doc{}, ErrNoMainText
	}
	fillMeta(&meta, ext)

	text, placed := align(scan(d), lines, d.nrunes)
	if placed < MinText {
		// Too short to be an article, or not visible text of the page
		// at all (a page built by scripts, where only the title is left).
		return Doc{}, fmt.Errorf("%w (%d characters found in the page)", ErrNoMainText, placed)
	}
	doc := Doc{Meta: meta, Text: text, Charset: d.charset}
	if d.unsure {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("declares no charset and its text is not UTF-8; read as %s, a guess (declare it with <meta charset=...> or convert the file to UTF-8)", strings.ToUpper(d.charset)))
	}
	return doc, nil
}

// runExtractor runs the extractor on the sanitised tree (which it may
// change), turning a failure or a panic into ErrNoMainText.
func runExtractor(root *html.Node, base *url.URL) (node *html.Node, art readability.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			node, err = nil, fmt.Errorf("%w (extractor panicked: %v)", ErrNoMainText, p)
		}
	}()
	parser := readability.NewParser()
	art, err = parser.ParseAndMutate(root, base)
	if err != nil {
		return nil, art, fmt.Errorf("%w (%v)", ErrNoMainText, err)
	}
	if art.Node == nil {
		return nil, art, ErrNoMainText
	}
	return art.Node, art, nil
}

// fillMeta fills what the page's own tags did not give from the
// extractor's guesses.
func fillMeta(m *Meta, a readability.Article) {
	m.Title = first(m.Title, clean(a.Title()))
	m.SiteName = first(m.SiteName, clean(a.SiteName()))
	m.Author = first(m.Author, clean(a.Byline()))
	m.Language = first(m.Language, clean(a.Language()))
	if t, err := a.PublishedTime(); m.Published == "" && err == nil && !t.IsZero() {
		if t.Equal(t.Truncate(24 * time.Hour)) {
			m.Published = t.Format(time.DateOnly)
		} else {
			m.Published = t.Format(time.RFC3339)
		}
	}
}

// usable rejects input that cannot be an HTML page: empty, compressed or
// binary, or without a single '<'.
func usable(src []byte) error {
	if len(bytes.TrimSpace(src)) == 0 {
		return fmt.Errorf("%w: empty", ErrNotHTML)
	}
	if bytes.HasPrefix(src, []byte{0x1f, 0x8b}) {
		return fmt.Errorf("%w: gzip-compressed", ErrNotHTML)
	}
	if bytes.HasPrefix(src, []byte("%PDF-")) {
		return fmt.Errorf("%w: PDF", ErrNotHTML)
	}
	utf16 := bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff})
	if !utf16 && bytes.IndexByte(src[:min(len(src), 1024)], 0) >= 0 {
		return fmt.Errorf("%w: binary", ErrNotHTML)
	}
	if bytes.IndexByte(src, '<') < 0 {
		return fmt.Errorf("%w: no markup", ErrNotHTML)
	}
	return nil
}
