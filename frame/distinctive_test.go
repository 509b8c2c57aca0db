package frame

import (
	"fmt"
	"testing"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

func TestDistScratch(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range Distinctive(arts, DistinctiveOptions{Top: -1}) {
		fmt.Println("==", o.Outlet, o.Articles)
		for _, tm := range o.Terms {
			fmt.Printf("  %-25s %-25q %3d %3d %6.3f %d\n", tm.Term, tm.Surface, tm.Count, tm.Others, tm.Z, len(tm.Mentions))
		}
	}
}
