package corpus

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
)

// Duplicate is a report that repeats an earlier report of the input: the
// same file copied, the same page saved twice or in two formats, an
// article updated with a line or two.
type Duplicate struct {
	Article int // index of the repeat
	Of      int // index of the report it repeats (itself no repeat)
	// Shared is the share of the shorter text's word trigrams that the
	// other text holds.
	Shared float64
}

// Repeat thresholds: a report repeats another when the other holds at
// least MinShared of its word trigrams and it is at least MinSize as long
// (a brief that is the first paragraph of a longer story is its own
// report).
const (
	MinShared = 0.9
	MinSize   = 0.5
)

// Duplicates finds the reports of arts that repeat an earlier one: for
// each, the first earlier report whose text it shares (see MinShared,
// MinSize), the reports whose metadata names their outlet taken before the
// others, each lot in the order given. Two reports whose metadata names different
// outlets are never duplicates: one outlet republishing another's copy is
// what the reuse table shows. Texts are compared by word trigrams; the
// candidates come from an index of a quarter of them, so that the cost is
// linear in the input but for very common passages.
func Duplicates(arts []*Article) []Duplicate {
	type doc struct {
		shingles []uint64 // sorted, unique
		anchors  []uint64 // the quarter of them indexed
	}
	docs := make([]doc, len(arts))
	index := map[uint64][]int{}
	var dups []Duplicate
	order := make([]int, 0, len(arts))
	for _, fromPath := range []bool{false, true} {
		for i, a := range arts {
			if a.OutletFromPath == fromPath {
				order = append(order, i)
			}
		}
	}
	rank := make([]int, len(arts)) // place in order
	for k, i := range order {
		rank[i] = k
	}
	for _, i := range order {
		a := arts[i]
		d := doc{shingles: shingles(a)}
		for _, h := range d.shingles {
			if h%4 == 0 {
				d.anchors = append(d.anchors, h)
			}
		}
		docs[i] = d
		// Earlier reports sharing anchors, counted; the earliest that
		// holds enough of the text wins.
		count := map[int]int{}
		for _, h := range d.anchors {
			post := index[h]
			if len(post) > maxPosting {
				continue
			}
			for _, j := range post {
				count[j]++
			}
		}
		best := -1
		var bestShared float64
		for j, n := range count {
			if best >= 0 && rank[j] > rank[best] {
				continue
			}
			// A repeat shares nine tenths of its trigrams, so about as many
			// of its anchors: half is a safe floor before counting them all.
			if 2*n < min(len(d.anchors), len(docs[j].anchors)) {
				continue
			}
			if shared, ok := repeats(a, arts[j], d.shingles, docs[j].shingles); ok {
				best, bestShared = j, shared
			}
		}
		if best >= 0 {
			dups = append(dups, Duplicate{Article: i, Of: best, Shared: bestShared})
			continue // a repeat is nobody's original
		}
		for _, h := range d.anchors {
			index[h] = append(index[h], i)
		}
	}
	return dups
}

// maxPosting bounds the reports an anchor trigram is looked up in: more
// share it than any one story has copies, so it is boilerplate.
const maxPosting = 64

// repeats tells whether a repeats b, and the share of trigrams they share.
func repeats(a, b *Article, sa, sb []uint64) (float64, bool) {
	if a.Outlet != b.Outlet && !a.OutletFromPath && !b.OutletFromPath {
		return 0, false
	}
	small, large := sa, sb
	if len(small) > len(large) {
		small, large = large, small
	}
	if len(small) == 0 || float64(len(small)) < MinSize*float64(len(large)) {
		return 0, false
	}
	n := 0
	for i, j := 0, 0; i < len(small) && j < len(large); {
		switch {
		case small[i] == large[j]:
			n++
			i++
			j++
		case small[i] < large[j]:
			i++
		default:
			j++
		}
	}
	shared := float64(n) / float64(len(small))
	return shared, shared >= MinShared
}

// shingles are the hashes of an article's word trigrams (lower-cased
// letters and digits), the title's among them, sorted and unique; a text of
// fewer than three words has one shingle, the whole text.
func shingles(a *Article) []uint64 {
	var words []string
	add := func(s string) {
		words = append(words, strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})...)
	}
	add(a.Title)
	for _, s := range a.Sentences {
		add(s.Text)
	}
	var set []uint64
	h := fnv.New64a()
	gram := func(ws []string) {
		h.Reset()
		for _, w := range ws {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		set = append(set, h.Sum64())
	}
	if len(words) < 3 {
		if len(words) > 0 {
			gram(words)
		}
		return set
	}
	for i := 0; i+3 <= len(words); i++ {
		gram(words[i : i+3])
	}
	slices.Sort(set)
	return slices.Compact(set)
}
