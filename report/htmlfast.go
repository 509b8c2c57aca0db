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
