package reuse

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

// benchArticles generates n articles by recombining the sentences of the
// sample corpus: each takes 12 to 30 sentences in paragraphs of up to three.
// A sentence is kept as written with probability keep (and then has one
// word changed one time in five); otherwise its words are shuffled, which
// gives text on the same topic, in the same words, that no other article
// reuses.
func benchArticles(tb testing.TB, n int, keep float64) []*corpus.Article {
	tb.Helper()
	src, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	var sents []string
	for _, a := range src {
		for _, s := range a.Sentences {
			sents = append(sents, s.Text)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	fsys := fstest.MapFS{}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Generated report number %d\n\n", i)
		k := 12 + rng.IntN(19)
		for j := range k {
			s := sents[rng.IntN(len(sents))]
			ws := strings.Fields(s)
			switch {
			case rng.Float64() >= keep:
				rng.Shuffle(len(ws), func(x, y int) { ws[x], ws[y] = ws[y], ws[x] })
				s = strings.Join(ws, " ")
			case rng.IntN(5) == 0: // change one word
				ws[rng.IntN(len(ws))] = fmt.Sprintf("word%d", rng.IntN(1000))
				s = strings.Join(ws, " ")
			}
			b.WriteString(s)
			if j%3 == 2 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		fsys[fmt.Sprintf("gen%04d.txt", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return arts
}

// BenchmarkFind is a news-like corpus: one sentence in ten is reused, so
// some pairs of articles share a passage and most share none.
func BenchmarkFind(b *testing.B) { benchFind(b, 0.1) }

// BenchmarkFindDense is the worst case: every sentence is reused, so almost
// every pair of the 300 articles shares several passages.
func BenchmarkFindDense(b *testing.B) { benchFind(b, 1) }

func benchFind(b *testing.B, keep float64) {
	arts := benchArticles(b, 300, keep)
	size := 0
	for _, a := range arts {
		size += len(a.Body.S)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var pairs int
	for b.Loop() {
		pairs = len(Find(arts, Options{}))
	}
	b.ReportMetric(float64(pairs), "pairs")
}
