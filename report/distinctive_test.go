package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/distinctive"
)

func distFixture() ([]*corpus.Article, []distinctive.OutletTerms) {
	arts := []*corpus.Article{{ID: "a1", Outlet: "North Daily"}, {ID: "a2", Outlet: "North Daily"}, {ID: "b", Outlet: "South Post"}, {ID: "c", Outlet: "Wire"}}
	m := func(art, start int, text string) frame.Mention {
		return frame.Mention{Article: art, Start: start, End: start + len([]rune(text)), Text: text}
	}
	d := []distinctive.OutletTerms{
		{Outlet: "North Daily", Articles: []int{0, 1}, Terms: []distinctive.Term{
			{Term: "regim", Surface: "regime", Count: 2, Others: 0, Z: 2.402, Mentions: []frame.Mention{m(0, 4, "regime"), m(1, 9, "regime’s")}},
			{Term: "prime minist", Surface: "prime minister", Count: 2, Others: 1, Z: 1.999, Mentions: []frame.Mention{m(0, 20, "Prime minister"), m(1, 30, "prime minister")}},
		}},
		{Outlet: "South Post", Articles: []int{2}, Terms: []distinctive.Term{}},
		{Outlet: "Wire", Articles: []int{3}, Terms: []distinctive.Term{
			{Term: "govern", Surface: "government", Count: 3, Others: 1, Z: 2.1, Mentions: []frame.Mention{m(3, 0, "Government"), m(3, 40, "government"), m(3, 80, "government")}},
		}},
	}
	return arts, d
}

// TestDistinctiveTable: an outlet column and a terms column; a row per
// outlet, terms as "surface (n vs m, z)" joined by "; ", "—" for none;
// the JSON value carries the mentions with article ids; top bounds terms.
func TestDistinctiveTable(t *testing.T) {
	arts, d := distFixture()
	tab := DistinctiveTable(arts, d, 0)
	if tab.ID != "distinctive" || tab.Title == "" || tab.HowTo == "" {
		t.Errorf("table %q %q %q", tab.ID, tab.Title, tab.HowTo)
	}
	if len(tab.Columns) != 2 || tab.Columns[0].Key != "outlet" || tab.Columns[1].Key != "terms" {
		t.Fatalf("columns %+v, want outlet, terms", tab.Columns)
	}
	if len(tab.Rows) != len(d) {
		t.Fatalf("%d rows, want one per outlet: %d", len(tab.Rows), len(d))
	}
	for i, row := range tab.Rows {
		if len(row) != len(tab.Columns) || row[0].Text != d[i].Outlet {
			t.Errorf("row %d: %+v", i, row)
		}
	}
	if got, want := tab.Rows[0][1].Text, "regime (2 vs 0, 2.40); prime minister (2 vs 1, 2.00)"; got != want {
		t.Errorf("terms cell %q, want %q", got, want)
	}
	if got := tab.Rows[1][1]; got.Text != "—" || got.Value != nil {
		t.Errorf("no terms: %+v, want — and null", got)
	}

	b, err := json.Marshal(tab)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Rows []struct {
			Outlet string `json:"outlet"`
			Terms  []struct {
				Term     string        `json:"term"`
				Z        float64       `json:"z"`
				Mentions []MentionJSON `json:"mentions"`
			} `json:"terms"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
	first := doc.Rows[0].Terms[0]
	if first.Term != "regim" || first.Z != 2.402 || len(first.Mentions) != 2 {
		t.Fatalf("JSON term %+v", first)
	}
	if mj := first.Mentions[1]; mj.Article != "a2" || mj.Outlet != "North Daily" || mj.Start != 9 || mj.Text != "regime’s" {
		t.Errorf("JSON mention %+v, want a2's, at 9", mj)
	}
	if !strings.Contains(string(b), `"z":2.402`) {
		t.Errorf("z not printed as given: %s", b)
	}

	if tab.Cut != nil {
		t.Errorf("top 0: cut %+v", tab.Cut)
	}
	top := DistinctiveTable(arts, d, 1)
	if strings.Contains(top.Rows[0][1].Text, ";") {
		t.Errorf("top 1: %q", top.Rows[0][1].Text)
	}
	// Three terms, North Daily's second left out: the cut says so.
	if c := top.Cut; c == nil || c.Shown != 2 || c.Total != 3 || c.Detail != "at most 1 an outlet" {
		t.Errorf("top 1: cut %+v, want 2 of 3 words, at most 1 an outlet", c)
	}
}

// TestDistinctiveTableFromFrame: the table of distinctive.Find's result
// has a row for every outlet.
func TestDistinctiveTableFromFrame(t *testing.T) {
	arts := []*corpus.Article{}
	for i, o := range []string{"A", "B", "C"} {
		a := &corpus.Article{ID: string(rune('a' + i)), Outlet: o}
		arts = append(arts, a)
	}
	d := distinctive.Find(arts, distinctive.Options{})
	tab := DistinctiveTable(arts, d, 0)
	if len(d) != 3 || len(tab.Rows) != 3 {
		t.Fatalf("%d outlets, %d rows, want 3 and 3", len(d), len(tab.Rows))
	}
}
