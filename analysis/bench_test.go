package analysis

import (
	"testing"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

// BenchmarkSections: the analysis of the sample's event, for the term
// table alone and for every section.
func BenchmarkSections(b *testing.B) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		sections []string
	}{{"terms", []string{"terms"}}, {"all", nil}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Analyze("e1", "", arts, Options{Sections: c.sections})
			}
		})
	}
}
