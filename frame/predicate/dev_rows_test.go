//go:build devset

package predicate

// The rows Find gives on the sample and the framing dev events
// (../shared/eval/framing, never shipped), with the pairs that made them:
//
//	go test -tags devset -run DevRows -v ./frame/predicate/

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

func TestDevRows(t *testing.T) {
	type ev struct {
		name string
		arts []*corpus.Article
	}
	arts, _ := corpus.LoadFS(sample.FS, corpus.Options{})
	evs := []ev{{"sample", arts}}
	root := cmp.Or(os.Getenv("BIASDIFF_EVAL"), "../../../shared/eval")
	dirs, _ := filepath.Glob(root + "/framing/" + cmp.Or(os.Getenv("DEV_GLOB"), "*"))
	for _, d := range dirs {
		files, _ := filepath.Glob(d + "/*.txt")
		if a, err := corpus.Load(files, corpus.Options{}); err == nil && len(files) > 0 {
			evs = append(evs, ev{filepath.Base(d), a})
		}
	}
	for _, e := range evs {
		quotes := align.Quotes(e.arts)
		claims := align.Claims(e.arts, align.Options{Singletons: true, Quotes: quotes})
		for _, r := range Find(e.arts, claims, quotes, Options{}) {
			fmt.Println("ROW", e.name, r.Label)
			for _, w := range r.Wordings {
				fmt.Printf("   %s %q :: %s\n", e.arts[w.Article].ID, w.Text, w.Context)
			}
			for _, p := range r.Pairs {
				fmt.Printf("   pair %q/%q %.3f %v inside=%v args=%v\n", p.A.Text, p.B.Text, p.Cosine, p.Relation, p.Inside, p.Args)
			}
		}
	}
}
