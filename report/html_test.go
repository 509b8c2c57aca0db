package report

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/align/wdiff"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/attribution"
	"github.com/biasdiff/biasdiff/frame/choice"
	"github.com/biasdiff/biasdiff/frame/distinctive"
)

// htmlSampleReport is the report `biasdiff compare` makes of the sample.
func htmlSampleReport(t testing.TB) *Report {
	t.Helper()
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Compare(arts, CompareOptions{})
}

func htmlRender(t testing.TB, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := RenderHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func htmlParse(t testing.TB, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// htmlWalk calls f on every element under n.
func htmlWalk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		htmlWalk(c, f)
	}
}

// htmlText is the text under n, <style> and <title> included.
func htmlText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

var htmlHostile = []string{
	`<script>alert(1)</script>`,
	`" onerror="alert(1)`,
	`javascript:alert(1)`,
	`</style><script>x</script>`,
	`<img src=x onerror=alert(1)>`,
	`' onmouseover='alert(1)`,
	`]]></svg><script>alert(2)</script>`,
}

func htmlHostileAt(i int) string { return htmlHostile[i%len(htmlHostile)] }

// htmlHostileReport is a Report whose every text is hostile: title,
// summary, outlets, ids, tables (ids, titles, how-tos, headers, cells, term
// phrases), claims and quotes with their diffs, concepts and mentions,
// speakers, distinctive words.
func htmlHostileReport() *Report {
	h := htmlHostileAt
	r := &Report{Title: h(0) + " title", Summary: []string{h(1), h(2), h(3)}}
	ids := []string{"a0", h(4), "a2"}
	for i, id := range ids {
		r.Articles = append(r.Articles, ArticleRef{ID: id, Path: h(i) + ".txt", Outlet: "Outlet " + h(i+1), Title: h(i + 2), Date: h(i + 3), Removed: []corpus.Removal{{Text: h(i + 4), Start: 0, End: 5, Reason: h(i + 5)}}})
	}
	// Claims: each article's sentence is hostile; the diffs are real.
	claim := func(texts ...string) align.Claim {
		var c align.Claim
		for ai, t := range texts {
			c.Members = append(c.Members, align.Member{Article: ai, Sentence: ai, Start: 100 * ai, End: 100*ai + len([]rune(t)), Text: t, Position: align.Body})
		}
		for b := 1; b < len(texts); b++ {
			c.Diffs = append(c.Diffs, align.Diff{A: 0, B: b, Edits: wdiff.Words(texts[0], texts[b])})
		}
		return c
	}
	ev := EventData{ID: "e1", Label: h(5), Articles: ids,
		Claims: []align.Claim{
			claim("The islands "+h(0)+" were returned.", "The islands "+h(1)+" were handed over "+h(4)+".", h(3)),
			claim(h(2)+" said the minister", h(6)+" said the minister "+h(0)),
			{Members: []align.Member{{Article: 1, Sentence: 9, Text: h(5), Position: align.Lede}, {Article: 2, Sentence: 9, Text: h(6), Position: align.End}},
				Diffs: []align.Diff{{A: 1, B: 2, Edits: []wdiff.Edit{{Op: wdiff.Insert, A: wdiff.Range{Start: 0, End: 99}}}}}}, // edits that do not fit: plain text
		},
		Quotes: []align.QuoteCluster{{Speaker: h(1), Variants: []align.Variant{
			{Article: 0, Speaker: h(1), Verb: h(2), Text: h(3) + " we said"},
			{Article: 2, Speaker: h(1), Verb: h(4), Text: h(5) + " we said"},
		}}},
		Attribution: attribution.Attribution{Speakers: []attribution.SpeakerRow{
			{Speaker: h(0), Named: true, Quotes: []int{3, 0, 1}},
			{Speaker: h(3), Quotes: []int{1, 2, 0}},
			{Speaker: "", Quotes: []int{0, 0, 2}},
		}},
		Distinctive: []distinctive.OutletTerms{
			{Outlet: h(2), Articles: []int{0}, Terms: []distinctive.Term{{Term: h(3), Surface: h(4), Count: 3, Z: 2.5}, {Term: h(5), Count: 2, Z: math.NaN()}}},
			{Outlet: h(6), Articles: []int{1}},
		},
	}
	r.Events = []EventData{ev}
	for i := range 3 {
		c := ConceptJSON{ID: "c" + h(i), Label: h(i + 1), Source: frame.Source(h(i + 2)), Differs: true}
		for ai, id := range ids {
			c.Mentions = append(c.Mentions,
				MentionJSON{Article: id, Outlet: r.Articles[ai].Outlet, Sentence: ai, Start: 100*ai + 12, End: 100*ai + 12 + len([]rune(h(i))), Text: h(i)},
				MentionJSON{Article: id, Outlet: r.Articles[ai].Outlet, Sentence: 42, Text: h(i + 3)},
				MentionJSON{Article: id, Outlet: r.Articles[ai].Outlet, Sentence: -1, Text: h(i + 4), Nested: true})
		}
		r.Concepts = append(r.Concepts, c)
	}
	type phrase struct {
		Text  string `json:"text"`
		Count int    `json:"count"`
	}
	long := strings.Repeat(h(0)+" "+h(3)+" ", 12)
	generic := func(id string) *Table {
		t := &Table{ID: id, Title: h(len(id)) + " " + id, HowTo: h(len(id)+1) + " how-to"}
		for c := range 5 {
			t.Columns = append(t.Columns, Column{Key: "k" + h(c), Header: h(c + 2), Number: c == 3})
		}
		for row := range len(htmlHostile) {
			t.Rows = append(t.Rows, []Cell{
				Str(h(row)),
				{Text: shorten(long, 110), Value: long},
				Str(long),
				Int(row),
				{Text: shorten(h(row+1)+long, 50), Value: []int{row}, Full: h(row+1) + long},
			})
		}
		return t
	}
	terms := &Table{ID: "terms", Title: h(1), HowTo: h(2),
		Columns: append([]Column{{Key: "concept", Header: h(3)}, {Key: "source", Header: h(4)}}, Column{Key: ids[0], Header: h(0)}, Column{Key: ids[1], Header: h(1)}, Column{Key: ids[2], Header: h(2)})}
	for i := range 3 {
		row := []Cell{Str(h(i + 1)), Str(h(i))}
		for ai := range ids {
			row = append(row, Cell{Text: h(ai), Value: []phrase{{h(i + ai), 2}, {h(i + ai + 1), 1}}})
		}
		terms.Rows = append(terms.Rows, row)
	}
	omission := &Table{ID: "omission", Title: h(0), HowTo: h(1),
		Columns: []Column{{Key: "claim", Header: h(2)}, {Key: ids[0], Header: h(3)}, {Key: ids[1], Header: h(4)}, {Key: ids[2], Header: h(5)}, {Key: "carried_by", Header: h(6), Number: true}},
		Rows: [][]Cell{
			{{Text: shorten(long, 90), Value: long}, Str("headline"), Str("lede"), Str("body"), Int(3)},
			{Str(h(1)), Str("end"), {Text: "—"}, Str(h(2)), Int(1)},
			{Str(h(3)), Str("50%"), Str("0%"), Str("100%"), {}},
		}}
	r.Tables = []*Table{generic("overview"), terms, omission, generic("emphasis"), generic("attribution"), generic("distinctive"),
		generic("claims"), generic("quotes"), generic(h(0)), generic(h(1)), {ID: "empty", Title: h(2)}}
	return finish(r)
}

// htmlCheckSafe parses page and fails on anything a hostile text could have
// smuggled in: a script element, an event handler attribute, a
// javascript: URL, a second style element or hostile text inside ours, or
// a URL that leaves the page.
func htmlCheckSafe(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc := htmlParse(t, page)
	styles := 0
	htmlWalk(doc, func(n *html.Node) {
		switch strings.ToLower(n.Data) {
		case "script", "iframe", "object", "embed", "img", "foreignobject", "base", "link", "meta":
			if n.Data == "meta" && len(n.Attr) > 0 && (n.Attr[0].Key == "charset" || n.Attr[0].Key == "name") {
				break
			}
			t.Errorf("element <%s> in the page", n.Data)
		case "style":
			styles++
			css := htmlText(n)
			for _, h := range htmlHostile {
				if strings.Contains(css, h) {
					t.Errorf("style element holds %q", h)
				}
			}
			for _, bad := range []string{"url(", "@import", "expression("} {
				if strings.Contains(css, bad) {
					t.Errorf("style element has %q", bad)
				}
			}
		}
		for _, a := range n.Attr {
			key, val := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(key, "on") {
				t.Errorf("<%s %s=%q>: an event handler", n.Data, a.Key, a.Val)
			}
			switch key {
			case "href", "src", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background":
				if strings.HasPrefix(val, "javascript:") {
					t.Errorf("<%s %s=%q>: a javascript: URL", n.Data, a.Key, a.Val)
				}
				if strings.HasPrefix(val, "http:") || strings.HasPrefix(val, "https:") || strings.HasPrefix(val, "//") {
					t.Errorf("<%s %s=%q>: a URL out of the page", n.Data, a.Key, a.Val)
				}
				if key != "href" || !strings.HasPrefix(val, "#") {
					t.Errorf("<%s %s=%q>: not a link inside the page", n.Data, a.Key, a.Val)
				}
			case "style":
				if strings.Contains(val, "url(") || strings.Contains(val, "expression") {
					t.Errorf("<%s style=%q>", n.Data, a.Val)
				}
			}
		}
	})
	if styles != 1 {
		t.Errorf("%d style elements, want 1", styles)
	}
	return doc
}

func TestHTMLHostile(t *testing.T) {
	r := htmlHostileReport()
	page := htmlRender(t, r)
	doc := htmlCheckSafe(t, page)
	// Every hostile text is shown as text, not dropped.
	text := htmlText(doc)
	for _, h := range htmlHostile {
		if !strings.Contains(text, h) {
			t.Errorf("%q is not in the page's text", h)
		}
	}
	// The views built from the event data are there.
	for _, want := range []string{`<ins>`, `<del>`, `class="pos pos-headline"`, `<svg class="bars"`, `<mark>`, `class="phrases"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %s", want)
		}
	}
	if !bytes.Equal(page, htmlRender(t, r)) {
		t.Error("two renderings differ")
	}
}

// TestHTMLSelfContained: the sample page fetches nothing, runs nothing and
// every in-page link lands on an element; ids are unique.
func TestHTMLSelfContained(t *testing.T) {
	page := htmlRender(t, htmlSampleReport(t))
	doc := htmlCheckSafe(t, page)
	ids := map[string]bool{}
	var targets []string
	htmlWalk(doc, func(n *html.Node) {
		for _, a := range n.Attr {
			switch a.Key {
			case "id":
				if ids[a.Val] {
					t.Errorf("id %q twice", a.Val)
				}
				ids[a.Val] = true
			case "href":
				targets = append(targets, strings.TrimPrefix(a.Val, "#"))
			}
		}
	})
	for _, id := range targets {
		if !ids[id] {
			t.Errorf("link to #%s: no such element", id)
		}
	}
	if len(targets) < 50 {
		t.Errorf("%d in-page links, want the contents and the term table's", len(targets))
	}
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:|//)`).Find(page); m != nil {
		t.Errorf("a URL out of the page: %s", m)
	}
}

// TestHTMLSample compares the sample's page with the golden file.
func TestHTMLSample(t *testing.T) {
	got := htmlRender(t, htmlSampleReport(t))
	path := filepath.Join("testdata", "html", "sample.html")
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
		t.Fatalf("%v (run go test ./report -run HTML -update)", err)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		line := bytes.Count(got[:i], []byte("\n")) + 1
		t.Errorf("page differs from %s at line %d (byte %d):\ngot  %q\nwant %q\n(go test ./report -run HTML -update rewrites it)",
			path, line, i, htmlAround(got, i), htmlAround(want, i))
	}
}

func htmlAround(b []byte, i int) string {
	return string(b[max(0, i-60):min(len(b), i+60)])
}

// TestHTMLDeterministic: the same input gives the same bytes, from the
// articles on.
func TestHTMLDeterministic(t *testing.T) {
	a := htmlRender(t, htmlSampleReport(t))
	b := htmlRender(t, htmlSampleReport(t))
	if !bytes.Equal(a, b) {
		t.Fatalf("two renderings differ at byte %d", bytes.Index(a, b))
	}
}

// TestHTMLSections: every table has its section, under its id, with its
// title and how-to, listed in the contents; the views from the event data
// are where they belong.
func TestHTMLSections(t *testing.T) {
	r := htmlSampleReport(t)
	page := htmlRender(t, r)
	doc := htmlParse(t, page)
	sections := map[string]*html.Node{}
	htmlWalk(doc, func(n *html.Node) {
		if n.Data == "section" {
			for _, a := range n.Attr {
				if a.Key == "id" {
					sections[a.Val] = n
				}
			}
		}
	})
	for _, tb := range r.Tables {
		sec := sections[anchor(tb.ID)]
		if sec == nil {
			t.Errorf("no section %q", tb.ID)
			continue
		}
		text := htmlText(sec)
		if !strings.Contains(text, tb.Title) || !strings.Contains(text, tb.HowTo) {
			t.Errorf("section %q lacks its title or how-to", tb.ID)
		}
		if !bytes.Contains(page, []byte(`<a href="#`+anchor(tb.ID)+`">`)) {
			t.Errorf("contents lack %q", tb.ID)
		}
	}
	has := func(id, what string) {
		t.Helper()
		var b bytes.Buffer
		if sec := sections[id]; sec != nil {
			_ = html.Render(&b, sec)
		}
		if !strings.Contains(b.String(), what) {
			t.Errorf("section %q lacks %s", id, what)
		}
	}
	has("terms", `<td class="phrases"><a href="#concept-southern-kuril-islands--eurasiatimes">the Southern Kuriles</a>`)
	has("terms", `<div class="concept" id="concept-southern-kuril-islands">`)
	has("terms", `<mark>the Southern Kuriles</mark>`)
	has("omission", `<td class="pos pos-headline">headline</td>`)
	has("omission", `<td class="pos pos-none">—</td>`)
	has("omission", `class="legend"`)
	has("claims", `<del>are to be held in Moscow</del> <ins>will be held</ins> on January 22.`)
	has("claims", `<td class="gap">`)
	has("quotes", `<td class="lead">Sergey Lavrov</td>`)
	has("attribution", `<svg class="bars"`)
	has("distinctive", `<svg class="bars"`)
	// Claims two reports carry: one row each, as in the claims table.
	if n := strings.Count(htmlText(sections["claims"]), "reference"); n < 7 {
		t.Errorf("%d reference wordings in the claims, want one a row", n)
	}
}

// TestE2EPage writes the sample's page to $BIASDIFF_E2E_OUT, for
// scripts/e2e.sh; it is skipped when that is not set.
func TestE2EPage(t *testing.T) {
	out := os.Getenv("BIASDIFF_E2E_OUT")
	if out == "" {
		t.Skip("BIASDIFF_E2E_OUT not set")
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, htmlRender(t, htmlSampleReport(t)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestHTMLDiffSegs(t *testing.T) {
	show := func(segs []hSeg) string {
		var b strings.Builder
		for _, s := range segs {
			switch s.Op {
			case "":
				b.WriteString(s.Text)
			default:
				b.WriteString("<" + s.Op + ">" + s.Text + "</" + s.Op + ">")
			}
		}
		return b.String()
	}
	texts := []string{"the islands were returned to Japan", "the islands were handed over to  Japan", "the islands, returned"}
	diffs := []align.Diff{{A: 0, B: 1, Edits: wdiff.Words(texts[0], texts[1])}, {A: 0, B: 2, Edits: wdiff.Words(texts[0], texts[2])}}
	for _, c := range []struct {
		b    int
		want string
	}{
		{0, "the islands were returned to Japan"}, // the reference: plain
		{1, "the islands were <del>returned</del> <ins>handed over</ins> to Japan"},
		{2, "the islands <del>were returned to Japan</del><ins>, returned</ins>"},
	} {
		if got := show(diffSegs(texts, 0, c.b, diffs)); got != c.want {
			t.Errorf("%d: got  %q\nwant %q", c.b, got, c.want)
		}
	}
	long := strings.Repeat("word ", 20) + "end"
	segs := diffSegs([]string{long, "end"}, 0, 1, []align.Diff{{A: 0, B: 1, Edits: wdiff.Words(long, "end")}})
	if got := show(segs); got != "<cut>−20 words</cut> end" {
		t.Errorf("long deletion: %q", got)
	}
	// Diffs that do not fit the texts show the text plain.
	for _, edits := range [][]wdiff.Edit{
		{{Op: wdiff.Equal, A: wdiff.Range{End: 3}, B: wdiff.Range{End: 99}}},
		{{Op: wdiff.Equal, A: wdiff.Range{Start: 1, End: 3}, B: wdiff.Range{End: 3}}},
		{{Op: 7, A: wdiff.Range{End: 3}, B: wdiff.Range{End: 3}}},
		{{Op: wdiff.Insert, A: wdiff.Range{End: 1}, B: wdiff.Range{End: 3}}},
		{{Op: wdiff.Equal, A: wdiff.Range{End: 1}, B: wdiff.Range{End: 1}}},
		{{Op: wdiff.Equal, A: wdiff.Range{End: 1}, B: wdiff.Range{End: 1}}, {Op: wdiff.Delete, A: wdiff.Range{Start: 1, End: 3}, B: wdiff.Range{Start: 1, End: 1}}},
	} {
		got := show(diffSegs([]string{"été", "été"}, 0, 1, []align.Diff{{A: 0, B: 1, Edits: edits}}))
		if got != "été" {
			t.Errorf("edits %v: %q, want the text plain", edits, got)
		}
	}
	if got := show(diffSegs([]string{"a", "b"}, 0, 1, nil)); got != "b" {
		t.Errorf("no diff: %q", got)
	}
}

func TestBarChart(t *testing.T) {
	got := string(barChart(`<b>"chart"</b>`, []Bar{
		{Label: "Sergey Lavrov", Value: 9, Text: "9"},
		{Label: `<script>alert(1)</script> & a very long label indeed`, Value: 2, Text: `"2" <x>`},
		{Label: "zero", Value: 0, Text: "0"},
		{Label: "nan", Value: math.NaN(), Text: "NaN"},
		{Label: "tiny", Value: 0.001, Text: "0.00"},
	}, 0))
	want := `<svg class="bars" viewBox="0 0 400 120" width="400" height="120" role="img" aria-label="&lt;b&gt;&#34;chart&#34;&lt;/b&gt;"><title>&lt;b&gt;&#34;chart&#34;&lt;/b&gt;</title>` +
		`<g><text class="bl" x="180" y="17" text-anchor="end"><title>Sergey Lavrov</title>Sergey Lavrov</text><rect class="bar" x="186" y="4" width="170" height="16"></rect><text class="bv" x="360" y="17">9</text></g>` +
		`<g><text class="bl" x="180" y="41" text-anchor="end"><title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; a very long label indeed</title>&lt;script&gt;alert(1)&lt;/sc…</text><rect class="bar" x="186" y="28" width="38" height="16"></rect><text class="bv" x="228" y="41">&#34;2&#34; &lt;x&gt;</text></g>` +
		`<g><text class="bl" x="180" y="65" text-anchor="end"><title>zero</title>zero</text><rect class="bar" x="186" y="52" width="0" height="16"></rect><text class="bv" x="190" y="65">0</text></g>` +
		`<g><text class="bl" x="180" y="89" text-anchor="end"><title>nan</title>nan</text><rect class="bar" x="186" y="76" width="0" height="16"></rect><text class="bv" x="190" y="89">NaN</text></g>` +
		`<g><text class="bl" x="180" y="113" text-anchor="end"><title>tiny</title>tiny</text><rect class="bar" x="186" y="100" width="1" height="16"></rect><text class="bv" x="191" y="113">0.00</text></g></svg>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A shared scale: a bar of 2 on a scale of 10 is a fifth of the longest.
	if s := string(barChart("t", []Bar{{Label: "a", Value: 2, Text: "2"}}, 10)); !strings.Contains(s, `width="34"`) {
		t.Errorf("scale 10: %s", s)
	}
	if s := string(barChart("empty", nil, 0)); !strings.HasPrefix(s, `<svg class="bars" viewBox="0 0 400 24"`) || !strings.HasSuffix(s, `</svg>`) {
		t.Errorf("no bars: %s", s)
	}
	// The chart is well-formed markup with no element but its own.
	doc := htmlParse(t, []byte("<!DOCTYPE html><body>"+got))
	htmlWalk(doc, func(n *html.Node) {
		switch n.Data {
		case "html", "head", "body", "svg", "title", "g", "text", "rect":
		default:
			t.Errorf("element <%s> in the chart", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("attribute %s in the chart", a.Key)
			}
		}
	})
}

// TestHTMLTwoEvents: with two events, each event's tables (ids prefixed
// with the event's) get the views of their own event's data.
func TestHTMLTwoEvents(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range arts {
		a.Event = []string{"alpha", "beta"}[min(i/3, 1)]
	}
	r := Compare(arts, CompareOptions{})
	if len(r.Events) != 2 {
		t.Fatalf("%d events, want 2", len(r.Events))
	}
	page := htmlRender(t, r)
	htmlCheckSafe(t, page)
	s := string(page)
	for _, ev := range r.Events {
		for _, want := range []string{
			`<section id="` + anchor(ev.ID) + `-terms">`,
			`<h3 id="` + anchor(ev.ID) + `-terms-mentions">Event ` + ev.ID + `: mentions in context</h3>`,
			`<a class="top" href="#` + anchor(ev.ID) + `-terms">`,
			`<section id="` + anchor(ev.ID) + `-omission">`,
		} {
			if !strings.Contains(s, want) {
				t.Errorf("event %s: page lacks %s", ev.ID, want)
			}
		}
		// The claims view shows the event's reports only.
		i := strings.Index(s, `<section id="`+anchor(ev.ID)+`-claims">`)
		if i < 0 {
			t.Errorf("event %s: no claims section", ev.ID)
			continue
		}
		sec := s[i : i+strings.Index(s[i:], "</section>")]
		if got := strings.Count(sec[:strings.Index(sec, "</thead>")], "<th "); got != len(ev.Articles) {
			t.Errorf("event %s: %d columns in the claims, want %d", ev.ID, got, len(ev.Articles))
		}
	}
}

// The page opens, as the Markdown report does, with the event's title and
// "What differs": first in the contents, each contrast linked to the term
// table that has it.
func TestHTMLWhatDiffers(t *testing.T) {
	r := htmlSampleReport(t)
	page := string(htmlRender(t, r))
	var md bytes.Buffer
	if err := Render(&md, r, "md", Options{}); err != nil {
		t.Fatal(err)
	}
	title, _, _ := strings.Cut(strings.TrimPrefix(md.String(), "# "), "\n")
	if !strings.Contains(page, "<h1>"+html.EscapeString(title)+"</h1>") {
		t.Errorf("page title is not the Markdown report's %q", title)
	}
	toc := page[strings.Index(page, `<nav class="toc"`):]
	if first := toc[strings.Index(toc, "<li>"):]; !strings.HasPrefix(first, `<li><a href="#what-differs">What differs</a>`) {
		t.Errorf("the contents do not start with What differs: %.80s", first)
	}
	wd, _ := buildWhatDiffers(r)
	if len(wd.Items) == 0 {
		t.Fatal("the sample has no contrast")
	}
	for _, it := range wd.Items {
		if !strings.Contains(page, `<li><a href="#`+it.Table+`">`+html.EscapeString(it.Label)+`</a>`) {
			t.Errorf("What differs lacks %q linked to #%s", it.Label, it.Table)
		}
	}
}

// TestHTMLClaimsNear: in the claims side by side, a report that does not
// carry a claim but has a sentence of similar wording shows "≈" and that
// sentence, not a bare gap.
func TestHTMLClaimsNear(t *testing.T) {
	r := htmlSampleReport(t)
	page := string(htmlRender(t, r))
	var want string
	for _, ev := range r.Events {
		for _, c := range ev.Claims {
			if c.Outlets() < 2 {
				continue
			}
			for _, n := range c.Near {
				if n.Similar && want == "" {
					want = `<td class="gap pos-similar"><details><summary>≈ ` + string(n.Position)
				}
			}
		}
	}
	if want == "" {
		t.Fatal("the sample has no shared claim with a similar sentence in a report without it")
	}
	if !strings.Contains(page, want) {
		t.Errorf("page lacks %q", want)
	}
}

// TestHTMLChoicesHostile: the word choices view (the reports' texts with
// their marks, the reasons on hover, the table) shows hostile text as
// text, in the marks, around them and in the reasons.
func TestHTMLChoicesHostile(t *testing.T) {
	var arts []*corpus.Article
	var choices []choice.Choice
	for i, h := range htmlHostile {
		text := "Before " + h + " the word " + h + " after."
		a := &corpus.Article{ID: "a" + itoa(i), Outlet: "Outlet " + h, Title: h,
			Sentences: []corpus.Sentence{{Text: text, Start: 0, End: len([]rune(text))}}}
		arts = append(arts, a)
		at := len([]rune("Before " + h + " the word "))
		choices = append(choices, choice.Choice{Mention: frame.Mention{Article: i, Sentence: 0, Start: at, End: at + len([]rune(h)), Text: h}, Kind: choice.KindLoaded, Why: "why " + h})
	}
	tab := ChoicesTable(arts, choices, 0)
	tab.Kind = tab.ID
	r := &Report{Title: "t", Tables: []*Table{tab}}
	page := htmlRender(t, r)
	doc := htmlCheckSafe(t, page)
	text := htmlText(doc)
	for _, h := range htmlHostile {
		if !strings.Contains(text, "Before "+h+" the word "+h+" after.") {
			t.Errorf("the report's text with %q is not shown as text", h)
		}
	}
	if n := bytes.Count(page, []byte(`<mark class="k-loaded" title="loaded word: why `)); n != len(htmlHostile) {
		t.Errorf("%d marks with their reason, want %d", n, len(htmlHostile))
	}
	// Markdown: the table keeps its shape, each context reads as its text,
	// the mark in bold.
	var md bytes.Buffer
	if err := Render(&md, r, "md", Options{}); err != nil {
		t.Fatal(err)
	}
	mdoc := toHTML(t, md.Bytes())
	tables := checkMarkdownHTML(t, r, mdoc)
	trs := findAll(tables[0], atom.Tr)
	for i, h := range htmlHostile {
		td := nthCell(trs[i+1], 3)
		if got, want := textOf(td), "Before "+h+" the word "+h+" after."; got != want {
			t.Errorf("row %d: context reads %q, want %q", i, got, want)
		}
		if b := findAll(td, atom.Strong); len(b) != 1 || textOf(b[0]) != h {
			t.Errorf("row %d: the mark is not the bold %q", i, h)
		}
	}
}
