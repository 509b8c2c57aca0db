//go:build devset

package predicate

// The candidates of the sample and of the framing dev events
// (../shared/eval/framing, never shipped), for choosing MinCosine:
//
//	go test -tags devset -run Dev -v ./frame/predicate/

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

func TestDevCandidates(t *testing.T) {
	type ev struct {
		name string
		arts []*corpus.Article
	}
	var evs []ev
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	evs = append(evs, ev{"sample", arts})
	root := os.Getenv("BIASDIFF_EVAL")
	if root == "" {
		root = "../../../shared/eval"
	}
	dirs, _ := filepath.Glob(root + "/framing/" + cmp.Or(os.Getenv("DEV_GLOB"), "*"))
	for _, d := range dirs {
		files, _ := filepath.Glob(d + "/*.txt")
		if len(files) == 0 {
			continue
		}
		a, err := corpus.Load(files, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		evs = append(evs, ev{filepath.Base(d)[:min(14, len(filepath.Base(d)))], a})
	}
	for _, e := range evs {
		quotes := align.Quotes(e.arts)
		claims := align.Claims(e.arts, align.Options{Singletons: true, Quotes: quotes})
		ce := newEvent(e.arts)
		cs := candidates(ce, append(Replacements(Units(ce, claims, quotes)), Anchored(ce)...), -1)
		slices.SortFunc(cs, func(a, b Pair) int {
			if a.Cosine > b.Cosine {
				return -1
			}
			if a.Cosine < b.Cosine {
				return 1
			}
			return 0
		})
		for _, c := range cs {
			fmt.Printf("CAND\t%s\t%.3f\t%v\t%v\t%v\t%v\t%v\t%s\t%s\t||\t%s\t||\t%s\n", e.name, c.Cosine, c.Relation, c.Near, c.Quote, c.Inside, c.Args, c.A.Text, c.B.Text, c.A.Context, c.B.Context)
		}
	}
}
