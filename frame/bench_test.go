package frame_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/lexicon"
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
	lex, err := lexicon.Load(lexSampleFile)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		frame.Concepts(arts, claims, frame.Options{Given: append(lex.Match(arts), lexicon.Generic().Match(arts)...)})
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
		frame.Concepts(arts, claims, frame.Options{})
	}
}

// longSentence builds an event of two reports: one whose body is a single
// sentence of about size bytes (the sample's words, punctuation dropped,
// over and over), and one of the sample's reports as it is.
func longSentence(b *testing.B, size int) []*corpus.Article {
	src, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var words []string
	for _, a := range src {
		for _, s := range a.Sentences {
			words = append(words, strings.FieldsFunc(s.Text, func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
			})...)
		}
	}
	var body strings.Builder
	body.WriteString("Talks in Moscow\n\n")
	for i := 0; body.Len() < size; i++ {
		body.WriteString(words[i%len(words)])
		body.WriteByte(' ')
	}
	body.WriteString("\n")
	normal, err := sample.FS.ReadFile(sampleFirst(b))
	if err != nil {
		b.Fatal(err)
	}
	arts, err := corpus.LoadFS(fstest.MapFS{
		"long.txt":   &fstest.MapFile{Data: []byte(body.String())},
		"normal.txt": &fstest.MapFile{Data: normal},
	}, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return arts
}

// sampleFirst names the first .txt file of the sample.
func sampleFirst(b *testing.B) string {
	ents, err := sample.FS.ReadDir(".")
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".txt") {
			return e.Name()
		}
	}
	b.Fatal("no .txt in the sample")
	return ""
}

// BenchmarkConceptsLongSentence is the term analysis of a report that is one
// unpunctuated sentence of 3 MB, next to a normal one (issue 18: it took
// a minute when claiming spans scanned every span of the article for each
// mention; target: linear, a few seconds at most).
func BenchmarkConceptsLongSentence(b *testing.B) {
	const size = 3 << 20
	arts := longSentence(b, size)
	claims := align.Claims(arts, align.Options{Singletons: true})
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		frame.Concepts(arts, claims, frame.Options{Given: lexicon.Generic().Match(arts)})
	}
}
