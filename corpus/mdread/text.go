package mdread

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/biasdiff/biasdiff/corpus/textmap"
)

// emitter turns goldmark text segments, which are byte ranges of the
// Markdown body, into a textmap.Text over the runes of the whole file.
type emitter struct {
	src  []byte // the Markdown body: what goldmark parsed
	str  string // src as a string, to slice without copying
	base int    // rune offset of src[0] in the file

	// Rune cursor: cb is a byte offset of src on a rune boundary (as
	// decoded from the start of src), cr the file rune offset there.
	cb, cr int
	// A cursor position at or before the current block, to go back to.
	ckB, ckR int

	b        textmap.Builder
	reserved int  // the Builder has room for this many bytes
	lines    int  // lines started so far
	inLine   bool // the current block has text
	space    bool // white space is pending in the current line
	spLo     int  // its source rune range
	spHi     int
	sep      bool // a cell separator is pending
	skip     int  // depth of inline <script>/<style> being skipped

	head       bool // the current block is the first level-1 heading
	lineStart  int  // byte offset in S of the current line
	titleStart int  // byte range in S of the first level-1 heading
	titleEnd   int
}

func newEmitter(file []byte, body int) *emitter {
	base := utf8.RuneCount(file[:body])
	src := file[body:]
	return &emitter{src: src, str: string(src), base: base, cr: base}
}

// at returns the file rune offset of byte b of src: of the rune that
// contains b, when b is not on a rune boundary.
func (e *emitter) at(b int) int {
	if b < e.cb {
		// Never for goldmark's segments, which come in source order.
		e.cb, e.cr = 0, e.base
		if b >= e.ckB {
			e.cb, e.cr = e.ckB, e.ckR
		}
	}
	for e.cb < b {
		n := 1
		if e.src[e.cb] >= utf8.RuneSelf {
			_, n = utf8.DecodeRune(e.src[e.cb:])
			if e.cb+n > b {
				break
			}
		}
		e.cb += n
		e.cr++
	}
	return e.cr
}

// flush starts the line, or writes the pending separator or space, before
// k bytes of text are written.
func (e *emitter) flush(k int) {
	// textmap.Builder.Grow reserves exactly what it is asked for, so
	// reserve here, doubling, to keep appends amortized O(1).
	if need := e.b.Len() + k + 1; need > e.reserved {
		n := max(k+1, e.b.Len())
		e.b.Grow(n)
		e.reserved = e.b.Len() + n
	}
	switch {
	case !e.inLine:
		if e.lines > 0 {
			e.b.Insert("\n")
		}
		e.lines++
		e.inLine = true
		e.lineStart = e.b.Len()
	case e.sep:
		e.b.Insert("\t")
	case e.space:
		e.b.Replace(" ", e.spLo, e.spHi)
	}
	e.sep, e.space = false, false
}

// ws records white space at source runes [lo, hi). Runs of white space
// become one space, mapped to the first run of source white space; none is
// written at the start or the end of a line.
func (e *emitter) ws(lo, hi int) {
	switch {
	case !e.inLine || e.sep:
	case !e.space:
		e.space, e.spLo, e.spHi = true, lo, hi
	case lo == e.spHi:
		e.spHi = hi
	}
}

// replace writes s standing for source runes [lo, hi).
func (e *emitter) replace(s string, lo, hi int) {
	e.flush(len(s))
	e.b.Replace(s, lo, hi)
}

// startBlock begins a block that makes one line.
func (e *emitter) startBlock() {
	e.ckB, e.ckR = e.cb, e.cr
	e.inLine, e.space, e.sep, e.skip = false, false, false, 0
}

func (e *emitter) endBlock() {
	if e.head && e.inLine {
		e.titleStart, e.titleEnd = e.lineStart, e.b.Len()
	}
	e.head = false
	e.inLine = false
}

// unit writes one line for a paragraph, heading or table row.
func (e *emitter) unit(n ast.Node) {
	e.startBlock()
	if h, ok := n.(*ast.Heading); ok && h.Level == 1 && e.titleEnd == 0 {
		e.head = true
	}
	switch n.Kind() {
	case east.KindTableHeader, east.KindTableRow:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if e.inLine {
				e.sep, e.space = true, false
			}
			e.inlines(c)
		}
	default:
		e.inlines(n)
	}
	e.endBlock()
}

// inlines writes the text of the inline children of n.
func (e *emitter) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if e.skip == 0 {
				e.text(c.Segment.Start, c.Segment.Stop, c.IsRaw())
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				e.lineBreak(c.Segment.Stop)
			}
		case *ast.String:
			// Text made up by an extension, with no source.
			if e.skip == 0 && len(c.Value) > 0 {
				v := strings.ToValidUTF8(string(c.Value), "\uFFFD")
				e.flush(len(v))
				e.b.Insert(v)
			}
		case *ast.AutoLink:
			// The visible text of <https://example.org> is the URL itself.
			label := c.Label(e.src)
			if p := c.Pos() + 1; e.skip == 0 && p > 0 && p+len(label) <= len(e.src) &&
				string(e.src[p:p+len(label)]) == string(label) {
				e.text(p, p+len(label), true)
			}
		case *ast.RawHTML:
			e.rawHTML(c)
		case *ast.Image, *east.FootnoteLink, *east.FootnoteBacklink, *east.TaskCheckBox:
		default: // emphasis, links, code spans, strikethrough
			e.inlines(c)
		}
	}
}

// lineBreak writes the space a soft or hard line break becomes, mapped to
// the source line ending after byte stop.
func (e *emitter) lineBreak(stop int) {
	i := stop
	for i < len(e.src) && (e.src[i] == ' ' || e.src[i] == '\t' || e.src[i] == '\\' || e.src[i] == '\r') {
		i++
	}
	if i >= len(e.src) || e.src[i] != '\n' {
		p := e.at(min(stop, len(e.src)))
		e.ws(p, p)
		return
	}
	lo := i
	if lo > stop && e.src[lo-1] == '\r' {
		lo--
	}
	p := e.at(lo)
	e.ws(p, p+i+1-lo)
}

// blockTags are the HTML elements that break the text into words when they
// appear inline, like <br>; other inline tags (<span>, <em>) do not.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"br": true, "dd": true, "div": true, "dl": true, "dt": true,
	"figcaption": true, "figure": true, "footer": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "li": true, "main": true, "nav": true,
	"ol": true, "p": true, "section": true, "table": true, "td": true,
	"th": true, "tr": true, "ul": true,
}

// rawHTML drops an inline HTML tag or comment. <script> and <style> start
// skipping text up to their closing tag; tags that end a line of HTML
// (<br>, </p>) count as white space.
func (e *emitter) rawHTML(n *ast.RawHTML) {
	if n.Segments.Len() == 0 {
		return
	}
	first := n.Segments.At(0)
	last := n.Segments.At(n.Segments.Len() - 1)
	tag := first.Value(e.src)
	closing := len(tag) > 1 && tag[1] == '/'
	name := tag[min(len(tag), 1):]
	if closing {
		name = name[1:]
	}
	k := 0
	for k < len(name) && (name[k] >= 'a' && name[k] <= 'z' || name[k] >= 'A' && name[k] <= 'Z' || k > 0 && name[k] >= '0' && name[k] <= '9') {
		k++
	}
	lname := strings.ToLower(string(name[:k]))
	switch lname {
	case "script", "style":
		selfClosing := strings.HasSuffix(strings.TrimRight(string(last.Value(e.src)), " \t\r\n"), "/>")
		switch {
		case closing && e.skip > 0:
			e.skip--
		case !closing && !selfClosing:
			e.skip++
		}
		return
	}
	if blockTags[lname] && e.skip == 0 {
		lo, hi := e.at(first.Start), e.at(last.Stop)
		e.ws(lo, hi)
	}
}

// isSpaceByte reports ASCII white space.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// text writes the bytes [start, stop) of src. Unless raw, it drops the
// backslash of an escaped punctuation character and decodes entities.
func (e *emitter) text(start, stop int, raw bool) {
	stop = min(stop, len(e.src))
	for p := start; p < stop; {
		r := e.at(p)
		if e.cb != p {
			// p is inside a rune (never for goldmark's segments, which
			// start at ASCII syntax): stand in for the whole rune.
			_, n := utf8.DecodeRune(e.src[e.cb:])
			e.replace("\uFFFD", r, r+1)
			p = min(e.cb+n, stop)
			continue
		}
		// A run of ordinary characters is copied as it is.
		q := p
		for q < stop {
			c := e.src[q]
			if c < utf8.RuneSelf {
				if isSpaceByte(c) || c == 0 || !raw && (c == '\\' || c == '&') {
					break
				}
				q++
				continue
			}
			ru, n := utf8.DecodeRune(e.src[q:stop])
			if ru == utf8.RuneError && n == 1 || unicode.IsSpace(ru) {
				break
			}
			q += n
		}
		if q > p {
			e.flush(q - p)
			e.cr = e.b.Copy(e.str[p:q], r)
			e.cb = q
			p = q
			continue
		}
		c := e.src[p]
		switch {
		case isSpaceByte(c) || c >= utf8.RuneSelf && isSpaceRune(e.src[p:stop]):
			q, n := p, 0
			for q < stop {
				if isSpaceByte(e.src[q]) {
					q++
				} else if ru, size := utf8.DecodeRune(e.src[q:stop]); ru >= utf8.RuneSelf && unicode.IsSpace(ru) {
					q += size
				} else {
					break
				}
				n++
			}
			e.ws(r, r+n)
			e.cb, e.cr = q, r+n
			p = q
		case c >= utf8.RuneSelf || c == 0:
			// Invalid UTF-8 (or a rune cut by stop), or NUL.
			e.replace("\uFFFD", r, r+1)
			p++
		case c == '\\':
			if p+1 < stop && util.IsPunct(e.src[p+1]) {
				e.flush(1)
				e.b.Copy(e.str[p+1:p+2], r+1)
				p += 2
			} else {
				e.flush(1)
				e.b.Copy(`\`, r)
				p++
			}
		case c == '&':
			s, n := entity(e.src[p:stop])
			switch {
			case n == 0:
				e.flush(1)
				e.b.Copy("&", r)
				p++
			case isSpace(s):
				e.ws(r, r+n)
				p += n
			default:
				e.replace(s, r, r+n)
				p += n
			}
		}
	}
}

func isSpaceRune(b []byte) bool {
	ru, _ := utf8.DecodeRune(b)
	return ru != utf8.RuneError && unicode.IsSpace(ru)
}

func isSpace(s string) bool {
	for _, ru := range s {
		if !unicode.IsSpace(ru) {
			return false
		}
	}
	return true
}

// entity decodes the character reference at the start of b ("&amp;",
// "&#233;", "&#xE9;"), as CommonMark does, and returns its value and length
// in bytes (all ASCII), or n == 0 when b does not start with one.
func entity(b []byte) (s string, n int) {
	if len(b) < 3 || b[0] != '&' {
		return "", 0
	}
	if b[1] == '#' {
		i, base, maxDigits := 2, 10, 7
		if b[2] == 'x' || b[2] == 'X' {
			i, base, maxDigits = 3, 16, 6
		}
		j := i
		for j < len(b) && j-i < maxDigits && isDigit(b[j], base) {
			j++
		}
		if j == i || j >= len(b) || b[j] != ';' {
			return "", 0
		}
		v, err := strconv.ParseUint(string(b[i:j]), base, 32)
		if err != nil {
			return "", 0
		}
		return string(util.ToValidRune(rune(v))), j + 1
	}
	j := 1
	for j < len(b) && j <= 32 && (b[j] >= 'a' && b[j] <= 'z' || b[j] >= 'A' && b[j] <= 'Z' || b[j] >= '0' && b[j] <= '9') {
		j++
	}
	if j == 1 || j >= len(b) || b[j] != ';' {
		return "", 0
	}
	ent, ok := util.LookUpHTML5EntityByName(string(b[1:j]))
	if !ok {
		return "", 0
	}
	return strings.ToValidUTF8(string(ent.Characters), "\uFFFD"), j + 1
}

func isDigit(c byte, base int) bool {
	switch {
	case c >= '0' && c <= '9':
		return true
	case base == 16:
		return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	return false
}
