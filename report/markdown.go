package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

func renderMarkdown(w io.Writer, r *Report) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# %s\n\n", MarkdownInline(r.Title))
	for _, s := range r.Summary {
		fmt.Fprintf(&buf, "%s\n", MarkdownInline(s))
	}
	if len(r.Summary) > 0 {
		buf.WriteByte('\n')
	}
	for _, t := range r.Tables {
		writeMarkdownTable(&buf, t, 2)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func writeMarkdownTable(buf *bytes.Buffer, t *Table, level int) {
	fmt.Fprintf(buf, "<a id=\"%s\"></a>\n\n%s %s\n\n", anchor(t.ID), strings.Repeat("#", level), MarkdownInline(t.Title))
	if t.HowTo != "" {
		fmt.Fprintf(buf, "_%s_\n\n", MarkdownInline(t.HowTo))
	}
	buf.WriteByte('|')
	for _, c := range t.Columns {
		fmt.Fprintf(buf, " %s |", MarkdownCell(c.Header))
	}
	buf.WriteString("\n|")
	for _, c := range t.Columns {
		if c.Number {
			buf.WriteString(" ---: |")
		} else {
			buf.WriteString(" --- |")
		}
	}
	buf.WriteByte('\n')
	for _, row := range t.Rows {
		buf.WriteByte('|')
		for _, c := range row {
			fmt.Fprintf(buf, " %s |", MarkdownCell(c.Text))
		}
		buf.WriteByte('\n')
	}
	buf.WriteByte('\n')
}

// anchor makes an id safe for an HTML attribute and a URL fragment.
func anchor(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "#", `\#`, "~", `\~`,
)

// MarkdownInline escapes s for use as inline GitHub-flavoured Markdown text:
// no character of s can start markup, a link, an HTML tag or a table cell.
// Line breaks become spaces.
func MarkdownInline(s string) string {
	return mdEscaper.Replace(oneLine(s))
}

// MarkdownCell is MarkdownInline for a table cell (a "|" inside a cell must
// be escaped even inside code spans, which MarkdownInline does).
func MarkdownCell(s string) string { return MarkdownInline(s) }
