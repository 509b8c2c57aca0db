// Package reuse finds passages that one news report shares verbatim or
// near-verbatim with another: wire copy republished by other sites, or one
// outlet rewriting another's report with a few words changed. It follows the
// text-reuse detectors built for newspapers (passim; Smith, Cordell and
// Mullen's "viral texts"): shingled word n-grams find candidate pairs and
// seed matches, and a local alignment finds the extent of each passage.
//
// # Contract
//
// In: articles as read by package corpus; only Body.S is used (and Date,
// for the likely source, and Quotes). Out: one [Pair] for every two articles that share
// at least one passage of [Options.MinWords] words, in order of (A, B) with
// A < B; passages in order of their start in A, then in B. Every offset
// maps back to the sources: [Passage.A] and [Passage.B] are rune offsets of
// the articles' sources (as all corpus offsets are), ABody and BBody byte
// ranges of Body.S. The result depends only on the input, never on timing.
//
// # Method
//
//  1. Each Body.S is tokenized with token.Tokenize; words and numbers are
//     kept (punctuation is not) and matched on their Norm, hashed with
//     FNV-64a. Every run of N consecutive words (a shingle) is hashed too.
//  2. An inverted index maps each shingle to its (article, position)
//     postings: one slice of all shingles sorted by hash. A shingle found in
//     more than MaxDF articles is boilerplate and dropped (passim's default
//     of 100), and so are its repeats past the 8th within one article.
//  3. Every kept shingle found in two articles gives a seed (position in a,
//     position in b) for that pair; a pair is a candidate when its seeds
//     come from at least two different shingles. Only candidates go on.
//  4. Per pair, seeds in order of position in a are chained when they lie on
//     near diagonals (b−a moves by at most 20 words, and the next seed
//     starts at most 40 words on in each text), so a changed word or a
//     dropped or added clause does not break a chain.
//  5. Each chain is aligned with a banded Smith–Waterman on word tokens
//     (match +2, mismatch −4, gap −6 to open and −1 to extend), in the band
//     of the chain's diagonals widened by 6 and a window reaching 10 words
//     (twice as far, again, while the alignment reaches its edge) past the
//     chain's ends; the best local alignment is the passage. Seeds the
//     passage leaves out are chained and aligned again. Passages overlapping a better one in both
//     texts are dropped, and so are those with fewer than MinWords words in
//     either text, and those both articles give mostly (quotedMin) inside
//     quotation marks (corpus.Article.Quotes): two reports quoting one
//     speaker word for word carry the speaker's words, not each other's.
//
// [Passage.Words] counts the alignment's columns (word pairs plus words
// against a gap) and [Passage.Identity] the share of them that are equal
// words. [Pair.ShareA] and [Pair.ShareB] are the shares of each article's
// words (words and numbers) inside its passages.
//
// # Cost
//
// Tokenizing and hashing is one pass over the text, O(total words), run on
// all CPUs. The index is a sort of one 16-byte entry per word,
// O(W log W) for W words in all. Seeds cost one per shared shingle and
// article pair, at most (8·MaxDF)²/2 per shingle; pairs with no shared
// shingle cost nothing. Aligning a chain costs its length in words times its
// band width (13 words plus the chain's diagonal drift), so a pair costs
// about 13 × its reused words, not the product of its lengths. Pairs are
// aligned on all CPUs. Memory: the tokens, 16 bytes per word for the index
// and 20 bytes per seed. BenchmarkFind (300 articles, 1 MB, one sentence in
// ten reused) runs at about 24 MB/s on 2 cores.
package reuse

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/biasdiff/biasdiff/align/wdiff"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/par"
)

// Span is a range of source characters (runes) [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Passage is one passage shared by the two articles of a [Pair].
type Passage struct {
	A        Span    `json:"a"` // source offsets (runes) in article A and B
	B        Span    `json:"b"`
	ABody    [2]int  `json:"-"`        // byte ranges in each article's Body.S
	BBody    [2]int  `json:"-"`        //
	Words    int     `json:"words"`    // aligned words: equal pairs, changed pairs and words against a gap
	Identity float64 `json:"identity"` // share of aligned words that are equal (1.0 = verbatim)
	// Edits is what was changed inside the passage: the word diff from A's
	// text (Body.S[ABody]) to B's, byte ranges relative to each.
	Edits []wdiff.Edit `json:"edits"`
}

// Pair is two articles that share at least one passage.
type Pair struct {
	A        int       `json:"a"` // article indexes, A < B
	B        int       `json:"b"`
	Passages []Passage `json:"passages"`
	// ShareA and ShareB are the shares of each article's words (words and
	// numbers of Body.S) inside its passages.
	ShareA float64 `json:"share_a"`
	ShareB float64 `json:"share_b"`
	// Source is the index (A or B) of the likely source: the article with
	// the earlier date. -1 when a date is missing or unparsed, or the dates
	// are the same (to the precision both give).
	Source int `json:"source"`
}

// Options control Find. Zero fields take their defaults.
type Options struct {
	N        int // shingle size in words; default 5
	MinWords int // shortest passage, in words of each article; default 12
	// MaxDF drops shingles found in more than MaxDF articles as
	// boilerplate; default 100.
	MaxDF int
}

const (
	maxRep   = 8  // postings of one shingle kept per article
	maxDrift = 20 // diagonal change between chained seeds, in words
	maxGap   = 40 // distance between chained seeds, in words of each text
	band     = 6  // band margin around a chain's diagonals
	margin   = 10 // first window margin past a chain's ends

	scMatch    = 2
	scMismatch = -4
	scGapOpen  = -6 // the first word of a gap
	scGapExt   = -1 // each further word
)

// doc is one article's words.
type doc struct {
	h          []uint64 // hash of each word's Norm
	start, end []int32  // byte range of each word in Body.S
}

func words(a *corpus.Article) doc {
	toks := token.Tokenize(a.Body.S)
	d := doc{h: make([]uint64, 0, len(toks)), start: make([]int32, 0, len(toks)), end: make([]int32, 0, len(toks))}
	for _, t := range toks {
		if t.Kind != token.Word && t.Kind != token.Number {
			continue
		}
		d.h = append(d.h, fnv(t.Norm))
		d.start = append(d.start, int32(t.Start))
		d.end = append(d.end, int32(t.End))
	}
	return d
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// shingle hashes the n word hashes at hs (FNV-1a over 64-bit symbols, then a
// final mix so that nearby windows spread).
func shingle(hs []uint64) uint64 {
	h := uint64(fnvOffset)
	for _, w := range hs {
		h ^= w
		h *= fnvPrime
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

type posting struct {
	h        uint64
	art, pos int32
}

type seed struct {
	a, b   int32 // articles, a < b
	pa, pb int32 // word positions
	g      int32 // shingle group, to count distinct shingles
}

// Find returns the pairs of arts that share at least one passage, in order
// of (A, B). See the package documentation for the method and its cost.
func Find(arts []*corpus.Article, opt Options) []Pair {
	if opt.N <= 0 {
		opt.N = 5
	}
	if opt.MinWords <= 0 {
		opt.MinWords = 12
	}
	if opt.MaxDF <= 0 {
		opt.MaxDF = 100
	}
	n := opt.N

	docs := make([]doc, len(arts))
	par.ForEach(context.Background(), len(arts), 0, func(i int) { docs[i] = words(arts[i]) })

	// The index: every shingle of every article, sorted by hash.
	total := 0
	for _, d := range docs {
		if len(d.h) >= n {
			total += len(d.h) - n + 1
		}
	}
	index := make([]posting, 0, total)
	for ai, d := range docs {
		for p := 0; p+n <= len(d.h); p++ {
			index = append(index, posting{shingle(d.h[p : p+n]), int32(ai), int32(p)})
		}
	}
	slices.SortFunc(index, func(x, y posting) int {
		if c := cmp.Compare(x.h, y.h); c != 0 {
			return c
		}
		if c := cmp.Compare(x.art, y.art); c != 0 {
			return c
		}
		return cmp.Compare(x.pos, y.pos)
	})

	// Seeds from the shingles found in 2 to MaxDF articles.
	var seeds []seed
	var group []posting
	g := int32(0)
	for i := 0; i < len(index); {
		j := i + 1
		for j < len(index) && index[j].h == index[i].h {
			j++
		}
		grp := index[i:j]
		i = j
		if grp[0].art == grp[len(grp)-1].art {
			continue // in one article only
		}
		group = group[:0]
		df, rep := 0, 0
		for k, p := range grp {
			if k == 0 || p.art != grp[k-1].art {
				df++
				rep = 0
			}
			if rep < maxRep {
				group = append(group, p)
			}
			rep++
		}
		if df > opt.MaxDF {
			continue
		}
		g++
		for x := range group {
			for y := x + 1; y < len(group); y++ {
				if group[y].art != group[x].art {
					seeds = append(seeds, seed{group[x].art, group[y].art, group[x].pos, group[y].pos, g})
				}
			}
		}
	}
	index = nil
	slices.SortFunc(seeds, func(x, y seed) int {
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		if c := cmp.Compare(x.b, y.b); c != 0 {
			return c
		}
		if c := cmp.Compare(x.pa, y.pa); c != 0 {
			return c
		}
		return cmp.Compare(x.pb, y.pb)
	})

	// Candidate pairs: seeds from at least two shingles.
	var cands [][]seed
	for i := 0; i < len(seeds); {
		j := i + 1
		two := false
		for j < len(seeds) && seeds[j].a == seeds[i].a && seeds[j].b == seeds[i].b {
			if seeds[j].g != seeds[i].g {
				two = true
			}
			j++
		}
		if two {
			cands = append(cands, seeds[i:j])
		}
		i = j
	}

	out := make([]Pair, len(cands))
	keep := make([]bool, len(cands))
	par.ForEach(context.Background(), len(cands), 0, func(i int) {
		s := cands[i]
		a, b := int(s[0].a), int(s[0].b)
		ps := align(&docs[a], &docs[b], s, opt)
		if len(ps) == 0 {
			return
		}
		p := Pair{A: a, B: b, Source: source(arts[a].Date, arts[b].Date, a, b)}
		var ia, ib [][2]int
		for _, x := range ps {
			pa := x.passage(arts[a], arts[b], &docs[a], &docs[b])
			if quotedShare(arts[a], pa.A) >= quotedMin && quotedShare(arts[b], pa.B) >= quotedMin {
				continue // both quote the same speaker: the speaker's words, not copy
			}
			ia = append(ia, [2]int{x.a0, x.a1})
			ib = append(ib, [2]int{x.b0, x.b1})
			p.Passages = append(p.Passages, pa)
		}
		if len(p.Passages) == 0 {
			return
		}
		p.ShareA = round3(share(ia, len(docs[a].h)))
		p.ShareB = round3(share(ib, len(docs[b].h)))
		out[i] = p
		keep[i] = true
	})
	res := out[:0]
	for i := range out {
		if keep[i] {
			res = append(res, out[i])
		}
	}
	return res
}

// quotedMin is the share of a passage inside quotation marks, in both
// articles, past which it is a quotation both carry, not reused copy.
const quotedMin = 0.6

// quotedShare is the share of the span's characters inside the article's
// quotes (corpus.Article.Quotes, source offsets as the span's).
func quotedShare(a *corpus.Article, s Span) float64 {
	if s.End <= s.Start {
		return 0
	}
	in, at := 0, s.Start // quotes come in order of their start and do not overlap
	for _, q := range a.Quotes {
		lo, hi := max(q.Start, at), min(q.End, s.End)
		if hi > lo {
			in += hi - lo
			at = hi
		}
	}
	return float64(in) / float64(s.End-s.Start)
}

// share is the share of n words covered by the union of the word ranges.
func share(rs [][2]int, n int) float64 {
	if n == 0 {
		return 0
	}
	slices.SortFunc(rs, func(x, y [2]int) int { return cmp.Compare(x[0], y[0]) })
	covered, end := 0, 0
	for _, r := range rs {
		lo := max(r[0], end)
		if r[1] > lo {
			covered += r[1] - lo
			end = r[1]
		}
	}
	return float64(covered) / float64(n)
}

// found is one aligned passage in word positions: [a0, a1) and [b0, b1).
type found struct {
	a0, a1, b0, b1 int
	score          int
	match, pairs   int
}

func (f found) passage(aa, ab *corpus.Article, da, db *doc) Passage {
	p := Passage{
		ABody: [2]int{int(da.start[f.a0]), int(da.end[f.a1-1])},
		BBody: [2]int{int(db.start[f.b0]), int(db.end[f.b1-1])},
		Words: f.a1 - f.a0 + f.b1 - f.b0 - f.pairs,
	}
	p.A.Start, p.A.End = aa.Body.Span(p.ABody[0], p.ABody[1])
	p.B.Start, p.B.End = ab.Body.Span(p.BBody[0], p.BBody[1])
	if p.Words > 0 {
		p.Identity = round3(float64(f.match) / float64(p.Words))
	}
	p.Edits = wdiff.Words(aa.Body.S[p.ABody[0]:p.ABody[1]], ab.Body.S[p.BBody[0]:p.BBody[1]])
	return p
}

// align finds the passages of one candidate pair from its seeds (sorted by
// position in a, then b).
func align(da, db *doc, seeds []seed, opt Options) []found {
	var ps []found
	work := chain(seeds)
	var buf dp
	for len(work) > 0 {
		c := work[len(work)-1]
		work = work[:len(work)-1]
		f, ok := buf.best(da, db, c, opt.N)
		if !ok {
			continue
		}
		var rest []seed
		covered := 0
		for _, s := range c {
			if int(s.pa) >= f.a0 && int(s.pa) < f.a1 && int(s.pb) >= f.b0 && int(s.pb) < f.b1 {
				covered++
			} else {
				rest = append(rest, s)
			}
		}
		if covered == 0 {
			continue // the alignment lies off the chain; give it up
		}
		ps = append(ps, f)
		if len(rest) > 0 {
			work = append(work, chain(rest)...)
		}
	}
	// Best first; drop what overlaps a better passage in both texts, and
	// what is too short.
	slices.SortFunc(ps, func(x, y found) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a0, y.a0); c != 0 {
			return c
		}
		return cmp.Compare(x.b0, y.b0)
	})
	kept := ps[:0]
	for _, p := range ps {
		if p.a1-p.a0 < opt.MinWords || p.b1-p.b0 < opt.MinWords {
			continue
		}
		dup := false
		for _, k := range kept {
			if p.a0 < k.a1 && k.a0 < p.a1 && p.b0 < k.b1 && k.b0 < p.b1 {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, p)
		}
	}
	slices.SortFunc(kept, func(x, y found) int {
		if c := cmp.Compare(x.a0, y.a0); c != 0 {
			return c
		}
		return cmp.Compare(x.b0, y.b0)
	})
	return kept
}

// chain groups seeds (sorted by pa, then pb) into chains of seeds on near
// diagonals, each in order of pa.
func chain(seeds []seed) [][]seed {
	var open, done [][]seed
	for _, s := range seeds {
		best, bestDrift := -1, int32(0)
		for i := 0; i < len(open); i++ {
			l := open[i][len(open[i])-1]
			if s.pa-l.pa > maxGap {
				done = append(done, open[i])
				open = slices.Delete(open, i, i+1)
				i--
				continue
			}
			if s.pa <= l.pa || s.pb <= l.pb || s.pb-l.pb > maxGap {
				continue
			}
			drift := abs((s.pb - s.pa) - (l.pb - l.pa))
			if drift > maxDrift {
				continue
			}
			if best < 0 || drift < bestDrift {
				best, bestDrift = i, drift
			}
		}
		if best >= 0 {
			open[best] = append(open[best], s)
		} else {
			open = append(open, []seed{s})
		}
	}
	done = append(done, open...)
	// Deterministic order: by first seed.
	slices.SortFunc(done, func(x, y []seed) int {
		if c := cmp.Compare(x[0].pa, y[0].pa); c != 0 {
			return c
		}
		return cmp.Compare(x[0].pb, y[0].pb)
	})
	return done
}

func abs(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// cell is one state of the alignment: its score and, carried along the
// path, where it started and how many equal and aligned word pairs it has.
type cell struct {
	s      int32
	i0, j0 int32
	m, p   int32
}

// hf is one cell of a row: the best alignment ending there, and the best
// ending there with a word of a against a gap.
type hf struct{ h, f cell }

// dp holds the alignment rows, reused across chains.
type dp struct {
	prev, cur []hf
}

// best aligns one chain: banded Smith–Waterman with affine gaps over the
// chain's diagonals, in a window past its ends that grows while the best
// alignment reaches the window's edge.
func (d *dp) best(da, db *doc, c []seed, n int) (found, bool) {
	dlo, dhi := int(c[0].pb-c[0].pa), int(c[0].pb-c[0].pa)
	for _, s := range c {
		dd := int(s.pb - s.pa)
		dlo, dhi = min(dlo, dd), max(dhi, dd)
	}
	dlo -= band
	dhi += band
	first, last := c[0], c[len(c)-1]
	for m := margin; ; m *= 2 {
		i0 := max(0, int(first.pa)-m)
		i1 := min(len(da.h), int(last.pa)+n+m)
		j0 := max(0, int(first.pb)-m)
		j1 := min(len(db.h), int(last.pb)+n+m)
		f, ok := d.run(da, db, i0, i1, j0, j1, dlo, dhi)
		if !ok {
			return f, false
		}
		grow := (f.a0 <= i0 && i0 > 0) || (f.b0 <= j0 && j0 > 0) ||
			(f.a1 >= i1 && i1 < len(da.h)) || (f.b1 >= j1 && j1 < len(db.h))
		if !grow {
			return f, true
		}
		if i0 == 0 && j0 == 0 && i1 == len(da.h) && j1 == len(db.h) {
			return f, true
		}
	}
}

// run is the banded alignment of da.h[i0:i1] with db.h[j0:j1] over the
// diagonals dlo <= j-i <= dhi.
func (d *dp) run(da, db *doc, i0, i1, j0, j1, dlo, dhi int) (found, bool) {
	// Rows are indexed by diagonal, k = j - i - dlo + 1, with a guard cell
	// on each side; cells outside the window stay zero (empty).
	w := dhi - dlo + 3
	if cap(d.prev) < w {
		d.prev, d.cur = make([]hf, w), make([]hf, w)
	}
	d.prev, d.cur = d.prev[:w], d.cur[:w]
	clear(d.prev)
	var best cell
	bi, bj := -1, -1
	for i := i0; i < i1; i++ {
		clear(d.cur)
		jlo, jhi := max(j0, i+dlo), min(j1-1, i+dhi)
		var e cell // gap state along the row: a word of b against a gap
		ha := da.h[i]
		prev, cur := d.prev, d.cur
		for j := jlo; j <= jhi; j++ {
			k := j - i - dlo + 1
			// Row gap from (i, j-1), diagonal k-1 of this row; column gap
			// from (i-1, j), diagonal k+1 of the previous row; match or
			// mismatch from (i-1, j-1), diagonal k of the previous row.
			left, up, diag := &cur[k-1].h, &prev[k+1], &prev[k].h
			if s := left.s + scGapOpen; s >= e.s+scGapExt {
				if s > 0 {
					e = *left
					e.s = s
				} else {
					e = cell{}
				}
			} else if e.s+scGapExt > 0 {
				e.s += scGapExt
			} else {
				e = cell{}
			}
			var f cell
			if s := up.h.s + scGapOpen; s >= up.f.s+scGapExt {
				if s > 0 {
					f = up.h
					f.s = s
				}
			} else if up.f.s+scGapExt > 0 {
				f = up.f
				f.s += scGapExt
			}
			var h cell
			if ha == db.h[j] {
				if diag.s > 0 {
					h = cell{diag.s + scMatch, diag.i0, diag.j0, diag.m + 1, diag.p + 1}
				} else {
					h = cell{scMatch, int32(i), int32(j), 1, 1}
				}
			} else if diag.s+scMismatch > 0 {
				h = cell{diag.s + scMismatch, diag.i0, diag.j0, diag.m, diag.p + 1}
			}
			if e.s > h.s {
				h = e
			}
			if f.s > h.s {
				h = f
			}
			cur[k] = hf{h, f}
			if h.s > best.s {
				best, bi, bj = h, i, j
			}
		}
		d.prev, d.cur = cur, prev
	}
	if bi < 0 {
		return found{}, false
	}
	return found{
		a0: int(best.i0), a1: bi + 1, b0: int(best.j0), b1: bj + 1,
		score: int(best.s), match: int(best.m), pairs: int(best.p),
	}, true
}

// source is the index of the article with the earlier date, or -1.
func source(da, db string, a, b int) int {
	x, okx := parseDate(da)
	y, oky := parseDate(db)
	if !okx || !oky {
		return -1
	}
	for k := range min(len(x), len(y)) {
		switch {
		case x[k] < y[k]:
			return a
		case x[k] > y[k]:
			return b
		}
	}
	return -1
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD at the start of s (a time
// after the day is ignored).
func parseDate(s string) ([]int, bool) {
	s = strings.TrimSpace(s)
	var out []int
	for k, width := range []int{4, 2, 2} {
		if k > 0 {
			if len(s) == 0 || s[0] != '-' {
				break
			}
			s = s[1:]
		}
		if len(s) < width {
			return out, len(out) > 0
		}
		v, err := strconv.Atoi(s[:width])
		if err != nil || v < 0 {
			return out, len(out) > 0
		}
		out = append(out, v)
		s = s[width:]
		if len(s) > 0 && s[0] >= '0' && s[0] <= '9' {
			return nil, false // "20190114" or a longer number
		}
	}
	return out, len(out) > 0
}

// round3 rounds to three decimals: JSON prints the same digits on every
// platform.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
