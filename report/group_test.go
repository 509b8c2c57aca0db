package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/corpus"
)

// TestGroupsNoEmptyTable: Groups makes no table without rows; where one
// would be empty — no single report, no event of two — the summary says
// so, in every format.
func TestGroupsNoEmptyTable(t *testing.T) {
	arts := []*corpus.Article{
		{ID: "a", Outlet: "North", Title: "Bridge opens"},
		{ID: "b", Outlet: "South", Title: "Bridge opens at last"},
		{ID: "c", Outlet: "West", Title: "Zoo names a calf"},
	}
	for _, c := range []struct {
		name    string
		events  []group.Event
		tables  []string
		summary string
	}{
		{"events and a single report", []group.Event{{ID: "e1", Label: "bridge", Articles: []int{0, 1}}, {ID: "e2", Label: "zoo", Articles: []int{2}}},
			[]string{"e1", "single"}, "1 event covered by more than one report; 1 single report."},
		{"no single report", []group.Event{{ID: "e1", Label: "bridge", Articles: []int{0, 1, 2}}},
			[]string{"e1"}, "1 event covered by more than one report; every report is in one of them, none stands alone."},
		{"no event of two", []group.Event{{ID: "e1", Label: "bridge", Articles: []int{0}}, {ID: "e2", Label: "bridge", Articles: []int{1}}, {ID: "e3", Label: "zoo", Articles: []int{2}}},
			[]string{"single"}, "No two reports were found to cover the same event: each stands alone."},
	} {
		r := Groups(arts, c.events)
		var ids []string
		for _, tab := range r.Tables {
			ids = append(ids, tab.ID)
			if len(tab.Rows) == 0 {
				t.Errorf("%s: table %s is empty", c.name, tab.ID)
			}
		}
		if strings.Join(ids, " ") != strings.Join(c.tables, " ") {
			t.Errorf("%s: tables %q, want %q", c.name, ids, c.tables)
		}
		if len(r.Summary) != 1 || r.Summary[0] != c.summary {
			t.Errorf("%s: summary %q, want %q", c.name, r.Summary, c.summary)
		}
		for _, format := range []string{"text", "md"} {
			var b bytes.Buffer
			if err := Render(&b, r, format, Options{}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), strings.TrimSuffix(c.summary, ".")) {
				t.Errorf("%s, %s: no %q in\n%s", c.name, format, c.summary, b.String())
			}
		}
	}
}
