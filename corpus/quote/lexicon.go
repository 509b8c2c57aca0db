package quote

import (
	"strings"

	"github.com/biasdiff/biasdiff/internal/english"
)

// Word classes. A word may be in several.
const (
	lxVerb         uint32 = 1 << iota // reporting verb form ("said", "stressed", "told")
	lxRelay                           // the subject passes on someone else's words ("reports", "quoted")
	lxIng                             // -ing participle of a reporting verb ("adding")
	lxHead                            // title that names a role ("minister", "president", "expert")
	lxMod                             // title modifier ("foreign", "prime", "deputy")
	lxHonor                           // honorific ("mr", "dr")
	lxFunc                            // function word: never part of a name
	lxDet                             // determiner
	lxPron                            // personal pronoun
	lxClause                          // starts a clause: ends a noun phrase
	lxPrep                            // preposition that may sit inside a subject noun phrase
	lxSkip                            // auxiliary or adverb between a subject and its verb
	lxTime                            // time noun ("week", "today")
	lxTimeDet                         // "this", "last", "on" before a time noun
	lxWeekday                         // weekday
	lxMonth                           // month
	lxOrg                             // last word of an organisation or place name ("Ministry", "Islands")
	lxParticle                        // name particle ("van", "bin")
	lxStop                            // verb that ends a subject noun phrase ("is", "has")
	lxAbbrev                          // abbreviation written with a period ("Mr.", "Gen.")
	lxAgent                           // a noun for people or a body that can speak ("officials", "group", "residents")
	lxMedia                           // a noun for a publication that passes words on ("channel", "newspaper")
	lxAdvClause                       // opens an adverbial clause ("when", "because")
	lxNaming                          // makes the quotation after it a name ("dubbed", "so-called")
	lxSentAdv                         // sentence adverb before a comma ("Instead,", "Finally,")
	lxObjPrep                         // preposition whose object a name after it is ("of", "about")
	lxCallParticle                    // particle after "call" that makes it report nothing ("called on")
)

// wordLists maps word classes to the English word lists of their members
// (internal/english/lists).
var wordLists = []struct {
	class uint32
	words map[string]bool
}{
	{lxHead, english.Set("role-nouns")},
	{lxMod, english.Set("role-modifiers")},
	{lxHonor, english.Set("titles-of-address")},
	{lxFunc, english.Set("function-words", "titles-of-address")},
	{lxDet, english.Set("determiners", "quantifiers")},
	{lxPron, english.Set("personal-pronouns")},
	{lxClause, english.Set("clause-openers")},
	{lxPrep, english.Set("subject-prepositions")},
	{lxSkip, english.Set("verb-fillers")},
	{lxTime, english.Set("time-nouns")},
	{lxTimeDet, english.Set("time-determiners")},
	{lxWeekday, english.Set("days")},
	{lxMonth, english.Set("months", "month-abbreviations")},
	{lxOrg, english.Set("name-ends")},
	{lxParticle, english.Set("name-particles")},
	{lxMedia, english.Set("media-nouns")},
	{lxAgent, english.Set("speaker-nouns")},
	{lxStop, english.Set("subject-stops")},
	{lxAbbrev, english.Set("period-abbreviations")},
	{lxAdvClause, english.Set("adverbial-conjunctions")},
	{lxNaming, english.Set("naming-words")},
	{lxSentAdv, english.Set("sentence-adverbs")},
	{lxObjPrep, english.Set("object-prepositions")},
	{lxCallParticle, english.Set("call-particles")},
}

// lexicon maps a lowercase word to its classes.
var lexicon = buildLexicon()

// particleOut are the forms of the verbs that report only before "out"
// ("pointed out"; internal/english out-verbs).
var particleOut = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range english.List("out-verbs") {
		for _, f := range english.VerbForms(line) {
			m[f] = true
		}
	}
	return m
}()

func buildLexicon() map[string]uint32 {
	m := make(map[string]uint32, 1024)
	for _, l := range wordLists {
		for w := range l.words {
			m[w] |= l.class
		}
	}
	nouns, relays := english.Set("reporting-verb-nouns"), english.Set("relay-verbs")
	for _, line := range english.List("reporting-verbs") {
		forms := english.VerbForms(line)
		class := lxVerb
		if relays[forms[0]] {
			class |= lxRelay
		}
		for i, f := range forms {
			if i == 0 && nouns[f] {
				continue
			}
			c := class
			if strings.HasSuffix(f, "ing") {
				c |= lxIng
			}
			m[f] |= c
		}
	}
	// The event pass keeps these only when "out" follows.
	for w := range particleOut {
		m[w] |= lxVerb
		if strings.HasSuffix(w, "ing") {
			m[w] |= lxIng
		}
	}
	return m
}

// ReportingVerb tells whether a lower-case word is a form of an English
// reporting verb ("said", "told", "argued", "according"), as Find reads
// them ("pointed" only before "out", which the caller checks).
func ReportingVerb(w string) bool { return lexicon[w]&lxVerb != 0 && lexicon[w]&lxRelay == 0 }
