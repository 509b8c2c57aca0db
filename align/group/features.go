package group

import (
	"cmp"
	"math"
	"slices"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// Feature is one feature of an article as Group counts it: its key (a
// hash of its kind and matching form: a term stem, an entity, a number,
// a quote trigram) and its raw count, title occurrences and kind weights
// included, over all its written forms.
type Feature struct {
	Key   uint64
	Count float32
}

// Extractor finds articles' features as Group does, for a caller that
// weighs them itself (a pipeline that counts document frequencies across
// machines). Not safe for concurrent use: give each worker its own.
type Extractor struct{ x extractor }

// Features returns a's features, sorted by key. sents are the tokens of
// a's sentences if known (corpus.Article.PlainTokens), nil to tokenize
// them here.
func (e *Extractor) Features(a *corpus.Article, sents [][]token.Token) []Feature {
	f := e.x.features(a, sents)
	out := make([]Feature, 0, len(f.occs))
	for _, o := range f.occs {
		out = append(out, Feature{o.key, o.w})
	}
	slices.SortFunc(out, func(a, b Feature) int { return cmp.Compare(a.Key, b.Key) })
	merged := out[:0]
	for _, x := range out {
		if len(merged) > 0 && merged[len(merged)-1].Key == x.Key {
			merged[len(merged)-1].Count += x.Count
			continue
		}
		merged = append(merged, x)
	}
	return slices.Clip(merged)
}

// Weight is the weight Group gives a feature counted c times in an
// article, when df of the n articles have it: (1 + ln c) × ln(1 + n/df),
// before the article's vector is made a unit vector.
func Weight(c float32, n, df int) float64 {
	return (1 + math.Log(float64(c))) * idf(n, df)
}

// Days reads a report's date as Group does: a day (2006-01-02, maybe
// followed by a time), a month (2006-01) or a year (2006), as the days
// since 1970-01-01 it covers, [lo, hi]; ok is false for anything else.
func Days(s string) (lo, hi int, ok bool) {
	d := parseDate(s)
	return d.lo, d.hi, d.ok
}
