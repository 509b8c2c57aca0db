package mdread

import (
	"errors"
	"fmt"
	"html"
	"maps"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Meta
		body int // Doc.Body, in runes
		text string
	}{{
		name: "none",
		src:  "Just a paragraph.\n",
		text: "Just a paragraph.",
	}, {
		name: "all fields",
		src: "---\ntitle: Floods hit the north\noutlet: Kyodo\ndate: 2019-01-14\n" +
			"url: https://example.org/a\nlang: en\nauthor: Jane Roe\n---\nBody.\n",
		want: Meta{Title: "Floods hit the north", Outlet: "Kyodo", Date: "2019-01-14",
			URL: "https://example.org/a", Language: "en", Extra: map[string]string{"author": "Jane Roe"}},
		body: 120,
		text: "Body.",
	}, {
		name: "aliases",
		src: "---\nsite_name: RT\npublished: 2020-02-03T10:00:00+03:00\ncanonical: https://rt.com/x\n" +
			"language: ru\n---\n",
		want: Meta{Outlet: "RT", Date: "2020-02-03T10:00:00+03:00", URL: "https://rt.com/x", Language: "ru"},
		body: 100,
	}, {
		name: "more aliases",
		src:  "---\npublisher: AP\ndate_published: '2021-05-06'\nsource_url: http://a.b/c\n---\n",
		want: Meta{Outlet: "AP", Date: "2021-05-06", URL: "http://a.b/c"},
		body: 76,
	}, {
		name: "pubdate link site",
		src:  "---\nsite: Inforos\npubdate: 2022-01-01\nlink: http://x.y\n---\n",
		want: Meta{Outlet: "Inforos", Date: "2022-01-01", URL: "http://x.y"},
		body: 59,
	}, {
		name: "keys ignore case and separators",
		src:  "---\nTitle: A\nSOURCE: B\ndatePublished: 2019-01-14\nSite-Name: C\n---\n",
		want: Meta{Title: "A", Outlet: "B", Date: "2019-01-14", Extra: map[string]string{"site-name": "C"}},
		body: 66,
	}, {
		name: "first present wins",
		src:  "---\nsource: Reuters\npublisher: AP\nurl: http://a\nlink: http://b\n---\n",
		want: Meta{Outlet: "Reuters", URL: "http://a",
			Extra: map[string]string{"publisher": "AP", "link": "http://b"}},
		body: 67,
	}, {
		name: "null and empty values are absent",
		src:  "---\nsource:\npublisher: ~\nsite: ''\noutlet: BBC\n---\n",
		want: Meta{Outlet: "BBC"},
		body: 50,
	}, {
		name: "timestamps as written",
		src:  "---\ndate: 2019-01-14 08:30:00\nupdated: 2019-01-15\n---\n",
		want: Meta{Date: "2019-01-14 08:30:00", Extra: map[string]string{"updated": "2019-01-15"}},
		body: 54,
	}, {
		name: "scalars, sequences, mappings",
		src: "---\ntitle: \"Quoted: yes\"\nauthors: [Ann, Bob]\nwords: 1200\ndraft: false\n" +
			"geo: {lat: 1, lon: 2}\nnested: [[a]]\ntitle2: &t Anchored\nalias: *t\n---\n",
		want: Meta{Title: "Quoted: yes", Extra: map[string]string{
			"authors": "Ann, Bob", "words": "1200", "draft": "false", "title2": "Anchored", "alias": "Anchored"}},
		body: 140,
	}, {
		name: "folded title is trimmed",
		src:  "---\ntitle: >\n  Two words\n---\n",
		want: Meta{Title: "Two words"},
		body: 29,
	}, {
		name: "dots close",
		src:  "---\ntitle: T\n...\nText.\n",
		want: Meta{Title: "T"},
		body: 17,
		text: "Text.",
	}, {
		name: "crlf and blanks after fences",
		src:  "--- \r\ntitle: T\r\n---\t\r\n\r\nText.\r\n",
		want: Meta{Title: "T"},
		body: 22,
		text: "Text.",
	}, {
		name: "byte order mark",
		src:  "\ufeff---\ntitle: T\n---\nText.\n",
		want: Meta{Title: "T"},
		body: 18,
		text: "Text.",
	}, {
		name: "bom without front matter",
		src:  "\ufeff# Head\n",
		want: Meta{Title: "Head"},
		body: 1,
		text: "Head",
	}, {
		name: "empty",
		src:  "---\n---\n",
		body: 8,
	}, {
		name: "comments only",
		src:  "---\n# nothing here\n---\nX\n",
		body: 23,
		text: "X",
	}, {
		name: "null document",
		src:  "---\n~\n---\nX\n",
		body: 10,
		text: "X",
	}, {
		name: "no trailing newline",
		src:  "---\ntitle: T\n---",
		want: Meta{Title: "T"},
		body: 16,
	}, {
		name: "heading is the title",
		src:  "---\noutlet: O\n---\nIntro.\n\n# The Head *line*\n\n# Second\n",
		want: Meta{Title: "The Head line", Outlet: "O"},
		body: 18,
		text: "Intro.\nThe Head line\nSecond",
	}, {
		name: "front matter title wins over heading",
		src:  "---\ntitle: FM\n---\n# Heading\n",
		want: Meta{Title: "FM"},
		body: 18,
		text: "Heading",
	}, {
		name: "setext heading is the title",
		src:  "Heading &amp; more\n===\n\n## Not\n",
		want: Meta{Title: "Heading & more"},
		text: "Heading & more\nNot",
	}, {
		name: "level 2 is no title",
		src:  "## Sub\n",
		text: "Sub",
	}, {
		name: "four dashes is a thematic break",
		src:  "----\nText\n",
		text: "Text",
	}, {
		name: "indented fence is no front matter",
		src:  " ---\nText\n",
		text: "Text",
	}, {
		name: "fence in a block scalar does not close",
		src:  "---\nsummary: |\n  ---\n  x\n---\nB\n",
		want: Meta{Extra: map[string]string{"summary": "---\nx"}},
		body: 29,
		text: "B",
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if tc.want.Extra == nil && len(doc.Meta.Extra) == 0 {
				doc.Meta.Extra = nil
			}
			if !metaEqual(doc.Meta, tc.want) {
				t.Errorf("Meta = %+v, want %+v", doc.Meta, tc.want)
			}
			if doc.Body != tc.body {
				t.Errorf("Body = %d, want %d", doc.Body, tc.body)
			}
			if doc.Text.S != tc.text {
				t.Errorf("Text = %q, want %q", doc.Text.S, tc.text)
			}
			checkMap(t, tc.src, doc)
		})
	}
}

func metaEqual(a, b Meta) bool {
	return a.Title == b.Title && a.Outlet == b.Outlet && a.Date == b.Date &&
		a.URL == b.URL && a.Language == b.Language && maps.Equal(a.Extra, b.Extra)
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{{
		name: "unterminated",
		src:  "---\ntitle: x\n\nBody text.\n",
		line: 1,
		msg:  "line 1: unterminated front matter: no closing '---' or '...' line",
	}, {
		name: "only the opening fence",
		src:  "---\n",
		line: 1,
		msg:  "line 1: unterminated front matter: no closing '---' or '...' line",
	}, {
		name: "indented closing fence",
		src:  "---\ntitle: x\n ---\n",
		line: 1,
		msg:  "line 1: unterminated front matter: no closing '---' or '...' line",
	}, {
		name: "unclosed flow sequence",
		src:  "---\ntitle: x\ndate: [\n---\nBody\n",
		line: 3,
		msg:  "line 3: invalid front matter yaml: did not find expected node content",
	}, {
		name: "tab indentation",
		src:  "---\ntitle: a\n\tb: 2\n---\n",
		line: 3,
		msg:  "line 3: invalid front matter yaml: found a tab character that violates indentation",
	}, {
		name: "colon in plain value, crlf",
		src:  "---\r\ntitle: a\r\nb: c: d\r\n---\r\n",
		line: 3,
		msg:  "line 3: invalid front matter yaml: mapping values are not allowed in this context",
	}, {
		name: "unclosed quote",
		src:  "---\ntitle: \"open\n---\n",
		line: 3,
		msg:  "line 3: invalid front matter yaml: found unexpected end of stream",
	}, {
		name: "bad token after bom, dots fence",
		src:  "\ufeff---\nx: 1\n@y\n...\n",
		line: 3,
		msg:  "line 3: invalid front matter yaml: found character that cannot start any token",
	}, {
		name: "unknown anchor has no line in yaml",
		src:  "---\na: *nope\n---\n",
		line: 1,
		msg:  "line 1: invalid front matter yaml: unknown anchor 'nope' referenced",
	}, {
		name: "sequence",
		src:  "---\n- a\n- b\n---\n",
		line: 2,
		msg:  "line 2: front matter is not a mapping (found a sequence)",
	}, {
		name: "scalar",
		src:  "---\n\n\njust text\n---\n",
		line: 4,
		msg:  "line 4: front matter is not a mapping (found a scalar)",
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte(tc.src))
			if err == nil {
				t.Fatalf("no error; doc %+v", doc)
			}
			if err.Error() != tc.msg {
				t.Errorf("error %q, want %q", err, tc.msg)
			}
			var fe *FrontMatterError
			if !errors.As(err, &fe) || fe.Line != tc.line {
				t.Errorf("error %#v, want a *FrontMatterError at line %d", err, tc.line)
			}
			if msg := strings.TrimPrefix(err.Error(), "mdread: "); msg != strings.ToLower(msg) && !strings.Contains(msg, "'") {
				t.Errorf("error %q is not lower case", err)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"emphasis", "Some *em* and _em_, **strong** __strong__ ***both***.\n", "Some em and em, strong strong both."},
		{"intraword emphasis", "foo**bar**baz\n", "foobarbaz"},
		{"strikethrough", "It was ~~false~~ true.\n", "It was false true."},
		{"inline link", "Read [the report](https://x.org/r \"T\") now.\n", "Read the report now."},
		{"reference link", "[ref]: https://x.org\n\nSee [the *site*][ref] and [ref].\n", "See the site and ref."},
		{"autolink", "Mail <news@x.org> or <https://x.org>.\n", "Mail news@x.org or https://x.org."},
		{"image dropped", "Before ![a photo](p.jpg \"t\") after.\n\n![alone](q.png)\n\nEnd.\n", "Before after.\nEnd."},
		{"image in link", "[![logo](l.png) Home](/)\n", "Home"},
		{"inline code", "Call `f(a, b)` or ``a`b``.\n", "Call f(a, b) or a`b."},
		{"code is raw", "`a\\*b &amp;`\n", `a\*b &amp;`},
		{"code span over lines", "`one\ntwo`\n", "one two"},
		{"html block", "<div class=\"ad\">\nBuy now\n</div>\n\nText.\n", "Text."},
		{"script block", "<script>\nvar x = \"secret\";\n</script>\nText.\n", "Text."},
		{"style block", "<style>p { color: red }</style>\n\nText.\n", "Text."},
		{"comment block", "<!--\nhidden\n-->\nText.\n", "Text."},
		{"inline script", "A <script>alert(1)</script>B and <STYLE type=x>p{}</style> C.\n", "A B and C."},
		{"inline tags", "x<span>y</span>z <em>w</em>.\n", "xyz w."},
		{"inline break tags", "one<br>two<br/>three</p>four\n", "one two three four"},
		{"inline comment", "a<!-- b -->c\n", "ac"},
		{"soft break", "one\ntwo\n  three\n", "one two three"},
		{"hard breaks", "one  \ntwo\\\nthree\n", "one two three"},
		{"indented code", "Text.\n\n    code line\n\nMore.\n", "Text.\nMore."},
		{"fenced code", "```go\nfunc f() {}\n```\n~~~\nx\n~~~\nText.\n", "Text."},
		{"thematic breaks", "A\n\n***\n\nB\n\n- - -\n\n___\n\nC\n", "A\nB\nC"},
		{"entities", "AT&amp;T &copy; caf&#233; &#xE9;t&#XE9; &lt;b&gt; &quot;q&quot;\n", "AT&T © café été <b> \"q\""},
		{"entity spaces", "a&nbsp;b &#32; c\n", "a b c"},
		{"not entities", "&foo; & &#; &#x; &#12345678; &amp\n", "&foo; & &#; &#x; &#12345678; &amp"},
		{"invalid code point", "&#0; &#xD800; &#x110000; &#x1100000;\n", "\uFFFD \uFFFD \uFFFD &#x1100000;"},
		{"backslash escapes", "\\*not em\\* \\[x\\] \\\\ \\a\n", `*not em* [x] \ \a`},
		{"atx headings", "# One #\n## Two ##\n###### Six\n#hashtag\n", "One\nTwo\nSix\n#hashtag"},
		{"empty heading", "#\n\nText\n", "Text"},
		{"lists", "- one\n- two\n  - nested *a*\n1. first\n2) second\n", "one\ntwo\nnested a\nfirst\nsecond"},
		{"loose list", "- p1\n\n  p2\n\n- p3\n", "p1\np2\np3"},
		{"blockquote", "> Quoted\n> text.\n>\n> > Deeper.\n\nAfter.\n", "Quoted text.\nDeeper.\nAfter."},
		{"lazy continuation", "> a\nb\n", "a b"},
		{"table", "| Name | Votes |\n|:-----|------:|\n| *Ann* | 1 |\n| B \\| C | `x \\| y` |\n|  | 3 |\n", "Name\tVotes\nAnn\t1\nB | C\tx | y\n3"},
		{"footnotes in source order", "Claim[^1] here.\n\n[^1]: The *note*.\n\nAfter.\n", "Claim here.\nThe note.\nAfter."},
		{"unused footnote", "Text.\n\n[^x]: Unused.\n", "Text."},
		{"white space", "a \t b\u00a0\u00a0c\u3000d\n", "a b c d"},
		{"nul", "a\x00b\n", "a\uFFFDb"},
		{"invalid utf-8", "a\xffb \xe2\x82 c\xc3\n", "a\uFFFDb \uFFFD\uFFFD c\uFFFD"},
		{"cyrillic and cjk", "# Новости\n\nПривет, *мир*! 東京で**地震**。😀\n", "Новости\nПривет, мир! 東京で地震。😀"},
		{"crlf", "# Title\r\n\r\nLine one\r\nline two  \r\nthree\r\n\r\n- item\r\n", "Title\nLine one line two three\nitem"},
		{"empty", "", ""},
		{"blank", "\n\n  \n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text.S != tc.want {
				t.Errorf("Text:\n got %q\nwant %q", doc.Text.S, tc.want)
			}
			checkMap(t, tc.src, doc)
		})
	}
}

// TestSpans checks the source ranges of chosen pieces of text, in runes.
func TestSpans(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		piece  string // first occurrence in Text.S
		source string // the source text it must map to
		lo     int    // its rune offset
	}{
		{"after front matter", "---\ntitle: T\n---\nHello *world*.\n", "world", "world", 24},
		{"non-ascii front matter", "---\ntitle: Привет\n---\nМир *дом*.\n", "дом", "дом", 27},
		{"cyrillic", "Привет, *мир*!\n", "мир", "мир", 9},
		{"emoji", "😀😀 **ok**\n", "ok", "ok", 5},
		{"cjk line", "東京\n\n大阪で*雨*\n", "大阪で雨", "大阪で*雨", 4},
		{"soft break is the newline", "ab\ncd\n", "b c", "b\nc", 1},
		{"crlf break", "ab\r\ncd\n", " ", "\r\n", 2},
		{"hard break", "ab  \ncd\n", " ", "\n", 4},
		{"backslash break crlf", "ab\\\r\ncd\n", " ", "\r\n", 3},
		{"entity", "A &amp; B\n", "&", "&amp;", 2},
		{"numeric entity after non-ascii", "é&#233;\n", "éé", "é&#233;", 0},
		{"escape", "\\*x\n", "*", "*", 1},
		{"link text", "[Ünïcode](http://x)\n", "Ünïcode", "Ünïcode", 1},
		{"space maps to first white space", "a ![i](x) b\n", " ", " ", 1},
		{"heading", "---\na: б\n---\n# Заголовок\n", "Заголовок", "Заголовок", 15},
		{"table cell", "| я | ты |\n|---|---|\n", "ты", "ты", 6},
		{"footnote", "X[^1]\n\n[^1]: Ноте\n", "Ноте", "Ноте", 13},
		{"bom", "\ufeffé\n", "é", "é", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			b0 := strings.Index(doc.Text.S, tc.piece)
			if b0 < 0 {
				t.Fatalf("%q not in %q", tc.piece, doc.Text.S)
			}
			lo, hi := doc.Text.Span(b0, b0+len(tc.piece))
			src := []rune(tc.src)
			if got := string(src[lo:hi]); got != tc.source || lo != tc.lo {
				t.Errorf("%q maps to [%d,%d) %q, want [%d,…) %q", tc.piece, lo, hi, got, tc.lo, tc.source)
			}
			checkMap(t, tc.src, doc)
		})
	}
}

// checkMap checks the invariants of doc.Text against src (see mapError) and
// that each line, and each word of it, maps to a range of src whose visible
// text contains it.
func checkMap(t *testing.T, src string, doc Doc) {
	t.Helper()
	if err := mapError(src, doc); err != "" {
		t.Error(err)
	} else if err := wordsError(src, doc); err != "" {
		t.Error(err)
	}
}

// mapError checks the invariants that hold for any input: the text is valid
// UTF-8 with non-empty, trimmed lines; every byte maps into the body of the
// file, in non-decreasing order; a rune that maps to one source rune is that
// rune (or a space for white space, or U+FFFD for NUL or invalid UTF-8); a
// rune mapping to more is a space or a decoded entity; a rune mapping to
// none is a line or cell separator.
func mapError(src string, doc Doc) string {
	s := doc.Text.S
	runes := []rune(src)
	n := len(runes)
	if !utf8.ValidString(s) {
		return fmt.Sprintf("text is not valid UTF-8: %q", s)
	}
	if doc.Body < 0 || doc.Body > n {
		return fmt.Sprintf("Body %d out of range", doc.Body)
	}
	for line := range strings.SplitSeq(s, "\n") {
		if s != "" && (line == "" || strings.TrimSpace(line) != line) {
			return fmt.Sprintf("empty or untrimmed line in %q", s)
		}
	}
	prevLo, prevHi := 0, 0
	for i := range len(s) {
		lo, hi := doc.Text.Span(i, i+1)
		if lo < 0 || lo > hi || hi > n {
			return fmt.Sprintf("byte %d maps out of range: [%d,%d)", i, lo, hi)
		}
		if lo < prevLo || hi < prevHi {
			return fmt.Sprintf("map decreases at byte %d of %q", i, s)
		}
		if lo < doc.Body {
			return fmt.Sprintf("byte %d maps into the front matter", i)
		}
		prevLo, prevHi = lo, hi
	}
	for i, c := range s {
		lo, hi := doc.Text.Span(i, i+1)
		ok := false
		switch hi - lo {
		case 0:
			ok = c == '\n' || c == '\t'
		case 1:
			r := runes[lo]
			ok = c == r || c == ' ' && unicode.IsSpace(r) ||
				c == '\uFFFD' && (r == utf8.RuneError || r == 0)
		default:
			ok = c == ' ' || runes[lo] == '&'
		}
		if !ok {
			return fmt.Sprintf("rune %q at byte %d maps to %q", c, i, string(runes[lo:hi]))
		}
	}
	return ""
}

// wordsError checks that each line, and each word of it, maps to a range of
// src whose visible text holds its runes in order.
func wordsError(src string, doc Doc) string {
	s := doc.Text.S
	if s == "" {
		return ""
	}
	runes := []rune(src)
	off := 0
	for line := range strings.SplitSeq(s, "\n") {
		lo, hi := doc.Text.Span(off, off+len(line))
		if v := visible(runes[lo:hi]); !containsWords(v, line) {
			return fmt.Sprintf("line %q maps to %q", line, string(runes[lo:hi]))
		}
		for w0 := 0; w0 < len(line); {
			w1 := strings.IndexFunc(line[w0:], unicode.IsSpace)
			if w1 < 0 {
				w1 = len(line)
			} else {
				w1 += w0
			}
			if w1 > w0 {
				lo, hi := doc.Text.Span(off+w0, off+w1)
				if !subsequence(line[w0:w1], visible(runes[lo:hi])) {
					return fmt.Sprintf("word %q maps to %q", line[w0:w1], string(runes[lo:hi]))
				}
			}
			w0 = w1 + 1
		}
		off += len(line) + 1
	}
	return ""
}

// visible is what a reader sees of a piece of Markdown source, roughly: the
// source with entities decoded, then the source itself (for text that looks
// like an entity but is none).
func visible(r []rune) string {
	s := string(r)
	return html.UnescapeString(s) + "\x00" + s
}

// containsWords reports whether every word of line occurs, in order and
// possibly with markup between its characters, in v.
func containsWords(v, line string) bool {
	for _, w := range strings.Fields(line) {
		i := subsequenceEnd(w, v)
		if i < 0 {
			return false
		}
		v = v[i:]
	}
	return true
}

func subsequence(w, v string) bool { return subsequenceEnd(w, v) >= 0 }

// subsequenceEnd returns the end in v of the first match of w's runes, in
// order, or -1.
func subsequenceEnd(w, v string) int {
	i := 0
	for _, r := range w {
		for {
			if i >= len(v) {
				return -1
			}
			c, n := utf8.DecodeRuneInString(v[i:])
			i += n
			if c == r || r == '\uFFFD' && (c == utf8.RuneError || c == 0) {
				break
			}
		}
	}
	return i
}

func TestConcurrent(t *testing.T) {
	src := []byte(benchArticle(3))
	want, err := Read(src)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				got, err := Read(src)
				if err != nil || got.Text.S != want.Text.S || !metaEqual(got.Meta, want.Meta) {
					t.Error("concurrent Read differs")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestLarge(t *testing.T) {
	src := benchArticle(200)
	doc, err := Read([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	checkMap(t, src, doc)
	if doc.Meta.Title != "Flood waters rise in Kyūshū" || doc.Meta.Date != "2019-01-14" {
		t.Errorf("Meta = %+v", doc.Meta)
	}
}
