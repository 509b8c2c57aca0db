package corpus

import (
	"hash/fnv"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/biasdiff/biasdiff/corpus/token"
)

// Duplicate is a report that repeats an earlier report of the input: the
// same file copied, the same page saved twice or in two formats, an
// article updated with a line or two.
type Duplicate struct {
	Article int // index of the repeat
	Of      int // index of the report it repeats (itself no repeat)
	// Shared is the share of the shorter text's word trigrams that the
	// other text holds (estimated on a fixed quarter of them).
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

// Duplicates finds the reports of arts that repeat another: for each, the
// first report whose text it shares (see MinShared, MinSize), the reports
// whose metadata names their outlet taken before the others, then those
// whose file name does not mark a copy ("a copy.txt", "a (1).txt"; see
// copyMarked), each lot in the order given. Two reports whose metadata names different outlets are
// never duplicates: one outlet republishing another's copy is what the
// reuse table shows.
//
// Texts (title and sentences) are compared by the word trigrams whose hash
// falls in a fixed quarter, the same for every text, so that the share is
// a sample of the whole; texts with the same words are repeats whatever
// their length. Candidates come from an index of those trigrams: the cost
// is linear in the input but for very common passages.
func Duplicates(arts []*Article) []Duplicate {
	prints := make([]print, len(arts))
	for i, a := range arts {
		sents := make([][]token.Token, len(a.Sentences))
		for si := range a.Sentences {
			sents[si] = a.PlainTokens(si)
		}
		prints[i] = fingerprint(a.TitleTokens(), sents)
	}
	return duplicates(arts, prints)
}

// RepeatCollector takes the fingerprint of each article from
// Options.Tokens as the articles are read, for Duplicates on a corpus
// whose text is not kept (Scan).
type RepeatCollector struct {
	mu  sync.Mutex
	got map[*Article]print
}

// Tokens takes the fingerprint of a from the tokens of its sentences.
func (c *RepeatCollector) Tokens(a *Article, sentences [][]token.Token) {
	p := fingerprint(token.Tokenize(a.Title), sentences)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.got == nil {
		c.got = map[*Article]print{}
	}
	c.got[a] = p
}

// Duplicates is the package's Duplicates on the fingerprints collected.
func (c *RepeatCollector) Duplicates(arts []*Article) []Duplicate {
	c.mu.Lock()
	defer c.mu.Unlock()
	prints := make([]print, len(arts))
	for i, a := range arts {
		prints[i] = c.got[a]
	}
	return duplicates(arts, prints)
}

// print is a text's fingerprint: the hash of its words, and its sampled
// trigrams, sorted and unique.
type print struct {
	whole    uint64
	shingles []uint64
}

// fingerprint hashes the words and numbers of a title and sentences.
func fingerprint(title []token.Token, sentences [][]token.Token) print {
	var words []string
	add := func(ts []token.Token) {
		for _, t := range ts {
			if t.Kind == token.Word || t.Kind == token.Number {
				words = append(words, t.Norm)
			}
		}
	}
	add(title)
	for _, s := range sentences {
		add(s)
	}
	h := fnv.New64a()
	hash := func(ws []string) uint64 {
		h.Reset()
		for _, w := range ws {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		return h.Sum64()
	}
	p := print{whole: hash(words)}
	for i := 0; i+3 <= len(words); i++ {
		if g := hash(words[i : i+3]); g%4 == 0 {
			p.shingles = append(p.shingles, g)
		}
	}
	slices.Sort(p.shingles)
	p.shingles = slices.Compact(p.shingles)
	return p
}

// maxPosting bounds the reports a trigram is looked up in: more share it
// than any one story has copies, so it is boilerplate.
const maxPosting = 64

func duplicates(arts []*Article, prints []print) []Duplicate {
	// Originals are looked for first among the reports whose metadata
	// names their outlet, then among the files not named as copies.
	order := make([]int, 0, len(arts))
	for _, fromPath := range []bool{false, true} {
		for _, copied := range []bool{false, true} {
			for i, a := range arts {
				if a.OutletFromPath == fromPath && copyMarked(a.Path) == copied {
					order = append(order, i)
				}
			}
		}
	}
	rank := make([]int, len(arts)) // place in order
	for k, i := range order {
		rank[i] = k
	}
	index := map[uint64][]int{}
	whole := map[uint64]int{}
	var dups []Duplicate
	for _, i := range order {
		a, p := arts[i], prints[i]
		best, bestShared := -1, 0.0
		if j, ok := whole[p.whole]; ok && canRepeat(a, arts[j]) {
			best, bestShared = j, 1
		}
		// Reports sharing trigrams, counted; the first that holds enough
		// of the text wins.
		count := map[int]int{}
		for _, h := range p.shingles {
			if post := index[h]; len(post) <= maxPosting {
				for _, j := range post {
					count[j]++
				}
			}
		}
		for j, n := range count {
			if best >= 0 && rank[j] > rank[best] || !canRepeat(a, arts[j]) {
				continue
			}
			// A repeat shares nine tenths of its trigrams: half is a safe
			// floor before counting them all.
			if 2*n < min(len(p.shingles), len(prints[j].shingles)) {
				continue
			}
			if shared, ok := repeats(p.shingles, prints[j].shingles); ok {
				best, bestShared = j, shared
			}
		}
		if best >= 0 {
			dups = append(dups, Duplicate{Article: i, Of: best, Shared: bestShared})
			continue // a repeat is nobody's original
		}
		if _, ok := whole[p.whole]; !ok {
			whole[p.whole] = i
		}
		for _, h := range p.shingles {
			index[h] = append(index[h], i)
		}
	}
	slices.SortFunc(dups, func(x, y Duplicate) int { return x.Article - y.Article })
	return dups
}

// copyMarker matches the names that file managers and browsers give a
// copy: "a copy.txt", "a - Copy.txt", "Copy of a.txt", "a-copy2.txt",
// "a (1).txt", "a_copy.txt".
var copyMarker = regexp.MustCompile(`(?i)(^copy of |[ _.-]copy ?[0-9]*$| \([0-9]+\)$)`)

// copyMarked tells whether a file's name (without its extension) marks it
// as a copy of another.
func copyMarked(p string) bool {
	base := filepath.Base(p)
	return copyMarker.MatchString(strings.TrimSuffix(base, filepath.Ext(base)))
}

// canRepeat: a and b do not name different outlets in their metadata.
func canRepeat(a, b *Article) bool {
	return a.Outlet == b.Outlet || a.OutletFromPath || b.OutletFromPath
}

// repeats tells whether two sampled trigram sets are one text's (see
// MinShared, MinSize), and the share of the smaller the larger holds.
func repeats(sa, sb []uint64) (float64, bool) {
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
