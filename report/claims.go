package report

import (
	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
)

// Claims is the table of aligned claims: one row per claim, one column per
// report with its wording (shortened in the cell, whole in JSON) or "—"
// where the report does not carry it; claims most reports carry first.
func Claims(arts []*corpus.Article, claims []align.Claim) *Table {
	t := &Table{
		ID:    "claims",
		Title: "Claims",
		HowTo: "Each row is one statement of fact found in two or more reports, in each report's own words; \"—\" marks a report that does not carry it. Rows most reports share come first.",
	}
	t.Columns = reportColumns(arts)
	for _, c := range claims {
		if c.Outlets() < 2 {
			continue // one report's claims are in the omission table
		}
		t.Rows = append(t.Rows, byReport(len(arts), c.Members,
			func(m align.Member) int { return m.Article },
			func(m align.Member) string { return m.Text }))
	}
	return t
}

// reportColumns are one column per report, keyed by id, headed by outlet.
func reportColumns(arts []*corpus.Article) []Column {
	cols := make([]Column, len(arts))
	for i, a := range arts {
		cols[i] = Column{Key: a.ID, Header: a.Outlet}
	}
	return cols
}

// byReport makes one cell per report from items that belong to reports:
// their texts joined by " / " and shortened, the items themselves as the
// JSON value, and "—" (null in JSON) for a report with none.
func byReport[T any](n int, items []T, article func(T) int, text func(T) string) []Cell {
	texts := make([]string, n)
	values := make([][]T, n)
	for _, it := range items {
		a := article(it)
		if texts[a] != "" {
			texts[a] += " / "
		}
		texts[a] += text(it)
		values[a] = append(values[a], it)
	}
	row := make([]Cell, n)
	for i := range row {
		if values[i] == nil {
			row[i] = Cell{Text: "—", Value: nil}
		} else {
			row[i] = Cell{Text: shorten(texts[i], 110), Value: values[i], Full: texts[i]}
		}
	}
	return row
}
