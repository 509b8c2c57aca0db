package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/align/wdiff"
	"github.com/biasdiff/biasdiff/frame/omission"
)

//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("page").Parse(htmlSource))

// RenderHTML writes r as one self-contained HTML page: the title and
// summary, a table of contents, then every table in order, each under its
// title with its how-to-read line. Some tables get a richer view from the
// event data behind them: the term table links each phrase to its mentions
// in context, the omission table is a heat map (a "≈" cell opens on the
// report's sentence of similar wording), the claims and quotes are
// side by side with the word differences marked, attribution and
// distinctive words come with small bar charts. The page makes no network
// request, needs no script, and prints. Same Report, same bytes.
func RenderHTML(w io.Writer, r *Report) error {
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, buildHTMLPage(r)); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// The view model: plain strings and flags the template lays out. Nothing
// in it is markup but the charts, which barChart escapes.

type hPage struct {
	Title    string
	Summary  []string
	HowTo    []string // How to read this report
	HowToID  string
	TOC      []hTOC
	Differs  *hDiffers
	Sections []*hSection
}

// hDiffers is the "What differs" section: the strongest contrasts of
// wording, each linked to its term table.
type hDiffers struct {
	ID, Title    string
	HowTo, Empty string
	Items        []differsItem
}

type hTOC struct {
	ID, Title string
	Sub       []hTOC
}

type hSection struct {
	ID, Title, HowTo string
	Charts           []hChart
	ChartsNote       string
	Legend           string // "omission", "diff" or "choices": which legend precedes the table
	Table            *hTable
	Side             *hSide
	Mentions         *hMentions
	Removed          []hRemoved   // overview: the page chrome removed, per report
	Cut              string       // what the table leaves out (Table.Cut), said under it
	Marked           []markedText // choices: the reports' texts, the word choices marked
	Kinds            []hKind      // choices: the legend
}

// hKind is one kind of word-choice mark in the legend, with how many the
// reports have.
type hKind struct{ Kind, Name string }

// hRemoved is one report's removed page chrome, behind a toggle.
type hRemoved struct {
	Outlet string
	Lines  []hRemovedLine
}

type hRemovedLine struct {
	Text, Reason, Where string
}

type hChart struct {
	Title string
	Empty string // said instead of a chart without bars
	SVG   template.HTML
}

type hTable struct {
	Class    string
	Columns  []hColumn
	Rows     [][]hCell
	RowClass []string // per row, "" for none
}

type hColumn struct {
	Header string
	Number bool
}

type hCell struct {
	Text string
	// Before, Marked and After are Text around a mark (Cell.Mark), when
	// it has one.
	Before, Marked, After string
	Full                  string // the whole text, behind a <details> whose summary is Text
	Number                bool
	Class                 string
	Links                 []hLink // the cell's phrases, each a link (replaces Text)
}

type hLink struct {
	Text, Target, Count string
	File                string // a file beside the page, linked instead of Target
}

// hSide is a side-by-side view: one column per report, one row per
// statement, each cell that report's wording.
type hSide struct {
	Lead    string // the header of a leading column, "" for none
	Columns []string
	Rows    []hSideRow
}

type hSideRow struct {
	Lead  string
	Cells []hSideCell
}

type hSideCell struct {
	Gap bool // the report does not carry the statement
	// Near is, for a gap, the report's sentence of similar wording
	// (align.Near.Similar), shown under "≈" and where it stands; "" if none.
	Near, NearWhere string
	Ref             bool // the wording the others are compared with
	Where           string
	Quote           bool // wrap the wording in quotation marks
	Note            string
	Segs            hSegs
}

type hSeg struct {
	Op    string // "", "ins", "del", "cut" (a long deletion, as a count), "mark"
	Text  string
	Title string
	start int // for plain text of a sentence: its source offset (runes); -1 if unknown
}

type hMentions struct {
	ID, Title string
	Table     string // the term table's id, to go back to
	Concepts  []hConcept
}

type hConcept struct {
	ID, Label, Source string
	Outlets           []hMentionGroup
}

type hMentionGroup struct {
	ID, Outlet string
	Items      []hMention
}

type hMention struct {
	Where string
	Segs  hSegs // Op "mark" for the mention itself
}

// htmlIDs hands out element ids: stable anchors, unique in the page.
type htmlIDs map[string]bool

func (ids htmlIDs) take(base string) string {
	a := anchor(base)
	if a == "" {
		a = "s"
	}
	id := a
	for n := 2; ids[id]; n++ {
		id = a + "-" + strconv.Itoa(n)
	}
	ids[id] = true
	return id
}

func buildHTMLPage(r *Report) hPage {
	// The title and the lines under it are the Markdown report's.
	p := hPage{Title: markdownTitle(r)}
	if t := oneLine(r.Title); t != "" && p.Title != t && !strings.HasPrefix(p.Title, t+" — ") {
		p.Summary = append(p.Summary, oneLine(sentence(r.Title)))
	}
	for _, s := range r.Summary {
		p.Summary = append(p.Summary, oneLine(s))
	}
	ids := htmlIDs{}
	if p.HowTo = howToRead(r); len(p.HowTo) > 0 {
		p.HowToID = ids.take("how-to-read")
	}
	// The tables' anchors first, so that they stay the tables' IDs.
	tableIDs := make([]string, len(r.Tables))
	for i, t := range r.Tables {
		tableIDs[i] = ids.take(t.ID)
	}
	if wd, ok := buildWhatDiffers(r); ok {
		p.Differs = &hDiffers{ID: ids.take("what-differs"), Title: "What differs", HowTo: wd.HowTo, Empty: wd.Empty, Items: wd.Items}
		for i := range p.Differs.Items {
			if it := &p.Differs.Items[i]; it.Table != "" {
				it.Table = tableIDs[slices.IndexFunc(r.Tables, func(t *Table) bool { return t.ID == it.Table })]
			}
		}
		p.TOC = append(p.TOC, hTOC{ID: p.Differs.ID, Title: p.Differs.Title})
	}
	for i, t := range r.Tables {
		sec := &hSection{ID: tableIDs[i], Title: oneLine(t.Title), HowTo: oneLine(t.HowTo)}
		if t.Cut != nil {
			sec.Cut = t.Cut.Line()
		}
		ev := r.Event(t)
		switch t.Kind {
		case "terms":
			sec.Table, sec.Mentions = termsView(r, t, ev, sec.ID, ids)
		case "overview":
			for _, a := range r.Articles {
				if len(a.Removed) == 0 {
					continue
				}
				rm := hRemoved{Outlet: oneLine(a.Outlet)}
				for _, x := range a.Removed {
					rm.Lines = append(rm.Lines, hRemovedLine{Text: oneLine(x.Text), Reason: x.Reason, Where: fmt.Sprintf("%d–%d", x.Start, x.End)})
				}
				sec.Removed = append(sec.Removed, rm)
			}
		case "omission":
			sec.Table = plainTable(t)
			shadeOmission(t, sec.Table)
			sec.Table.Class = "heat"
			sec.Legend = "omission"
		case "claims":
			if ev != nil {
				sec.Side = claimsSide(r, ev)
				sec.Legend = "diff"
			}
		case "quotes":
			if ev != nil {
				sec.Side = quotesSide(r, ev)
				sec.Legend = "diff"
			}
		case "attribution":
			if ev != nil {
				sec.Charts = attributionCharts(r, ev)
				sec.ChartsNote = "Direct quotes per speaker in each report."
			}
		case "choices":
			sec.Marked = t.marked
			sec.Legend = "choices"
			for _, k := range choiceKinds {
				sec.Kinds = append(sec.Kinds, hKind{Kind: k.Kind, Name: k.Name})
			}
			sec.Table = plainTable(t)
		case "distinctive":
			if ev != nil {
				sec.Charts = distinctiveCharts(ev)
				sec.ChartsNote = "Each outlet's most distinctive words: the longer the bar, the more the outlet uses the word compared with the others (z-score of the log-odds ratio)."
			}
		}
		if sec.Table == nil && sec.Side == nil {
			sec.Table = plainTable(t)
		}
		p.Sections = append(p.Sections, sec)
		toc := hTOC{ID: sec.ID, Title: sec.Title}
		if sec.Mentions != nil {
			toc.Sub = append(toc.Sub, hTOC{ID: sec.Mentions.ID, Title: sec.Mentions.Title})
		}
		p.TOC = append(p.TOC, toc)
	}
	return p
}

// plainTable lays out a table cell by cell. A column of long texts gets
// room (class "w": a minimum width, so that a narrow screen scrolls the
// table rather than squeezing it to a word a line); a column of short
// texts (dates, ids) does not wrap (class "nw").
func plainTable(t *Table) *hTable {
	ht := &hTable{RowClass: make([]string, len(t.Rows))}
	class := make([]string, len(t.Columns))
	for j, c := range t.Columns {
		ht.Columns = append(ht.Columns, hColumn{Header: oneLine(c.Header), Number: c.Number})
		longest := 0
		for _, row := range t.Rows {
			if j < len(row) {
				longest = max(longest, utf8.RuneCountInString(row[j].Text))
			}
		}
		switch {
		case c.Number:
		case longest > 40:
			class[j] = "w"
		case longest <= 12:
			class[j] = "nw"
		}
	}
	for _, row := range t.Rows {
		var hr []hCell
		for j, c := range row {
			num := j < len(t.Columns) && t.Columns[j].Number
			hc := longCell(c, num)
			if j < len(class) {
				hc.Class = class[j]
			}
			hr = append(hr, hc)
		}
		ht.Rows = append(ht.Rows, hr)
	}
	return ht
}

// htmlLong is the length (in characters) over which a cell's text is
// folded behind a <details>; htmlShort is what shows of it then.
const (
	htmlLong  = 200
	htmlShort = 140
)

// longCell is a cell's text, with its Detail behind a <details>, or the
// whole text when the table shortened it (the cell's Full, or its JSON
// value when that is the text) or when it is long.
func longCell(c Cell, num bool) hCell {
	text := oneLine(c.Text)
	hc := hCell{Text: text, Number: num}
	if len(c.Files) > 0 {
		for _, f := range c.Files {
			hc.Links = append(hc.Links, hLink{Text: oneLine(f), File: f})
		}
		return hc
	}
	if c.Detail != "" {
		hc.Full = oneLine(c.Detail)
		return hc
	}
	if c.Anchor != "" {
		hc.Links = []hLink{{Text: text, Target: c.Anchor}}
		return hc
	}
	if before, mark, after, ok := markedParts(c); ok && isOneLine(c.Text) {
		hc.Before, hc.Marked, hc.After = before, mark, after
		return hc
	}
	full := oneLine(c.Full)
	if full == "" {
		switch v := c.Value.(type) {
		case string:
			full = oneLine(v)
		case []string:
			full = oneLine(strings.Join(v, " "))
		}
	}
	if full != "" && full != text && strings.HasSuffix(text, "…") {
		hc.Full = full
		return hc
	}
	if utf8.RuneCountInString(text) > htmlLong {
		hc.Text, hc.Full = shorten(text, htmlShort), text
	}
	return hc
}

// positions are the omission table's cell values, most prominent first.
var positions = []align.Position{align.Headline, align.Lede, align.Body, align.End}

// shadeOmission marks each cell of an omission table that says where a
// report carries a claim with its position's class, those of similar
// wording ("similar:body") as similar, and the cells of reports that leave
// the claim out as absent.
// The first row of claims one report alone carries, and the share row,
// are set off from the rows before them (class "break").
func shadeOmission(t *Table, ht *hTable) {
	by := slices.IndexFunc(t.Columns, func(c Column) bool { return c.Key == "carried_by" })
	prev := -1
	for i, row := range t.Rows {
		if by >= 0 && by < len(row) {
			n, ok := row[by].Value.(int)
			if !ok {
				n = 0
			}
			if i > 0 && n < 2 && prev != n && (prev >= 2 || n == 0) {
				ht.RowClass[i] = "break"
			}
			prev = n
		}
		for j, c := range row {
			if j == 0 || j >= len(t.Columns) || j == by {
				continue
			}
			if v, ok := c.Value.(string); ok && slices.Contains(positions, align.Position(v)) {
				ht.Rows[i][j].Class = "pos pos-" + v
			} else if p, ok := omission.Cell(v).Similar(); ok && slices.Contains(positions, p) {
				ht.Rows[i][j].Class = "pos pos-similar"
			} else if c.Value == nil && c.Text == "—" {
				ht.Rows[i][j].Class = "pos pos-none"
			} else {
				ht.Rows[i][j].Class = "pos"
			}
		}
	}
}

// outletOf names an article by its outlet (its id if unknown).
func (r *Report) outletOf(id string) string {
	for _, a := range r.Articles {
		if a.ID == id {
			return oneLine(a.Outlet)
		}
	}
	return oneLine(id)
}

// eventOutlets are the column headers of an event's side-by-side views.
func (r *Report) eventOutlets(ev *EventData) []string {
	out := make([]string, len(ev.Articles))
	for i, id := range ev.Articles {
		out[i] = r.outletOf(id)
	}
	return out
}

// claimsSide lays out the claims of ev that two reports or more carry.
func claimsSide(r *Report, ev *EventData) *hSide {
	side := &hSide{Columns: r.eventOutlets(ev)}
	for _, c := range ev.Claims {
		if c.Outlets() < 2 {
			continue
		}
		n := len(ev.Articles)
		where := make([]align.Position, n)
		texts, has, ref := joinWordings(n, c.Members, func(m align.Member) (int, string) { return m.Article, m.Text }, func(m align.Member) {
			if where[m.Article] == "" || slices.Index(positions, m.Position) < slices.Index(positions, where[m.Article]) {
				where[m.Article] = m.Position
			}
		})
		row := hSideRow{}
		for ai := range n {
			cell := hSideCell{Gap: !has[ai], Where: string(where[ai])}
			for _, nb := range c.Near {
				if nb.Article == ai && nb.Similar && !has[ai] {
					cell.Near, cell.NearWhere = oneLine(nb.Text), string(nb.Position)
				}
			}
			if has[ai] {
				cell.Ref = ai == ref
				cell.Segs = diffSegs(texts, ref, ai, c.Diffs)
			}
			row.Cells = append(row.Cells, cell)
		}
		side.Rows = append(side.Rows, row)
	}
	return side
}

// quotesSide lays out the statements of ev quoted by two reports or more.
func quotesSide(r *Report, ev *EventData) *hSide {
	side := &hSide{Lead: "speaker", Columns: r.eventOutlets(ev)}
	for _, q := range ev.Quotes {
		n := len(ev.Articles)
		verbs := make([][]string, n)
		texts, has, ref := joinWordings(n, q.Variants, func(v align.Variant) (int, string) { return v.Article, v.Text }, func(v align.Variant) {
			if v.Verb != "" && !slices.Contains(verbs[v.Article], v.Verb) {
				verbs[v.Article] = append(verbs[v.Article], v.Verb)
			}
		})
		row := hSideRow{Lead: oneLine(q.Speaker)}
		for ai := range n {
			cell := hSideCell{Gap: !has[ai], Quote: true}
			if has[ai] {
				cell.Ref = ai == ref
				cell.Segs = diffSegs(texts, ref, ai, q.Diffs)
				cell.Note = oneLine(strings.Join(verbs[ai], ", "))
			}
			row.Cells = append(row.Cells, cell)
		}
		side.Rows = append(side.Rows, row)
	}
	return side
}

// joinWordings joins each of n reports' texts among items, one space
// apart, in order; has tells which reports have any, ref is the first
// report met (-1: none). Items of no report in range are skipped; each
// other item is also passed to also.
func joinWordings[T any](n int, items []T, of func(T) (int, string), also func(T)) (texts []string, has []bool, ref int) {
	texts, has, ref = make([]string, n), make([]bool, n), -1
	for _, it := range items {
		a, t := of(it)
		if a < 0 || a >= n {
			continue
		}
		if ref < 0 {
			ref = a
		}
		if has[a] {
			texts[a] += " " + t
		} else {
			texts[a] = t
		}
		has[a] = true
		also(it)
	}
	return texts, has, ref
}

// htmlCutWords: a deletion of more words than this shows as a count (the
// words are in the reference column, next to it).
const htmlCutWords = 12

// diffSegs is report b's wording, texts[b], marked against the reference
// report's, texts[ref], by the diff from ref to b among diffs: the words
// only b has inserted, the reference's words b lacks deleted. A wording
// without a diff, or whose diff does not fit the texts, is shown plain.
func diffSegs(texts []string, ref, b int, diffs []align.Diff) []hSeg {
	plain := []hSeg{{Text: oneLine(texts[b])}}
	if b == ref || ref < 0 {
		return plain
	}
	var edits []wdiff.Edit
	found := false
	for _, d := range diffs {
		if d.A == ref && d.B == b {
			edits, found = d.Edits, true
			break
		}
	}
	if !found {
		return plain
	}
	ta, tb := texts[ref], texts[b]
	pa, pb := 0, 0
	var segs []hSeg
	for _, e := range edits {
		if e.A.Start != pa || e.B.Start != pb || e.A.End < e.A.Start || e.B.End < e.B.Start || e.A.End > len(ta) || e.B.End > len(tb) {
			return plain
		}
		a, bt := ta[e.A.Start:e.A.End], tb[e.B.Start:e.B.End]
		if !utf8.ValidString(a) || !utf8.ValidString(bt) {
			return plain
		}
		pa, pb = e.A.End, e.B.End
		switch e.Op {
		case wdiff.Equal:
			if bt != "" {
				segs = append(segs, hSeg{Text: bt})
			}
		case wdiff.Insert:
			if e.A.Len() != 0 {
				return plain
			}
			segs = append(segs, hSeg{Op: "ins", Text: bt})
		case wdiff.Delete:
			if e.B.Len() != 0 {
				return plain
			}
			if n := len(strings.Fields(a)); n > htmlCutWords {
				segs = append(segs, hSeg{Op: "cut", Text: "−" + strconv.Itoa(n) + " words", Title: oneLine(a)})
			} else {
				segs = append(segs, hSeg{Op: "del", Text: a})
			}
		default:
			return plain
		}
	}
	if pa != len(ta) || pb != len(tb) {
		return plain
	}
	return spaceSegs(segs)
}

// spaceSegs folds white space runs in the segments into one space and
// puts a space between a deletion and the words next to it, which the
// diff glues to it (a deletion takes no room in the text shown).
func spaceSegs(segs []hSeg) []hSeg {
	out := make([]hSeg, 0, len(segs))
	endsSpace := func() bool {
		if len(out) == 0 {
			return true
		}
		t := out[len(out)-1].Text
		return t == "" || strings.HasSuffix(t, " ")
	}
	for i, s := range segs {
		s.Text = foldSpace(s.Text)
		if s.Text == "" {
			continue
		}
		del := s.Op == "del" || s.Op == "cut"
		prevDel := i > 0 && (segs[i-1].Op == "del" || segs[i-1].Op == "cut")
		if (del || prevDel) && !endsSpace() && !strings.HasPrefix(s.Text, " ") && !startsPunct(s.Text) {
			out = append(out, hSeg{Text: " "})
		}
		out = append(out, s)
	}
	// A leading or trailing space is no use in a cell.
	if len(out) > 0 && out[0].Op == "" {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
	}
	if k := len(out) - 1; k >= 0 && out[k].Op == "" {
		out[k].Text = strings.TrimRight(out[k].Text, " ")
	}
	return out
}

// foldSpace is oneLine that keeps a leading and a trailing space.
func foldSpace(s string) string {
	if s == "" {
		return ""
	}
	r0, _ := utf8.DecodeRuneInString(s)
	r1, _ := utf8.DecodeLastRuneInString(s)
	in := oneLine(s)
	if in == "" {
		return " "
	}
	if unicode.IsSpace(r0) {
		in = " " + in
	}
	if unicode.IsSpace(r1) {
		in += " "
	}
	return in
}

// startsPunct tells whether s begins with punctuation that follows a word
// without a space.
func startsPunct(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(".,;:!?)]}”’»", r)
}

// attributionCharts are, per report of ev, its speakers by direct quotes.
func attributionCharts(r *Report, ev *EventData) []hChart {
	const top = 8
	scale := 0
	for _, s := range ev.Attribution.Speakers {
		for _, n := range s.Quotes {
			scale = max(scale, n)
		}
	}
	var charts []hChart
	for ai, id := range ev.Articles {
		type sp struct {
			name string
			n    int
		}
		var sps []sp
		for _, s := range ev.Attribution.Speakers {
			if ai < len(s.Quotes) && s.Quotes[ai] > 0 {
				name := oneLine(s.Speaker)
				if name == "" {
					name = "(no one named)"
				}
				sps = append(sps, sp{name, s.Quotes[ai]})
			}
		}
		slices.SortStableFunc(sps, func(a, b sp) int { return b.n - a.n })
		ch := hChart{Title: r.outletOf(id)}
		if len(sps) == 0 {
			ch.Empty = "No direct quotes."
		} else {
			var bars []Bar
			for _, s := range sps[:min(top, len(sps))] {
				bars = append(bars, Bar{Label: s.name, Value: float64(s.n), Text: strconv.Itoa(s.n)})
			}
			ch.SVG = barChart("Direct quotes per speaker in "+ch.Title, bars, float64(scale))
			if len(sps) > top {
				ch.Empty = fmt.Sprintf("and %d more speakers (see the table).", len(sps)-top)
			}
		}
		charts = append(charts, ch)
	}
	return charts
}

// distinctiveCharts are, per outlet of ev, its distinctive words by z.
func distinctiveCharts(ev *EventData) []hChart {
	const top = 10
	scale := 0.0
	for _, ot := range ev.Distinctive {
		for _, t := range ot.Terms {
			scale = max(scale, barValue(t.Z))
		}
	}
	var charts []hChart
	for _, ot := range ev.Distinctive {
		ch := hChart{Title: oneLine(ot.Outlet)}
		if len(ot.Terms) == 0 {
			ch.Empty = "No word stands out."
		} else {
			var bars []Bar
			for _, t := range ot.Terms[:min(top, len(ot.Terms))] {
				label := t.Surface
				if label == "" {
					label = t.Term
				}
				bars = append(bars, Bar{Label: label, Value: t.Z, Text: strconv.FormatFloat(t.Z, 'f', 2, 64)})
			}
			ch.SVG = barChart("Distinctive words of "+ch.Title, bars, scale)
		}
		charts = append(charts, ch)
	}
	return charts
}

// termsView is the term table with each phrase a link to its mentions in
// context, and the list of those mentions. The rows are matched with the
// concepts of their event by label, in order (Terms makes one row per
// concept, in the concepts' order); a row with no concept stays plain.
func termsView(r *Report, t *Table, ev *EventData, tableID string, ids htmlIDs) (*hTable, *hMentions) {
	ht := plainTable(t)
	prefix := t.EventID
	var concepts []*ConceptJSON
	for i := range r.Concepts {
		if r.Concepts[i].Event == prefix {
			concepts = append(concepts, &r.Concepts[i])
		}
	}
	if len(concepts) == 0 || len(t.Columns) < 2 {
		return ht, nil
	}
	// Report columns: keyed by article id.
	colArticle := map[int]string{}
	for j, c := range t.Columns {
		if j >= 2 {
			colArticle[j] = c.Key
		}
	}
	sentences := sentenceIndex(ev)
	ms := &hMentions{ID: ids.take(t.ID + "-mentions"), Title: "Mentions in context", Table: tableID}
	if prefix != "" {
		ms.Title = "Event " + prefix + ": mentions in context"
	}
	used := make([]bool, len(concepts))
	next := 0
	for i, row := range t.Rows {
		if len(row) == 0 {
			continue
		}
		ci := -1
		for k := range len(concepts) {
			j := (next + k) % len(concepts)
			if !used[j] && concepts[j].Label == row[0].Text {
				ci = j
				break
			}
		}
		if ci < 0 {
			continue
		}
		used[ci], next = true, ci+1
		c := concepts[ci]
		hc := hConcept{ID: ids.take("concept-" + c.ID), Label: oneLine(c.Label), Source: string(c.Source)}
		ht.Rows[i][0].Links = []hLink{{Text: hc.Label, Target: hc.ID}}
		ht.Rows[i][0].Full = ""
		groups := map[string]int{}
		for _, m := range c.Mentions {
			if m.Nested {
				continue
			}
			gi, ok := groups[m.Article]
			if !ok {
				gi = len(hc.Outlets)
				groups[m.Article] = gi
				hc.Outlets = append(hc.Outlets, hMentionGroup{ID: ids.take(hc.ID + "--" + m.Article), Outlet: r.outletOf(m.Article)})
			}
			g := &hc.Outlets[gi]
			// Mentions in one sentence share one line.
			if k := len(g.Items) - 1; k >= 0 && g.Items[k].Where == sentenceName(m.Sentence) {
				g.Items[k].Segs = markMention(g.Items[k].Segs, m)
				continue
			}
			g.Items = append(g.Items, hMention{Where: sentenceName(m.Sentence), Segs: mentionSegs(m, sentences)})
		}
		for j := 2; j < len(row) && j < len(t.Columns); j++ {
			gi, ok := groups[colArticle[j]]
			if !ok {
				continue
			}
			links := phraseLinks(row[j].Value, hc.Outlets[gi].ID)
			if links != nil {
				ht.Rows[i][j].Links = links
				ht.Rows[i][j].Full = ""
				ht.Rows[i][j].Class = "phrases"
			}
		}
		ms.Concepts = append(ms.Concepts, hc)
	}
	if len(ms.Concepts) == 0 {
		return ht, nil
	}
	return ht, ms
}

// phraseLinks reads a term cell's phrases (its JSON value: text and count
// of each) as links to target.
func phraseLinks(v any, target string) []hLink {
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var ps []struct {
		Text  string `json:"text"`
		Count int    `json:"count"`
	}
	if json.Unmarshal(data, &ps) != nil || len(ps) == 0 {
		return nil
	}
	links := make([]hLink, 0, len(ps))
	for _, p := range ps {
		l := hLink{Text: oneLine(p.Text), Target: target}
		if p.Count > 1 {
			l.Count = "×" + strconv.Itoa(p.Count)
		}
		links = append(links, l)
	}
	return links
}

// sentenceKey names a sentence of an article (-1: its headline).
type sentenceKey struct {
	article  string
	sentence int
}

type sentenceText struct {
	start, end int // source offsets, runes
	text       string
}

// sentenceIndex finds the text of every sentence in the event's claims
// (aligned with singletons, they hold every sentence).
func sentenceIndex(ev *EventData) map[sentenceKey]sentenceText {
	out := map[sentenceKey]sentenceText{}
	if ev == nil {
		return out
	}
	for _, c := range ev.Claims {
		for _, m := range c.Members {
			if m.Article < 0 || m.Article >= len(ev.Articles) {
				continue
			}
			k := sentenceKey{ev.Articles[m.Article], m.Sentence}
			if _, ok := out[k]; !ok {
				out[k] = sentenceText{m.Start, m.End, m.Text}
			}
		}
	}
	return out
}

func sentenceName(s int) string {
	if s < 0 {
		return "headline"
	}
	return "sentence " + strconv.Itoa(s+1)
}

// mentionSegs is the sentence of a mention with the mention marked, or the
// mention alone when the sentence is unknown.
func mentionSegs(m MentionJSON, sentences map[sentenceKey]sentenceText) []hSeg {
	s, ok := sentences[sentenceKey{m.Article, m.Sentence}]
	if !ok {
		return []hSeg{{Op: "mark", Text: oneLine(m.Text)}}
	}
	return markMention([]hSeg{{Text: s.text, start: s.start}}, m)
}

// markMention marks m in segs, the segments of its sentence: in the
// plain segment that holds its source offsets, or, failing those, its
// first plain occurrence.
func markMention(segs []hSeg, m MentionJSON) []hSeg {
	for i, s := range segs {
		if s.Op != "" {
			continue
		}
		start := s.start
		runes := []rune(s.Text)
		a, b := m.Start-start, m.End-start
		if a < 0 || b > len(runes) || a >= b || string(runes[a:b]) != m.Text {
			// Offsets that do not fit: find the text.
			k := strings.Index(s.Text, m.Text)
			if m.Text == "" || k < 0 {
				continue
			}
			a = utf8.RuneCountInString(s.Text[:k])
			b = a + utf8.RuneCountInString(m.Text)
		}
		out := slices.Clone(segs[:i])
		if a > 0 {
			out = append(out, hSeg{Text: string(runes[:a]), start: start})
		}
		out = append(out, hSeg{Op: "mark", Text: string(runes[a:b])})
		if b < len(runes) {
			out = append(out, hSeg{Text: string(runes[b:]), start: start + b})
		}
		return append(out, segs[i+1:]...)
	}
	if len(segs) == 0 {
		return []hSeg{{Op: "mark", Text: oneLine(m.Text)}}
	}
	return segs
}
