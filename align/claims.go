// Package align decides what corresponds across the reports of one event.
//
// Claims: in, the articles of one event (from corpus); out, clusters of
// sentences (and headlines) that say the same thing in different reports,
// each member with its article, sentence, source offsets, text and position
// in its report, and, for each report that does not carry the claim, its
// nearest sentence with a score (Near). Correspondence need not be
// one-to-one or in order: a cluster may hold up to two statements of one
// report (one outlet splits what another says in one sentence), a
// statement being one sentence or the sentences one quotation runs over
// (or a sentence ending in a colon and the next).
//
// Method: each sentence is a set of content stems (stopwords aside, numbers
// kept, weighing a half more) weighted by their inverse document frequency
// over the sentences of the event; two sentences of different reports are
// scored by the cosine of those vectors, where a stem of one that the other
// lacks may match, at 0.8, a spelling variant there (a transliteration in
// translated copy: see SpellingVariant). Sums run over the stems in sorted
// order, so that tied scores stay tied. Candidate pairs come from an
// inverted index over stems, and from quotes: sentences holding quotes of
// one statement (Quotes) score at least quoteLink. A pair links when its
// score passes a threshold and is close to the best either sentence has in
// the other report; links are merged from the strongest down, by average
// link over statements, never putting more than two statements of one
// report in a claim. Precision comes first: a wrong alignment makes a
// false framing difference downstream.
//
// Word vectors (internal/wordvec) do not link sentences: on the alignment
// dev set they, a sentence encoder and a learned mix of both with shared
// words all ranked pairs no better than shared words alone. They serve
// Near, where a report that says a thing in other words should be shown
// as "similar" rather than as leaving it out (meaning.go).
//
// Cost: O(S·k) for S sentences and k candidates per sentence (pairs sharing
// two stems that are not the event's topic, or a quote), plus sorting the
// links and an average-link check per merge, plus Near: per claim kept and
// report without it, a vector product with each of the report's sentences
// and a full score of the nearCands nearest and of those sharing a word.
// One event of 50 reports of 25 sentences aligns in about 0.5 s (one
// core). Memory O(S + links); the word vectors are read in place.
//
// Long reports: a stem is the topic when it is in more than a quarter of
// the sentences, but in reports of more than 64 sentences on average (about
// 1,500 words) also when it is in more than 16 sentences a report (Topic).
// Without that bound k grows with the length of the reports, and so the
// pairs scored with its square: 21 reports of 220 KB took 22 s, now 3 s;
// their multi-report claims went from 5,700 to 5,699 and their members
// from 28,756 to 28,348. Events of shorter reports align as before.
package align

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align/wdiff"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/wordvec"
)

// Position is where a sentence stands in its report.
type Position string

const (
	Headline Position = "headline"
	Lede     Position = "lede" // the first two sentences of the body
	Body     Position = "body"
	End      Position = "end" // the last fifth of the body
)

// Member is one report's sentence in a claim.
type Member struct {
	Article  int      `json:"article"`  // index into the articles given
	Sentence int      `json:"sentence"` // index into Article.Sentences; -1 for the headline
	Start    int      `json:"start"`    // source offsets (runes)
	End      int      `json:"end"`
	Text     string   `json:"text"`
	Position Position `json:"position"`
}

// Claim is a cluster of aligned sentences across reports.
type Claim struct {
	Members []Member `json:"members"`
	// Score is the weakest link that joined the claim (1 for a claim of one).
	Score float64 `json:"score"`
	// Diffs are the word diffs from the first report's wording to each
	// other report's.
	Diffs []Diff `json:"diffs,omitempty"`
	// Near is, for each article of the event that does not carry the
	// claim (in article order), its sentence that comes closest, so that
	// "this report leaves it out" can always be checked. (Not in JSON
	// here: the omission rows carry it, per cell.)
	Near []Near `json:"-"`
}

// Near is the sentence (or headline) of a report closest to a claim the
// report does not carry.
type Near struct {
	Member // the sentence, as a claim's members are given
	// Score is its similarity to the nearest member of the claim, 3
	// decimals: the aligner's shared-word score plus embWeight times the
	// cosine of their word vectors when positive (in events of long
	// reports, see Claims, the shared-word score alone).
	Score float64 `json:"score"`
	// Similar: the score is close to the link threshold (SimilarScore),
	// so the report may carry the claim in other words: shown as "≈", not
	// as "—".
	Similar bool `json:"similar"`
}

// SimilarScore is the least score for a nearest sentence to count as
// similar wording ("≈"): below it a report is shown leaving the claim out.
const SimilarScore = 0.15

// Diff is the word diff between two reports' wordings of one thing:
// Edits have byte ranges into A's text and B's text (a report's text is
// its members' texts joined by a space).
type Diff struct {
	A     int          `json:"a"` // article indexes
	B     int          `json:"b"`
	Edits []wdiff.Edit `json:"edits"`
}

// diffs joins each article's texts among items (in order, one space apart)
// and diffs the first article's text with each other's.
func diffs[T any](items []T, article func(T) int, text func(T) string) []Diff {
	texts := map[int]string{}
	var order []int
	for _, it := range items {
		a := article(it)
		if t, ok := texts[a]; ok {
			texts[a] = t + " " + text(it)
		} else {
			texts[a] = text(it)
			order = append(order, a)
		}
	}
	var out []Diff
	if len(order) < 2 {
		return out
	}
	a := texts[order[0]]
	ta := token.Tokenize(a) // once, for every diff against it
	for _, b := range order[1:] {
		out = append(out, Diff{A: order[0], B: b, Edits: wdiff.Tokens(a, texts[b], ta, token.Tokenize(texts[b]))})
	}
	return out
}

// Outlets counts the different articles in the claim.
func (c Claim) Outlets() int {
	seen := map[int]bool{}
	for _, m := range c.Members {
		seen[m.Article] = true
	}
	return len(seen)
}

// Options tune Claims.
type Options struct {
	// MinScore is the least score for a link (0: DefaultMinScore).
	MinScore float64
	// Singletons keeps claims of one sentence (found in one report only).
	Singletons bool
	// Quotes are the event's quote clusters (Quotes(arts)), if the caller
	// has them: sentences quoting one statement are linked. Nil: Claims
	// finds them.
	Quotes []QuoteCluster
	// NoNear leaves Claim.Near empty, and saves finding it (the sentences'
	// vectors and the scoring of every report's sentences against every
	// claim): for a caller that reads the claims and their diffs alone.
	// The claims are the same.
	NoNear bool
}

// DefaultMinScore is the link threshold: a little under a third of the
// weighted content words of two sentences in common, which in news prose
// separates restatements of one fact from sentences that merely share a
// topic. Chosen on the alignment dev set's curve (make eval; pair
// precision stays above 0.85 there and 0.8 on the sample).
const DefaultMinScore = 0.28

// bestRatio: a link must score at least this share of the best link either
// of its sentences has into the other report.
const bestRatio = 0.75

// topicPerReport: in reports longer than 4·topicPerReport sentences on
// average, a stem in more than topicPerReport sentences a report is the
// topic (see Claims).
const topicPerReport = 16

// Topic is the document frequency above which a stem of n sentences of
// reports is the event's topic, too common to propose sentence pairs: more
// than a quarter of the sentences and more than eight, and in long reports
// more than topicPerReport sentences a report. Reports of up to
// 4·topicPerReport sentences on average are not bounded.
func Topic(n, reports int) int {
	return max(8, min(n/4, topicPerReport*reports))
}

// maxPerArticle bounds the sentences of one report in a claim.
const maxPerArticle = 2

// unit is a sentence (or headline) being aligned.
type unit struct {
	m      Member
	stems  map[string]float64  // stem -> weight before IDF
	keys   []string            // the stems, sorted: sums over them run in one order, so that scores do not vary by a last bit from run to run
	prefix map[string][]string // first four letters -> stems, for spelling variants
	norm   float64
	ids    []int32   // the keys' numbers (see number), in the same order
	wts    []float64 // the keys' weights before IDF, in the same order
	phash  []uint8   // the keys' prefix4 hashes (prefixHash), in the same order; noPrefix if none
	pmask  uint64    // bit prefixHash(p) set for every p in prefix
	vecs   []stemVec
}

// stemVec is a content word's vector, by its stem.
type stemVec struct {
	stem string
	v    wordvec.Vec
}

// Claims aligns the sentences of the articles of one event.
func Claims(arts []*corpus.Article, opt Options) []Claim {
	minScore := opt.MinScore
	if minScore <= 0 {
		minScore = DefaultMinScore
	}
	units := collect(arts)
	idf, df := weigh(units)
	st := number(units, idf, df)
	// Stems in more than a quarter of the sentences (and more than eight)
	// are the event's topic: they do not propose candidates. In long
	// reports, so are stems in more than topicPerReport sentences a report.
	common := int32(Topic(len(units), len(arts)))

	// Inverted index: stem -> units holding it.
	index := make([][]int32, len(st.idf))
	for i, u := range units {
		for _, id := range u.ids {
			index[id] = append(index[id], int32(i))
		}
	}
	qs := opt.Quotes
	if qs == nil {
		qs = Quotes(arts)
	}
	quoted := quotePairs(arts, units, qs)
	// In events of long reports (as for Topic), Near takes no vectors and
	// scores only the sentences that were scored as candidate links (that
	// share two words beyond the topic's, or a quote): finding the nearest
	// by vector would take a product of every claim with every sentence,
	// which grows with the square of the event's sentences. A report none
	// of whose sentences is such a candidate gets no nearest sentence.
	long := len(units) > 4*topicPerReport*len(arts)
	var vec [][]float32
	var paired [][]int32
	if long {
		paired = make([][]int32, len(units))
	} else if !opt.NoNear {
		vec = embed(units, st)
	}
	// Best score of each unit into each other article, for the ratio test.
	best := make([]float64, len(units)*len(arts))
	var cands []link
	shared := make([]int32, len(units)) // candidates share at least two stems that are not the topic's
	var touched, cand []int
	var buf []int
	for i, u := range units {
		touched = touched[:0]
		for _, id := range u.ids {
			if st.df[id] > common {
				continue
			}
			for _, j := range index[id] {
				if int(j) > i && units[j].m.Article != u.m.Article {
					if shared[j] == 0 {
						touched = append(touched, int(j))
					}
					shared[j]++
				}
			}
		}
		// Candidates share two stems that are not the topic's, or a quote.
		cand = cand[:0]
		for _, j := range touched {
			if shared[j] >= 2 {
				cand = append(cand, j)
			}
		}
		cand = append(cand, quoted[i]...)
		slices.Sort(cand)
		cand = slices.Compact(cand)
		for _, j := range cand {
			var sc float64
			if shared[j] >= 2 {
				sc, buf = st.score(u, units[j], buf)
			}
			if slices.Contains(quoted[i], j) {
				sc = max(sc, quoteLink)
			}
			if long && sc > 0 {
				paired[i] = append(paired[i], int32(j))
				paired[j] = append(paired[j], int32(i))
			}
			if sc < minScore*0.8 {
				continue
			}
			cands = append(cands, link{i, j, sc})
			a, b := u.m.Article, units[j].m.Article
			best[i*len(arts)+b] = max(best[i*len(arts)+b], sc)
			best[j*len(arts)+a] = max(best[j*len(arts)+a], sc)
		}
		for _, j := range touched {
			shared[j] = 0
		}
	}
	var links []link
	for _, l := range cands {
		if l.score < minScore {
			continue
		}
		ba := best[l.a*len(arts)+units[l.b].m.Article]
		bb := best[l.b*len(arts)+units[l.a].m.Article]
		if l.score >= bestRatio*ba || l.score >= bestRatio*bb {
			links = append(links, l)
		}
	}
	article := make([]int, len(units))
	for i, u := range units {
		article[i] = u.m.Article
	}
	ranges := make([][2]int, len(arts)) // units are in article order
	for i, u := range units {
		if ranges[u.m.Article][1] == 0 {
			ranges[u.m.Article][0] = i
		}
		ranges[u.m.Article][1] = i + 1
	}
	var sharing []int
	linked := func(i int) []int { // the units that may be nearest unit i
		sharing = sharing[:0]
		if long {
			for _, j := range paired[i] {
				sharing = append(sharing, int(j))
			}
			return sharing
		}
		for _, id := range units[i].ids {
			if st.df[id] <= common {
				for _, j := range index[id] {
					sharing = append(sharing, int(j))
				}
			}
		}
		return sharing
	}
	groups, weakest := clusterGlued(article, glue(arts, units), links, cands, minScore, maxPerArticle)
	var claims []Claim
	for g, members := range groups {
		c := Claim{Score: round3(weakest[g])}
		for _, i := range members {
			c.Members = append(c.Members, units[i].m)
		}
		if c.Outlets() < 2 && !opt.Singletons {
			continue
		}
		sort.Slice(c.Members, func(x, y int) bool {
			mx, my := c.Members[x], c.Members[y]
			if mx.Article != my.Article {
				return mx.Article < my.Article
			}
			return mx.Sentence < my.Sentence
		})
		c.Diffs = diffs(c.Members, func(m Member) int { return m.Article }, func(m Member) string { return m.Text })
		if !opt.NoNear {
			c.Near = near(units, members, ranges, st, vec, linked, &buf)
		}
		claims = append(claims, c)
	}
	// Claims most reports carry first, then in the order of the first report.
	sort.Slice(claims, func(x, y int) bool {
		cx, cy := claims[x], claims[y]
		if ox, oy := cx.Outlets(), cy.Outlets(); ox != oy {
			return ox > oy
		}
		mx, my := cx.Members[0], cy.Members[0]
		if mx.Article != my.Article {
			return mx.Article < my.Article
		}
		return mx.Sentence < my.Sentence
	})
	return claims
}

// near finds, for each article without a member among units[members],
// its unit that scores highest against any member (the earlier on ties);
// an article of no units gets none. A unit's score against a member is
// their shared words' score (stemNums.score) plus embWeight times the
// cosine of their vectors, when positive. Only some units are scored so:
// the nearCands of each article nearest the claim by vector, and those a
// member shares a word with that is not the topic's (linked).
// ranges[a] is article a's units, [from, to).
func near(units []*unit, members []int, ranges [][2]int, st *stemNums, vec [][]float32, linked func(int) []int, buf *[]int) []Near {
	has := make([]bool, len(ranges))
	for _, i := range members {
		has[units[i].m.Article] = true
	}
	// the units sharing a word that is not the topic's with a member, by
	// article
	byArt := map[int][]int{}
	for _, i := range members {
		for _, j := range linked(i) {
			if a := units[j].m.Article; !has[a] {
				byArt[a] = append(byArt[a], j)
			}
		}
	}
	var mean []float32
	for _, i := range members {
		if vec == nil || vec[i] == nil {
			continue
		}
		if mean == nil {
			mean = make([]float32, len(vec[i]))
		}
		for d, x := range vec[i] {
			mean[d] += x
		}
	}
	var out []Near
	var top []int
	var topDot []float64
	for a, r := range ranges {
		if has[a] || r[0] == r[1] {
			continue
		}
		// the nearCands units nearest the claim's mean vector, earlier
		// first on ties (none without vectors)
		top, topDot = top[:0], topDot[:0]
		for j := r[0]; j < r[1] && mean != nil; j++ {
			d := dot32(mean, vec[j])
			k := len(top)
			for k > 0 && topDot[k-1] < d {
				k--
			}
			if k < nearCands {
				top = slices.Insert(top, k, j)
				topDot = slices.Insert(topDot, k, d)
				if len(top) > nearCands {
					top, topDot = top[:nearCands], topDot[:nearCands]
				}
			}
		}
		top = append(top, byArt[a]...)
		if len(top) == 0 {
			continue // no sentence to score: none named
		}
		slices.Sort(top)
		top = slices.Compact(top)
		best, score := top[0], 0.0
		for _, j := range top {
			for _, i := range members {
				var sc float64
				sc, *buf = st.score(units[i], units[j], *buf)
				if vec != nil {
					sc += embWeight * max(0, dot32(vec[i], vec[j]))
				}
				if sc > score || sc == score && j < best {
					score, best = sc, j
				}
			}
		}
		out = append(out, Near{Member: units[best].m, Score: round3(score), Similar: score >= SimilarScore})
	}
	return out
}

// nearCands is how many sentences of a report near chooses by vector.
const nearCands = 4

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// collect makes a unit of every headline and sentence.
func collect(arts []*corpus.Article) []*unit {
	var units []*unit
	for ai, a := range arts {
		if a.TitleSpan != nil && a.Title != "" {
			units = append(units, newUnit(Member{Article: ai, Sentence: -1, Start: a.TitleSpan.Start, End: a.TitleSpan.End, Text: a.Title, Position: Headline}, a.TitleTokens()))
		}
		n := len(a.Sentences)
		for si, s := range a.Sentences {
			units = append(units, newUnit(Member{Article: ai, Sentence: si, Start: s.Start, End: s.End, Text: s.Text, Position: position(si, n)}, a.PlainTokens(si)))
		}
	}
	return units
}

// position tells lede (first two), end (last fifth) and body apart.
func position(i, n int) Position {
	switch {
	case i < 2:
		return Lede
	case n >= 5 && i >= n-n/5:
		return End
	}
	return Body
}

func newUnit(m Member, toks []token.Token) *unit {
	u := &unit{m: m, stems: map[string]float64{}, prefix: map[string][]string{}}
	for _, t := range toks {
		switch {
		case t.Kind == token.Number:
			u.stems["#"+t.Norm] = 1.5
		case t.Kind == token.Word && !t.Stop && utf8.RuneCountInString(t.Norm) > 1:
			if _, ok := u.stems[t.Stem]; !ok {
				if p, ok := prefix4(t.Stem); ok {
					u.prefix[p] = append(u.prefix[p], t.Stem)
				}
			}
			if _, ok := u.stems[t.Stem]; !ok {
				if v, ok := wordvec.Lookup(t.Norm); ok {
					u.vecs = append(u.vecs, stemVec{t.Stem, v})
				}
			}
			u.stems[t.Stem] = 1
		}
	}
	u.keys = slices.Sorted(maps.Keys(u.stems))
	return u
}

// noPrefix marks a stem without a prefix4.
const noPrefix = 255

// prefixHash maps a prefix to one of 64 bits (FNV-1a).
func prefixHash(p string) uint8 {
	h := uint32(2166136261)
	for i := 0; i < len(p); i++ {
		h = (h ^ uint32(p[i])) * 16777619
	}
	return uint8(h % 64)
}

// prefix4 is the first four letters of a stem of at least five.
func prefix4(s string) (string, bool) {
	n := 0
	for i := range s {
		if n == 4 {
			return s[:i], len(s) > i
		}
		n++
	}
	return "", false
}

// SpellingVariant reports whether two different stems are spellings of one word
// ("tchaikovsky" and "tchaikovski", "ukrain" and "ukrainy"): both at least five
// letters, one a prefix of the other but for at most two letters, or the
// same but for one letter.
func SpellingVariant(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 5 || len(rb) < 5 {
		return false
	}
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 2 {
		return false
	}
	diff := 0
	for i := range ra {
		if ra[i] != rb[i] {
			diff++
		}
	}
	return diff == 0 || (diff == 1 && len(ra) == len(rb))
}

// weigh computes the IDF and document frequency of every stem over the
// units, and each unit's norm.
func weigh(units []*unit) (map[string]float64, map[string]int) {
	df := map[string]int{}
	for _, u := range units {
		for s := range u.stems {
			df[s]++
		}
	}
	idf := make(map[string]float64, len(df))
	n := float64(len(units))
	for s, d := range df {
		idf[s] = math.Log(1 + n/float64(d)) // smoothed: a stem in every sentence still counts a little
	}
	for _, u := range units {
		var sum float64
		for _, s := range u.keys {
			x := u.stems[s] * idf[s]
			sum += x * x
		}
		u.norm = math.Sqrt(sum)
	}
	return idf, df
}

// stemNums numbers the stems of an event in sorted order, so that a
// unit's keys, sorted, have ascending numbers and two units' stems meet by
// a merge: score over numbers adds the same terms in the same order as
// score over strings, and gives the same bits.
type stemNums struct {
	num map[string]int32
	idf []float64
	df  []int32
}

func number(units []*unit, idf map[string]float64, df map[string]int) *stemNums {
	st := &stemNums{num: make(map[string]int32, len(df)), idf: make([]float64, len(df)), df: make([]int32, len(df))}
	for i, s := range slices.Sorted(maps.Keys(df)) {
		st.num[s] = int32(i)
		st.idf[i] = idf[s]
		st.df[i] = int32(df[s])
	}
	for _, u := range units {
		u.ids = make([]int32, len(u.keys))
		u.wts = make([]float64, len(u.keys))
		u.phash = make([]uint8, len(u.keys))
		for k, s := range u.keys {
			u.ids[k] = st.num[s]
			u.wts[k] = u.stems[s]
			u.phash[k] = noPrefix
			if p, ok := prefix4(s); ok {
				u.phash[k] = prefixHash(p)
			}
		}
		for p := range u.prefix {
			u.pmask |= 1 << prefixHash(p)
		}
	}
	return st
}

// score is score(a, b, idf) over stem numbers; buf is scratch space,
// returned for the next call.
func (st *stemNums) score(a, b *unit, buf []int) (float64, []int) {
	if a.norm == 0 || b.norm == 0 {
		return 0, buf
	}
	small, large := a, b
	if len(small.stems) > len(large.stems) {
		small, large = large, small
	}
	var dot float64
	shared := 0
	unmatched := buf[:0] // indexes into small.keys
	j := 0
	for k, id := range small.ids {
		for j < len(large.ids) && large.ids[j] < id {
			j++
		}
		if j < len(large.ids) && large.ids[j] == id {
			dot += small.wts[k] * large.wts[j] * st.idf[id] * st.idf[id]
			shared++
		} else if !strings.HasPrefix(small.keys[k], "#") {
			unmatched = append(unmatched, k)
		}
	}
	for _, k := range unmatched {
		if h := small.phash[k]; h == noPrefix || large.pmask&(1<<h) == 0 {
			continue // no stem of large starts so
		}
		s := small.keys[k]
		p, _ := prefix4(s)
		for _, t := range large.prefix[p] {
			if _, ok := small.stems[t]; !ok && SpellingVariant(s, t) {
				dot += 0.8 * small.stems[s] * large.stems[t] * st.idf[small.ids[k]] * st.idf[st.num[t]]
				shared++
				break
			}
		}
	}
	if shared < 2 {
		return 0, unmatched
	}
	return dot / (a.norm * b.norm), unmatched
}

// score is the similarity of two units: the cosine of their IDF-weighted
// stem vectors, where a stem of one that the other lacks may match a
// spelling variant there (transliterations in translated copy), at 0.8.
func score(a, b *unit, idf map[string]float64) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	small, large := a, b
	if len(small.stems) > len(large.stems) {
		small, large = large, small
	}
	var dot float64
	shared := 0
	var unmatched []string
	for _, s := range small.keys {
		w := small.stems[s]
		if v, ok := large.stems[s]; ok {
			dot += w * v * idf[s] * idf[s]
			shared++
		} else if !strings.HasPrefix(s, "#") {
			unmatched = append(unmatched, s)
		}
	}
	for _, s := range unmatched {
		p, ok := prefix4(s)
		if !ok {
			continue
		}
		for _, t := range large.prefix[p] {
			if _, ok := small.stems[t]; !ok && SpellingVariant(s, t) {
				dot += 0.8 * small.stems[s] * large.stems[t] * idf[s] * idf[t]
				shared++
				break
			}
		}
	}
	if shared < 2 {
		return 0 // one word in common is a topic, not a claim
	}
	return dot / (a.norm * b.norm)
}
