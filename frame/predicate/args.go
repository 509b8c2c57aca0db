package predicate

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/token"
)

// Pass 1b, acts that share their arguments. Reports often tell one act in
// sentences the aligner does not pair, since the rest of each sentence
// differs: "rebels seized the lighthouse and the harbour cranes" and
// "after a night of shelling, armed rebels captured the harbour cranes".
// What makes those one
// act is that the same things stand around the act word: an act word of
// one report and one of another are a candidate pair when the content
// words near each (its arguments, by a window) are largely the same, the
// rarer words weighing more. Names alone are not enough: the same people
// do many things ("Governor Vell is due to visit Norland" in June, "the
// meeting of Vell and Rivera" in January), so at least one word in common must be a
// word the event writes in lower case (what the act is done to, where,
// how).

const (
	// argWindow is how many content words on each side of an act word,
	// in its sentence, are its arguments.
	argWindow = 3
	// minArgShare is the least share of argument weight (IDF) two act
	// words must have in common, of the lighter of the two; minArgWords
	// the least number of argument words in common. Read by hand on the
	// dev events (go test -tags devset -run DevRows ./frame/predicate/):
	// the pairs WordNet then accepts are right about 5 in 6 at 0.5 and at
	// 0.35 (twice as many at 0.35), 2 in 3 at 0.25.
	minArgShare = 0.35
	minArgWords = 2
	// maxArgDF bounds the sentences a word may stand in and still bring
	// two acts to comparison: in a long event the rare words decide, and
	// the cost stays bounded (pairs per word at most its acts squared).
	maxArgDF = 20
	// maxArgActs bounds the acts one word may bring to comparison (a word
	// repeated all through one long sentence stands in few sentences but
	// around many acts).
	maxArgActs = 64
)

// act is an act word of one sentence with its arguments: args[a0:a1] of
// the pass's shared slice, sorted by stem, once each.
type act struct {
	s      *sentence
	k      int // token index in s
	kind   int // actKind
	a0, a1 int32
	w      float64 // the arguments' summed weight
}

// arg is an argument word: its stem, and whether the event writes it in
// lower case (a thing, a place, a manner; not a name only).
type arg struct {
	stem string
	low  bool
}

// Anchored is pass 1b: pairs of act words of different reports, in any
// sentences, whose arguments are mostly the same (see minArgShare), as
// one-word replacements (widened like inside's). Acts are compared only
// when they share an argument word that is rare in the event (in at most
// a quarter of its sentences and maxArgDF, or two), so the cost stays near
// linear in the event's act words.
func Anchored(ev *Event) []Replacement {
	var sents []*sentence
	for ai, a := range ev.arts {
		for si := -1; si < len(a.Sentences); si++ {
			if s := ev.unit(ai, si); s != nil {
				sents = append(sents, s)
			}
		}
	}
	if len(sents) == 0 {
		return nil
	}
	df := map[string]int{}
	seen := map[string]bool{}
	for _, s := range sents {
		clear(seen)
		for _, t := range s.plain {
			if content(t) && !seen[t.Stem] {
				seen[t.Stem] = true
				df[t.Stem]++
			}
		}
	}
	idf := func(stem string) float64 { return math.Log(float64(len(sents)+1) / float64(df[stem]+1)) }
	rare := func(stem string) bool { return df[stem] <= max(2, min(len(sents)/4, maxArgDF)) }
	var acts []act
	var args []arg
	byArg := map[string][]int{}
	for _, s := range sents {
		for k, t := range s.plain {
			if !actWord(t) {
				continue
			}
			kind := actKind(s.plain, k, s.verbStems)
			if kind == 0 {
				continue
			}
			a := act{s: s, k: k, kind: kind, a0: int32(len(args))}
			add := func(u token.Token) { args = append(args, arg{u.Stem, ev.lower[u.Norm]}) }
			for j, n := k-1, 0; j >= 0 && n < argWindow; j-- {
				if u := s.plain[j]; content(u) && u.Stem != t.Stem {
					add(u)
					n++
				}
			}
			for j, n := k+1, 0; j < len(s.plain) && n < argWindow; j++ {
				if u := s.plain[j]; content(u) && u.Stem != t.Stem {
					add(u)
					n++
				}
			}
			mine := args[a.a0:]
			slices.SortFunc(mine, func(x, y arg) int { return strings.Compare(x.stem, y.stem) })
			n := 0
			for _, x := range mine {
				if n > 0 && mine[n-1].stem == x.stem {
					mine[n-1].low = mine[n-1].low || x.low
					continue
				}
				mine[n] = x
				n++
			}
			args = args[:int(a.a0)+n]
			a.a1 = int32(len(args))
			for _, x := range args[a.a0:a.a1] {
				a.w += idf(x.stem)
				if rare(x.stem) {
					byArg[x.stem] = append(byArg[x.stem], len(acts))
				}
			}
			acts = append(acts, a)
		}
	}
	tried := map[[2]int]bool{}
	var out []Replacement
	keys := make([]string, 0, len(byArg))
	for x := range byArg {
		keys = append(keys, x)
	}
	slices.Sort(keys)
	for _, x := range keys {
		ids := byArg[x]
		if len(ids) > maxArgActs {
			continue // a word around too many acts tells none apart
		}
		for i, p := range ids {
			for _, q := range ids[i+1:] {
				a, b := &acts[p], &acts[q]
				if a.s.art == b.s.art || tried[[2]int{p, q}] {
					continue
				}
				tried[[2]int{p, q}] = true
				ta, tb := a.s.plain[a.k], b.s.plain[b.k]
				if ta.Stem == tb.Stem {
					continue // one word: no alternative
				}
				shared, w, thing := 0, 0.0, false
				bargs := args[b.a0:b.a1]
				for _, y := range args[a.a0:a.a1] {
					if j, ok := slices.BinarySearchFunc(bargs, y.stem, func(x arg, t string) int { return strings.Compare(x.stem, t) }); ok {
						shared++
						w += idf(y.stem)
						thing = thing || y.low && bargs[j].low
					}
				}
				if shared < minArgWords || w < minArgShare*min(a.w, b.w) || !thing {
					continue
				}
				ra, rb := widen(a.s.plain, a.k, 0, len(a.s.plain)), widen(b.s.plain, b.k, 0, len(b.s.plain))
				pair := UnitPair{A: Span{a.s, 0, len(a.s.toks)}, B: Span{b.s, 0, len(b.s.toks)}}
				out = append(out, Replacement{P: pair, A: ra, B: rb, Args: true})
			}
		}
	}
	return out
}

// actWord: a token that may stand for an act by itself (not a name,
// number, stopword, reporting or light word).
func actWord(t token.Token) bool {
	return t.Kind == token.Word && !t.Stop && !capitalised(t.Text) && letters(t.Norm) && utf8.RuneCountInString(t.Norm) >= 3 &&
		!lists.particle[t.Norm] && !lists.number[t.Norm] && !lists.reporting[t.Norm] && !lists.light[t.Norm]
}

// content: a word that can be an argument: no stopword, particle or
// number word.
func content(t token.Token) bool {
	return t.Kind == token.Word && !t.Stop && letters(t.Norm) && utf8.RuneCountInString(t.Norm) >= 2 && !lists.particle[t.Norm] && !lists.number[t.Norm]
}
