package align

import (
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
func Quotes(arts []*corpus.Article) []QuoteCluster {
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
	idf := func(s string) float64 { return math.Log(1 + n/float64(df[s])) }
	// overlap is the IDF-weighted share of the smaller stem set found in the
	// larger, and the size of the smaller set.
	overlap := func(a, b *qunit) (float64, int) {
		small, large := a, b
		if len(small.keys) > len(large.keys) {
			small, large = large, small
		}
		var common, total float64
		for _, s := range small.keys {
			w := idf(s)
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
	var links []link
	for i := range units {
		for j := i + 1; j < len(units); j++ {
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
