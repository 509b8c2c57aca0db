package align

import (
	"math"
	"slices"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/internal/wordvec"
)

// Meaning: what the aligner adds to shared words.
//
//   - Each sentence has a vector: the IDF-weighted sum of its content
//     words' vectors (internal/wordvec), made unit length, less the mean of
//     the event's sentences (what every sentence of one story shares), made
//     unit length again. Two sentences score their shared words' cosine
//     plus embWeight times the cosine of these vectors, when positive.
//   - Sentences of one report that carry one statement are glued before
//     aligning: the sentences a quotation runs over, and a sentence ending
//     in a colon with the next.
//   - Sentences holding quotes of one statement (Quotes) are linked.

// embWeight weighs the vectors' cosine against the shared words' one.
var embWeight = 0.25

// quoteLink is the least score of a link between sentences that quote
// one statement.
const quoteLink = 0.5

// embed sets every unit's centred vector.
func embed(units []*unit, st *stemNums) [][]float32 {
	out := make([][]float32, len(units))
	mean := make([]float64, wordvec.Dim)
	k := 0
	for i, u := range units {
		v := make([]float32, wordvec.Dim)
		for _, w := range u.vecs {
			w.v.Add(v, float32(st.idf[st.num[w.stem]]))
		}
		if unit32(v) {
			for d, x := range v {
				mean[d] += float64(x)
			}
			k++
			out[i] = v
		}
	}
	if k == 0 {
		return out
	}
	for _, v := range out {
		if v == nil {
			continue
		}
		for d := range v {
			v[d] -= float32(mean[d] / float64(k))
		}
		unit32(v)
	}
	return out
}

// unit32 makes v unit length; false if it is zero.
func unit32(v []float32) bool {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return false
	}
	s := float32(1 / math.Sqrt(n))
	for i := range v {
		v[i] *= s
	}
	return true
}

func dot32(a, b []float32) float64 {
	if a == nil || b == nil {
		return 0
	}
	var d float32
	for i := range a {
		d += a[i] * b[i]
	}
	return float64(d)
}

// glue gives each unit its statement: the lowest unit index of the run
// of sentences of one report that carry one statement.
func glue(arts []*corpus.Article, units []*unit) []int {
	stmt := make([]int, len(units))
	at := map[[2]int]int{} // (article, sentence) -> unit
	for i, u := range units {
		stmt[i] = i
		at[[2]int{u.m.Article, u.m.Sentence}] = i
	}
	join := func(a, s0, s1 int) { // sentences s0..s1 of article a
		first, ok := at[[2]int{a, s0}]
		if !ok {
			return
		}
		for s := s0 + 1; s <= s1; s++ {
			if j, ok := at[[2]int{a, s}]; ok {
				x, y := stmt[first], stmt[j]
				root := min(x, y) // the statement's lowest unit
				for k := range stmt {
					if stmt[k] == x || stmt[k] == y {
						stmt[k] = root
					}
				}
			}
		}
	}
	for ai, a := range arts {
		for _, q := range a.Quotes {
			s0, s1 := -1, -1
			for si, s := range a.Sentences {
				if s.Start <= q.Start && q.Start < s.End {
					s0 = si
				}
				if s.Start < q.End && q.End <= s.End {
					s1 = si
				}
			}
			if s0 >= 0 && s1 > s0 && s1-s0 < 4 {
				join(ai, s0, s1)
			}
		}
		for si := 0; si+1 < len(a.Sentences); si++ {
			t := a.Sentences[si].Text
			if len(t) > 0 && t[len(t)-1] == ':' {
				join(ai, si, si+1)
			}
		}
	}
	return stmt
}

// quotePairs lists, for each unit, the units after it (of other
// reports) that hold a quote of one statement with it (qs, the clusters
// of Quotes).
func quotePairs(arts []*corpus.Article, units []*unit, qs []QuoteCluster) [][]int {
	at := map[[2]int]int{}
	for i, u := range units {
		at[[2]int{u.m.Article, u.m.Sentence}] = i
	}
	out := make([][]int, len(units))
	for _, c := range qs {
		for x, a := range c.Variants {
			for _, b := range c.Variants[x+1:] {
				if a.Article == b.Article {
					continue
				}
				sa, sb := variantSentence(arts[a.Article], a), variantSentence(arts[b.Article], b)
				i, ok1 := at[[2]int{a.Article, sa}]
				j, ok2 := at[[2]int{b.Article, sb}]
				if !ok1 || !ok2 || sa < 0 || sb < 0 { // (-1 would be the headline)
					continue
				}
				if i > j {
					i, j = j, i
				}
				if !slices.Contains(out[i], j) {
					out[i] = append(out[i], j)
				}
			}
		}
	}
	for i := range out {
		slices.Sort(out[i])
	}
	return out
}

// variantSentence is the index of the sentence a variant starts in; -1
// if none.
func variantSentence(a *corpus.Article, v Variant) int {
	if v.Quote >= 0 && v.Quote < len(a.Quotes) {
		return a.Quotes[v.Quote].Sentence
	}
	for si, s := range a.Sentences {
		if s.Start <= v.Start && v.Start < s.End {
			return si
		}
	}
	return -1
}
