// Statistics: what the concept finder reads about the whole event before
// it looks for a mention, built once by newStats and written by no pass.

package frame

import (
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// tunit is a sentence (or a title) with its tokens.
type tunit struct {
	art, sent int
	toks      []corpus.Token
	// titleCase: most of its words are capitalised, as in a headline,
	// whatever its place (a headline kept as the first sentence).
	titleCase bool
}

// stats are the event's units (sentences and titles, with their tokens)
// and what its words are seen doing across all of them: written with a
// capital inside a sentence or not, after a determiner, after a subject.
// They decide what a word is where one sentence alone cannot ("Rivera
// says" against "the says"); newStats builds them, and the passes only
// read them.
type stats struct {
	arts  []*corpus.Article
	units []tunit
	// midCap: words seen capitalised inside a sentence, so that a
	// capitalised first word counts as a name only if it is one elsewhere.
	midCap map[string]bool
	// leads: words that start a run of capitalised words with no "of"
	// before ("South" in "South Korea said"): the start of a name of its
	// own.
	leads map[string]bool
	// nounish: words seen right after a determiner ("the X"): nouns, or
	// adjectives, but not verbs; and words seen between a name and a name,
	// or after a possessive, that are nouns there (nounsBetween).
	nounish   map[string]bool
	nounStems map[string]bool // the stems of the nounish words
	lowered   map[string]bool // words (Norm) seen in lower case mid-sentence: not given names
	lowStems  map[string]bool // their stems
	acronym   map[string]bool // words seen written in capitals ("GRPA", "G.R.P.A.")
	verbs     map[string]bool // words seen right after a subject pronoun or "to": verbs
	plural    map[string]bool // words whose plural (-s, -es) the event has
	// premod: words that, in most of their uses, stand before another
	// word in lower case, not a known verb ("nuclear" in "nuclear
	// tests"): modifiers. An agent noun is a head ("the minister spoke").
	premod map[string]bool
	// sayVerbs: the verbs that introduce the event's quotes ("states").
	sayVerbs map[string]bool
	// addressed: the stems of the words of names written right after an
	// honorific or a title ("Mr. Han", "President Han Sol Mi said"):
	// names of people, which a first name or a family name written first
	// can stand for ("Han" of "Han Sol Mi"), where the first word of a
	// place or an organisation cannot ("Northland" of "Northland Times").
	addressed map[string]bool
}

// newStats reads the event: its units, then each word's case and place
// (scanWords), the verbs of its quotes, its modifiers and plurals, and
// last the nouns that only a name or a possessive around them tells
// (nounsBetween), which need all of those. Cost: linear in the tokens.
func newStats(arts []*corpus.Article) *stats {
	s := &stats{arts: arts, units: eventUnits(arts), midCap: map[string]bool{}, leads: map[string]bool{}, nounish: map[string]bool{},
		nounStems: map[string]bool{}, lowered: map[string]bool{}, lowStems: map[string]bool{}, acronym: map[string]bool{}, verbs: map[string]bool{}}
	between, afterPoss := s.scanWords()
	s.sayVerbs = quoteVerbs(arts)
	s.premod = s.modifiers()
	s.plural = s.plurals()
	s.nounsBetween(between, afterPoss)
	s.addressed = s.addressedNames()
	return s
}

// addressedNames finds the words of the names written after an
// honorific or a title word (a common noun of the reports, capitalised
// there: "the president" and "President Han Sol Mi", "Mr. Vell"): names
// of people.
func (s *stats) addressedNames() map[string]bool {
	out := map[string]bool{}
	for _, u := range s.units {
		if u.titleCase {
			continue
		}
		for k := 1; k < len(u.toks); k++ {
			prev := u.toks[k-1]
			if prev.Text == "." && k > 1 {
				prev = u.toks[k-2] // "Mr." as two tokens
			}
			if prev.Kind != token.Word || !(honorifics[prev.Norm] || capitalised(prev.Text) && s.lowStems[prev.Stem] && s.nounStems[prev.Stem]) {
				continue
			}
			for j := k; j < len(u.toks) && u.toks[j].Kind == token.Word && capitalised(u.toks[j].Text); j++ {
				if t := u.toks[j]; !s.lowStems[t.Stem] {
					out[t.Stem] = true
				}
			}
		}
	}
	return out
}

// eventUnits lists the units of the event, article by article: the title
// (when the article's source holds it as written), then the sentences.
func eventUnits(arts []*corpus.Article) []tunit {
	var units []tunit
	for ai, a := range arts {
		if a.TitleSpan != nil && utf8.RuneCountInString(a.Title) == a.TitleSpan.End-a.TitleSpan.Start {
			toks := a.TitleTokens()
			ct := make([]corpus.Token, len(toks))
			for k, t := range toks {
				s := a.TitleSpan.Start + utf8.RuneCountInString(a.Title[:t.Start])
				ct[k] = corpus.Token{Token: t, SrcStart: s, SrcEnd: s + utf8.RuneCountInString(t.Text)}
			}
			units = append(units, tunit{art: ai, sent: -1, toks: ct, titleCase: true})
		}
		for si := range a.Sentences {
			toks := a.SentenceTokens(si)
			units = append(units, tunit{art: ai, sent: si, toks: toks, titleCase: corpus.TitleCase(toks)})
		}
	}
	return units
}

// scanWords reads every word of the units not in title case: its case
// (noteCase), whether it follows a subject (verbs) or a determiner
// (nounish). It returns the lower-case words seen between a name and a
// name of two words or more ("Northland dictator Omar Vell"), and those
// seen after a possessive name with the lower-case word after each ("" if
// none): nounsBetween decides those once the modifiers are known.
func (s *stats) scanWords() (between map[string]bool, afterPoss [][2]string) {
	between = map[string]bool{}
	for _, u := range s.units {
		if u.titleCase {
			continue // headlines capitalise every word
		}
		first := true
		for k, t := range u.toks {
			if t.Kind != token.Word {
				continue
			}
			s.noteCase(u.toks, k, first)
			first = false
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
				s.verbs[t.Norm] = true
			}
			if nounAfterDeterminer(u.toks, k) {
				s.nounish[u.toks[k+1].Norm] = true
				s.nounStems[u.toks[k+1].Stem] = true
			}
		}
	}
	return between, afterPoss
}

// noteCase notes how word k of toks is written: capitalised inside a
// sentence (midCap; leads if no capitalised word or "of" is before it),
// in lower case inside a sentence (lowered), in capitals (acronym).
func (s *stats) noteCase(toks []corpus.Token, k int, first bool) {
	t := toks[k]
	if !first && capitalised(t.Text) {
		s.midCap[t.Norm] = true
		if k == 0 || !capitalised(toks[k-1].Text) && toks[k-1].Norm != "of" {
			s.leads[t.Norm] = true
		}
	}
	if !first && !capitalised(t.Text) {
		s.lowered[t.Norm] = true
		s.lowStems[t.Stem] = true
	}
	if allCaps(t.Text) {
		s.acronym[t.Norm] = true
	}
}

// nounAfterDeterminer tells whether token k is a determiner and the word
// after it a noun, or an adjective ("the X"): not a post-determiner ("the
// next day"), nor a word before a name ("the southern Silver Isles": there
// X describes the name), nor after a "that" that starts a clause ("weapons
// that pose a threat"), nor a word in -s after a singular determiner or
// "that" ("that includes": a verb).
func nounAfterDeterminer(toks []corpus.Token, k int) bool {
	if !determiner(toks[k]) || k+1 >= len(toks) || !lowerWord(toks[k+1]) || postDeterminers[toks[k+1].Norm] {
		return false
	}
	det, x := toks[k].Norm, toks[k+1].Norm
	if k+2 < len(toks) {
		next := toks[k+2]
		if capitalised(next.Text) || det == "that" && (determiner(next) || pronouns[next.Norm]) {
			return false
		}
	}
	return !((singularDets[det] || det == "that") && pluralLike(x))
}

// quoteVerbs are the verbs that introduce the quotes of arts, in lower
// case.
func quoteVerbs(arts []*corpus.Article) map[string]bool {
	out := map[string]bool{}
	for _, a := range arts {
		for _, q := range a.Quotes {
			if q.Verb != "" {
				out[strings.ToLower(q.Verb)] = true
			}
		}
	}
	return out
}

// modifiers are the lower-case words seen minPremodUses times or more,
// three in four of them before another lower-case word that is no verb,
// or before a name ("former President Vell", "the former Norland envoy"),
// agent nouns aside. It reads verbs and sayVerbs.
func (s *stats) modifiers() map[string]bool {
	uses, before := map[string]int{}, map[string]int{}
	for _, u := range s.units {
		for k, t := range u.toks {
			if !lowerWord(t) {
				continue
			}
			uses[t.Norm]++
			if k+1 < len(u.toks) && s.modifies(u.toks[k+1]) {
				before[t.Norm]++
			}
		}
	}
	out := map[string]bool{}
	for w, n := range uses {
		if n >= minPremodUses && before[w]*4 >= n*3 && !agent(w) {
			out[w] = true
		}
	}
	return out
}

// modifies tells whether a word before next stands as its modifier
// would: next is a lower-case word that is not a verb (seen after a
// subject, introducing a quote, or a past form), or a capitalised word.
func (s *stats) modifies(next corpus.Token) bool {
	if lowerWord(next) {
		return !s.verbs[next.Norm] && !s.sayVerbs[next.Norm] && !pastForm(next.Norm)
	}
	return next.Kind == token.Word && capitalised(next.Text)
}

// plurals are the words whose plural the event writes: w for each word
// "ws", and v for each word "ves" ("taxes" gives "taxe" and "tax").
func (s *stats) plurals() map[string]bool {
	out := map[string]bool{}
	for _, u := range s.units {
		for _, t := range u.toks {
			if t.Kind == token.Word && strings.HasSuffix(t.Norm, "s") {
				out[t.Norm[:len(t.Norm)-1]] = true
				out[strings.TrimSuffix(t.Norm, "es")] = true
			}
		}
	}
	return out
}

// nounsBetween makes nouns of the words between two names and of the
// words after a possessive that head their phrase, unless seen as verbs.
// A word after a possessive is a noun unless a noun (a plural, say) or an
// adjective follows it and it has no plural in the event: "Norland's
// foreign minister", "Norland's domestic woes" (modifiers), but "Norland's
// missile tests" ("missiles" is written). It reads nounish as scanWords
// left it, plural, premod and verbs.
func (s *stats) nounsBetween(between map[string]bool, afterPoss [][2]string) {
	for _, p := range afterPoss {
		if n := p[1]; n == "" || !s.nounish[n] && !(agent(n) && !s.verbs[n]) && !s.adjective(n) && !pluralLike(n) || s.plural[p[0]] {
			between[p[0]] = true
		}
	}
	for w := range between {
		if !s.verbs[w] {
			s.nounish[w] = true
			for _, t := range token.Tokenize(w) {
				s.nounStems[t.Stem] = true
			}
		}
	}
}
