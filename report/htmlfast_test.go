package report

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"
)

// The templates Body and hSegs.HTML stand for, as they were written in
// html.tmpl: the fast writers must give the same bytes.
const slowTemplates = `{{define "body"}}{{range $i, $r := .Rows}}<tr{{with index $.RowClass $i}} class="{{.}}"{{end}}>{{range $r}}{{template "cell" .}}{{end}}</tr>
{{end -}}{{end}}
{{- define "cell" -}}
<td{{if or .Number .Class}} class="{{if .Number}}num{{end}}{{if and .Number .Class}} {{end}}{{.Class}}"{{end}}>
{{- if .Links}}{{range $i, $l := .Links}}{{if $i}}<span class="sep">; </span>{{end}}<a href="#{{$l.Target}}">{{$l.Text}}{{if $l.Count}} <span class="count">{{$l.Count}}</span>{{end}}</a>{{end -}}
{{else if .Full}}<details><summary>{{.Text}}</summary>{{.Full}}</details>
{{- else}}{{.Text}}{{end -}}
</td>
{{- end}}
{{- define "side" -}}
<div class="scroll"><table class="side" style="--cols: {{len .Columns}}">
<thead><tr>{{if .Lead}}<th scope="col" class="lead">{{.Lead}}</th>{{end}}{{range .Columns}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{if $.Lead}}<td class="lead">{{.Lead}}</td>{{end}}
{{- range .Cells}}{{if .Gap}}<td class="gap"><span aria-hidden="true">—</span><span class="sr">not in this report</span></td>
{{- else}}<td{{if .Ref}} class="ref"{{end}}>{{if or .Where .Ref}}<span class="tag">{{.Where}}{{if and .Where .Ref}} · {{end}}{{if .Ref}}<b>reference</b>{{end}}</span>{{end}}
{{- if .Quote}}“{{end}}{{.Segs.HTML}}{{if .Quote}}”{{end}}{{if .Note}} <span class="verb">({{.Note}})</span>{{end}}</td>{{end}}
{{- end}}</tr>
{{end -}}
</tbody>
</table></div>
{{end}}
{{- define "mentions" -}}
<h3 id="{{.ID}}">{{.Title}}</h3>
<p class="howto">Each phrase of the table above links here: every sentence where a report names the thing, the name <mark>marked</mark>.</p>
{{range .Concepts}}<div class="concept" id="{{.ID}}">
<h4>{{.Label}} <span class="source">found by {{.Source}}</span> <a class="top" href="#{{$.Table}}">↑ term table</a></h4>
<div class="outlets">
{{range .Outlets}}<div class="outlet" id="{{.ID}}"><h5>{{.Outlet}}</h5><ul>
{{range .Items}}<li>{{.Segs.HTML}} <span class="where">{{.Where}}</span></li>
{{end -}}
</ul></div>
{{end -}}
</div>
</div>
{{end -}}
{{end}}
{{- define "segs"}}{{range .}}{{if eq .Op "ins"}}<ins>{{.Text}}</ins>{{else if eq .Op "del"}}<del>{{.Text}}</del>{{else if eq .Op "cut"}}<del class="cut" title="{{.Title}}">{{.Text}}</del>{{else if eq .Op "mark"}}<mark>{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}{{end}}`

func TestHTMLFastMatchesTemplate(t *testing.T) {
	slow := template.Must(template.New("t").Parse(slowTemplates))
	rng := rand.New(rand.NewPCG(7, 9))
	pieces := []string{"", "a", "Grey Rocks", "<b>", "&amp;", `"q"`, "it's", "1+1", "\x00", "é", "“x”", "a/b?c=d#e", "%41", " ", "\n", "—", "日本"}
	str := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 500 {
		tb := &hTable{}
		for range rng.IntN(4) {
			var row []hCell
			for range rng.IntN(4) {
				c := hCell{Text: str(), Number: rng.IntN(2) == 0, Class: str()}
				switch rng.IntN(3) {
				case 0:
					c.Full = str()
				case 1:
					for range rng.IntN(3) {
						c.Links = append(c.Links, hLink{Text: str(), Target: str(), Count: str()})
					}
				}
				row = append(row, c)
			}
			tb.Rows = append(tb.Rows, row)
			tb.RowClass = append(tb.RowClass, str())
		}
		var want strings.Builder
		if err := slow.ExecuteTemplate(&want, "body", tb); err != nil {
			t.Fatal(err)
		}
		if got := string(tb.Body()); got != want.String() {
			t.Fatalf("table %+v:\nfast %q\nslow %q", tb, got, want.String())
		}

		var segs hSegs
		ops := []string{"", "ins", "del", "cut", "mark"}
		for range rng.IntN(5) {
			segs = append(segs, hSeg{Op: ops[rng.IntN(len(ops))], Text: str(), Title: str()})
		}
		want.Reset()
		if err := slow.ExecuteTemplate(&want, "segs", []hSeg(segs)); err != nil {
			t.Fatal(err)
		}
		if got := string(segs.HTML()); got != want.String() {
			t.Fatalf("segs %+v:\nfast %q\nslow %q", segs, got, want.String())
		}

		side := &hSide{Lead: str()}
		for range rng.IntN(3) {
			side.Columns = append(side.Columns, str())
		}
		for range rng.IntN(3) {
			row := hSideRow{Lead: str()}
			for range rng.IntN(3) {
				row.Cells = append(row.Cells, hSideCell{Gap: rng.IntN(3) == 0, Ref: rng.IntN(2) == 0, Where: str(), Quote: rng.IntN(2) == 0, Note: str(), Segs: segs})
			}
			side.Rows = append(side.Rows, row)
		}
		want.Reset()
		if err := slow.ExecuteTemplate(&want, "side", side); err != nil {
			t.Fatal(err)
		}
		if got := string(side.HTML()); got != want.String() {
			t.Fatalf("side %+v:\nfast %q\nslow %q", side, got, want.String())
		}

		ms := &hMentions{ID: str(), Title: str(), Table: str()}
		for range rng.IntN(3) {
			c := hConcept{ID: str(), Label: str(), Source: str()}
			for range rng.IntN(3) {
				g := hMentionGroup{ID: str(), Outlet: str()}
				for range rng.IntN(3) {
					g.Items = append(g.Items, hMention{Where: str(), Segs: segs})
				}
				c.Outlets = append(c.Outlets, g)
			}
			ms.Concepts = append(ms.Concepts, c)
		}
		want.Reset()
		if err := slow.ExecuteTemplate(&want, "mentions", ms); err != nil {
			t.Fatal(err)
		}
		if got := string(ms.HTML()); got != want.String() {
			t.Fatalf("mentions %+v:\nfast %q\nslow %q", ms, got, want.String())
		}
	}
}

// oneLine's shortcut (isOneLine) changes nothing: on strings of spaces,
// controls, no-break spaces, C1 controls, invalid bytes and text, the
// result is the same as the rune-by-rune fold (foldLine).
func TestOneLineShortcut(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "word", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "\x7f", "\x01", "\xff", "é", "日", "\xc2", "—"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := oneLine(s), foldLine(s); got != want {
			t.Fatalf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
}
