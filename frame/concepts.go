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
// The pipeline: newStats reads the whole event once (which words are seen
// capitalised mid-sentence, after a determiner, after a subject, before
// another word...: stats, never written after); then the passes, in the
// order of the list passes, add candidate mentions and join them into
// clusters (found): names, cluster-names, aliases, with-article,
// resolve-phrases, name-phrases, mine, spread. concepts then keeps the
// concept files' spans first and the longest mention wherever two
// overlap, and labels, rates and sorts the clusters. The English word
// lists the finder reads (determiners, honorifics, irregular past
// forms...) are data files in internal/english/lists.
//
// Concepts come sorted: those joined by a head noun alone (Loose) last,
// since a wrong merge is what makes wordings differ and contrast alone
// would put errors first; before them, those whose outlets' wordings
// contrast, the surer first (Confidence); then by the number of outlets
// and of mentions.
//
// Cost: linear in the tokens of the event for the statistics and for
// finding mentions, plus a word diff per pair of aligned sentences of
// different reports (mine), plus phrase lookups linear in tokens times the
// longest phrase (spread and the concept files).
func Concepts(arts []*corpus.Article, claims []align.Claim, opt Options) []Concept {
	if opt.MinMentions == 0 {
		opt.MinMentions = 2
	}
	e := newEvent(arts, claims)
	e.runPasses("")
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

// A pass is one step of the concept finder: it reads the statistics of
// the event and what the passes before it found, and adds candidate
// mentions or joins their clusters.
type pass struct {
	name string
	run  func(*tevent)
}

// passes are the steps of the concept finder in the order they run; each
// needs what those before it found (see each function's comment).
var passes = []pass{
	{"names", (*tevent).findNames},                // names, descriptions and noun phrases of every unit
	{"cluster-names", (*tevent).clusterNames},     // the forms of one name together, acronyms with their names
	{"aliases", (*tevent).aliases},                // the names an alias statement gives one thing
	{"with-article", (*tevent).withArticle},       // "the GRPA" a mention of "GRPA" too
	{"resolve-phrases", (*tevent).resolvePhrases}, // noun phrases to the entity they describe, or by head
	{"name-phrases", (*tevent).namePhrases},       // a phrase an alias statement names, to the name's concept
	{"mine", (*tevent).mine},                      // wordings that replace each other in aligned sentences
	{"spread", (*tevent).spread},                  // each concept's phrases wherever else they stand
}

// runPasses runs the passes in order, up to and including the one named
// last ("": all of them). It panics on a name that is no pass.
func (e *tevent) runPasses(last string) {
	if last != "" && !slices.ContainsFunc(passes, func(p pass) bool { return p.name == last }) {
		panic("frame: no pass " + strconv.Quote(last))
	}
	for _, p := range passes {
		p.run(e)
		if p.name == last {
			return
		}
	}
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

// found is what the passes build and change: the candidate mentions and
// the clusters that join them (a union-find), with what each cluster is.
// The statistics of the event (stats) are read, never written.
type found struct {
	cands []tcand
	uf    []int // union-find over clusters
	kinds []mkind
	// mined: a cluster joined through a word diff or a contrast (mine).
	mined   []bool
	aliased []bool // joined by an alias statement
	// namedPhrases: a noun phrase and the name an alias statement gives it
	// ("the fisheries deal known as the Joint Pact"), joined once phrases
	// have their concepts.
	namedPhrases [][2]int
	verbAt       map[[2]int]bool    // (unit, token) read as a verb where it stands: "needs" in "a treaty needs to"
	byHead       map[string]int     // noun-phrase concepts by the stem of their head (the first, when forms share a stem)
	unitCands    [][]int            // candidates by unit, built when mining starts
	candIdx      map[int]*candIndex // of long units' candidates (see covering)
}

// tevent is one run of the concept finder over an event: the statistics
// it reads, the aligned claims mine diffs, and the candidates and
// clusters its passes build.
type tevent struct {
	*stats
	claims []align.Claim
	found
}

func newEvent(arts []*corpus.Article, claims []align.Claim) *tevent {
	return &tevent{stats: newStats(arts), claims: claims, found: found{verbAt: map[[2]int]bool{}}}
}

func (f *found) newCluster(kind mkind) int {
	f.uf = append(f.uf, len(f.uf))
	f.kinds = append(f.kinds, kind)
	f.mined = append(f.mined, kind == kMined)
	f.aliased = append(f.aliased, false)
	return len(f.uf) - 1
}

func (f *found) find(c int) int {
	for f.uf[c] != c {
		f.uf[c] = f.uf[f.uf[c]]
		c = f.uf[c]
	}
	return c
}

func (f *found) union(a, b int) {
	a, b = f.find(a), f.find(b)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	f.uf[b] = a
	f.mined[a] = f.mined[a] || f.mined[b]
	f.aliased[a] = f.aliased[a] || f.aliased[b]
	if f.kinds[b] == kName {
		f.kinds[a] = kName
	}
}

// spread finds the phrases of each concept wherever else they occur (a
// headline in title case, a sentence-initial name, a bare head noun), so
// that a concept holds every mention, not only those found by shape. It
// reads the clustered candidates; it adds phrase candidates on tokens no
// candidate holds, longest phrases first, each to its commonest concept.
func (e *tevent) spread() {
	pt := e.conceptPhrases()
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
	for i, k := range pt.keys {
		w := pt.byKey[k].words[0]
		if pt.byKey[k].stems {
			w = "s:" + w
		}
		index[w] = append(index[w], i)
	}
	for ui := range e.units {
		e.spreadIn(ui, pt, taken[ui], index)
	}
}

// spreadPhrase is one wording of the concepts, as spread looks for it.
type spreadPhrase struct {
	words   []string
	cluster map[int]int // the concepts that have it, with how often
	name    bool        // a name: matches only where capitalised ("US", not "us")
	stems   bool        // words are stems: a wording mined from diffs matches in any inflection
}

// phraseTable holds the wordings of the concepts by key, the keys longest
// wording first.
type phraseTable struct {
	byKey map[string]*spreadPhrase
	keys  []string
}

func (pt *phraseTable) add(words []string, cl int, name, stems bool) {
	if len(words) == 0 {
		return
	}
	k := strings.Join(words, " ")
	if stems {
		k = "s:" + k
	}
	p := pt.byKey[k]
	if p == nil {
		p = &spreadPhrase{words: words, cluster: map[int]int{}, stems: stems}
		pt.byKey[k] = p
		pt.keys = append(pt.keys, k)
	}
	p.cluster[cl]++
	p.name = p.name || name
}

// conceptPhrases lists the wordings of the clustered candidates: each
// one's words; a phrase's without its determiner ("the summit" also
// stands as "summit") and its head noun alone; a mined span's stems.
func (e *tevent) conceptPhrases() *phraseTable {
	pt := &phraseTable{byKey: map[string]*spreadPhrase{}}
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
				pt.add(words[len(words)-1:], cl, false, false)
			}
		}
		pt.add(words, cl, c.kind == kName, false)
		if c.kind == kMined {
			var ss []string
			for _, t := range u.toks[c.t0:c.t1] {
				if t.Kind == token.Word || t.Kind == token.Number {
					ss = append(ss, t.Stem)
				}
			}
			pt.add(ss, cl, false, true)
		}
	}
	// Longest phrases first, each to its commonest concept.
	slices.SortStableFunc(pt.keys, func(a, b string) int {
		return cmp.Compare(len(pt.byKey[b].words), len(pt.byKey[a].words))
	})
	return pt
}

// spreadIn adds, from left to right in unit ui, a phrase candidate for
// the first (longest) wording of pt that matches on free tokens: a name
// only where capitalised, a word of one word not where a verb stands.
func (e *tevent) spreadIn(ui int, pt *phraseTable, taken []bool, index map[string][]int) {
	u := &e.units[ui]
	for k := 0; k < len(u.toks); k++ {
		t := u.toks[k]
		if taken[k] || (t.Kind != token.Word && t.Kind != token.Number) {
			continue
		}
		for _, pi := range append(index[t.Norm], index["s:"+t.Stem]...) {
			p := pt.byKey[pt.keys[pi]]
			end, ok := matchWords(u.toks, taken, k, p.words, p.stems)
			if !ok || (p.name && !capitalised(t.Text)) {
				continue
			}
			cl, _ := dominant(p.cluster, 1)
			if len(p.words) == 1 && !p.name && !e.mined[e.find(cl)] && (k > 0 && subjects[u.toks[k-1].Norm] || e.verbAt[[2]int{ui, k}]) {
				continue // a verb after its subject ("it needs") is not the noun; a mined act ("to return") is an act either way
			}
			if len(p.words) == 1 && p.stems && t.Norm == t.Stem && end < len(u.toks) && u.toks[end].Kind == token.Word && !u.toks[end].Stop && !lyWord(u.toks[end].Norm) {
				continue // a mined act's bare stem before a content word modifies it ("rushed": the "rush" of "rush hour"): not the act
			}
			e.cands = append(e.cands, tcand{u: ui, t0: k, t1: end, start: u.toks[k].SrcStart, end: u.toks[end-1].SrcEnd, kind: kPhrase, name: -1, cluster: cl})
			for m := k; m < end; m++ {
				taken[m] = true
			}
			k = end - 1
			break
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
	sortConcepts(out)
	setIDs(out)
	return out
}

// sortConcepts orders concepts as Concepts returns them (see there).
func sortConcepts(out []Concept) {
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
}

// setIDs gives each concept without one the slug of its label, numbered
// from the second of one slug on ("port", "port-2").
func setIDs(out []Concept) {
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
func (s *stats) fullName(c *tcand, titles map[string]bool) string {
	if c.kind != kName {
		return ""
	}
	toks := s.units[c.u].toks
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
	if len(key) < 2 || !s.properName(key) {
		return ""
	}
	text := s.spanText(c)
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

func (s *stats) spanText(c *tcand) string {
	u := &s.units[c.u]
	a := s.arts[u.art]
	start, end := u.toks[c.t0].Start, u.toks[c.t1-1].End
	text := a.Title
	if u.sent >= 0 {
		text = a.Sentences[u.sent].Text
	}
	out := text[start:end]
	if (c.kind == kName || c.kind == kPhrase) && c.end < u.toks[c.t1-1].SrcEnd {
		out = noPoss(out)
	}
	return out
}
