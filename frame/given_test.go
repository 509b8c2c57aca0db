package frame_test

import (
	"slices"
	"testing"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/lexicon"
)

// The tests of Concepts with concepts matched from concept files (package
// lexicon, which imports frame).

const lexSampleFile = "../examples/sample-concepts.yaml"

// TestLexiconFirst: a concept file's phrases win over found concepts, and
// no span ends up in two concepts.
func TestLexiconFirst(t *testing.T) {
	arts, src := frame.Event(t,
		[2]string{"Isles", "Norland calls them the Silver Isles. The Silver Isles are small."},
		[2]string{"Isles", "Southland calls them the Grey Rocks. The Grey Rocks are small."},
	)
	lex, err := lexicon.Parse("isles.yaml", []byte("concepts:\n  - id: isles\n    label: the isles\n    phrases:\n      - text: Silver Isles\n        note: Norland's name\n      - text: Grey Rocks\n"))
	if err != nil {
		t.Fatal(err)
	}
	cs := frame.Concepts(arts, align.Claims(arts, align.Options{}), frame.Options{Given: lex.Match(arts)})
	frame.CheckInvariants(t, cs, src)
	c := frame.ConceptOf(cs, 0, "Silver Isles")
	if c == nil || c.ID != "isles" || c.Source != frame.Lexical {
		t.Fatalf("Silver Isles: got %+v, want the lexicon's concept", c)
	}
	const perArticle = 2 // each name occurs twice in its article
	if got, want := len(c.Mentions), perArticle*len(arts); got != want {
		t.Errorf("lexicon concept has %d mentions, want %d", got, want)
	}
	if c.Mentions[0].Note != "Norland's name" {
		t.Errorf("note %q not carried", c.Mentions[0].Note)
	}
}

// TestSampleTermsWithConcepts: with the example concept file, the islands'
// names, the act of changing hands and how the USSR got the islands each
// have a row carried by two reports or more, with the file's notes.
func TestSampleTermsWithConcepts(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Load(lexSampleFile)
	if err != nil {
		t.Fatal(err)
	}
	cs := frame.Concepts(arts, align.Claims(arts, align.Options{}), frame.Options{Given: lex.Match(arts)})
	const minOutlets = 2
	for _, id := range []string{"islands", "handover", "acquisition"} {
		i := slices.IndexFunc(cs, func(c frame.Concept) bool { return c.ID == id })
		if i < 0 {
			t.Errorf("no concept %q", id)
			continue
		}
		if c := cs[i]; c.Source != frame.Lexical || frame.Outlets(c) < minOutlets || !frame.Differs(c) {
			t.Errorf("%s: source %s, %d outlets, differs %v; want lexicon, >= %d, true", id, c.Source, frame.Outlets(c), frame.Differs(c), minOutlets)
		}
	}
	frame.Golden(t, "sample-terms-concepts.txt", frame.TermRows(arts, cs))
}
