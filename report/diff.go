package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/align/wdiff"
	"github.com/biasdiff/biasdiff/corpus"
)

// DiffPair is one aligned pair of `biasdiff diff`: the sentences of each
// report (one or two) and the word edits from the first to the second.
type DiffPair struct {
	A, B  []align.Member
	Edits []wdiff.Edit // byte ranges into the joined texts of A and B
}

// Diff builds the report of `biasdiff diff`: the sentences two reports
// share, with their wording differences marked, then what each has that
// the other lacks.
func Diff(a, b *corpus.Article) *Report {
	arts := []*corpus.Article{a, b}
	claims := align.Claims(arts, align.Options{Singletons: true})
	var pairs []DiffPair
	only := [2][]align.Member{}
	for _, c := range claims {
		var p DiffPair
		for _, m := range c.Members {
			if m.Article == 0 {
				p.A = append(p.A, m)
			} else {
				p.B = append(p.B, m)
			}
		}
		switch {
		case len(p.A) > 0 && len(p.B) > 0:
			p.Edits = wdiff.Words(joined(p.A), joined(p.B))
			pairs = append(pairs, p)
		case len(p.A) > 0:
			only[0] = append(only[0], p.A...)
		default:
			only[1] = append(only[1], p.B...)
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].A[0].Sentence < pairs[j].A[0].Sentence })
	for k := range only {
		sort.Slice(only[k], func(i, j int) bool { return only[k][i].Sentence < only[k][j].Sentence })
	}

	r := &Report{
		Title: fmt.Sprintf("biasdiff diff: %s and %s", a.Outlet, b.Outlet),
		Summary: []string{fmt.Sprintf("%s in both; %d only in %s, %d only in %s.",
			plural(len(pairs), "aligned passage"), len(only[0]), a.Outlet, len(only[1]), b.Outlet)},
	}
	t := &Table{
		ID:    "aligned",
		Title: "Sentences in both",
		HowTo: fmt.Sprintf("Each row is a statement both reports make, in order of %s: its wording there, with [-words only %s uses-] and {+words only %s uses+}.", a.Outlet, a.Outlet, b.Outlet),
		Columns: []Column{
			{Key: "a", Header: a.Outlet + " #"}, {Key: "b", Header: b.Outlet + " #"},
			{Key: "diff", Header: "wording"},
		},
	}
	for _, p := range pairs {
		ta, tb := joined(p.A), joined(p.B)
		t.Rows = append(t.Rows, []Cell{
			{Text: where(p.A), Value: p.A}, {Text: where(p.B), Value: p.B},
			{Text: wdiff.Render(ta, tb, p.Edits), Value: p.Edits},
		})
	}
	r.Tables = append(r.Tables, t)
	for k, art := range arts {
		ot := &Table{
			ID:      fmt.Sprintf("only-%c", 'a'+k),
			Title:   "Only in " + art.Outlet,
			HowTo:   "Sentences with no counterpart in the other report: what it adds, or what the other leaves out.",
			Columns: []Column{{Key: "sentence", Header: "#"}, {Key: "position", Header: "where"}, {Key: "text", Header: "sentence"}},
		}
		for _, m := range only[k] {
			ot.Rows = append(ot.Rows, []Cell{{Text: where([]align.Member{m}), Value: m.Sentence}, Str(string(m.Position)), Str(m.Text)})
		}
		r.Tables = append(r.Tables, ot)
	}
	return r
}

// joined is the text of one side of a pair: its sentences, one space apart.
func joined(ms []align.Member) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.Text
	}
	return strings.Join(parts, " ")
}

// where names sentences by number ("h" for the headline).
func where(ms []align.Member) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		if m.Sentence < 0 {
			parts[i] = "h"
		} else {
			parts[i] = fmt.Sprint(m.Sentence + 1)
		}
	}
	return strings.Join(parts, "+")
}
