package report

import (
	"fmt"
	"html/template"
	"strings"
)

// The hot parts of the HTML page — table bodies and diffed wordings, which
// hold most of its bytes — are written here rather than by the template,
// whose reflection costs tens of times more for each cell. They escape
// exactly as html/template does in the same places, so that the page is the
// same bytes either way (TestHTMLFastMatchesTemplate checks it).

// htmlEscaper escapes text and quoted attribute values as html/template
// does.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// fragmentEscape escapes s as html/template does inside a URL after its
// "#": every byte but the unreserved ones percent-encoded. A file name so
// escaped is a relative URL to the file beside the page.
func fragmentEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02x", c)
	}
	return b.String()
}

// Body is the rows of the table, each on a line.
func (t *hTable) Body() template.HTML {
	var b strings.Builder
	for i, row := range t.Rows {
		b.WriteString("<tr")
		if i < len(t.RowClass) && t.RowClass[i] != "" {
			b.WriteString(` class="`)
			b.WriteString(htmlEscaper.Replace(t.RowClass[i]))
			b.WriteByte('"')
		}
		b.WriteByte('>')
		for _, c := range row {
			c.write(&b)
		}
		b.WriteString("</tr>\n")
	}
	return template.HTML(b.String())
}

func (c *hCell) write(b *strings.Builder) {
	b.WriteString("<td")
	if c.Number || c.Class != "" {
		b.WriteString(` class="`)
		if c.Number {
			b.WriteString("num")
		}
		if c.Number && c.Class != "" {
			b.WriteByte(' ')
		}
		b.WriteString(htmlEscaper.Replace(c.Class))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	switch {
	case len(c.Links) > 0:
		for i, l := range c.Links {
			if i > 0 {
				b.WriteString(`<span class="sep">; </span>`)
			}
			if l.File != "" {
				b.WriteString(`<a href="`)
				b.WriteString(fragmentEscape(l.File))
			} else {
				b.WriteString(`<a href="#`)
				b.WriteString(fragmentEscape(l.Target))
			}
			b.WriteString(`">`)
			b.WriteString(htmlEscaper.Replace(l.Text))
			if l.Count != "" {
				b.WriteString(` <span class="count">`)
				b.WriteString(htmlEscaper.Replace(l.Count))
				b.WriteString("</span>")
			}
			b.WriteString("</a>")
		}
	case c.Full != "":
		b.WriteString("<details><summary>")
		b.WriteString(htmlEscaper.Replace(c.Text))
		b.WriteString("</summary>")
		b.WriteString(htmlEscaper.Replace(c.Full))
		b.WriteString("</details>")
	case c.Marked != "":
		b.WriteString(htmlEscaper.Replace(c.Before))
		b.WriteString("<mark>")
		b.WriteString(htmlEscaper.Replace(c.Marked))
		b.WriteString("</mark>")
		b.WriteString(htmlEscaper.Replace(c.After))
	default:
		b.WriteString(htmlEscaper.Replace(c.Text))
	}
	b.WriteString("</td>")
}

// hSegs is a wording with its diff marks.
type hSegs []hSeg

// HTML is the wording, inserted words in <ins>, deleted ones in <del>, a
// long deletion as a count with the words in its title, the mention of a
// concept in <mark>.
func (ss hSegs) HTML() template.HTML {
	var b strings.Builder
	for _, s := range ss {
		text := htmlEscaper.Replace(s.Text)
		switch s.Op {
		case "ins":
			b.WriteString("<ins>" + text + "</ins>")
		case "del":
			b.WriteString("<del>" + text + "</del>")
		case "cut":
			b.WriteString(`<del class="cut" title="` + htmlEscaper.Replace(s.Title) + `">` + text + "</del>")
		case "mark":
			b.WriteString("<mark>" + text + "</mark>")
		default:
			b.WriteString(text)
		}
	}
	return template.HTML(b.String())
}

// HTML is the side-by-side table (template "side" in html_test.go's
// slowTemplates, byte for byte).
func (s *hSide) HTML() template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="scroll"><table class="side" style="--cols: %d">`+"\n<thead><tr>", len(s.Columns))
	if s.Lead != "" {
		b.WriteString(`<th scope="col" class="lead">` + htmlEscaper.Replace(s.Lead) + "</th>")
	}
	for _, c := range s.Columns {
		b.WriteString(`<th scope="col">` + htmlEscaper.Replace(c) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range s.Rows {
		b.WriteString("<tr>")
		if s.Lead != "" {
			b.WriteString(`<td class="lead">` + htmlEscaper.Replace(r.Lead) + "</td>")
		}
		for _, c := range r.Cells {
			if c.Gap && c.Near != "" {
				b.WriteString(`<td class="gap pos-similar"><details><summary>≈ ` + htmlEscaper.Replace(c.NearWhere) + `<span class="sr"> not aligned; a sentence of similar wording:</span></summary>` + htmlEscaper.Replace(c.Near) + `</details></td>`)
				continue
			}
			if c.Gap {
				b.WriteString(`<td class="gap"><span aria-hidden="true">—</span><span class="sr">not in this report</span></td>`)
				continue
			}
			b.WriteString("<td")
			if c.Ref {
				b.WriteString(` class="ref"`)
			}
			b.WriteByte('>')
			if c.Where != "" || c.Ref {
				b.WriteString(`<span class="tag">` + htmlEscaper.Replace(c.Where))
				if c.Where != "" && c.Ref {
					b.WriteString(" · ")
				}
				if c.Ref {
					b.WriteString("<b>reference</b>")
				}
				b.WriteString("</span>")
			}
			if c.Quote {
				b.WriteString("“")
			}
			b.WriteString(string(c.Segs.HTML()))
			if c.Quote {
				b.WriteString("”")
			}
			if c.Note != "" {
				b.WriteString(` <span class="verb">(` + htmlEscaper.Replace(c.Note) + ")</span>")
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table></div>\n")
	return template.HTML(b.String())
}

// HTML is the section listing every mention of each concept (template
// "mentions" in html_test.go's slowTemplates, byte for byte): it holds
// most of a page's elements.
func (m *hMentions) HTML() template.HTML {
	var b strings.Builder
	b.WriteString(`<h3 id="` + htmlEscaper.Replace(m.ID) + `">` + htmlEscaper.Replace(m.Title) + "</h3>\n")
	b.WriteString(`<p class="howto">Each phrase of the table above links here: every sentence where a report names the thing, the name <mark>marked</mark>.</p>` + "\n")
	for _, c := range m.Concepts {
		b.WriteString(`<div class="concept" id="` + htmlEscaper.Replace(c.ID) + `">` + "\n")
		b.WriteString("<h4>" + htmlEscaper.Replace(c.Label) + ` <span class="source">found by ` + htmlEscaper.Replace(c.Source) +
			`</span> <a class="top" href="#` + fragmentEscape(m.Table) + `">↑ term table</a></h4>` + "\n")
		b.WriteString(`<div class="outlets">` + "\n")
		for _, o := range c.Outlets {
			b.WriteString(`<div class="outlet" id="` + htmlEscaper.Replace(o.ID) + `"><h5>` + htmlEscaper.Replace(o.Outlet) + "</h5><ul>\n")
			for _, it := range o.Items {
				b.WriteString("<li>" + string(it.Segs.HTML()) + ` <span class="where">` + htmlEscaper.Replace(it.Where) + "</span></li>\n")
			}
			b.WriteString("</ul></div>\n")
		}
		b.WriteString("</div>\n</div>\n")
	}
	return template.HTML(b.String())
}
