// Package report turns an analysis into tables and renders them.
//
// In: an analysis.Result (Build), which it reads and never re-derives.
// Out: a Report — a title, a few summary lines and a list of Tables — and
// its renderings (Render: text, md, json, csv, html). A Table is columns
// and rows of cells, each cell carrying the text shown and the value JSON
// gets (and, for some, a detail one click away), its kind (one of
// Sections) and the event it is of, and, when it shows only some of its
// rows, a Cut that every renderer but CSV declares under it. Builders
// (Overview, Terms, ...) make Tables from the analysis's data; renderers
// know only Report and Table, so a new table touches no renderer but for
// a view of its own. Renderers only render: same Report, same bytes. Cost:
// linear in the cells.
package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/align/reuse"
	"github.com/biasdiff/biasdiff/analysis"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame/attribution"
	"github.com/biasdiff/biasdiff/frame/discrepancy"
	"github.com/biasdiff/biasdiff/frame/distinctive"
	"github.com/biasdiff/biasdiff/frame/omission"
)

// FormatVersion is the version of the JSON report (docs/report.schema.json):
// it changes when a field is renamed or removed or changes meaning.
const FormatVersion = "1"

// Report is what `biasdiff compare` prints.
type Report struct {
	Version string   `json:"version"` // FormatVersion
	Title   string   `json:"title"`
	Summary []string `json:"summary,omitempty"`
	// Articles lists the input, for JSON: which id is which file.
	Articles []ArticleRef `json:"articles,omitempty"`
	Tables   []*Table     `json:"tables"`
	// Concepts are the things the reports of each event name, with every
	// mention; Flags the spans marked as framing choices (JSON only).
	Concepts []ConceptJSON `json:"concepts,omitempty"`
	Flags    []Flag        `json:"flags,omitempty"`
	// Events carries the alignment data behind the tables, for JSON only.
	Events []EventData `json:"events,omitempty"`
	// Fidelity is every quote checked against the primary sources given
	// (article indexes into the reports, in input order).
	Fidelity []align.QuoteCheck `json:"fidelity,omitempty"`
	// ranked are the concepts named in contrasting words, strongest
	// first, across events (analysis.Contrasts): What differs lists them.
	ranked []ranked
}

// ranked is one contrast of an event, with its concept's index into
// Report.Concepts.
type ranked struct {
	analysis.Contrast
	order int
}

// EventData is what was aligned in one event: member and variant article
// indexes point into Articles.
type EventData struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Title is what a person would call the event: the event the user
	// declared, else the headline (or lead sentence) most of its reports
	// share (analysis.Event.Name); TitleSource says where it comes from.
	Title       string               `json:"title,omitempty"`
	TitleSource string               `json:"title_source,omitempty"`
	Articles    []string             `json:"articles"` // article ids
	Claims      []align.Claim        `json:"claims"`
	Quotes      []align.QuoteCluster `json:"quotes"`
	Reuse       []reuse.Pair         `json:"reuse"`
	Concepts    []string             `json:"concepts"` // concept ids
	// Omission and Emphasis index into Claims.
	Omission    omission.Omission         `json:"omission"`
	Emphasis    omission.Emphasis         `json:"emphasis"`
	Attribution attribution.Attribution   `json:"attribution"`
	Distinctive []distinctive.OutletTerms `json:"distinctive"`
	// Discrepancies index into Claims and Quotes.
	Discrepancies []discrepancy.Discrepancy `json:"discrepancies"`
}

// ArticleRef names one input article.
type ArticleRef struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	Date   string `json:"date,omitempty"`
	// Language is the ISO 639-1 code of the report's language, as declared
	// or guessed; empty when unknown.
	Language string `json:"language,omitempty"`
	// Repeats is the id of the earlier report this one repeats (the same
	// text read twice); such a report is set aside, not compared.
	Repeats string `json:"repeats,omitempty"`
	// Removed is the page chrome taken out of the source, with the reason.
	Removed []corpus.Removal `json:"removed,omitempty"`
}

// Table is one table of a report.
type Table struct {
	ID      string   // stable: the JSON key, the Markdown anchor, the CSV section name
	Title   string   // heading
	HowTo   string   // one line: how to read the table
	Columns []Column // in order
	Rows    [][]Cell // each as long as Columns
	// Cut, when set, says that the table shows only some of what it has
	// (--top): text, Markdown and HTML write its Line under the table,
	// JSON writes it as "cut"; CSV, one table's rows, leaves it out.
	Cut *Cut
	// Kind is the section the table shows (one of Sections: "terms"), its
	// ID without the event's prefix; EventID is that prefix, the id of
	// the event the table is of when the report has several ("e2").
	Kind, EventID string
	// event is 1 + the index into Report.Events of the event the table
	// is of; 0 for a table of the whole input.
	event int
	// marked are the reports' texts with the word choices marked (the
	// choices table), which the HTML page shows above the table.
	marked []markedText
}

// Event is the data of the event the table is of; nil for a table of the
// whole input (the overview, fidelity, single reports) or when the report
// carries no event data (biasdiff terms).
func (r *Report) Event(t *Table) *EventData {
	if t.event <= 0 || t.event > len(r.Events) {
		return nil
	}
	return &r.Events[t.event-1]
}

// Cut is what a table leaves out: it shows Shown of Total things (rows,
// or the items in its cells), and the rest are a --top 0 away, and in the
// JSON report where JSON says.
type Cut struct {
	Shown, Total int
	Noun         string // the things, plural: "claims", "concepts"
	Detail       string // what the rest are, when that helps: "left out: 12 claims that one report alone carries"
	JSON         string // where the JSON report has them all ("events[].omission"); "" if it has not
}

// Line says it in a sentence: "20 of 111 claims shown (left out: ...);
// --top 0 shows all, and the JSON report has every one in
// events[].omission."
func (c *Cut) Line() string {
	s := fmt.Sprintf("%d of %d %s shown", c.Shown, c.Total, c.Noun)
	if c.Detail != "" {
		s += " (" + c.Detail + ")"
	}
	s += "; --top 0 shows all"
	if c.JSON != "" {
		s += ", and the JSON report (--format json) has every one in " + c.JSON
	}
	return s + "."
}

// Column describes one column.
type Column struct {
	Key    string // JSON field name
	Header string // shown
	Number bool   // right-aligned
	// Whole: the column's cells are never shortened (the questions).
	Whole bool
}

// Cell is one value: Text is shown, Value goes to JSON (string, int, bool).
type Cell struct {
	Text  string
	Value any
	// Full is the whole text when Text is shortened and Value is not that
	// text (a claim's members, say): Markdown and CSV show it.
	Full string
	// Detail is more about the cell, one click away: Markdown and HTML
	// put it behind a <details> whose summary is Text (the nearest
	// sentence behind an omission table's "≈ body"); text, CSV and JSON
	// show Text and Value alone.
	Detail string
	// Mark, when Mark[1] > Mark[0], is a byte range of Text to show marked:
	// in bold in Markdown, highlighted in HTML (a word choice in its
	// sentence); text, CSV and JSON show Text alone.
	Mark [2]int
	// Anchor, when set, is the id of a table of the report the cell links
	// to (Markdown and HTML).
	Anchor string
	// Files, when set, are files beside the report that the cell names
	// (the index's event reports): HTML and Markdown link each; text,
	// JSON and CSV show Text and Value.
	Files []string
}

// Str makes a text cell.
func Str(s string) Cell { return Cell{Text: s, Value: s} }

// Int makes a number cell.
func Int(n int) Cell { return Cell{Text: strconv.Itoa(n), Value: n} }

// Formats are the output formats of Render.
var Formats = []string{"text", "md", "json", "csv", "html"}

// Options tune rendering.
type Options struct {
	Width   int    // terminal width for text; 0 means 100
	Color   bool   // ANSI colour in text
	Section string // csv: the table to write, by id ("terms", "e2-claims")
}

// Render writes r in format to w.
func Render(w io.Writer, r *Report, format string, opt Options) error {
	switch format {
	case "text":
		return renderText(w, r, opt)
	case "md":
		return renderMarkdown(w, r)
	case "json":
		return renderJSON(w, r)
	case "csv":
		return RenderCSV(w, r, opt.Section)
	case "html":
		return RenderHTML(w, r)
	}
	return fmt.Errorf("unknown format %q (want text, md, json, csv or html)", format)
}
