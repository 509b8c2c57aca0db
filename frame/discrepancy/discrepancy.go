// Package discrepancy finds the facts that reports of one event state
// differently: inside a claim aligned across reports, or a statement
// several reports quote, a number, a date, a quantity or a name that one
// report gives one way and another report another way ("has led since
// 2002" and "since 2003"; "dozens" and "more than 200" arrested; one
// statement attributed to two different officials).
//
// In: the articles of one event (package corpus), the claims aligned across
// them (align.Claims) and the statements they quote (align.Quotes). Out: a
// []Discrepancy, each the values of two reports or more that fill the same
// slot of one claim or quote group and disagree, with their source offsets
// (runes, like align.Member.Start), so that each can be found in its file.
//
// Precision comes first: a false disagreement is worse than a missed one.
// A value one report gives and another leaves out is no disagreement; two
// values disagree only when they fill the same slot:
//   - numbers and quantities ("200", "two hundred", "dozens", "more than
//     200", "$2.1 billion", "47 percent"): quantities.txt turns words into
//     ranges, and two quantities of one unit disagree when their ranges do
//     not overlap (a number in digits is give or take half its last digit,
//     so "200" and "210" agree, "dozens" and "more than 200" do not);
//   - dates: years, months, days and weekdays; two dates disagree when a
//     part both give differs ("on Monday" and "on Tuesday");
//   - names: a different person (no word of the names in common, not a
//     spelling variant: align.SpellingVariant) in the same role, the same
//     title before both ("Interior Minister ..."); "Doe" and "Jane Doe" are
//     one person;
//   - speakers: the one who speaks ("Jane Doe said", "according to Jane
//     Doe"), the only one of its claim in both reports, or the speakers a
//     quote group's reports name; both must be named persons.
//
// Claims are aligned by meaning, so a value may stand in differently worded
// sentences: a slot is not a position but the words around the value. Two
// numbers or dates fill the same slot when a content word next to them is
// the same in both (the noun a number counts, the verb before a date; not
// a word of the event's topic), or the same "since" or "until" stands
// before two dates, and the words just before or after them, or their
// being the only value of their kind on each side, confirm it; each value
// pairs with one value of the other report at most, the best matched
// first. Then a disagreement stands only when:
//   - neither report gives the other's value anywhere in the claim (a
//     report that says "2002" somewhere may be speaking of two things),
//     and, for names, neither names the other person;
//   - the two wordings share a quarter of their content words at least
//     (minOverlap), three fifths both ways for speakers (the aligner may
//     have joined two statements of one kind);
//   - no one is named near one value (a person, a place, an organisation)
//     whom the other report does not name: "her eight years of returns"
//     and "his 33 years" are about two people;
//   - for a quote group's speakers, each report names its speaker in the
//     quote's own sentences (a speaker taken from a pronoun may be wrong).
//
// Cost: one pass over the tokens of the event's sentences (which words
// are names, which are its topic) and of the claims' members and quotes
// (the tokens the aligner cached, see corpus.Article.PlainTokens; quotes
// are tokenized), plus, per claim and pair of reports that both hold
// values, the pairs of their values: a handful (a report's part with more
// than maxValues is not compared, so that a table of figures costs no
// square). An event of 50 reports sharing most of their sentences (the
// one of report.BenchmarkCompare50: 126 claims, 45 quote groups) takes
// about 35 ms and 10 MB of garbage. Memory held: O(tokens of one claim) at
// a time, and the event's word forms.
package discrepancy

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// Kind is what differs.
type Kind string

const (
	Number  Kind = "number"  // a count, an amount, a share: "200", "dozens", "$2.1 billion", "47%"
	Date    Kind = "date"    // a year, a month, a day, a weekday
	Name    Kind = "name"    // the person in a role: "Interior Minister Jane Doe"
	Speaker Kind = "speaker" // the person a statement is attributed to
)

// Value is one report's value in a discrepancy.
type Value struct {
	Article int    `json:"article"` // index into the articles given
	Text    string `json:"text"`    // as written: "more than 200", "2002", "Jane Doe"
	// Start and End are its source offsets (runes). A speaker a report
	// names only by a pronoun or far from the quote is shown by the
	// quote's offsets, with the speaker's name as Text.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Discrepancy is one slot of a claim or quote group that reports fill with
// values that disagree.
type Discrepancy struct {
	Kind Kind `json:"kind"`
	// Claim is the index of the claim in the claims given, -1 for a quote
	// group; Quote the index of the quote group, -1 for a claim.
	Claim int `json:"claim"`
	Quote int `json:"quote"`
	// Slot is the words around the value that the reports share, "…" for
	// the value, as the first report writes them: "led since …",
	// "… people arrested", "Interior Minister …", "… said".
	Slot string `json:"slot"`
	// Values are the reports' values, in article order, one a report; two
	// of them at least disagree.
	Values []Value `json:"values"`
}

// event holds what is known of the whole event: which words are names.
type event struct {
	arts []*corpus.Article
	q    *quantities
	// lower: written in lower case inside a body sentence (no name);
	// midCap: capitalised inside a sentence, not as its first word;
	// surname: the last word of a name of two words or more, or after a
	// personal title ("Mr. Doe").
	lower, midCap, surname map[string]bool
	// topic: the stems of more than topicShare of the sentences
	topic map[string]bool
}

// Find returns the discrepancies of the claims and quote groups of arts:
// those of the claims first, in claim order, then those of the quote
// groups; within one, in the order of the first report's values. A quote
// group's discrepancy with the same values as a claim's is left out.
func Find(arts []*corpus.Article, claims []align.Claim, quotes []align.QuoteCluster) []Discrepancy {
	ev := newEvent(arts)
	out := []Discrepancy{}
	for ci, c := range claims {
		if c.Outlets() < 2 {
			continue
		}
		var sides []*side
		for _, m := range c.Members {
			s := sideOf(&sides, m.Article)
			seg, toks, ok := ev.memberTokens(m)
			s.add(seg, toks, ok, m.Sentence < 0)
		}
		for _, d := range ev.compare(sides, true) {
			d.Claim, d.Quote = ci, -1
			out = append(out, d)
		}
	}
	for qi, qc := range quotes {
		var sides []*side
		for _, v := range qc.Variants {
			s := sideOf(&sides, v.Article)
			seg, toks, ok := ev.quoteTokens(v)
			s.add(seg, toks, ok, false)
		}
		if len(sides) < 2 {
			continue
		}
		found := ev.compare(sides, false)
		if d, ok := ev.speakers(qc); ok {
			found = append(found, d)
		}
		for _, d := range found {
			d.Claim, d.Quote = -1, qi
			out = append(out, d)
		}
	}
	return dedupe(out)
}

// dedupe drops a discrepancy that repeats an earlier one's values (a
// sentence that carries a quote may be both a claim and a quote group).
func dedupe(ds []Discrepancy) []Discrepancy {
	seen := map[string]bool{}
	out := ds[:0]
	for _, d := range ds {
		key := string(d.Kind)
		for _, v := range d.Values {
			key += fmt.Sprintf(" %d:%d-%d", v.Article, v.Start, v.End)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

// side is one report's part of a claim or quote group: its members'
// tokens in order, a break between two members.
type side struct {
	art   int
	segs  []segment
	toks  []tok
	ments []mention
	anc   []anchors       // of each value
	norms map[string]bool // every word's normal form, for the guards; nil until asked
	stems map[string]bool // the content stems overlap counts; nil until asked
}

func sideOf(sides *[]*side, art int) *side {
	for _, s := range *sides {
		if s.art == art {
			return s
		}
	}
	s := &side{art: art}
	*sides = append(*sides, s)
	slices.SortStableFunc(*sides, func(a, b *side) int { return cmp.Compare(a.art, b.art) })
	return s
}

// names tells whether the side writes word w (normal form, possessive
// aside) anywhere.
func (s *side) names(w string) bool {
	if s.norms == nil {
		s.norms = map[string]bool{}
		for _, t := range s.toks {
			if t.Kind == token.Word {
				s.norms[stripPossessive(t.Norm)] = true
			}
		}
	}
	return s.norms[w]
}

// add appends a member's (or quote's) tokens; title: it is a headline.
func (s *side) add(seg segment, toks []token.Token, ok, title bool) {
	if !ok {
		return
	}
	if len(s.toks) > 0 {
		s.toks = append(s.toks, tok{Token: brkToken, brk: true, seg: -1})
	}
	at := len(s.toks)
	for i := range toks {
		s.toks = append(s.toks, tok{Token: &toks[i], seg: len(s.segs)})
	}
	markInitial(s.toks[at:], title)
	s.segs = append(s.segs, seg)
}

func newEvent(arts []*corpus.Article) *event {
	ev := &event{arts: arts, q: loadQuantities(), lower: map[string]bool{}, midCap: map[string]bool{}, surname: map[string]bool{}, topic: map[string]bool{}}
	df := map[string]int{}
	seen := map[string]bool{}
	sentences := 0
	for _, a := range arts {
		for i := range a.Sentences {
			toks := a.PlainTokens(i)
			sentences++
			clear(seen)
			for _, t := range toks {
				if t.Kind == token.Word && !t.Stop && !seen[t.Stem] {
					seen[t.Stem] = true
					df[t.Stem]++
				}
			}
			first := true
			var run []string // the capitalised words in a row
			flush := func() {
				ev.evidence(run)
				run = run[:0]
			}
			for _, t := range toks {
				if t.Kind != token.Word {
					if t.Norm != "." || len(run) == 0 || !personalTitles[run[len(run)-1]] {
						flush()
					}
					if opens(t.Text) || t.Text == ":" {
						first = true
					}
					continue
				}
				w := stripPossessive(t.Norm)
				switch {
				case lowered(t.Text):
					ev.lower[w] = true
					flush()
				case capitalised(t.Text):
					if !first {
						ev.midCap[w] = true
					}
					if t.Stop && !personalTitles[w] {
						flush()
					} else {
						run = append(run, w)
					}
					if isPossessive(t.Text) {
						flush()
					}
				default:
					flush()
				}
				first = false
			}
			flush()
		}
	}
	for st, n := range df {
		if n > minTopic && float64(n) > topicShare*float64(sentences) {
			ev.topic[st] = true
		}
	}
	return ev
}

// evidence notes the surname a run of capitalised words gives: its last
// word, after a first name or a personal title.
func (ev *event) evidence(run []string) {
	if len(run) < 2 {
		return
	}
	last, prev := run[len(run)-1], run[len(run)-2]
	if orgWords[last] || groupWords[last] || isCalendar(last) || isCalendar(prev) || orgWords[prev] {
		return
	}
	if personalTitles[prev] {
		ev.surname[last] = true
		return
	}
	if _, ok := roleWords[prev]; ok || groupWords[prev] {
		return
	}
	ev.surname[last] = true
}

func isCalendar(w string) bool {
	_, m := months[w]
	_, d := weekdays[w]
	return m || d
}

// opens: a token after which a capital letter says nothing (an opening
// quotation mark, a bracket).
func opens(s string) bool {
	return s == "“" || s == "\"" || s == "‘" || s == "'" || s == "(" || s == "[" || s == "—" || s == "–"
}

// segment is a member's (or quote's) text with the map from its bytes to
// source offsets.
type segment struct {
	text string
	span func(b0, b1 int) (start, end int)
}

// memberTokens are the tokens of a claim's member (the aligner's, as the
// article caches them); ok is false when its text cannot be found in its
// article.
func (ev *event) memberTokens(m align.Member) (segment, []token.Token, bool) {
	a := ev.arts[m.Article]
	if m.Sentence < 0 {
		ts := a.TitleSpan
		if ts == nil || a.Title != m.Text || utf8.RuneCountInString(a.Title) != ts.End-ts.Start {
			return segment{}, nil, false
		}
		title := a.Title
		return segment{title, func(b0, b1 int) (int, int) {
			s0 := ts.Start + utf8.RuneCountInString(title[:b0])
			return s0, s0 + utf8.RuneCountInString(title[b0:b1])
		}}, a.TitleTokens(), true
	}
	if m.Sentence < len(a.Sentences) && a.Sentences[m.Sentence].Text == m.Text {
		base := a.Sentences[m.Sentence].BodyStart
		return segment{m.Text, func(b0, b1 int) (int, int) { return a.Body.Span(base+b0, base+b1) }}, a.PlainTokens(m.Sentence), true
	}
	from := 0
	if m.Sentence < len(a.Sentences) {
		from = a.Sentences[m.Sentence].BodyStart
	}
	return inBody(a, from, m.Text)
}

// quoteTokens are the tokens of a quote group's variant.
func (ev *event) quoteTokens(v align.Variant) (segment, []token.Token, bool) {
	a := ev.arts[v.Article]
	from := 0
	if v.Quote >= 0 && v.Quote < len(a.Quotes) {
		if si := a.Quotes[v.Quote].Sentence; si >= 0 && si < len(a.Sentences) {
			from = a.Sentences[si].BodyStart
		}
	}
	return inBody(a, from, v.Text)
}

// inBody tokenizes text, found in the article's kept text at or after
// byte from (else anywhere).
func inBody(a *corpus.Article, from int, text string) (segment, []token.Token, bool) {
	if text == "" || from > len(a.Body.S) {
		return segment{}, nil, false
	}
	i := strings.Index(a.Body.S[from:], text)
	if i < 0 {
		from = 0
		if i = strings.Index(a.Body.S, text); i < 0 {
			return segment{}, nil, false
		}
	}
	base := from + i
	return segment{text, func(b0, b1 int) (int, int) { return a.Body.Span(base+b0, base+b1) }}, token.Tokenize(text), true
}

// markInitial marks the words whose capital letter may come from their
// place: the first, those after an opening quotation mark, a colon or the
// end of a sentence; in a headline, all.
func markInitial(toks []tok, title bool) {
	first := true
	for i := range toks {
		t := &toks[i]
		t.title = title
		if t.Kind == token.Word || t.Kind == token.Number {
			t.initial = first
			first = false
			continue
		}
		if opens(t.Text) || t.Text == ":" || t.Text == "." || t.Text == "?" || t.Text == "!" {
			first = true
		}
	}
}
