package frame

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/align/wdiff"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// Mining alternative wordings from word diffs.
//
// Two sentences of different reports that say the same thing mostly in the
// same words ("the talks on [selling] the port" / "the talks on
// [leasing] the port") give their replaced spans as two names for
// one thing. The sentence pairs are the aligned claims (package align) and,
// beyond them, pairs that share rare words; a replacement counts when the
// two sentences share most of their words, or when it is anchored — the
// same words right before and right after it, one of them a content word —
// and the same two concepts replace each other in two sentence pairs or
// more.

const (
	// minSameShare is the share of words two sentences must have in common
	// (in order) for a replacement between them to count on its own.
	minSameShare = 0.5
	// maxMinedWords bounds each side of a replacement.
	maxMinedWords = 4
	// minSupport is how many sentence pairs must show an anchored
	// replacement of one concept by another.
	minSupport = 2
	// pairsPerSentence bounds the sentences of other reports each sentence
	// is diffed with, beyond the aligned claims.
	pairsPerSentence = 4
	// minSharedStems is how many rare content stems two sentences must
	// share to be diffed, and minSharedShare what share of the shorter
	// one's content stems that must be.
	minSharedStems = 3
	minSharedShare = 0.4
)

// link is a replacement found in one sentence pair: token ranges in two
// units, and whether the pair shares most of its words.
type link struct {
	ua, ub int
	a, b   [2]int
	near   bool
}

// mine joins the concepts whose wordings replace each other: in a
// writer's contrast ("not about selling, but about leasing"), in the word
// diffs of the aligned claims (e.claims) and of sentences of different
// reports that share rare words. It reads the candidates and clusters
// found so far (a span a candidate covers stands for its cluster) and
// byHead; it adds mined candidates for spans no candidate covers, and joins
// clusters.
func (e *tevent) mine() {
	links := e.contrasts()
	seen := map[[2]int]bool{}
	for _, p := range append(e.claimPairs(e.claims), e.similarPairs()...) {
		if p[0] > p[1] {
			p[0], p[1] = p[1], p[0]
		}
		if seen[p] {
			continue
		}
		seen[p] = true
		links = append(links, e.replacements(p[0], p[1])...)
	}
	// Anchored replacements need support: count the sentence pairs that
	// show each pair of (future) concepts, by the clusters the spans fall in
	// now or, for new spans, by their words.
	support := map[[2]string]int{}
	keyOf := func(ui int, r [2]int) string {
		if c := e.covering(ui, r[0], r[1]); c >= 0 {
			return "c" + itoa(e.find(e.cands[c].cluster))
		}
		return "w" + strings.ToLower(e.text(ui, r[0], r[1]))
	}
	keys := make([][2]string, len(links))
	for i, l := range links {
		ka, kb := keyOf(l.ua, l.a), keyOf(l.ub, l.b)
		if ka > kb {
			ka, kb = kb, ka
		}
		keys[i] = [2]string{ka, kb}
		if !l.near {
			support[keys[i]]++
		}
	}
	for i, l := range links {
		if !l.near && support[keys[i]] < minSupport {
			continue
		}
		ca := e.claim(l.ua, l.a[0], l.a[1])
		cb := e.claim(l.ub, l.b[0], l.b[1])
		if e.kinds[e.find(ca)] == kName && e.kinds[e.find(cb)] == kName && e.find(ca) != e.find(cb) && !l.near {
			continue // two names are two people, unless one sentence is the other reworded
		}
		e.union(ca, cb)
		e.mined[e.find(ca)] = true
		// A one-word wording is also the noun phrases it heads: "leasing"
		// and "the lease of".
		for _, x := range [][3]int{{l.ua, l.a[0], l.a[1]}, {l.ub, l.b[0], l.b[1]}} {
			if s := e.soleStem(x[0], x[1], x[2]); s != "" {
				if h, ok := e.byHead[s]; ok {
					e.union(ca, h)
				}
			}
		}
	}
}

// soleStem is the stem of the one content word of tokens [t0, t1) of unit
// ui, "" if they hold more or none.
func (s *stats) soleStem(ui, t0, t1 int) string {
	stem := ""
	for _, t := range s.units[ui].toks[t0:t1] {
		if t.Kind == token.Word && !t.Stop && !particles[t.Norm] {
			if stem != "" {
				return ""
			}
			stem = t.Stem
		}
	}
	return stem
}

// particles complete a phrasal verb ("handing over", "selling off").
var particles = english.Set("particles")

// additive words after "not" make "not only X but also Y" a sum.
var additive = english.Set("additive")

// auxiliaries before "not" negate a verb: what "but" sets against it is
// another act.
var auxiliaries = english.Set("auxiliaries")

// contrastPreps may stand between "not"/"but" and the wording contrasted.
var contrastPreps = english.Set("contrast-preps")

// contrasts finds a writer or speaker setting two wordings of one thing
// against each other: "not about selling, but about leasing the
// port". Each gives a link between the two wordings.
func (s *stats) contrasts() []link {
	var out []link
	for ui := range s.units {
		u := &s.units[ui]
		for k, t := range u.toks {
			if t.Norm != "not" || k > 0 && auxiliaries[u.toks[k-1].Norm] {
				continue // "would not tell the date but said...": two acts, not two words for one
			}
			if k+1 < len(u.toks) && additive[u.toks[k+1].Norm] {
				continue // "not only X but also Y" adds Y to X
			}
			x0 := k + 1
			for x0 < len(u.toks) && contrastPreps[u.toks[x0].Norm] {
				x0++
			}
			x1 := x0
			for x1 < len(u.toks) && x1-x0 < 3 && u.toks[x1].Kind == token.Word && u.toks[x1].Norm != "but" {
				x1++
			}
			b := x1
			if b < len(u.toks) && u.toks[b].Text == "," {
				b++
			}
			if x1 == x0 || b >= len(u.toks) || u.toks[b].Norm != "but" || b+1 < len(u.toks) && (u.toks[b+1].Norm == "also" || u.toks[b+1].Norm == "even") {
				continue
			}
			y0 := b + 1
			for y0 < len(u.toks) && contrastPreps[u.toks[y0].Norm] {
				y0++
			}
			y1 := y0
			for y1 < len(u.toks) && y1-y0 < x1-x0 && u.toks[y1].Kind == token.Word {
				y1++
			}
			if y1 < len(u.toks) && particles[u.toks[y1].Norm] {
				y1++
			}
			if y1 == y0 || !content(u.toks[x0:x1]) || !content(u.toks[y0:y1]) {
				continue
			}
			out = append(out, link{ui, ui, [2]int{x0, x1}, [2]int{y0, y1}, true})
		}
	}
	return out
}

// content: the tokens hold a word that is not a stopword.
func content(ts []corpus.Token) bool {
	for _, t := range ts {
		if t.Kind == token.Word && !t.Stop {
			return true
		}
	}
	return false
}

// claimPairs are the pairs of units that aligned claims hold.
func (s *stats) claimPairs(claims []align.Claim) [][2]int {
	at := map[[2]int]int{} // (article, sentence) -> unit
	for i, u := range s.units {
		at[[2]int{u.art, u.sent}] = i
	}
	var out [][2]int
	for _, cl := range claims {
		for x, ma := range cl.Members {
			for _, mb := range cl.Members[x+1:] {
				ua, ok1 := at[[2]int{ma.Article, ma.Sentence}]
				ub, ok2 := at[[2]int{mb.Article, mb.Sentence}]
				if ok1 && ok2 && ma.Article != mb.Article {
					out = append(out, [2]int{ua, ub})
				}
			}
		}
	}
	return out
}

// similarPairs pairs each sentence with the few sentences of other reports
// that share most of its rarer content stems (stems in more than a quarter
// of the sentences are the event's topic and do not count; in long reports,
// stems in more than 16 sentences a report: see align.Topic).
func (s *stats) similarPairs() [][2]int {
	stems := make([][]string, len(s.units))
	df := map[string]int{}
	for i, u := range s.units {
		seen := map[string]bool{}
		for _, t := range u.toks {
			if t.Kind == token.Word && !t.Stop && len(t.Stem) > 2 && !seen[t.Stem] {
				seen[t.Stem] = true
				stems[i] = append(stems[i], t.Stem)
				df[t.Stem]++
			}
		}
	}
	common := align.Topic(len(s.units), len(s.arts))
	index := map[string][]int{}
	for i, ss := range stems {
		for _, st := range ss {
			if df[st] <= common {
				index[st] = append(index[st], i)
			}
		}
	}
	var out [][2]int
	shared := make([]int, len(s.units)) // by unit; touched lists those not zero
	var touched []int
	for i, ss := range stems {
		for _, j := range touched {
			shared[j] = 0
		}
		touched = touched[:0]
		for _, st := range ss {
			for _, j := range index[st] {
				if j > i && s.units[j].art != s.units[i].art {
					if shared[j] == 0 {
						touched = append(touched, j)
					}
					shared[j]++
				}
			}
		}
		type cand struct{ j, n int }
		var cs []cand
		for _, j := range touched {
			n := shared[j]
			// Pairs sharing few of their words yield no replacement worth
			// a diff: both anchors and near pairs need most words shared.
			if n >= minSharedStems && float64(n) >= minSharedShare*float64(min(len(ss), len(stems[j]))) {
				cs = append(cs, cand{j, n})
			}
		}
		slices.SortFunc(cs, func(a, b cand) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.j, b.j)) })
		for _, c := range cs[:min(len(cs), pairsPerSentence)] {
			out = append(out, [2]int{i, c.j})
		}
	}
	return out
}

// replacements diffs two units and returns the replacements that may be
// two wordings of one thing.
func (s *stats) replacements(ua, ub int) []link {
	ta, tb := s.unitText(ua), s.unitText(ub)
	edits := wdiff.Tokens(ta, tb, s.plainTokens(ua), s.plainTokens(ub))
	toksA := s.units[ua].toks
	same, wa, wb := 0, wordsIn(toksA, 0, len(ta)), wordsIn(s.units[ub].toks, 0, len(tb))
	for _, ed := range edits {
		if ed.Op == wdiff.Equal {
			same += wordsIn(toksA, ed.A.Start, ed.A.End)
		}
	}
	if wa == 0 || wb == 0 {
		return nil
	}
	near := float64(same) >= minSameShare*float64(max(wa, wb))
	var out []link
	for i := 0; i+1 < len(edits); i++ {
		x, y := edits[i], edits[i+1]
		if x.Op != wdiff.Delete || y.Op != wdiff.Insert {
			continue
		}
		if !near && !s.anchored(ta, edits, i) {
			continue
		}
		if breaks(ta[x.A.Start:x.A.End]) != breaks(tb[y.B.Start:y.B.End]) {
			continue // "Report:" against "Agency Director": a label before a colon is no title
		}
		a := s.spanOf(ua, x.A.Start, x.A.End)
		b := s.spanOf(ub, y.B.Start, y.B.End)
		if a == nil || b == nil {
			continue
		}
		// Words the two sides share at their ends are not part of the
		// replacement ("Rivera said" / "he said" is "Rivera" / "he").
		ta, tb := s.units[ua].toks, s.units[ub].toks
		for a[1]-a[0] > 1 && b[1]-b[0] > 1 && ta[a[1]-1].Norm == tb[b[1]-1].Norm {
			a[1]--
			b[1]--
		}
		for a[1]-a[0] > 1 && b[1]-b[0] > 1 && ta[a[0]].Norm == tb[b[0]].Norm {
			a[0]++
			b[0]++
		}
		// Nor are the verbs of two attributions ("he said" / "the
		// complaint states" is who speaks; the attribution table shows
		// the verbs).
		if a[1]-a[0] > 1 && b[1]-b[0] > 1 && s.sayVerbs[ta[a[1]-1].Norm] && s.sayVerbs[tb[b[1]-1].Norm] {
			a[1]--
			b[1]--
		}
		if s.sayVerbs[ta[a[1]-1].Norm] != s.sayVerbs[tb[b[1]-1].Norm] {
			continue // "he wrote" / "a report": who speaks against what is said
		}
		if !content(ta[a[0]:a[1]]) || !content(tb[b[0]:b[1]]) || strings.EqualFold(s.text(ua, a[0], a[1]), s.text(ub, b[0], b[1])) {
			continue
		}
		out = append(out, link{ua, ub, *a, *b, near})
	}
	return out
}

// breaks tells whether text holds punctuation that breaks a phrase (a
// colon, a comma, a parenthesis, a dash): two sides of a replacement stand
// in the same place only if both or neither do.
func breaks(text string) bool { return strings.ContainsAny(text, ":;,()—–") }

// anchored: the replacement at edits[i], edits[i+1] has equal words right
// before and right after it, one of the two a content word.
func (s *stats) anchored(ta string, edits []wdiff.Edit, i int) bool {
	if i == 0 || i+2 >= len(edits) || edits[i-1].Op != wdiff.Equal || edits[i+2].Op != wdiff.Equal {
		return false
	}
	before := token.Tokenize(ta[edits[i-1].A.Start:edits[i-1].A.End])
	after := token.Tokenize(ta[edits[i+2].A.Start:edits[i+2].A.End])
	lastWord := func(ts []token.Token) *token.Token {
		for k := len(ts) - 1; k >= 0; k-- {
			if ts[k].Kind == token.Word || ts[k].Kind == token.Number {
				return &ts[k]
			}
			if ts[k].Kind == token.Punct {
				return nil // a comma or a stop between: no anchor
			}
		}
		return nil
	}
	firstWord := func(ts []token.Token) *token.Token {
		for k := range ts {
			if ts[k].Kind == token.Word || ts[k].Kind == token.Number {
				return &ts[k]
			}
			if ts[k].Kind == token.Punct {
				return nil
			}
		}
		return nil
	}
	l, r := lastWord(before), firstWord(after)
	return l != nil && r != nil && (!l.Stop || !r.Stop)
}

func (s *stats) unitText(ui int) string {
	u := &s.units[ui]
	if u.sent < 0 {
		return s.arts[u.art].Title
	}
	return s.arts[u.art].Sentences[u.sent].Text
}

// wordsIn counts the words and numbers of toks (in order, with byte
// offsets into their text) that lie inside the byte range [b0, b1).
// plainTokens returns the tokens of a unit's text, as the article keeps
// them.
func (s *stats) plainTokens(ui int) []token.Token {
	u := &s.units[ui]
	if u.sent < 0 {
		return s.arts[u.art].TitleTokens()
	}
	return s.arts[u.art].PlainTokens(u.sent)
}

func wordsIn(toks []corpus.Token, b0, b1 int) int {
	n := 0
	for k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= b0 }); k < len(toks) && toks[k].End <= b1; k++ {
		if t := toks[k]; t.Kind == token.Word || t.Kind == token.Number {
			n++
		}
	}
	return n
}

// spanOf maps a byte range of a unit's text to its token range, if it
// holds 1..maxMinedWords words and at least one content word.
func (s *stats) spanOf(ui, b0, b1 int) *[2]int {
	u := &s.units[ui]
	t0, t1, words, content := -1, -1, 0, 0
	for k, t := range u.toks {
		if t.Start >= b0 && t.End <= b1 {
			if t0 < 0 {
				t0 = k
			}
			t1 = k + 1
			if t.Kind == token.Word || t.Kind == token.Number {
				words++
				if !t.Stop {
					content++
				}
			}
		}
	}
	for t0 >= 0 && t0 < t1 && u.toks[t0].Kind == token.Punct {
		t0++
	}
	for t1 > t0 && t0 >= 0 && u.toks[t1-1].Kind == token.Punct {
		t1--
	}
	if t0 < 0 || t0 >= t1 || words == 0 || words > maxMinedWords || content == 0 {
		return nil
	}
	return &[2]int{t0, t1}
}

func (s *stats) text(ui, t0, t1 int) string {
	u := &s.units[ui]
	return s.unitText(ui)[u.toks[t0].Start:u.toks[t1-1].End]
}

// covering is the candidate covering most of the token range [t0, t1) of
// unit ui (at least half of it; ties: the longer, then the first found),
// or -1.
func (e *tevent) covering(ui, t0, t1 int) int {
	best, bo := -1, 0
	try := func(i int) {
		c := &e.cands[i]
		if c.cluster < 0 {
			return
		}
		o := min(c.t1, t1) - max(c.t0, t0)
		if o > bo || (o == bo && o > 0 && (c.t1-c.t0 > e.cands[best].t1-e.cands[best].t0 || c.t1-c.t0 == e.cands[best].t1-e.cands[best].t0 && i < best)) {
			best, bo = i, o
		}
	}
	if x := e.unitIndex(ui); x != nil {
		// Only candidates starting less than the longest one before t0
		// can overlap the range.
		k, _ := slices.BinarySearchFunc(x.sorted, t0-x.longest+1, func(i, t int) int { return cmp.Compare(e.cands[i].t0, t) })
		for ; k < len(x.sorted) && e.cands[x.sorted[k]].t0 < t1; k++ {
			try(x.sorted[k])
		}
		for _, i := range x.tail {
			try(i)
		}
	} else {
		for _, i := range e.byUnit(ui) {
			try(i)
		}
	}
	if best >= 0 && 2*bo >= t1-t0 {
		return best
	}
	return -1
}

// candIndex is the candidates of one long unit by their first token, for
// covering: sorted, those at the time it was built; tail, those claimed
// since.
type candIndex struct {
	sorted, tail []int
	longest      int // tokens in the longest candidate
}

// unitIndex returns the index of unit ui's candidates, nil for a unit of
// few (a scan is as quick); it is rebuilt once its tail has grown.
func (e *tevent) unitIndex(ui int) *candIndex {
	cs := e.byUnit(ui)
	if len(cs) < 64 {
		return nil
	}
	if e.candIdx == nil {
		e.candIdx = map[int]*candIndex{}
	}
	x := e.candIdx[ui]
	if x != nil && len(x.tail) <= 64+len(x.sorted)/16 {
		x.tail = cs[len(x.sorted):]
		return x
	}
	x = &candIndex{sorted: slices.Clone(cs)}
	slices.SortStableFunc(x.sorted, func(a, b int) int { return cmp.Compare(e.cands[a].t0, e.cands[b].t0) })
	for _, i := range cs {
		x.longest = max(x.longest, e.cands[i].t1-e.cands[i].t0)
	}
	e.candIdx[ui] = x
	return x
}

// claim returns the cluster of the candidate covering the token range
// [t0, t1) of unit ui, or makes a mined candidate of it.
func (e *tevent) claim(ui, t0, t1 int) int {
	if c := e.covering(ui, t0, t1); c >= 0 {
		return e.cands[c].cluster
	}
	u := &e.units[ui]
	cl := e.newCluster(kMined)
	e.cands = append(e.cands, tcand{u: ui, t0: t0, t1: t1, start: u.toks[t0].SrcStart, end: u.toks[t1-1].SrcEnd, kind: kMined, name: -1, cluster: cl})
	e.unitCands[ui] = append(e.unitCands[ui], len(e.cands)-1)
	return cl
}

// byUnit lists the candidates of unit ui (the index is built on first use).
func (e *tevent) byUnit(ui int) []int {
	if e.unitCands == nil {
		e.unitCands = make([][]int, len(e.units))
		for i := range e.cands {
			e.unitCands[e.cands[i].u] = append(e.unitCands[e.cands[i].u], i)
		}
	}
	return e.unitCands[ui]
}
