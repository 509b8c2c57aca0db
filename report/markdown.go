package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/analysis"
	"github.com/biasdiff/biasdiff/frame"
)

// The Markdown report is a document: a title naming the event(s) and the
// outlets, the summary, "What differs" (the strongest contrasts of wording,
// each linked to its term table), then every table under a stable anchor
// (<a id="TABLE-ID">) with its one-line how-to. Whatever the article text
// holds, the output stays valid GitHub-flavoured Markdown: text is escaped
// with MarkdownInline (MarkdownCell in tables) and the only HTML written is
// the anchors. A long cell is shortened, and a cell with a Detail shows
// its Text, each with a link to a note under the table that has the rest:
// every text is written once. A table that leaves rows out (Table.Cut)
// says so under it.

const (
	// mdLongCell is the length (runes) above which a cell is shortened,
	// its whole text in a note under the table.
	mdLongCell = 160
	// mdSummary is the length (runes) a long cell is shortened to when it
	// was not shortened already.
	mdSummary = 110
	// mdContrasts is how many contrasts "What differs" lists at most.
	mdContrasts = 5
	// mdWordings is how many wordings one contrast lists at most.
	mdWordings = 4
	// mdTitleOutlets is how many outlets the title names at most.
	mdTitleOutlets = 6
	// mdTitleEvents is how many events the title names at most.
	mdTitleEvents = 3
)

func renderMarkdown(w io.Writer, r *Report) error {
	var buf bytes.Buffer
	title := markdownTitle(r)
	fmt.Fprintf(&buf, "# %s\n\n", mdLine(title))
	var intro []string
	if t := oneLine(r.Title); t != "" && title != t && !strings.HasPrefix(title, t+" — ") {
		intro = append(intro, sentence(r.Title))
	}
	intro = append(intro, r.Summary...)
	for _, s := range intro {
		fmt.Fprintf(&buf, "%s\n", mdLine(s))
	}
	if len(intro) > 0 {
		buf.WriteByte('\n')
	}
	if lines := howToRead(r); len(lines) > 0 {
		buf.WriteString("<a id=\"how-to-read\"></a>\n\n## How to read this report\n\n")
		for _, l := range lines {
			fmt.Fprintf(&buf, "- %s\n", MarkdownInline(l))
		}
		buf.WriteByte('\n')
	}
	writeWhatDiffers(&buf, r)
	for _, t := range r.Tables {
		writeMarkdownTable(&buf, t, 2)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// markdownTitle names the events compared and the outlets that report
// them: "Norland–Southland port talks, 2024: The Daily, Wire Service
// and Evening Post". Without events it names the outlets of the input
// after the report's title; with neither it is the report's title.
func markdownTitle(r *Report) string {
	outletOf := map[string]string{}
	var order []string // article ids, input order
	for _, a := range r.Articles {
		outletOf[a.ID] = a.Outlet
		order = append(order, a.ID)
	}
	var labels []string
	inEvent := map[string]bool{}
	for _, e := range r.Events {
		l := oneLine(cmp.Or(e.Title, e.Label))
		if l == "" {
			l = "event " + e.ID
		}
		labels = append(labels, l)
		for _, id := range e.Articles {
			inEvent[id] = true
		}
	}
	var outlets []string
	seen := map[string]bool{}
	for _, id := range order {
		o := oneLine(outletOf[id])
		if o == "" || seen[o] || (len(r.Events) > 0 && !inEvent[id]) {
			continue
		}
		seen[o] = true
		outlets = append(outlets, o)
	}
	if len(outlets) == 0 {
		return oneLine(r.Title)
	}
	if len(outlets) > mdTitleOutlets {
		n := len(outlets) - (mdTitleOutlets - 1)
		outlets = append(outlets[:mdTitleOutlets-1:mdTitleOutlets-1], plural(n, "more outlet", "more outlets"))
	}
	names := joinAnd(outlets)
	if len(labels) == 0 {
		if r.Title == "" {
			return names
		}
		return oneLine(r.Title) + " — " + names
	}
	if len(labels) > mdTitleEvents {
		n := len(labels) - (mdTitleEvents - 1)
		labels = append(labels[:mdTitleEvents-1:mdTitleEvents-1], plural(n, "more event", "more events"))
	}
	return strings.Join(labels, "; ") + ": " + names
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// sentence ends s with a full stop unless it ends with one already.
func sentence(s string) string {
	s = oneLine(s)
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// contrast is one concept as "What differs" lists it.
type contrast struct {
	concept *ConceptJSON
	analysis.Contrast
}

// contrasts are the concepts the reports name in contrasting words,
// strongest first across the report's events, as the analysis ranked them
// (analysis.Contrasts).
func contrasts(r *Report) []contrast {
	out := make([]contrast, 0, len(r.ranked))
	for _, rk := range r.ranked {
		out = append(out, contrast{concept: &r.Concepts[rk.order], Contrast: rk.Contrast})
	}
	return out
}

// whatDiffers is the "What differs" list of a report: the strongest
// contrasts of wording, for the Markdown and HTML renderers.
type whatDiffers struct {
	HowTo string // one line on how to read it
	Empty string // the line instead of the list when nothing contrasts
	Items []differsItem
}

type differsItem struct {
	Label    string
	Why      string // in a few words, why the wordings are of one thing (contrastWhy)
	Table    string // the ID of the term table that has the concept; "" if the report has none
	Event    string // "event e2: label" when the report has several events
	Wordings []differsWording
	More     int // wordings left out
}

type differsWording struct{ Text, Outlets string }

// MoreText says how many wordings are left out: "2 more wordings".
func (it differsItem) MoreText() string { return plural(it.More, "more wording") }

// buildWhatDiffers lists the mdContrasts strongest contrasts (see
// contrasts), mdWordings wordings each; ok is false when the report has no
// concepts at all.
func buildWhatDiffers(r *Report) (wd whatDiffers, ok bool) {
	if len(r.Concepts) == 0 {
		return wd, false
	}
	cs := contrasts(r)
	if len(cs) == 0 {
		wd.Empty = "The reports name the same things in the same words: no concept is named in contrasting words."
		return wd, true
	}
	eventLabels := map[string]string{}
	for _, e := range r.Events {
		eventLabels[e.ID] = cmp.Or(e.Title, e.Label)
	}
	tables := map[string]bool{}
	termTables := false
	for _, t := range r.Tables {
		tables[t.ID] = true
		termTables = termTables || t.ID == "terms" || strings.HasSuffix(t.ID, "-terms")
	}
	wd.HowTo = "The things the reports name in the most different words: each wording in quotes, with the outlets that use it; wordings every outlet uses are left out"
	if termTables {
		wd.HowTo += " (the term table has them all)"
	}
	wd.HowTo += "."
	for _, ct := range cs[:min(len(cs), mdContrasts)] {
		c := ct.concept
		it := differsItem{Label: oneLine(c.Label), Why: contrastWhy(c)}
		table := "terms"
		if c.Event != "" {
			table = c.Event + "-terms"
			it.Event = "event " + c.Event
			if l := eventLabels[c.Event]; l != "" {
				it.Event += ": " + oneLine(l)
			}
		}
		if tables[table] {
			it.Table = table
		}
		for _, w := range ct.Wordings[:min(len(ct.Wordings), mdWordings)] {
			it.Wordings = append(it.Wordings, differsWording{Text: oneLine(w.Text), Outlets: oneLine(strings.Join(w.Outlets, ", "))})
		}
		it.More = max(0, len(ct.Wordings)-mdWordings)
		wd.Items = append(wd.Items, it)
	}
	return wd, true
}

// contrastWhy says in a few words why a concept's wordings are taken to
// name one thing, from where the concept came (its source, an alias
// statement, its confidence): what a reader needs to judge the contrast.
func contrastWhy(c *ConceptJSON) string {
	switch {
	case c.Source == frame.Lexical:
		return "grouped by the concept file"
	case slices.Contains(c.Tags, frame.TagAlias):
		return "a report says these name one thing"
	case c.Source == frame.Mined:
		return "wordings that replace each other in aligned sentences, or that a writer sets side by side"
	case c.Source == frame.Predicate:
		return "words of like meaning for one act, in statements the reports share"
	case c.Source == frame.Entity && c.Confidence == frame.Likely:
		return "one name, with the titles and descriptions the reports give it"
	case c.Source == frame.Entity:
		return "the forms of one name"
	}
	return ""
}

// writeWhatDiffers writes the strongest contrasts of wording, each linked
// to the term table of its event when the report has it.
func writeWhatDiffers(buf *bytes.Buffer, r *Report) {
	wd, ok := buildWhatDiffers(r)
	if !ok {
		return
	}
	buf.WriteString("<a id=\"what-differs\"></a>\n\n## What differs\n\n")
	if wd.Empty != "" {
		fmt.Fprintf(buf, "_%s_\n\n", MarkdownInline(wd.Empty))
		return
	}
	fmt.Fprintf(buf, "_%s_\n\n", MarkdownInline(wd.HowTo))
	for _, it := range wd.Items {
		label := MarkdownInline(it.Label)
		if it.Table != "" {
			label = "[" + label + "](#" + anchor(it.Table) + ")"
		}
		if it.Event != "" {
			label += " (" + MarkdownInline(it.Event) + ")"
		}
		if it.Why != "" {
			label += " _(" + MarkdownInline(it.Why) + ")_"
		}
		var parts []string
		for _, w := range it.Wordings {
			parts = append(parts, "“"+MarkdownInline(w.Text)+"”: "+MarkdownInline(w.Outlets))
		}
		if it.More > 0 {
			parts = append(parts, it.MoreText())
		}
		fmt.Fprintf(buf, "- %s — %s\n", label, strings.Join(parts, " · "))
	}
	buf.WriteByte('\n')
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
	var notes []string
	for _, row := range t.Rows {
		buf.WriteByte('|')
		for j, c := range row {
			if j < len(t.Columns) && t.Columns[j].Whole {
				fmt.Fprintf(buf, " %s |", MarkdownCell(oneLine(c.Text)))
				continue
			}
			fmt.Fprintf(buf, " %s |", markdownCellNoted(c, t.ID, &notes))
		}
		buf.WriteByte('\n')
	}
	buf.WriteByte('\n')
	if t.Cut != nil {
		fmt.Fprintf(buf, "_%s_\n\n", MarkdownInline(t.Cut.Line()))
	}
	if len(notes) > 0 {
		buf.WriteString("_Notes:_\n\n")
		for i, n := range notes {
			fmt.Fprintf(buf, "%d. <a id=\"%s\"></a>%s\n", i+1, noteAnchor(t.ID, i+1), n)
		}
		buf.WriteByte('\n')
	}
}

// noteAnchor is the anchor of a table's n-th note.
func noteAnchor(table string, n int) string { return anchor(table) + "-note-" + strconv.Itoa(n) }

// markdownCellNoted writes a cell for a GFM table, and the text it has no
// room for as a note under the table, so that the Markdown reads as text
// and says everything once. A cell with a Detail writes its Text and a
// link to a note holding the Detail (the nearest sentence behind an
// omission table's "≈ body"). A long cell (over mdLongCell runes) or one
// whose Text is shortened from its string Value writes the shortened text
// and a link to a note holding the whole. Cell texts are escaped with
// MarkdownCell (which also HTML-escapes <, > and &: inside a table cell the
// text is still Markdown, so a "|" must not split the cell), notes with
// MarkdownInline.
func markdownCellNoted(c Cell, table string, notes *[]string) string {
	if len(c.Files) > 0 {
		links := make([]string, len(c.Files))
		for i, f := range c.Files {
			links[i] = "[" + MarkdownCell(f) + "](" + fragmentEscape(f) + ")"
		}
		return strings.Join(links, " ")
	}
	note := func(text, full string) string {
		full = MarkdownInline(oneLine(full))
		n := slices.Index(*notes, full) + 1 // a text several cells share is one note
		if n == 0 {
			*notes = append(*notes, full)
			n = len(*notes)
		}
		return MarkdownCell(text) + " [[" + strconv.Itoa(n) + "]](#" + noteAnchor(table, n) + ")"
	}
	if c.Detail != "" {
		return note(oneLine(c.Text), c.Detail)
	}
	if c.Anchor != "" {
		return "[" + MarkdownCell(oneLine(c.Text)) + "](#" + anchor(c.Anchor) + ")"
	}
	if before, mark, after, ok := markedParts(c); ok && !strings.ContainsAny(c.Text, "\n\t") {
		space := func(b bool) string { // MarkdownCell folds the space at either end
			if b {
				return " "
			}
			return ""
		}
		return MarkdownCell(before) + space(strings.HasSuffix(before, " ")) + "**" + MarkdownCell(mark) + "**" +
			space(strings.HasPrefix(after, " ")) + MarkdownCell(after)
	}
	full := oneLine(fullText(c))
	short := oneLine(c.Text)
	if full == short && utf8.RuneCountInString(full) <= mdLongCell {
		return MarkdownCell(short)
	}
	if full == short || utf8.RuneCountInString(short) > mdLongCell {
		short = shorten(short, mdSummary)
	}
	return note(short, full)
}

// fullText is the text of a cell in full: its Value when that is a string
// and Text was shortened from it (Text ends with "…" and differs from it),
// else Text.
func fullText(c Cell) string {
	if c.Full != "" {
		return c.Full
	}
	if v, ok := c.Value.(string); ok && v != c.Text && strings.HasSuffix(c.Text, "…") {
		return v
	}
	return c.Text
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

// mdLine is MarkdownInline for text that starts a line of its own: a
// leading "-", "+", "=" or "1." (a list item, a setext underline) is
// escaped too.
func mdLine(s string) string {
	s = MarkdownInline(s)
	switch {
	case s == "":
		return s
	case strings.IndexByte("-+=", s[0]) >= 0:
		return `\` + s
	}
	digits := 0
	for digits < len(s) && digits < 10 && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:]
	}
	return s
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
