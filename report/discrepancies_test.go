package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame/discrepancy"
)

// dockStrike is two reports of one strike that give its day, the union's
// founding year, the vote and the speaker of one quote differently.
func dockStrike(t *testing.T) ([]*corpus.Article, fstest.MapFS) {
	t.Helper()
	fsys := fstest.MapFS{
		"herald.txt": {Data: []byte("Harbour strike ends after nine days\n\n" +
			"Dock workers at the port of Kestrel ended their strike on Thursday after nine days of talks. " +
			"The union, which has represented the dockers since 1994, said more than 300 members had voted to accept the offer from the port authority.\n\n" +
			"“This is a fair deal for every family on the docks,” union leader Mara Quist said at the gate.\n")},
		"post.txt": {Data: []byte("Kestrel dockers vote to end strike\n\n" +
			"Dock workers at the port of Kestrel ended their strike on Wednesday after nine days of talks. " +
			"The union, which has represented the dockers since 1996, said dozens of members had voted to accept the offer from the port authority.\n\n" +
			"“This is a fair deal for every family on the docks,” said Ben Orrin, a spokesman for the union.\n")},
		"biasdiff.yaml": {Data: []byte("articles:\n" +
			"  - {path: herald.txt, outlet: Daily Herald, date: 2024-05-03}\n" +
			"  - {path: post.txt, outlet: Evening Post, date: 2024-05-03}\n")},
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts, fsys
}

func TestDiscrepancyTable(t *testing.T) {
	arts, fsys := dockStrike(t)
	r := Compare(arts, CompareOptions{Sections: []string{"discrepancies"}})
	if len(r.Tables) != 1 || r.Tables[0].ID != "discrepancies" {
		t.Fatalf("tables %v, want the discrepancies table alone", r.Tables)
	}
	tb := r.Tables[0]
	var got []string
	for _, row := range tb.Rows {
		got = append(got, row[0].Text+": "+row[3].Text+" | "+row[4].Text)
	}
	want := []string{"date: Thursday | Wednesday", "date: 1994 | 1996", "number: more than 300 | dozens", "speaker: Mara Quist | Ben Orrin"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// each value's offsets point at it in its file
	ev := r.Events[0]
	if len(ev.Discrepancies) != len(tb.Rows) {
		t.Fatalf("%d discrepancies in the event data, %d rows", len(ev.Discrepancies), len(tb.Rows))
	}
	for _, d := range ev.Discrepancies {
		for _, v := range d.Values {
			src := []rune(string(fsys[arts[v.Article].Path].Data))
			if got := string(src[v.Start:v.End]); got != v.Text {
				t.Errorf("%s value %q: the file holds %q at %d-%d", d.Kind, v.Text, got, v.Start, v.End)
			}
		}
		if (d.Claim < 0) == (d.Quote < 0) {
			t.Errorf("%+v: a claim or a quote group, not both", d)
		}
	}
	// the claim's wording is the first report's sentence with the value
	if s := tb.Rows[1][2].Value.(string); !strings.Contains(s, "since 1994") {
		t.Errorf("statement %q", s)
	}
	// JSON: each report's value with its offsets, null for none
	var b bytes.Buffer
	if err := Render(&b, r, "json", Options{}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Tables []struct {
			Rows []map[string]any `json:"rows"`
		} `json:"tables"`
		Events []struct {
			Discrepancies []discrepancy.Discrepancy `json:"discrepancies"`
		} `json:"events"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	row := out.Tables[0].Rows[1]
	if row["kind"] != "date" || row["slot"] != "dockers since …" {
		t.Errorf("row %v", row)
	}
	v, ok := row[arts[0].ID].(map[string]any)
	if !ok || v["text"] != "1994" || v["start"] == nil || v["end"] == nil {
		t.Errorf("Daily Herald's value %v", row[arts[0].ID])
	}
	if len(out.Events[0].Discrepancies) != 4 {
		t.Errorf("JSON events carry %d discrepancies", len(out.Events[0].Discrepancies))
	}
}

func TestDiscrepancyTableEmpty(t *testing.T) {
	arts, _ := dockStrike(t)
	tb := DiscrepancyTable(arts, nil, nil, nil)
	if len(tb.Rows) != 0 || !strings.HasPrefix(tb.HowTo, "No number, date, name or speaker differs") {
		t.Errorf("rows %d, how-to %q", len(tb.Rows), tb.HowTo)
	}
	if len(tb.Columns) != 3+len(arts) {
		t.Errorf("%d columns", len(tb.Columns))
	}
}
