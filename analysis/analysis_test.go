package analysis

import (
	"slices"
	"testing"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

func sampleEvent(t *testing.T) []*corpus.Article {
	t.Helper()
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// TestSectionsComputeWhatTheyNeed: each section computes its analysis and
// what that reads, and nothing else.
func TestSectionsComputeWhatTheyNeed(t *testing.T) {
	arts := sampleEvent(t)
	all := []string{"quotes", "claims", "near", "concepts", "generic", "reuse", "omission", "emphasis", "discrepancies", "attribution", "distinctive", "choices", "questions"}
	for _, c := range []struct {
		sections []string
		want     []string
	}{
		{[]string{"terms"}, []string{"quotes", "claims", "concepts"}},
		{[]string{"reuse"}, []string{"reuse"}},
		{[]string{"distinctive"}, []string{"distinctive"}},
		{[]string{"omission", "emphasis"}, []string{"quotes", "claims", "near", "omission", "emphasis"}},
		{[]string{"emphasis"}, []string{"quotes", "claims", "emphasis"}},
		{[]string{"overview"}, nil},
		{nil, all},
	} {
		e := Analyze("e1", "", arts, Options{Sections: c.sections})
		for _, a := range all {
			if got, want := e.Has(a), slices.Contains(c.want, a); got != want {
				t.Errorf("sections %v: has %s = %v, want %v", c.sections, a, got, want)
			}
		}
		if !e.Has("claims") && e.Claims != nil || !e.Has("concepts") && e.Concepts != nil || !e.Has("distinctive") && e.Distinctive != nil {
			t.Errorf("sections %v: an analysis not asked for was computed", c.sections)
		}
		if e.Has("concepts") && len(e.Concepts) == 0 {
			t.Errorf("sections %v: no concepts in the sample", c.sections)
		}
	}
}

// TestNeedsNameSections: every section of an event has its needs, and
// every need is computed by Analyze (a name Has knows).
func TestNeedsNameSections(t *testing.T) {
	whole := []string{"overview", "fidelity", "single"}
	for _, s := range Sections {
		if _, ok := Needs[s]; !ok && !slices.Contains(whole, s) {
			t.Errorf("section %q has no needs", s)
		}
	}
	for s := range Needs {
		if !slices.Contains(Sections, s) {
			t.Errorf("needs of %q, which is no section", s)
		}
	}
}

// TestCompareSplitsAlone: events of one report are listed alone, and only
// when the input has several events.
func TestCompareSplitsAlone(t *testing.T) {
	arts := sampleEvent(t)
	two := []group.Event{{ID: "e1", Articles: []int{0, 1}}, {ID: "e2", Articles: []int{2}}}
	r := Compare(Input{All: arts, Compared: arts, Events: two}, Options{Sections: []string{"reuse"}})
	if len(r.Events) != 1 || !slices.Equal(r.Alone, []int{2}) || r.Grouped != 2 {
		t.Errorf("events %d, alone %v, grouped %d; want 1, [2], 2", len(r.Events), r.Alone, r.Grouped)
	}
	one := []group.Event{{ID: "e1", Articles: []int{0}}}
	r = Compare(Input{All: arts, Compared: arts, Events: one}, Options{Sections: []string{"reuse"}})
	if len(r.Events) != 0 || r.Alone != nil {
		t.Errorf("one event of one report: events %d, alone %v; want none", len(r.Events), r.Alone)
	}
}
