package htmlread

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// schar is one visible character of the source: a literal character or a
// whole character reference, with its source rune range.
type schar struct {
	r0, r1 int32
	space  bool
}

// stream is the visible text of the source in document order. n holds the
// non-space characters only, concatenated, and ni maps each byte of n to the
// schar it came from; alignment runs on n.
type stream struct {
	ch []schar
	n  []byte
	ni []int32
}

// rawText are the elements whose content the tokenizer returns as one raw
// text token; none of it is visible text.
var rawText = map[string]bool{
	"script": true, "style": true, "iframe": true, "noscript": true, "noembed": true,
	"noframes": true, "xmp": true, "textarea": true, "title": true, "plaintext": true,
}

// breakout are the start tags that end SVG or MathML content in the HTML
// parser ("foreign content"), closing the open foreign elements.
var breakout = map[string]bool{
	"b": true, "big": true, "blockquote": true, "body": true, "br": true, "center": true,
	"code": true, "dd": true, "div": true, "dl": true, "dt": true, "em": true, "embed": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"hr": true, "i": true, "img": true, "li": true, "listing": true, "menu": true,
	"meta": true, "nobr": true, "ol": true, "p": true, "pre": true, "ruby": true, "s": true,
	"small": true, "span": true, "strong": true, "strike": true, "sub": true, "sup": true,
	"table": true, "tt": true, "u": true, "ul": true, "var": true,
}

// ignorable reports whether r is invisible formatting that extraction and
// alignment drop: NUL, soft hyphen, zero-width space, word joiner, BOM.
func ignorable(r rune) bool {
	switch r {
	case 0, '\u00ad', '\u200b', '\u2060', '\ufeff':
		return true
	}
	return false
}

// scan collects the visible characters of d.text with the tokenizer, which
// does not build a tree, so every token's raw bytes and hence its source
// offsets are known.
func scan(d *decoded) *stream {
	st := &stream{
		ch: make([]schar, 0, len(d.text)/4),
		n:  make([]byte, 0, len(d.text)/5),
		ni: make([]int32, 0, len(d.text)/5),
	}
	z := html.NewTokenizer(bytes.NewReader(d.text))
	off := 0
	skipNext := false
	// foreign holds the open elements of an <svg> or <math> subtree, closed
	// the way the parser closes them; template counts open <template>s.
	var foreign []string
	template := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		if off+len(raw) > len(d.text) || !bytes.Equal(raw, d.text[off:off+len(raw)]) {
			// Never seen; it would mean the tokens do not tile the input.
			break
		}
		switch tt {
		case html.TextToken:
			if !skipNext && len(foreign) == 0 && template == 0 {
				st.addText(d, raw, off)
			}
			skipNext = false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			skipNext = rawText[tag]
			open := tt == html.StartTagToken
			switch {
			case len(foreign) > 0 && breakout[tag]:
				foreign = foreign[:0]
			case len(foreign) > 0:
				if open {
					foreign = append(foreign, tag)
				}
			case open && (tag == "svg" || tag == "math"):
				foreign = append(foreign, tag)
			case open && tag == "template":
				template++
			}
			if len(foreign) > 0 && skipNext {
				// <title>, <style> or <script> inside SVG or MathML is not
				// raw text; the parser tells its tokenizer so too.
				z.NextIsNotRawText()
				skipNext = false
			}
		case html.EndTagToken:
			skipNext = false
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case len(foreign) > 0:
				i := len(foreign) - 1
				for i >= 0 && foreign[i] != tag {
					i--
				}
				foreign = foreign[:max(i, 0)]
			case tag == "template" && template > 0:
				template--
			}
		default:
			skipNext = false
		}
		off += len(raw)
	}
	return st
}

// addText appends the characters of one raw text token starting at byte
// off of d.text, decoding character references one by one.
func (st *stream) addText(d *decoded, raw []byte, off int) {
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(raw); {
		if raw[i] == '&' {
			if n, s := charRef(raw[i:]); n > 0 {
				st.add(d, off+i, off+i+n, s)
				i += n
				continue
			}
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r < utf8.RuneSelf {
			st.addRune(d, off+i, off+i+1, r, raw[i:i+1])
		} else {
			w := utf8.EncodeRune(buf[:], r)
			st.addRune(d, off+i, off+i+n, r, buf[:w])
		}
		i += n
	}
}

func (st *stream) addRune(d *decoded, b0, b1 int, r rune, enc []byte) {
	if ignorable(r) {
		return
	}
	r0, r1 := d.span(b0, b1)
	idx := int32(len(st.ch))
	sp := unicode.IsSpace(r)
	st.ch = append(st.ch, schar{r0: int32(r0), r1: int32(r1), space: sp})
	if !sp {
		st.n = append(st.n, enc...)
		for range enc {
			st.ni = append(st.ni, idx)
		}
	}
}

// add appends a decoded character reference, which may stand for two runes.
func (st *stream) add(d *decoded, b0, b1 int, s string) {
	var kept []rune
	sp := true
	for _, r := range s {
		if ignorable(r) {
			continue
		}
		kept = append(kept, r)
		sp = sp && unicode.IsSpace(r)
	}
	if len(kept) == 0 {
		return
	}
	r0, r1 := d.span(b0, b1)
	idx := int32(len(st.ch))
	st.ch = append(st.ch, schar{r0: int32(r0), r1: int32(r1), space: sp})
	if sp {
		return
	}
	for _, r := range kept {
		if unicode.IsSpace(r) {
			continue
		}
		st.n = utf8.AppendRune(st.n, r)
		for len(st.ni) < len(st.n) {
			st.ni = append(st.ni, idx)
		}
	}
}

// charRef decodes the character reference at the start of b (which starts
// with '&') the way the HTML tokenizer does for text, and returns the bytes
// it spans and its value; n is 0 when b does not start with one.
func charRef(b []byte) (n int, s string) {
	i := 1
	if i < len(b) && b[i] == '#' {
		i++
		hex := i < len(b) && (b[i] == 'x' || b[i] == 'X')
		if hex {
			i++
		}
		j := i
		for j < len(b) && (isDigit(b[j]) || hex && isHex(b[j])) {
			j++
		}
		if j == i {
			return 0, ""
		}
		if j < len(b) && b[j] == ';' {
			j++
		}
		return j, html.UnescapeString(string(b[:j]))
	}
	for i < len(b) && isAlnum(b[i]) {
		i++
	}
	if i == 1 {
		return 0, ""
	}
	if i < len(b) && b[i] == ';' {
		i++
	}
	chunk := string(b[:i])
	dec := html.UnescapeString(chunk)
	if dec == chunk {
		return 0, ""
	}
	// A reference without ';' may match a prefix of the name ("&notit" is
	// "¬it"): the rest is left as is at the end of dec. The value itself is
	// at least one rune.
	_, first := utf8.DecodeRuneInString(dec)
	k := 0
	for k < len(chunk)-2 && k < len(dec)-first && chunk[len(chunk)-1-k] == dec[len(dec)-1-k] {
		k++
	}
	return len(chunk) - k, dec[:len(dec)-k]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func isAlnum(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
