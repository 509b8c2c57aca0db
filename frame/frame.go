// Package frame finds framing differences between the reports of one
// event, as data: which words each outlet uses for the same thing (term
// choice), and, on the same foundation, attribution, omission, emphasis and
// distinctive words. It formats nothing; package report renders it.
//
// In: the articles of one event (package corpus), the claims and quotes
// aligned across them (package align), and optionally a user's concept
// file (a Lexicon). Out: Concepts, each a set of Mentions (offsets in runes
// into the article's source) that name one thing, every source span in one
// concept at most, marked with where the concept came from:
//   - mined: spans that replace each other in the word diffs of aligned
//     claims and quotes ("handing over" / "returning");
//   - entity: noun phrases of the event's reports that refer to the same
//     thing — a name and its short forms, the titles and descriptions set
//     in apposition to it, alias statements ("known as", "which X calls");
//   - lexicon: phrases and patterns of a concept file.
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
	// name and the title in "Japanese Prime Minister Shinzo Abe". Counts
	// and flags leave nested mentions out.
	Nested bool `json:"nested,omitempty"`
}

// TagAlias marks a found concept whose names a report gives as names of
// one thing ("which X calls A and Y calls B").
const TagAlias = "alias"

// Concept is one thing in the world that the reports name, with every
// mention of it found.
type Concept struct {
	ID       string    `json:"id"`
	Label    string    `json:"label"`
	Source   Source    `json:"source"`
	Tags     []string  `json:"tags,omitempty"` // from a concept file: e.g. "reporting-verb", "loaded"
	Mentions []Mention `json:"mentions"`
}
