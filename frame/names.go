// Names: runs of capitalised words, their short forms, titles and
// descriptions, acronyms, and the alias statements that join two names.

package frame

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// honorifics are titles written short before a name ("Mr. Han", "Sen.
// Sanders"): part of the name run, not of its words.
var honorifics = english.Set("honorifics")

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

// noPoss is s without a final 's ("Vell" of "Vell's").
func noPoss(s string) string { return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s") }

func possessive(t corpus.Token) bool {
	return strings.HasSuffix(t.Text, "'s") || strings.HasSuffix(t.Text, "’s")
}

// isCap tells whether token k of u can be part of a name; "then-" and
// "ex-" before a title count ("then-President Alma Rivera").
func (s *stats) isCap(u *tunit, k int, first bool) bool {
	t := u.toks[k]
	if t.Kind != token.Word {
		return false
	}
	if !capitalised(t.Text) {
		rest, ok := strings.CutPrefix(t.Text, "then-")
		if !ok {
			rest, ok = strings.CutPrefix(t.Text, "ex-")
		}
		return ok && capitalised(rest)
	}
	if honorifics[t.Norm] {
		return true
	}
	if t.Stop {
		return false
	}
	if first || u.titleCase {
		return s.midCap[t.Norm]
	}
	return true
}

// findNames collects the names, descriptions and noun phrases of every
// unit, scanning each from left to right (namesIn). It reads the
// statistics only; it adds candidates (in no cluster yet) and notes in
// verbAt the words read as verbs where they stand.
func (e *tevent) findNames() {
	for ui := range e.units {
		e.namesIn(ui)
	}
}

// namesIn scans unit ui: a run of capitalised words is a name (nameRun),
// with what follows it (afterName); a determiner or a lower-case word
// may start a noun phrase (phraseAt).
func (e *tevent) namesIn(ui int) {
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
			k = e.phraseAt(ui, k)
			continue
		}
		j, poss := e.nameRun(u, k, isFirst)
		// "the President", "the Senate": one capitalised word after a
		// determiner, written in lower case elsewhere, is a common noun
		// capitalised by style, not a name.
		if j == k+1 && k > 0 && determiner(u.toks[k-1]) && e.lowered[t.Norm] && !allCaps(t.Text) && !poss {
			e.addPhrase(ui, k-1, j, kPhrase)
			k = j
			continue
		}
		name := e.addName(ui, k, j, poss)
		if name < 0 {
			k = j
			continue
		}
		k = e.afterName(ui, k, j, name, poss)
	}
}

// phraseAt adds the noun phrase that token k of unit ui starts, if any: a
// determiner phrase, or a bare one from a lower-case word that is no verb;
// it returns where scanning goes on.
func (e *tevent) phraseAt(ui, k int) int {
	u := &e.units[ui]
	t := u.toks[k]
	if determiner(t) {
		return e.phrase(ui, k)
	}
	if lowerWord(t) && !e.verbs[t.Norm] && !e.verbAfterName(u, k) {
		return e.barePhrase(ui, k)
	}
	return k + 1
}

// nameRun returns the end of the run of capitalised words that starts at
// token k of u ("Mr." keeps its full stop), and whether it ends in a
// possessive ("Vell's").
func (s *stats) nameRun(u *tunit, k int, isFirst bool) (j int, poss bool) {
	j = k
	for j < len(u.toks) {
		if j > k && calendar[u.toks[j].Norm] {
			return j, false // "Congress Wednesday": the day is no part of the name before it
		}
		if s.isCap(u, j, j == k && isFirst) {
			// "Mr." and initials ("Michael T. Flynn") keep their
			// full stop inside the run.
			if (honorifics[u.toks[j].Norm] || utf8.RuneCountInString(u.toks[j].Text) == 1) &&
				j+1 < len(u.toks) && u.toks[j+1].Text == "." && j+2 < len(u.toks) && s.isCap(u, j+2, false) {
				j += 2
				continue
			}
			j++
			if possessive(u.toks[j-1]) {
				return j, true
			}
			if calendar[u.toks[j-1].Norm] && j < len(u.toks) && capitalised(u.toks[j].Text) {
				return j, false // "On Monday President Vell": the day is no part of the name after it
			}
			continue
		}
		// "Forum of Tides", "Joint Plan of Action": a name ending in a
		// common noun, "of", and words that start no name of their own go
		// on as one name ("Prime Minister of Norland" does not).
		if j > k && u.toks[j].Norm == "of" && j+1 < len(u.toks) && s.isCap(u, j+1, false) && s.lowered[u.toks[j-1].Norm] &&
			!possessive(u.toks[j-1]) && !s.leads[u.toks[j+1].Norm] {
			j++
			continue
		}
		break
	}
	return j, false
}

// afterName adds what follows the name run [k, j) of unit ui, candidate
// name: a description before another name ("Northland leader Han"), or a
// noun phrase the name modifies ("Northland's leader", "the Norland
// fisheries deal"); it returns where scanning goes on.
func (e *tevent) afterName(ui, k, j, name int, poss bool) int {
	u := &e.units[ui]
	words := e.nounsAfter(u, j, name, poss)
	switch {
	case words == 1 && j+1 < len(u.toks) && e.isCap(u, j+1, false) && !poss && e.nounish[u.toks[j].Norm]:
		// (the noun itself seen after a determiner: "disputes"
		// in "Norland disputes Southern claims" is a verb)
		// a description before a name
		m := j + 2
		for m < len(u.toks) && e.isCap(u, m, false) && !possessive(u.toks[m-1]) {
			m++
		}
		if possessive(u.toks[m-1]) {
			m-- // "Han's" stays a name run of its own
			if m <= j+1 {
				return j + 1
			}
		}
		n := e.addName(ui, j+1, m, false)
		if n >= 0 {
			e.addDesc(ui, k, m, name, j, n)
		}
		return m
	case words > 0:
		from := k
		if k > 0 && determiner(u.toks[k-1]) {
			from = k - 1 // "the Northland leader"
		}
		e.addPhrase(ui, from, j+words, kPhrase)
		return j + words
	}
	return j
}

// nounsAfter counts the words after the name run ending at token j of u
// that go with it in a phrase: up to two words in lower case, the last a
// noun ("nuclear deal" after "Norland"), none of them a verb; none after a
// long name that is no possessive (maxModifierName).
func (e *tevent) nounsAfter(u *tunit, j, name int, poss bool) int {
	words := 0
	for j+words < len(u.toks) && words < 2 && lowerWord(u.toks[j+words]) && !e.verbs[u.toks[j+words].Norm] {
		if t := u.toks[j+words]; words == 0 && e.verbAfterName(u, j) || !poss && verbForm(t.Norm) {
			break // "Rivera says", "the Agency warned": a verb after its subject
		}
		words++
	}
	for words > 0 && !e.isNoun(u.toks[j+words-1]) {
		words--
	}
	if !poss && len(e.cands[name].seq) > maxModifierName {
		words = 0
	}
	return words
}

// maxModifierName bounds the words of a name that a noun follows in one
// phrase ("Northland leader Han", "White House spokeswoman Alma Rivera",
// "the Norland fisheries deal"); after a longer name, but for a possessive
// one ("Union Chair Omar Vell's plan"), the noun is more likely a verb
// ("had Union Chair Omar Vell call Alma Rivera").
const maxModifierName = 3

// calendar: the days and months, which stand before names ("Monday
// President Vell") without being part of them.
var calendar = english.Set("days", "months")

// dates are the calendar words and their short forms but "may" (a
// surname too): a name of one of them says when, and is no concept.
var dates = func() map[string]bool {
	s := english.Set("days", "months", "month-abbreviations")
	delete(s, "may")
	return s
}()

// verbAfterName tells whether token k, right after a name that is not a
// possessive, is a verb after its subject, not the start of a phrase: a
// past form ("Rivera applauded news"), or a word in -s never seen as a
// noun ("Rivera says", "Norland wants") or followed by its object.
func (s *stats) verbAfterName(u *tunit, k int) bool {
	if k == 0 {
		return false
	}
	prev, t := u.toks[k-1], u.toks[k]
	if prev.Kind != token.Word || !capitalised(prev.Text) || possessive(prev) {
		return false
	}
	if pastForm(t.Norm) {
		return true
	}
	if !strings.HasSuffix(t.Norm, "s") {
		return false
	}
	// An object right after it makes even a noun's plural a verb:
	// "Norland disputes Southland's claims", "Norland disputes the
	// border".
	next := k+1 < len(u.toks) && u.toks[k+1].Kind == token.Word && (determiner(u.toks[k+1]) || capitalised(u.toks[k+1].Text))
	return !s.isNoun(t) || next
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
			n = noPoss(n)
		}
		if allCaps(t.Text) {
			n = strings.ReplaceAll(n, ".", "") // "G.R.P.A." is "GRPA"
		}
		for _, p := range strings.Split(n, "-") {
			if p != "" {
				seq = append(seq, p)
				key = append(key, oneSpelling(stemOf(p)))
			}
		}
	}
	if len(seq) == 0 || compound(u.toks[t0:t1]) || len(seq) == 1 && dates[seq[0]] {
		return -1 // "Feb", "Tuesday": when, not what is named
	}
	end := u.toks[t1-1].SrcEnd
	if poss {
		end -= 2 // the 's is not part of the name
	}
	e.cands = append(e.cands, tcand{u: ui, t0: t0, t1: t1, start: u.toks[t0].SrcStart, end: end, kind: kName, seq: seq, key: key, name: -1, cluster: -1})
	return len(e.cands) - 1
}

// compound: one word joining two capitalised names with a hyphen
// ("Rivera-Vell summit", "Norland-Southland"), not a name of its own.
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
		mods: ms, head: headForm(u.toks[h].Norm), name: name, cluster: -1})
}

// withArticle makes "the GRPA", "the White House" mentions of their names
// too, the name inside nested: reports write an organisation's name with
// its article as often as without. It reads the clustered names; it adds
// a name candidate with "the" for each, in the name's cluster.
func (e *tevent) withArticle() {
	n := len(e.cands)
	for i := 0; i < n; i++ {
		c := e.cands[i]
		if c.kind != kName || c.t0 == 0 {
			continue
		}
		u := &e.units[c.u]
		if u.toks[c.t0-1].Norm != "the" || (c.t1 < len(u.toks) && lowerWord(u.toks[c.t1])) {
			continue // "the Rivera administration": the name is not what "the" goes with
		}
		c.t0--
		c.start = u.toks[c.t0].SrcStart
		c.article = true
		e.cands = append(e.cands, c)
	}
}

// namePhrases joins each noun phrase that an alias statement names to
// the name's concept. It reads namedPhrases (aliases) and the phrases'
// clusters (resolvePhrases); it joins clusters and marks them aliased.
func (e *tevent) namePhrases() {
	for _, p := range e.namedPhrases {
		ph, nm := e.cands[p[0]], e.cands[p[1]]
		if ph.cluster >= 0 && nm.cluster >= 0 {
			e.union(ph.cluster, nm.cluster)
			e.aliased[e.find(nm.cluster)] = true
		}
	}
}

// aliasWords introduce another name for a thing: "which Norland calls X
// and Southland Y", "known as X", "called X in one country and Y in another".
var aliasWords = english.Set("alias-verbs")

// aliases joins the names that a sentence gives as names of one thing
// ("which Norland calls X and Southland Y", "X, also known as Y"). It
// reads the name clusters (clusterNames) and the phrases before "known as"
// or "dubbed"; it joins clusters, marks them aliased, and notes the named
// phrases in namedPhrases for namePhrases.
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
					// "the fisheries deal known as Y", "a forum dubbed Y":
					// the phrase is named.
					if k >= 2 && (t.Norm == "known" && u.toks[k+1].Norm == "as" || t.Norm == "dubbed") {
						j := k
						if u.toks[j-1].Text == "," {
							j--
						}
						for p := range e.cands {
							if c := &e.cands[p]; c.kind == kPhrase && c.u == ui && c.t1 == j {
								e.namedPhrases = append(e.namedPhrases, [2]int{p, i})
							}
						}
					}
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
				// "and Southland calls ...": a speaker, not another name.
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
	// juxtaposed: two names side by side, no name of its own (see
	// juxtaposed).
	juxtaposed bool
}

// clusterNames puts the forms of one name together: a form joins the
// entity whose longer forms contain its words in order ("Rivera" and
// "President Rivera" in "President Alma Rivera"), when one entity has most
// such forms; otherwise it starts an entity of its own. A titled name
// then joins its core, an acronym the name it spells, a name the same
// name with a compass point written another way ("South" / "Southern"). It reads the name
// and description candidates; it makes the name clusters and sets the
// cluster of every name and description.
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
	tails := e.nameTails(forms)
	for _, f := range forms {
		f.juxtaposed = juxtaposed(f.seq, byKey, tails, e.stats)
	}
	for i, f := range forms {
		e.clusterForm(f, forms[:i], byKey)
	}
	e.joinTitledCores(forms, byKey)
	e.joinAcronyms(forms)
	e.joinVariants(forms)
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

// clusterForm gives form f a cluster, longer (and commoner) forms having
// theirs: the entity of the longer forms it is a short form of, by their
// counts, if one has three times the votes of any other; all of them, if
// f is a full proper name they all end in (one person under several
// titles); else a new one.
func (e *tevent) clusterForm(f *nameForm, longer []*nameForm, byKey map[string]*nameForm) {
	votes := map[int]int{}
	titled := true // every longer form ends in this one
	for _, g := range longer {
		if len(g.seq) > len(f.seq) && e.shortForm(f.seq, g.seq, byKey) {
			votes[e.find(g.cluster)] += g.n
			titled = titled && slices.Equal(g.seq[len(g.seq)-len(f.seq):], f.seq)
		}
	}
	switch c, ok := dominant(votes, 3); {
	case len(f.seq) >= 2 && len(votes) > 1 && titled && e.properName(f.seq):
		// A full name of two words or more, none of them a common
		// noun, that ends forms with several titles ("Party
		// Chairman Omar Vell", "Party Chair Omar Vell"): one person,
		// differently titled ("Omar Vell Papers" would be a thing).
		first := true
		for v := range votes {
			if first {
				f.cluster, first = v, false
			} else {
				e.union(f.cluster, v)
			}
		}
		f.cluster = e.find(f.cluster)
	case ok && len(votes) > 0:
		f.cluster = c
	default:
		f.cluster = e.newCluster(kName)
	}
}

// joinTitledCores joins a titled name to its core: "Former Director Vell"
// is "Vell", the words after its last title word (a common noun of the
// reports, "the director") when they stand as a name elsewhere.
func (e *tevent) joinTitledCores(forms []*nameForm, byKey map[string]*nameForm) {
	for _, f := range forms {
		for k := len(f.seq) - 1; k > 0; k-- {
			if e.lowStems[f.seq[k-1]] && e.nounStems[f.seq[k-1]] && !e.lowStems[f.seq[k]] {
				if g := byKey[strings.Join(f.seq[k:], " ")]; g != nil {
					e.union(f.cluster, g.cluster)
					break
				}
			}
		}
	}
}

// joinAcronyms joins an acronym ("GRPA", a word seen in capitals) to the
// name whose initials it spells, when one name's cluster does; initials
// are taken with and without the small words ("JPOF" and "JPF" of "Joint
// Pact of Fisheries").
func (e *tevent) joinAcronyms(forms []*nameForm) {
	initials := map[string]map[int]bool{}
	for _, f := range forms {
		if len(f.seq) < 2 {
			continue
		}
		var all, content strings.Builder
		for _, w := range f.seq {
			r, _ := utf8.DecodeRuneInString(w)
			all.WriteRune(r)
			if !token.IsStopword(w) {
				content.WriteRune(r)
			}
		}
		for _, k := range []string{all.String(), content.String()} {
			if initials[k] == nil {
				initials[k] = map[int]bool{}
			}
			initials[k][e.find(f.cluster)] = true
		}
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
}

// directions are the compass points, whose adjectives end in "-ern".
var directions = english.Set("directions")

// joinVariants joins the forms of a name of two words or more that differ
// only in a compass point written as a noun or as an adjective: "South
// Silver Islands" and "Southern Silver Islands" are one place. (Two names
// told apart that way alone, "South Africa" and "Southern Africa", are
// joined too: the one cost of the rule.)
func (e *tevent) joinVariants(forms []*nameForm) {
	byNorm := map[string]int{}
	for _, f := range forms {
		if len(f.seq) < 2 {
			continue
		}
		norm := make([]string, len(f.seq))
		for i, w := range f.seq {
			if b, ok := strings.CutSuffix(w, "ern"); ok && directions[b] {
				w = b
			}
			norm[i] = w
		}
		k := strings.Join(norm, " ")
		if c, ok := byNorm[k]; ok {
			e.union(c, f.cluster)
		} else {
			byNorm[k] = f.cluster
		}
	}
}

// properName tells whether no word of a name (stems) is written in lower
// case in the event: "Omar Vell", not "Silver Isles" or "Foreign
// Minister".
func (s *stats) properName(seq []string) bool {
	for _, w := range seq {
		if s.lowStems[w] {
			return false
		}
	}
	return true
}

// shortForm tells whether a can be a short form of the name b: its words
// occur in b in order, and a one-word form is b's last word ("Vell") or
// the first word of b's core, the part of b that stands alone elsewhere
// ("Han" of "Han Sol Mi" in "Northland leader Han Sol Mi"), when that
// core does not end in a common noun ("Varna" is not a short form of
// "Varna Statements").
func (s *stats) shortForm(a, b []string, forms map[string]*nameForm) bool {
	if !subsequence(a, b) {
		return false
	}
	// "Omar Vell Jr." is not "Omar Vell".
	if generational[b[len(b)-1]] && !generational[a[len(a)-1]] {
		return false
	}
	if f := forms[strings.Join(b, " ")]; f != nil && f.juxtaposed {
		return false
	}
	if len(a) > 1 {
		// "Alma Rivera" and "President Rivera" of "President Alma
		// Rivera", but not the qualifier before a title: "Southland" in
		// "Southland Prime Minister Alma Rivera".
		return !s.qualifier(a, b)
	}
	if a[0] == b[len(b)-1] {
		// but for a common noun written with a capital ("News" of "Fox
		// News", "Day" of "Bastille Day")
		return !s.title(a[0])
	}
	// b's core is its longest tail of two words or more that stands alone
	// as a name, with a last word that does too ("Omar Vell" in "Prime
	// Minister Omar Vell", where reports write "Vell"; not "Sol Mi" in
	// "Han Sol Mi" where one report wrote that once); else the words after
	// its last title ("Han Sol Mi" in "President Han Sol Mi", so that "Mr.
	// Han" is his); else b itself.
	last := b[len(b)-1]
	if s.nounStems[last] {
		return false
	}
	core := b
	if forms[last] != nil {
		for k := 1; k < len(b)-1; k++ {
			if forms[strings.Join(b[k:], " ")] != nil {
				core = b[k:]
				break
			}
		}
	}
	if len(core) == len(b) {
		for k := len(b) - 2; k > 0; k-- {
			if s.title(b[k-1]) {
				core = b[k:]
				break
			}
		}
	}
	// The first word of a core stands for a person only ("Han", written
	// "Mr. Han" or "President Han" somewhere), never for a place or an
	// organisation ("Northland" of "Northland Times", "West" of "West
	// Port").
	return len(core) >= 2 && a[0] == core[0] && s.addressed[a[0]]
}

// juxtaposed tells whether the name b is two names side by side, as a
// translation or a dateline leaves them ("Vell Norpress" in "..., Vell
// Norpress quotes"): its first words end another name after a given name
// ("Omar Vell": tails holds such endings), and its last words are a name
// of their own ("Norpress"), neither part a word the reports write in
// lower case (a title: "Foreign Minister Omar Vell" is one person).
// Nothing is a short form of it.
func juxtaposed(b []string, forms map[string]*nameForm, tails map[string]bool, s *stats) bool {
	for k := 1; k < len(b); k++ {
		head := b[:k]
		if tails[strings.Join(head, " ")] && forms[strings.Join(b[k:], " ")] != nil && s.properName(head) && s.properName(b[k:]) {
			return true
		}
	}
	return false
}

// nameTails are the endings of the forms that follow a word that is no
// title ("vell" of "omar vell"), for juxtaposed. Cost: the words of the
// forms, squared per form.
func (s *stats) nameTails(forms []*nameForm) map[string]bool {
	tails := map[string]bool{}
	for _, g := range forms {
		n := len(g.seq)
		for k := 1; k < n; k++ {
			if !s.title(g.seq[n-k-1]) {
				tails[strings.Join(g.seq[n-k:], " ")] = true
			}
		}
	}
	return tails
}

// title tells whether a word (a stem) of a name is a title: a common noun
// the reports also write in lower case ("president", "minister").
func (s *stats) title(w string) bool { return s.lowStems[w] && s.nounStems[w] }

// roleStems are the stems of the English role nouns ("chairman",
// "minister"): titles even where the reports never write them in lower
// case ("the Judiciary Committee" qualifies "Judiciary Committee
// Chairman Omar Vell" and is not his short form).
var roleStems = func() map[string]bool {
	out := map[string]bool{}
	for _, w := range english.List("role-nouns") {
		out[stemOf(w)] = true
	}
	return out
}()

// qualifier tells whether the words of a, found in b in order, all come
// before a title that more words of b follow: they qualify the title
// ("Southland" in "Southland Prime Minister Alma Rivera") and do not name
// the person.
func (s *stats) qualifier(a, b []string) bool {
	i := 0
	for k, w := range b {
		if i == len(a) {
			return (s.title(w) || roleStems[w]) && k < len(b)-1 // a title before a name, not a head noun ("Silver Isles")
		}
		if a[i] == w {
			i++
		}
	}
	return false
}

// generational suffixes set a son apart from his father.
var generational = english.Set("generational")

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
