package frame

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// Options tune Concepts.
type Options struct {
	// Lexicons are concept files; their phrases take precedence over
	// anything found in the text.
	Lexicons []*Lexicon
	// MinMentions is the least number of mentions a found concept needs
	// (default 2); lexicon concepts are kept from one.
	MinMentions int
}

// Concepts finds the things the reports of one event name, and every
// mention of each: the names of people and organisations with their short
// forms, titles and descriptions; noun phrases that refer to the same
// thing; spans that replace each other in the word diffs of aligned claims
// and quotes; and the phrases of the concept files given. Every source
// span is in one concept at most, and mentions do not overlap.
//
// Concepts come sorted: those whose outlets use different phrases first,
// then by the number of outlets and of mentions.
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
	e.mine(claims)
	e.spread()
	var lex []Concept
	for _, l := range opt.Lexicons {
		lex = append(lex, l.Match(arts)...)
	}
	return e.concepts(lex, opt.MinMentions)
}

// tunit is a sentence (or a title) with its tokens.
type tunit struct {
	art, sent int
	toks      []corpus.Token
}

// mkind is what a candidate mention is.
type mkind int8

const (
	kName   mkind = iota // a run of capitalised words
	kDesc                // a description set before a name: "North Korean leader Kim Jong Un"
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
	head       string   // phrases and descriptions: stem of the head noun
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
	// nounish: words seen right after a determiner ("the X"): nouns, or
	// adjectives, but not verbs.
	nounish   map[string]bool
	nounStems map[string]bool // the stems of the nounish words
	acronym   map[string]bool // words seen written in capitals ("DNC", "J.C.P.O.A.")
	unitCands [][]int         // candidates by unit, built when mining starts
	byHead    map[string]int  // noun-phrase concepts by the stem of their head
	verbs     map[string]bool // words seen right after a subject pronoun or "to": verbs
	uf        []int           // union-find over clusters
	kinds     []mkind
	mined     []bool
	aliased   []bool // joined by an alias statement
}

func newEvent(arts []*corpus.Article) *tevent {
	e := &tevent{arts: arts, midCap: map[string]bool{}, nounish: map[string]bool{}, nounStems: map[string]bool{}, acronym: map[string]bool{}}
	for ai, a := range arts {
		if a.TitleSpan != nil && utf8.RuneCountInString(a.Title) == a.TitleSpan.End-a.TitleSpan.Start {
			toks := token.Tokenize(a.Title)
			ct := make([]corpus.Token, len(toks))
			for k, t := range toks {
				s := a.TitleSpan.Start + utf8.RuneCountInString(a.Title[:t.Start])
				ct[k] = corpus.Token{Token: t, SrcStart: s, SrcEnd: s + utf8.RuneCountInString(t.Text)}
			}
			e.units = append(e.units, tunit{ai, -1, ct})
		}
		for si := range a.Sentences {
			e.units = append(e.units, tunit{ai, si, a.SentenceTokens(si)})
		}
	}
	between := map[string]bool{}
	verbs := map[string]bool{}
	for _, u := range e.units {
		if u.sent < 0 {
			continue // titles are often in title case
		}
		first := true
		for k, t := range u.toks {
			if t.Kind != token.Word {
				continue
			}
			if !first && capitalised(t.Text) {
				e.midCap[t.Norm] = true
			}
			if allCaps(t.Text) {
				e.acronym[t.Norm] = true
			}
			first = false
			// "Northland dictator Omar Vell", "Korea's leader": a word
			// between a name and a name of two words or more, or after a
			// possessive, is a noun too.
			if lowerWord(t) && k > 0 && k+1 < len(u.toks) && capitalised(u.toks[k-1].Text) &&
				(possessive(u.toks[k-1]) || (capitalised(u.toks[k+1].Text) && k+2 < len(u.toks) && capitalised(u.toks[k+2].Text))) {
				between[t.Norm] = true
			}
			// After a subject pronoun or "to", a word is a verb.
			if lowerWord(t) && k > 0 && subjects[u.toks[k-1].Norm] {
				verbs[t.Norm] = true
			}
			if determiner(t) && k+1 < len(u.toks) && lowerWord(u.toks[k+1]) {
				e.nounish[u.toks[k+1].Norm] = true // "the X": X is a noun
				e.nounStems[u.toks[k+1].Stem] = true
			}
		}
	}
	e.verbs = verbs
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

// subjects are the words after which a verb follows: subject pronouns and
// the "to" of an infinitive.
var subjects = map[string]bool{"i": true, "you": true, "he": true, "she": true, "we": true, "they": true, "who": true, "to": true, "will": true, "would": true, "could": true, "should": true, "must": true, "can": true, "may": true, "might": true}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true}

func determiner(t corpus.Token) bool { return t.Kind == token.Word && determiners[t.Norm] }

// isNoun tells whether a word was seen as a noun (its singular or plural
// counts too).
func (e *tevent) isNoun(t corpus.Token) bool {
	n := t.Norm
	return e.nounish[n] || e.nounish[strings.TrimSuffix(n, "s")] || e.nounish[n+"s"]
}

// honorifics are titles written short before a name ("Mr. Kim", "Sen.
// Sanders"): part of the name run, not of its words.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "rep": true, "sen": true, "gov": true,
	"gen": true, "prof": true, "rev": true, "sgt": true, "lt": true, "col": true, "capt": true}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// allCaps: two letters or more, all capitals (dots allowed).
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2
}

// lowerWord: a word in lower case that is not a stopword.
func lowerWord(t corpus.Token) bool {
	return t.Kind == token.Word && !t.Stop && !capitalised(t.Text) && utf8.RuneCountInString(t.Norm) > 1
}

func possessive(t corpus.Token) bool {
	return strings.HasSuffix(t.Text, "'s") || strings.HasSuffix(t.Text, "’s")
}

// isCap tells whether token k of u can be part of a name.
func (e *tevent) isCap(u *tunit, k int, first bool) bool {
	t := u.toks[k]
	if t.Kind != token.Word || !capitalised(t.Text) {
		return false
	}
	if honorifics[t.Norm] {
		return true
	}
	if t.Stop {
		return false
	}
	if first || u.sent < 0 {
		return e.midCap[t.Norm]
	}
	return true
}

// findNames collects the names, descriptions and noun phrases of every
// tunit.
func (e *tevent) findNames() {
	for ui := range e.units {
		u := &e.units[ui]
		first := true
		k := 0
		for k < len(u.toks) {
			t := u.toks[k]
			isFirst := first && t.Kind == token.Word
			if t.Kind == token.Word {
				first = false
			}
			if !e.isCap(u, k, isFirst) {
				if determiner(t) {
					k = e.phrase(ui, k)
					continue
				}
				if lowerWord(t) && !e.verbs[t.Norm] {
					k = e.barePhrase(ui, k)
					continue
				}
				k++
				continue
			}
			// A run of capitalised words; "Mr." keeps its full stop.
			j := k
			poss := false
			for j < len(u.toks) {
				if e.isCap(u, j, j == k && isFirst) {
					// "Mr." and initials ("Michael T. Flynn") keep their
					// full stop inside the run.
					if (honorifics[u.toks[j].Norm] || utf8.RuneCountInString(u.toks[j].Text) == 1) &&
						j+1 < len(u.toks) && u.toks[j+1].Text == "." && j+2 < len(u.toks) && e.isCap(u, j+2, false) {
						j += 2
						continue
					}
					j++
					if possessive(u.toks[j-1]) {
						poss = true
						break
					}
					continue
				}
				break
			}
			name := e.addName(ui, k, j, poss)
			if name < 0 {
				k = j
				continue
			}
			// What follows the run: "Korea's leader", "Korean leader Kim".
			words := 0
			// Up to two words in lower case, the last a noun ("nuclear
			// deal" after "Norland").
			for j+words < len(u.toks) && words < 2 && lowerWord(u.toks[j+words]) && !e.verbs[u.toks[j+words].Norm] {
				words++
			}
			for words > 0 && !e.isNoun(u.toks[j+words-1]) {
				words--
			}
			switch {
			case words == 1 && j+1 < len(u.toks) && e.isCap(u, j+1, false) && !poss && e.nounish[u.toks[j].Norm]:
				// (the noun itself seen after a determiner: "disputes"
				// in "Tokyo disputes Russian claims" is a verb)
				// a description before a name
				m := j + 2
				for m < len(u.toks) && e.isCap(u, m, false) && !possessive(u.toks[m-1]) {
					m++
				}
				if possessive(u.toks[m-1]) {
					m-- // "Kim's" stays a name run of its own
					if m <= j+1 {
						k = j + 1
						continue
					}
				}
				n := e.addName(ui, j+1, m, false)
				if n >= 0 {
					e.addDesc(ui, k, m, name, j, n)
				}
				k = m
			case words > 0:
				from := k
				if k > 0 && determiner(u.toks[k-1]) {
					from = k - 1 // "the North Korean leader"
				}
				e.addPhrase(ui, from, j+words, kPhrase)
				k = j + words
			default:
				k = j
			}
		}
	}
}

// phrase adds the determiner phrase starting at token k, if any, and
// returns where scanning goes on.
func (e *tevent) phrase(ui, k int) int {
	u := &e.units[ui]
	j := k + 1
	for j < len(u.toks) && j <= k+3 && (lowerWord(u.toks[j]) || (u.toks[j].Kind == token.Number && j == k+1)) {
		j++
	}
	if j == k+1 {
		return k + 1
	}
	// Trailing words that are never heads (verbs, mostly) stay out.
	for j > k+1 && !e.isNoun(u.toks[j-1]) {
		j--
	}
	if j == k+1 {
		return k + 1
	}
	e.addPhrase(ui, k, j, kPhrase)
	return j
}

// barePhrase adds the noun phrase without a determiner starting at token
// k ("classified information", "intercontinental ballistic missiles"), if
// it has two words or three and ends in a noun; it returns where scanning
// goes on.
func (e *tevent) barePhrase(ui, k int) int {
	u := &e.units[ui]
	j := k
	for j < len(u.toks) && j < k+3 && lowerWord(u.toks[j]) && !e.verbs[u.toks[j].Norm] {
		j++
	}
	end := j
	for end > k && !e.isNoun(u.toks[end-1]) {
		end--
	}
	if end-k < 2 {
		return k + 1
	}
	e.addPhrase(ui, k, end, kPhrase)
	return end
}

// addName adds the name run [t0, t1) of tunit ui and returns its candidate
// index, or -1 when the run holds no name.
func (e *tevent) addName(ui, t0, t1 int, poss bool) int {
	u := &e.units[ui]
	var seq, key []string
	for _, t := range u.toks[t0:t1] {
		if t.Kind != token.Word || honorifics[t.Norm] {
			continue
		}
		n := t.Norm
		if poss {
			n = strings.TrimSuffix(strings.TrimSuffix(n, "'s"), "’s")
		}
		for _, p := range strings.Split(n, "-") {
			if p != "" {
				seq = append(seq, p)
				key = append(key, stemOf(p))
			}
		}
	}
	if len(seq) == 0 || compound(u.toks[t0:t1]) {
		return -1
	}
	end := u.toks[t1-1].SrcEnd
	if poss {
		end -= 2 // the 's is not part of the name
	}
	e.cands = append(e.cands, tcand{u: ui, t0: t0, t1: t1, start: u.toks[t0].SrcStart, end: end, kind: kName, seq: seq, key: key, name: -1, cluster: -1})
	return len(e.cands) - 1
}

// compound: one word joining two capitalised names with a hyphen
// ("Trump-Abe summit", "Japan-Russia"), not a name of its own.
func compound(toks []corpus.Token) bool {
	if len(toks) != 1 {
		return false
	}
	parts := strings.Split(toks[0].Text, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !capitalised(p) {
			return false
		}
	}
	return true
}

// addDesc adds a description and the name it describes as one mention:
// tokens [t0, t1), the head noun at token h.
func (e *tevent) addDesc(ui, t0, t1, mods, h, name int) {
	u := &e.units[ui]
	var ms []string
	for _, t := range u.toks[t0:h] {
		if t.Kind == token.Word {
			ms = append(ms, t.Stem)
		}
	}
	_ = mods
	e.cands = append(e.cands, tcand{u: ui, t0: t0, t1: t1, start: u.toks[t0].SrcStart, end: u.toks[t1-1].SrcEnd, kind: kDesc,
		mods: ms, head: u.toks[h].Stem, name: name, cluster: -1})
}

// addPhrase adds the noun phrase [t0, t1) whose last token is its head.
func (e *tevent) addPhrase(ui, t0, t1 int, kind mkind) {
	u := &e.units[ui]
	var ms []string
	for _, t := range u.toks[t0 : t1-1] {
		if t.Kind == token.Word && !determiners[t.Norm] {
			ms = append(ms, t.Stem)
		}
	}
	e.cands = append(e.cands, tcand{u: ui, t0: t0, t1: t1, start: u.toks[t0].SrcStart, end: u.toks[t1-1].SrcEnd, kind: kind,
		mods: ms, head: u.toks[t1-1].Stem, name: -1, cluster: -1})
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

// withArticle makes "the DNC", "the White House" mentions of their names
// too, the name inside nested: reports write an organisation's name with
// its article as often as without.
func (e *tevent) withArticle() {
	n := len(e.cands)
	for i := 0; i < n; i++ {
		c := e.cands[i]
		if c.kind != kName || c.t0 == 0 {
			continue
		}
		u := &e.units[c.u]
		if u.toks[c.t0-1].Norm != "the" {
			continue
		}
		c.t0--
		c.start = u.toks[c.t0].SrcStart
		c.article = true
		e.cands = append(e.cands, c)
	}
}

// aliasWords introduce another name for a thing: "which Russia calls X
// and Japan Y", "known as X", "called X in one country and Y in another".
var aliasWords = map[string]bool{"call": true, "calls": true, "called": true, "calling": true, "dubbed": true,
	"named": true, "termed": true, "known": true, "referred": true, "refers": true, "refer": true}

// aliases joins the names that a sentence gives as names of one thing.
func (e *tevent) aliases() {
	at := map[[2]int]int{} // (unit, first token) -> name candidate
	for i := range e.cands {
		if c := &e.cands[i]; c.kind == kName {
			at[[2]int{c.u, c.t0}] = i
		}
	}
	// target returns the name starting at token k of unit ui, skipping
	// "as", "to", a determiner and an opening quote.
	target := func(ui, k int) int {
		u := &e.units[ui]
		for k < len(u.toks) && (u.toks[k].Norm == "as" || u.toks[k].Norm == "to" || determiner(u.toks[k]) || u.toks[k].Norm == "\"" || u.toks[k].Text == "«") {
			k++
		}
		if i, ok := at[[2]int{ui, k}]; ok {
			return i
		}
		return -1
	}
	for ui := range e.units {
		u := &e.units[ui]
		var names []int
		last := -1 // token where the last alias ended
		for k, t := range u.toks {
			switch {
			case aliasWords[t.Norm]:
				if i := target(ui, k+1); i >= 0 {
					// "X, also known as Y": X is named too.
					if (t.Norm == "known" || t.Norm == "called") && k >= 2 {
						j := k - 1
						if u.toks[j].Norm == "also" {
							j--
						}
						if j >= 0 && u.toks[j].Text == "," {
							for p := range e.cands {
								if c := &e.cands[p]; c.kind == kName && c.u == ui && c.t1 == j {
									names = append(names, p)
								}
							}
						}
					}
					names = append(names, i)
					last = e.cands[i].t1
				}
			case (t.Norm == "and" || t.Norm == "or") && last >= 0 && k-last <= 4:
				// "and Japan calls ...": a speaker, not another name.
				if i := target(ui, k+1); i >= 0 && (e.cands[i].t1 >= len(u.toks) || !aliasWords[u.toks[e.cands[i].t1].Norm]) {
					names = append(names, i)
					last = e.cands[i].t1
				}
			}
		}
		for _, i := range names[min(1, len(names)):] {
			e.union(e.cands[names[0]].cluster, e.cands[i].cluster)
			e.aliased[e.find(e.cands[i].cluster)] = true
		}
	}
}

// nameForm is one written form of a name: its words, how often it occurs
// and the entity it joined.
type nameForm struct {
	seq     []string
	n       int
	cluster int
}

// clusterNames puts the forms of one name together: a form joins the
// entity whose longer forms contain its words in order ("Trump" and
// "President Trump" in "President Donald Trump"), when one entity has most
// such forms; otherwise it starts an entity of its own.
func (e *tevent) clusterNames() {
	byKey := map[string]*nameForm{}
	var forms []*nameForm
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind != kName {
			continue
		}
		key := strings.Join(c.key, " ")
		f := byKey[key]
		if f == nil {
			f = &nameForm{seq: c.key, cluster: -1}
			byKey[key] = f
			forms = append(forms, f)
		}
		f.n++
	}
	slices.SortStableFunc(forms, func(a, b *nameForm) int {
		return cmp.Or(cmp.Compare(len(b.seq), len(a.seq)), cmp.Compare(b.n, a.n), slices.Compare(a.seq, b.seq))
	})
	for i, f := range forms {
		votes := map[int]int{}
		for _, g := range forms[:i] {
			if len(g.seq) > len(f.seq) && e.shortForm(f.seq, g.seq, byKey) {
				votes[e.find(g.cluster)] += g.n
			}
		}
		if c, ok := dominant(votes, 3); ok && len(votes) > 0 {
			f.cluster = c
		} else {
			f.cluster = e.newCluster(kName)
		}
	}
	// An acronym is the name whose initials it spells ("DNC"), when one
	// name does.
	initials := map[string]map[int]bool{}
	for _, f := range forms {
		if len(f.seq) < 2 {
			continue
		}
		var b strings.Builder
		for _, w := range f.seq {
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(r)
		}
		k := b.String()
		if initials[k] == nil {
			initials[k] = map[int]bool{}
		}
		initials[k][e.find(f.cluster)] = true
	}
	for _, f := range forms {
		if len(f.seq) != 1 {
			continue
		}
		k := strings.ReplaceAll(f.seq[0], ".", "")
		if cls := initials[k]; len(k) >= 2 && len(cls) == 1 && e.acronym[f.seq[0]] {
			for cl := range cls {
				e.union(cl, f.cluster)
			}
		}
	}
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind == kName {
			c.cluster = byKey[strings.Join(c.key, " ")].cluster
		}
	}
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind == kDesc {
			c.cluster = e.cands[c.name].cluster
		}
	}
}

// shortForm tells whether a can be a short form of the name b: its words
// occur in b in order, and a one-word form is b's last word ("Trump") or
// the first word of b's core, the part of b that stands alone elsewhere
// ("Kim" of "Kim Jong Un" in "North Korean leader Kim Jong Un"), when that
// core does not end in a common noun ("Tokyo" is not a short form of
// "Tokyo Statements").
func (e *tevent) shortForm(a, b []string, forms map[string]*nameForm) bool {
	if !subsequence(a, b) {
		return false
	}
	// "Donald Trump Jr." is not "Donald Trump".
	if generational[b[len(b)-1]] && !generational[a[len(a)-1]] {
		return false
	}
	if len(a) > 1 || a[0] == b[len(b)-1] {
		return true
	}
	core := b
	for k := 1; k < len(b)-1; k++ {
		if forms[strings.Join(b[k:], " ")] != nil {
			core = b[k:]
			break
		}
	}
	last := core[len(core)-1]
	return len(core) >= 2 && a[0] == core[0] && !e.nounStems[last]
}

// generational suffixes set a son apart from his father.
var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// subsequence reports whether a's words occur in b in order.
func subsequence(a, b []string) bool {
	i := 0
	for _, w := range b {
		if i < len(a) && a[i] == w {
			i++
		}
	}
	return i == len(a)
}

// dominant returns the key with the most votes (ties: the smaller key)
// if it has at least ratio times the votes of any other.
func dominant(votes map[int]int, ratio int) (int, bool) {
	best, bn := -1, 0
	for k, n := range votes {
		if n > bn || (n == bn && k < best) {
			best, bn = k, n
		}
	}
	for k, n := range votes {
		if k != best && bn < ratio*n {
			return 0, false
		}
	}
	return best, best >= 0
}

// resolvePhrases sends each noun phrase to the entity it describes, when
// its head is a title or description that entity carries ("the
// president", "the North Korean leader"), or, for a bare "the X", when one
// entity's name ends in X ("the party"); the others form concepts by their
// head noun.
func (e *tevent) resolvePhrases() {
	// The words an entity is described by: the titles before its names
	// (the words before a shorter form of the same name: "President" in
	// "President Trump" beside "Trump") and its descriptions.
	forms := map[string]int{} // name form -> cluster
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind == kName {
			forms[strings.Join(c.key, " ")] = e.find(c.cluster)
		}
	}
	var parts [][3]int                 // titled names: candidate, words of title, whether the title stands apart (1)
	heads := map[string]map[int]int{}  // title or description head -> cluster -> count
	vocab := map[int]map[string]bool{} // cluster -> title and description words
	ends := map[string]map[int]bool{}  // last word of a name seen twice or more -> clusters
	formCount := map[string]int{}
	for i := range e.cands {
		if c := &e.cands[i]; c.kind == kName {
			formCount[strings.Join(c.key, " ")]++
		}
	}
	note := func(cl int, head string, words []string) {
		if heads[head] == nil {
			heads[head] = map[int]int{}
		}
		heads[head][cl]++
		if vocab[cl] == nil {
			vocab[cl] = map[string]bool{}
		}
		for _, w := range words {
			vocab[cl][w] = true
		}
		vocab[cl][head] = true
	}
	for i := range e.cands {
		c := &e.cands[i]
		switch c.kind {
		case kName:
			cl := e.find(c.cluster)
			last := singular(c.seq[len(c.seq)-1])
			if formCount[strings.Join(c.key, " ")] >= 2 {
				if ends[last] == nil {
					ends[last] = map[int]bool{}
				}
				ends[last][cl] = true
			}
			if c.article {
				continue // its name without "the" is split already
			}
			// Every shorter form of the same name that ends this one
			// splits it into a title and a name: "Japanese" + "Prime
			// Minister Shinzo Abe", "Japanese Prime Minister Shinzo" +
			// "Abe". The first split gives the title words.
			var splits []int
			for k := 1; k < len(c.key); k++ {
				if f, ok := forms[strings.Join(c.key[k:], " ")]; !ok || f != cl {
					continue
				}
				if len(splits) == 0 {
					ws := slices.Clone(c.key[:k])
					note(cl, ws[len(ws)-1], ws[:len(ws)-1])
				}
				splits = append(splits, k)
			}
			if len(splits) == 0 {
				continue
			}
			// The name may go on leftwards over words never seen as
			// common nouns: "Shinzo" of "Prime Minister Shinzo Abe" is a
			// given name, "Minister" a title. The title stands apart only
			// before the whole name.
			deepest := splits[len(splits)-1]
			j := deepest
			for j > 1 && !e.nounStems[c.key[j-1]] {
				j--
			}
			if j < deepest && e.nounStems[c.key[j-1]] {
				splits = append(splits, j)
			} else {
				j = deepest
			}
			for _, k := range splits {
				parts = append(parts, [3]int{i, k, boolInt(k == j)})
			}
		case kDesc:
			note(e.find(c.cluster), c.head, c.mods)
		}
	}
	// A titled name is also its title and its name apart ("Japanese Prime
	// Minister", "Shinzo Abe"): nested mentions of the same entity.
	for _, p := range parts {
		c := e.cands[p[0]]
		u := &e.units[c.u]
		words := 0
		for t := c.t0; t < c.t1; t++ {
			if u.toks[t].Kind != token.Word || honorifics[u.toks[t].Norm] {
				continue
			}
			if words >= p[1] {
				if t > c.t0 {
					e.cands = append(e.cands, tcand{u: c.u, t0: t, t1: c.t1, start: u.toks[t].SrcStart, end: c.end, kind: kName, seq: c.seq[p[1]:], key: c.key[p[1]:], name: -1, cluster: c.cluster})
					if p[2] == 1 {
						e.cands = append(e.cands, tcand{u: c.u, t0: c.t0, t1: t, start: c.start, end: u.toks[t-1].SrcEnd, kind: kName, seq: c.seq[:p[1]], key: c.key[:p[1]], name: -1, cluster: c.cluster})
					}
				}
				break
			}
			words += len(strings.Split(u.toks[t].Norm, "-"))
		}
	}
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind == kDesc {
			u := &e.units[c.u]
			n := e.cands[c.name]
			if n.t0 > c.t0 {
				e.cands = append(e.cands, tcand{u: c.u, t0: c.t0, t1: n.t0, start: c.start, end: u.toks[n.t0-1].SrcEnd, kind: kPhrase, mods: c.mods, head: c.head, name: -1, cluster: c.cluster})
			}
		}
	}
	byHead := map[string]int{}
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind != kPhrase || c.cluster >= 0 {
			continue
		}
		// Entities titled or described by the head, scored by how many of
		// the phrase's other words they are described by too.
		best, bs, tie := -1, -1, false
		for cl := range heads[c.head] {
			sc := 0
			for _, m := range c.mods {
				if vocab[cl][m] {
					sc++
				}
			}
			switch {
			case sc > bs:
				best, bs, tie = cl, sc, false
			case sc == bs:
				tie = true
			}
		}
		if tie {
			votes := map[int]int{}
			for cl, n := range heads[c.head] {
				sc := 0
				for _, m := range c.mods {
					if vocab[cl][m] {
						sc++
					}
				}
				if sc == bs {
					votes[cl] = n
				}
			}
			best, tie = dominant(votes, 2)
			tie = !tie
		}
		if best >= 0 && !tie {
			c.cluster = best
			continue
		}
		if len(c.mods) == 0 {
			if cls := ends[singular(e.units[c.u].toks[c.t1-1].Norm)]; len(cls) == 1 {
				for cl := range cls {
					c.cluster = cl
				}
				continue
			}
		}
		cl, ok := byHead[c.head]
		if !ok {
			cl = e.newCluster(kPhrase)
			byHead[c.head] = cl
		}
		c.cluster = cl
	}
	e.byHead = byHead
	// Phrases that differ only in their head noun, after the same name and
	// word ("the Iran nuclear deal", "the Iran nuclear agreement"), name one
	// thing in two words.
	byMods := map[string]int{}
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind != kPhrase || len(c.mods) < 2 || c.cluster < 0 || e.kinds[e.find(c.cluster)] != kPhrase {
			continue
		}
		u := &e.units[c.u]
		named, common := false, false
		for _, t := range u.toks[c.t0 : c.t1-1] {
			if t.Kind == token.Word && !determiners[t.Norm] {
				if capitalised(t.Text) {
					named = true
				} else if !t.Stop {
					common = true
				}
			}
		}
		if !named || !common {
			continue // a name and a common word before the head: "the Iran nuclear deal"
		}
		k := strings.Join(c.mods, " ")
		if other, ok := byMods[k]; ok {
			e.union(other, c.cluster)
		} else {
			byMods[k] = c.cluster
		}
	}
}

// singular drops a plural s.
func singular(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// stemOf is the stem of one word.
func stemOf(w string) string {
	if t := token.Tokenize(w); len(t) == 1 {
		return t[0].Stem
	}
	return w
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

// concepts turns the clusters into Concepts: lexicon spans first, then
// the longest mention wherever two overlap.
func (e *tevent) concepts(lex []Concept, minMentions int) []Concept {
	type ment struct {
		Mention
		cluster int
		kind    mkind
	}
	var all []ment
	for i := range e.cands {
		c := &e.cands[i]
		if c.cluster < 0 {
			continue
		}
		u := &e.units[c.u]
		all = append(all, ment{Mention{Article: u.art, Sentence: u.sent, Start: c.start, End: c.end, Text: e.spanText(c)}, e.find(c.cluster), c.kind})
	}
	// Per article, keep non-overlapping spans: lexicon first, then longer.
	claimed := map[int][][2]int{}
	for _, lc := range lex {
		for _, m := range lc.Mentions {
			claimed[m.Article] = append(claimed[m.Article], [2]int{m.Start, m.End})
		}
	}
	slices.SortStableFunc(all, func(a, b ment) int {
		return cmp.Or(cmp.Compare(b.End-b.Start, a.End-a.Start), cmp.Compare(a.Article, b.Article), cmp.Compare(a.Start, b.Start))
	})
	byCluster := map[int][]Mention{}
	type claim struct {
		cluster int // -1 for the lexicon's
		kind    mkind
	}
	owner := map[int][]claim{} // of each claimed span
	for a, ss := range claimed {
		owner[a] = make([]claim, len(ss))
		for k := range owner[a] {
			owner[a][k] = claim{-1, kMined}
		}
	}
	seen := map[[3]int]bool{}
	for _, m := range all {
		key := [3]int{m.Article, m.Start, m.End}
		if seen[key] {
			continue // the same span found twice
		}
		// A span is free, or nested in a longer mention of its concept,
		// or a name inside a noun phrase of another concept ("President
		// Donald Trump" in "President Donald Trump's nominee"): both are
		// mentions, of different things.
		free, nested, inside := true, false, false
		for k, s := range claimed[m.Article] {
			if m.Start < s[1] && s[0] < m.End {
				free = false
				within := s[0] <= m.Start && m.End <= s[1]
				o := owner[m.Article][k]
				nested = within && o.cluster == m.cluster
				inside = within && !nested && m.kind == kName && o.kind == kPhrase
				if !nested && !inside {
					break
				}
			}
		}
		switch {
		case free, inside && !nested:
			claimed[m.Article] = append(claimed[m.Article], [2]int{m.Start, m.End})
			owner[m.Article] = append(owner[m.Article], claim{m.cluster, m.kind})
		case nested:
			m.Nested = true
		default:
			continue
		}
		seen[key] = true
		byCluster[m.cluster] = append(byCluster[m.cluster], m.Mention)
	}
	out := slices.Clone(lex)
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
		c := Concept{Label: label(ms), Source: src, Mentions: ms}
		if e.aliased[cl] {
			c.Tags = []string{TagAlias}
		}
		out = append(out, c)
	}
	for i := range out {
		if out[i].Mentions == nil {
			out[i].Mentions = []Mention{}
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
			-cmpBool(x.contrasts > 0, y.contrasts > 0),
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

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
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
	if c.kind == kName && c.end < u.toks[c.t1-1].SrcEnd {
		out = strings.TrimSuffix(strings.TrimSuffix(out, "'s"), "’s")
	}
	return out
}

var quotes = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"")

// Norm is the form in which two phrases count as the same: lower case,
// one space, straight quotes.
func Norm(s string) string {
	s = quotes.Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// label is a concept's commonest wording (by Key; ties: the longer, then
// the smaller), as written in its shortest form ("Northern Territories"
// over "the Northern Territories").
func label(ms []Mention) string {
	n := map[string]int{}
	text := map[string]string{}
	for _, m := range ms {
		if m.Nested {
			continue
		}
		k := Key(m.Text)
		n[k]++
		if t, ok := text[k]; !ok || len(m.Text) < len(t) || (len(m.Text) == len(t) && m.Text < t) {
			text[k] = m.Text
		}
	}
	best := ""
	for k := range n {
		if best == "" || n[k] > n[best] || (n[k] == n[best] && (len(k) > len(best) || (len(k) == len(best) && k < best))) {
			best = k
		}
	}
	t := text[best]
	if len(t) > 4 && strings.EqualFold(t[:4], "the ") {
		t = t[4:] // "Northern Territories", not "the Northern Territories"
	}
	return t
}

func itoa(n int) string { return strconv.Itoa(n) }

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Outlets counts the articles that mention c.
func Outlets(c Concept) int {
	seen := map[int]bool{}
	for _, m := range c.Mentions {
		seen[m.Article] = true
	}
	return len(seen)
}

// Differs reports whether two articles name c differently: one uses a
// wording the other never does, and the other one the first never does
// ("Northern Territories" against "Southern Kurils"). Wordings are
// compared by Key, so "the talks" and "talks" are one wording.
func Differs(c Concept) bool {
	per := map[int]map[string]bool{}
	for _, m := range c.Mentions {
		if m.Nested {
			continue
		}
		if per[m.Article] == nil {
			per[m.Article] = map[string]bool{}
		}
		per[m.Article][Key(m.Text)] = true
	}
	arts := make([]int, 0, len(per))
	for a := range per {
		arts = append(arts, a)
	}
	slices.Sort(arts)
	own := func(x, y map[string]bool) bool { // x has a wording y lacks
		for k := range x {
			if !y[k] {
				return true
			}
		}
		return false
	}
	for i, a := range arts {
		for _, b := range arts[i+1:] {
			if own(per[a], per[b]) && own(per[b], per[a]) {
				return true
			}
		}
	}
	return false
}

// Contrasts counts the pairs of wordings that set two articles apart
// over c: article X says a, which Y never does, where Y says b, which X
// never does, neither wording holds the other and their last words differ
// ("Northern Territories" against "Southern Kurils"; not "Lavrov" against
// "Sergey Lavrov", nor "a peace plan" against "Japan's plan").
func Contrasts(c Concept) int {
	n := 0
	for _, p := range contrastPairs(c) {
		n += len(p)
	}
	return n
}

// Contrasting tells, per article, its wordings (by Key) that stand in a
// contrast of c (see Contrasts): the ones worth marking.
func Contrasting(c Concept) map[int]map[string]bool {
	out := map[int]map[string]bool{}
	for art, ps := range contrastPairs(c) {
		for p := range ps {
			for _, k := range p {
				for _, a := range []int{art[0], art[1]} {
					if c.usesKey(a, k) {
						if out[a] == nil {
							out[a] = map[string]bool{}
						}
						out[a][k] = true
					}
				}
			}
		}
	}
	return out
}

func (c Concept) usesKey(art int, k string) bool {
	for _, m := range c.Mentions {
		if m.Article == art && !m.Nested && Key(m.Text) == k {
			return true
		}
	}
	return false
}

// contrastPairs lists, for each pair of articles, the pairs of wordings
// that set them apart.
func contrastPairs(c Concept) map[[2]int]map[[2]string]bool {
	per := map[int]map[string]bool{}
	for _, m := range c.Mentions {
		if m.Nested {
			continue
		}
		if per[m.Article] == nil {
			per[m.Article] = map[string]bool{}
		}
		per[m.Article][Key(m.Text)] = true
	}
	arts := make([]int, 0, len(per))
	for a := range per {
		arts = append(arts, a)
	}
	slices.Sort(arts)
	out := map[[2]int]map[[2]string]bool{}
	for i, x := range arts {
		for _, y := range arts[i+1:] {
			for a := range per[x] {
				if per[y][a] {
					continue
				}
				for b := range per[y] {
					if per[x][b] || holds(a, b) || holds(b, a) || head(a) == head(b) {
						continue
					}
					k := [2]int{x, y}
					if out[k] == nil {
						out[k] = map[[2]string]bool{}
					}
					out[k][[2]string{a, b}] = true
				}
			}
		}
	}
	return out
}

// head is the last word of a wording (its head noun, mostly): "a peace
// plan" and "Japan's plan" share theirs and do not contrast.
func head(k string) string {
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		return k[i+1:]
	}
	return k
}

// holds reports whether wording a holds the words of b in a row.
func holds(a, b string) bool {
	return strings.Contains(" "+a+" ", " "+b+" ")
}

// Key is the form in which two wordings count as one: Norm, without
// leading determiners and possessive pronouns, plural s dropped from the
// last word ("The islands" and "islands" are one wording).
func Key(s string) string {
	ws := strings.Fields(strings.ReplaceAll(Norm(s), ".", "")) // "U.S." and "US" are one wording
	for len(ws) > 1 && determiners[ws[0]] {
		ws = ws[1:]
	}
	if n := len(ws); n > 0 {
		ws[n-1] = singular(ws[n-1])
	}
	return strings.Join(ws, " ")
}
