package align

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// Variant is one report's wording of a quoted statement.
type Variant struct {
	Article int    `json:"article"` // index into the articles given
	Quote   int    `json:"quote"`   // index into Article.Quotes
	Speaker string `json:"speaker"`
	Verb    string `json:"verb"`
	Text    string `json:"text"`
	Start   int    `json:"start"` // source offsets (runes)
	End     int    `json:"end"`
}

// QuoteCluster is one statement as several reports quote it: in full, in
// part, or in different words (translations).
type QuoteCluster struct {
	Speaker  string    `json:"speaker"` // the most specific speaker the variants name
	Variants []Variant `json:"variants"`
	Score    float64   `json:"score"` // the weakest link that joined it
	// Diffs are the word diffs from the first report's wording to each
	// other report's (a report quoting twice: its quotes joined by a space).
	Diffs []Diff `json:"diffs,omitempty"`
}

// MinQuoteScore is the least overlap for two quotes to be one statement:
// half of the shorter quote's weighted content words (a partial quote is
// all in the full one).
const MinQuoteScore = 0.5

// Quotes clusters the direct quotes of the articles of one event by
// statement. Two quotes of different reports are scored by the IDF-weighted
// share of the shorter one's content stems found in the other (so that a
// partial quote matches its full version); a quote needs three content
// words, one of three must be there whole, one of up to five nearly so; a speaker named differently in both (different surnames) needs a
// high score. Clusters are made as claims are (average link, at most two
// quotes of one report). Only statements quoted by two reports or more are
// returned, those most reports carry first.
//
// Known limit: a short quote of common words ("we will never give up") can
// match inside a longer quote of another speaker that uses the same words.
func Quotes(arts []*corpus.Article) []QuoteCluster { return quotes(arts, false) }

// quotes is Quotes; allPairs scores every pair (tests check that the
// prefix filter drops no link).
func quotes(arts []*corpus.Article, allPairs bool) []QuoteCluster {
	type qunit struct {
		v     Variant
		stems map[string]float64
		keys  []string // the stems, sorted: sums run in one order
	}
	var units []qunit
	df := map[string]int{}
	for ai, a := range arts {
		for qi, q := range a.Quotes {
			u := qunit{v: Variant{Article: ai, Quote: qi, Speaker: q.Speaker, Verb: q.Verb, Text: q.Text, Start: q.Start, End: q.End}, stems: map[string]float64{}}
			for _, t := range token.Tokenize(q.Text) {
				if (t.Kind == token.Word && !t.Stop && len(t.Norm) > 1) || t.Kind == token.Number {
					u.stems[t.Stem] = 1
				}
			}
			u.keys = slices.Sorted(maps.Keys(u.stems))
			for _, s := range u.keys {
				df[s]++
			}
			units = append(units, u)
		}
	}
	n := float64(len(units))
	idfOf := make(map[string]float64, len(df))
	for s, d := range df {
		idfOf[s] = math.Log(1 + n/float64(d))
	}
	// overlap is the IDF-weighted share of the smaller stem set found in the
	// larger, and the size of the smaller set.
	overlap := func(a, b *qunit) (float64, int) {
		small, large := a, b
		if len(small.keys) > len(large.keys) {
			small, large = large, small
		}
		var common, total float64
		for _, s := range small.keys {
			w := idfOf[s]
			total += w
			if _, ok := large.stems[s]; ok {
				common += w
			}
		}
		if total == 0 {
			return 0, 0
		}
		return common / total, len(small.keys)
	}
	// Only pairs that can reach MinQuoteScore are scored: the smaller
	// quote (the one overlap takes as such) must share with the other one
	// of its rarest stems, those that weigh more than the rest of it
	// together (prefix filtering). The pairs are those of the loop over
	// every pair, in its order, less pairs that score too low.
	index := map[string][]int32{}   // stem -> the quotes whose prefix holds it
	holding := map[string][]int32{} // stem -> the quotes that hold it
	prefix := make([][]string, len(units))
	for i := range units {
		u := &units[i]
		for _, s := range u.keys {
			holding[s] = append(holding[s], int32(i))
		}
		byWeight := slices.Clone(u.keys)
		slices.SortStableFunc(byWeight, func(a, b string) int { return cmp.Compare(idfOf[b], idfOf[a]) })
		var total float64
		for _, s := range u.keys {
			total += idfOf[s]
		}
		// rest: the weight of the stems after the prefix; a pair that
		// shares none of the prefix shares at most rest, under half.
		rest := total
		for _, s := range byWeight {
			if rest < MinQuoteScore*total*(1-1e-9) { // (a margin for rounding)
				break
			}
			prefix[i] = append(prefix[i], s)
			index[s] = append(index[s], int32(i))
			rest -= idfOf[s]
		}
	}
	smallOf := func(i, j int) int { // the quote overlap takes as the smaller
		if len(units[i].keys) > len(units[j].keys) {
			return j
		}
		return i
	}
	var links []link
	var cand []int
	for i := range units {
		// candidates j > i: the prefix of the smaller of the two meets the
		// other's stems
		cand = cand[:0]
		if allPairs {
			for j := i + 1; j < len(units); j++ {
				cand = append(cand, j)
			}
		}
		for _, s := range prefix[i] {
			for _, j := range holding[s] {
				if int(j) > i && smallOf(i, int(j)) == i {
					cand = append(cand, int(j))
				}
			}
		}
		for _, s := range units[i].keys {
			for _, j := range index[s] {
				if int(j) > i && smallOf(i, int(j)) == int(j) {
					cand = append(cand, int(j))
				}
			}
		}
		slices.Sort(cand)
		cand = slices.Compact(cand)
		for _, j := range cand {
			a, b := units[i], units[j]
			if a.v.Article == b.v.Article {
				continue
			}
			sc, size := overlap(&a, &b)
			// Three content words at least (shorter fragments are common
			// words, not a statement); a fragment of three must be there
			// whole, one of up to five nearly so.
			if size < 3 || sc < MinQuoteScore || size == 3 && sc < 1 || size <= 5 && sc < 0.8 {
				continue
			}
			if !sameSpeaker(a.v.Speaker, b.v.Speaker) && sc < 0.8 {
				continue
			}
			links = append(links, link{i, j, sc})
		}
	}
	article := make([]int, len(units))
	for i, u := range units {
		article[i] = u.v.Article
	}
	groups, weakest := cluster(article, links, links, MinQuoteScore, maxPerArticle)
	var out []QuoteCluster
	for g, members := range groups {
		c := QuoteCluster{Score: round3(weakest[g])}
		reports := map[int]bool{}
		for _, i := range members {
			c.Variants = append(c.Variants, units[i].v)
			reports[units[i].v.Article] = true
			if better(units[i].v.Speaker, c.Speaker) {
				c.Speaker = units[i].v.Speaker
			}
		}
		if len(reports) >= 2 {
			c.Diffs = diffs(c.Variants, func(v Variant) int { return v.Article }, func(v Variant) string { return v.Text })
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(x, y int) bool { return len(out[x].Variants) > len(out[y].Variants) })
	return out
}

// better reports whether speaker a names the speaker better than b: a name
// before a title phrase ("Jane Doe" before "the minister"), then the longer.
func better(a, b string) bool {
	na, nb := len(names(a)) > 0, len(names(b)) > 0
	if na != nb {
		return na
	}
	return len(a) > len(b)
}

// names returns the capitalised words of a speaker string.
func names(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ".,")
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1 {
			m[w] = true
		}
	}
	return m
}

// sameSpeaker reports whether two speaker strings may name one person: one
// unknown, or a capitalised word (a surname) in common.
func sameSpeaker(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	na, nb := names(a), names(b)
	if len(na) == 0 || len(nb) == 0 {
		return true // a title phrase ("the minister") may be anyone named
	}
	for w := range na {
		if nb[w] {
			return true
		}
	}
	return false
}
