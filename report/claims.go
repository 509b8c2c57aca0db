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
	for _, a := range arts {
		t.Columns = append(t.Columns, Column{Key: a.ID, Header: a.Outlet})
	}
	for _, c := range claims {
		row := make([]Cell, len(arts))
		for i := range row {
			row[i] = Cell{Text: "—", Value: nil}
		}
		for _, m := range c.Members {
			cell := &row[m.Article]
			if cell.Value == nil {
				*cell = Cell{Text: "", Value: []align.Member{}}
			}
			members := append(cell.Value.([]align.Member), m)
			text := m.Text
			if len(members) > 1 {
				text = cell.Text + " / " + m.Text
			}
			*cell = Cell{Text: text, Value: members}
		}
		for i := range row {
			if row[i].Value != nil {
				row[i].Text = shorten(row[i].Text, 110)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
