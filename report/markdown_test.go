package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/frame"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// update rewrites the golden files of this package: `go test ./report
// -update`.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func updateGolden() bool { return *update }

// golden compares got with testdata/path, or writes it there with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	path = filepath.Join("testdata", path)
	if updateGolden() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test ./report -update to accept it after reading the diff):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line that differs.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// hostileTexts go into every text field of the document test.
var hostileTexts = []string{
	"pipes | in | text",
	"`code` and ``double`` ticks",
	"<script>alert(1)</script>",
	"</details></td></tr></table><script>alert(2)</script>",
	"line one\nline two\r\nline three",
	"[x](javascript:alert(1)) and <a href=\"javascript:alert(3)\">y</a>",
	"*emphasis* and **strong** and _under_ and ~~strike~~",
	"# heading? - list? > quote? 1. item?",
	"&amp; &lt; &#x3c;script&#x3e; entities",
	`back\slash \| escaped pipe \`,
	"<img src=x onerror=alert(4)> ![img](javascript:alert(5))",
}

func hostileAt(i int) string { return hostileTexts[i%len(hostileTexts)] }

// hostileDocument is a Report whose every text holds hostile text: title,
// summary, articles, events, concepts (which make "What differs"), table
// ids, titles, how-tos, headers and cells, short, long, and shortened from
// a string Value.
func hostileDocument() *Report {
	r := &Report{Title: hostileAt(2) + " title", Summary: []string{"- " + hostileAt(0), "1. " + hostileAt(6), "=== " + hostileAt(4)}}
	for i := range 3 {
		id := "art" + itoa(i)
		r.Articles = append(r.Articles, ArticleRef{ID: id, Path: hostileAt(i) + ".txt", Outlet: "Outlet " + itoa(i) + " " + hostileAt(i+3), Title: hostileAt(i + 5)})
	}
	r.Events = []EventData{{ID: "e1", Label: hostileAt(1) + " event", Articles: []string{"art0", "art1", "art2"}}, {ID: "e2", Label: hostileAt(3), Articles: []string{"art0", "art1"}}}
	mention := func(art int, text string) MentionJSON {
		return MentionJSON{Article: "art" + itoa(art), Outlet: r.Articles[art].Outlet, Text: text}
	}
	for i := range 3 {
		r.Concepts = append(r.Concepts, ConceptJSON{ID: "e1/c" + itoa(i), Label: hostileAt(i + 7), Source: "entity", Event: "e1", Differs: true,
			Mentions: []MentionJSON{mention(0, hostileAt(i)+" isles"), mention(0, hostileAt(i)+" isles"), mention(1, hostileAt(i+4)+" rocks"), mention(2, "the "+hostileAt(i+8)+" reefs")}})
	}
	r.Concepts = append(r.Concepts, ConceptJSON{ID: "e2/same", Label: "same", Source: "mined", Event: "e2",
		Mentions: []MentionJSON{mention(0, "the harbour"), mention(1, "the harbour")}})
	long := strings.Repeat(hostileAt(5)+" "+hostileAt(3)+" ", 4)
	for ti, id := range []string{"overview", "e1-terms", "e1-claims <x>", "e2-terms"} {
		t := &Table{ID: id, Title: hostileAt(ti) + " table", HowTo: hostileAt(ti+1) + " how-to"}
		for c := range ti + 2 {
			t.Columns = append(t.Columns, Column{Key: "k" + itoa(c), Header: hostileAt(ti + c), Number: c == 0})
		}
		for row := range len(hostileTexts) {
			var cells []Cell
			for c := range t.Columns {
				switch k := row + c; {
				case c == 0:
					cells = append(cells, Int(row))
				case k%4 == 1:
					cells = append(cells, Cell{Text: shorten(long, 110), Value: long}) // shortened: full in <details>
				case k%4 == 2:
					cells = append(cells, Str(long)) // long: folded
				case k%4 == 3:
					cells = append(cells, Cell{Text: "—", Value: nil})
				default:
					cells = append(cells, Str(hostileAt(row+c)))
				}
			}
			t.Rows = append(t.Rows, cells)
		}
		r.Tables = append(r.Tables, t)
	}
	r.Tables = append(r.Tables, &Table{ID: "empty", Title: "No rows", Columns: []Column{{Key: "a", Header: "a"}, {Key: "b", Header: "b"}}})
	return r
}

// toHTML renders Markdown as GitHub would: GFM, with raw HTML let through
// (so that any HTML the renderer writes by mistake shows).
func toHTML(t *testing.T, md []byte) *html.Node {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func findAll(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			out = append(out, d)
		}
	}
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// allowed are the elements a Markdown report may hold once rendered.
var allowed = map[atom.Atom]bool{
	atom.Html: true, atom.Head: true, atom.Body: true, atom.H1: true, atom.H2: true, atom.P: true, atom.Em: true,
	atom.A: true, atom.Ul: true, atom.Li: true, atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tr: true,
	atom.Th: true, atom.Td: true, atom.Ol: true, atom.Strong: true,
}

// checkMarkdownHTML checks the rendered document: one <table> per table
// with its columns in every row, only the elements a report writes, links
// to anchors of the document only (or to the web, from linkified text),
// no event handler attribute.
func checkMarkdownHTML(t *testing.T, r *Report, doc *html.Node) []*html.Node {
	t.Helper()
	tables := findAll(doc, atom.Table)
	if len(tables) != len(r.Tables) {
		t.Fatalf("%d <table> elements, want %d", len(tables), len(r.Tables))
	}
	for i, tab := range tables {
		rows := findAll(tab, atom.Tr)
		if want := len(r.Tables[i].Rows) + 1; len(rows) != want {
			t.Errorf("table %s: %d rows, want %d", r.Tables[i].ID, len(rows), want)
		}
		for j, tr := range rows {
			cells := 0
			for c := range tr.ChildNodes() {
				if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
					cells++
				}
			}
			if cells != len(r.Tables[i].Columns) {
				t.Errorf("table %s row %d: %d cells, want %d", r.Tables[i].ID, j, cells, len(r.Tables[i].Columns))
			}
		}
	}
	ids := map[string]bool{}
	for d := range doc.Descendants() {
		if d.Type != html.ElementNode {
			continue
		}
		if !allowed[d.DataAtom] {
			t.Errorf("element <%s> in the rendered report", d.Data)
		}
		for _, a := range d.Attr {
			switch {
			case strings.HasPrefix(strings.ToLower(a.Key), "on"):
				t.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, d.Data)
			case a.Key == "id":
				ids[a.Val] = true
			case a.Key == "href":
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
					t.Errorf("link to %q", a.Val)
				}
			}
		}
	}
	for _, a := range findAll(doc, atom.A) {
		for _, at := range a.Attr {
			if at.Key == "href" && strings.HasPrefix(at.Val, "#") && !ids[at.Val[1:]] {
				t.Errorf("link to %s: no such anchor", at.Val)
			}
		}
	}
	return tables
}

// TestMarkdownDocument renders a report with hostile text in every field
// and reads the result back with a GFM renderer: the tables keep their
// shape, nothing becomes markup, and every text reads as it was.
func TestMarkdownDocument(t *testing.T) {
	r := finish(hostileDocument())
	var md bytes.Buffer
	if err := Render(&md, r, "md", Options{}); err != nil {
		t.Fatal(err)
	}
	doc := toHTML(t, md.Bytes())
	tables := checkMarkdownHTML(t, r, doc)
	for _, bad := range []string{"<script", "javascript:"} {
		for d := range doc.Descendants() {
			if d.Type == html.ElementNode && d.Data == "script" {
				t.Fatalf("a <script> element in the rendered report")
			}
			for _, a := range d.Attr {
				if strings.Contains(strings.ToLower(a.Val), bad) {
					t.Errorf("attribute %s=%q", a.Key, a.Val)
				}
			}
		}
	}
	if h := findAll(doc, atom.H1); len(h) != 1 || textOf(h[0]) != markdownTitle(r) {
		t.Errorf("title reads %q, want %q", textOf(h[0]), markdownTitle(r))
	}
	h2 := findAll(doc, atom.H2)
	if len(h2) != len(r.Tables)+2 || textOf(h2[0]) != "How to read this report" || textOf(h2[1]) != "What differs" {
		t.Fatalf("%d <h2>, want How to read this report, What differs and one per table", len(h2))
	}
	for i, tab := range r.Tables {
		if got := textOf(h2[i+2]); got != oneLine(tab.Title) {
			t.Errorf("heading %d reads %q, want %q", i, got, oneLine(tab.Title))
		}
	}
	// The summary lines, escaped where they start a line.
	var paras []string
	for _, p := range findAll(doc, atom.P) {
		paras = append(paras, textOf(p))
	}
	intro := sentence(r.Title) + "\n" + strings.Join(func() []string {
		var s []string
		for _, l := range r.Summary {
			s = append(s, oneLine(l))
		}
		return s
	}(), "\n")
	if len(paras) == 0 || paras[0] != intro {
		t.Errorf("summary reads %q, want %q", paras[0], intro)
	}
	for _, tab := range r.Tables {
		if tab.HowTo != "" && !containsText(doc, atom.Em, oneLine(tab.HowTo)) {
			t.Errorf("how-to %q not found as read", oneLine(tab.HowTo))
		}
	}
	// Every cell reads as its text; a long cell is shortened, with its
	// whole text in a note under the table, once.
	notes := map[string]*html.Node{} // anchor id → its list item
	for _, li := range findAll(doc, atom.Li) {
		for _, a := range findAll(li, atom.A) {
			for _, at := range a.Attr {
				if at.Key == "id" {
					notes[at.Val] = li
				}
			}
		}
	}
	for i, tab := range tables {
		trs := findAll(tab, atom.Tr)
		for j, c := range r.Tables[i].Columns {
			if got := textOf(nthCell(trs[0], j)); got != oneLine(c.Header) {
				t.Errorf("table %d header %d reads %q, want %q", i, j, got, oneLine(c.Header))
			}
		}
		for ri, row := range r.Tables[i].Rows {
			for ci, cell := range row {
				td := nthCell(trs[ri+1], ci)
				full := oneLine(fullText(cell))
				if full == oneLine(cell.Text) && len([]rune(full)) <= mdLongCell {
					if got := textOf(td); got != full {
						t.Errorf("table %d row %d cell %d reads %q, want %q", i, ri, ci, got, full)
					}
					continue
				}
				// The cell reads as the shortened text (or the Text of a
				// cell with a Detail) and a link to its note; the note
				// reads as the rest, and is written nowhere else.
				as := findAll(td, atom.A)
				if len(as) != 1 || !strings.HasPrefix(as[0].Attr[0].Val, "#") {
					t.Errorf("table %d row %d cell %d: no link to a note in %q", i, ri, ci, textOf(td))
					continue
				}
				note := notes[as[0].Attr[0].Val[1:]]
				if note == nil {
					t.Errorf("table %d row %d cell %d: no note %s", i, ri, ci, as[0].Attr[0].Val)
					continue
				}
				short := strings.TrimSuffix(textOf(td), " "+textOf(as[0]))
				want := full
				if cell.Detail != "" {
					want = oneLine(cell.Detail)
					if short != oneLine(cell.Text) {
						t.Errorf("table %d row %d cell %d reads %q, want %q", i, ri, ci, short, oneLine(cell.Text))
					}
				} else if !strings.HasSuffix(short, "…") || !strings.HasPrefix(full, strings.TrimSuffix(short, "…")) {
					t.Errorf("table %d row %d cell %d: %q does not shorten %q", i, ri, ci, short, full)
				}
				if got := textOf(note); got != want {
					t.Errorf("table %d row %d cell %d: note reads %q, want %q", i, ri, ci, got, want)
				}
				if strings.Contains(textOf(td), want) {
					t.Errorf("table %d row %d cell %d: the note's text is in the cell too: %q", i, ri, ci, textOf(td))
				}
			}
		}
	}
	// What differs: a bullet per concept that differs, linked to its
	// event's term table, with its wordings and outlets as written.
	var lis []*html.Node
	uls := findAll(doc, atom.Ul) // How to read this report, then What differs
	if len(uls) != 2 || len(findAll(uls[0], atom.Li)) != len(howToRead(r)) {
		t.Fatalf("%d lists, want How to read this report (%d items) and What differs", len(uls), len(howToRead(r)))
	}
	lis = findAll(uls[1], atom.Li)
	if len(lis) != 3 {
		t.Fatalf("What differs has %d items, want 3", len(lis))
	}
	for _, li := range lis {
		as := findAll(li, atom.A)
		if len(as) != 1 || as[0].Attr[0].Val != "#e1-terms" {
			t.Errorf("item %q: not linked to #e1-terms", textOf(li))
		}
	}
	for i, c := range r.Concepts[:3] {
		li := textOf(lis[i]) // contrasts tie: concept order
		for _, want := range []string{oneLine(c.Label), oneLine(c.Mentions[0].Text), oneLine(c.Mentions[2].Text), oneLine(r.Articles[0].Outlet)} {
			if !strings.Contains(li, want) {
				t.Errorf("item %q lacks %q", li, want)
			}
		}
	}
}

func nthCell(tr *html.Node, n int) *html.Node {
	i := 0
	for c := range tr.ChildNodes() {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			if i == n {
				return c
			}
			i++
		}
	}
	return &html.Node{}
}

func containsText(doc *html.Node, a atom.Atom, text string) bool {
	for _, n := range findAll(doc, a) {
		if textOf(n) == text {
			return true
		}
	}
	return false
}

// TestMarkdownLineStart: text that starts a line cannot start a block
// (list, heading, setext underline, quote, numbered item).
func TestMarkdownLineStart(t *testing.T) {
	for _, s := range []string{"- item", "+ item", "* item", "1. item", "12) item", "# head", "> quote", "===", "---", "    code", "<div>"} {
		r := &Report{Title: "t", Summary: []string{"first", s}}
		var md bytes.Buffer
		if err := Render(&md, r, "md", Options{}); err != nil {
			t.Fatal(err)
		}
		doc := toHTML(t, md.Bytes())
		ps := findAll(doc, atom.P)
		if len(ps) != 1 || textOf(ps[0]) != "first\n"+strings.TrimSpace(s) {
			t.Errorf("summary line %q: rendered as %q", s, md.String())
		}
		for d := range doc.Descendants() {
			if d.Type == html.ElementNode && !allowed[d.DataAtom] {
				t.Errorf("summary line %q makes <%s>", s, d.Data)
			}
		}
	}
}

// TestMarkdownWhatDiffers: the strongest contrasts first, wordings that
// every outlet uses left out, at most five items.
func TestMarkdownWhatDiffers(t *testing.T) {
	m := func(art int, text string) MentionJSON {
		return MentionJSON{Article: []string{"a", "b", "c"}[art], Outlet: []string{"North Daily", "South Post", "Wire"}[art], Text: text}
	}
	r := &Report{Title: "t", Articles: []ArticleRef{{ID: "a", Outlet: "North Daily"}, {ID: "b", Outlet: "South Post"}, {ID: "c", Outlet: "Wire"}},
		Events: []EventData{{ID: "e1", Label: "The isles dispute", Articles: []string{"a", "b", "c"}}},
		Tables: []*Table{{ID: "terms", Title: "Term choice", Columns: []Column{{Key: "x", Header: "x"}}}}}
	// A weak contrast first in the concepts: the same head word.
	r.Concepts = append(r.Concepts, ConceptJSON{ID: "talks", Label: "talks", Differs: true, Mentions: []MentionJSON{m(0, "the talks"), m(0, "peace talks"), m(1, "the talks"), m(1, "new talks")}})
	r.Concepts = append(r.Concepts, ConceptJSON{ID: "isles", Label: "the isles", Differs: true, Mentions: []MentionJSON{
		m(0, "the Silver Isles"), m(0, "Silver Isles"), m(1, "the Grey Rocks"), m(2, "the Grey Rocks"), m(2, "the isles"), m(0, "the isles"), m(1, "the isles"),
		m(0, "Silver Isles"), {Article: "a", Outlet: "North Daily", Text: "Isles", Nested: true}}})
	for i := range 6 {
		r.Concepts = append(r.Concepts, ConceptJSON{ID: "x" + itoa(i), Label: "x" + itoa(i), Differs: true, Mentions: []MentionJSON{m(0, "alpha"+itoa(i)), m(1, "beta"+itoa(i))}})
	}
	r.Concepts = append(r.Concepts, ConceptJSON{ID: "same", Label: "same", Mentions: []MentionJSON{m(0, "harbour"), m(1, "harbour")}})
	finish(r)
	var md bytes.Buffer
	if err := Render(&md, r, "md", Options{}); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	if !strings.HasPrefix(out, "# The isles dispute: North Daily, South Post and Wire\n") {
		t.Errorf("title: %q", strings.SplitN(out, "\n", 2)[0])
	}
	var items []string
	_, differs, _ := strings.Cut(out, "## What differs\n")
	for _, l := range strings.Split(differs, "\n") {
		if strings.HasPrefix(l, "- ") {
			items = append(items, l)
		}
	}
	if len(items) != mdContrasts {
		t.Fatalf("%d items, want %d:\n%s", len(items), mdContrasts, out)
	}
	want := "- [the isles](#terms) — “the Grey Rocks”: South Post, Wire · “Silver Isles”: North Daily"
	if items[0] != want {
		t.Errorf("first item:\n%s\nwant:\n%s", items[0], want)
	}
	if strings.Contains(out, "[talks]") {
		t.Errorf("a contrast of one head word (talks, peace talks) listed before stronger ones:\n%s", out)
	}
	if strings.Contains(out, "[same]") {
		t.Errorf("a concept named alike listed:\n%s", out)
	}
}

// TestMarkdownSample is the Markdown report of the sample (as `biasdiff
// compare --format md` prints it) against testdata/md/sample.md; it must
// render as valid GFM too.
func TestMarkdownSample(t *testing.T) {
	r := Compare(sampleArticles(t), CompareOptions{Top: 20})
	var md bytes.Buffer
	if err := Render(&md, r, "md", Options{}); err != nil {
		t.Fatal(err)
	}
	doc := toHTML(t, md.Bytes())
	checkMarkdownHTML(t, r, doc)
	// Every text once: no note under a table repeats another.
	seen := map[string]string{}
	for _, li := range findAll(doc, atom.Li) {
		for _, a := range findAll(li, atom.A) {
			for _, at := range a.Attr {
				if at.Key == "id" {
					id := at.Val
					table, _, _ := strings.Cut(id, "-note-")
					key := table + "\x00" + textOf(li)
					if prev, dup := seen[key]; dup {
						t.Errorf("notes %s and %s read the same: %q", prev, id, textOf(li))
					}
					seen[key] = id
				}
			}
		}
	}
	if len(seen) == 0 {
		t.Error("no note under any table of the sample")
	}
	golden(t, "md/sample.md", md.Bytes())
}

// TestContrastWhy: each kind of concept gets its few words on why its
// wordings are of one thing; a concept of no known kind gets none.
func TestContrastWhy(t *testing.T) {
	for _, c := range []struct {
		c    ConceptJSON
		want string
	}{
		{ConceptJSON{Source: frame.Lexical}, "grouped by the concept file"},
		{ConceptJSON{Source: frame.Entity, Tags: []string{frame.TagAlias}}, "a report says these name one thing"},
		{ConceptJSON{Source: frame.Mined}, "wordings that replace each other in aligned sentences, or that a writer sets side by side"},
		{ConceptJSON{Source: frame.Predicate, Confidence: frame.Likely}, "words of like meaning for one act, in statements the reports share"},
		{ConceptJSON{Source: frame.Entity, Confidence: frame.Likely}, "one name, with the titles and descriptions the reports give it"},
		{ConceptJSON{Source: frame.Entity, Confidence: frame.Sure}, "the forms of one name"},
		{ConceptJSON{Source: "other"}, ""},
	} {
		if got := contrastWhy(&c.c); got != c.want {
			t.Errorf("%+v: %q, want %q", c.c, got, c.want)
		}
	}
}
