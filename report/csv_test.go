package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestCSVRoundTrip: quotes, commas, line breaks and everything else read
// back as written through encoding/csv; cells a spreadsheet would run as a
// formula come back behind a single quote; shortened cells come back in
// full.
func TestCSVRoundTrip(t *testing.T) {
	long := "The first sentence, \"quoted\", goes on;\nand on, and on, well past the width of a table cell in the terminal or in Markdown."
	cells := []struct {
		cell Cell
		want string
	}{
		{Str(`say "hello", world`), `say "hello", world`},
		{Str("a,b,,c"), "a,b,,c"},
		{Str("line one\nline two\r\nline three"), "line one\nline two\nline three"}, // encoding/csv reads \r\n as \n
		{Str(`""`), `""`},
		{Str(" spaced "), " spaced "},
		{Str("=1+2"), "'=1+2"},
		{Str("=HYPERLINK(\"http://evil.example\",\"x\")"), "'=HYPERLINK(\"http://evil.example\",\"x\")"},
		{Str("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0"},
		{Str("-2+3"), "'-2+3"},
		{Str("@SUM(A1:A2)"), "'@SUM(A1:A2)"},
		{Str("\t=1"), "'\t=1"},
		{Str("-"), "'-"},
		{Str("-3"), "-3"},
		{Str("+1.5"), "+1.5"},
		{Str("-12%"), "-12%"},
		{Str("a=b"), "a=b"},
		{Str("—"), "—"},
		{Cell{Text: "—", Value: nil}, "—"},
		{Int(-7), "-7"},
		{Int(42), "42"},
		{Cell{Text: shorten(long, 40), Value: long}, long}, // shortened: in full
		{Cell{Text: shorten("="+long, 40), Value: "=" + long}, "'=" + long},         // in full, and guarded
		{Cell{Text: "“a quote”", Value: "a quote"}, "“a quote”"},                    // not shortened: the text
		{Cell{Text: "2 quotes…", Value: []string{"a", "b"}}, "2 quotes…"},           // not a string value
		{Cell{Text: "ends with…", Value: "ends with…"}, "ends with…"},               // same
		{Str("<script>alert(1)</script> | `x`"), "<script>alert(1)</script> | `x`"}, // CSV does not escape HTML
	}
	tab := &Table{ID: "hostile", Title: "t", Columns: []Column{{Key: "n", Header: "n", Number: true}, {Key: "v", Header: "=value, \"quoted\"\nheader"}}}
	for i, c := range cells {
		tab.Rows = append(tab.Rows, []Cell{Int(i), c.cell})
	}
	r := &Report{Title: "t", Tables: []*Table{tab}}
	var b bytes.Buffer
	if err := RenderCSV(&b, r, "hostile"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, b.String())
	}
	if len(recs) != len(cells)+1 {
		t.Fatalf("%d records, want %d", len(recs), len(cells)+1)
	}
	if want := []string{"n", "'=value, \"quoted\"\nheader"}; !slices.Equal(recs[0], want) {
		t.Errorf("header %q, want %q", recs[0], want)
	}
	for i, c := range cells {
		rec := recs[i+1]
		if len(rec) != 2 || rec[0] != itoa(i) {
			t.Errorf("record %d: %q", i, rec)
			continue
		}
		if rec[1] != c.want {
			t.Errorf("cell %q (text %q) reads back as %q, want %q", c.cell.Value, c.cell.Text, rec[1], c.want)
		}
	}
}

// TestCSVSection: a table by its id, or by its section name when one
// event has it; an unknown or ambiguous name lists the ids.
func TestCSVSection(t *testing.T) {
	tab := func(id string) *Table {
		return &Table{ID: id, Columns: []Column{{Key: "id", Header: "id"}}, Rows: [][]Cell{{Str(id)}}}
	}
	one := &Report{Tables: []*Table{tab("overview"), tab("terms"), tab("claims")}}
	two := &Report{Tables: []*Table{tab("overview"), tab("e1-terms"), tab("e1-reuse"), tab("e2-terms"), tab("single")},
		Events: []EventData{{ID: "e1"}, {ID: "e2"}}}
	noEvents := &Report{Tables: []*Table{tab("e1-terms"), tab("e2-terms"), tab("e2-claims")}} // TermsReport drops Events
	// Many events: the error names the kinds of table, not every id.
	many := &Report{Tables: []*Table{tab("overview")}}
	for i := 1; i <= 300; i++ {
		ev := fmt.Sprintf("e%d", i)
		many.Events = append(many.Events, EventData{ID: ev})
		many.Tables = append(many.Tables, tab(ev+"-reuse"), tab(ev+"-claims"), tab(ev+"-terms"))
	}
	many.Tables = append(many.Tables, tab("fidelity"))
	for _, c := range []struct {
		r       *Report
		section string
		want    string // the table's id, or a part of the error
		err     bool
	}{
		{one, "terms", "terms", false},
		{one, "overview", "overview", false},
		{one, "quotes", "no table \"quotes\" (want one of: overview, terms, claims)", true},
		{one, "", "no table", true},
		{two, "e2-terms", "e2-terms", false},
		{two, "reuse", "e1-reuse", false},
		{two, "single", "single", false},
		{two, "terms", "table \"terms\" is ambiguous: 2 events have one, e1-terms, e2-terms (want one of: overview, single; or one event's table as EVENT-SECTION, SECTION one of: terms, reuse, and EVENT one of: e1, e2)", true},
		{two, "bogus", "no table \"bogus\" (want one of: overview, single; or one event's table as EVENT-SECTION, SECTION one of: terms, reuse, and EVENT one of: e1, e2)", true},
		{two, "e3-terms", "want one of", true},
		{two, "Terms", "no table", true},
		{noEvents, "claims", "e2-claims", false},
		{noEvents, "terms", "ambiguous", true},
		{noEvents, "bogus", "no table \"bogus\" (want one of: one event's table as EVENT-SECTION, SECTION one of: terms, claims, and EVENT one of: e1, e2)", true},
		{many, "bogus", "no table \"bogus\" (want one of: overview, fidelity; or one event's table as EVENT-SECTION, SECTION one of: terms, claims, reuse, and EVENT one of: e1, e2 … e300 (300))", true},
		{many, "claims", "table \"claims\" is ambiguous: 300 events have one, e1-claims, e2-claims … e300-claims (300) (want one of: overview, fidelity; or one event's", true},
		{&Report{}, "terms", "the report has no tables", true},
	} {
		var b bytes.Buffer
		err := RenderCSV(&b, finish(c.r), c.section)
		switch {
		case c.err && err == nil:
			t.Errorf("%q: no error, wrote %q", c.section, b.String())
		case c.err && !strings.Contains(err.Error(), c.want):
			t.Errorf("%q: error %q, want it to say %q", c.section, err, c.want)
		case !c.err && err != nil:
			t.Errorf("%q: %v", c.section, err)
		case !c.err && b.String() != "id\n"+c.want+"\n":
			t.Errorf("%q: wrote %q, want the table %s", c.section, b.String(), c.want)
		}
	}
}

// TestCSVSample is the sample's term table as CSV against
// testdata/csv/terms.csv; the multi-event names are checked on real output.
func TestCSVSample(t *testing.T) {
	r := Compare(sampleArticles(t), CompareOptions{Top: 20})
	var b bytes.Buffer
	if err := RenderCSV(&b, r, "terms"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var terms *Table
	for _, tab := range r.Tables {
		if tab.ID == "terms" {
			terms = tab
		}
	}
	if terms == nil || len(recs) != len(terms.Rows)+1 || len(recs[0]) != len(terms.Columns) {
		t.Fatalf("%d records for the term table", len(recs))
	}
	golden(t, "csv/terms.csv", b.Bytes())

	arts, _ := twoEvents(t)
	r = Compare(arts, CompareOptions{})
	for _, s := range []string{"e1-terms", "e2-claims", "overview"} {
		if err := RenderCSV(&bytes.Buffer{}, r, s); err != nil {
			t.Errorf("two events, %s: %v", s, err)
		}
	}
	if err := RenderCSV(&bytes.Buffer{}, r, "terms"); err == nil || !strings.Contains(err.Error(), "e1-terms, e2-terms") {
		t.Errorf("two events, terms: %v, want it ambiguous", err)
	}
}
