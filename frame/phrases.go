// Noun phrases: with a determiner, without one, after a name; and where
// each goes: to the entity it describes, or to a concept of its head noun.

package frame

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// subjects are the words after which a verb follows: subject pronouns and
// the "to" of an infinitive.
var subjects = english.Set("subjects")

// postDeterminers follow a determiner without being the noun ("the next
// day", "the same meeting").
var postDeterminers = english.Set("post-determiners")

// relational nouns name a person by a relation to another ("his Southern
// counterpart").
var relational = english.Set("relational-nouns")

// describedBy returns the one entity (a name's concept) whose titles and
// descriptions hold one of words (stems), if exactly one does.
func (e *tevent) describedBy(words []string, vocab map[int]map[string]bool) (int, bool) {
	found := -1
	for cl, vs := range vocab {
		if e.kinds[e.find(cl)] != kName {
			continue
		}
		for _, w := range words {
			if vs[w] {
				if found >= 0 && found != e.find(cl) {
					return -1, false
				}
				found = e.find(cl)
				break
			}
		}
	}
	return found, found >= 0
}

// afterPreposition tells whether a name follows a preposition (or
// another stopword but "and" and a determiner): "After the War, the
// islands became..." opens a sentence, it is no apposition.
func (s *stats) afterPreposition(c *tcand) bool {
	toks := s.units[c.u].toks
	t0 := c.t0
	if t0 > 0 && toks[t0-1].Norm == "the" {
		t0--
	}
	return t0 > 0 && toks[t0-1].Stop && !determiner(toks[t0-1]) && toks[t0-1].Norm != "and"
}

// singularDets go with a singular noun only ("that" is left out: it also
// starts a clause, "said that officials...").
var singularDets = english.Set("singular-determiners")

// pluralLike: a word that reads as a plural ("needs", "talks"), not one
// that only ends in -s ("press", "status", "crisis") or a possessive.
func pluralLike(w string) bool {
	return !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s") && singular(w) != w
}

var determiners = english.Set("determiners")

func determiner(t corpus.Token) bool { return t.Kind == token.Word && determiners[t.Norm] }

// isNoun tells whether a word was seen as a noun (its singular or plural
// counts too).
func (s *stats) isNoun(t corpus.Token) bool {
	n := t.Norm
	return !notHeads[n] && !cardinals[n] && !adverb(n) && !lyWord(n) && (s.nounish[n] || s.nounish[strings.TrimSuffix(n, "s")] || s.nounish[singular(n)] || s.nounish[n+"s"] || (agent(n) && !s.verbs[n]) || relational[singular(n)])
}

// notHeads are function words the stopword list leaves out (it keeps
// "will", "can" and "may" as nouns): modals, conjunctions and adverbs
// that a determiner may precede ("this can be", "the two will meet")
// but that head no noun phrase in news prose.
var notHeads = english.Set("not-heads")

// cardinals count the head of a phrase and are none ("the two leaders",
// not "the next three").
var cardinals = func() map[string]bool {
	m := map[string]bool{}
	for w := range english.Map("cardinals") {
		m[w] = true
	}
	return m
}()

// agent tells whether a word looks like an agent noun: "manager",
// "adviser", "director", "spokesman" (and their plurals), six letters or
// more.
func agent(w string) bool {
	w = strings.TrimSuffix(w, "s")
	if len(w) < 6 || notAgents[w] {
		return false
	}
	for _, suf := range agentSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// agentSuffixes end agent nouns ("-er", "-or", "-ist", "-man").
var agentSuffixes = english.List("agent-suffixes")

// notAgents end as agent nouns do but are comparatives or function words.
var notAgents = english.Set("not-agents")

// lyWord: a word in -ly that is an adverb or an adjective ("shortly",
// "closely", "daily"), not one of the nouns that end so ("family", "ally").
func lyWord(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ly") && !lyNouns[w]
}

// lyNouns are nouns in -ly.
var lyNouns = english.Set("ly-nouns")

// lowerWord: a word in lower case that is not a stopword.
func lowerWord(t corpus.Token) bool {
	return t.Kind == token.Word && !t.Stop && !capitalised(t.Text) && utf8.RuneCountInString(t.Norm) > 1
}

// maxPhraseWords bounds the words after a determiner in a phrase ("the
// first official state visit").
const maxPhraseWords = 4

// phrase adds the determiner phrase starting at token k, if any, and
// returns where scanning goes on.
func (e *tevent) phrase(ui, k int) int {
	u := &e.units[ui]
	j := k + 1
	for j < len(u.toks) && j <= k+maxPhraseWords && (lowerWord(u.toks[j]) || (u.toks[j].Kind == token.Number && j == k+1)) {
		if j > k+1 && (e.verbAfterNoun(u.toks[j-1], u.toks[j]) || irregularPast[u.toks[j].Norm] && !adverb(u.toks[j-1].Norm)) || e.breaksPhrase(u.toks[j-1], u.toks[j]) {
			break // "the defense secretary shocked officials", "its policies expressly bar"
		}
		j++
	}
	if j == k+1 {
		return k + 1
	}
	// One word in -s after a singular determiner or "that" is a verb or
	// the subject of a clause: "that includes", "this needs", "said that
	// officials".
	if j == k+2 && (singularDets[u.toks[k].Norm] || u.toks[k].Norm == "that") && pluralLike(u.toks[k+1].Norm) {
		return k + 1
	}
	// Trailing words that are never heads (verbs, mostly) stay out, but
	// for a last word with a noun's ending where the phrase closes ("the
	// regional governments of", where only "the regional" was seen).
	run := j
	if !e.closes(u.toks, k, j) {
		for j > k+1 && !e.isNoun(u.toks[j-1]) {
			j--
		}
	}
	// A singular determiner takes no plural head: in "a treaty needs to
	// be signed" the word in -s is a verb.
	// So does a verb that introduces a quote in the event ("…,” the
	// expert states"), and "that" after a noun and a word in -s ("the
	// expert states that").
	if j > k+2 && pluralLike(u.toks[j-1].Norm) && (singularDets[u.toks[k].Norm] || e.sayVerbs[u.toks[j-1].Norm] ||
		j < len(u.toks) && u.toks[j].Norm == "that" && e.isNoun(u.toks[j-2]) && !pluralLike(u.toks[j-2].Norm)) {
		j--
		e.verbAt[[2]int{ui, j}] = true
		if !e.isNoun(u.toks[j-1]) {
			return j
		}
	}
	// An adjective or a participle is no head: "its economic zone", "the
	// contested atolls", not "its economic", "the contested".
	if last := u.toks[j-1].Norm; j > k+1 && (e.adjective(last) || pastForm(last)) {
		if j == run || e.verbs[u.toks[j].Norm] || e.sayVerbs[u.toks[j].Norm] || verbForm(u.toks[j].Norm) {
			return j // no noun follows: no phrase
		}
		j++
	}
	if j == k+1 {
		return k + 1
	}
	e.addPhrase(ui, k, j, kPhrase)
	return j
}

// minPremodUses is how often a word must be seen before its place (mostly
// before another word) makes it a modifier.
const minPremodUses = 3

// adjective tells whether a word looks like an adjective, with no plural
// in the event, since adjectives take none ("officials" makes "official"
// a noun): a word the event mostly sets before another ("nuclear"), an
// irregular participle ("stolen"), or an adjective ending ("financial",
// "economic", "dangerous", "massive").
func (s *stats) adjective(w string) bool {
	if s.plural[w] {
		return false
	}
	if s.premod[w] || participles[w] {
		return true
	}
	if len(w) < 6 {
		return false
	}
	for _, suf := range adjectiveSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// adjectiveSuffixes end adjectives ("-ial", "-ous", "-ive"...).
var adjectiveSuffixes = english.List("adjective-suffixes")

// verbForm: a past or present participle ("-ed", "-ing"), five letters
// or more ("need", "speed", "king" are not).
func verbForm(w string) bool {
	return len(w) >= 5 && (strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") || strings.HasSuffix(w, "ing"))
}

// pastForm: a verb form in -ed ("shocked", not "need") or a common
// irregular past ("became").
func pastForm(w string) bool { return verbForm(w) && strings.HasSuffix(w, "ed") || irregularPast[w] }

// participles are common past participles without -ed, which modify
// nouns ("the stolen emails") and head none.
var participles = english.Set("participles")

// irregularPast are common English past forms without -ed that are
// seldom anything but verbs ("became", "wrote"; not "left", "lost" or
// "set", which also modify and name things).
var irregularPast = english.Set("irregular-past")

// closes tells whether the determiner phrase [k, j) ends in its head
// noun: no content word follows (a preposition, another stopword or
// punctuation does: "the regional governments of", "his annual press
// conference that"), the last word has a noun's ending (not "the
// minister went on"), and no word of the phrase is a verb seen after a
// subject or looks like a verb form ("the ministers discussed handing
// over").
func (s *stats) closes(toks []corpus.Token, k, j int) bool {
	if !nounEnding(toks[j-1].Norm) || j < len(toks) && lowerWord(toks[j]) {
		return false
	}
	for _, t := range toks[k+1 : j] {
		if s.verbs[t.Norm] || verbForm(t.Norm) {
			return false
		}
	}
	return true
}

// nounEnding tells whether a word, or its singular, ends as nouns do
// ("-tion", "-ment", "-ness", "-ity"...).
func nounEnding(w string) bool {
	w = strings.TrimSuffix(w, "s")
	for _, suf := range nounSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// nounSuffixes end nouns ("-tion", "-ment", "-ness"...).
var nounSuffixes = english.List("noun-suffixes")

// barePhrase adds the noun phrase without a determiner starting at token
// k ("classified information", "intercontinental ballistic missiles"), if
// it has two words or three and ends in a noun; it returns where scanning
// goes on.
func (e *tevent) barePhrase(ui, k int) int {
	u := &e.units[ui]
	j := k
	if notHeads[u.toks[k].Norm] || irregularPast[u.toks[k].Norm] || k > 0 && (pronouns[u.toks[k-1].Norm] || auxiliaries[u.toks[k-1].Norm] || notHeads[u.toks[k-1].Norm]) {
		return k + 1 // "among supporters"; "it would seize funding": a verb and its object
	}
	if verbForm(u.toks[k].Norm) && k > 0 && !opensPhrase(u.toks[k-1]) {
		return k + 1 // "the university issued several letters", "moving military funds"
	}
	for j < len(u.toks) && j < k+3 && lowerWord(u.toks[j]) && !e.verbs[u.toks[j].Norm] && (j == k || !e.breaksPhrase(u.toks[j-1], u.toks[j])) {
		j++
	}
	end := j
	for end > k && (!e.isNoun(u.toks[end-1]) || e.adjective(u.toks[end-1].Norm)) {
		end-- // "conferring international prestige": not "conferring international"
	}
	if end-k < 2 || end-k == 2 && adverb(u.toks[k].Norm) {
		return k + 1 // an adverb modifies a modifier ("politically motivated suit"), not a noun ("desperately need")
	}
	e.addPhrase(ui, k, end, kPhrase)
	return end
}

// breaksPhrase tells whether w cannot go on a noun phrase after prev: a
// word that heads none (a modal, a conjunction, "also"), or an adverb
// after a noun ("its policies expressly bar").
func (s *stats) breaksPhrase(prev, w corpus.Token) bool {
	return notHeads[w.Norm] || adverb(w.Norm) && s.isNoun(prev) && !s.adjective(prev.Norm)
}

// opensPhrase tells whether a bare phrase that starts with a verb form
// may follow t: punctuation or a preposition ("of classified
// information", "and armed groups"), not a subject ("the university
// issued letters", "were moving funds") or another word.
func opensPhrase(t corpus.Token) bool {
	return t.Kind != token.Word || t.Stop && !pronouns[t.Norm] && !auxiliaries[t.Norm] && !beHave[t.Norm]
}

// beHave are the forms of "be" and "have" that make a verb form after
// them a verb ("were moving funds", "has issued letters").
var beHave = english.Set("be-have")

// pronouns stand for a subject or an object.
var pronouns = english.Set("personal-pronouns", "relative-pronouns")

// verbAfterNoun tells whether w, after prev, is a verb: a past form
// right after a noun that is no modifier ("the secretary shocked", not
// "the widely reported talks").
func (s *stats) verbAfterNoun(prev, w corpus.Token) bool {
	return pastForm(w.Norm) && s.isNoun(prev) && !s.adjective(prev.Norm)
}

// adverb tells whether a word has an adverb's ending ("desperately",
// "initially", "previously", "reportedly"), seven letters or more.
func adverb(w string) bool {
	if len(w) < 7 {
		return false
	}
	for _, suf := range adverbSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// adverbSuffixes end adverbs ("-ately", "-ously", "-edly"...).
var adverbSuffixes = english.List("adverb-suffixes")

// timeWords are nouns of time: phrases headed by one say when something
// happened, not how a report names it.
var timeWords = english.Set("time-nouns", "time-units")

// addPhrase adds the noun phrase [t0, t1) whose last token is its head.
func (e *tevent) addPhrase(ui, t0, t1 int, kind mkind) {
	u := &e.units[ui]
	if timeWords[singular(u.toks[t1-1].Norm)] {
		return // "this month", "recent years": when, not what is named
	}
	var ms []string
	for _, t := range u.toks[t0 : t1-1] {
		if t.Kind == token.Word && !determiners[t.Norm] {
			ms = append(ms, t.Stem)
		}
	}
	end := u.toks[t1-1].SrcEnd
	if last := u.toks[t1-1].Norm; noPoss(last) != last {
		end -= 2 // "the president's campaign": the mention is "the president"
	}
	e.cands = append(e.cands, tcand{u: ui, t0: t0, t1: t1, start: u.toks[t0].SrcStart, end: end, kind: kind,
		mods: ms, head: headForm(u.toks[t1-1].Norm), name: -1, cluster: -1})
}

// resolvePhrases sends each noun phrase to the entity it describes, when
// its head is a title or description that entity carries ("the
// president", "the North Korean leader"), or, for a bare "the X", when one
// entity's name ends in X ("the party"); the others form concepts by their
// head noun. It reads the name clusters (clusterNames, aliases) and the
// descriptions; it adds the title and the name of a titled name, and the
// description before a name, as candidates of their own; it sets byHead.
func (e *tevent) resolvePhrases() {
	d := &describers{heads: map[string]map[int]int{}, vocab: map[int]map[string]bool{}, ends: map[string]map[int]bool{}}
	parts := e.learnTitles(d)
	e.appositions(d)
	e.splitTitled(parts)
	e.splitDescriptions()
	e.phrasesByHead(d)
	e.joinByModifiers()
}

// describers are what resolvePhrases learns of the entities (the
// clusters of names) before it sends phrases to them: the words each is
// titled or described by, and the last words of their names.
type describers struct {
	heads map[string]map[int]int  // title or description head -> cluster -> count
	vocab map[int]map[string]bool // cluster -> title and description words
	ends  map[string]map[int]bool // last word of a name seen twice or more -> clusters
}

// note records that cluster cl is titled or described by a phrase with
// this head and these other words.
func (d *describers) note(cl int, head string, words []string) {
	if d.heads[head] == nil {
		d.heads[head] = map[int]int{}
	}
	d.heads[head][cl]++
	if d.vocab[cl] == nil {
		d.vocab[cl] = map[string]bool{}
	}
	for _, w := range words {
		d.vocab[cl][w] = true
	}
	d.vocab[cl][head] = true
}

// learnTitles notes the words each entity is described by: the titles
// before its names (the words before a shorter form of the same name:
// "President" in "President Rivera" beside "Rivera") and its
// descriptions; and the last words of the names seen twice or more. It
// returns the titled names as parts: candidate, words of title, whether
// the title stands apart (1).
func (e *tevent) learnTitles(d *describers) (parts [][3]int) {
	forms := map[string]int{} // name form -> cluster
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind == kName {
			forms[strings.Join(c.key, " ")] = e.find(c.cluster)
		}
	}
	formCount := map[string]int{}
	for i := range e.cands {
		if c := &e.cands[i]; c.kind == kName && !c.article {
			formCount[strings.Join(c.key, " ")]++ // "the GRPA" repeats a "GRPA" counted already
		}
	}
	for i := range e.cands {
		c := &e.cands[i]
		switch c.kind {
		case kName:
			cl := e.find(c.cluster)
			last := numbered(c.seq[len(c.seq)-1])
			if formCount[strings.Join(c.key, " ")] >= 2 {
				if d.ends[last] == nil {
					d.ends[last] = map[int]bool{}
				}
				d.ends[last][cl] = true
			}
			if c.article {
				continue // its name without "the" is split already
			}
			parts = append(parts, e.titleSplits(i, cl, forms, d)...)
		case kDesc:
			d.note(e.find(c.cluster), c.head, c.mods)
		}
	}
	return parts
}

// titleSplits splits name candidate i of cluster cl into a title and a
// name at every shorter form of the same name that ends it: "Norland" +
// "Prime Minister Omar Vell", "Norland Prime Minister Omar" + "Vell". The
// first split gives the title words (noted in d).
func (e *tevent) titleSplits(i, cl int, forms map[string]int, d *describers) [][3]int {
	c := &e.cands[i]
	var splits []int
	for k := 1; k < len(c.key); k++ {
		if f, ok := forms[strings.Join(c.key[k:], " ")]; !ok || f != cl {
			continue
		}
		if k == len(c.key)-1 && e.title(c.key[k]) {
			continue // a common noun ("Accord", of "the 1971 Accord") splits no name into a title and a name
		}
		if len(splits) == 0 {
			ws := slices.Clone(c.key[:k])
			d.note(cl, headForm(c.seq[k-1]), ws[:len(ws)-1])
		}
		splits = append(splits, k)
	}
	if len(splits) == 0 {
		return nil
	}
	// The name may go on leftwards over words never seen in lower case:
	// "Omar" of "Prime Minister Omar Vell" is a given name, "Minister" a
	// title ("the prime minister"). The title stands apart only before the
	// whole name.
	deepest := splits[len(splits)-1]
	j := deepest
	for j > 1 && !e.lowered[c.seq[j-1]] {
		j--
	}
	switch {
	case j < deepest && e.lowered[c.seq[j-1]]:
		splits = append(splits, j)
	case j == deepest && e.lowered[c.seq[j-1]]:
		// a title right before the shortest form: "Southland President" of
		// "Southland President Han Sol Mi", where "President Han Sol Mi"
		// is a form too
	default:
		j = splits[0] // the longest shorter form is the whole name: "Omar Vell" of "Union Chair Omar Vell"
	}
	var parts [][3]int
	for _, k := range splits {
		parts = append(parts, [3]int{i, k, boolInt(k == j)})
	}
	return parts
}

// appositions send a phrase set between commas after a name to that
// name's entity, which it describes: "Omar Vell, the veteran envoy, said",
// "Alma Rivera, a longtime Vell ally,".
func (e *tevent) appositions(d *describers) {
	nameEnds := map[[2]int]int{} // (unit, token after the name) -> the name
	for i := range e.cands {
		if c := &e.cands[i]; c.kind == kName && !c.article {
			nameEnds[[2]int{c.u, c.t1}] = i
		}
	}
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind != kPhrase || c.cluster >= 0 || c.t0 < 2 || pluralLike(e.units[c.u].toks[c.t1-1].Norm) {
			continue
		}
		u := &e.units[c.u]
		if u.toks[c.t0-1].Text != "," || c.t1 < len(u.toks) && u.toks[c.t1].Text != "," && u.toks[c.t1].Norm != "of" && u.toks[c.t1].Text != "." {
			continue
		}
		if n, ok := nameEnds[[2]int{c.u, c.t0 - 1}]; ok && !e.afterPreposition(&e.cands[n]) {
			cl := e.find(e.cands[n].cluster)
			c.cluster = cl
			d.note(cl, c.head, c.mods)
		}
	}
}

// splitTitled adds the parts of each titled name as nested mentions of
// its entity: its name ("Omar Vell") and, where the title stands apart,
// its title ("Norland Prime Minister").
func (e *tevent) splitTitled(parts [][3]int) {
	parts = e.splitQualified(parts)
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
					if p[2] == 1 && e.title(c.key[p[1]-1]) { // a title, not a qualifier alone ("Southland" of "Southland President Han")
						e.cands = append(e.cands, tcand{u: c.u, t0: c.t0, t1: t, start: c.start, end: u.toks[t-1].SrcEnd, kind: kName, seq: c.seq[:p[1]], key: c.key[:p[1]], name: -1, cluster: c.cluster})
					}
				}
				break
			}
			words += len(strings.Split(u.toks[t].Norm, "-"))
		}
	}
}

// splitQualified splits a name run that is two names: another's before a
// name of two words or more, no word of the run a title or ever written in
// lower case ("Essmark Aldo Brennan" of "Governor of Essmark Aldo Brennan", where
// "Essmark" names a place of its own; not "Russian FM", a title). The run
// becomes the name, and the other name a candidate of its own. It returns
// the parts of the other runs.
func (e *tevent) splitQualified(parts [][3]int) [][3]int {
	forms := map[string]int{} // name form -> cluster
	for i := range e.cands {
		if c := &e.cands[i]; c.kind == kName && !c.article {
			forms[strings.Join(c.key, " ")] = e.find(c.cluster)
		}
	}
	first := map[int]int{} // candidate -> its longest shorter form's split
	for _, p := range parts {
		if k, ok := first[p[0]]; !ok || p[1] < k {
			first[p[0]] = p[1]
		}
	}
	split := map[int]bool{}
	for _, i := range slices.Sorted(maps.Keys(first)) { // candidates appended in a fixed order
		k := first[i]
		c := e.cands[i]
		f, ok := forms[strings.Join(c.key[:k], " ")]
		if !ok || f == e.find(c.cluster) || len(c.key)-k < 2 || slices.ContainsFunc(c.seq, func(w string) bool { return e.lowered[w] || roleTitles[w] != "" }) {
			continue
		}
		u := &e.units[c.u]
		words := 0
		t := c.t0
		for ; t < c.t1; t++ {
			if u.toks[t].Kind != token.Word || honorifics[u.toks[t].Norm] {
				continue
			}
			if words >= k {
				break
			}
			words += len(strings.Split(u.toks[t].Norm, "-"))
		}
		if t == c.t0 || t >= c.t1 || words != k {
			continue
		}
		split[i] = true
		n := &e.cands[i]
		n.t0, n.start, n.seq, n.key = t, u.toks[t].SrcStart, c.seq[k:], c.key[k:]
		e.cands = append(e.cands, tcand{u: c.u, t0: c.t0, t1: t, start: c.start, end: u.toks[t-1].SrcEnd, kind: kName, seq: c.seq[:k], key: c.key[:k], name: -1, cluster: f})
	}
	var rest [][3]int
	for _, p := range parts {
		if !split[p[0]] {
			rest = append(rest, p)
		}
	}
	return rest
}

// roleTitles are titles and offices ("president", "fm"), written in
// lower case in a report or not.
var roleTitles = english.Map("role-titles")

// splitDescriptions adds the description before a name ("Northland
// leader" of "Northland leader Han Sol Mi") as a phrase of the name's
// entity.
func (e *tevent) splitDescriptions() {
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
}

// phrasesByHead sends each noun phrase not yet in a cluster to the entity
// it describes (describedEntity), or to the entity whose name its head
// ends; the others go to a concept of their head noun, people of one kind
// told apart by their proper modifiers (headKey). It sets byHead.
func (e *tevent) phrasesByHead(d *describers) {
	byHead := map[string]int{}          // head form -> concept
	headProper := map[string][]string{} // person heads -> the proper modifiers of their concept
	byHeadStem := map[string]int{}      // head stem -> the first such concept (for mining)
	for i := range e.cands {
		c := &e.cands[i]
		if c.kind != kPhrase || c.cluster >= 0 {
			continue
		}
		if cl, ok := e.describedEntity(c, d); ok {
			c.cluster = cl
			continue
		}
		// A phrase whose head ends a name of one entity seen twice, in the
		// same number, is that entity ("the memos" of "the Vell Memos";
		// not "the communist state" of "the United States"); the phrases
		// of a head go together ("the redacted memos" with "the memos").
		end := d.ends[numbered(e.units[c.u].toks[c.t1-1].Norm)]
		if len(c.mods) == 0 && len(end) == 1 {
			for cl := range end {
				c.cluster = cl
			}
			continue
		}
		hk := e.headKey(c, d, headProper)
		cl, ok := byHead[hk]
		if !ok {
			if len(end) == 1 {
				for x := range end {
					cl = x
				}
			} else {
				cl = e.newCluster(kPhrase)
			}
			byHead[hk] = cl
		}
		if st := e.units[c.u].toks[c.t1-1].Stem; byHeadStem[st] == 0 {
			byHeadStem[st] = cl + 1
		}
		c.cluster = cl
	}
	e.byHead = map[string]int{}
	for st, cl := range byHeadStem {
		e.byHead[st] = cl - 1
	}
}

// describedEntity is the entity titled or described by the head of
// phrase c, the one described by most of the phrase's other words too
// (on a tie, the one so described most often, by twice any other); or,
// for a relational noun ("his Southern counterpart"), the one entity
// whose titles hold its other words.
func (e *tevent) describedEntity(c *tcand, d *describers) (int, bool) {
	score := func(cl int) int {
		sc := 0
		for _, m := range c.mods {
			if d.vocab[cl][m] {
				sc++
			}
		}
		return sc
	}
	best, bs, tie := -1, -1, false
	for cl := range d.heads[c.head] {
		switch sc := score(cl); {
		case sc > bs:
			best, bs, tie = cl, sc, false
		case sc == bs:
			tie = true
		}
	}
	if tie {
		votes := map[int]int{}
		for cl, n := range d.heads[c.head] {
			if score(cl) == bs {
				votes[cl] = n
			}
		}
		best, tie = dominant(votes, 2)
		tie = !tie
	}
	if best >= 0 && !tie && !e.otherKind(c, bs) && !otherRank(c.mods, d.vocab[best]) {
		return best, true
	}
	if relational[c.head] && len(c.mods) > 0 {
		return e.describedBy(c.mods, d.vocab)
	}
	return -1, false
}

// otherKind tells whether phrase c, whose modifiers share score words
// with the entity its head describes, names others than that entity: a
// plural ("the officials", "Russian officials" are not the official Omar
// Vell), or proper modifiers none of which the entity's descriptions have
// ("the Norland envoy" is not Southland's).
func (e *tevent) otherKind(c *tcand, score int) bool {
	if w := e.units[c.u].toks[c.t1-1].Norm; w != c.head && pluralLike(w) {
		return true
	}
	return score == 0 && len(e.properMods(c)) > 0
}

// rankModifiers make a title another office ("vice", "deputy").
var rankModifiers = english.Set("rank-modifiers")

// otherRank tells whether a phrase's modifiers make its title another
// office than the entity's, whose descriptions (vocab) lack the modifier:
// "a senior vice president" is not President Vell; "the vice president"
// is Vice President Roe.
func otherRank(mods []string, vocab map[string]bool) bool {
	for _, m := range mods {
		if rankModifiers[m] && !vocab[m] {
			return true
		}
	}
	return false
}

// headKey is the key of the head concept phrase c goes to: its head; but
// people of one kind are told apart by proper modifiers: "the Norland
// envoy" is not "the Southland envoy", nor "Southland's envoys". A phrase
// whose proper words share none with those of its head's concept
// (headProper, set by the first phrase that has some) starts another.
func (e *tevent) headKey(c *tcand, d *describers, headProper map[string][]string) string {
	hk := c.head
	if !agent(c.head) && !relational[c.head] && len(d.heads[c.head]) == 0 {
		return hk
	}
	pm := e.properMods(c)
	have, seen := headProper[hk]
	switch {
	case !seen:
		headProper[hk] = pm
	case len(pm) == 0:
	case len(have) == 0:
		headProper[hk] = pm
	case !overlaps(have, pm):
		hk = c.head + "|" + strings.Join(pm, " ")
	}
	return hk
}

// joinByModifiers joins the head concepts of phrases that differ only in
// their head noun, after the same name and word ("the Norland fisheries
// deal", "the Norland fisheries agreement"): one thing in two words.
func (e *tevent) joinByModifiers() {
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
			continue // a name and a common word before the head: "the Norland fisheries deal"
		}
		k := strings.Join(c.mods, " ")
		if other, ok := byMods[k]; ok {
			e.union(other, c.cluster)
		} else {
			byMods[k] = c.cluster
		}
	}
}

// properMods are the capitalised words before the head of phrase c, in
// lower case without 's ("norland" of "Norland's envoy"); none in a
// headline, where most words are capitalised.
func (s *stats) properMods(c *tcand) []string {
	u := &s.units[c.u]
	if u.sent < 0 {
		return nil
	}
	var out []string
	for k, t := range u.toks[c.t0 : c.t1-1] {
		if t.Kind != token.Word || determiners[t.Norm] || !capitalised(t.Text) || c.t0+k == 0 && !s.midCap[t.Norm] {
			continue
		}
		out = append(out, noPoss(t.Norm))
	}
	return out
}

// overlaps tells whether a and b share a word.
func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// sameInPlural are nouns in -s that are no plurals ("news", not "new").
var sameInPlural = english.Set("same-in-plural")

// headForm is how a head noun is compared: its singular, in lower case,
// so that "talks" is "talk" but "reporter" is not "report", nor
// "presidency" "president" (their stems are one).
func headForm(w string) string {
	w = strings.ToLower(w)
	w = noPoss(w)
	return singular(w)
}

// numbered is a word's singular, marked when the word is a plural:
// "memos" and "Memos" match, "state" and "States" do not.
func numbered(w string) string {
	if pluralLike(w) {
		return singular(w) + "+s"
	}
	return w
}

// singular undoes a plural ending: "countries" is "country", "speeches"
// "speech", "talks" "talk"; "press", "status", "crisis" and "news" stay.
func singular(w string) string {
	switch {
	case len(w) <= 3 || !strings.HasSuffix(w, "s") || sameInPlural[w]:
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y" // "countries", "parties"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w // "press", "status", "crisis"
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "sses"):
		return w[:len(w)-2] // "speeches", "taxes", "addresses"
	}
	return w[:len(w)-1]
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
