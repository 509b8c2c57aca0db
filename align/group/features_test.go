package group

import (
	"cmp"
	"math"
	"slices"
	"testing"
)

// The exported features weigh to the vectors Group compares: for each
// article, the unit vector made from Extractor.Features and Weight, with
// document frequencies counted over the keys, is the one Group makes.
func TestFeaturesWeighAsGroup(t *testing.T) {
	arts := load(t, append(append([]doc{}, flood...), merger...))
	var x Extractor
	feats := make([][]Feature, len(arts))
	df := map[uint64]int{}
	for i, a := range arts {
		feats[i] = x.Features(a, nil)
		if len(feats[i]) == 0 {
			t.Fatalf("article %d: no features", i)
		}
		for k, f := range feats[i] {
			if k > 0 && feats[i][k-1].Key >= f.Key {
				t.Fatalf("article %d: keys not sorted and distinct", i)
			}
			df[f.Key]++
		}
	}
	// Group's own vectors.
	fs := make([]found, len(arts))
	var ex extractor
	for i, a := range arts {
		fs[i] = ex.features(a, nil)
	}
	d, raw := intern(fs)
	n := len(arts)
	d.idf = make([]float64, n+1)
	for k := 1; k <= n; k++ {
		d.idf[k] = idf(n, k)
	}
	for i := range arts {
		want := weigh(raw[i], d)
		var got []float64
		var norm float64
		for _, f := range feats[i] {
			w := Weight(f.Count, n, df[f.Key])
			if w <= 0 {
				continue
			}
			got = append(got, w)
			norm += w * w
		}
		if len(got) != len(want) {
			t.Fatalf("article %d: %d weighted features, Group has %d", i, len(got), len(want))
		}
		// The same weights, whatever order keys and ids give them.
		w := make([]float64, len(want))
		for k := range want {
			got[k] /= math.Sqrt(norm)
			w[k] = float64(want[k].w)
		}
		slices.Sort(got)
		slices.Sort(w)
		for k := range got {
			if math.Abs(got[k]-w[k]) > 1e-5 {
				t.Fatalf("article %d: weight %d is %.6f, Group's %.6f", i, k, got[k], w[k])
			}
		}
	}
}

// A feature in more articles than MaxPostings is looked up among those
// dated within MaxDays of the article only: two reports of one event
// share a word that many reports of the year have.
func TestLongPostingsByWeek(t *testing.T) {
	day := func(s string) dayRange { return parseDate(s) }
	dates := []dayRange{day("2023-01-02"), day("2023-06-01"), day("2023-01-04"), {}, day("2023-09-09"), day("2023-01-20")}
	post := []int32{0, 1, 2, 3, 4, 5}
	slices.SortStableFunc(post, func(a, b int32) int { return cmp.Compare(dayKey(dates[a]), dayKey(dates[b])) })
	x := &querier{post: [][]int32{post}, dates: dates, opt: Options{MaxDays: 7, MaxPostings: 3}}
	if got := x.window(0, 0); !slices.Equal(got, []int32{0, 2}) {
		t.Errorf("window of 2023-01-02: %v, want [0 2]", got)
	}
	if got := x.window(0, 3); got != nil {
		t.Errorf("window of an undated article: %v, want none", got)
	}
	x.opt.MaxDays = -1
	if got := x.window(0, 0); got != nil {
		t.Errorf("window with dates ignored: %v, want none", got)
	}
}
