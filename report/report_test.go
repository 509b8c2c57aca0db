package report

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

var hostile = []string{
	"pipes | in | text",
	"`code` and ``double`` ticks",
	"<script>alert(1)</script>",
	"line one\nline two\r\nline three",
	"*stars* _under_ ~~strike~~ [link](javascript:alert(1)) ![img](x.png)",
	`back\slash \| escaped pipe`,
	"# not a heading &amp; not an entity &lt;",
	"<img src=x onerror=alert(1)>",
}

func hostileReport() *Report {
	t := &Table{ID: "t", Title: "Hostile | title <b>", HowTo: "read `this`",
		Columns: []Column{{Key: "n", Header: "n", Number: true}, {Key: "text", Header: "text | header"}}}
	for i, h := range hostile {
		t.Rows = append(t.Rows, []Cell{Int(i), Str(h)})
	}
	return &Report{Title: "Report <script>", Tables: []*Table{t}}
}

// TestMarkdownHostile renders hostile cell text to Markdown, then renders
// that with a real GFM renderer: the table keeps its shape, every cell reads
// as the original text, and nothing becomes markup.
func TestMarkdownHostile(t *testing.T) {
	var md bytes.Buffer
	if err := Render(&md, hostileReport(), "md", Options{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(md.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	if i := strings.Index(page, "<table>"); i >= 0 {
		page = page[i:] // the italic how-to line above is meant
	}
	for _, bad := range []string{"<script", "<img", "<em>", "<strong>", "<del>", "<a href", "<code>", "<h1>"} {
		if strings.Contains(page, bad) {
			t.Errorf("rendered Markdown contains markup %q:\n%s", bad, page)
		}
	}
	rows := regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(page, -1)
	if len(rows) != len(hostile)+1 {
		t.Fatalf("rendered table has %d rows, want %d:\n%s", len(rows), len(hostile)+1, page)
	}
	cell := regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
	for i, r := range rows[1:] {
		cells := cell.FindAllStringSubmatch(r[1], -1)
		if len(cells) != 2 {
			t.Errorf("row %d has %d cells, want 2: %s", i, len(cells), r[1])
			continue
		}
		got := html.UnescapeString(cells[1][1])
		if want := oneLine(hostile[i]); got != want {
			t.Errorf("row %d reads %q, want %q", i, got, want)
		}
	}
}

// TestTextGrid checks that the text table keeps its grid whatever the cells
// hold: every line of the table has the same display width, within the
// width asked for.
func TestTextGrid(t *testing.T) {
	r := hostileReport()
	r.Tables[0].Rows = append(r.Tables[0].Rows, []Cell{Int(99), Str(strings.Repeat("averyveryverylongwordwithoutspaces", 5) + " and 中文字符 wide runes")})
	for _, width := range []int{40, 80, 200} {
		var b bytes.Buffer
		if err := Render(&b, r, "text", Options{Width: width}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(b.String(), "\n")
		w0 := -1
		for _, l := range lines {
			if !strings.HasPrefix(l, "┌") && !strings.HasPrefix(l, "│") && !strings.HasPrefix(l, "├") && !strings.HasPrefix(l, "└") {
				continue
			}
			w := twwidth.Width(l)
			if w0 < 0 {
				w0 = w
			}
			if w != w0 {
				t.Errorf("width %d: table line %q is %d columns wide, the first was %d", width, l, w, w0)
			}
			if w > width {
				t.Errorf("width %d: table line is %d columns wide", width, w)
			}
		}
		if w0 < 0 {
			t.Fatalf("no table drawn:\n%s", b.String())
		}
	}
}

// TestJSONRows checks that rows are objects keyed by column, in order, with
// numbers as numbers.
func TestJSONRows(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, hostileReport(), "json", Options{}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Tables []struct {
			ID   string
			Rows []map[string]any
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Tables) != 1 || len(got.Tables[0].Rows) != len(hostile) {
		t.Fatalf("got %+v", got)
	}
	for i, row := range got.Tables[0].Rows {
		if row["n"] != float64(i) || row["text"] != hostile[i] {
			t.Errorf("row %d: %v", i, row)
		}
	}
	if !strings.Contains(b.String(), `"n": 0,`+"\n") {
		t.Errorf("keys not in column order:\n%s", b.String())
	}
}

// TestColorDiffMarks: marks are coloured, colour is reset before every
// cell border, and a mark that wraps stays coloured on its next line.
func TestColorDiffMarks(t *testing.T) {
	r := &Report{Title: "t", Tables: []*Table{{ID: "d", Title: "d", Columns: []Column{{Key: "diff", Header: "diff"}},
		Rows: [][]Cell{{Str("the islands were [-returned to the neighbouring country-] {+handed over+} today")}}}}}
	var b bytes.Buffer
	if err := Render(&b, r, "text", Options{Width: 30, Color: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, ansiRed+"[-returned") || !strings.Contains(out, ansiGreen+"{+handed") {
		t.Fatalf("marks not coloured:\n%q", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "│") && strings.Contains(line, "\x1b[") {
			// Every colour opened on a line is closed before the border.
			cells := strings.Split(line, "│")
			for _, c := range cells {
				if strings.Count(c, ansiReset) < strings.Count(c, ansiRed)+strings.Count(c, ansiGreen) {
					t.Errorf("colour crosses a border: %q", line)
				}
			}
		}
	}
	if n := strings.Count(out, ansiRed); n < 2 {
		t.Errorf("a wrapped deletion should be red on each of its lines; red opened %d times:\n%s", n, out)
	}
}

// TestCutRendered: a table that leaves rows out says so under it, in the
// same words, in text, Markdown and HTML, and as "cut" in JSON; CSV, the
// rows alone, does not; a table that leaves nothing out says nothing.
func TestCutRendered(t *testing.T) {
	cut := &Cut{Shown: 2, Total: 9, Noun: "claims", Detail: "left out: 7 claims that one report alone carries", JSON: "events[].omission"}
	const line = "2 of 9 claims shown (left out: 7 claims that one report alone carries); --top 0 shows all, and the JSON report (--format json) has every one in events[].omission."
	if got := cut.Line(); got != line {
		t.Fatalf("Line() = %q, want %q", got, line)
	}
	tab := &Table{ID: "omission", Title: "Omission", Columns: []Column{{Key: "claim", Header: "claim"}}, Rows: [][]Cell{{Str("one")}, {Str("two")}}, Cut: cut}
	whole := &Table{ID: "terms", Title: "Terms", Columns: []Column{{Key: "concept", Header: "Concept"}}, Rows: [][]Cell{{Str("three")}}}
	r := &Report{Version: FormatVersion, Title: "t", Tables: []*Table{tab, whole}}
	for format, want := range map[string]string{
		"text": "\n" + line + "\n",
		"md":   "\n_" + MarkdownInline(line) + "_\n",
		"html": `<p class="note">` + htmlEscaper.Replace(line) + "</p>",
		"json": `"cut": {
        "shown": 2,
        "total": 9,
        "noun": "claims",
        "text": "` + line + `"
      }`,
	} {
		var b bytes.Buffer
		if err := Render(&b, r, format, Options{Width: 80}); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(b.String(), want); n != 1 {
			t.Errorf("%s: %d times %q, want once, under the cut table only:\n%s", format, n, want, b.String())
		}
	}
	var b bytes.Buffer
	if err := RenderCSV(&b, r, "omission"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "shown") {
		t.Errorf("csv: %q", b.String())
	}
	inst := reportInstance(t, r)
	if err := compileSchema(t).Validate(inst); err != nil {
		t.Errorf("JSON with a cut does not match %s: %v", schemaPath, err)
	}
}
