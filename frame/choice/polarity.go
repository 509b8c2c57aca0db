package choice

import (
	"strings"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// Polarities of a loaded word in its context (Choice.Polarity).
const (
	Positive = "positive"
	Negative = "negative"
	Neutral  = "neutral" // the context takes the judgement out: a degree use, a position on a scale, a denial
)

// The polarity of a loaded word is its lexicon entry's (lexicon.Loaded)
// read in its context, by the passes below, in this order, the first that
// applies deciding:
//
//   - degreeUse: an evaluative word sizing an amount ("a stunning level
//     of dissent", "a staggering 40 percent", "at an alarming rate") says
//     how much, not how good or bad: neutral (the mark stays: intensity
//     is a choice of its own);
//   - graded: a word the lexicon rates weakly (the opinion lexicon's, not
//     rated strongly by VADER's raters), graded by a degree word and
//     naming a place or a group ("more conservative areas", "deeply
//     conservative districts"), places them on a scale, a description:
//     neutral. A word rated strongly keeps its judgement ("more brutal
//     regimes");
//   - excess: a degree word of excess just before a positive word ("too
//     generous", "overly optimistic") blames: negative;
//   - negated: a negator shortly before the word ("not", "never",
//     "hardly", "didn't") turns a positive word negative ("not a fair
//     deal" criticises) and a negative one neutral ("not a brutal
//     crackdown" denies, it does not praise). Flipping both ways, as VADER
//     does (valence times -0.74), would make every denial praise;
//     negation is asymmetric in use (C. Potts, "On the negativity of
//     negation", SALT 20 (2010); the polarity shift of M. Taboada et al.,
//     "Lexicon-based methods for sentiment analysis", Computational
//     Linguistics 37(2), 2011).
//
// A word in a quote the report carries keeps its reading, but the reading
// is the speaker's (Choice.Quoted, Choice.Speaker): see loadedChoices.

// negationWindow is how many words before a loaded word a negator may
// stand and still negate it (VADER's window: "not a very brutal").
const negationWindow = 3

// The word lists of the passes (internal/english/lists).
var (
	negators      = english.Set("negators")     // "not", "never", "didn't"
	excessWords   = english.Set("excess-words") // "too", "overly"
	degreeWords   = english.Set("degree-words") // "more", "very", "deeply"
	degreeNouns   = stems(english.List("degree-nouns"))
	placeGroups   = stems(english.List("place-group-nouns"))
	determiners   = english.Set("determiners")          // "a stunning level of": an adjective opening a noun phrase
	cardinalWords = english.Map("cardinals")            // "a staggering three million" (a word and its value)
	definites     = english.Set("definite-determiners") // "without the brutal methods of the past": given, not denied
	additive      = english.Set("additive")             // "not only brutal but...": no negation
	clauseOpeners = english.Set("clause-openers")       // a negation does not reach past "but", "that", "which"
	adverbEnds    = english.List("adverb-suffixes")
)

// stems are the Snowball stems of a list's words, so that one entry
// ("area") stands for its forms ("areas").
func stems(words []string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		for _, t := range token.Tokenize(w) {
			out[t.Stem] = true
		}
	}
	return out
}

// lexiconPolarity is the polarity a loaded word's lexicon entry gives it,
// read from its reason (lexicon.Loaded): the sign of its VADER valence or
// its opinion-lexicon polarity; weak tells that only the opinion lexicon
// rates it (VADER's raters did not rate it strongly). "" if the reason
// says neither.
func lexiconPolarity(why string) (polarity string, weak bool) {
	switch {
	case strings.HasPrefix(why, "a positive opinion word"):
		return Positive, true
	case strings.HasPrefix(why, "a negative opinion word"):
		return Negative, true
	}
	if _, v, ok := strings.Cut(why, "(valence "); ok {
		switch {
		case strings.HasPrefix(v, "-"):
			return Negative, false
		case v != "" && v[0] >= '0' && v[0] <= '9':
			return Positive, false
		}
	}
	return "", false
}

// reading is what a pass makes of a loaded word in its context: its
// polarity there and, if a pass applied, what it read, for the reason.
type reading struct {
	polarity string
	note     string // appended to the reason: `a degree use ("stunning level"): ...`
}

// inContext reads the polarity of toks[i], a loaded word whose lexicon
// entry gives it polarity lex (weak: the opinion lexicon's only), from the
// words of its sentence around it. With no pass applying it is lex.
func inContext(toks []corpus.Token, i int, lex string, weak bool) reading {
	if end, ok := degreeUse(toks, i); ok {
		return reading{Neutral, "a degree use (" + phrase(toks, i, end) + "): it sizes what follows, neutral here"}
	}
	if weak {
		if from, to, ok := graded(toks, i); ok {
			return reading{Neutral, "graded (" + phrase(toks, from, to) + "): a position on a scale, a description, neutral here"}
		}
	}
	if lex == Positive {
		if x, ok := excess(toks, i); ok {
			return reading{Negative, "after " + quote(x) + ": too much of it, negative here"}
		}
	}
	if neg, ok := negated(toks, i); ok {
		switch lex {
		case Positive:
			return reading{Negative, "negated (" + quote(neg) + "): negative here"}
		case Negative:
			return reading{Neutral, "negated (" + quote(neg) + "): a negative word denied is no praise, neutral here"}
		}
	}
	return reading{polarity: lex}
}

func quote(s string) string { return `"` + s + `"` }

// phrase is toks[from] to toks[to] as the sentence spaces them, quoted.
func phrase(toks []corpus.Token, from, to int) string {
	var b strings.Builder
	for k := from; k <= to; k++ {
		if k > from && toks[k].Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return quote(b.String())
}

// degreeUse tells whether toks[i], opening a noun phrase after a
// determiner, sizes an amount that follows it: the next token is a number
// ("a staggering 40 percent", "a stunning $2 billion", "a staggering
// three million") or a noun of quantity or degree ("a stunning level of",
// "at an alarming rate"); end is the index of its last token. The
// determiner keeps out a verb before a number ("won 3 percent", "killed
// four").
func degreeUse(toks []corpus.Token, i int) (end int, ok bool) {
	if i == 0 || i+1 >= len(toks) || toks[i-1].Kind != token.Word || !determiners[toks[i-1].Norm] {
		return 0, false
	}
	n := toks[i+1]
	switch {
	case n.Kind == token.Number:
		return i + 1, true
	case n.Kind == token.Symbol && i+2 < len(toks) && toks[i+2].Kind == token.Number:
		return i + 2, true
	case n.Kind == token.Word && (cardinalWords[n.Norm] != "" || degreeNouns[n.Stem]):
		return i + 1, true
	}
	return 0, false
}

// graded tells whether toks[i] is graded by a degree word before it
// ("more", "deeply"; an adverb may stand between: "more socially") and
// describes a place or a group of people named within the three words
// after it ("more conservative areas", "more conservative rural
// districts"), reaching no punctuation or function word first; from is
// the index of the degree word, to that of the noun.
func graded(toks []corpus.Token, i int) (from, to int, ok bool) {
	from = -1
	for j, words := i-1, 0; j >= 0 && words < 2; j, words = j-1, words+1 {
		t := toks[j]
		if t.Kind != token.Word {
			break
		}
		if degreeWords[t.Norm] {
			from = j
			break
		}
		if !adverb(t.Norm) {
			break
		}
	}
	if from < 0 {
		return 0, 0, false
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		t := toks[j]
		if t.Kind != token.Word || t.Stop {
			break
		}
		if placeGroups[t.Stem] {
			return from, j, true
		}
	}
	return 0, 0, false
}

// adverb tells whether a word of seven letters or more has an adverb's
// ending ("socially", "fiscally", "religiously").
func adverb(w string) bool {
	if len(w) < 7 {
		return false
	}
	for _, e := range adverbEnds {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// excess tells whether a degree word of excess stands just before
// toks[i] ("too generous", "far too generous", "overly optimistic"); x is
// that word.
func excess(toks []corpus.Token, i int) (x string, ok bool) {
	if i > 0 && toks[i-1].Kind == token.Word && excessWords[toks[i-1].Norm] {
		return toks[i-1].Text, true
	}
	return "", false
}

// negated tells whether a negator stands within negationWindow words
// before toks[i], in its clause, with only function words and degree
// words between ("not a brutal", "never so brutal", "hardly a very
// brutal"), and is no "not only" ("not only brutal but..."); neg is the
// negator as written. Punctuation, a clause opener ("but", "that"), a
// content word ("did not stop the brutal crackdown") or a definite
// determiner ("without the brutal methods of the past": a definite
// description is given, the negation does not deny it) ends the search.
func negated(toks []corpus.Token, i int) (neg string, ok bool) {
	for j, words := i-1, 0; j >= 0 && words < negationWindow; j, words = j-1, words+1 {
		t := toks[j]
		if t.Kind != token.Word {
			return "", false
		}
		if negators[t.Norm] {
			if j+1 < i && additive[toks[j+1].Norm] {
				return "", false
			}
			return t.Text, true
		}
		if degreeWords[t.Norm] {
			continue
		}
		if definites[t.Norm] || clauseOpeners[t.Norm] || !t.Stop {
			return "", false
		}
	}
	return "", false
}
