// Package omission finds what the reports of one event leave out and what
// they put first: which report carries which claim of the event and where,
// which claims only one report makes, and what each report puts first and
// spends its words on.
//
// In: the articles of one event (package corpus) and the claims aligned
// across them (package align), computed WITH singletons:
//
//	claims := align.Claims(arts, align.Options{Singletons: true})
//
// Claims of two articles or more are the event's shared claims; the
// single-article claims ("only in X") come only from singletons, so claims
// aligned without them (align.Options{}) give no "only" rows but are
// otherwise read the same. Report.Compare's EventData.Claims are aligned
// without singletons: align again with Singletons for these.
//
// Out:
//   - Find: the claim × report matrix (Omission), a Row per claim that
//     matters with a Cell per report, and each report's share of the
//     shared claims;
//   - Emphases: per report, its headline and lede, the shared claims it
//     puts first and the share of its words each takes (Emphasis).
//
// A report that does not carry a claim is not simply "—": each claim's
// Near (align.Claim.Near) names the report's nearest sentence, and when
// that is of similar wording (align.Near.Similar) the cell says so
// ("similar:body", shown "≈ body"); the cell is "" ("—") only when the
// nearest sentence is not similar. The nearest sentence goes with every
// cell that is not carried, so that a reader can check either.
//
// Cost: O(M) over the members of the claims, plus tokenizing the text of
// single-article claims and of the shared claims' members, and sorting.
package omission

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// Omission is the claim × article matrix of one event.
type Omission struct {
	Rows []Row `json:"rows"`
	// Share is, per article, the share of the event's shared claims (those
	// two articles or more carry) that it carries, rounded to 3 decimals;
	// 0 for all when there are no shared claims. A sentence of similar
	// wording is not carrying.
	Share []float64 `json:"share"`
}

// Cell is what one article does with one claim: the position
// where it carries it ("lede"); SimilarPrefix and the position of its
// nearest sentence where it does not carry it but that sentence is of
// similar wording ("similar:body"); "" where it leaves it out.
type Cell string

// SimilarPrefix starts the cell of an article that does not carry a claim
// but has a sentence of similar wording.
const SimilarPrefix = "similar:"

// Carried is the position where the cell's article carries the claim;
// false when it does not.
func (c Cell) Carried() (align.Position, bool) {
	if c == "" || strings.HasPrefix(string(c), SimilarPrefix) {
		return "", false
	}
	return align.Position(c), true
}

// Similar is the position of the article's sentence of similar wording;
// false when the cell is not one of similar wording.
func (c Cell) Similar() (align.Position, bool) {
	p, ok := strings.CutPrefix(string(c), SimilarPrefix)
	return align.Position(p), ok
}

// Row is one claim and where each article carries it.
type Row struct {
	Claim int `json:"claim"` // index into the claims given
	// Cells are, per article: where it carries the claim, the most
	// prominent position of its members (headline > lede > body > end);
	// where it does not, "similar:" and the position of its nearest
	// sentence when that is of similar wording (align.Near.Similar), else
	// "".
	Cells []Cell `json:"cells"`
	// Near is, per article that does not carry the claim, its nearest
	// sentence (from the claim's Near), with its score; nil where the
	// article carries the claim or the claim names none for it.
	Near    []*align.Near `json:"near"`
	Outlets int           `json:"outlets"` // how many articles carry it
	Only    int           `json:"only"`    // the article that alone carries it, -1 otherwise
}

// Find lays out which article carries which claim, and where.
//
// Rows: every shared claim (two articles or more), most articles first,
// then the most salient (a headline, a lede, a number or a name), then
// those the articles put earliest, whatever the order the articles came
// in (so that a cut favours no article for its file name); then the
// single-article claims that matter.
// A single-article claim matters when one of its members is the headline
// or in the lede (first two sentences), or its text has a number or a
// name: a capitalised word that is not the sentence's first word nor a
// stopword ("I"). Other single-article sentences — the background and
// colour every report has of its own — are left out, so the rows stay
// readable. Claims of no member are skipped. Member article indexes
// outside arts are ignored, and so are Near entries outside arts or of an
// article that carries the claim (of two for one article, the higher
// score).
//
// Single-article rows are interleaved across articles, so that the first
// k of them show about k/N of each of N articles whatever the order the
// articles come in: each article's rows are ranked by salience (the
// headline, then the lede, then a number or a name; ties by where they
// stand in the report), and the rows take turns: every
// article's first, then every article's second, and so on, each turn
// ordered by salience, then by where the row stands in its report, then
// by its text and its outlet's name (the article index last, for rows
// alike in all of these).
//
// The result depends only on arts and the claims' contents, not on the
// order claims are given in (but for Claim, the index into that order).
func Find(arts []*corpus.Article, claims []align.Claim) Omission {
	n := len(arts)
	om := Omission{Rows: []Row{}, Share: make([]float64, n)}
	carried := make([]int, n)
	shared := 0
	var singles []omSingle
	for ci, c := range claims {
		row := Row{Claim: ci, Cells: make([]Cell, n), Near: make([]*align.Near, n), Only: -1}
		for _, m := range c.Members {
			if m.Article < 0 || m.Article >= n {
				continue
			}
			cur := align.Position(row.Cells[m.Article])
			if cur == "" {
				row.Outlets++
			}
			if cur == "" || omRank(m.Position) < omRank(cur) {
				row.Cells[m.Article] = Cell(m.Position)
			}
		}
		if row.Outlets == 0 {
			continue
		}
		for i := range c.Near {
			nr := c.Near[i]
			a := nr.Article
			if a < 0 || a >= n || row.Cells[a] != "" || (row.Near[a] != nil && row.Near[a].Score >= nr.Score) {
				continue
			}
			row.Near[a] = &nr
		}
		for a, nr := range row.Near {
			if _, ok := row.Cells[a].Carried(); !ok && nr != nil && nr.Similar {
				row.Cells[a] = SimilarPrefix + Cell(nr.Position)
			}
		}
		if row.Outlets == 1 {
			for a, p := range row.Cells {
				if _, ok := p.Carried(); ok {
					row.Only = a
				}
			}
			if sal := omSalience(c.Members); sal < omOther {
				first, _ := omFirst(c)
				singles = append(singles, omSingle{row: row, salience: sal, first: first})
			}
			continue
		}
		shared++
		for a, p := range row.Cells {
			if _, ok := p.Carried(); ok {
				carried[a]++
			}
		}
		om.Rows = append(om.Rows, row)
	}
	sharedKeys := make(map[int]omShared, len(om.Rows))
	for _, r := range om.Rows {
		sharedKeys[r.Claim] = omSharedKey(arts, claims[r.Claim])
	}
	slices.SortStableFunc(om.Rows, func(x, y Row) int {
		return cmp.Or(cmp.Compare(y.Outlets, x.Outlets), sharedKeys[x.Claim].compare(sharedKeys[y.Claim]), omCompareFirst(claims, x.Claim, y.Claim))
	})
	om.Rows = append(om.Rows, omInterleave(arts, singles)...)
	if shared > 0 {
		for a := range om.Share {
			om.Share[a] = omRound3(float64(carried[a]) / float64(shared))
		}
	}
	return om
}

// Salience of a single-article claim, most salient first.
const (
	omHeadline = iota // a member is the headline
	omLede            // a member is in the lede
	omFact            // a member has a number or a name
	omOther           // none of these: colour, left out of the table
)

// omSingle is a single-article row with what orders it.
type omSingle struct {
	row      Row
	salience int
	first    align.Member // its first member: where it stands in its report
}

// omSalience is a single-article claim's salience: the best of its
// members'.
func omSalience(ms []align.Member) int {
	best := omOther
	for _, m := range ms {
		switch {
		case m.Position == align.Headline || m.Sentence < 0:
			return omHeadline
		case m.Position == align.Lede:
			best = min(best, omLede)
		case best > omFact && omFactual(m.Text):
			best = omFact
		}
	}
	return best
}

// omInterleave orders single-article rows as Find says: per article
// by salience and place, then in turns across articles.
func omInterleave(arts []*corpus.Article, singles []omSingle) []Row {
	outlet := func(a int) string {
		if a >= 0 && a < len(arts) && arts[a] != nil {
			return arts[a].Outlet
		}
		return ""
	}
	byPlace := func(x, y omSingle) int {
		return cmp.Or(cmp.Compare(x.salience, y.salience), cmp.Compare(x.first.Sentence, y.first.Sentence), cmp.Compare(x.first.Text, y.first.Text))
	}
	per := map[int][]omSingle{}
	for _, s := range singles {
		per[s.row.Only] = append(per[s.row.Only], s)
	}
	turns := 0
	for a, ss := range per {
		slices.SortStableFunc(ss, func(x, y omSingle) int { return cmp.Or(byPlace(x, y), cmp.Compare(x.row.Claim, y.row.Claim)) })
		per[a] = ss
		turns = max(turns, len(ss))
	}
	out := make([]Row, 0, len(singles))
	var turn []omSingle
	for k := range turns {
		turn = turn[:0]
		for _, ss := range per {
			if k < len(ss) {
				turn = append(turn, ss[k])
			}
		}
		slices.SortFunc(turn, func(x, y omSingle) int {
			return cmp.Or(byPlace(x, y), cmp.Compare(outlet(x.row.Only), outlet(y.row.Only)),
				cmp.Compare(x.row.Only, y.row.Only), cmp.Compare(x.row.Claim, y.row.Claim))
		})
		for _, s := range turn {
			out = append(out, s.row)
		}
	}
	return out
}

// omRank orders positions by prominence: headline first; unknown last.
func omRank(p align.Position) int {
	switch p {
	case align.Headline:
		return 0
	case align.Lede:
		return 1
	case align.Body:
		return 2
	case align.End:
		return 3
	}
	return 4
}

// omFirst is the first member of a claim by article, then sentence.
func omFirst(c align.Claim) (align.Member, bool) {
	if len(c.Members) == 0 {
		return align.Member{}, false
	}
	f := c.Members[0]
	for _, m := range c.Members[1:] {
		if m.Article < f.Article || (m.Article == f.Article && m.Sentence < f.Sentence) {
			f = m
		}
	}
	return f, true
}

// omShared is what orders the shared claims carried by as many reports,
// whatever the order the reports came in: the most salient first
// (omSalience), then those the reports put earliest (the mean of their
// members' places, each as a share of its report's sentences), then by
// the text of the member that sorts first.
type omShared struct {
	salience int
	place    float64
	text     string
}

func omSharedKey(arts []*corpus.Article, c align.Claim) omShared {
	k := omShared{salience: omSalience(c.Members)}
	n := 0
	for _, m := range c.Members {
		if k.text == "" || m.Text < k.text {
			k.text = m.Text
		}
		if m.Article < 0 || m.Article >= len(arts) || arts[m.Article] == nil || len(arts[m.Article].Sentences) == 0 {
			continue
		}
		k.place += float64(max(m.Sentence, 0)) / float64(len(arts[m.Article].Sentences))
		n++
	}
	if n > 0 {
		k.place = omRound3(k.place / float64(n))
	}
	return k
}

func (k omShared) compare(o omShared) int {
	return cmp.Or(cmp.Compare(k.salience, o.salience), cmp.Compare(k.place, o.place), cmp.Compare(k.text, o.text))
}

// omCompareFirst orders two claims by their first members (article,
// sentence, start, text), then by index, so that the order does not depend
// on the order the claims came in unless they are the same.
func omCompareFirst(claims []align.Claim, i, j int) int {
	a, _ := omFirst(claims[i])
	b, _ := omFirst(claims[j])
	return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Sentence, b.Sentence),
		cmp.Compare(a.Start, b.Start), cmp.Compare(a.Text, b.Text), cmp.Compare(i, j))
}

// omFactual: text has a number, or a capitalised word that is not its first
// word nor a stopword (a name, most likely).
func omFactual(text string) bool {
	first := true
	for _, t := range token.Tokenize(text) {
		switch t.Kind {
		case token.Number:
			return true
		case token.Word:
			r, _ := utf8.DecodeRuneInString(t.Text)
			if !first && !t.Stop && unicode.IsUpper(r) {
				return true
			}
			first = false
		}
	}
	return false
}

// omWords counts the Word and Number tokens of a text.
func omWords(text string) int {
	n := 0
	for _, t := range token.Tokenize(text) {
		if t.Kind == token.Word || t.Kind == token.Number {
			n++
		}
	}
	return n
}

func omRound3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Emphasis is what each report of one event foregrounds.
type Emphasis struct {
	Articles []ArticleEmphasis `json:"articles"`
}

// ArticleEmphasis is what one report foregrounds.
type ArticleEmphasis struct {
	Article  int      `json:"article"`  // index into the articles given
	Headline string   `json:"headline"` // the title
	Lede     []string `json:"lede"`     // its first two sentences
	// First are the indexes (into the claims given) of the shared claims it
	// puts first: the claims two articles or more carry whose member in this
	// article comes earliest (the headline before every sentence), up to 3.
	First []int `json:"first"`
	// Words is the share of its words spent on each shared claim it
	// carries, largest first.
	Words []ClaimWords `json:"words"`
}

// ClaimWords is how many of an article's words go to one claim.
type ClaimWords struct {
	Claim int     `json:"claim"` // index into the claims given
	Words int     `json:"words"` // Word and Number tokens of its members' texts in the article's sentences
	Share float64 `json:"share"` // Words / the article's Words, 3 decimals
}

// omFirstN bounds ArticleEmphasis.First.
const omFirstN = 3

// Emphases finds, for each article, its headline and lede, the shared
// claims it puts first, and the share of its words each shared claim it
// carries takes. claims are as for Find (singletons or not: only
// shared claims count here).
//
// Words count the Word and Number tokens (corpus/token) of the members in
// the article's sentences, as Article.Words counts them; the headline is
// not part of Article.Words and is left out of Words (it still counts for
// First), so a claim the article carries in its headline alone does not
// appear in Words, and the shares of an article sum to at most 1. Ties:
// more words first, then the claim whose member comes earlier.
func Emphases(arts []*corpus.Article, claims []align.Claim) Emphasis {
	n := len(arts)
	type omCarry struct {
		claim    int
		earliest int // sentence index of its first member here; -1 headline
		words    int
	}
	per := make([][]omCarry, n)
	for ci, c := range claims {
		if c.Outlets() < 2 {
			continue
		}
		at := map[int]int{} // article -> index into per[article]
		for _, m := range c.Members {
			if m.Article < 0 || m.Article >= n {
				continue
			}
			k, ok := at[m.Article]
			if !ok {
				k = len(per[m.Article])
				at[m.Article] = k
				per[m.Article] = append(per[m.Article], omCarry{claim: ci, earliest: m.Sentence})
			}
			e := &per[m.Article][k]
			e.earliest = min(e.earliest, m.Sentence)
			if m.Sentence >= 0 {
				e.words += omWords(m.Text)
			}
		}
	}
	em := Emphasis{Articles: make([]ArticleEmphasis, n)}
	for ai, a := range arts {
		ae := ArticleEmphasis{Article: ai, Headline: a.Title, Lede: []string{}, First: []int{}, Words: []ClaimWords{}}
		for _, s := range a.Sentences[:min(2, len(a.Sentences))] {
			ae.Lede = append(ae.Lede, s.Text)
		}
		cs := per[ai]
		slices.SortStableFunc(cs, func(x, y omCarry) int {
			return cmp.Or(cmp.Compare(x.earliest, y.earliest), cmp.Compare(x.claim, y.claim))
		})
		for _, c := range cs[:min(omFirstN, len(cs))] {
			ae.First = append(ae.First, c.claim)
		}
		// cs is in order of appearance: a stable sort by words keeps it for ties.
		byWords := slices.Clone(cs)
		slices.SortStableFunc(byWords, func(x, y omCarry) int { return cmp.Compare(y.words, x.words) })
		for _, c := range byWords {
			if c.words == 0 {
				continue
			}
			share := 0.0
			if a.Words > 0 {
				share = omRound3(float64(c.words) / float64(a.Words))
			}
			ae.Words = append(ae.Words, ClaimWords{Claim: c.claim, Words: c.words, Share: share})
		}
		em.Articles[ai] = ae
	}
	return em
}
