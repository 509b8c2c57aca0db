package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
)

// top is the --top the tests cut at: small enough that every table is cut
// on the sample.
const top = 6

// claimKey names a claim by its members' sentences, whatever the order of
// the reports.
func claimKey(arts []*corpus.Article, c align.Claim) string {
	var ks []string
	for _, m := range c.Members {
		ks = append(ks, fmt.Sprintf("%s#%d", arts[m.Article].ID, m.Sentence))
	}
	slices.Sort(ks)
	return strings.Join(ks, " ")
}

func conceptKey(arts []*corpus.Article, c frame.Concept) string {
	var ks []string
	for _, m := range c.Mentions {
		ks = append(ks, fmt.Sprintf("%s@%d", arts[m.Article].ID, m.Start))
	}
	slices.Sort(ks)
	return strings.Join(ks, " ")
}

// shown is what a cut at top keeps of each ranked analysis: the first
// claims of the omission table, the first speakers of the attribution
// table, the first concepts two reports name of the term table.
func shown(e *Event) map[string][]string {
	out := map[string][]string{}
	for _, r := range e.Omission.Rows[:min(top, len(e.Omission.Rows))] {
		out["omission"] = append(out["omission"], claimKey(e.Articles, e.Claims[r.Claim]))
	}
	for _, s := range e.Attribution.Speakers[:min(top, len(e.Attribution.Speakers))] {
		out["attribution"] = append(out["attribution"], s.Speaker)
	}
	for _, c := range e.Concepts {
		if len(out["terms"]) < top && frame.Outlets(c) >= 2 {
			out["terms"] = append(out["terms"], conceptKey(e.Articles, c))
		}
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

// TestCutsIgnoreFileOrder: the rows a cut keeps do not depend on the order
// the reports were given in (their file names): the sample's event, read
// in its order and reversed, keeps the same claims, speakers and concepts.
func TestCutsIgnoreFileOrder(t *testing.T) {
	arts := sampleEvent(t)
	rev := slices.Clone(arts)
	slices.Reverse(rev)
	opt := Options{Sections: []string{"terms", "omission", "attribution"}}
	a, b := shown(Analyze("e1", "", arts, opt)), shown(Analyze("e1", "", rev, opt))
	for _, k := range []string{"omission", "attribution", "terms"} {
		if len(a[k]) == 0 {
			t.Errorf("%s: nothing shown", k)
		}
		if !slices.Equal(a[k], b[k]) {
			t.Errorf("%s: the rows shown depend on the reports' order:\n in order: %q\n reversed: %q", k, a[k], b[k])
		}
	}
}
