package htmlread

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// unsafeElements are removed from the tree before extraction: their
// content is code, markup for another renderer, or a separate document.
var unsafeElements = map[string]bool{
	"script": true, "style": true, "iframe": true, "noscript": true, "template": true,
	"svg": true, "math": true, "object": true, "embed": true, "applet": true,
	"frame": true, "frameset": true, "noembed": true, "noframes": true, "xmp": true,
	"plaintext": true, "textarea": true, "select": true, "button": true, "input": true,
}

// sanitize removes unsafe elements, comments, event-handler attributes and
// script URLs from the tree, in place.
func sanitize(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode,
			c.Type == html.ElementNode && unsafeElements[c.Data]:
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			c.Attr = safeAttrs(c.Attr)
			sanitize(c)
		default:
			sanitize(c)
		}
		c = next
	}
}

func safeAttrs(attrs []html.Attribute) []html.Attribute {
	out := attrs[:0]
	for _, a := range attrs {
		key := strings.ToLower(a.Key)
		if strings.HasPrefix(key, "on") || key == "srcdoc" {
			continue
		}
		v := strings.ToLower(strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || unicode.IsControl(r) {
				return -1
			}
			return r
		}, a.Val))
		if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") ||
			strings.HasPrefix(v, "data:text/html") {
			continue
		}
		out = append(out, a)
	}
	return out
}

// blockElements end the current line before and after themselves.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "dd": true, "details": true, "dir": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "legend": true, "li": true, "main": true,
	"menu": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "tbody": true, "tfoot": true, "thead": true, "tr": true,
	"ul": true, "html": true, "head": true,
}

// lineSplitter turns an extracted content tree into lines of text, one per
// block, whitespace collapsed.
type lineSplitter struct {
	lines []string
	cur   []byte
	pre   int
}

func splitLines(n *html.Node) []string {
	var ls lineSplitter
	ls.walk(n)
	ls.flush()
	return ls.lines
}

func (ls *lineSplitter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if ls.pre == 0 {
			ls.cur = append(ls.cur, n.Data...)
			return
		}
		for i, part := range strings.Split(n.Data, "\n") {
			if i > 0 {
				ls.flush()
			}
			ls.cur = append(ls.cur, part...)
		}
		return
	case html.ElementNode:
		if unsafeElements[n.Data] {
			return
		}
		switch n.Data {
		case "br", "hr":
			ls.flush()
			return
		case "td", "th":
			ls.cur = append(ls.cur, ' ')
			defer func() { ls.cur = append(ls.cur, ' ') }()
		case "pre":
			ls.pre++
			defer func() { ls.pre-- }()
		}
		if blockElements[n.Data] {
			ls.flush()
			defer ls.flush()
		}
	case html.DocumentNode:
	default:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		ls.walk(c)
	}
}

func (ls *lineSplitter) flush() {
	if s := collapse(ls.cur); s != "" {
		ls.lines = append(ls.lines, s)
	}
	ls.cur = ls.cur[:0]
}

// collapse makes b valid UTF-8 (one U+FFFD per bad byte), drops ignorable
// runes, turns every run of white space into one space and trims the ends.
func collapse(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	space := false
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		i += n
		switch {
		case ignorable(r):
		case unicode.IsSpace(r):
			space = sb.Len() > 0
		default:
			if space {
				sb.WriteByte(' ')
				space = false
			}
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
