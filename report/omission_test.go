package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame/omission"
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
// one row per claim of omission.Find and a share row; "—" where a report
// leaves a claim out; top bounds the claim rows only.
func TestOmissionTable(t *testing.T) {
	arts, claims, idx := omLoad(t)
	om := omission.Find(arts, claims)
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
	const shared = 3 // headline, funding, mayor
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

	if tab.Cut != nil {
		t.Errorf("top 0: cut %+v", tab.Cut)
	}
	const top = 2
	bounded := OmissionTable(arts, claims, om, top)
	if len(bounded.Rows) != top+shareRows {
		t.Errorf("top %d: %d rows, want %d", top, len(bounded.Rows), top+shareRows)
	}
	// The cut is declared: 2 of the rows shown, the others named.
	singles := len(om.Rows) - shared
	if c := bounded.Cut; c == nil || c.Shown != top || c.Total != len(om.Rows) || c.Noun != "claims" ||
		c.Detail != fmt.Sprintf("left out: 1 claim that two reports or more carry and %d claims that one report alone carries", singles) {
		t.Errorf("top %d: cut %+v, want %d of %d claims, 1 shared and %d single left out", top, bounded.Cut, top, len(om.Rows), singles)
	}
	if !reflect.DeepEqual(bounded.Rows[top], tab.Rows[len(tab.Rows)-1]) {
		t.Errorf("top changed the share row")
	}
	var buf bytes.Buffer
	if err := Render(&buf, &Report{Tables: []*Table{tab}}, "json", Options{}); err != nil || !json.Valid(buf.Bytes()) {
		t.Errorf("json: %v", err)
	}
	if again := OmissionTable(arts, claims, omission.Find(arts, claims), 0); !reflect.DeepEqual(again, tab) {
		t.Errorf("two runs differ")
	}
}

// TestEmphasisTable: one row per report with its outlet, headline, lede,
// the claims it puts first and the claims it spends most words on, in its
// own wording with the share of its words.
func TestEmphasisTable(t *testing.T) {
	arts, claims, idx := omLoad(t)
	em := omission.Emphases(arts, claims)
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
	em := omission.Emphases(arts, claims)
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

// omNearEvent is one event of three reports, built by hand: the funding
// claim is aligned in two of them, and the third says it in other words
// (its nearest sentence is of similar wording); the mayor's claim is
// aligned in two, and the third's nearest sentence is not similar.
func omNearEvent() ([]*corpus.Article, []align.Claim) {
	arts := []*corpus.Article{
		{ID: "north", Outlet: "North Star"},
		{ID: "south", Outlet: "South Post"},
		{ID: "wire", Outlet: "Wire"},
	}
	claims := []align.Claim{
		{Members: []align.Member{
			{Article: 0, Sentence: 0, Start: 30, End: 94, Text: "The Harbor Council approved 40 million dollars for the bridge.", Position: align.Lede},
			{Article: 1, Sentence: 2, Start: 210, End: 270, Text: "The council approved 40 million dollars for the bridge.", Position: align.Body},
		}, Score: 0.61, Near: []align.Near{
			{Member: align.Member{Article: 2, Sentence: 3, Start: 301, End: 352, Text: "Councillors found the money for the new crossing.", Position: align.Body}, Score: 0.27, Similar: true},
		}},
		{Members: []align.Member{
			{Article: 0, Sentence: 1, Start: 95, End: 140, Text: "Mayor Linda Ortiz said it would open in 2027.", Position: align.Lede},
			{Article: 2, Sentence: 5, Start: 400, End: 448, Text: "Mayor Linda Ortiz said it could open in 2027.", Position: align.End},
		}, Score: 0.8, Near: []align.Near{
			{Member: align.Member{Article: 1, Sentence: 4, Start: 330, End: 372, Text: "Shops closed early on the day of the vote.", Position: align.Body}, Score: 0.05},
		}},
	}
	return arts, claims
}

// TestOmissionSimilarCell: a report that does not carry a claim but has a
// sentence of similar wording shows "≈ body", not "—": its sentence is one
// click away in Markdown and HTML, and JSON carries it (with its offsets
// and score) for the "≈" and for the "—" alike, the table's cells being
// "similar:body" and null; the text table and CSV show "≈ body". A "≈"
// is no carrying. The Markdown is a golden file (testdata/md/omission_near.md).
func TestOmissionSimilarCell(t *testing.T) {
	arts, claims := omNearEvent()
	om := omission.Find(arts, claims)
	tab := OmissionTable(arts, claims, om, 0)
	const fixed = 1
	fund, mayor := omFindRow(tab, "Harbor Council"), omFindRow(tab, "Linda Ortiz")
	if fund == nil || mayor == nil {
		t.Fatalf("rows missing: %+v", tab.Rows)
	}
	const paraphrase = "Councillors found the money for the new crossing."
	if c := fund[fixed+2]; c.Text != "≈ body" || c.Value != "similar:body" || c.Detail != "sentence 4, similarity 0.27: "+paraphrase {
		t.Errorf("wire's funding cell %+v, want ≈ body with its sentence", c)
	}
	if c := fund[len(fund)-1]; c.Value != 2 {
		t.Errorf("funding carried by %v, want 2: ≈ is no carrying", c.Value)
	}
	if c := mayor[fixed+1]; c.Text != "—" || c.Value != nil || c.Detail != "" {
		t.Errorf("south's mayor cell %+v, want —", c)
	}
	r := &Report{Title: "Bridge vote", Articles: []ArticleRef{{ID: "north", Outlet: "North Star"}, {ID: "south", Outlet: "South Post"}, {ID: "wire", Outlet: "Wire"}},
		Tables: []*Table{tab}, Events: []EventData{{ID: "e1", Articles: []string{"north", "south", "wire"}, Claims: claims, Omission: om}}}
	finish(r)
	out := map[string]string{}
	for _, format := range []string{"md", "text", "html", "json"} {
		var b bytes.Buffer
		if err := Render(&b, r, format, Options{Width: 120}); err != nil {
			t.Fatal(err)
		}
		out[format] = b.String()
	}
	var csvOut bytes.Buffer
	if err := RenderCSV(&csvOut, r, "omission"); err != nil {
		t.Fatal(err)
	}
	out["csv"] = csvOut.String()
	golden(t, "md/omission_near.md", []byte(out["md"]))
	for format, want := range map[string]string{
		"md":   "1. <a id=\"omission-note-1\"></a>sentence 4, similarity 0.27: " + paraphrase + "\n",
		"html": `<td class="pos pos-similar"><details><summary>≈ body</summary>sentence 4, similarity 0.27: ` + paraphrase + "</details></td>",
		"text": "│ ≈ body ",
		"csv":  ",≈ body,",
	} {
		if !strings.Contains(out[format], want) {
			t.Errorf("%s: no %q in\n%s", format, want, out[format])
		}
	}
	for _, format := range []string{"text", "csv"} {
		if strings.Contains(out[format], paraphrase) {
			t.Errorf("%s shows the nearest sentence: want ≈ body alone", format)
		}
	}
	// JSON: the event's row has the cells and, parallel, the nearest
	// sentences; the table has "similar:body" and null.
	var doc struct {
		Tables []map[string]any `json:"tables"`
		Events []struct {
			Omission struct {
				Rows []struct {
					Claim int               `json:"claim"`
					Cells []string          `json:"cells"`
					Near  []json.RawMessage `json:"near"`
				} `json:"rows"`
			} `json:"omission"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(out["json"]), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[int]struct {
		cells []string
		near  []string
	}{
		0: {[]string{"lede", "body", "similar:body"}, []string{"null", "null",
			`{"article":2,"sentence":3,"start":301,"end":352,"text":"` + paraphrase + `","position":"body","score":0.27,"similar":true}`}},
		1: {[]string{"lede", "", "end"}, []string{"null",
			`{"article":1,"sentence":4,"start":330,"end":372,"text":"Shops closed early on the day of the vote.","position":"body","score":0.05,"similar":false}`, "null"}},
	}
	rows := doc.Events[0].Omission.Rows
	if len(rows) != len(want) {
		t.Fatalf("JSON: %d rows, want %d", len(rows), len(want))
	}
	for _, row := range rows {
		w := want[row.Claim]
		if !reflect.DeepEqual(row.Cells, w.cells) {
			t.Errorf("JSON claim %d: cells %q, want %q", row.Claim, row.Cells, w.cells)
		}
		var near []string
		for _, n := range row.Near {
			var b bytes.Buffer
			if err := json.Compact(&b, n); err != nil {
				t.Fatal(err)
			}
			near = append(near, b.String())
		}
		if !reflect.DeepEqual(near, w.near) {
			t.Errorf("JSON claim %d: near\n%s\nwant\n%s", row.Claim, strings.Join(near, "\n"), strings.Join(w.near, "\n"))
		}
	}
	found := false
	for _, row := range doc.Tables[0]["rows"].([]any) {
		row := row.(map[string]any)
		if claim, _ := row["claim"].(string); strings.Contains(claim, "Harbor Council") {
			found = true
			if got := row["wire"]; got != "similar:body" {
				t.Errorf("JSON table: wire's funding cell %v, want similar:body", got)
			}
		}
	}
	if !found {
		t.Error("JSON table: no funding row")
	}
}

// TestOmissionCutBalanced: the claims one report alone carries that a cut
// table shows are the same whatever the files are called (and so in
// whatever order the reports come), and as many from each outlet, give or
// take one.
func TestOmissionCutBalanced(t *testing.T) {
	// Three outlets share one sentence; each says five things of its own,
	// with a name or a number, after a lede and under a headline of its
	// own.
	own := map[string][]string{
		"Alder Gazette": {"Builder Ruth Kane said the steel arrived on Monday.", "The span weighs 900 tonnes.", "Engineer Tomas Ilves checked the cables twice.",
			"Inspector Mia Roth signed the permits in March.", "Traffic will be diverted for 6 weeks."},
		"Birch Courier": {"Commuter Ana Silva welcomed the news.", "Ferry fares rose by 12 percent last year.", "Councillor Omar Haddad voted against it.",
			"The old ferry carried 3,000 people a day.", "Historian Lena Park recalled the flood of 1952."},
		"Cedar Tribune": {"Union leader Piet Dekker praised the jobs.", "Some 250 workers will build it.", "Architect Yuki Tanaka drew the towers.",
			"Tolls will be 4 dollars a crossing.", "Banker Hugo Marsh arranged the loan."},
	}
	ledes := map[string]string{"Alder Gazette": "Cranes rose over the river at dawn.", "Birch Courier": "Commuters cheered at the quay.", "Cedar Tribune": "Workers gathered by the water."}
	const sharedText = "The Harbor Council approved 40 million dollars for the Eastport bridge on Tuesday."
	load := func(names map[string]string) ([]*corpus.Article, []align.Claim) {
		fsys := fstest.MapFS{}
		for outlet, file := range names {
			body := ledes[outlet] + " " + sharedText + "\n\n" + strings.Join(own[outlet], " ") + "\n"
			fsys[file] = &fstest.MapFile{Data: []byte("---\noutlet: " + outlet + "\ntitle: " + strings.Fields(outlet)[0] + " on the vote\n---\n" + body)}
		}
		arts, err := corpus.LoadFS(fsys, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return arts, align.Claims(arts, align.Options{Singletons: true})
	}
	type shown struct{ outlet, text string }
	shownBy := func(names map[string]string, top int) ([]shown, map[string]int) {
		arts, claims := load(names)
		tab := OmissionTable(arts, claims, omission.Find(arts, claims), top)
		carried := len(tab.Columns) - 1
		var out []shown
		count := map[string]int{}
		for _, row := range tab.Rows[:len(tab.Rows)-1] {
			if row[carried].Value != 1 {
				continue
			}
			for ai, a := range arts {
				if c := row[1+ai]; c.Value != nil && !strings.HasPrefix(c.Text, "≈") {
					out = append(out, shown{a.Outlet, row[0].Value.(string)})
					count[a.Outlet]++
				}
			}
		}
		slices.SortFunc(out, func(a, b shown) int { return strings.Compare(a.outlet+a.text, b.outlet+b.text) })
		return out, count
	}
	abc := map[string]string{"Alder Gazette": "a.md", "Birch Courier": "b.md", "Cedar Tribune": "c.md"}
	cba := map[string]string{"Alder Gazette": "z.md", "Birch Courier": "y.md", "Cedar Tribune": "x.md"}
	arts, claims := load(abc)
	om := omission.Find(arts, claims)
	shared, per := 0, map[int]int{}
	for _, r := range om.Rows {
		if r.Outlets >= 2 {
			shared++
		} else {
			per[r.Only]++
		}
	}
	fewest := len(om.Rows)
	for ai := range arts {
		fewest = min(fewest, per[ai])
	}
	if shared == 0 || fewest < 5 {
		t.Fatalf("fixture: %d shared claims, single rows per report %v: want some shared and 5 single rows a report at least", shared, per)
	}
	for k := 1; k <= len(om.Rows)-shared; k++ {
		a, count := shownBy(abc, shared+k)
		b, _ := shownBy(cba, shared+k)
		if len(a) != k {
			t.Fatalf("top %d: %d single rows shown, want %d", shared+k, len(a), k)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("top %d: files a, b, c show\n%v\nfiles z, y, x\n%v", shared+k, a, b)
		}
		lo, hi := k, 0
		for _, o := range []string{"Alder Gazette", "Birch Courier", "Cedar Tribune"} {
			lo, hi = min(lo, count[o]), max(hi, count[o])
		}
		if k <= 3*fewest && hi-lo > 1 {
			t.Errorf("top %d: single rows per outlet %v", shared+k, count)
		}
	}
}

// TestChoicesCutIgnoresFileOrder: the word choices a cut choices table
// keeps are the same whatever the order the reports came in.
func TestChoicesCutIgnoresFileOrder(t *testing.T) {
	arts := sampleArticles(t)
	rev := slices.Clone(arts)
	slices.Reverse(rev)
	kept := func(arts []*corpus.Article) []string {
		r := Compare(arts, CompareOptions{Top: 12, Sections: []string{"choices"}})
		var out []string
		for _, tab := range r.Tables {
			if tab.Kind != "choices" {
				continue
			}
			if tab.Cut == nil {
				t.Fatal("the choices table is not cut at 12: the test tests nothing")
			}
			for _, row := range tab.Rows {
				out = append(out, row[0].Text+": "+row[2].Text+" in "+row[3].Text)
			}
		}
		slices.Sort(out)
		return out
	}
	if a, b := kept(arts), kept(rev); !slices.Equal(a, b) {
		t.Errorf("the marks kept depend on the reports' order:\n in order: %q\n reversed: %q", a, b)
	}
}
