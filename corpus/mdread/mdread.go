// Package mdread reads one news article written in Markdown, with optional
// YAML front matter, into article metadata and plain text that keeps a map
// back to the file.
//
// Input: the whole .md file as bytes, UTF-8 (a leading byte order mark is
// skipped). If the first line is exactly "---" (trailing blanks allowed),
// the lines up to the next line that is exactly "---" or "..." are YAML
// front matter, which must be a mapping; a file whose first line is "---"
// has front matter, there is no falling back to a thematic break. The rest
// is Markdown: CommonMark plus GitHub tables, strikethrough and footnotes,
// parsed by goldmark.
//
// Output: a Doc. Doc.Meta holds the well-known front matter keys (see Meta)
// and the other scalar ones. Doc.Text is the article's plain text, one block
// per line, lines separated by "\n": each paragraph, heading, list item
// paragraph, block quote paragraph and paragraph of a referenced footnote
// (moved back to where it is written) is a line, and so is each table row, its non-empty cells separated by a tab. Markup is
// stripped: emphasis and strikethrough markers, link destinations, images
// (alt text too), footnote references, raw HTML (with the content of inline
// <script> and <style>), HTML blocks, code blocks and thematic breaks are
// dropped; link text, autolinks and inline code content are kept; backslash
// escapes and entities are decoded; every run of white space (line breaks,
// no-break spaces, block-level inline tags such as <br> included) becomes
// one space, and lines are trimmed and never empty. Invalid UTF-8 and NUL
// become U+FFFD, so Text.S is valid UTF-8.
//
// Every byte of Doc.Text.S maps (textmap.Text.Span) to the runes of the
// source it came from, counted from the start of the file, front matter
// included, so a span of text can be shown in the file: copied text maps to
// itself, a decoded entity to the whole entity, a space to the first run of
// white space it stands for (a line break's to the "\n" or "\r\n"), and the
// "\n" and tab separators to nothing. Text comes out in source order, so the
// map is non-decreasing.
//
// Errors: only malformed front matter is an error, a *FrontMatterError whose
// message carries the line of the file; Markdown itself never fails.
//
// Cost: one goldmark parse plus one pass over the text, linear in len(src)
// for ordinary articles (goldmark is slow on pathological nesting, such as
// thousands of nested '['); memory is the goldmark AST, a string copy of the
// body, and the text with 8 bytes of map per byte. Read is safe for
// concurrent use.
package mdread

import (
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/biasdiff/biasdiff/corpus/textmap"
)

// Meta is the article metadata taken from the front matter.
//
// Front matter keys are matched ignoring case, '_' and '-' (so
// "datePublished", "date_published" and "date-published" are one key):
//
//	Title    title
//	Outlet   outlet, source, publisher, site, site_name
//	Date     date, published, date_published, pubdate
//	URL      url, link, source_url, canonical
//	Language lang, language
//
// In file order, the first key of a field with a non-empty value wins; a
// later key for a field already set goes to Extra. Values are the YAML scalar
// text as written, trimmed (a date stays "2019-01-14", never a Go time
// string); null values count as absent. Without a front matter title, the
// text of the first level-1 heading is the Title.
type Meta struct {
	Title, Outlet, Date, URL, Language string

	// Extra holds the other keys, lower-cased, whose value is a scalar
	// (as written) or a sequence of scalars (joined with ", "), for
	// instance author. Nil when there are none.
	Extra map[string]string

	// Warnings name the keys given twice, for a field or as the same
	// key ("line 4: ..."; lines of the file): the first value is used.
	Warnings []string
}

// Doc is one article.
type Doc struct {
	Meta Meta

	// Text is the plain text, one block per line, mapped to the source file
	// in runes. See the package documentation.
	Text textmap.Text

	// Body is the rune offset in the file where the Markdown starts: just
	// after the front matter, or after a byte order mark, else 0.
	Body int
}

var md = goldmark.New(goldmark.WithExtensions(
	extension.Table,
	extension.Strikethrough,
	extension.Footnote,
)).Parser()

// Read parses src, the whole .md file. The only errors are for malformed
// front matter (see FrontMatterError): an unterminated '---' block, invalid
// YAML, or YAML that is not a mapping.
func Read(src []byte) (Doc, error) {
	var doc Doc
	meta, body, err := frontMatter(src)
	if err != nil {
		return Doc{}, err
	}
	doc.Meta = meta
	e := newEmitter(src, body)
	doc.Body = e.base
	root := md.Parse(text.NewReader(e.src))
	var units []unit
	collect(root, &units)
	// The footnote extension moves footnote definitions to the end of the
	// document; put every block back in source order.
	if !slices.IsSortedFunc(units, byPos) {
		slices.SortStableFunc(units, byPos)
	}
	e.reserved = len(e.src)
	e.b.Grow(e.reserved)
	for _, u := range units {
		e.unit(u.n)
	}
	doc.Text = e.b.Text()
	if doc.Meta.Title == "" && e.titleEnd > e.titleStart {
		doc.Meta.Title = doc.Text.S[e.titleStart:e.titleEnd]
	}
	return doc, nil
}

// A unit is a block that makes one line of text, and its byte offset in the
// Markdown body.
type unit struct {
	n   ast.Node
	pos int
}

func byPos(a, b unit) int { return a.pos - b.pos }

// collect appends, in document order, the blocks that make one line of text
// each, skipping code, HTML, thematic breaks and link reference definitions.
func collect(n ast.Node, units *[]unit) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading,
			east.KindTableHeader, east.KindTableRow:
			pos := c.Pos()
			if pos < 0 { // no position: keep it after the previous block
				pos = 0
				if k := len(*units); k > 0 {
					pos = (*units)[k-1].pos
				}
			}
			*units = append(*units, unit{c, pos})
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
			ast.KindThematicBreak, ast.KindLinkReferenceDefinition:
		default:
			if c.Type() == ast.TypeBlock || c.Type() == ast.TypeDocument {
				collect(c, units)
			}
		}
	}
}
