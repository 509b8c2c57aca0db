package report

import (
	"slices"
	"strings"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/analysis"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/lexicon"
)

// CompareOptions are what the tests of this package compare with: the
// options of `biasdiff compare`.
type CompareOptions struct {
	Primaries       []*corpus.Article
	Lexicons        []*lexicon.Lexicon
	Top             int
	Sections        []string
	RepeatsSetAside bool
}

// Compare is `biasdiff compare` without its flags: repeats set aside,
// grouping, analysis, and the report built from it.
func Compare(arts []*corpus.Article, opt CompareOptions) *Report {
	kept, repeats := arts, map[int]corpus.Duplicate(nil)
	if !opt.RepeatsSetAside {
		kept, repeats = analysis.SetAside(arts)
	}
	in := analysis.Input{All: arts, Compared: kept, Repeats: repeats, Events: group.Group(kept, group.Options{}), Primaries: opt.Primaries}
	res := analysis.Compare(in, analysis.Options{Lexicons: opt.Lexicons, Sections: opt.Sections})
	return Build(res, BuildOptions{Top: opt.Top})
}

// TermsReport is the report `biasdiff terms` prints.
func TermsReport(arts []*corpus.Article, opt CompareOptions) *Report {
	opt.Sections = []string{"terms", "choices"}
	r := Compare(arts, opt)
	KeepTerms(r)
	return r
}

// finish gives a report built by hand in a test what Build gives the
// reports it builds: each table's kind, event id and event (read from the
// table's id, "e2-terms", and Events), and the contrasts of wording ranked
// by the analysis from the report's concepts.
func finish(r *Report) *Report {
	for _, t := range r.Tables {
		t.Kind, t.EventID, t.event = t.ID, "", 0
		for i, e := range r.Events {
			if kind, ok := strings.CutPrefix(t.ID, e.ID+"-"); ok {
				t.Kind, t.EventID, t.event = kind, e.ID, i+1
			}
		}
		if t.event == 0 && len(r.Events) == 1 && slices.Contains(Sections, t.ID) && t.ID != "overview" {
			t.event = 1
		}
		if t.EventID == "" {
			if ev, kind, ok := strings.Cut(t.ID, "-"); ok && slices.Contains(Sections, kind) {
				t.Kind, t.EventID = kind, ev // an event's table in a report without event data
			}
		}
	}
	arts := make([]*corpus.Article, len(r.Articles))
	at := map[string]int{}
	for i, a := range r.Articles {
		arts[i] = &corpus.Article{ID: a.ID, Outlet: a.Outlet}
		at[a.ID] = i
	}
	r.ranked = nil
	byEvent := map[string][]int{} // event id → indexes into r.Concepts
	var events []string
	for i, c := range r.Concepts {
		if _, ok := byEvent[c.Event]; !ok {
			events = append(events, c.Event)
		}
		byEvent[c.Event] = append(byEvent[c.Event], i)
	}
	for _, ev := range events {
		var cs []frame.Concept
		for _, i := range byEvent[ev] {
			c := r.Concepts[i]
			fc := frame.Concept{ID: c.ID, Label: c.Label, Source: c.Source, Tags: c.Tags, Confidence: c.Confidence}
			for _, m := range c.Mentions {
				ai, ok := at[m.Article]
				if !ok {
					ai = len(arts)
					arts = append(arts, &corpus.Article{ID: m.Article, Outlet: m.Outlet})
					at[m.Article] = ai
				}
				fc.Mentions = append(fc.Mentions, frame.Mention{Article: ai, Sentence: m.Sentence, Start: m.Start, End: m.End, Text: m.Text, Note: m.Note, Nested: m.Nested})
			}
			cs = append(cs, fc)
		}
		for _, ct := range analysis.Contrasts(arts, cs) {
			r.ranked = append(r.ranked, ranked{Contrast: ct, order: byEvent[ev][ct.Concept]})
		}
	}
	slices.SortStableFunc(r.ranked, func(a, b ranked) int { return analysis.Stronger(a.Contrast, b.Contrast, a.order, b.order) })
	return r
}
