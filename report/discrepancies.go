package report

import (
	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame/discrepancy"
)

// DiscrepancyTable shows the facts that reports state differently inside
// a claim or a quote group they share (see package frame/discrepancy): one
// row a slot, with its kind, the words around it, the claim in the first
// report's wording (or the quote), then each report's value as written, or
// "—" where it gives none. JSON gets each value with its offsets.
func DiscrepancyTable(arts []*corpus.Article, claims []align.Claim, quotes []align.QuoteCluster, ds []discrepancy.Discrepancy) *Table {
	t := &Table{
		ID:    "discrepancies",
		Title: "Disagreements",
		HowTo: "Each row is one fact that reports state differently inside a claim or quote they share: a number or quantity, a date, the person in a role, or the person a statement is attributed to; each report's value as written (\"—\": it gives none), and the words around it that the reports share (… stands for the value). A value only one report gives is no disagreement.",
		Columns: append([]Column{
			{Key: "kind", Header: "kind"},
			{Key: "slot", Header: "words around it"},
			{Key: "statement", Header: "claim or quote"},
		}, reportColumns(arts)...),
	}
	if len(ds) == 0 {
		t.HowTo = "No number, date, name or speaker differs between the reports inside the claims and quotes they share."
	}
	for _, d := range ds {
		statement := ""
		switch {
		case d.Claim >= 0 && d.Claim < len(claims) && len(claims[d.Claim].Members) > 0:
			// the sentence that holds the first value
			ms := claims[d.Claim].Members
			statement = ms[0].Text
			for _, m := range ms {
				if len(d.Values) > 0 && m.Article == d.Values[0].Article && m.Start <= d.Values[0].Start && d.Values[0].Start < m.End {
					statement = m.Text
					break
				}
			}
		case d.Quote >= 0 && d.Quote < len(quotes) && len(quotes[d.Quote].Variants) > 0:
			statement = "“" + quotes[d.Quote].Variants[0].Text + "”"
			if s := quotes[d.Quote].Speaker; s != "" {
				statement = s + ": " + statement
			}
		}
		row := []Cell{Str(string(d.Kind)), Str(d.Slot), {Text: shorten(statement, 90), Value: statement}}
		cells := make([]Cell, len(arts))
		for i := range cells {
			cells[i] = Cell{Text: "—", Value: nil}
		}
		for _, v := range d.Values {
			if v.Article >= 0 && v.Article < len(cells) {
				cells[v.Article] = Cell{Text: oneLine(v.Text), Value: v}
			}
		}
		t.Rows = append(t.Rows, append(row, cells...))
	}
	return t
}
