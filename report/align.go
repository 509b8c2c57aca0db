package report

import (
	"fmt"
	"strings"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/align/reuse"
	"github.com/biasdiff/biasdiff/corpus"
)

// QuotesTable shows each statement quoted by two reports or more: the
// speaker, then each report's wording or "—".
func QuotesTable(arts []*corpus.Article, clusters []align.QuoteCluster) *Table {
	t := &Table{
		ID:      "quotes",
		Title:   "Quotes",
		HowTo:   "Each row is one statement quoted by two reports or more, in each report's wording (in full, in part, or translated differently), or given as reported speech: the report's sentence, without quotation marks, marked \"reported\"; \"—\" marks a report that does not give it.",
		Columns: append([]Column{{Key: "speaker", Header: "speaker"}}, reportColumns(arts)...),
	}
	for _, c := range clusters {
		row := []Cell{Str(c.Speaker)}
		t.Rows = append(t.Rows, append(row, byReport(len(arts), c.Variants,
			func(v align.Variant) int { return v.Article },
			func(v align.Variant) string {
				if v.Reported {
					return v.Text + " (reported, " + v.Verb + ")"
				}
				if v.Verb != "" {
					return "“" + v.Text + "” (" + v.Verb + ")"
				}
				return "“" + v.Text + "”"
			})...))
	}
	return t
}

// ReuseTable shows each pair of reports that share passages: how much of
// each is reused, in how many passages, how close to verbatim, and which
// is the likely source.
func ReuseTable(arts []*corpus.Article, pairs []reuse.Pair) *Table {
	t := &Table{
		ID:    "reuse",
		Title: "Reused copy",
		HowTo: "Each row is a pair of reports that share passages of at least a dozen words: the share of each report inside them, how many passages, how close to verbatim (1.00 = word for word), and the likely source when the dates tell.",
		Columns: []Column{
			{Key: "a", Header: "report"}, {Key: "b", Header: "shares with"},
			{Key: "share_a", Header: "share of report", Number: true}, {Key: "share_b", Header: "share of other", Number: true},
			{Key: "passages", Header: "passages", Number: true}, {Key: "identity", Header: "verbatim", Number: true},
			{Key: "source", Header: "likely source"},
		},
	}
	for _, p := range pairs {
		ident := 1.0
		for _, ps := range p.Passages {
			ident = min(ident, ps.Identity)
		}
		src := ""
		if p.Source >= 0 {
			src = arts[p.Source].Outlet
		}
		t.Rows = append(t.Rows, []Cell{
			Str(arts[p.A].Outlet), Str(arts[p.B].Outlet),
			pct(p.ShareA), pct(p.ShareB), Int(len(p.Passages)),
			{Text: fmt.Sprintf("%.2f", ident), Value: fmt.Sprintf("%.2f", ident)},
			Str(src),
		})
	}
	return t
}

// pct shows a share as a whole percentage; JSON gets the same string, so
// that no float is printed with platform-dependent digits.
func pct(x float64) Cell {
	s := fmt.Sprintf("%.0f%%", 100*x)
	return Cell{Text: s, Value: s}
}

// FidelityTable shows each quote against the primary sources: how much of
// it the primary has in that order, the passage, and the qualifying words
// the quote drops.
func FidelityTable(arts, primaries []*corpus.Article, checks []align.QuoteCheck) *Table {
	t := &Table{
		ID:    "fidelity",
		Title: "Quote fidelity",
		HowTo: "Each row is a quote checked against the primary source: the share of its words the primary has in that order, the primary's passage, and qualifiers (not, only, if, ...) the quote leaves out; a contraction counts as the words it stands for (\"isn't\" as \"is not\").",
		Columns: []Column{
			{Key: "outlet", Header: "outlet"}, {Key: "speaker", Header: "speaker"}, {Key: "quote", Header: "quote"},
			{Key: "fidelity", Header: "fidelity", Number: true}, {Key: "passage", Header: "in the primary source"},
			{Key: "dropped", Header: "drops"},
		},
	}
	for _, c := range checks {
		fid := fmt.Sprintf("%d%%", c.Fidelity/10)
		passage := "not in the primary source"
		if c.Primary >= 0 {
			passage = primaries[c.Primary].Outlet + ": " + c.Passage
		}
		t.Rows = append(t.Rows, []Cell{
			Str(arts[c.Article].Outlet), Str(c.Speaker),
			{Text: shorten("“"+c.Text+"”", 90), Value: c.Text, Full: "“" + c.Text + "”"},
			{Text: fid, Value: c.Fidelity},
			{Text: shorten(passage, 90), Value: passage},
			{Text: strings.Join(c.Dropped, ", "), Value: c.Dropped},
		})
	}
	return t
}
