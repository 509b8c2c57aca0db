package report

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/align/reuse"
	"github.com/biasdiff/biasdiff/align/wdiff"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/attribution"
	"github.com/biasdiff/biasdiff/frame/discrepancy"
	"github.com/biasdiff/biasdiff/frame/distinctive"
	"github.com/biasdiff/biasdiff/frame/lexicon"
	"github.com/biasdiff/biasdiff/frame/omission"
)

const schemaPath = "../docs/report.schema.json"

// compileSchema compiles docs/report.schema.json (checking it against the
// draft 2020-12 meta-schema on the way).
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("report.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("report.schema.json")
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return sch
}

// reportInstance renders r as `compare --format json` does and decodes it
// for the validator.
func reportInstance(t *testing.T, r *Report) map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, r, "json", Options{}); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	return v.(map[string]any)
}

func sampleArticles(t testing.TB) []*corpus.Article {
	t.Helper()
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// twoEvents is two unrelated stories of two reports each (declared as
// events in the manifest, so that grouping cannot merge them), and a
// transcript to check the flood story's quotes against.
func twoEvents(t testing.TB) (arts, primaries []*corpus.Article) {
	t.Helper()
	fsys := fstest.MapFS{
		"flood-a.txt": {Data: []byte("Floods cut off Riverton as the Marrow River bursts its banks\n\n" +
			"The Marrow River burst its banks near Riverton on Wednesday, cutting off 4,000 homes. " +
			"Mayor Alice Brennan said rescue teams from Kestrel County had reached the eastern districts. " +
			"“Our rescue teams will work through the night to reach every stranded family in the eastern districts,” Brennan said. " +
			"Officials blamed the disaster on a week of heavy rain in the Kestrel hills.\n")},
		"flood-b.txt": {Data: []byte("Marrow River flooding leaves thousands stranded\n\n" +
			"Thousands of residents in Riverton were stranded after the Marrow River flooded overnight. " +
			"Officials blamed the deluge on a week of heavy rain in the Kestrel hills. " +
			"Mayor Alice Brennan claimed: “Rescue teams will work through the night to reach every stranded family.” " +
			"Critics said the county had ignored warnings about the levee for years.\n")},
		"merger-a.txt": {Data: []byte("Halvorsen Steel agrees to buy Pemberton Metals for $2.1 billion\n\n" +
			"Halvorsen Steel said on Tuesday it had agreed to acquire Pemberton Metals for $2.1 billion in cash. " +
			"Chief executive Marcus Okafor said the deal would close next year, subject to approval by regulators in Brussels. " +
			"“The combined company will be stronger, leaner and better placed to compete with rivals in Asia,” Okafor said.\n")},
		"merger-b.txt": {Data: []byte("Pemberton Metals shares jump on Halvorsen takeover\n\n" +
			"Shares of Pemberton Metals rose 18% after Halvorsen Steel announced a $2.1 billion takeover. " +
			"Marcus Okafor, who runs Halvorsen Steel, insisted: “The combined company will be stronger and better placed to compete with rivals in Asia.” " +
			"Regulators in Brussels must still approve the acquisition, people familiar with the matter said.\n")},
		"biasdiff.yaml": {Data: []byte("articles:\n" +
			"  - {path: flood-a.txt, outlet: Daily Herald, date: 2023-03-02, event: Riverton flood}\n" +
			"  - {path: flood-b.txt, outlet: Evening Post, date: 2023-03-03, event: Riverton flood}\n" +
			"  - {path: merger-a.txt, outlet: Business Daily, date: 2023-03-07, event: Halvorsen takeover}\n" +
			"  - {path: merger-b.txt, outlet: Market Watcher, date: 2023-03-07, event: Halvorsen takeover}\n")},
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	prim, err := corpus.LoadFS(fstest.MapFS{"briefing.txt": {Data: []byte("Mayor's briefing, transcript\n\n" +
		"Our rescue teams will not work through the night, but they will reach every stranded family in the eastern districts. The county will pay for the repairs to the levee.\n")}}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts, prim
}

// TestSchemaSample validates the sample's `compare --format json` (also
// with the example concept file, and `terms --format json`) against
// docs/report.schema.json.
func TestSchemaSample(t *testing.T) {
	sch := compileSchema(t)
	arts := sampleArticles(t)
	lex, err := lexicon.Load("../examples/sample-concepts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*Report{
		"compare":                        Compare(arts, CompareOptions{Top: 20}),
		"terms":                          TermsReport(arts, CompareOptions{Top: 20}),
		"compare --concepts":             Compare(arts, CompareOptions{Lexicons: []*lexicon.Lexicon{lex}}),
		"compare --sections terms,reuse": Compare(arts, CompareOptions{Sections: []string{"terms", "reuse"}}),
	} {
		if err := sch.Validate(reportInstance(t, r)); err != nil {
			t.Errorf("%s: output does not match %s:\n%v", name, schemaPath, err)
		}
	}
}

// TestSchemaTwoEvents validates the output for two events (prefixed table
// ids, concepts with their event) with quotes checked against a primary
// source (fidelity).
func TestSchemaTwoEvents(t *testing.T) {
	sch := compileSchema(t)
	arts, prim := twoEvents(t)
	r := Compare(arts, CompareOptions{Primaries: prim})
	if len(r.Events) != 2 {
		t.Fatalf("%d events, want 2", len(r.Events))
	}
	if len(r.Fidelity) == 0 {
		t.Errorf("no quote checked against the transcript")
	}
	var events []string
	for _, c := range r.Concepts {
		if !slices.Contains(events, c.Event) {
			events = append(events, c.Event)
		}
	}
	if len(events) != 2 || slices.Contains(events, "") {
		t.Errorf("concepts name events %q, want both events", events)
	}
	if err := sch.Validate(reportInstance(t, r)); err != nil {
		t.Errorf("output does not match %s:\n%v", schemaPath, err)
	}
}

// TestSchemaRejects: a renamed, missing or mistyped field, or a value
// outside an enum, fails validation — the schema is not so loose that
// anything passes.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	arts, prim := twoEvents(t)
	base := reportInstance(t, Compare(arts, CompareOptions{Primaries: prim}))
	if err := sch.Validate(base); err != nil {
		t.Fatalf("unchanged output fails: %v", err)
	}
	obj := func(v any, path ...any) map[string]any {
		for _, p := range path {
			switch p := p.(type) {
			case string:
				v = v.(map[string]any)[p]
			case int:
				v = v.([]any)[p]
			}
		}
		return v.(map[string]any)
	}
	rename := func(m map[string]any, from, to string) {
		m[to] = m[from]
		delete(m, from)
	}
	cases := map[string]func(r map[string]any){
		"version missing":              func(r map[string]any) { delete(r, "version") },
		"title renamed":                func(r map[string]any) { rename(r, "title", "name") },
		"table how_to_read renamed":    func(r map[string]any) { rename(obj(r, "tables", 0), "how_to_read", "howto") },
		"column key renamed":           func(r map[string]any) { rename(obj(r, "tables", 0, "columns", 0), "key", "Key") },
		"article path renamed":         func(r map[string]any) { rename(obj(r, "articles", 0), "path", "file") },
		"concept source bad":           func(r map[string]any) { obj(r, "concepts", 0)["source"] = "guessed" },
		"mention start renamed":        func(r map[string]any) { rename(obj(r, "concepts", 0, "mentions", 0), "start", "begin") },
		"flag kind bad":                func(r map[string]any) { obj(r, "flags", 0)["kind"] = "spin" },
		"flag why missing":             func(r map[string]any) { delete(obj(r, "flags", 0), "why") },
		"event label renamed":          func(r map[string]any) { rename(obj(r, "events", 0), "label", "name") },
		"claim member position bad":    func(r map[string]any) { obj(r, "events", 0, "claims", 0, "members", 0)["position"] = "top" },
		"omission rows renamed":        func(r map[string]any) { rename(obj(r, "events", 0, "omission"), "rows", "row") },
		"attribution speakers gone":    func(r map[string]any) { delete(obj(r, "events", 0, "attribution"), "speakers") },
		"emphasis headline not text":   func(r map[string]any) { obj(r, "events", 0, "emphasis", "articles", 0)["headline"] = json.Number("1") },
		"fidelity passage_end renamed": func(r map[string]any) { rename(obj(r, "fidelity", 0), "passage_end", "passageEnd") },
		"discrepancies missing":        func(r map[string]any) { delete(obj(r, "events", 0), "discrepancies") },
		"extra top-level field":        func(r map[string]any) { r["extra"] = true },
	}
	for name, mutate := range cases {
		t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
			r := cloneJSON(t, base)
			mutate(r)
			if err := sch.Validate(r); err == nil {
				t.Errorf("validation passed after %s", name)
			}
		})
	}
}

func cloneJSON(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out.(map[string]any)
}

// schemaDefs maps the Go types of the JSON output to the schema
// definitions that describe them ("" is the top level). Table is written
// by its MarshalJSON and checked by the validation tests only.
var schemaDefs = map[reflect.Type]string{
	reflect.TypeFor[Report]():                   "",
	reflect.TypeFor[ArticleRef]():               "articleRef",
	reflect.TypeFor[corpus.Removal]():           "removal",
	reflect.TypeFor[ConceptJSON]():              "concept",
	reflect.TypeFor[MentionJSON]():              "conceptMention",
	reflect.TypeFor[Flag]():                     "flag",
	reflect.TypeFor[EventData]():                "event",
	reflect.TypeFor[align.Claim]():              "claim",
	reflect.TypeFor[align.Member]():             "member",
	reflect.TypeFor[align.Near]():               "near",
	reflect.TypeFor[align.Diff]():               "diff",
	reflect.TypeFor[wdiff.Edit]():               "edit",
	reflect.TypeFor[wdiff.Range]():              "range",
	reflect.TypeFor[align.QuoteCluster]():       "quoteCluster",
	reflect.TypeFor[align.Variant]():            "variant",
	reflect.TypeFor[reuse.Pair]():               "reusePair",
	reflect.TypeFor[reuse.Passage]():            "passage",
	reflect.TypeFor[reuse.Span]():               "span",
	reflect.TypeFor[omission.Omission]():        "omission",
	reflect.TypeFor[omission.Row]():             "omissionRow",
	reflect.TypeFor[omission.Emphasis]():        "emphasis",
	reflect.TypeFor[omission.ArticleEmphasis](): "articleEmphasis",
	reflect.TypeFor[omission.ClaimWords]():      "claimWords",
	reflect.TypeFor[attribution.Attribution]():  "attribution",
	reflect.TypeFor[attribution.SpeakerRow]():   "speakerRow",
	reflect.TypeFor[attribution.VerbUse]():      "verbUse",
	reflect.TypeFor[frame.Mention]():            "frameMention",
	reflect.TypeFor[distinctive.OutletTerms]():  "outletTerms",
	reflect.TypeFor[distinctive.Term]():         "distinctiveTerm",
	reflect.TypeFor[align.QuoteCheck]():         "quoteCheck",

	reflect.TypeFor[discrepancy.Discrepancy](): "discrepancy",
	reflect.TypeFor[discrepancy.Value]():       "discrepancyValue",
}

// TestSchemaCoversGoTypes walks the Go types behind the JSON output: every
// struct has a schema definition with exactly its JSON fields, the fields
// without omitempty required and those with it optional — so a field added
// in Go that the sample output happens not to show still needs the schema.
func TestSchemaCoversGoTypes(t *testing.T) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	type object struct {
		Properties           map[string]json.RawMessage `json:"properties"`
		Required             []string                   `json:"required"`
		AdditionalProperties *bool                      `json:"additionalProperties"`
	}
	var schema struct {
		object
		Defs map[string]object `json:"$defs"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] || typ == reflect.TypeFor[Table]() {
			return
		}
		seen[typ] = true
		name, ok := schemaDefs[typ]
		if !ok {
			t.Errorf("Go type %v is in the JSON output but has no schema definition (add it to %s and schemaDefs)", typ, schemaPath)
			return
		}
		def := schema.object
		if name != "" {
			if def, ok = schema.Defs[name]; !ok {
				t.Errorf("%s: no $defs/%s for %v", schemaPath, name, typ)
				return
			}
		} else {
			name = "(top level)"
		}
		if def.AdditionalProperties == nil || *def.AdditionalProperties {
			t.Errorf("%s %s: additionalProperties is not false", schemaPath, name)
		}
		fields := map[string]bool{}
		// reflect.VisibleFields lists the fields of embedded structs too, as
		// encoding/json flattens them (the embedded field itself is skipped).
		for _, f := range reflect.VisibleFields(typ) {
			tag := f.Tag.Get("json")
			if !f.IsExported() || tag == "-" || f.Anonymous && f.Type.Kind() == reflect.Struct && tag == "" {
				continue
			}
			key, opts, _ := strings.Cut(tag, ",")
			if key == "" {
				key = f.Name
			}
			fields[key] = true
			omitempty := slices.Contains(strings.Split(opts, ","), "omitempty")
			if _, ok := def.Properties[key]; !ok {
				t.Errorf("%s %s: no property %q (field %v.%s)", schemaPath, name, key, typ, f.Name)
			}
			if req := slices.Contains(def.Required, key); req == omitempty {
				t.Errorf("%s %s: %q required=%v, but the Go field has omitempty=%v", schemaPath, name, key, req, omitempty)
			}
			walk(f.Type)
		}
		for key := range def.Properties {
			if !fields[key] {
				t.Errorf("%s %s: property %q has no field in %v", schemaPath, name, key, typ)
			}
		}
	}
	walk(reflect.TypeFor[Report]())
	for typ, name := range schemaDefs {
		if !seen[typ] {
			t.Errorf("schemaDefs: %v (%s) is not in the output any more", typ, name)
		}
	}
}
