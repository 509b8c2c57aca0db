// Package predicate finds how the reports of one event word the same act:
// "seized" / "captured", "ceding" / "handing over", "the transfer" / "the
// return". Names and numbers are left to the entity rows and to the
// discrepancies table (frame/discrepancy); reporting verbs ("said" /
// "stressed") to the attribution table.
//
// In: the articles of one event (package corpus), the claims aligned
// across them and the event's quote groups (package align). Only claims
// and quote groups that two reports or more carry are read.
//
// Out: Rows, each one act worded differently by different reports: per
// report its Wordings, as written, with source offsets (runes) and the
// sentence each comes from. A source span is in one row at most.
//
// Method, as passes (each its own function and table test):
//
//  1. units: the statements to compare — for each claim, every pair of
//     members of different reports (their sentences, or headlines); for
//     each quote group, every pair of variants of different reports,
//     restricted to the quoted words.
//     1b. anchored (args.go): act words of any two sentences of different
//     reports whose neighbouring content words (the act's arguments) are
//     mostly the same, the rarer words weighing more — the same act told
//     in sentences the aligner does not pair.
//  2. replacements: the word diff (align/wdiff) of each pair; a
//     replacement is a deleted span right before an inserted one, less the
//     words both sides share at their ends. It counts when the two
//     statements share at least minShare of their words, or when the same
//     word stands right before or right after it in both (an anchor).
//  3. sides: each side must be short (1..maxWords words, no punctuation
//     but hyphens and apostrophes inside) and hold a content word that is
//     no name (a capitalised word the event never writes in lower case),
//     no number, no stopword, and not in the package's word lists
//     (internal/english: number words, the verbs that only introduce what
//     was said, light words); the two sides must not share a
//     content stem (an inflection, a spelling variant or the word with a
//     prefix, "misspelled" / "spelled", is the same word).
//  4. meaning: the two sides are alternatives when WordNet
//     (internal/wordnet) links them — synonyms, or one a direct kind of
//     the other, the whole side or a content word of each, opposites
//     vetoing — and their content words' vectors (internal/wordvec) are
//     not far apart (see alternatives; thresholds chosen on all the
//     candidates of the sample and the dev events, not on single items:
//     see DefaultMinCosine).
//  5. rows: candidate pairs join into one row when they share a wording,
//     compared by the stems of its content words ("handing over" and
//     "handed over"); a shared head noun alone ("peace treaty" / "arms
//     treaty") never joins.
//
// Events of book-length reports (over 400 sentences each on average) are
// not searched: there the passes would cost more than the rest of the
// analysis.
//
// Cost: per claim of m members, m² word diffs (at most 36) of two sentences (each
// O(n·d) in the tokens n and the edits d), plus per replacement a few
// vector lookups (binary searches in the embedded table) and cosines of
// 100 dimensions, and a few WordNet lookups (binary searches, about 10 µs
// a pair); rows by union-find over the wordings. Memory: the
// replacements found. On the embedded sample a few milliseconds.
package predicate

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/align/wdiff"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
	"github.com/biasdiff/biasdiff/internal/wordnet"
	"github.com/biasdiff/biasdiff/internal/wordvec"
)

// Wording is one report's wording of an act.
type Wording struct {
	Article  int    `json:"article"`  // index into the articles given
	Sentence int    `json:"sentence"` // index into Article.Sentences; -1 for the headline
	Start    int    `json:"start"`    // source offsets, runes
	End      int    `json:"end"`
	Text     string `json:"text"` // as written
	// Context is the sentence (or headline) the wording stands in, as
	// the article keeps it.
	Context string `json:"context"`
	// Key is the stems of its content words, by which wordings compare.
	Key string `json:"key"`
}

// Row is one act as the reports word it: at least two wordings (by Key)
// in two reports or more.
type Row struct {
	Label    string    `json:"label"` // its commonest wording, lower case
	Wordings []Wording `json:"wordings"`
	// Pairs are the candidate pairs that made the row.
	Pairs []Pair `json:"-"`
}

// Pair is two reports' wordings that replace each other in one statement.
type Pair struct {
	A, B   Wording
	Cosine float64 // the best cosine of a content word of A with one of B
	// Relation is how WordNet relates the two wordings (the whole or a
	// content word of each; opposites veto): see relation.
	Relation wordnet.Relation
	Quote    bool // found in a quote group, not a claim
	Near     bool // the two statements share most of their words
	Inside   bool // one word of each side of a longer replacement (see inside)
	Args     bool // act words of unpaired sentences with the same arguments (see Anchored)
}

// Options tune Find.
type Options struct {
	// MinCosine is the least cosine for the two sides of a pair to be
	// alternatives (0: DefaultMinCosine), MinInside for two words paired
	// inside a longer replacement that WordNet calls kinds of each other
	// (0: DefaultMinInside), MinAnchored for a pair of pass 1b
	// (0: DefaultMinAnchored).
	MinCosine, MinInside, MinAnchored float64
}

// DefaultMinCosine and DefaultMinInside: see the package doc, pass 4.
// Chosen on all the candidates of the sample and the 56 framing dev
// events, read by hand (go test -tags devset -run Dev ./frame/predicate/):
// WordNet synonyms are alternatives in about 9 of 10, direct kinds from a
// short replacement in about as many, and direct kinds paired inside a
// longer replacement in 2 of 3, 9 of 10 from a cosine of 0.55; below a
// cosine of 0.3 WordNet's link is usually a rare sense. Pairs of pass 1b
// (Anchored), which share only the words around them, need a cosine of
// 0.4: below it 2 in 3 were wrong ("resolved" / "aimed").
const (
	DefaultMinCosine   = 0.3
	DefaultMinInside   = 0.55
	DefaultMinAnchored = 0.4
)

const (
	// maxSentences is the average length, in sentences, of reports past
	// which the event is not searched (see bookLength): a long feature
	// runs to about 150.
	maxSentences = 400
	// maxClaimPairs bounds the pairs of one claim's members compared: a
	// claim every report of a large event carries would otherwise cost a
	// diff per pair of reports, where a few dozen pairs show its wordings.
	maxClaimPairs = 36
	// maxUnitTokens bounds the tokens of a statement worth a word diff: a
	// longer "sentence" is text the segmenter could not split (a page with
	// no punctuation), where no replacement tells anything.
	maxUnitTokens = 300
	// maxWords bounds the words of each side of a replacement.
	maxWords = 3
	// minShare is the share of words two statements must have in common
	// (in order) for a replacement without an anchor to count.
	minShare = 0.5
)

// Find returns the rows of the event, those carried by most reports
// first.
func Find(arts []*corpus.Article, claims []align.Claim, quotes []align.QuoteCluster, opt Options) []Row {
	if bookLength(arts) {
		return nil
	}
	if opt.MinCosine == 0 {
		opt.MinCosine = DefaultMinCosine
	}
	if opt.MinInside == 0 {
		opt.MinInside = DefaultMinInside
	}
	if opt.MinAnchored == 0 {
		opt.MinAnchored = DefaultMinAnchored
	}
	ev := newEvent(arts)
	var pairs []Pair
	reps := append(Replacements(Units(ev, claims, quotes)), Anchored(ev)...)
	for _, c := range candidates(ev, reps, opt.MinCosine) {
		if alternatives(c, opt) {
			pairs = append(pairs, c)
		}
	}
	return Rows(pairs)
}

// alternatives is pass 4's verdict on a candidate pair: WordNet links
// its wordings (synonyms; or one a direct kind of the other, from a short
// replacement or, when paired inside a longer one or by their arguments
// alone, with vectors close too) and their vectors are not far apart. Vectors alone put antonyms and words that
// merely occur together close ("win" / "defeat", "ask" / "respond"), so
// they never decide alone.
func alternatives(c Pair, opt Options) bool {
	switch {
	case c.Cosine < opt.MinCosine, c.Args && c.Cosine < opt.MinAnchored:
		return false
	case c.Relation == wordnet.Synonym:
		return true
	case c.Relation == wordnet.Kind:
		return !c.Inside && !c.Args || c.Cosine >= opt.MinInside
	}
	return false
}

// bookLength tells whether the reports of an event are far longer than
// news reports (over maxSentences sentences each on average): there the
// passes would cost more than the rest of the analysis (a word diff per
// pair of aligned statements, an act per verb), and no row is looked for.
func bookLength(arts []*corpus.Article) bool {
	n := 0
	for _, a := range arts {
		n += len(a.Sentences)
	}
	return len(arts) > 0 && n > maxSentences*len(arts)
}

// Event is what the passes read of the articles: their sentences'
// tokens with source offsets, and which capitalised words are names.
type Event struct {
	arts []*corpus.Article
	// lower: words (Norm) the event writes in lower case inside a
	// sentence; a capitalised word not among them is a name.
	lower map[string]bool
	// said: the verbs that introduce the event's quotes.
	said  map[string]bool
	units map[[2]int]*sentence
	// verbStems: stems the event writes as "-ed" or "-ing" forms.
	verbStems map[string]bool
}

// sentence is a sentence (or headline) with its tokens.
type sentence struct {
	// verbStems: the stems the event writes as a verb form (see act).
	verbStems map[string]bool
	art, sent int
	text      string
	plain     []token.Token
	toks      []corpus.Token
	titleCase bool
}

func newEvent(arts []*corpus.Article) *Event {
	ev := &Event{arts: arts, lower: map[string]bool{}, said: map[string]bool{}, units: map[[2]int]*sentence{}, verbStems: map[string]bool{}}
	for _, a := range arts {
		for si := range a.Sentences {
			toks := a.PlainTokens(si)
			for k, t := range toks {
				if k > 0 && t.Kind == token.Word && !capitalised(t.Text) {
					ev.lower[t.Norm] = true
				}
				if t.Kind == token.Word && verbForm(t.Norm) {
					ev.verbStems[t.Stem] = true
				}
			}
		}
		for _, q := range a.Quotes {
			if q.Verb != "" {
				ev.said[strings.ToLower(q.Verb)] = true
			}
		}
	}
	return ev
}

// unit returns sentence si of article ai (-1: the headline), nil if it
// has no tokens with source offsets.
func (ev *Event) unit(ai, si int) *sentence {
	if u, ok := ev.units[[2]int{ai, si}]; ok {
		return u
	}
	a := ev.arts[ai]
	var u *sentence
	switch {
	case si >= 0 && si < len(a.Sentences):
		u = &sentence{art: ai, sent: si, text: a.Sentences[si].Text, plain: a.PlainTokens(si), toks: a.SentenceTokens(si)}
	case si < 0 && a.TitleSpan != nil && utf8.RuneCountInString(a.Title) == a.TitleSpan.End-a.TitleSpan.Start:
		plain := a.TitleTokens()
		toks := make([]corpus.Token, len(plain))
		for k, t := range plain {
			s := a.TitleSpan.Start + utf8.RuneCountInString(a.Title[:t.Start])
			toks[k] = corpus.Token{Token: t, SrcStart: s, SrcEnd: s + utf8.RuneCountInString(t.Text)}
		}
		u = &sentence{art: ai, sent: -1, text: a.Title, plain: plain, toks: toks, titleCase: true}
	}
	if u != nil {
		u.verbStems = ev.verbStems
		u.titleCase = u.titleCase || corpus.TitleCase(u.toks)
	}
	ev.units[[2]int{ai, si}] = u
	return u
}

// Span is a run of tokens [T0, T1) of one sentence: a statement to
// compare.
type Span struct {
	s      *sentence
	T0, T1 int
}

// Unit pairs are two statements of different reports that say one thing.
type UnitPair struct {
	A, B  Span
	Quote bool
}

// Units is pass 1: the pairs of statements to compare.
func Units(ev *Event, claims []align.Claim, quotes []align.QuoteCluster) []UnitPair {
	var out []UnitPair
	seen := map[[4]int]bool{}
	add := func(a, b Span, quote bool) {
		if a.s == nil || b.s == nil || a.s.art == b.s.art || a.T0 >= a.T1 || b.T0 >= b.T1 || a.T1-a.T0 > maxUnitTokens || b.T1-b.T0 > maxUnitTokens {
			return
		}
		k := [4]int{a.s.art, a.s.sent, b.s.art, b.s.sent}
		if quote {
			k = [4]int{a.s.art, a.T0<<16 | a.s.sent, b.s.art, b.T0<<16 | b.s.sent}
		}
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, UnitPair{a, b, quote})
	}
	for _, c := range claims {
		if c.Outlets() < 2 {
			continue
		}
		pairs := 0
		for x, ma := range c.Members {
			for _, mb := range c.Members[x+1:] {
				if pairs == maxClaimPairs {
					break
				}
				ua, ub := ev.unit(ma.Article, ma.Sentence), ev.unit(mb.Article, mb.Sentence)
				if ua != nil && ub != nil && ua.art != ub.art {
					add(Span{ua, 0, len(ua.toks)}, Span{ub, 0, len(ub.toks)}, false)
					pairs++
				}
			}
		}
	}
	for _, q := range quotes {
		var spans []Span
		for _, v := range q.Variants {
			if v.Reported {
				continue // the sentence is the report's, not the quote's
			}
			if sp, ok := ev.quoteSpan(v); ok {
				spans = append(spans, sp)
			}
		}
		for x, a := range spans {
			for _, b := range spans[x+1:] {
				add(a, b, true)
			}
		}
	}
	return out
}

// quoteSpan is the run of tokens of a quote's sentence inside the quote.
func (ev *Event) quoteSpan(v align.Variant) (Span, bool) {
	a := ev.arts[v.Article]
	if v.Quote < 0 || v.Quote >= len(a.Quotes) {
		return Span{}, false
	}
	u := ev.unit(v.Article, a.Quotes[v.Quote].Sentence)
	if u == nil {
		return Span{}, false
	}
	t0, t1 := -1, -1
	for k, t := range u.toks {
		if t.SrcStart >= v.Start && t.SrcEnd <= v.End {
			if t0 < 0 {
				t0 = k
			}
			t1 = k + 1
		}
	}
	return Span{u, t0, t1}, t0 >= 0
}

// Replacement is a span of one statement that another replaces (pass 2):
// token ranges into the two sentences.
type Replacement struct {
	P    UnitPair
	A, B [2]int
	Near bool
	// Inside: one word of each side of a longer replacement, paired by
	// meaning (see inside).
	Inside bool
	// Args: act words of two sentences the aligner did not pair, paired
	// because their arguments are the same (see Anchored).
	Args bool
}

// Replacements is pass 2: the replacements of each pair's word diff that
// stand in the same place in both statements.
func Replacements(pairs []UnitPair) []Replacement {
	var out []Replacement
	for _, p := range pairs {
		out = append(out, replacements(p)...)
	}
	return out
}

func (s Span) text() (string, []token.Token) {
	b0 := s.s.plain[s.T0].Start
	text := s.s.text[b0:s.s.plain[s.T1-1].End]
	toks := make([]token.Token, s.T1-s.T0)
	for k, t := range s.s.plain[s.T0:s.T1] {
		t.Start -= b0
		t.End -= b0
		toks[k] = t
	}
	return text, toks
}

// tokenRange maps the byte range [b0, b1) of a span's text to its tokens.
func tokenRange(toks []token.Token, b0, b1 int) (int, int) {
	t0, t1 := -1, -1
	for k, t := range toks {
		if t.Start >= b0 && t.End <= b1 {
			if t0 < 0 {
				t0 = k
			}
			t1 = k + 1
		}
	}
	return t0, t1
}

func words(toks []token.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind == token.Word || t.Kind == token.Number {
			n++
		}
	}
	return n
}

func replacements(p UnitPair) []Replacement {
	ta, pa := p.A.text()
	tb, pb := p.B.text()
	edits := wdiff.Tokens(ta, tb, pa, pb)
	same := 0
	for _, ed := range edits {
		if ed.Op == wdiff.Equal {
			t0, t1 := tokenRange(pa, ed.A.Start, ed.A.End)
			if t0 >= 0 {
				same += words(pa[t0:t1])
			}
		}
	}
	wa, wb := words(pa), words(pb)
	if wa == 0 || wb == 0 {
		return nil
	}
	near := float64(same) >= minShare*float64(max(wa, wb))
	var out []Replacement
	for i := 0; i+1 < len(edits); i++ {
		x, y := edits[i], edits[i+1]
		if x.Op != wdiff.Delete || y.Op != wdiff.Insert {
			continue
		}
		a0, a1 := tokenRange(pa, x.A.Start, x.A.End)
		b0, b1 := tokenRange(pb, y.B.Start, y.B.End)
		if a0 < 0 || b0 < 0 {
			continue
		}
		// Words both sides share at their ends are not replaced.
		for a1-a0 > 1 && b1-b0 > 1 && pa[a1-1].Norm == pb[b1-1].Norm {
			a1--
			b1--
		}
		for a1-a0 > 1 && b1-b0 > 1 && pa[a0].Norm == pb[b0].Norm {
			a0++
			b0++
		}
		if (near || anchored(pa, pb, a0, a1, b0, b1)) && words(pa[a0:a1]) <= maxWords && words(pb[b0:b1]) <= maxWords {
			out = append(out, Replacement{p, [2]int{p.A.T0 + a0, p.A.T0 + a1}, [2]int{p.B.T0 + b0, p.B.T0 + b1}, near, false, false})
			continue
		}
		out = append(out, inside(p, pa, pb, a0, a1, b0, b1)...)
	}
	return out
}

// inside pairs the words of a long replacement (or one with no anchor)
// by meaning: a content word of one side and one of the other, each the
// other's closest (mutual best cosine), neither's stem anywhere in the
// other statement (a word moved is no replacement). Each becomes a
// one-word wording, with the particle after a verb ("handing over") and
// the article before a noun ("the transfer").
func inside(p UnitPair, pa, pb []token.Token, a0, a1, b0, b1 int) []Replacement {
	stemsOf := func(ts []token.Token) map[string]bool {
		m := map[string]bool{}
		for _, t := range ts {
			m[t.Stem] = true
		}
		return m
	}
	inA, inB := stemsOf(pa), stemsOf(pb)
	type w struct {
		k int
		v wordvec.Vec
	}
	cands := func(ts []token.Token, lo, hi int, other map[string]bool, s Span) []w {
		var out []w
		for k := lo; k < hi; k++ {
			t := ts[k]
			if t.Kind != token.Word || t.Stop || other[t.Stem] || lists.particle[t.Norm] || lists.number[t.Norm] || lists.reporting[t.Norm] || lists.light[t.Norm] || capitalised(t.Text) || !letters(t.Norm) || utf8.RuneCountInString(t.Norm) < 3 {
				continue
			}
			if actKind(ts, k, s.s.verbStems) == 0 {
				continue
			}
			if v, ok := wordvec.Lookup(t.Norm); ok {
				out = append(out, w{k, v})
			}
		}
		return out
	}
	xs, ys := cands(pa, a0, a1, inB, p.A), cands(pb, b0, b1, inA, p.B)
	if len(xs) == 0 || len(ys) == 0 {
		return nil
	}
	cos := make([][]float64, len(xs))
	for i, x := range xs {
		cos[i] = make([]float64, len(ys))
		for j, y := range ys {
			cos[i][j] = wordvec.Cosine(x.v, y.v)
		}
	}
	var out []Replacement
	for i := range xs {
		if len(ys) == 0 {
			break
		}
		j := 0
		for jj := range ys {
			if cos[i][jj] > cos[i][j] {
				j = jj
			}
		}
		mutual := true
		for ii := range xs {
			if cos[ii][j] > cos[i][j] {
				mutual = false
			}
		}
		if !mutual || actKind(pa, xs[i].k, p.A.s.verbStems) != actKind(pb, ys[j].k, p.B.s.verbStems) {
			continue // a verb and a noun: "agreed" / "decision" are not one wording's alternatives
		}
		ra := widen(pa, xs[i].k, a0, a1)
		rb := widen(pb, ys[j].k, b0, b1)
		out = append(out, Replacement{p, [2]int{p.A.T0 + ra[0], p.A.T0 + ra[1]}, [2]int{p.B.T0 + rb[0], p.B.T0 + rb[1]}, false, true, false})
	}
	return out
}

// actKind tells whether token k of ts stands for an act, and how: 1, a
// verb form ("-ed", "-ing"; a word after "to" or a modal); 2, a noun of
// an act after an article or possessive that no other noun follows ("the
// transfer", "its acquisition of"): a nominalisation, or a word the event
// also writes as a verb (verbStems); 0, no act: modifiers ("peace" of
// "peace talks") and things ("missile").
func actKind(ts []token.Token, k int, verbStems map[string]bool) int {
	t := ts[k]
	if verbForm(t.Norm) || k > 0 && lists.verbCue[ts[k-1].Norm] {
		return 1
	}
	if k == 0 || !lists.nounCue[ts[k-1].Norm] && !strings.HasSuffix(ts[k-1].Norm, "'s") {
		return 0
	}
	if k+1 < len(ts) && ts[k+1].Kind == token.Word && !ts[k+1].Stop {
		return 0 // a modifier of the next word
	}
	if verbStems[t.Stem] || nominal(t.Norm) {
		return 2
	}
	return 0
}

func verbForm(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
}

func nominal(w string) bool {
	for _, suf := range lists.nominal {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// widen extends the one-word wording at token k, within [lo, hi), by a
// particle after it ("handing over") or an article before it ("the
// transfer").
func widen(ts []token.Token, k, lo, hi int) [2]int {
	r := [2]int{k, k + 1}
	if k+1 < hi && lists.particle[ts[k+1].Norm] {
		r[1]++
	} else if k-1 >= lo && (ts[k-1].Norm == "the" || ts[k-1].Norm == "a" || ts[k-1].Norm == "an") {
		r[0]--
	}
	return r
}

// anchored: the same word stands right before both sides, or right after
// both (punctuation breaks an anchor).
func anchored(pa, pb []token.Token, a0, a1, b0, b1 int) bool {
	word := func(t token.Token) bool { return t.Kind == token.Word || t.Kind == token.Number }
	if a0 > 0 && b0 > 0 && word(pa[a0-1]) && pa[a0-1].Norm == pb[b0-1].Norm {
		return true
	}
	return a1 < len(pa) && b1 < len(pb) && word(pa[a1]) && pa[a1].Norm == pb[b1].Norm
}

// Candidates runs passes 2 to 4 on the unit pairs: every replacement
// whose sides are short content wordings, not one word twice, with the
// cosine of their closest content words (pairs without vectors left
// out). The caller keeps those at or above its threshold.
func Candidates(ev *Event, pairs []UnitPair) []Pair {
	return candidates(ev, Replacements(pairs), -1)
}

// candidates asks WordNet about a pair only when its cosine reaches
// floor (below it no relation could make it an alternative): a few
// microseconds a pair, the dearest step of the pass on a long event.
func candidates(ev *Event, reps []Replacement, floor float64) []Pair {
	var out []Pair
	for _, r := range reps {
		ka, va, ok1 := ev.side(r.P.A.s, r.A)
		kb, vb, ok2 := ev.side(r.P.B.s, r.B)
		if !ok1 || !ok2 || shareStem(ka, kb) || shareStem(norms(r.P.A.s, r.A), norms(r.P.B.s, r.B)) {
			continue
		}
		cos, ok := best(va, vb)
		if !ok {
			continue
		}
		rel := wordnet.None
		if cos >= floor {
			rel = relation(ev.forms(r.P.A.s, r.A), ev.forms(r.P.B.s, r.B))
		}
		out = append(out, Pair{A: ev.wording(r.P.A.s, r.A, ka), B: ev.wording(r.P.B.s, r.B, kb), Cosine: cos, Relation: rel, Quote: r.P.Quote, Near: r.Near, Inside: r.Inside, Args: r.Args})
	}
	return out
}

// side is pass 3 for one side: its content stems and their words'
// vectors, if it is a short wording of content words, no name, number or
// listed word among them.
func (ev *Event) side(s *sentence, r [2]int) ([]string, []wordvec.Vec, bool) {
	toks := s.toks[r[0]:r[1]]
	var stems []string
	var vecs []wordvec.Vec
	n := 0
	for k, t := range toks {
		switch t.Kind {
		case token.Word:
			n++
		case token.Punct:
			return nil, nil, false // a side is a phrase: no comma, stop or quotation mark inside
		default:
			return nil, nil, false // numbers, symbols
		}
		at := r[0] + k
		if ev.name(s, at) {
			return nil, nil, false
		}
		if t.Stop || utf8.RuneCountInString(t.Norm) < 2 || lists.particle[t.Norm] {
			continue
		}
		if lists.number[t.Norm] {
			return nil, nil, false
		}
		if lists.reporting[t.Norm] || ev.said[t.Norm] || lists.light[t.Norm] {
			continue
		}
		if !letters(t.Norm) {
			return nil, nil, false
		}
		stems = append(stems, t.Stem)
		if v, ok := wordvec.Lookup(t.Norm); ok {
			vecs = append(vecs, v)
		}
	}
	if n == 0 || n > maxWords || len(stems) == 0 {
		return nil, nil, false
	}
	return stems, vecs, true
}

// forms are what of a side WordNet is asked about: the side as written
// without a determiner or possessive in front ("handing over", "the
// transfer" → "transfer"), and each of its content words.
func (ev *Event) forms(s *sentence, r [2]int) []string {
	toks := s.toks[r[0]:r[1]]
	for len(toks) > 1 && (toks[0].Stop && !lists.particle[toks[0].Norm]) {
		toks = toks[1:]
	}
	var words []string
	for _, t := range toks {
		words = append(words, t.Norm)
	}
	out := []string{strings.Join(words, " ")}
	if len(toks) > 1 {
		for _, t := range toks {
			if !t.Stop && !lists.particle[t.Norm] {
				out = append(out, t.Norm)
			}
		}
	}
	return out
}

// relation is the closest WordNet relation between a form of one side and
// a form of the other; opposites anywhere veto ("win" / "lose").
func relation(a, b []string) wordnet.Relation {
	best := wordnet.None
	for _, x := range a {
		for _, y := range b {
			switch r := wordnet.Relate(x, y); {
			case r == wordnet.Antonym:
				return r
			case r > best:
				best = r
			}
		}
	}
	return best
}

// name tells whether token k of s is (part of) a name: capitalised, and
// either inside a sentence not in title case, or a word the event never
// writes in lower case.
func (ev *Event) name(s *sentence, k int) bool {
	t := s.toks[k]
	if !capitalised(t.Text) {
		return false
	}
	if k > 0 && !s.titleCase && !afterOpening(s.toks, k) {
		return true
	}
	return !ev.lower[t.Norm]
}

// afterOpening: token k follows an opening quotation mark or a colon,
// where a sentence may start again.
func afterOpening(toks []corpus.Token, k int) bool {
	p := toks[k-1]
	return p.Kind == token.Punct && strings.ContainsAny(p.Text, "\"“‘'«:(—")
}

func letters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

func shareStem(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || align.SpellingVariant(x, y) || prefixed(x, y) || prefixed(y, x) {
				return true
			}
		}
	}
	return false
}

// norms are the lower-case words of a side (stems can hide a prefix:
// "misspel" / "spell").
func norms(s *sentence, r [2]int) []string {
	var out []string
	for _, t := range s.plain[r[0]:r[1]] {
		if t.Kind == token.Word && !t.Stop {
			out = append(out, t.Norm)
		}
	}
	return out
}

// prefixed: stem x is stem y with a prefix ("misspel" / "spell",
// "re-elect" / "elect"): one word, said again or undone, not an
// alternative wording.
func prefixed(x, y string) bool {
	return utf8.RuneCountInString(y) >= 4 && len(x) > len(y) && strings.HasSuffix(x, y)
}

// best is the highest cosine of a vector of a with one of b.
func best(a, b []wordvec.Vec) (float64, bool) {
	if len(a) == 0 || len(b) == 0 {
		return 0, false
	}
	out := -1.0
	for _, x := range a {
		for _, y := range b {
			out = max(out, wordvec.Cosine(x, y))
		}
	}
	return out, true
}

func (ev *Event) wording(s *sentence, r [2]int, key []string) Wording {
	t0, t1 := s.toks[r[0]], s.toks[r[1]-1]
	k := slices.Clone(key)
	slices.Sort(k)
	return Wording{Article: s.art, Sentence: s.sent, Start: t0.SrcStart, End: t1.SrcEnd, Text: s.text[t0.Start:t1.End], Context: s.text, Key: strings.Join(slices.Compact(k), " ")}
}

// Rows is pass 5: the candidate pairs joined by shared wordings (Key),
// each wording span once, rows of most reports first.
func Rows(pairs []Pair) []Row {
	keys := map[string]int{}
	var parent []int
	id := func(k string) int {
		if i, ok := keys[k]; ok {
			return i
		}
		keys[k] = len(parent)
		parent = append(parent, len(parent))
		return len(parent) - 1
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, p := range pairs {
		a, b := find(id(p.A.Key)), find(id(p.B.Key))
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	byRoot := map[int]*Row{}
	var order []int
	spans := map[[3]int]bool{}
	for _, p := range pairs {
		r := find(keys[p.A.Key])
		row := byRoot[r]
		if row == nil {
			row = &Row{}
			byRoot[r] = row
			order = append(order, r)
		}
		row.Pairs = append(row.Pairs, p)
		for _, w := range []Wording{p.A, p.B} {
			k := [3]int{w.Article, w.Start, w.End}
			if !spans[k] {
				spans[k] = true
				row.Wordings = append(row.Wordings, w)
			}
		}
	}
	var out []Row
	for _, r := range order {
		row := byRoot[r]
		slices.SortFunc(row.Wordings, func(a, b Wording) int {
			return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
		})
		// One act found twice in a sentence, with and without its
		// article ("the seizure", "seizure"): the longer wording stays.
		kept := row.Wordings[:0]
		for _, w := range row.Wordings {
			if n := len(kept); n > 0 && kept[n-1].Article == w.Article && w.Start < kept[n-1].End {
				continue
			}
			kept = append(kept, w)
		}
		row.Wordings = kept
		row.Label = label(row.Wordings)
		out = append(out, *row)
	}
	// A span in two rows (two pairs of one sentence overlapping): the
	// first row, by size, keeps it.
	slices.SortStableFunc(out, func(a, b Row) int {
		return cmp.Or(cmp.Compare(outlets(b), outlets(a)), cmp.Compare(len(b.Wordings), len(a.Wordings)), strings.Compare(a.Label, b.Label))
	})
	return dropOverlaps(out)
}

// dropOverlaps keeps each source span in the first row that has it, and
// the rows left with two wordings (by Key) in two reports or more.
func dropOverlaps(rows []Row) []Row {
	taken := map[int][][2]int{}
	var out []Row
	for _, r := range rows {
		var kept []Wording
		for _, w := range r.Wordings {
			if !slices.ContainsFunc(taken[w.Article], func(s [2]int) bool { return s[0] < w.End && w.Start < s[1] }) {
				kept = append(kept, w)
			}
		}
		r.Wordings = kept
		if outlets(r) < 2 || distinctKeys(r) < 2 {
			continue
		}
		for _, w := range kept {
			taken[w.Article] = append(taken[w.Article], [2]int{w.Start, w.End})
		}
		r.Label = label(r.Wordings)
		out = append(out, r)
	}
	return out
}

func outlets(r Row) int {
	seen := map[int]bool{}
	for _, w := range r.Wordings {
		seen[w.Article] = true
	}
	return len(seen)
}

func distinctKeys(r Row) int {
	seen := map[string]bool{}
	for _, w := range r.Wordings {
		seen[w.Key] = true
	}
	return len(seen)
}

// label is the commonest wording (lower case), ties to the one found
// first.
func label(ws []Wording) string {
	n := map[string]int{}
	best := ""
	for _, w := range ws {
		t := strings.ToLower(w.Text)
		n[t]++
		if best == "" || n[t] > n[best] {
			best = t
		}
	}
	return best
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

type wordLists struct {
	number, reporting, light, particle, verbCue, nounCue map[string]bool
	nominal                                              []string
}

// lists are the English word lists of the package (internal/english). A
// word of number, reporting, light or particle is never a wording of an act
// by itself: a side of a replacement whose content words are all in these
// lists is not a candidate.
var lists = wordLists{
	number:    keys(english.Map("cardinals"), english.Set("quantity-words")),
	reporting: english.Set("saying-words"),
	light:     english.Set("light-words"),
	particle:  particles(),
	verbCue:   english.Set("auxiliaries", "verb-cues"),
	nounCue:   english.Set("determiners", "noun-cues"),
	nominal:   english.List("deverbal-suffixes"),
}

// keys adds the words of m to set.
func keys(m map[string]string, set map[string]bool) map[string]bool {
	for w := range m {
		set[w] = true
	}
	return set
}

// particles are the particles of phrasal verbs ("handing over") but "in",
// which after a verb is most often a preposition ("injured in").
func particles() map[string]bool {
	m := english.Set("particles")
	delete(m, "in")
	return m
}
