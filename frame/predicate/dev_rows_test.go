//go:build devset

package predicate

// The rows Find gives on the sample, with the pairs that made them:
//
//	go test -tags devset -run DevSampleRows -v ./frame/predicate/

import (
	"fmt"
	"testing"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

func TestDevSampleRows(t *testing.T) {
	arts, _ := corpus.LoadFS(sample.FS, corpus.Options{})
	quotes := align.Quotes(arts)
	claims := align.Claims(arts, align.Options{Singletons: true, Quotes: quotes})
	for _, r := range Find(arts, claims, quotes, Options{}) {
		fmt.Println("ROW", r.Label)
		for _, w := range r.Wordings {
			fmt.Printf("   %s %q :: %s\n", arts[w.Article].ID, w.Text, w.Context)
		}
		for _, p := range r.Pairs {
			fmt.Printf("   pair %q/%q %.3f inside=%v\n", p.A.Text, p.B.Text, p.Cosine, p.Inside)
		}
	}
}
