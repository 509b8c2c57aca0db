package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/frame"
)

// indexFixture is a corpus of five events: two compared on different
// days, one undated, a single report and one that failed; the compared
// ones share two concepts, one named in contrasting words.
func indexFixture() ([]IndexEvent, []IndexProblem) {
	isles := func(uses ...IndexUse) IndexConcept {
		return IndexConcept{Key: "northern territory", Label: "Northern Territories", Uses: uses}
	}
	talks := func(uses ...IndexUse) IndexConcept {
		return IndexConcept{Key: "talk", Label: "talks", Uses: uses}
	}
	events := []IndexEvent{
		{ID: "e1", Label: "fishing boat", From: "2019-03-10", To: "2019-03-10", Outlets: []string{"Kyodo", "RT"}, Reports: 2, Status: IndexCompared,
			Files:    []string{"e1-fishing-boat.md", "e1-fishing-boat.html"},
			Contrast: &IndexContrast{Concept: "Northern Territories", Wordings: []IndexWording{{"the Northern Territories", []string{"Kyodo"}}, {"the Southern Kurils", []string{"RT"}}}},
			Concepts: []IndexConcept{
				isles(IndexUse{"Kyodo", "northern territory", "the Northern Territories", 2}, IndexUse{"RT", "southern kuril", "the Southern Kurils", 3}),
				talks(IndexUse{"Kyodo", "talk", "talks", 1}, IndexUse{"RT", "talk", "talks", 1}),
				{Key: "crab", Label: "crab", Uses: []IndexUse{{"RT", "crab", "crab", 1}}},
			}},
		{ID: "e2", Label: "peace talks", From: "2019-01-14", To: "2019-01-15", Outlets: []string{"Kyodo", "RT", "TASS"}, Reports: 3, Status: IndexCompared,
			Files: []string{"e2-peace-talks.md", "e2-peace-talks.html"},
			Concepts: []IndexConcept{
				isles(IndexUse{"Kyodo", "northern territory", "Northern Territories", 1}, IndexUse{"TASS", "southern kuril", "the Southern Kurils", 1}),
				talks(IndexUse{"TASS", "talk", "the talks", 2}),
			}},
		{ID: "e3", Label: "zoo", From: "2019-02-05", To: "2019-02-05", Outlets: []string{"Local"}, Reports: 1, Status: IndexSingle, Reason: "a single report"},
		{ID: "e4", Label: "undated", Outlets: []string{"A", "B"}, Reports: 2, Status: IndexCompared, Files: []string{"e4-undated.md"}},
		{ID: "e10", Label: "broken", From: "2019-01-14", Outlets: []string{"A", "B"}, Reports: 2, Status: IndexFailed, Reason: "internal error: boom"},
	}
	problems := []IndexProblem{{"news/z.pdf", "unsupported file type"}, {"news/a.json", "invalid JSON"}}
	return events, problems
}

func TestBuildIndex(t *testing.T) {
	events, problems := indexFixture()
	x := BuildIndex(events, problems, IndexOptions{Reports: 10, Outlets: 5})

	var order []string
	for _, e := range x.Events {
		order = append(order, e.ID)
	}
	// By first date (undated last), then size, then id.
	if want := []string{"e2", "e10", "e3", "e1", "e4"}; !slices.Equal(order, want) {
		t.Errorf("events in order %v, want %v", order, want)
	}
	if got := x.Count(IndexCompared); got != 3 {
		t.Errorf("%d compared, want 3", got)
	}

	// Files by name, then the failed events.
	want := []IndexProblem{{"news/a.json", "invalid JSON"}, {"news/z.pdf", "unsupported file type"}, {"event e10 (broken)", "internal error: boom"}}
	if !slices.Equal(x.Problems, want) {
		t.Errorf("problems %v, want %v", x.Problems, want)
	}

	// Concepts in two compared events: the contrasting one first; a
	// concept of one event is not there.
	if len(x.Labels) != 2 || x.Labels[0].Key != "northern territory" || x.Labels[1].Key != "talk" {
		t.Fatalf("labels %+v, want northern territory then talk", x.Labels)
	}
	isles := x.Labels[0]
	if !slices.Equal(isles.Events, []string{"e2", "e1"}) {
		t.Errorf("Northern Territories in %v, want [e2 e1]", isles.Events)
	}
	// Two written forms of one wording add up, under the commonest.
	if got := isles.Uses["Kyodo"]; !slices.Equal(got, []phraseCount{{"the Northern Territories", 3}}) {
		t.Errorf("Kyodo's wordings %v", got)
	}
	if got := isles.Uses["RT"]; !slices.Equal(got, []phraseCount{{"the Southern Kurils", 3}}) {
		t.Errorf("RT's wordings %v", got)
	}
	if !slices.Equal(x.Columns, []string{"Kyodo", "RT", "TASS"}) {
		t.Errorf("columns %v", x.Columns)
	}

	// --top bounds the rows and says how many were left out.
	top := BuildIndex(events, problems, IndexOptions{Top: 1})
	if len(top.Labels) != 1 || top.Labels[0].Key != "northern territory" {
		t.Errorf("--top 1: labels %+v", top.Labels)
	}
	if r := top.Report(); r.Tables[1].Cut == nil || r.Tables[1].Cut.Line() != "1 of 2 concepts shown; --top 0 shows all." {
		t.Errorf("--top 1: cut %+v does not say what was left out", r.Tables[1].Cut)
	}
}

func TestIndexReport(t *testing.T) {
	events, problems := indexFixture()
	r := BuildIndex(events, problems, IndexOptions{Reports: 10, Outlets: 5}).Report()
	var ids []string
	for _, tb := range r.Tables {
		ids = append(ids, tb.ID)
	}
	if want := []string{"events", "labels", "not-compared", "problems"}; !slices.Equal(ids, want) {
		t.Fatalf("tables %v, want %v", ids, want)
	}
	if got := len(r.Tables[0].Rows); got != 3 {
		t.Errorf("%d events compared listed, want 3", got)
	}
	if got := len(r.Tables[2].Rows); got != 1 {
		t.Errorf("%d events not compared listed, want 1 (the failed one is a problem)", got)
	}

	var md bytes.Buffer
	if err := Render(&md, r, "md", Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# biasdiff corpus: 10 reports from 5 outlets in 5 events\n",
		"3 events compared, each in a report of its own; not compared: 1 single report, 0 events of one outlet only, 1 event whose analysis failed.\n",
		"2 input files were skipped (see Problems).",
		"| e1 | fishing boat | 2019-03-10 | 2 | Kyodo, RT | [e1-fishing-boat.md](e1-fishing-boat.md) [e1-fishing-boat.html](e1-fishing-boat.html) | Northern Territories: “the Northern Territories” (Kyodo) · “the Southern Kurils” (RT) |",
		"| e2 | peace talks | 2019-01-14 – 2019-01-15 | 3 | Kyodo, RT, TASS | [e2-peace-talks.md](e2-peace-talks.md) [e2-peace-talks.html](e2-peace-talks.html) | — |",
		"| Concept | events | Kyodo | RT | TASS |",
		"| Northern Territories | e2 e1 |",
		"| e3 | zoo | 2019-02-05 | 1 | Local | a single report |",
		"| event e10 (broken) | internal error: boom |",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown index lacks %q:\n%s", want, md.String())
		}
	}

	// HTML: the files are links to the reports beside the index.
	var page bytes.Buffer
	if err := Render(&page, r, "html", Options{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"e1-fishing-boat.md", "e1-fishing-boat.html"} {
		if want := `<a href="` + f + `">` + f + `</a>`; !strings.Contains(page.String(), want) {
			t.Errorf("HTML index lacks %s", want)
		}
	}

	// JSON: valid against the report schema, the cells' values structured.
	inst := reportInstance(t, r)
	if err := compileSchema(t).Validate(inst); err != nil {
		t.Errorf("index.json does not match %s: %v", schemaPath, err)
	}
	var b bytes.Buffer
	if err := Render(&b, r, "json", Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tables []struct {
			ID   string           `json:"id"`
			Rows []map[string]any `json:"rows"`
		} `json:"tables"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	row := doc.Tables[0].Rows[1] // e2, e1, e4
	if row["id"] != "e1" {
		t.Fatalf("second event %v, want e1", row["id"])
	}
	c, _ := row["contrast"].(map[string]any)
	if c == nil || c["concept"] != "Northern Territories" || len(c["wordings"].([]any)) != 2 {
		t.Errorf("e1's contrast in JSON: %v", row["contrast"])
	}
	if files, _ := row["files"].([]any); len(files) != 2 || files[0] != "e1-fishing-boat.md" {
		t.Errorf("e1's files in JSON: %v", row["files"])
	}

	// The HTML page renders; same index, same bytes.
	var h1, h2 bytes.Buffer
	if err := Render(&h1, r, "html", Options{}); err != nil {
		t.Fatal(err)
	}
	events2, problems2 := indexFixture()
	slices.Reverse(events2)
	slices.Reverse(problems2)
	if err := Render(&h2, BuildIndex(events2, problems2, IndexOptions{Reports: 10, Outlets: 5}).Report(), "html", Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(h1.Bytes(), h2.Bytes()) {
		t.Error("the index depends on the order of its input")
	}
}

// TestSummarize: the sample's strongest contrast is the first of its
// "What differs", and its concepts carry each outlet's wordings.
func TestSummarize(t *testing.T) {
	r := Compare(sampleArticles(t), CompareOptions{})
	c, concepts := Summarize(r)
	if c == nil || len(c.Wordings) < 2 {
		t.Fatalf("contrast %+v, want one of two wordings or more", c)
	}
	var md bytes.Buffer
	if err := Render(&md, r, "md", Options{}); err != nil {
		t.Fatal(err)
	}
	_, differs, _ := strings.Cut(md.String(), "## What differs")
	first, _, _ := strings.Cut(strings.SplitN(differs, "\n- ", 2)[1], "\n")
	if !strings.Contains(first, MarkdownInline(c.Concept)) {
		t.Errorf("contrast %q is not the first of What differs: %q", c.Concept, first)
	}
	if len(concepts) == 0 {
		t.Fatalf("no concepts summarized of %d", len(r.Concepts))
	}
	outlets := map[string]bool{}
	for _, a := range r.Articles {
		outlets[a.Outlet] = true
	}
	for _, ic := range concepts {
		if ic.Key == "" || len(ic.Uses) == 0 {
			t.Errorf("concept %+v: no key or no wordings", ic)
		}
		for _, u := range ic.Uses {
			if !outlets[u.Outlet] || u.Text == "" || u.Count < 1 {
				t.Errorf("concept %s: use %+v", ic.Label, u)
			}
		}
	}
}

// TestIndexOutletColumns: the table of labels shows the IndexOutlets
// outlets that name most of its concepts, and JSON the wordings of all.
func TestIndexOutletColumns(t *testing.T) {
	var events []IndexEvent
	for e := range 2 {
		ev := IndexEvent{ID: "e" + string(rune('1'+e)), From: "2019-01-0" + string(rune('1'+e)), Reports: 20, Status: IndexCompared}
		c := IndexConcept{Key: "talk", Label: "talks"}
		for o := range 20 {
			// Outlet 00 names it most often, outlet 19 least.
			c.Uses = append(c.Uses, IndexUse{Outlet: "Outlet " + string(rune('A'+o)), Key: "talk", Text: "talks", Count: 20 - o})
		}
		ev.Concepts = []IndexConcept{c}
		events = append(events, ev)
	}
	x := BuildIndex(events, nil, IndexOptions{})
	if len(x.Columns) != IndexOutlets || x.Columns[0] != "Outlet A" || x.Columns[IndexOutlets-1] != "Outlet L" {
		t.Errorf("columns %v, want Outlet A to Outlet L", x.Columns)
	}
	r := x.Report()
	lt := r.Tables[1]
	if len(lt.Columns) != 2+IndexOutlets || !strings.Contains(lt.HowTo, "8 more outlets name some of them") {
		t.Errorf("%d columns, how-to %q", len(lt.Columns), lt.HowTo)
	}
	v, ok := lt.Rows[0][0].Value.(labelJSON)
	if !ok || len(v.Uses) != 20 {
		t.Errorf("the concept's JSON value %#v lacks outlets", lt.Rows[0][0].Value)
	}
}

// What differs lists the things named in contrasting words ("Silver
// Isles" against "Grey Rocks"), not those whose wordings differ only in
// articles, number or modifiers ("country" against "the two countries").
func TestContrastsLeaveOutModifierOnly(t *testing.T) {
	m := func(art, outlet, text string) MentionJSON {
		return MentionJSON{Article: art, Outlet: outlet, Text: text}
	}
	r := &Report{
		Articles: []ArticleRef{{ID: "a", Outlet: "Wire One"}, {ID: "b", Outlet: "Wire Two"}},
		Concepts: []ConceptJSON{
			{ID: "country", Label: "country", Source: frame.Entity, Differs: true, Mentions: []MentionJSON{
				m("a", "Wire One", "the country"), m("a", "Wire One", "countries"), m("b", "Wire Two", "the two countries")}},
			{ID: "isles", Label: "Silver Isles", Source: frame.Entity, Differs: true, Mentions: []MentionJSON{
				m("a", "Wire One", "the Silver Isles"), m("b", "Wire Two", "the Grey Rocks")}},
		},
	}
	cs := contrasts(finish(r))
	if len(cs) != 1 || cs[0].concept.ID != "isles" {
		var ids []string
		for _, c := range cs {
			ids = append(ids, c.concept.ID)
		}
		t.Errorf("contrasts: %v, want [isles]", ids)
	}
}
