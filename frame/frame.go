// Package frame finds framing differences between the reports of one
// event, as data: which words each outlet uses for the same thing (term
// choice). Its subpackages find the rest, each from the same articles:
// whom a report lets speak and how (attribution), what it leaves out and
// what it puts first (omission), which words are its own (distinctive),
// the spans worth marking (choice), the facts reports state differently
// (discrepancy); package lexicon reads the concept files and word lists
// they match. It formats nothing; package report renders it.
//
// In: the articles of one event (package corpus), the claims aligned
// across them (package align), and optionally the concepts matched from
// concept files (Options.Given, from lexicon.Lexicon.Match).
// Out: Concepts: things the reports name, each a set of Mentions (offsets
// in runes into the article's source), a source span in one concept at
// most, marked with where the concept came from: "entity" (names, their
// short forms, titles, descriptions, acronyms, alias statements, noun
// phrases by head), "mined" (wordings a writer contrasts, or that replace
// each other in aligned sentences: "leasing" / "selling"), "lexicon" (a
// concept file's phrases), "predicate" (an act reports word differently:
// "seized" / "captured"; package frame/predicate); and the helpers that read them: Key and Norm
// (the forms in which wordings are compared), Outlets, Differs, Telling,
// Contrasts and Contrasting (how the outlets' wordings of one concept
// differ). Concept, Mention, Source and Confidence are the types the
// subpackages share. The concept finder reads the event's statistics once
// (stats.go), then runs an ordered list of small passes over candidate
// mentions and clusters (see Concepts); its English word lists are data
// files in internal/english/lists.
//
// Cost: linear in the tokens of the event, plus a word diff per pair of
// similar sentences of different reports (BenchmarkConcepts: an event of 50
// reports in about 0.2 s, its concept files matched; BenchmarkCompare50 in
// package report, the whole analysis, about 0.6 s). A single sentence of
// any length costs no more than its tokens: mentions claim spans through
// an index of the spans claimed (BenchmarkConceptsLongSentence: one
// unpunctuated sentence of 3 MB in a few seconds, where scanning every
// claimed span for each mention took 14 s).
//
// Long reports: the sentence pairs diffed for mining beyond the aligned
// claims are those sharing rarer stems, where a stem in more than 16
// sentences a report, in reports of more than 64 sentences on average, is
// the event's topic and shares nothing (align.Topic); so the pairs grow with
// the sentences, not with their square. Events of shorter reports are
// analysed as before.
//
// The package knows no topic: everything topic-specific comes from the
// input or from a concept file.
package frame

// Source tells where a concept came from.
type Source string

const (
	Mined   Source = "mined"
	Entity  Source = "entity"
	Lexical Source = "lexicon"
	// Predicate: an act that reports carrying one statement word
	// differently ("seized" / "captured"): package frame/predicate.
	Predicate Source = "predicate"
)

// Mention is one span of an article that names a concept.
type Mention struct {
	Article  int    `json:"article"`  // index into the articles given
	Sentence int    `json:"sentence"` // index into Article.Sentences; -1 for the title
	Start    int    `json:"start"`    // source offsets, runes
	End      int    `json:"end"`
	Text     string `json:"text"` // as written
	// Note is the concept file's note on this phrase, if any (which side
	// uses it, say).
	Note string `json:"note,omitempty"`
	// Nested marks a part of a longer mention of the same concept: the
	// name and the title in "Norland Prime Minister Omar Vell". Counts
	// and flags leave nested mentions out.
	Nested bool `json:"nested,omitempty"`
}

// TagAlias marks a found concept whose names a report gives as names of
// one thing ("which X calls A and Y calls B").
const TagAlias = "alias"

// Concept is one thing in the world that the reports name, with every
// mention of it found.
type Concept struct {
	ID     string   `json:"id"`
	Label  string   `json:"label"`
	Source Source   `json:"source"`
	Tags   []string `json:"tags,omitempty"` // from a concept file: e.g. "reporting-verb", "loaded"
	// Confidence is how sure the tool is that the mentions name one thing
	// (see Confidence); it orders concepts (see Concepts).
	Confidence Confidence `json:"confidence,omitempty"`
	Mentions   []Mention  `json:"mentions"`
}

// Confidence is how sure the tool is that a concept's mentions name one
// thing, from the evidence that joined them.
type Confidence string

const (
	// Sure: one wording; the forms of one name (short forms, titles,
	// descriptions set before it, acronyms); an alias statement; a
	// concept file's phrases; wordings that replace each other in aligned
	// sentences or that a writer contrasts (mined), with one noun phrase
	// at most.
	Sure Confidence = "sure"
	// Likely: a name with noun phrases joined to it through the titles and
	// descriptions the reports give it ("the foreign minister"); an act
	// that reports word differently (predicate), which WordNet and the
	// statement or arguments it stands in tie together, right about 85
	// times in 100.
	Likely Confidence = "likely"
	// Loose: noun phrases joined by their head noun alone ("the talks",
	// "the peace talks"; "a peace treaty", "arms control treaty").
	Loose Confidence = "loose"
)

// Rank orders confidences: higher is surer; 0 for none given.
func (c Confidence) Rank() int {
	switch c {
	case Sure:
		return 3
	case Likely:
		return 2
	case Loose:
		return 1
	}
	return 0
}
