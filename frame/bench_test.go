package frame

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

// event50 builds one event of 50 reports, each 25 of the sample's
// sentences in its own order, as BenchmarkClaims in package align does.
func event50(b *testing.B) ([]*corpus.Article, int) {
	src, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var pool []string
	for _, a := range src {
		for _, s := range a.Sentences {
			pool = append(pool, s.Text)
		}
	}
	fsys := fstest.MapFS{}
	size := 0
	for r := range 50 {
		var body []string
		for k := range 25 {
			body = append(body, pool[(r*7+k*13)%len(pool)])
		}
		text := strings.Join(body, "\n")
		size += len(text)
		data, _ := json.Marshal(map[string]string{"title": pool[(r*11)%len(pool)], "maintext": text})
		fsys[fmt.Sprintf("r%02d.json", r)] = &fstest.MapFile{Data: data}
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return arts, size
}

// BenchmarkConcepts is the term analysis of one event of 50 reports, the
// claims it mines from aligned beforehand (target: under 1 s an op).
func BenchmarkConcepts(b *testing.B) {
	arts, size := event50(b)
	claims := align.Claims(arts, align.Options{})
	lex, err := LoadLexicon(lexSampleFile)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Concepts(arts, claims, Options{Lexicons: []*Lexicon{lex, Generic()}})
	}
}

// BenchmarkConceptsSample is the term analysis of the sample corpus, as a
// cold compare runs it.
func BenchmarkConceptsSample(b *testing.B) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	claims := align.Claims(arts, align.Options{Singletons: true})
	b.ReportAllocs()
	for b.Loop() {
		Concepts(arts, claims, Options{})
	}
}
