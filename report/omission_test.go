package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
)

// omFixture is one event of three reports: all carry the headline claim and
// the funding claim, north and south the mayor's; south alone names Marcus
// Webb in its lede, wire alone Governor Ellen Park in its body.
var omFixture = fstest.MapFS{
	"north.txt": {Data: []byte("Bridge plan clears key vote\n\nThe Harbor Council approved 40 million dollars for the Eastport bridge on Tuesday. Mayor Linda Ortiz said the bridge would open to traffic in 2027.\n\nThe weather was cold and many people stayed at home. Some residents worried about noise from the construction work.\n\nTraffic engineers expect fewer delays on the old ferry route.\n")},
	"south.txt": {Data: []byte("Protests as bridge plan clears vote\n\nOpposition leader Marcus Webb called the vote a giveaway to private developers. Protesters gathered outside the hall during the debate.\n\nThe Harbor Council approved 40 million dollars in funding for the Eastport bridge. Mayor Linda Ortiz said the new bridge would open to traffic in 2027.\n\nMany people said they were tired of waiting.\n")},
	"wire.txt":  {Data: []byte("Bridge plan clears vote\n\nMembers of the council met on Tuesday evening to decide. The meeting lasted nearly four hours.\n\nLocal shops were closed during the afternoon. A spokesman for Governor Ellen Park welcomed the decision.\n\nThe Harbor Council approved 40 million dollars for the Eastport bridge project.\n")},
}

func omLoad(t *testing.T) ([]*corpus.Article, []align.Claim, map[string]int) {
	t.Helper()
	arts, err := corpus.LoadFS(omFixture, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, a := range arts {
		idx[a.ID] = i
	}
	return arts, align.Claims(arts, align.Options{Singletons: true}), idx
}

// omFindRow finds the row whose claim cell holds s.
func omFindRow(tab *Table, s string) []Cell {
	for _, r := range tab.Rows {
		if strings.Contains(r[0].Text, s) {
			return r
		}
	}
	return nil
}

// TestOmissionTable: a claim column, one column per report and a count;
// one row per claim of frame.Omissions and a share row; "—" where a report
// leaves a claim out; top bounds the claim rows only.
func TestOmissionTable(t *testing.T) {
	arts, claims, idx := omLoad(t)
	om := frame.Omissions(arts, claims)
	tab := OmissionTable(arts, claims, om, 0)
	const fixed = 1 // the claim; then the reports; then "carried by"
	if tab.ID != "omission" || tab.HowTo == "" {
		t.Errorf("id %q, how-to %q", tab.ID, tab.HowTo)
	}
	if got, want := len(tab.Columns), fixed+len(arts)+1; got != want {
		t.Fatalf("%d columns, want %d", got, want)
	}
	for ai, a := range arts {
		if c := tab.Columns[fixed+ai]; c.Key != a.ID || c.Header != a.Outlet {
			t.Errorf("column %d: %+v, want %s / %s", fixed+ai, c, a.ID, a.Outlet)
		}
	}
	const shareRows = 1
	if got, want := len(tab.Rows), len(om.Rows)+shareRows; got != want {
		t.Fatalf("%d rows, want %d", got, want)
	}
	for i, r := range tab.Rows {
		if len(r) != len(tab.Columns) {
			t.Errorf("row %d has %d cells", i, len(r))
		}
	}
	carried := len(tab.Columns) - 1
	if first := tab.Rows[0]; first[carried].Value != len(arts) {
		t.Errorf("first row carried by %v, want %d", first[carried].Value, len(arts))
	}
	mayor := omFindRow(tab, "Mayor Linda Ortiz")
	if mayor == nil {
		t.Fatal("no row for the mayor's claim")
	}
	if c := mayor[fixed+idx["wire"]]; c.Text != "—" || c.Value != nil {
		t.Errorf("wire leaves the mayor out: cell %+v, want — and null", c)
	}
	if c := mayor[fixed+idx["north"]]; c.Text != string(align.Lede) {
		t.Errorf("north's mayor cell %q, want lede", c.Text)
	}
	if c := mayor[fixed+idx["south"]]; c.Text != string(align.Body) {
		t.Errorf("south's mayor cell %q, want body", c.Text)
	}
	webb := omFindRow(tab, "Marcus Webb")
	if webb == nil || webb[carried].Value != 1 || webb[fixed+idx["south"]].Text != string(align.Lede) {
		t.Errorf("Webb row %+v, want carried by south alone in its lede", webb)
	}
	share := tab.Rows[len(tab.Rows)-1]
	const shared = 3 // headline, funding, mayor
	if !strings.Contains(share[0].Text, fmt.Sprint(shared)) {
		t.Errorf("share row %q does not say how many claims are shared", share[0].Text)
	}
	wireCarried := 2 // all but the mayor's
	wantWire := fmt.Sprintf("%.0f%%", 100*math.Round(float64(wireCarried)/float64(shared)*1000)/1000)
	if got := share[fixed+idx["wire"]].Text; got != wantWire {
		t.Errorf("wire share %q, want %q", got, wantWire)
	}
	if got := share[fixed+idx["north"]].Text; got != "100%" {
		t.Errorf("north share %q, want all", got)
	}

	const top = 2
	bounded := OmissionTable(arts, claims, om, top)
	if len(bounded.Rows) != top+shareRows {
		t.Errorf("top %d: %d rows, want %d", top, len(bounded.Rows), top+shareRows)
	}
	if !reflect.DeepEqual(bounded.Rows[top], tab.Rows[len(tab.Rows)-1]) {
		t.Errorf("top changed the share row")
	}
	var buf bytes.Buffer
	if err := Render(&buf, &Report{Tables: []*Table{tab}}, "json", Options{}); err != nil || !json.Valid(buf.Bytes()) {
		t.Errorf("json: %v", err)
	}
	if again := OmissionTable(arts, claims, frame.Omissions(arts, claims), 0); !reflect.DeepEqual(again, tab) {
		t.Errorf("two runs differ")
	}
}

// TestEmphasisTable: one row per report with its outlet, headline, lede,
// the claims it puts first and the claims it spends most words on, in its
// own wording with the share of its words.
func TestEmphasisTable(t *testing.T) {
	arts, claims, idx := omLoad(t)
	em := frame.Emphases(arts, claims)
	tab := EmphasisTable(arts, claims, em)
	if tab.ID != "emphasis" || tab.HowTo == "" {
		t.Errorf("id %q, how-to %q", tab.ID, tab.HowTo)
	}
	const columns = 5 // outlet, headline, lede, puts first, most words on
	if len(tab.Columns) != columns || len(tab.Rows) != len(arts) {
		t.Fatalf("%d columns × %d rows, want %d × %d", len(tab.Columns), len(tab.Rows), columns, len(arts))
	}
	south := tab.Rows[idx["south"]]
	if south[0].Text != arts[idx["south"]].Outlet || south[1].Value != arts[idx["south"]].Title {
		t.Errorf("south row %+v", south)
	}
	if !strings.HasPrefix(south[2].Text, "Opposition leader Marcus Webb") {
		t.Errorf("south lede %q", south[2].Text)
	}
	// The headline claim comes first: each report carries it in its title,
	// in its own wording.
	if !strings.HasPrefix(south[3].Text, arts[idx["south"]].Title) {
		t.Errorf("south puts first %q, want its headline first", south[3].Text)
	}
	if got := len(south[3].Value.([]string)); got != len(em.Articles[idx["south"]].First) {
		t.Errorf("south puts first %d claims in JSON, want %d", got, len(em.Articles[idx["south"]].First))
	}
	north := tab.Rows[idx["north"]]
	fund := arts[idx["north"]].Sentences[0]
	fundWords := len(strings.Fields(fund.Text))
	wantPct := fmt.Sprintf("(%.0f%%)", 100*math.Round(float64(fundWords)/float64(arts[idx["north"]].Words)*1000)/1000)
	if !strings.HasPrefix(north[4].Text, "The Harbor Council") || !strings.Contains(north[4].Text, wantPct) {
		t.Errorf("north most words on %q, want the funding claim first with %s", north[4].Text, wantPct)
	}
	const mostShown = 2
	if got, want := reflect.ValueOf(north[4].Value).Len(), min(mostShown, len(em.Articles[idx["north"]].Words)); got != want {
		t.Errorf("north most words on: %d claims in JSON, want %d", got, want)
	}
	for i, r := range tab.Rows {
		for j, c := range r {
			if c.Text == "" {
				t.Errorf("row %d column %s empty", i, tab.Columns[j].Key)
			}
		}
	}
}

// TestEmphasisFullText: CSV and Markdown carry the emphasis cells whole —
// the lede and the claims a report puts first and spends most words on —
// though the table shortens them for the terminal.
func TestEmphasisFullText(t *testing.T) {
	arts, claims, idx := omLoad(t)
	em := frame.Emphases(arts, claims)
	r := &Report{Tables: []*Table{EmphasisTable(arts, claims, em)}}
	north := arts[idx["north"]]
	lede := north.Sentences[0].Text + " " + north.Sentences[1].Text
	funding := north.Sentences[0].Text
	var csvOut, mdOut bytes.Buffer
	if err := RenderCSV(&csvOut, r, "emphasis"); err != nil {
		t.Fatal(err)
	}
	if err := Render(&mdOut, r, "md", Options{}); err != nil {
		t.Fatal(err)
	}
	row := r.Tables[0].Rows[idx["north"]]
	if !strings.HasSuffix(row[2].Text, "…") || !strings.Contains(row[4].Text, "…") {
		t.Fatalf("the fixture's lede and claims should be shortened in the table: %q, %q", row[2].Text, row[4].Text)
	}
	for format, out := range map[string]string{"csv": csvOut.String(), "md": mdOut.String()} {
		for _, want := range []string{lede, funding + " ("} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q in\n%s", format, want, out)
			}
		}
	}
	recs, err := csv.NewReader(&csvOut).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		for _, cell := range rec {
			if strings.HasSuffix(cell, "…") {
				t.Errorf("csv: cell %q is cut", cell)
			}
		}
	}
}

// TestFullTextEverywhere: every cell any table shortens (its text has a
// "…", which the inputs have not) has its whole text for CSV and Markdown
// (fullText), in every table of compare on the sample and on two events
// with a primary source; the text up to the first cut is the start of it.
func TestFullTextEverywhere(t *testing.T) {
	arts, prim := twoEvents(t)
	for name, r := range map[string]*Report{
		"sample":     Compare(sampleArticles(t), CompareOptions{Top: 20}),
		"two events": Compare(arts, CompareOptions{Primaries: prim}),
	} {
		cut := 0
		for _, tab := range r.Tables {
			for i, row := range tab.Rows {
				for j, c := range row {
					if !strings.Contains(c.Text, "…") {
						continue
					}
					cut++
					full := fullText(c)
					if strings.Contains(full, "…") {
						t.Errorf("%s: table %s row %d column %s: %q has no whole text (%q)", name, tab.ID, i, tab.Columns[j].Key, c.Text, full)
					}
					if start, _, _ := strings.Cut(c.Text, "…"); !strings.HasPrefix(oneLine(full), start) {
						t.Errorf("%s: table %s row %d column %s: %q is not the start of its whole text %q", name, tab.ID, i, tab.Columns[j].Key, c.Text, full)
					}
				}
			}
		}
		if cut == 0 {
			t.Errorf("%s: no cell is shortened: the test tests nothing", name)
		}
	}
}

func TestJoinSentences(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"One headline"}, "One headline"},
		{[]string{"A headline", "A sentence.", "Another one"}, "A headline; A sentence. Another one"},
		{[]string{"“We will stay,” she said.", "“Will we?”", "Done!", "end"}, "“We will stay,” she said. “Will we?” Done! end"},
		{[]string{"He said “no.”", "x"}, "He said “no.” x"},
		{[]string{"cut short…", "x"}, "cut short…; x"},
	} {
		if got := joinSentences(c.in); got != c.want {
			t.Errorf("joinSentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
