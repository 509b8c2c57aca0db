package report

import (
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/choice"
)

func termsFixture() ([]*corpus.Article, []frame.Concept) {
	arts := []*corpus.Article{{ID: "a", Outlet: "North Daily"}, {ID: "b", Outlet: "South Post"}, {ID: "c", Outlet: "Wire"}}
	m := func(art, start int, text string, nested bool) frame.Mention {
		return frame.Mention{Article: art, Start: start, End: start + len([]rune(text)), Text: text, Nested: nested}
	}
	cs := []frame.Concept{
		{ID: "isles", Label: "the isles", Source: frame.Lexical, Mentions: []frame.Mention{
			m(0, 0, "Silver Isles", false), m(0, 40, "the Silver Isles", false), m(1, 0, "Grey Rocks", false), m(2, 5, "the isles", false)}},
		{ID: "rivera", Label: "Rivera", Source: frame.Entity, Mentions: []frame.Mention{
			m(0, 60, "President Rivera", false), m(0, 70, "Rivera", true), m(1, 60, "Rivera", false)}},
		{ID: "alone", Label: "a harbour", Source: frame.Entity, Mentions: []frame.Mention{m(2, 50, "a harbour", false), m(2, 80, "the harbour", false)}},
	}
	return arts, cs
}

// TestTermsTable: one row per concept, a cell per report with its
// wordings and counts (nested mentions left out), "—" for a report that
// does not mention it; --top bounds the rows.
func TestTermsTable(t *testing.T) {
	arts, cs := termsFixture()
	tab := Terms(arts, cs, 0)
	const fixed = 2 // concept, source
	if got, want := len(tab.Columns), fixed+len(arts); got != want {
		t.Fatalf("%d columns, want %d", got, want)
	}
	if len(tab.Rows) != len(cs) {
		t.Fatalf("%d rows, want %d", len(tab.Rows), len(cs))
	}
	isles := tab.Rows[0]
	if got := isles[fixed+0].Text; got != "Silver Isles ×2" {
		t.Errorf("North Daily cell %q, want the two wordings of one Key counted together", got)
	}
	if got := isles[fixed+1].Text; got != "Grey Rocks" {
		t.Errorf("South Post cell %q", got)
	}
	rivera := tab.Rows[1]
	if got := rivera[fixed+0].Text; got != "President Rivera" {
		t.Errorf("nested mention counted: %q", got)
	}
	if got := rivera[fixed+2]; got.Text != "—" || got.Value != nil {
		t.Errorf("absent: got %+v, want — and null", got)
	}
	alone := tab.Rows[2] // mentioned by one report only: shown with --top 0
	if alone[0].Text != "a harbour" || alone[fixed+0].Text != "—" || alone[fixed+1].Text != "—" || alone[fixed+2].Text != "a harbour ×2" {
		t.Errorf("one report's concept: %+v", alone)
	}
	if strings.Contains(tab.HowTo, "Not shown") {
		t.Errorf("--top 0 declares a cut: %q", tab.HowTo)
	}
}

// TestTermsTop: --top N keeps the first N concepts two reports or more
// name, leaves those of one report out, and says how many it leaves out;
// --top 0 shows every concept, a concept file's entry found in one report
// only too.
func TestTermsTop(t *testing.T) {
	arts, cs := termsFixture()
	lexAlone := frame.Concept{ID: "bay", Label: "the bay", Source: frame.Lexical, Mentions: []frame.Mention{{Article: 1, Start: 90, End: 97, Text: "the bay"}}}
	cs = append(cs, lexAlone)
	for _, c := range []struct {
		top    int
		labels string
		cut    string // the table's Cut line, "" for none
	}{
		{0, "the isles|Rivera|a harbour|the bay", ""},
		{1, "the isles", "1 of 4 concepts shown (left out: 1 more concept that two reports or more name and 2 concepts found in one report only); --top 0 shows all, and the JSON report (--format json) has every one in concepts."},
		{2, "the isles|Rivera", "2 of 4 concepts shown (left out: 2 concepts found in one report only); --top 0 shows all, and the JSON report (--format json) has every one in concepts."},
		{20, "the isles|Rivera", "2 of 4 concepts shown (left out: 2 concepts found in one report only); --top 0 shows all, and the JSON report (--format json) has every one in concepts."},
	} {
		tab := Terms(arts, cs, c.top)
		var labels []string
		for _, r := range tab.Rows {
			labels = append(labels, r[0].Text)
		}
		if got := strings.Join(labels, "|"); got != c.labels {
			t.Errorf("--top %d: rows %q, want %q", c.top, got, c.labels)
		}
		switch {
		case c.cut == "" && tab.Cut != nil:
			t.Errorf("--top %d: cut %+v declared", c.top, tab.Cut)
		case c.cut != "" && (tab.Cut == nil || tab.Cut.Line() != c.cut):
			t.Errorf("--top %d: cut %+v, want %q", c.top, tab.Cut, c.cut)
		}
	}
}

func TestTermsCut(t *testing.T) {
	for _, c := range []struct {
		shown, more, alone int
		want               string
	}{
		{5, 0, 0, ""},
		{5, 1, 0, "5 of 6 concepts shown (left out: 1 more concept that two reports or more name); --top 0 shows all, and the JSON report (--format json) has every one in concepts."},
		{2, 0, 1, "2 of 3 concepts shown (left out: 1 concept found in one report only); --top 0 shows all, and the JSON report (--format json) has every one in concepts."},
		{1, 3, 4, "1 of 8 concepts shown (left out: 3 more concepts that two reports or more name and 4 concepts found in one report only); --top 0 shows all, and the JSON report (--format json) has every one in concepts."},
	} {
		cut := termsCut(c.shown, c.more, c.alone)
		got := ""
		if cut != nil {
			got = cut.Line()
		}
		if got != c.want {
			t.Errorf("termsCut(%d, %d, %d) = %q, want %q", c.shown, c.more, c.alone, got, c.want)
		}
	}
}

// TestLabelFlags: in a concept the reports name in contrasting words, each
// report's own contrasting wording is flagged where it first uses it, with
// the other reports' wordings in why; wordings two reports share, a longer
// or shorter form of another's wording, and nested mentions are not
// flagged.
func TestLabelFlags(t *testing.T) {
	arts, cs := termsFixture()
	flags := Flags(arts, choice.Find(arts, cs, nil, nil, choice.Options{}))
	var got []string
	for _, f := range flags {
		if f.Kind != "label" || f.Why == "" {
			t.Errorf("flag %+v: want kind label and a reason", f)
		}
		got = append(got, f.Article+":"+f.Text)
	}
	// c's "the isles" contrasts with b's "Grey Rocks" but has no word of
	// its own (a's "Silver Isles" has "isles"): not a label. The Rivera
	// wordings are one name, longer or shorter: no contrast. "the Silver
	// Isles" is the wording "Silver Isles" again: marked once, where a
	// first uses it. A flag marks a wording's own words: a's "Silver"
	// ("Isles" is c's word too), all of b's "Grey Rocks".
	want := "a:Silver b:Grey Rocks"
	if strings.Join(got, " ") != want {
		t.Errorf("flags %q, want %q", strings.Join(got, " "), want)
	}
	if !strings.Contains(flags[0].Why, `"Grey Rocks"`) {
		t.Errorf("why %q does not name the other wording", flags[0].Why)
	}
}
