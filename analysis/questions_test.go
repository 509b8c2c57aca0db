package analysis

import (
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/discrepancy"
	"github.com/biasdiff/biasdiff/frame/omission"
)

// TestQuestions: each kind of finding gives its question, strongest
// contrast first, at most five, in the order Questions promises.
func TestQuestions(t *testing.T) {
	arts := []*corpus.Article{{Outlet: "North Star"}, {Outlet: "South Post"}, {Outlet: "Wire"}}
	e := &Event{
		Articles: arts,
		Concepts: []frame.Concept{{Label: "the crossing", Source: frame.Mined}, {Label: "Ann Vell", Source: frame.Entity, Confidence: frame.Likely}, {Label: "Omar Kell", Source: frame.Entity, Confidence: frame.Likely}},
		Contrasts: []Contrast{
			{Concept: 0, Wordings: []Wording{{Text: "the bridge", Outlets: []string{"North Star"}}, {Text: "the bridges", Outlets: []string{"Wire"}}, {Text: "the old crossing", Outlets: []string{"South Post"}}}},
			// Forms of a name, and a description one outlet alone gives: no question.
			{Concept: 2, Wordings: []Wording{{Text: "Kell", Outlets: []string{"Wire", "North Star"}}, {Text: "Mr. Kell", Outlets: []string{"South Post", "Wire"}}, {Text: "Governor", Outlets: []string{"North Star", "South Post"}}, {Text: "a senior vice president", Outlets: []string{"Wire"}}}},
			{Concept: 1, Wordings: []Wording{{Text: "Vell", Outlets: []string{"Wire"}}, {Text: "the mayor", Outlets: []string{"Wire", "North Star"}}, {Text: "the developer's friend", Outlets: []string{"South Post"}}}},
		},
		Claims: []align.Claim{
			{Members: []align.Member{{Article: 0, Text: "“It will close,” she said."}, {Article: 1, Text: "The bridge will close in May."}}},
		},
		Omission:      omission.Omission{Rows: []omission.Row{{Claim: 0, Outlets: 2, Cells: []omission.Cell{"lede", "body", ""}}}},
		Emphasis:      omission.Emphasis{Articles: []omission.ArticleEmphasis{{Article: 0, Headline: "Bridge to close"}, {Article: 1, Headline: "A neighbourhood cut off"}}},
		Discrepancies: []discrepancy.Discrepancy{{Kind: discrepancy.Number, Values: []discrepancy.Value{{Article: 0, Text: "300 families"}, {Article: 2, Text: "1,200 residents"}}}},
	}
	qs := Questions(e)
	want := []struct{ section, has string }{
		{"terms", "“the bridge”, others “the old crossing”"}, // no pair of one root ("the bridges")
		{"discrepancies", "North Star “300 families”, Wire “1,200 residents”"},
		{"omission", "2 reports say “The bridge will close in May”; Wire does not"}, // the wording that quotes no one
		{"emphasis", "North Star leads with “Bridge to close”"},
		{"terms", "describe Ann Vell as “the mayor”, others as “Vell”"},
	}
	if len(qs) != len(want) {
		t.Fatalf("%d questions, want %d: %q", len(qs), len(want), qs)
	}
	for i, w := range want {
		if qs[i].Section != w.section || !strings.Contains(qs[i].Text, w.has) {
			t.Errorf("question %d: %s %q; want %s with %q", i, qs[i].Section, qs[i].Text, w.section, w.has)
		}
		if !strings.HasSuffix(qs[i].Text, "?") {
			t.Errorf("question %d does not ask: %q", i, qs[i].Text)
		}
	}
	if got := Questions(&Event{Articles: arts}); len(got) != 0 {
		t.Errorf("no findings, questions %q", got)
	}
}
