package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/frame/attribution"
	"github.com/biasdiff/biasdiff/frame/lexicon"
)

// The parts of the attribution table's test event.
const (
	attrTFull  = "Jane Doe"
	attrTShort = "Doe"
	attrTOther = "John Roe"

	attrTQ1 = "We will not give up" // attrTFull said, in A
	attrTQ2 = "absurd"              // attrTShort blasted, in A
	attrTQ3 = "This is a good day"  // attrTOther told, in B

	attrTAnonA  = "Diplomatic sources"
	attrTAnonB  = "officials"
	attrTHedgeA = "reportedly"
	attrTCertA  = "Clearly"
)

var attrTFiles = map[string]string{
	"a.txt": "Minister vows to fight on as the talks stall\n\n" +
		`"` + attrTQ1 + `," Minister ` + attrTFull + ` said. ` + attrTShort + ` blasted the plan as "` + attrTQ2 + `." ` +
		attrTAnonA + " said the talks stalled.\n" +
		"The deal " + attrTHedgeA + " collapsed. " + attrTCertA + ", the plan failed. " + attrTAnonA + " said so too.\n",
	"b.txt": "The deal collapses after a long night of talks\n\n" +
		"The deal collapsed, " + attrTAnonB + ` said. "` + attrTQ3 + `," ` + attrTOther + " told reporters.\n",
}

func attrTLoad(t *testing.T) []*corpus.Article {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range attrTFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

func attrTWords(qs ...string) int {
	n := 0
	for _, q := range qs {
		n += len(strings.Fields(q))
	}
	return n
}

func TestAttributionTable(t *testing.T) {
	arts := attrTLoad(t)
	col := map[string]int{}
	for i, a := range arts {
		col[a.ID] = 1 + i // column 0 is the speaker
	}
	at := attribution.Find(arts, lexicon.Generic())
	tb := AttributionTable(arts, at, 0)

	if tb.ID != "attribution" || tb.HowTo == "" || tb.Title == "" {
		t.Errorf("table id %q, title %q, how-to %q", tb.ID, tb.Title, tb.HowTo)
	}
	if len(tb.Columns) != 1+len(arts) || tb.Columns[0].Key != "speaker" {
		t.Fatalf("columns %+v", tb.Columns)
	}
	speakers := []string{attrTFull, attrTOther}
	if len(tb.Rows) != len(speakers)+2 {
		t.Fatalf("%d rows, want %d speakers + 2", len(tb.Rows), len(speakers))
	}
	var first []string
	for _, r := range tb.Rows {
		if len(r) != len(tb.Columns) {
			t.Fatalf("row of %d cells, want %d", len(r), len(tb.Columns))
		}
		first = append(first, r[0].Text)
	}
	if want := append(slices.Clone(speakers), "anonymous sources", "hedges"); !slices.Equal(first, want) {
		t.Errorf("rows %q, want %q", first, want)
	}

	doe, roe, anon, hedges := tb.Rows[0], tb.Rows[1], tb.Rows[2], tb.Rows[3]
	cell := func(what string, c Cell, want string) {
		t.Helper()
		if c.Text != want {
			t.Errorf("%s: %q, want %q", what, c.Text, want)
		}
	}
	quotesA := []string{attrTQ1, attrTQ2}
	cell("Doe in A", doe[col["a"]], fmt.Sprintf("%d quotes, %d words; said, blasted (attack)", len(quotesA), attrTWords(quotesA...)))
	cell("Doe in B", doe[col["b"]], "—")
	if doe[col["b"]].Value != nil {
		t.Errorf("Doe in B: value %v, want nil", doe[col["b"]].Value)
	}
	cell("Roe in B", roe[col["b"]], fmt.Sprintf("%d quote, %d words; told", len([]string{attrTQ3}), attrTWords(attrTQ3)))
	want := attrSpeakerJSON{Quotes: len(quotesA), Words: attrTWords(quotesA...), Verbs: []attrVerbJSON{{"said", "neutral"}, {"blasted", "attack"}}}
	if !reflect.DeepEqual(doe[col["a"]].Value, want) {
		t.Errorf("Doe in A: value %+v, want %+v", doe[col["a"]].Value, want)
	}

	anonA := 2 // attrTAnonA, twice
	cell("anonymous in A", anon[col["a"]], fmt.Sprintf("%d: %s ×%d", anonA, attrTAnonA, anonA))
	cell("anonymous in B", anon[col["b"]], fmt.Sprintf("%d: %s", 1, attrTAnonB))
	cell("hedges in A", hedges[col["a"]], fmt.Sprintf("%d: %s; %s (certainty)", len([]string{attrTHedgeA, attrTCertA}), attrTHedgeA, attrTCertA))
	cell("hedges in B", hedges[col["b"]], "—")

	// top bounds the speaker rows only.
	if tb1 := AttributionTable(arts, at, 1); len(tb1.Rows) != 1+2 || tb1.Rows[0][0].Text != attrTFull {
		t.Errorf("top 1: rows %v", tb1.Rows)
	} else if c := tb1.Cut; c == nil || c.Shown != 1 || c.Total != len(at.Speakers) || c.Noun != "speakers" {
		t.Errorf("top 1: cut %+v, want 1 of %d speakers", c, len(at.Speakers))
	}
	if tb.Cut != nil {
		t.Errorf("top 0: cut %+v", tb.Cut)
	}
	// Deterministic, and renders in every format.
	if again := AttributionTable(arts, attribution.Find(arts, lexicon.Generic()), 0); !reflect.DeepEqual(again, tb) {
		t.Error("not deterministic")
	}
	r := &Report{Title: "t", Tables: []*Table{tb}}
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Render(&b, r, f, Options{Section: "attribution"}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if f == "json" && !json.Valid(b.Bytes()) {
			t.Errorf("invalid JSON:\n%s", b.String())
		}
		// Text and Markdown show the cell text, JSON the value.
		mark := "blasted (attack)"
		if f == "json" {
			mark = `"connotation": "attack"`
		}
		if !strings.Contains(b.String(), mark) {
			t.Errorf("%s: no %q in\n%s", f, mark, b.String())
		}
	}
}

func TestAttributionTableSample(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := attribution.Find(arts, nil)
	tb := AttributionTable(arts, at, 0)
	if len(tb.Rows) != len(at.Speakers)+2 {
		t.Fatalf("%d rows for %d speakers", len(tb.Rows), len(at.Speakers))
	}
	wire := slices.IndexFunc(arts, func(a *corpus.Article) bool { return a.ID == "kyodo-wire" })
	if wire < 0 {
		t.Fatal("no kyodo-wire")
	}
	anon := tb.Rows[len(tb.Rows)-2][1+wire].Text
	if !strings.Contains(strings.ToLower(anon), "diplomatic sources") {
		t.Errorf("wire copy's anonymous sources: %q", anon)
	}
}

func TestAttributionTableEmpty(t *testing.T) {
	tb := AttributionTable(nil, attribution.Attribution{}, 0)
	if len(tb.Columns) != 1 || len(tb.Rows) != 2 {
		t.Errorf("empty: columns %v rows %v", tb.Columns, tb.Rows)
	}
}
