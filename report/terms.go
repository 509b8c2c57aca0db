package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/choice"
)

// ConceptJSON is a concept as JSON carries it: mentions name their article
// by id and outlet, offsets in runes into the article's source file.
type ConceptJSON struct {
	ID      string       `json:"id"`
	Label   string       `json:"label"`
	Source  frame.Source `json:"source"`
	Event   string       `json:"event,omitempty"`
	Differs bool         `json:"differs"` // outlets use different phrases for it
	Tags    []string     `json:"tags,omitempty"`
	// Confidence: how sure the tool is that the mentions name one thing
	// ("sure", "likely", "loose"; frame.Confidence).
	Confidence frame.Confidence `json:"confidence,omitempty"`
	Mentions   []MentionJSON    `json:"mentions"`
}

// MentionJSON is one mention of a concept.
type MentionJSON struct {
	Article  string `json:"article"`
	Outlet   string `json:"outlet"`
	Sentence int    `json:"sentence"` // -1: the title
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Note     string `json:"note,omitempty"`
	Nested   bool   `json:"nested,omitempty"` // part of a longer mention of the concept
}

// Flag is a span the report marks as a framing choice.
type Flag struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Kind    string `json:"kind"` // "label": a phrase for a concept that other outlets name differently
	Why     string `json:"why"`
}

// ConceptsJSON converts the concepts of one event (article indexes into
// arts) for JSON; event is the event's id, "" when there is one.
func ConceptsJSON(arts []*corpus.Article, concepts []frame.Concept, event string) []ConceptJSON {
	out := make([]ConceptJSON, 0, len(concepts))
	for _, c := range concepts {
		cj := ConceptJSON{ID: c.ID, Label: c.Label, Source: c.Source, Event: event, Differs: frame.Differs(c), Tags: c.Tags, Confidence: c.Confidence, Mentions: []MentionJSON{}}
		if event != "" {
			cj.ID = event + "/" + c.ID
		}
		for _, m := range c.Mentions {
			a := arts[m.Article]
			cj.Mentions = append(cj.Mentions, MentionJSON{Article: a.ID, Outlet: a.Outlet, Sentence: m.Sentence, Start: m.Start, End: m.End, Text: m.Text, Note: m.Note, Nested: m.Nested})
		}
		out = append(out, cj)
	}
	return out
}

// Flags converts framing choices (choice.Find) for JSON.
func Flags(arts []*corpus.Article, choices []choice.Choice) []Flag {
	out := make([]Flag, 0, len(choices))
	for _, c := range choices {
		a := arts[c.Article]
		out = append(out, Flag{Article: a.ID, Outlet: a.Outlet, Start: c.Start, End: c.End, Text: c.Text, Kind: c.Kind, Why: c.Why})
	}
	return out
}

// Terms is the term-choice table: one row per concept, one column per
// report with the phrases it uses for it and how often; concepts in
// their order (frame.Concepts: by confidence, then contrast). top bounds the rows (0: all): it keeps
// the first top concepts two reports or more name, and the table's Cut
// says how many concepts it leaves out, those found in one report only
// (a concept file's entries too) among them. With top 0 every concept is
// a row, those of one report last (the concepts' order).
func Terms(arts []*corpus.Article, concepts []frame.Concept, top int) *Table {
	t := &Table{
		ID:    "terms",
		Title: "Term choice",
		HowTo: "Each row is one thing the reports name, with the words each report uses for it and how often (×n); \"—\": the report does not mention it. Rows where the reports' words differ come first, those the tool is surer name one thing first; rows joined only by a shared head noun come last.",
	}
	t.Columns = append([]Column{{Key: "concept", Header: "Concept"}, {Key: "source", Header: "Found by"}}, reportColumns(arts)...)
	more, alone := 0, 0 // concepts left out by top: of two reports or more, of one
	for _, c := range concepts {
		n := frame.Outlets(c)
		switch {
		case n == 0:
			continue
		case top > 0 && n < 2:
			alone++
			continue
		case top > 0 && len(t.Rows) == top:
			more++
			continue
		}
		row := []Cell{Str(c.Label), Str(string(c.Source))}
		for ai := range arts {
			row = append(row, phraseCell(c, ai))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Cut = termsCut(len(t.Rows), more, alone)
	return t
}

// termsCut says what --top left out of the term table; nil when nothing.
func termsCut(shown, more, alone int) *Cut {
	var parts []string
	if more > 0 {
		parts = append(parts, plural(more, "more concept", "more concepts")+" that two reports or more name")
	}
	if alone > 0 {
		parts = append(parts, plural(alone, "concept", "concepts")+" found in one report only")
	}
	if len(parts) == 0 {
		return nil
	}
	return &Cut{Shown: shown, Total: shown + more + alone, Noun: "concepts", Detail: "left out: " + strings.Join(parts, " and "), JSON: "concepts"}
}

// phraseCell lists the phrases article ai uses for c with counts,
// commonest first.
func phraseCell(c frame.Concept, ai int) Cell {
	type ph struct {
		text string
		n    int
	}
	var ps []ph
	at := map[string]int{}
	for _, m := range c.Mentions {
		if m.Article != ai || m.Nested {
			continue
		}
		k := frame.Key(m.Text)
		if i, ok := at[k]; ok {
			ps[i].n++
			continue
		}
		at[k] = len(ps)
		ps = append(ps, ph{oneLine(m.Text), 1})
	}
	if len(ps) == 0 {
		return Cell{Text: "—", Value: nil}
	}
	slices.SortStableFunc(ps, func(a, b ph) int { return cmp.Compare(b.n, a.n) })
	var texts []string
	type phraseJSON struct {
		Text  string `json:"text"`
		Count int    `json:"count"`
	}
	var vals []phraseJSON
	for _, p := range ps {
		s := p.text
		if p.n > 1 {
			s += " ×" + strconv.Itoa(p.n)
		}
		texts = append(texts, s)
		vals = append(vals, phraseJSON{p.text, p.n})
	}
	all := strings.Join(texts, "; ")
	return Cell{Text: shorten(all, 110), Value: vals, Full: all}
}

// KeepTerms makes r the report `biasdiff terms` prints: its term tables,
// with the concepts and flags behind them; no other table, no event data.
func KeepTerms(r *Report) {
	r.Events = nil
	r.Tables = slices.DeleteFunc(r.Tables, func(t *Table) bool { return t.Kind != "terms" })
}
