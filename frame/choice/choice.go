// Package choice marks the word choices of the reports of one event: the
// spans worth flagging as framing choices, few and telling, each with a
// kind and a one-line reason (a report's own wording of a thing the others
// name otherwise, a loaded reporting verb, a hedge, anonymous sourcing, a
// strongly evaluative word, a word lifted from a quote, a distinctive
// word). A strongly evaluative word has a polarity, its lexicon entry's
// read in its context (polarity.go: a degree use, a graded position word,
// a negation), and one in a quote the report carries is said to be the
// speaker's.
//
// In: the articles of one event (package corpus), the concepts found in
// them (frame.Concepts), each outlet's distinctive words (package
// distinctive) and the concepts of the generic pack matched in them
// (lexicon.Generic().Match; nil: matched here). Out: a []Choice, each a
// frame.Mention (source offsets, runes) with its Kind and Why, one span
// once, sorted by article and position.
//
// Cost: linear in the mentions of the concepts and of the pack, plus one
// tokenization of each report's quotes and a pass over its sentence tokens
// (for the loaded words); the word lists are English, and reports known to
// be in another language get no marks from them.
package choice

import (
	"cmp"
	"fmt"
	"github.com/biasdiff/biasdiff/internal/english"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/attribution"
	"github.com/biasdiff/biasdiff/frame/distinctive"
	"github.com/biasdiff/biasdiff/frame/lexicon"
)

// Kinds of framing choices.
const (
	KindLabel       = "label"       // a report's own wording for a thing the reports name in contrasting words
	KindVerb        = "verb"        // a loaded reporting verb ("blasted", "claimed", "admitted")
	KindHedge       = "hedge"       // a hedge or certainty marker in the report's own voice
	KindAnonymous   = "anonymous"   // anonymous sourcing in the report's own voice
	KindDistinctive = "distinctive" // one of the words that most set a report apart from the others
	KindLoaded      = "loaded"      // a strongly evaluative word the other reports do not use
	KindQuoted      = "quoted"      // a word lifted from a source into the report's own sentence
)

// Choice is a span a report is marked for: a framing choice, with its kind
// and a one-line reason.
type Choice struct {
	frame.Mention
	Kind string
	Why  string
	// Polarity is a loaded word's polarity in its context (Positive,
	// Negative, Neutral; see inContext), "" for the marks that have none.
	Polarity string
	// Quoted: the span is in a quote the report carries, so its wording
	// and polarity are the speaker's (Speaker, "" when the text does not
	// say who), the report's choice only to carry them.
	Quoted  bool
	Speaker string
}

// Options tune Find.
type Options struct {
	// Distinctive is how many of each outlet's distinctive words are
	// marked, where they occur (default 3): words no other outlet uses;
	// words written with a capital, names mostly, are left to the term
	// table.
	Distinctive int
}

// loadedVerbs are the connotations of reporting verbs worth marking; a
// neutral or emphatic verb ("said", "stressed") is not.
var loadedVerbs = map[string]bool{"attack": true, "doubt": true, "admission": true, "positive": true, "complaint": true, "insistence": true}

// Find lists the spans of the reports that are framing choices, few and
// telling: each report's own contrasting wording of a concept
// (frame.Contrasting) that has a word of its own; loaded reporting verbs,
// hedges, adverbs of comment ("strikingly") and anonymous sourcing in the
// report's own voice (not inside a quote); strongly evaluative words
// (lexicon.Loaded) that the other reports do not share, in its own voice
// or in a quote it carries (Quoted), each with its polarity in context
// (Polarity, inContext); and each outlet's top
// distinctive words. Labels and distinctive words are marked
// where a report first uses them.
//
// matched are a pack's concepts found in arts (its Match), whose tags say
// which verbs are loaded and which phrases hedge or hide a source; nil:
// the generic pack's. One span is listed once, under its first kind in
// that order; the list is sorted by article and position.
func Find(arts []*corpus.Article, concepts []frame.Concept, dist []distinctive.OutletTerms, matched []frame.Concept, opt Options) []Choice {
	if opt.Distinctive == 0 {
		opt.Distinctive = 3
	}
	if matched == nil {
		matched = lexicon.Generic().Match(arts)
	}
	var out []Choice
	out = append(out, labelChoices(arts, concepts)...)
	for _, c := range matched {
		kind, why := "", ""
		switch {
		case slices.Contains(c.Tags, "reporting-verb"):
			for _, t := range c.Tags {
				if loadedVerbs[t] {
					kind, why = KindVerb, "a reporting verb of "+t+" ("+c.Label+")"
				}
			}
		case slices.Contains(c.Tags, "hedge"), slices.Contains(c.Tags, "certainty"):
			kind, why = KindHedge, c.Label
		case slices.Contains(c.Tags, "comment"):
			kind, why = KindLoaded, "an adverb of comment: the writer's own judgement"
		case slices.Contains(c.Tags, "anonymous-source"):
			kind, why = KindAnonymous, "an unnamed source"
		}
		if kind == "" {
			continue
		}
		for _, m := range c.Mentions {
			if !attribution.InQuote(arts[m.Article], m.Start, m.End) {
				out = append(out, Choice{Mention: m, Kind: kind, Why: why})
			}
		}
	}
	out = append(out, loadedChoices(arts)...)
	out = append(out, quotedChoices(arts)...)
	for _, o := range dist {
		n := 0
		for _, t := range o.Terms {
			if n == opt.Distinctive {
				break
			}
			if capitalised(t.Surface) || t.Others > 0 || t.Z < distinctiveZ {
				continue // names are the term table's; a word others use too is not this outlet's own; a mark needs z past the 1% level
			}
			n++
			why := fmt.Sprintf("a word of %s's more than the others': %d times against %d (z %.1f)", o.Outlet, t.Count, t.Others, t.Z)
			// Marked once a report, where it first uses it in its own
			// voice, in whichever form ("tweeted", then "tweets").
			firstIn := map[int]frame.Mention{}
			for _, m := range t.Mentions {
				if f, ok := firstIn[m.Article]; (!ok || m.Start < f.Start) && !attribution.InQuote(arts[m.Article], m.Start, m.End) {
					firstIn[m.Article] = m
				}
			}
			for _, m := range firstIn {
				out = append(out, Choice{Mention: m, Kind: KindDistinctive, Why: why})
			}
		}
	}
	// A wording marked as a label or a distinctive word is marked where a
	// report first uses it: the rest say the same.
	type first struct {
		art        int
		kind, text string
	}
	firsts := map[first]bool{}
	byPos := slices.Clone(out)
	slices.SortStableFunc(byPos, func(x, y Choice) int {
		return cmp.Or(cmp.Compare(x.Article, y.Article), cmp.Compare(x.Start, y.Start))
	})
	once := byPos[:0]
	for _, c := range byPos {
		if c.Kind == KindLabel || c.Kind == KindDistinctive {
			k := first{c.Article, c.Kind, frame.Key(c.Text)}
			if firsts[k] {
				continue
			}
			firsts[k] = true
		}
		once = append(once, c)
	}
	out = once
	// One span, one choice: the first kind listed wins.
	seen := map[[3]int]bool{}
	kept := out[:0]
	for _, c := range out {
		k := [3]int{c.Article, c.Start, c.End}
		if !seen[k] {
			seen[k] = true
			kept = append(kept, c)
		}
	}
	slices.SortStableFunc(kept, func(x, y Choice) int {
		return cmp.Or(cmp.Compare(x.Article, y.Article), cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End))
	})
	return kept
}

// maxQuotedWords is the most words a quoted fragment may have to be
// marked: a word set in quotation marks inside the writer's own sentence
// ("slammed as “reckless”", the “volunteers”) is the writer's pick, where
// a longer quote lets the source speak.
const maxQuotedWords = 1

// quotedChoices marks the fragments a report quotes inside its own
// sentences, of maxQuotedWords words at most, in lower case (a quoted
// name or title picks nothing).
func quotedChoices(arts []*corpus.Article) []Choice {
	var out []Choice
	for ai, a := range arts {
		for _, q := range a.Quotes {
			if !q.Partial {
				continue
			}
			words, lower := 0, false
			for _, t := range token.Tokenize(q.Text) {
				if t.Kind == token.Word || t.Kind == token.Number {
					words++
					lower = lower || t.Kind == token.Word && !t.Stop && !capitalised(t.Text)
				}
			}
			if words == 0 || words > maxQuotedWords || !lower {
				continue
			}
			why := "a word the report quotes in its own sentence"
			if q.Speaker != "" {
				why += ", from " + q.Speaker
			}
			text := strings.TrimRight(q.Text, ".,;:!?…") // “reckless.”: the word, not the full stop
			end := q.End - utf8.RuneCountInString(q.Text[len(text):])
			out = append(out, Choice{Mention: frame.Mention{Article: ai, Sentence: q.Sentence, Start: q.Start, End: end, Text: text}, Kind: KindQuoted, Why: why})
		}
	}
	return out
}

// labelChoices marks, in each concept the reports name in contrasting
// words, the mentions whose wording is that report's own and stands in a
// contrast: no other report that mentions the concept uses it. Predicate
// rows are not marked (see frame/predicate: about 85 in 100 name one act,
// which a row can show with its sentences but a flag in the text should
// not assert), nor concepts joined by a head noun alone (frame.Loose), as
// What differs leaves them out: "moving costs" and "the total cost" are
// two costs, not two labels for one (BASIL: recall the same, 2.944 → 2.894
// flagged words per 100).
func labelChoices(arts []*corpus.Article, concepts []frame.Concept) []Choice {
	var out []Choice
	for _, c := range concepts {
		if c.Source == frame.Predicate || c.Confidence == frame.Loose {
			continue // a loose concept may merge two things, whose wordings then differ
		}
		contrasting := frame.Contrasting(c)
		if len(contrasting) == 0 {
			continue
		}
		users := map[string]map[int]bool{} // wording -> articles using it, nested or not
		for _, m := range c.Mentions {
			k := frame.Key(m.Text)
			if users[k] == nil {
				users[k] = map[int]bool{}
			}
			users[k][m.Article] = true
		}
		// Names alone are not labels ("Rivera" against "President Rivera"),
		// unless a report says they name one thing (an alias statement) or
		// a concept file or a diff put them together.
		namesCount := c.Source != frame.Entity || slices.Contains(c.Tags, frame.TagAlias)
		// A label says something the others' wordings do not: it has a
		// word of its own ("the toughest mayor" against "Mayor Rivera"),
		// not only another form of theirs ("the president" against "the
		// presidency").
		stemUsers := map[string]map[int]bool{}
		for _, m := range c.Mentions {
			for _, st := range contentStems(m.Text) {
				if stemUsers[st] == nil {
					stemUsers[st] = map[int]bool{}
				}
				stemUsers[st][m.Article] = true
			}
		}
		own := func(st string) bool { return len(stemUsers[st]) == 1 }
		for _, m := range c.Mentions {
			if m.Nested || len(users[frame.Key(m.Text)]) > 1 || !contrasting[m.Article][frame.Key(m.Text)] {
				continue
			}
			// The flag marks the report's own words in the wording, from
			// the first to the last: what the others do not say. Unless
			// names count, one of them must describe ("the costly war",
			// not "the Pentagon official" against "a Cabinet official").
			mark, describing, ok := ownWords(m, own)
			if !ok || !namesCount && !describing {
				continue
			}
			var others []string
			for _, p := range wordingsOfOthers(c, m.Article) {
				others = append(others, strconv.Quote(p))
				if len(others) == 3 {
					break
				}
			}
			ch := Choice{Mention: mark, Kind: KindLabel}
			whose := arts[m.Article].Outlet
			if q, ok := quoteAt(arts[m.Article], mark.Start, mark.End); ok {
				// In a quote: the speaker's wording, the report's choice
				// to carry it (its quote may differ from the others').
				ch.Quoted, ch.Speaker = true, q.Speaker
				whose += "'s quote"
				if q.Speaker != "" {
					whose += " of " + q.Speaker
				}
			}
			ch.Why = fmt.Sprintf("only %s calls %s %q", whose, c.Label, m.Text)
			if len(others) > 0 {
				ch.Why += "; others say " + strings.Join(others, ", ")
			}
			out = append(out, ch)
		}
	}
	return out
}

// ownWords narrows m to the span from its first to its last content word
// whose stem is own; describing tells whether one of those is in lower
// case (describes, rather than names); ok is false if it has none.
func ownWords(m frame.Mention, own func(stem string) bool) (_ frame.Mention, describing, ok bool) {
	b0, b1 := -1, -1
	toks := token.Tokenize(m.Text)
	last := -1
	for k, t := range toks {
		if (t.Kind == token.Word || t.Kind == token.Number) && !t.Stop && !honorifics[t.Norm] && own(t.Stem) {
			if b0 < 0 {
				b0 = t.Start
			}
			b1, last = t.End, k
			describing = describing || t.Kind == token.Word && !capitalised(t.Text)
		}
	}
	if b0 < 0 {
		return m, false, false
	}
	// A phrasal verb keeps its particle: "handing over", not "handing".
	for k := last + 1; k < len(toks) && toks[k].Kind == token.Word && particles[toks[k].Norm]; k++ {
		b1 = toks[k].End
	}
	m.Start += utf8.RuneCountInString(m.Text[:b0])
	m.End = m.Start + utf8.RuneCountInString(m.Text[b0:b1])
	m.Text = m.Text[b0:b1]
	return m, describing, true
}

// contentStems are the stems of a wording's words that are not stopwords.
func contentStems(text string) []string {
	var out []string
	for _, t := range token.Tokenize(text) {
		if (t.Kind == token.Word || t.Kind == token.Number) && !t.Stop {
			out = append(out, t.Stem)
		}
	}
	return out
}

// wordingsOfOthers lists the wordings other articles use for c, commonest
// first.
func wordingsOfOthers(c frame.Concept, art int) []string {
	n := map[string]int{}
	first := map[string]string{}
	for _, m := range c.Mentions {
		if m.Article == art || m.Nested {
			continue
		}
		k := frame.Key(m.Text)
		n[k]++
		if _, ok := first[k]; !ok {
			first[k] = m.Text
		}
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(n[b], n[a]), strings.Compare(a, b)) })
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = first[k]
	}
	return out
}

// maxLoadedUsers is how many of n reports may use a loaded word for it to
// still be a choice: up to two thirds of them, so that some report avoids
// it (one of two, two of three, six of ten).
func maxLoadedUsers(n int) int { return max(1, 2*n/3) }

// maxLoadedUses is how often a report may use a loaded word for it to be
// a passing choice: one it repeats more is its subject ("the massacre" in
// a report on one).
const maxLoadedUses = 2

// loadedChoices marks the strongly evaluative words (lexicon.Loaded) that a
// report uses, at most maxLoadedUses times, and some other report does
// not: not capitalised mid-sentence (names), where the report first
// writes the word in its own voice, and where it first quotes it if that
// comes before (Quoted: the speaker's word and polarity, the why says
// so; a quote does not take the place of the report's own use). Each mark
// has the word's polarity in its context (inContext). The list is
// English: reports known to be in another language are left out.
func loadedChoices(arts []*corpus.Article) []Choice {
	words := lexicon.Loaded()
	toks := make([][][]corpus.Token, len(arts)) // tokenized once
	for ai, a := range arts {
		if !a.InLanguage("en") {
			continue
		}
		toks[ai] = make([][]corpus.Token, len(a.Sentences))
		for si := range a.Sentences {
			toks[ai][si] = a.SentenceTokens(si)
		}
	}
	// A loaded word the other reports use as well is the story's
	// vocabulary ("peace" in peace talks), not one report's choice: in
	// their own voice or in the quotes they carry (a word its speakers
	// use is the story's too: counting written uses only adds about 0.04
	// flagged words in 100 on the BASIL dev set, "gun violence" and
	// "criminal charges" that the others quote, and no recall).
	users := map[string]map[int]bool{}
	for ai := range arts {
		for si := range toks[ai] {
			for _, t := range toks[ai][si] {
				if _, ok := words[t.Norm]; ok && t.Kind == token.Word {
					if users[t.Stem] == nil {
						users[t.Stem] = map[int]bool{}
					}
					users[t.Stem][ai] = true
				}
			}
		}
	}
	most := maxLoadedUsers(len(arts))
	var out []Choice
	for ai, a := range arts {
		uses := map[string]int{}
		for si := range toks[ai] {
			for _, t := range toks[ai][si] {
				uses[t.Stem]++
			}
		}
		// The candidates, in text order: the first use of each loaded
		// word in the report's own voice and its first quoted use. The
		// report's own use is its choice and is marked; a quoted use is
		// the speaker's, marked (as such) if it comes first: it does not
		// stand for the report's own use after it.
		type cand struct {
			si, k int
			q     *corpus.Quote // the quote it is in; nil: the report's own voice
		}
		var cands []cand
		own, quoted := map[string]int{}, map[string]int{} // stem -> its candidate
		for si := range toks[ai] {
			// A capital marks a name, unless the sentence's first word or
			// a headline's title case explains it.
			title, first, inMarks := corpus.TitleCase(toks[ai][si]), true, false
			for k, t := range toks[ai][si] {
				if t.Kind == token.Punct && t.Norm == `"` {
					inMarks = !inMarks
					if inMarks {
						first = true // an opening quotation starts a sentence of its own
					}
				}
				if t.Kind != token.Word {
					continue
				}
				starts := first
				first = false
				if capitalised(t.Text) && !starts && !title {
					continue
				}
				if _, ok := words[t.Norm]; !ok || uses[t.Stem] > maxLoadedUses {
					continue
				}
				c := cand{si: si, k: k}
				firsts := own
				if q, ok := quoteAt(a, t.SrcStart, t.SrcEnd); ok {
					c.q, firsts = &q, quoted
				}
				if _, ok := firsts[t.Stem]; !ok {
					firsts[t.Stem] = len(cands)
					cands = append(cands, c)
				}
			}
		}
		for ci, c := range cands {
			t := toks[ai][c.si][c.k]
			if o, written := own[t.Stem]; len(users[t.Stem]) > most || c.q != nil && written && o < ci {
				continue // the story's vocabulary; a quote of a word the report has written already
			}
			why := words[t.Norm]
			lex, weak := lexiconPolarity(why)
			r := inContext(toks[ai][c.si], c.k, lex, weak)
			if r.note != "" {
				why += "; " + r.note
			}
			ch := Choice{Mention: frame.Mention{Article: ai, Sentence: c.si, Start: t.SrcStart, End: t.SrcEnd, Text: t.Text}, Kind: KindLoaded, Why: why, Polarity: r.polarity}
			if c.q != nil {
				// The speaker's word and polarity, the report's choice to
				// carry it.
				ch.Quoted, ch.Speaker = true, c.q.Speaker
				from := ""
				if c.q.Speaker != "" {
					from = " from " + c.q.Speaker
				}
				ch.Why += "; quoted" + from + ": the speaker's word and polarity, the report's choice to carry it"
			}
			out = append(out, ch)
		}
	}
	return out
}

// quoteAt returns the quote of a that overlaps the span start-end, if
// any (attribution.InQuote, with the quote).
func quoteAt(a *corpus.Article, start, end int) (corpus.Quote, bool) {
	for _, q := range a.Quotes {
		if start < q.End && q.Start < end {
			return q, true
		}
	}
	return corpus.Quote{}, false
}

// distinctiveZ: a distinctive word marked in the text needs z above the
// two-sided 1% level: the table (package distinctive) may list what passes
// the guide, a mark in the report claims more.
const distinctiveZ = 2.576

// The helpers below are those of package frame's concept finder, copied;
// the word lists are the same files (internal/english).

// honorifics are titles written short before a name ("Mr. Han", "Sen.
// Sanders"): part of the name run, not of its words.
var honorifics = english.Set("honorifics")

// particles complete a phrasal verb ("handing over", "selling off").
var particles = english.Set("particles")

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
