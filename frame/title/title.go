// Package title names an event as a person would: with the headline whose
// wording the reports of the event share most, or, when no report has a
// headline, with the most shared lead sentence, shortened; never with a
// list of frequent words.
//
// In: the articles of one event (package corpus) and Options. Out: a
// Title: the text, where it came from (Source: a headline or a lead
// sentence), the index of its article (and sentence), the headline or
// sentence as written, how many reports carry most of its words
// (Shared), and whether it was shortened (Cut), so that a report can say
// how the title was chosen (Why).
//
// The headline chosen is the medoid of the headlines: the one whose
// content words (stems, stopwords and reporting verbs left out), weighted
// by their inverse frequency among the sentences and headlines of the
// event, are found most in the other reports' headlines and lead
// sentences. It is shown as written but cleaned: a segment that names the
// article's outlet or a web site (" - Reuters", " | Metro Daily News",
// "example.com"), a label for the kind of piece ("Opinion:", "[VIDEO]",
// "- live"), a final full stop; a headline in capitals is put in sentence
// case, each word as the event's sentences write it. A title longer than
// Options.MaxChars is cut at a clause or word boundary and ends in "…".
// Headlines in any language are kept as they are; the outlet and label
// patterns and the lead's clause boundaries are English. The title is
// the wording of one report, with that report's slant: Why names it.
//
// Measured on the 254 AllSides stories of the grouping dev set (three
// reports each, mostly), by the F1 of the content stems of the title
// against the story title AllSides' editors wrote: the medoid headline
// 0.49; any one headline 0.42 on average, the first by article ID 0.43,
// the best headline of each story 0.57. With every headline taken out,
// the medoid lead 0.33 (any lead 0.26, the best 0.39). With half the
// headlines taken out, headlines first scores 0.48, headlines and leads
// competing 0.43 to 0.47: a lead is used only when no report has a
// headline.
//
// Same input, same output: ties are broken by article ID, then by index.
//
// Cost: the tokens of each article's headline and sentences (tokenized
// once and kept by corpus.Article), O(T) for T tokens, plus, per
// candidate, a set lookup per word and other report; memory linear in the
// distinct words of the event.
package title

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/biasdiff/biasdiff/corpus"
)

// Source says where a title was taken from.
type Source string

const (
	// Headline: the title is a report's headline, cleaned.
	Headline Source = "headline"
	// Lead: no report has a usable headline; the title is a report's lead
	// sentence, shortened.
	Lead Source = "lead"
	// None: no report has text to take a title from.
	None Source = ""
)

// Options tune Of.
type Options struct {
	// MaxChars bounds the title's length in characters (runes), the "…"
	// of a cut included; 0 or less means 90.
	MaxChars int
	// MaxLeadWords bounds a title taken from a lead sentence, in words
	// (and numbers); 0 or less means 12.
	MaxLeadWords int
}

const (
	defaultMaxChars     = 90
	defaultMaxLeadWords = 12
	// leadSentences is how many sentences from the top of a report count
	// as its lead when a headline's words are looked for in it.
	leadSentences = 2
	// sharedCover is the share of a title's word weight a report must
	// carry in its headline or lead to count in Title.Shared.
	sharedCover = 0.5
	// fullWords is the number of content words below which a headline's
	// score is scaled down (a headline of one or two words is found in
	// every report and says little).
	fullWords = 4
)

// Title is an event's title and how it was chosen.
type Title struct {
	Text   string `json:"text"`
	Source Source `json:"source"`
	// Article is the index, into the articles given, of the report the
	// title was taken from; -1 when Source is None.
	Article int `json:"article"`
	// Sentence is the index of the lead sentence the title was taken
	// from; -1 for a headline.
	Sentence int `json:"sentence"`
	// Shared is how many reports, the title's own included, carry at
	// least half the weight of the title's content words in their
	// headline or first two sentences.
	Shared int `json:"shared"`
	// Reports is how many reports the title was chosen among.
	Reports int `json:"reports"`
	// AsWritten is the headline or sentence the title was taken from, as
	// the report writes it.
	AsWritten string `json:"as_written"`
	// Cut: the title was shortened and ends in "…".
	Cut bool `json:"cut,omitempty"`
}

// Of chooses the title of the event whose reports are arts (nil entries
// are skipped).
//
// Candidates are the reports' headlines, cleaned (see the package doc),
// of 2 to 25 words; a Title that corpus filled in with the first sentence
// of a report without a headline is none. When no report has a headline,
// the candidates are the reports' first lead sentences: the first
// sentence of four words or more that is not the headline again nor
// written as a headline, with a dateline, an opening phrase set off by a
// comma ("In a vote on Tuesday, "), short asides in parentheses and an
// appositive after a leading name taken out, cut to MaxLeadWords words,
// at a clause boundary (a comma, colon, semicolon, dash, or a word such as
// "when", "amid") when one leaves six words or more.
//
// Each candidate of report i scores the mean, over every other report j,
// of the share of the candidate's word weight found in j's headline or
// lead (its first two sentences), times min(1, words/4) for a candidate
// of fewer than four content words. Words are the stems of Word tokens
// that are not stopwords nor reporting verbs ("says", "told"), and
// numbers; a word's weight is ln(1 + D/df), D the number of sentences
// and headlines of the event and df those that have the word. The best
// score wins; ties go to the lower article ID, then the lower index. With
// one report its headline (or lead) is the title.
func Of(arts []*corpus.Article, opt Options) Title {
	opt = opt.withDefaults()
	docs := readAll(arts)
	t := Title{Article: -1, Sentence: -1, Reports: len(docs)}
	if len(docs) == 0 {
		return t
	}
	w := newWeights(docs)
	cands := headlineCands(docs)
	t.Source = Headline
	if len(cands) == 0 {
		cands = leadCands(docs, opt.MaxLeadWords)
		t.Source = Lead
	}
	if len(cands) == 0 {
		t.Source = None
		return t
	}
	for k := range cands {
		scoreCand(&cands[k], docs, w)
	}
	best := slices.MinFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc.id, b.doc.id), cmp.Compare(a.doc.index, b.doc.index))
	})
	t.Text, t.Cut = fit(best.text, opt.MaxChars, best.cut)
	t.Article, t.Sentence, t.Shared, t.AsWritten = best.doc.index, best.sentence, best.shared, best.asWritten
	return t
}

// Why says in words how the title was chosen, naming outlets as arts
// (the articles given to Of) do: "the headline of Northern Courier, its
// words in the headline or lead of 3 of 4 reports".
func (t Title) Why(arts []*corpus.Article) string {
	if t.Source == None || t.Article < 0 || t.Article >= len(arts) || arts[t.Article] == nil {
		return "no report has a headline or a sentence to take a title from"
	}
	outlet := arts[t.Article].Outlet
	if outlet == "" {
		outlet = arts[t.Article].ID
	}
	var s string
	switch t.Source {
	case Headline:
		s = "the headline of " + outlet
	case Lead:
		s = "the lead sentence of " + outlet + " (no report has a headline)"
	}
	if t.Cut {
		s += ", shortened"
	}
	if t.Reports > 1 {
		s += ", its words in the headline or lead of " + strconv.Itoa(t.Shared) + " of " + strconv.Itoa(t.Reports) + " reports"
	}
	return s
}

func (o Options) withDefaults() Options {
	if o.MaxChars <= 0 {
		o.MaxChars = defaultMaxChars
	}
	if o.MaxLeadWords <= 0 {
		o.MaxLeadWords = defaultMaxLeadWords
	}
	return o
}

// cand is one candidate title.
type cand struct {
	doc       *doc
	sentence  int    // -1 for a headline
	text      string // cleaned, not yet fitted to MaxChars
	asWritten string
	cut       bool     // already shortened (a lead)
	words     []string // content stems, sorted, each once
	score     float64
	shared    int
}

// scoreCand sets c's score and shared count against the other docs.
func scoreCand(c *cand, docs []*doc, w weights) {
	total := w.sum(c.words)
	c.shared = 1
	if total == 0 {
		return
	}
	var sum float64
	for _, d := range docs {
		if d == c.doc {
			continue
		}
		var got float64
		for _, s := range c.words {
			if d.context[s] {
				got += w[s]
			}
		}
		cover := got / total
		sum += cover
		if cover >= sharedCover {
			c.shared++
		}
	}
	if len(docs) > 1 {
		c.score = sum / float64(len(docs)-1) * min(1, float64(len(c.words))/fullWords)
	}
	// Round so that sums in another order cannot break a tie differently.
	c.score = math.Round(c.score*1e9) / 1e9
}

// weights are the inverse sentence frequencies of the event's stems.
type weights map[string]float64

func newWeights(docs []*doc) weights {
	df := map[string]int{}
	n := 0
	count := func(ws []string) {
		n++
		for _, s := range ws {
			df[s]++
		}
	}
	for _, d := range docs {
		if d.headline != "" {
			count(d.headWords)
		}
		for _, ws := range d.sentWords {
			count(ws)
		}
	}
	w := make(weights, len(df))
	for s, k := range df {
		w[s] = math.Log(1 + float64(n)/float64(k))
	}
	return w
}

// sum adds the weights of words, in their (sorted) order.
func (w weights) sum(words []string) float64 {
	var t float64
	for _, s := range words {
		t += w[s]
	}
	return t
}
