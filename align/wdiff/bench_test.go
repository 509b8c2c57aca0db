package wdiff

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkWords diffs 10,000 pairs of news sentences, each against a
// perturbed copy (a word swapped, a clause inserted or a phrase
// rephrased), per iteration; it reports pairs/s, and MB/s of the two texts.
func BenchmarkWords(b *testing.B) {
	const n = 10000
	r := rand.New(rand.NewPCG(5, 6))
	pairs := make([][2]string, n)
	var size int64
	for i := range pairs {
		a := sentence(r)
		c, _ := perturb(r, a)
		pairs[i] = [2]string{a, c}
		size += int64(len(a) + len(c))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			Words(p[0], p[1])
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pairs/s")
	b.ReportMetric(float64(size)/n, "bytes/pair")
}

// BenchmarkWordsLong diffs two reports of about 600 words each, the second
// a rewrite of every tenth sentence of the first.
func BenchmarkWordsLong(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	var a, c []byte
	for i := 0; len(a) < 4000; i++ {
		s := sentence(r)
		a = append(a, s+" "...)
		if i%10 == 0 {
			s, _ = perturb(r, s)
		}
		c = append(c, s+" "...)
	}
	b.SetBytes(int64(len(a) + len(c)))
	b.ReportAllocs()
	for b.Loop() {
		Words(string(a), string(c))
	}
}
