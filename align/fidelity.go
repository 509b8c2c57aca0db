package align

import (
	"slices"
	"strings"

	"github.com/biasdiff/biasdiff/align/wdiff"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// QuoteCheck is one quote of a report checked against a primary source (a
// transcript or statement).
type QuoteCheck struct {
	Article int    `json:"article"` // index into the reports given
	Quote   int    `json:"quote"`   // index into that article's Quotes
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	// Primary is the index of the primary source with the closest passage,
	// -1 when no primary has one ("not in the primary source").
	Primary int `json:"primary"`
	// Passage is the primary's sentences that hold the quoted words, with
	// their offsets in the primary's source.
	Passage      string `json:"passage,omitempty"`
	PassageStart int    `json:"passage_start"`
	PassageEnd   int    `json:"passage_end"`
	// Fidelity is the share of the quote's words that the passage has in
	// that order, in per mille (1000: every word, in order).
	Fidelity int `json:"fidelity"`
	// Edits is the word diff from the passage to the quote.
	Edits []wdiff.Edit `json:"edits,omitempty"`
	// Dropped lists the qualifying words of the passage that the quote
	// leaves out ("not", "only", "if", ...): a partial quote that may turn
	// the statement around. Contractions are compared expanded (see
	// contractions), so "isn't" for "is not" drops nothing.
	Dropped []string `json:"dropped,omitempty"`
}

// NotInPrimary is the least fidelity, in per mille, for a quote to count as
// found in a primary source.
const NotInPrimary = 500

// qualifiers are words that turn or narrow a statement: negations,
// restrictions, conditions, modals (internal/english qualifiers). A
// passage word of these that a quote drops is called out.
var qualifiers = english.Set("qualifiers")

// Fidelity checks every quote of the reports against the primary sources:
// each quote is aligned to the passage of a primary where most of its
// words stand in the same order (a local alignment over normalised words),
// the fidelity is the share of the quote's words so found, the passage is
// the primary's sentences the alignment touches, and the word diff from
// passage to quote is kept, with the qualifying words the quote drops.
// Cost: O(quote words × primary words) per quote and primary.
func Fidelity(reports, primaries []*corpus.Article) []QuoteCheck {
	type ptoks struct {
		words []string // normalised words and numbers, contractions expanded
		sent  []int    // sentence index of each word
	}
	prim := make([]ptoks, len(primaries))
	for p, a := range primaries {
		for si, s := range a.Sentences {
			for _, w := range words(s.Text) {
				prim[p].words = append(prim[p].words, w)
				prim[p].sent = append(prim[p].sent, si)
			}
		}
	}
	var out []QuoteCheck
	for ai, a := range reports {
		for qi, q := range a.Quotes {
			c := QuoteCheck{Article: ai, Quote: qi, Speaker: q.Speaker, Text: q.Text, Primary: -1}
			qw := words(q.Text)
			if len(qw) == 0 {
				continue
			}
			best, bestP, first, last := 0, -1, 0, 0
			for p := range prim {
				m, i0, i1 := localAlign(qw, prim[p].words)
				if m > best {
					best, bestP, first, last = m, p, i0, i1
				}
			}
			c.Fidelity = best * 1000 / len(qw)
			if bestP >= 0 && c.Fidelity >= NotInPrimary {
				pa := primaries[bestP]
				s0, s1 := prim[bestP].sent[first], prim[bestP].sent[last]
				c.Primary = bestP
				c.PassageStart, c.PassageEnd = pa.Sentences[s0].Start, pa.Sentences[s1].End
				c.Passage = pa.Body.S[pa.Sentences[s0].BodyStart:pa.Sentences[s1].BodyEnd]
				c.Edits = wdiff.Words(c.Passage, q.Text)
				c.Dropped = dropped(words(c.Passage), qw)
			}
			out = append(out, c)
		}
	}
	return out
}

// words is the normalised words and numbers of s, contractions expanded.
func words(s string) []string {
	var out []string
	for _, t := range token.Tokenize(s) {
		if t.Kind == token.Word || t.Kind == token.Number {
			out = append(out, expand(t.Norm)...)
		}
	}
	return out
}

// dropped is the qualifying words of passage that no word of quote
// matches: the passage words left out of a longest common subsequence of
// the two (by sameWord), in passage order. A word in "n't" that is not
// expanded ("ain't") counts as a qualifier.
// Cost: O(len(passage) × len(quote)).
func dropped(passage, quote []string) []string {
	n, m := len(passage), len(quote)
	// lcs[i][j]: the longest common subsequence of passage[i:] and quote[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if sameWord(passage[i], quote[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	for i, j := 0, 0; i < n; {
		switch {
		case j < m && sameWord(passage[i], quote[j]) && lcs[i][j] == lcs[i+1][j+1]+1:
			i, j = i+1, j+1
		case j < m && lcs[i][j+1] >= lcs[i+1][j]:
			j++
		default:
			if w := passage[i]; qualifiers[w] || strings.HasSuffix(w, "n't") {
				out = append(out, w)
			}
			i++
		}
	}
	return out
}

// localAlign finds the stretch of p where most words of q appear in order
// (Smith–Waterman: match +2, mismatch or gap -1), and returns how many of
// q's words it matches and the first and last positions in p.
func localAlign(q, p []string) (matches, first, last int) {
	type cell struct{ score, matches, start int }
	prev := make([]cell, len(q)+1)
	cur := make([]cell, len(q)+1)
	bestScore := 0
	for j := 1; j <= len(p); j++ {
		cur[0] = cell{0, 0, j}
		for i := 1; i <= len(q); i++ {
			c := cell{0, 0, j} // start afresh at p[j-1]
			if d := prev[i-1]; sameWord(q[i-1], p[j-1]) {
				if d.score+2 > c.score {
					c = cell{d.score + 2, d.matches + 1, d.start}
				}
			} else if d.score-1 > c.score {
				c = cell{d.score - 1, d.matches, d.start}
			}
			if u := prev[i]; u.score-1 > c.score { // a word of p the quote skips
				c = cell{u.score - 1, u.matches, u.start}
			}
			if l := cur[i-1]; l.score-1 > c.score { // a word of q p lacks
				c = cell{l.score - 1, l.matches, l.start}
			}
			if c.score == 0 {
				c.start = j
			}
			cur[i] = c
			if c.score > bestScore {
				bestScore, matches, first, last = c.score, c.matches, c.start, j-1
			}
		}
		prev, cur = cur, prev
	}
	if matches == 0 {
		return 0, 0, 0
	}
	return matches, max(first, 0), last
}

// contractions are the contracted words that stand for two, written out
// before quote and primary are compared, so that a quote's "isn't" matches
// the primary's "is not" (and the other way round) and is no dropped
// "not" (internal/english contractions). Words are as token.Tokenize
// normalises them: lower case, ' for every apostrophe. 's and 'd stand for
// two words each ("it's": "it is" or "it has"; "I'd": "I would" or "I
// had"), so they are written out as an either-word that matches both (see
// eitherWords), and only after the words that take them as a contraction
// ("it's", not the possessive "the mayor's").
var contractions = func() map[string][]string {
	m := map[string][]string{}
	for w, x := range english.Map("contractions") {
		m[w] = strings.Fields(x)
	}
	return m
}()

// contractedEndings are the endings a word is contracted with after any
// word ("we're"), and the word each stands for; eitherWords are the
// either-words ('s, 'd) and the words each matches (internal/english
// contracted-endings).
var contractedEndings, eitherWords = endings()

func endings() (one map[string]string, either map[string][]string) {
	one, either = map[string]string{}, map[string][]string{}
	for e, x := range english.Map("contracted-endings") {
		if ws := strings.Fields(x); len(ws) > 1 {
			either[e] = ws
		} else {
			one[e] = x
		}
	}
	return one, either
}

// expand writes out a normalised word that is a contraction ("isn't": "is",
// "not"); any other word is itself.
func expand(w string) []string {
	if x, ok := contractions[w]; ok {
		return x
	}
	for e, word := range contractedEndings {
		if host, ok := strings.CutSuffix(w, e); ok && host != "" {
			return []string{host, word}
		}
	}
	return []string{w}
}

// sameWord tells whether two expanded words match: equal, or an
// either-word and one of the words it stands for.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" || a[0] != '\'' && b[0] != '\'' {
		return false
	}
	return slices.Contains(eitherWords[a], b) || slices.Contains(eitherWords[b], a)
}
