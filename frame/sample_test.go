package frame

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// termRows writes the concepts that two reports or more mention as the
// term table shows them: label, source, and per report its phrases with
// counts (nested mentions left out).
func termRows(arts []*corpus.Article, cs []Concept) string {
	var b strings.Builder
	for _, c := range cs {
		if Outlets(c) < 2 {
			continue
		}
		fmt.Fprintf(&b, "%s [%s, %s]\n", c.Label, c.Source, map[bool]string{true: "differs", false: "same"}[Differs(c)])
		for ai, a := range arts {
			var order []string
			n := map[string]int{}
			for _, m := range c.Mentions {
				if m.Article != ai || m.Nested {
					continue
				}
				if n[m.Text] == 0 {
					order = append(order, m.Text)
				}
				n[m.Text]++
			}
			if len(order) == 0 {
				continue
			}
			var ps []string
			for _, p := range order {
				ps = append(ps, fmt.Sprintf("%s ×%d", p, n[p]))
			}
			fmt.Fprintf(&b, "    %s: %s\n", a.ID, strings.Join(ps, "; "))
		}
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("term rows differ from %s (run go test -update to accept):\n%s", path, got)
	}
}

// phrasesOf lists the distinct phrases of the concept holding phrase.
func holding(cs []Concept, phrase string) *Concept {
	for i := range cs {
		for _, m := range cs[i].Mentions {
			if strings.EqualFold(m.Text, phrase) {
				return &cs[i]
			}
		}
	}
	return nil
}

func hasPhrase(c *Concept, prefix string) bool {
	return c != nil && slices.ContainsFunc(c.Mentions, func(m Mention) bool {
		return strings.HasPrefix(strings.ToLower(m.Text), strings.ToLower(prefix))
	})
}

// TestSampleTerms: on the sample corpus, with no concept file, the term
// table shows the contrasts a careful reader sees (corpus/sample/SOURCES.md):
// the two sides' names of the islands in one row, and "handing over"
// beside "returning" in another. The rows are also kept as a golden file.
func TestSampleTerms(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := Concepts(arts, align.Claims(arts, align.Options{}), Options{})
	islands := holding(cs, "Northern Territories")
	if !hasPhrase(islands, "Southern Kuril") || !Differs(*islands) {
		t.Errorf("the islands' names: got %+v, want Northern Territories and Southern Kuril… in one concept that differs", islands)
	}
	act := holding(cs, "handing over")
	if !hasPhrase(act, "return") || !Differs(*act) || act.Source != Mined {
		t.Errorf("the act: got %+v, want handing over and return… in one mined concept that differs", act)
	}
	checkOrder(t, cs) // on a real story, with loose rows in it
	golden(t, "sample-terms.txt", termRows(arts, cs))
}
