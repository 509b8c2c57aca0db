package frame

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/frame/predicate"
)

// Options tune Concepts.
type Options struct {
	// Given are the concepts matched from concept files (package
	// lexicon, its Match); their spans take precedence over anything
	// found in the text.
	Given []Concept
	// MinMentions is the least number of mentions a found concept needs
	// (default 2); lexicon concepts are kept from one.
	MinMentions int
	// Quotes are the event's quote groups (align.Quotes), read with the
	// claims for predicate rows (package frame/predicate).
	Quotes []align.QuoteCluster
}

// Concepts finds the things the reports of one event name, and every
// mention of each: the names of people and organisations with their short
// forms, titles and descriptions; noun phrases that refer to the same
// thing; spans that replace each other in the word diffs of aligned claims
// and quotes; and the phrases of the concept files given. Every source
// span is in one concept at most, and mentions do not overlap.
//
// Concepts come sorted: those joined by a head noun alone (Loose) last,
// since a wrong merge is what makes wordings differ and contrast alone
// would put errors first; before them, those whose outlets' wordings
// contrast, the surer first (Confidence); then by the number of outlets
// and of mentions.
//
// Cost: linear in the tokens of the event for finding mentions, plus a
// word diff per pair of aligned sentences of different reports, plus
// phrase lookups linear in tokens times the longest phrase.
func Concepts(arts []*corpus.Article, claims []align.Claim, opt Options) []Concept {
	if opt.MinMentions == 0 {
		opt.MinMentions = 2
	}
	e := newEvent(arts)
	e.findNames()
	e.clusterNames()
	e.aliases()
	e.withArticle()
	e.resolvePhrases()
	e.namePhrases()
	e.mine(claims)
	e.spread()
	return e.concepts(opt.Given, predicates(predicate.Find(arts, claims, opt.Quotes, predicate.Options{})), opt.MinMentions)
}

// predicates turns predicate rows into concepts.
func predicates(rows []predicate.Row) []Concept {
	var out []Concept
	for _, r := range rows {
		c := Concept{Label: r.Label, Source: Predicate}
		for _, w := range r.Wordings {
			c.Mentions = append(c.Mentions, Mention{Article: w.Article, Sentence: w.Sentence, Start: w.Start, End: w.End, Text: w.Text})
		}
		out = append(out, c)
	}
	return out
}

// tunit is a sentence (or a title) with its tokens.
type tunit struct {
	art, sent int
	toks      []corpus.Token
	// titleCase: most of its words are capitalised, as in a headline,
	// whatever its place (a headline kept as the first sentence).
	titleCase bool
}

// titleCase tells whether a sentence is written as a headline: four words
// or more, four in five of those that are not stopwords capitalised.
func titleCase(toks []corpus.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.Kind == token.Word && !t.Stop {
			words++
			if capitalised(t.Text) {
				caps++
			}
		}
	}
	return words >= 4 && caps*5 >= words*4
}

// mkind is what a candidate mention is.
type mkind int8

const (
	kName   mkind = iota // a run of capitalised words
	kDesc                // a description set before a name: "Norland leader Han Sol Mi"
	kPhrase              // a noun phrase: "the summit", "North Korea's leader"
	kMined               // a span that replaced another in an aligned pair
)

// tcand is a candidate mention.
type tcand struct {
	u          int // tunit index
	t0, t1     int // token range [t0, t1) in the tunit
	start, end int // source runes
	kind       mkind
	seq        []string // names: the words, lower case, hyphenated parts apart, honorifics dropped
	key        []string // names: the stems of those words, by which forms are compared
	mods       []string // phrases and descriptions: stems of the words before the head
	head       string   // phrases and descriptions: the head noun's form (see headForm)
	name       int      // descriptions: the candidate of the name described
	cluster    int
	article    bool // a name with "the" before it (withArticle)
}

type tevent struct {
	arts  []*corpus.Article
	units []tunit
	cands []tcand
	// midCap: words seen capitalised inside a sentence, so that a
	// capitalised first word counts as a name only if it is one elsewhere.
	midCap map[string]bool
	// leads: words that start a run of capitalised words with no "of"
	// before ("South" in "South Korea said"): the start of a name of its
	// own.
	leads map[string]bool
	// nounish: words seen right after a determiner ("the X"): nouns, or
	// adjectives, but not verbs.
	nounish   map[string]bool
	nounStems map[string]bool    // the stems of the nounish words
	lowered   map[string]bool    // words (Norm) seen in lower case mid-sentence: not given names
	lowStems  map[string]bool    // their stems
	acronym   map[string]bool    // words seen written in capitals ("GRPA", "G.R.P.A.")
	unitCands [][]int            // candidates by unit, built when mining starts
	candIdx   map[int]*candIndex // of long units' candidates (see covering)
	byHead    map[string]int     // noun-phrase concepts by the stem of their head (the first, when forms share a stem)
	verbs     map[string]bool    // words seen right after a subject pronoun or "to": verbs
	verbAt    map[[2]int]bool    // (unit, token) read as a verb where it stands: "needs" in "a treaty needs to"
	plural    map[string]bool    // words whose plural (-s, -es) the event has
	// premod: words that, in most of their uses, stand before another
	// word in lower case, not a known verb ("nuclear" in "nuclear
	// tests"): modifiers. An agent noun is a head ("the minister spoke").
	premod map[string]bool
	// sayVerbs: the verbs that introduce the event's quotes ("states").
	sayVerbs map[string]bool
	uf       []int // union-find over clusters
	kinds    []mkind
	mined    []bool
	aliased  []bool // joined by an alias statement
	// namedPhrases: a noun phrase and the name an alias statement gives it
	// ("the fisheries deal known as the Joint Pact"), joined once phrases
	// have their concepts.
	namedPhrases [][2]int
}

func newEvent(arts []*corpus.Article) *tevent {
	e := &tevent{arts: arts, midCap: map[string]bool{}, leads: map[string]bool{}, verbAt: map[[2]int]bool{}, nounish: map[string]bool{}, nounStems: map[string]bool{}, lowered: map[string]bool{}, lowStems: map[string]bool{}, acronym: map[string]bool{}}
	for ai, a := range arts {
		if a.TitleSpan != nil && utf8.RuneCountInString(a.Title) == a.TitleSpan.End-a.TitleSpan.Start {
			toks := a.TitleTokens()
			ct := make([]corpus.Token, len(toks))
			for k, t := range toks {
				s := a.TitleSpan.Start + utf8.RuneCountInString(a.Title[:t.Start])
				ct[k] = corpus.Token{Token: t, SrcStart: s, SrcEnd: s + utf8.RuneCountInString(t.Text)}
			}
			e.units = append(e.units, tunit{art: ai, sent: -1, toks: ct, titleCase: true})
		}
		for si := range a.Sentences {
			toks := a.SentenceTokens(si)
			e.units = append(e.units, tunit{art: ai, sent: si, toks: toks, titleCase: titleCase(toks)})
		}
	}
	between := map[string]bool{}
	var afterPoss [][2]string // a word after a possessive, and the lower-case word after it
	verbs := map[string]bool{}
	for _, u := range e.units {
		if u.titleCase {
			continue // headlines capitalise every word
		}
		first := true
		for k, t := range u.toks {
			if t.Kind != token.Word {
				continue
			}
			if !first && capitalised(t.Text) {
				e.midCap[t.Norm] = true
				if k == 0 || !capitalised(u.toks[k-1].Text) && u.toks[k-1].Norm != "of" {
					e.leads[t.Norm] = true
				}
			}
			if !first && !capitalised(t.Text) {
				e.lowered[t.Norm] = true
				e.lowStems[t.Stem] = true
			}
			if allCaps(t.Text) {
				e.acronym[t.Norm] = true
			}
			first = false
			// "Northland dictator Omar Vell", "Korea's leader": a word
			// between a name and a name of two words or more, or after a
			// possessive, is a noun too.
			// After a possessive, see below.
			if lowerWord(t) && k > 0 && k+1 < len(u.toks) && capitalised(u.toks[k-1].Text) {
				if capitalised(u.toks[k+1].Text) && k+2 < len(u.toks) && capitalised(u.toks[k+2].Text) {
					between[t.Norm] = true
				} else if possessive(u.toks[k-1]) {
					next := ""
					if lowerWord(u.toks[k+1]) {
						next = u.toks[k+1].Norm
					}
					afterPoss = append(afterPoss, [2]string{t.Norm, next})
				}
			}
			// After a subject pronoun or "to", a word is a verb.
			if lowerWord(t) && k > 0 && subjects[u.toks[k-1].Norm] {
				verbs[t.Norm] = true
			}
			// "the X": X is a noun, unless a name follows ("the southern
			// Silver Isles": there X describes the name); nor after a
			// "that" that starts a clause ("weapons that pose a threat").
			if determiner(t) && k+1 < len(u.toks) && lowerWord(u.toks[k+1]) && !postDeterminers[u.toks[k+1].Norm] &&
				(t.Norm != "that" || k+2 >= len(u.toks) || !determiner(u.toks[k+2]) && !capitalised(u.toks[k+2].Text) && !pronouns[u.toks[k+2].Norm]) &&
				(k+2 >= len(u.toks) || !capitalised(u.toks[k+2].Text)) &&
				!((singularDets[t.Norm] || t.Norm == "that") && pluralLike(u.toks[k+1].Norm)) { // "that includes": a verb
				e.nounish[u.toks[k+1].Norm] = true
				e.nounStems[u.toks[k+1].Stem] = true
			}
		}
	}
	e.verbs = verbs
	norms := map[string]bool{}
	for _, u := range e.units {
		for _, t := range u.toks {
			if t.Kind == token.Word {
				norms[t.Norm] = true
			}
		}
	}
	e.sayVerbs = map[string]bool{}
	for _, a := range arts {
		for _, q := range a.Quotes {
			if q.Verb != "" {
				e.sayVerbs[strings.ToLower(q.Verb)] = true
			}
		}
	}
	// How often each lower-case word stands before another.
	uses, before := map[string]int{}, map[string]int{}
	for _, u := range e.units {
		for k, t := range u.toks {
			if lowerWord(t) {
				uses[t.Norm]++
				// (before a name too: "former President Vell", "the
				// former Norland envoy")
				if next := k + 1; next < len(u.toks) && (lowerWord(u.toks[next]) && !verbs[u.toks[next].Norm] && !e.sayVerbs[u.toks[next].Norm] && !pastForm(u.toks[next].Norm) || u.toks[next].Kind == token.Word && capitalised(u.toks[next].Text)) {
					before[t.Norm]++
				}
			}
		}
	}
	e.premod = map[string]bool{}
	for w, n := range uses {
		if n >= minPremodUses && before[w]*4 >= n*3 && !agent(w) {
			e.premod[w] = true
		}
	}
	e.plural = map[string]bool{}
	for w := range norms {
		if strings.HasSuffix(w, "s") {
			e.plural[w[:len(w)-1]] = true
			e.plural[strings.TrimSuffix(w, "es")] = true
		}
	}
	// A word after a possessive is a noun, unless a noun (a plural, say)
	// or an adjective follows it and it has no plural in the event:
	// "Norland's foreign minister", "Norland's domestic woes" (modifiers), but
	// "Norland's missile tests" ("missiles" is written).
	for _, p := range afterPoss {
		if n := p[1]; n == "" || !e.nounish[n] && !(agent(n) && !verbs[n]) && !e.adjective(n) && !pluralLike(n) || e.plural[p[0]] {
			between[p[0]] = true
		}
	}
	for w := range between {
		if !verbs[w] {
			e.nounish[w] = true
			for _, t := range token.Tokenize(w) {
				e.nounStems[t.Stem] = true
			}
		}
	}
	return e
}

func (e *tevent) newCluster(kind mkind) int {
	e.uf = append(e.uf, len(e.uf))
	e.kinds = append(e.kinds, kind)
	e.mined = append(e.mined, kind == kMined)
	e.aliased = append(e.aliased, false)
	return len(e.uf) - 1
}

func (e *tevent) find(c int) int {
	for e.uf[c] != c {
		e.uf[c] = e.uf[e.uf[c]]
		c = e.uf[c]
	}
	return c
}

func (e *tevent) union(a, b int) {
	a, b = e.find(a), e.find(b)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	e.uf[b] = a
	e.mined[a] = e.mined[a] || e.mined[b]
	e.aliased[a] = e.aliased[a] || e.aliased[b]
	if e.kinds[b] == kName {
		e.kinds[a] = kName
	}
}

// spread finds the phrases of each concept wherever else they occur (a
// headline in title case, a sentence-initial name, a bare head noun), so
// that a concept holds every mention, not only those found by shape.
func (e *tevent) spread() {
	type phr struct {
		words   []string
		cluster map[int]int
		name    bool // a name: matches only where capitalised ("US", not "us")
		stems   bool // words are stems: a wording mined from diffs matches in any inflection
	}
	byKey := map[string]*phr{}
	var keys []string
	add := func(words []string, cl int, name, stems bool) {
		if len(words) == 0 {
			return
		}
		k := strings.Join(words, " ")
		if stems {
			k = "s:" + k
		}
		p := byKey[k]
		if p == nil {
			p = &phr{words: words, cluster: map[int]int{}, stems: stems}
			byKey[k] = p
			keys = append(keys, k)
		}
		p.cluster[cl]++
		p.name = p.name || name
	}
	for i := range e.cands {
		c := &e.cands[i]
		if c.cluster < 0 {
			continue
		}
		cl := e.find(c.cluster)
		u := &e.units[c.u]
		var words []string
		for _, t := range u.toks[c.t0:c.t1] {
			if t.Kind == token.Word || t.Kind == token.Number {
				words = append(words, t.Norm)
			}
		}
		if c.kind == kPhrase || (c.kind == kName && len(words) > 0 && determiners[words[0]]) {
			words = words[1:] // "the summit" also stands as "summit"
			if c.kind == kPhrase && len(words) > 0 && e.isNoun(u.toks[c.t1-1]) {
				add(words[len(words)-1:], cl, false, false)
			}
		}
		add(words, cl, c.kind == kName, false)
		if c.kind == kMined {
			var ss []string
			for _, t := range u.toks[c.t0:c.t1] {
				if t.Kind == token.Word || t.Kind == token.Number {
					ss = append(ss, t.Stem)
				}
			}
			add(ss, cl, false, true)
		}
	}
	// Longest phrases first, each to its commonest concept.
	slices.SortStableFunc(keys, func(a, b string) int {
		return cmp.Compare(len(byKey[b].words), len(byKey[a].words))
	})
	taken := make([][]bool, len(e.units))
	for i := range e.units {
		taken[i] = make([]bool, len(e.units[i].toks))
	}
	for i := range e.cands {
		c := &e.cands[i]
		if c.cluster >= 0 {
			for k := c.t0; k < c.t1; k++ {
				taken[c.u][k] = true
			}
		}
	}
	index := map[string][]int{} // first word -> phrases
	for i, k := range keys {
		w := byKey[k].words[0]
		if byKey[k].stems {
			w = "s:" + w
		}
		index[w] = append(index[w], i)
	}
	for ui := range e.units {
		u := &e.units[ui]
		for k := 0; k < len(u.toks); k++ {
			t := u.toks[k]
			if taken[ui][k] || (t.Kind != token.Word && t.Kind != token.Number) {
				continue
			}
			for _, pi := range append(index[t.Norm], index["s:"+t.Stem]...) {
				p := byKey[keys[pi]]
				end, ok := matchWords(u.toks, taken[ui], k, p.words, p.stems)
				if !ok || (p.name && !capitalised(t.Text)) {
					continue
				}
				cl, _ := dominant(p.cluster, 1)
				if len(p.words) == 1 && !p.name && !e.mined[e.find(cl)] && (k > 0 && subjects[u.toks[k-1].Norm] || e.verbAt[[2]int{ui, k}]) {
					continue // a verb after its subject ("it needs") is not the noun; a mined act ("to return") is an act either way
				}
				e.cands = append(e.cands, tcand{u: ui, t0: k, t1: end, start: u.toks[k].SrcStart, end: u.toks[end-1].SrcEnd, kind: kPhrase, name: -1, cluster: cl})
				for m := k; m < end; m++ {
					taken[ui][m] = true
				}
				k = end - 1
				break
			}
		}
	}
}

// matchWords matches words (norms, or stems) against the word tokens of
// toks from k on (punctuation inside is not allowed), none of them taken;
// it returns the end of the match.
func matchWords(toks []corpus.Token, taken []bool, k int, words []string, stems bool) (int, bool) {
	j := k
	for _, w := range words {
		if j >= len(toks) || taken[j] || (!stems && toks[j].Norm != w) || (stems && toks[j].Stem != w) {
			return 0, false
		}
		j++
	}
	return j, true
}

// ment is a mention of a cluster, as concepts builds them.
type ment struct {
	Mention
	cluster int
	kind    mkind
	full    string // the full name it ends in (fullName), if a name
}

// fullNames counts, per cluster, the full names its mentions end in: each
// mention that stands alone, and each nested one inside a mention with no
// full name of its own ("Omar Vell" in "Union Chair Omar Vell" counts
// once, the whole; in "the union chair Omar Vell" the name counts).
func (e *tevent) fullNames(ms []ment) map[int]map[string]int {
	out := map[int]map[string]int{}
	count := func(cl int, name string) {
		if out[cl] == nil {
			out[cl] = map[string]int{}
		}
		out[cl][name]++
	}
	// The mentions with a full name that stand alone, per article, by
	// start, with the furthest end of those starting at or before each:
	// a nested mention is inside one of them if the furthest end before
	// its start reaches its end.
	type outer struct{ start, reach int }
	outers := map[int][]outer{}
	for _, m := range ms {
		if m.full != "" && !m.Nested {
			outers[m.Article] = append(outers[m.Article], outer{m.Start, m.End})
		}
	}
	for a, list := range outers {
		slices.SortFunc(list, func(x, y outer) int { return cmp.Compare(x.start, y.start) })
		for i := 1; i < len(list); i++ {
			list[i].reach = max(list[i].reach, list[i-1].reach)
		}
		outers[a] = list
	}
	for _, m := range ms {
		if m.full == "" {
			continue
		}
		if !m.Nested {
			count(m.cluster, m.full)
			continue
		}
		list := outers[m.Article]
		i, _ := slices.BinarySearchFunc(list, m.Start+1, func(o outer, x int) int { return cmp.Compare(o.start, x) })
		if i == 0 || list[i-1].reach < m.End {
			count(m.cluster, m.full)
		}
	}
	return out
}

// concepts turns the clusters into Concepts: lexicon spans first, then
// the longest mention wherever two overlap, then predicate rows (preds)
// on the spans left: a predicate wording that overlaps a span of another
// concept is left out (that concept, often the same act mined from the
// same diff, already shows it), and a predicate row is kept only while it
// still holds two wordings in two reports. (Letting predicate rows win
// over phrases and mined wordings instead lowered every NewsWCL50 figure
// a little: see NOTES-i20-pred.md.)
func (e *tevent) concepts(lex, preds []Concept, minMentions int) []Concept {
	var all []ment
	titles := e.nameTitles()
	for i := range e.cands {
		c := &e.cands[i]
		if c.cluster < 0 {
			continue
		}
		u := &e.units[c.u]
		all = append(all, ment{Mention{Article: u.art, Sentence: u.sent, Start: c.start, End: c.end, Text: e.spanText(c)}, e.find(c.cluster), c.kind, e.fullName(c, titles)})
	}
	var kept []ment
	// Per article, keep non-overlapping spans: lexicon first, then longer.
	sp := newSpans(len(e.arts), slices.Concat(lex, preds), all)
	for _, lc := range lex {
		for _, m := range lc.Mentions {
			sp.claim(m.Article, m.Start, m.End, claim{-1, kMined})
		}
	}
	slices.SortStableFunc(all, func(a, b ment) int {
		return cmp.Or(cmp.Compare(b.End-b.Start, a.End-a.Start), cmp.Compare(a.Article, b.Article), cmp.Compare(a.Start, b.Start))
	})
	byCluster := map[int][]Mention{}
	wkind := map[int]map[string]mkind{} // cluster → wording (Key) → the strongest kind it was found as
	seen := map[[3]int]bool{}
	for _, m := range all {
		key := [3]int{m.Article, m.Start, m.End}
		if seen[key] {
			continue // the same span found twice
		}
		// A span is free, or nested in a longer mention of its concept,
		// or a name inside a noun phrase of another concept ("President
		// Alma Rivera" in "President Alma Rivera's nominee"): both are
		// mentions, of different things.
		free, nested, clash := true, false, false
		sp.overlapping(m.Article, m.Start, m.End, func(s [2]int, o claim) bool {
			free = false
			within := s[0] <= m.Start && m.End <= s[1]
			switch {
			case within && o.cluster == m.cluster:
				nested = true
			case within && m.kind == kName && o.kind == kPhrase:
				// inside a phrase of another concept: fine
			default:
				clash = true
			}
			return !clash
		})
		switch {
		case clash:
			continue
		case free, !nested:
			sp.claim(m.Article, m.Start, m.End, claim{m.cluster, m.kind})
		default:
			m.Nested = true
		}
		seen[key] = true
		byCluster[m.cluster] = append(byCluster[m.cluster], m.Mention)
		if !m.Nested {
			if wkind[m.cluster] == nil {
				wkind[m.cluster] = map[string]mkind{}
			}
			k := Key(m.Text)
			if have, ok := wkind[m.cluster][k]; !ok || stronger(m.kind, have) {
				wkind[m.cluster][k] = m.kind
			}
		}
		kept = append(kept, m)
	}
	var keptPreds []Concept
	for _, pc := range preds {
		var ms []Mention
		touched := map[int]bool{} // the clusters that hold some of its wordings
		for _, m := range pc.Mentions {
			free := true
			sp.overlapping(m.Article, m.Start, m.End, func(_ [2]int, o claim) bool {
				free = false
				touched[o.cluster] = true
				return true
			})
			if free {
				ms = append(ms, m)
			}
		}
		if into, ok := joinable(touched, e.kinds); ok && len(ms) > 0 {
			// The act is already a row of another pass (often mined from
			// the same diff): its other wordings join that row.
			for _, m := range ms {
				sp.claim(m.Article, m.Start, m.End, claim{into, kMined})
				byCluster[into] = append(byCluster[into], m)
				if wkind[into] == nil {
					wkind[into] = map[string]mkind{}
				}
				if _, ok := wkind[into][Key(m.Text)]; !ok {
					wkind[into][Key(m.Text)] = kMined
				}
			}
			continue
		}
		pc.Mentions = ms
		if len(touched) > 0 || Outlets(pc) < 2 || !Differs(pc) {
			continue
		}
		for _, m := range ms {
			sp.claim(m.Article, m.Start, m.End, claim{-1, kMined})
		}
		keptPreds = append(keptPreds, pc)
	}
	fullNames := e.fullNames(kept)
	out := slices.Concat(lex, keptPreds)
	for cl, ms := range byCluster {
		top := 0
		for _, m := range ms {
			if !m.Nested {
				top++
			}
		}
		if top < minMentions {
			continue
		}
		src := Entity
		if e.mined[cl] {
			src = Mined
		}
		slices.SortFunc(ms, func(a, b Mention) int {
			return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Start, b.Start))
		})
		lbl := label(ms)
		if len(fullNames[cl]) > 0 {
			if name, ok := fullLabel(fullNames[cl], ms); ok {
				lbl = name
			}
		}
		c := Concept{Label: lbl, Source: src, Mentions: ms}
		if e.aliased[cl] {
			c.Tags = []string{TagAlias}
		}
		ev := evidence{alias: e.aliased[cl], wordings: len(wkind[cl])}
		for _, k := range wkind[cl] {
			switch k {
			case kName, kDesc:
				ev.names++
			case kPhrase:
				ev.phrases++
			case kMined:
				ev.mined++
			}
		}
		c.Confidence = confidence(ev)
		out = append(out, c)
	}
	for i := range out {
		if out[i].Mentions == nil {
			out[i].Mentions = []Mention{}
		}
		if out[i].Confidence == "" {
			out[i].Confidence = confidence(evidence{lexicon: out[i].Source == Lexical, predicate: out[i].Source == Predicate})
		}
	}
	// Sorted by precomputed keys: Differs is not cheap.
	type keyed struct {
		c         Concept
		contrasts int
		differs   bool
		outlets   int
	}
	ks := make([]keyed, len(out))
	for i, c := range out {
		ks[i] = keyed{c, Contrasts(c), Differs(c), Outlets(c)}
	}
	slices.SortStableFunc(ks, func(x, y keyed) int {
		a, b := x.c, y.c
		return cmp.Or(
			// rows joined by a head noun alone last; among the others,
			// those whose wordings contrast first, the surer first
			-cmpBool(a.Confidence.Rank() > Loose.Rank(), b.Confidence.Rank() > Loose.Rank()),
			-cmpBool(x.contrasts > 0, y.contrasts > 0),
			cmp.Compare(b.Confidence.Rank(), a.Confidence.Rank()),
			-cmpBool(x.contrasts > 0 && Telling(a), y.contrasts > 0 && Telling(b)),
			-cmpBool(x.differs, y.differs),
			cmp.Compare(y.contrasts, x.contrasts),
			cmp.Compare(y.outlets, x.outlets),
			cmp.Compare(len(b.Mentions), len(a.Mentions)),
			strings.Compare(a.Label, b.Label),
			cmp.Compare(a.Mentions[0].Article, b.Mentions[0].Article),
			cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start))
	})
	for i := range ks {
		out[i] = ks[i].c
	}
	ids := map[string]int{}
	for i := range out {
		if out[i].ID == "" {
			out[i].ID = slug(out[i].Label)
		}
		id := out[i].ID
		if n := ids[id]; n > 0 {
			out[i].ID = id + "-" + strconv.Itoa(n+1)
		}
		ids[id]++
	}
	return out
}

// evidence is what joined the mentions of one concept: the counts of its
// wordings (by Key, nested mentions left out), each by the strongest way
// it was found (see stronger).
type evidence struct {
	lexicon   bool // a concept file's phrases
	alias     bool // a report says its names name one thing
	predicate bool // an act worded differently (package frame/predicate)
	wordings  int
	names     int // found as a name or a description set before one
	mined     int // found in the word diff of aligned sentences, or a writer's contrast
	phrases   int // found as a noun phrase only: joined by its head noun
}

// confidence is how sure the tool is that the mentions of a concept with
// evidence ev name one thing. A concept file, an alias statement or a
// single wording leave no doubt, and neither do the forms of one name nor
// wordings that replace each other in aligned sentences (with one noun
// phrase at most); noun phrases joined to a name through the titles and
// descriptions the reports give it ("the foreign minister") are likely,
// and so are the acts of package predicate;
// noun phrases joined by their head noun alone ("court", "system",
// "treaty" name different things) are loose.
func confidence(ev evidence) Confidence {
	switch {
	case ev.predicate:
		return Likely
	case ev.lexicon, ev.alias, ev.wordings <= 1:
		return Sure
	case ev.phrases >= 1 && ev.names >= 1:
		return Likely
	case ev.phrases >= 2:
		return Loose
	}
	return Sure
}

// joinable tells whether a predicate row whose wordings other concepts
// hold in part (touched: their clusters) may join the one that holds them:
// only one concept, found in the text (not a concept file's), and not a
// name (an act is not a person or a place).
func joinable(touched map[int]bool, kinds []mkind) (int, bool) {
	if len(touched) != 1 {
		return 0, false
	}
	for c := range touched {
		return c, c >= 0 && kinds[c] != kName
	}
	return 0, false
}

// stronger tells whether a wording found as kind a is better evidence
// than one found as b: a name or description over a mined span over a
// noun phrase (spread finds a concept's wordings again as phrases).
func stronger(a, b mkind) bool {
	rank := func(k mkind) int {
		switch k {
		case kName, kDesc:
			return 3
		case kMined:
			return 2
		}
		return 1
	}
	return rank(a) > rank(b)
}

// fullName is the full proper name that name candidate c ends in, "" if
// none: two words or more after its titles and honorifics, none of them
// a common noun ("Omar Vell" of "President Omar Vell"; none in "Vell" or
// "Mr. Vell"). It labels its concept best.
func (e *tevent) fullName(c *tcand, titles map[string]bool) string {
	if c.kind != kName {
		return ""
	}
	toks := e.units[c.u].toks
	k := c.t0
	for k < c.t1 && (toks[k].Kind != token.Word || honorifics[toks[k].Norm] || titles[toks[k].Norm]) {
		k++
	}
	var key []string
	for _, t := range toks[k:c.t1] {
		if t.Kind == token.Word {
			if honorifics[t.Norm] || titles[t.Norm] {
				return ""
			}
			key = append(key, t.Stem)
		}
	}
	if len(key) < 2 || !e.properName(key) {
		return ""
	}
	text := e.spanText(c)
	return text[toks[k].Start-toks[c.t0].Start:]
}

// nameTitles are the capitalised words that stand before two different
// words in the names of the event, one of them a given name (a word other
// words follow): "President" in "President Omar Vell" and "President
// Vell". A given name stands before one word ("Omar" of "Omar Vell"; "Han"
// of "Han Sol Mi"), or before surnames only ("Alma" of "Alma Rivera" and
// "Alma Vell"); initials and "Jr." do not count ("Omar T. Vell", "Omar
// Jr.").
func (e *tevent) nameTitles() map[string]bool {
	after := map[string][]string{} // word -> the words after it, in order of first sight
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind != kName {
			continue
		}
		toks := e.units[c.u].toks[c.t0:c.t1]
		for k := 0; k+1 < len(toks); k++ {
			a, b := toks[k], toks[k+1]
			an, bn := bareWord(a.Norm), bareWord(b.Norm)
			bn, _, _ = strings.Cut(bn, "-") // "Sol-mi" and "Sol Mi" are one spelling
			if a.Kind != token.Word || b.Kind != token.Word || utf8.RuneCountInString(bn) < 2 || generational[bn] {
				continue
			}
			if !slices.Contains(after[an], bn) {
				after[an] = append(after[an], bn)
			}
		}
	}
	out := map[string]bool{}
	for w, next := range after {
		if len(next) < 2 {
			continue
		}
		for _, n := range next {
			if len(after[n]) > 0 {
				out[w] = true
				break
			}
		}
	}
	return out
}

// bareWord is a word without a final full stop or 's ("jr" of "Jr.",
// "vell" of "Vell's").
func bareWord(w string) string {
	return noPoss(strings.TrimSuffix(w, "."))
}

// upper: text without a lower-case letter ("PORT SILVER", a dateline).
func upper(s string) bool { return strings.ToUpper(s) == s }

// fullLabel picks the commonest full name of a concept (on a tie the one
// not in capitals, then the shorter: "Omar Vell" before "Union Chair Omar
// Vell"), provided most of its mentions end in a word of that name ("Mr.
// Vell", "Han" of "Han Sol Mi") and its other full names share a word with
// it: a concept that a name joined by chance, or that has two names, keeps
// its commonest wording as its label.
func fullLabel(names map[string]int, ms []Mention) (string, bool) {
	best := ""
	for t, n := range names {
		if best == "" || n > names[best] || n == names[best] && (upper(best) && !upper(t) || upper(t) == upper(best) && shorterForm(t, best)) {
			best = t
		}
	}
	words := strings.Fields(Key(best))
	for t := range names {
		if !slices.ContainsFunc(strings.Fields(Key(t)), func(w string) bool { return slices.Contains(words, w) }) {
			return "", false // two names of one thing ("the Silver Isles", "the Grey Rocks"): neither is the label
		}
	}
	n := 0
	for _, m := range ms {
		k := Key(m.Text)
		if slices.Contains(words, k[strings.LastIndexByte(k, ' ')+1:]) {
			n++
		}
	}
	return best, 2*n >= len(ms)
}

func (e *tevent) spanText(c *tcand) string {
	u := &e.units[c.u]
	a := e.arts[u.art]
	s := u.toks[c.t0].Start
	end := u.toks[c.t1-1].End
	text := a.Title
	if u.sent >= 0 {
		text = a.Sentences[u.sent].Text
	}
	out := text[s:end]
	if (c.kind == kName || c.kind == kPhrase) && c.end < u.toks[c.t1-1].SrcEnd {
		out = noPoss(out)
	}
	return out
}
