// Package analysis computes, once, what a report of one event shows: the
// reports' claims and quotes aligned, reused copy, the concepts they name
// and the ranked contrasts of wording, who is quoted how, the words each
// outlet favours, what each leaves out or puts first, where they disagree,
// and the word-choice marks, into one typed Event.
//
// In: the reports of one event, already grouped by the caller (package
// align/group, or the user's declaration: the event is taken as given), and
// the sections asked for (Sections; none means all). Out: an Event whose
// fields for the sections asked, and for what they need (Needs), are
// filled; the others stay nil, and Has says which were computed. Compare
// does the same for each event of a grouped input, and the fidelity check
// of quotes against primary sources.
//
// Cost: the sections' analyses and nothing else. Aligning claims and
// quotes is O(s²) in the event's sentences, bounded by the align package's
// budget; the concept finder is about linear in the event's words; every
// other section is linear in the event's words or claims. Package report
// renders an Event; it never analyses.
package analysis

import (
	"slices"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/align/reuse"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/attribution"
	"github.com/biasdiff/biasdiff/frame/choice"
	"github.com/biasdiff/biasdiff/frame/discrepancy"
	"github.com/biasdiff/biasdiff/frame/distinctive"
	"github.com/biasdiff/biasdiff/frame/lexicon"
	"github.com/biasdiff/biasdiff/frame/omission"
	"github.com/biasdiff/biasdiff/frame/title"
)

// Sections are the names of the sections a report can show, in the order
// it shows them in each event. "overview", "fidelity" and "single" are of
// the whole input; the others are of one event.
var Sections = []string{"overview", "terms", "omission", "emphasis", "attribution", "distinctive", "claims", "quotes", "discrepancies", "reuse", "choices", "questions", "fidelity", "single"}

// Needs are, for each section of an event, the analyses it needs: its own
// and those its analysis reads.
// "near" is the nearest sentence of each report to each claim it does not
// carry (align.Claim.Near): the omission matrix's "≈" and the claims view
// read it.
var Needs = map[string][]string{
	"terms":         {"quotes", "claims", "concepts"},
	"omission":      {"quotes", "claims", "near", "omission"},
	"emphasis":      {"quotes", "claims", "emphasis"},
	"attribution":   {"quotes", "claims", "concepts", "generic", "attribution"},
	"distinctive":   {"distinctive"},
	"claims":        {"quotes", "claims", "near"},
	"quotes":        {"quotes", "claims", "concepts"}, // quote groups are named by the people's concepts
	"discrepancies": {"quotes", "claims", "discrepancies"},
	"reuse":         {"reuse"},
	"choices":       {"quotes", "claims", "concepts", "generic", "distinctive", "choices"},
	"questions":     {"quotes", "claims", "near", "concepts", "omission", "emphasis", "discrepancies", "questions"},
}

// Options tune the analysis.
type Options struct {
	// Sections are the sections to compute, by name (see Sections); none
	// means all.
	Sections []string
	// Lexicons are the user's concept files: their phrases are matched
	// first and take precedence over the concepts found in the text.
	Lexicons []*lexicon.Lexicon
}

// On tells whether a section is asked for.
func (o Options) On(section string) bool {
	return len(o.Sections) == 0 || slices.Contains(o.Sections, section)
}

// Event is what the analysis found in the reports of one event. Indexes
// into articles (in Claims, Quotes, Concepts' mentions, ...) are into
// Articles.
type Event struct {
	ID, Label string // as the grouping gave them: Label is a few keywords, or the event the user declared
	// Title is what a person would call the event (package frame/title):
	// the headline most of the reports share, else the most shared lead
	// sentence.
	Title    title.Title
	Articles []*corpus.Article
	// has are the analyses computed (the names of Needs' values).
	has map[string]bool

	Quotes        []align.QuoteCluster
	Claims        []align.Claim
	Reuse         []reuse.Pair
	Concepts      []frame.Concept
	Contrasts     []Contrast // the concepts named in contrasting words, strongest first
	Attribution   attribution.Attribution
	Distinctive   []distinctive.OutletTerms
	Omission      omission.Omission
	Emphasis      omission.Emphasis
	Discrepancies []discrepancy.Discrepancy
	Choices       []choice.Choice
	Questions     []Question // for a class, from the strongest findings
}

// Name is how a report names the event: the event the user declared
// (every report's corpus.Article.Event, the same), else its Title, else
// its Label.
func (e *Event) Name() string {
	declared := len(e.Articles) > 0
	for _, a := range e.Articles {
		declared = declared && a.Event != "" && a.Event == e.Articles[0].Event
	}
	switch {
	case declared:
		return e.Articles[0].Event
	case e.Title.Text != "":
		return e.Title.Text
	}
	return e.Label
}

// Has tells whether an analysis (a name among Needs' values: "claims",
// "concepts", "omission", ...) was computed.
func (e *Event) Has(analysis string) bool { return e.has[analysis] }

// Analyze computes the sections opt asks for, and what they need, on the
// reports of one event.
func Analyze(id, label string, arts []*corpus.Article, opt Options) *Event {
	e := &Event{ID: id, Label: label, Articles: arts, has: map[string]bool{}, Title: title.Of(arts, title.Options{})}
	for _, s := range Sections {
		if opt.On(s) {
			for _, n := range Needs[s] {
				e.has[n] = true
			}
		}
	}
	if e.has["quotes"] {
		e.Quotes = align.Quotes(arts)
	}
	if e.has["claims"] {
		// Claims of one report count too: what only one report says is
		// what the omission matrix shows.
		e.Claims = align.Claims(arts, align.Options{Singletons: true, Quotes: e.Quotes, NoNear: !e.has["near"]})
	}
	if e.has["reuse"] {
		e.Reuse = reuse.Find(arts, reuse.Options{})
	}
	if e.has["omission"] {
		e.Omission = omission.Find(arts, e.Claims)
	}
	if e.has["emphasis"] {
		e.Emphasis = omission.Emphases(arts, e.Claims)
	}
	if e.has["discrepancies"] {
		e.Discrepancies = discrepancy.Find(arts, e.Claims, e.Quotes)
	}
	if e.has["concepts"] {
		var given []frame.Concept // the concept files' phrases, matched first: they take precedence
		for _, l := range opt.Lexicons {
			given = append(given, l.Match(arts)...)
		}
		e.Concepts = frame.Concepts(arts, e.Claims, frame.Options{Given: given, Quotes: e.Quotes})
		e.Contrasts = Contrasts(arts, e.Concepts)
		if e.has["quotes"] {
			nameQuoteGroups(arts, e.Quotes, attribution.NewPeople(arts, e.Concepts))
		}
	}
	var generic []frame.Concept
	if e.has["generic"] {
		generic = lexicon.Generic().Match(arts)
	}
	if e.has["attribution"] {
		e.Attribution = attribution.FindPeople(arts, lexicon.Generic(), generic, e.Concepts)
	}
	if e.has["distinctive"] {
		e.Distinctive = distinctive.Find(arts, distinctive.Options{})
	}
	if e.has["choices"] {
		e.Choices = choice.Find(arts, e.Concepts, e.Distinctive, generic, choice.Options{})
	}
	if e.has["questions"] {
		e.Questions = Questions(e)
	}
	return e
}

// Result is the analysis of a whole input: its reports, those set aside as
// repeats, and each event of two reports or more.
type Result struct {
	// All are the reports as read; Compared those compared (All without
	// the repeats), which Events' and Alone's indexes point into.
	All, Compared []*corpus.Article
	// Repeats are the reports of All set aside as repeating another (by
	// index into All).
	Repeats map[int]corpus.Duplicate
	// Events are the events of two reports or more, analysed, in the
	// grouping's order; Grouped is how many events the grouping found,
	// single reports included.
	Events  []*Event
	Grouped int
	// Alone are the reports no other report covers (indexes into
	// Compared), when the input has several events.
	Alone []int
	// Fidelity is every quote checked against the primary sources.
	Primaries []*corpus.Article
	Fidelity  []align.QuoteCheck
	Options   Options
}

// SetAside drops the reports that repeat an earlier one (the same text
// read twice: see corpus.Duplicates), keyed by their index in arts.
func SetAside(arts []*corpus.Article) ([]*corpus.Article, map[int]corpus.Duplicate) {
	dups := corpus.Duplicates(arts)
	if len(dups) == 0 {
		return arts, nil
	}
	repeats := map[int]corpus.Duplicate{}
	for _, d := range dups {
		repeats[d.Article] = d
	}
	kept := make([]*corpus.Article, 0, len(arts)-len(dups))
	for i, a := range arts {
		if _, ok := repeats[i]; !ok {
			kept = append(kept, a)
		}
	}
	return kept, repeats
}

// Input is what Compare analyses: the reports as read, those compared
// (without repeats, see SetAside) and their grouping into events, which
// the caller did (package align/group, or one event it declares).
type Input struct {
	All, Compared []*corpus.Article
	Repeats       map[int]corpus.Duplicate
	Events        []group.Event // indexes into Compared
	Primaries     []*corpus.Article
}

// Compare analyses each event of two reports or more, and checks the
// quotes against the primary sources when there are some.
func Compare(in Input, opt Options) *Result {
	r := &Result{All: in.All, Compared: in.Compared, Repeats: in.Repeats, Grouped: len(in.Events), Primaries: in.Primaries, Options: opt}
	for _, ge := range in.Events {
		if len(ge.Articles) < 2 {
			r.Alone = append(r.Alone, ge.Articles...)
			continue
		}
		sub := make([]*corpus.Article, len(ge.Articles))
		for k, i := range ge.Articles {
			sub[k] = in.Compared[i]
		}
		r.Events = append(r.Events, Analyze(ge.ID, ge.Label, sub, opt))
	}
	if len(in.Events) < 2 {
		r.Alone = nil
	}
	if len(in.Primaries) > 0 {
		r.Fidelity = align.Fidelity(in.Compared, in.Primaries)
	}
	return r
}

// nameQuoteGroups names each quote group's speakers as the attribution
// table does: a variant whose speaker was read from a mention of a name's
// concept takes the concept's label, and the group the label most of its
// variants take (a tie keeps the group's own speaker; so does a group
// where no variant has a label). One person is then one name across the
// report's tables.
func nameQuoteGroups(arts []*corpus.Article, groups []align.QuoteCluster, p attribution.People) {
	for gi := range groups {
		g := &groups[gi]
		own := ""
		for vi := range g.Variants {
			v := &g.Variants[vi]
			if v.Quote < 0 || v.Quote >= len(arts[v.Article].Quotes) {
				continue
			}
			if name, ok := p.Name(v.Article, arts[v.Article].Quotes[v.Quote]); ok {
				if v.Speaker == g.Speaker && own == "" {
					own = name // the group's own speaker, by its concept
				}
				v.Speaker = name
			}
		}
		if own != "" {
			g.Speaker = own
		}
	}
}
