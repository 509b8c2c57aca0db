package segment

import (
	"strings"

	"github.com/biasdiff/biasdiff/internal/english"
)

// The word lists are general English usage (AP style for news), and name
// no particular article; they live in internal/english/lists. The lists of
// abbreviations and time zones are case-sensitive; the others are in lower
// case, and this package matches their capitalised forms where a sentence
// would start with one.

// abbreviations maps a word written with a final period, without that
// period, to its class. Words are matched case-sensitively.
var abbreviations = map[string]int{}

func init() {
	for _, w := range english.List("title-abbreviations") {
		abbreviations[w] = title
	}
	for _, w := range english.List("name-abbreviations") {
		abbreviations[w] = initial
	}
	// Months and days; states and provinces; counting, measure and
	// reference words.
	abbrevs := append(capitalised(english.List("month-abbreviations", "day-abbreviations")), english.List("abbreviations")...)
	for _, w := range abbrevs {
		if _, ok := abbreviations[w]; !ok {
			abbreviations[w] = abbrev
		}
	}
	for _, w := range english.List("company-abbreviations") {
		abbreviations[w] = company
	}
	// "a.m." and "p.m.", the clock words with a full stop
	for _, w := range english.List("clock-words") {
		if w, ok := strings.CutSuffix(w, "."); ok {
			abbreviations[w], abbreviations[strings.ToUpper(w)] = clockAbb, clockAbb
		}
	}
}

// starters are words that commonly open an English sentence: pronouns,
// determiners, conjunctions, prepositions and sentence adverbs. After an
// initial or initialism (U.S., C., Jr.) a capitalized word is most often a
// name or the rest of a name (U.S. Capitol); one of these starts a sentence.
var starters = setOf(capitalised(english.List("sentence-starters"))...)

// pronouns may be the speaker of an attribution (“Why?” He asked.).
var pronouns = setOf(capitalised(english.List("speaker-pronouns"))...)

// clockFollowers are words that may follow a.m. or p.m. within a sentence:
// days, months and time zones (8 p.m. Wednesday, 4:05 p.m. ET).
var clockFollowers = setOf(append(capitalised(english.List("days", "day-abbreviations", "months", "month-abbreviations")),
	english.List("time-zones")...)...)

// timePrepositions may stand before a clock time that opens a sentence
// (At 5 a.m., Shortly after 6 p.m.).
var timePrepositions = setOf(append(capitalised(english.List("time-prepositions", "time-adverbs")),
	english.List("time-prepositions")...)...)

// corporateTitles follow a company name in a title (Apple Inc. Chief
// Executive Tim Cook).
var corporateTitles = setOf(capitalised(english.List("corporate-titles"))...)

// speechVerbs attribute a quotation (“...?” she asked): every form of the
// reporting verbs, and verbs of speaking in dialogue (“...?” she cried).
var speechVerbs = func() map[string]bool {
	m := setOf(english.List("speech-verbs")...)
	for _, line := range english.List("reporting-verbs") {
		for _, f := range english.VerbForms(line) {
			m[f] = true
		}
	}
	return m
}()

// attributionFillers may stand between the speaker and the verb (Mr. Trump
// was quoted as saying, she later asked).
var attributionFillers = english.Set("verb-fillers")

// capitalised returns the words with their first letter in upper case.
func capitalised(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return out
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
