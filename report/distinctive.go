package report

import (
	"strconv"
	"strings"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame/distinctive"
)

// distTermJSON is one distinctive term as JSON carries it: mentions
// name their article by id and outlet, offsets in runes into the
// article's source.
type distTermJSON struct {
	Term     string        `json:"term"`
	Surface  string        `json:"surface"`
	Count    int           `json:"count"`
	Others   int           `json:"others"`
	Z        float64       `json:"z"`
	Mentions []MentionJSON `json:"mentions"`
}

// DistinctiveTable is the distinctive-words table of one event: one row
// per outlet (d from distinctive.Find over arts), with its terms as
// "surface (n vs m, z)", strongest first; top bounds the terms shown per
// outlet (0: all of d's), and the table's Cut says how many it leaves out.
// An outlet with none: "—" (null in JSON).
func DistinctiveTable(arts []*corpus.Article, d []distinctive.OutletTerms, top int) *Table {
	t := &Table{
		ID:    "distinctive",
		Title: "Distinctive words",
		HowTo: "Each outlet's words that set it apart from the other outlets in this event (log-odds with an informative Dirichlet prior, z > 1.96): the word, how often this outlet and the others use it, and z.",
		Columns: []Column{
			{Key: "outlet", Header: "Outlet"},
			{Key: "terms", Header: "Distinctive words (this outlet vs others, z)"},
		},
	}
	shown, total := 0, 0
	for _, o := range d {
		terms := o.Terms
		if top > 0 && len(terms) > top {
			terms = terms[:top]
		}
		shown += len(terms)
		total += len(o.Terms)
		t.Rows = append(t.Rows, []Cell{Str(o.Outlet), distTermsCell(arts, terms)})
	}
	if shown < total {
		t.Cut = &Cut{Shown: shown, Total: total, Noun: "distinctive words", Detail: "at most " + strconv.Itoa(top) + " an outlet", JSON: "events[].distinctive"}
	}
	return t
}

// distTermsCell shows terms as "surface (n vs m, z)" joined by "; ", with
// the terms and their mentions as the JSON value.
func distTermsCell(arts []*corpus.Article, terms []distinctive.Term) Cell {
	if len(terms) == 0 {
		return Cell{Text: "—", Value: nil}
	}
	texts := make([]string, len(terms))
	vals := make([]distTermJSON, len(terms))
	for i, tm := range terms {
		texts[i] = oneLine(tm.Surface) + " (" + strconv.Itoa(tm.Count) + " vs " + strconv.Itoa(tm.Others) + ", " + strconv.FormatFloat(tm.Z, 'f', 2, 64) + ")"
		v := distTermJSON{Term: tm.Term, Surface: tm.Surface, Count: tm.Count, Others: tm.Others, Z: tm.Z, Mentions: make([]MentionJSON, 0, len(tm.Mentions))}
		for _, m := range tm.Mentions {
			mj := MentionJSON{Sentence: m.Sentence, Start: m.Start, End: m.End, Text: m.Text}
			if m.Article >= 0 && m.Article < len(arts) && arts[m.Article] != nil {
				mj.Article, mj.Outlet = arts[m.Article].ID, arts[m.Article].Outlet
			}
			v.Mentions = append(v.Mentions, mj)
		}
		vals[i] = v
	}
	return Cell{Text: strings.Join(texts, "; "), Value: vals}
}
