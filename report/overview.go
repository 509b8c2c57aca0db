package report

import (
	"fmt"
	"slices"
	"strings"

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
)

// Compare builds the report `biasdiff compare` prints for a set of
// articles, with their quotes checked against the primary sources, if any.
func Compare(arts []*corpus.Article, opt CompareOptions) *Report {
	primaries := opt.Primaries
	all := arts
	var repeats map[int]corpus.Duplicate
	if !opt.RepeatsSetAside {
		arts, repeats = setAside(arts)
	}
	outlets := map[string]bool{}
	words, removed := 0, 0
	for _, a := range arts {
		outlets[a.Outlet] = true
		words += a.Words
		removed += len(a.Removed)
	}
	r := &Report{
		Version: FormatVersion,
		Title:   "biasdiff: " + plural(len(arts), "report") + " from " + plural(len(outlets), "outlet"),
		Summary: []string{fmt.Sprintf("%s of article text kept; %s of page chrome removed.",
			plural(words, "word"), plural(removed, "line or fragment", "lines or fragments"))},
	}
	for i, a := range all {
		ref := ArticleRef{ID: a.ID, Path: a.Path, Outlet: a.Outlet, Title: a.Title, Date: a.Date, Language: a.Language, Removed: a.Removed}
		if d, ok := repeats[i]; ok {
			ref.Repeats, ref.Removed = all[d.Of].ID, nil
		}
		r.Articles = append(r.Articles, ref)
	}
	if len(repeats) > 0 {
		r.Summary = append(r.Summary, RepeatsLine(all, repeats))
	}
	if line := notEnglishLine(arts); line != "" {
		r.Summary = append(r.Summary, line)
	}
	on := sectionFilter(opt.Sections)
	if on("overview") {
		r.Tables = append(r.Tables, Overview(arts))
	}
	// Group first: compare only reports of one event. One event (or a
	// story the user declared as one) gives unprefixed tables.
	events := group.Group(arts, group.Options{})
	var alone []int
	for _, e := range events {
		if len(e.Articles) < 2 {
			alone = append(alone, e.Articles...)
			continue
		}
		sub := make([]*corpus.Article, len(e.Articles))
		for k, i := range e.Articles {
			sub[k] = arts[i]
		}
		// Claims of one report count too: what only one report says is
		// what the omission matrix shows.
		quotes := align.Quotes(sub)
		data := EventData{ID: e.ID, Label: e.Label, Claims: align.Claims(sub, align.Options{Singletons: true, Quotes: quotes}), Quotes: quotes, Reuse: reuse.Find(sub, reuse.Options{})}
		data.Omission = omission.Find(sub, data.Claims)
		data.Emphasis = omission.Emphases(sub, data.Claims)
		data.Discrepancies = discrepancy.Find(sub, data.Claims, data.Quotes)
		for _, a := range sub {
			data.Articles = append(data.Articles, a.ID)
		}
		var given []frame.Concept // the concept files' phrases, matched first: they take precedence
		for _, l := range opt.Lexicons {
			given = append(given, l.Match(sub)...)
		}
		concepts := frame.Concepts(sub, data.Claims, frame.Options{Given: given, Quotes: data.Quotes})
		prefix := ""
		if len(events) > 1 {
			prefix = e.ID
		}
		nameQuoteGroups(sub, data.Quotes, attribution.NewPeople(sub, concepts))
		cj := ConceptsJSON(sub, concepts, prefix)
		data.Concepts = []string{}
		for _, c := range cj {
			data.Concepts = append(data.Concepts, c.ID)
		}
		r.Concepts = append(r.Concepts, cj...)
		generic := lexicon.Generic().Match(sub)
		data.Attribution = attribution.FindPeople(sub, lexicon.Generic(), generic, concepts)
		data.Distinctive = distinctive.Find(sub, distinctive.Options{})
		r.Flags = append(r.Flags, Flags(sub, choice.Find(sub, concepts, data.Distinctive, generic, choice.Options{}))...)
		r.Events = append(r.Events, data)
		var tables []*Table
		add := func(section string, t func() *Table) {
			if on(section) {
				tables = append(tables, t())
			}
		}
		add("terms", func() *Table { return Terms(sub, concepts, opt.Top) })
		add("omission", func() *Table { return OmissionTable(sub, data.Claims, data.Omission, opt.Top) })
		add("emphasis", func() *Table { return EmphasisTable(sub, data.Claims, data.Emphasis) })
		add("attribution", func() *Table { return AttributionTable(sub, data.Attribution, opt.Top) })
		add("distinctive", func() *Table { return DistinctiveTable(sub, data.Distinctive, opt.Top) })
		add("claims", func() *Table { return Claims(sub, data.Claims) })
		add("quotes", func() *Table { return QuotesTable(sub, data.Quotes) })
		if len(data.Discrepancies) > 0 {
			add("discrepancies", func() *Table { return DiscrepancyTable(sub, data.Claims, data.Quotes, data.Discrepancies) })
		}
		if len(data.Reuse) > 0 {
			add("reuse", func() *Table { return ReuseTable(sub, data.Reuse) })
		}
		if len(events) > 1 {
			for _, t := range tables {
				t.ID = e.ID + "-" + t.ID
				t.Title = fmt.Sprintf("Event %s (%s): %s", e.ID, e.Label, t.Title)
			}
		}
		r.Tables = append(r.Tables, tables...)
	}
	if len(events) > 1 {
		r.Summary = append(r.Summary, fmt.Sprintf("The reports cover %s: %d with two reports or more, compared below, and %s.",
			plural(len(events), "event"), len(events)-len(alone), plural(len(alone), "single report")))
	}
	if len(primaries) > 0 {
		r.Fidelity = align.Fidelity(arts, primaries)
		if on("fidelity") {
			r.Tables = append(r.Tables, FidelityTable(arts, primaries, r.Fidelity))
		}
	}
	if len(alone) > 0 && len(events) > 1 && on("single") {
		t := groupTable("single", "Single reports", arts, alone)
		t.HowTo = "Reports no other report in the input covers: read, but not compared."
		r.Tables = append(r.Tables, t)
	}
	return r
}

// setAside drops the reports that repeat an earlier one (the same text
// read twice: see corpus.Duplicates), keyed by their index in arts.
func setAside(arts []*corpus.Article) ([]*corpus.Article, map[int]corpus.Duplicate) {
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

// SkippedLine names the inputs skipped while reading, so that a report
// read later says what it left out; "" when none was.
func SkippedLine(skipped []NotRead) string {
	if len(skipped) == 0 {
		return ""
	}
	parts := make([]string, len(skipped))
	for i, n := range skipped {
		parts[i] = n.Path + ": " + n.Reason
	}
	return fmt.Sprintf("Not read: %s — %s.", plural(len(skipped), "input"), strings.Join(parts, "; "))
}

// RepeatsLine says which reports were set aside as repeats of which.
func RepeatsLine(arts []*corpus.Article, repeats map[int]corpus.Duplicate) string {
	idx := make([]int, 0, len(repeats))
	for i := range repeats {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	var parts []string
	for _, i := range idx {
		d := repeats[i]
		parts = append(parts, fmt.Sprintf("%s repeats %s (%.0f%% of three-word runs shared)", arts[i].Where(), arts[d.Of].Where(), 100*d.Shared))
	}
	return fmt.Sprintf("Set aside as %s of another report, not compared: %s.", plural(len(repeats), "repeat"), strings.Join(parts, "; "))
}

// notEnglishLine names the reports known not to be in English, which the
// English word lists (the generic pack, loaded words) leave out; "" when
// there is none.
func notEnglishLine(arts []*corpus.Article) string {
	var names []string
	for _, a := range arts {
		if !a.InLanguage("en") {
			names = append(names, fmt.Sprintf("%s (%s)", a.Outlet, a.Language))
		}
	}
	if len(names) == 0 {
		return ""
	}
	them := "them"
	if len(names) == 1 {
		them = "it"
	}
	return fmt.Sprintf("Not in English: %s. The word lists of reporting verbs, hedges, unnamed sources and loaded words are English, so the attribution table and the flags have none of these for %s; the other tables compare %s like any other.",
		strings.Join(names, ", "), them, them)
}

// CompareOptions tune Compare.
type CompareOptions struct {
	// Primaries are primary sources (transcripts) to check quotes against.
	Primaries []*corpus.Article
	// Lexicons are the user's concept files.
	Lexicons []*lexicon.Lexicon
	// Top bounds the rows of the term table (0: all).
	Top int
	// Sections are the tables to show, by name (see Sections); none: all.
	Sections []string
	// RepeatsSetAside: the caller has set aside the reports that repeat
	// another (corpus.Duplicates) already; Compare does not look again.
	RepeatsSetAside bool
}

// Sections are the names of the tables Compare can show, in the order it
// shows them in each event.
var Sections = []string{"overview", "terms", "omission", "emphasis", "attribution", "distinctive", "claims", "quotes", "discrepancies", "reuse", "fidelity", "single"}

// sectionFilter tells whether a section is on.
func sectionFilter(sections []string) func(string) bool {
	if len(sections) == 0 {
		return func(string) bool { return true }
	}
	set := map[string]bool{}
	for _, s := range sections {
		set[s] = true
	}
	return func(s string) bool { return set[s] }
}

// Overview is the table of the input: one row per article.
func Overview(arts []*corpus.Article) *Table {
	t := &Table{
		ID:    "overview",
		Title: "Reports",
		HowTo: "One row per report as read: outlet, date, headline (long ones shortened in the terminal; in full in the other formats), the size of the text kept, and the lines of page chrome removed (`biasdiff extract` lists them).",
		Columns: []Column{
			{Key: "id", Header: "id"},
			{Key: "outlet", Header: "outlet"},
			{Key: "date", Header: "date"},
			{Key: "title", Header: "title"},
			{Key: "words", Header: "words", Number: true},
			{Key: "sentences", Header: "sentences", Number: true},
			{Key: "quotes", Header: "quotes", Number: true},
			{Key: "chrome_removed", Header: "chrome", Number: true},
		},
	}
	for _, a := range arts {
		t.Rows = append(t.Rows, []Cell{
			Str(a.ID), Str(a.Outlet), Str(a.Date), {Text: shorten(a.Title, 70), Value: a.Title},
			Int(a.Words), Int(len(a.Sentences)), Int(len(a.Quotes)), Int(len(a.Removed)),
		})
	}
	return t
}

// Plural writes n and the noun, in the plural form when n != 1; the plural
// defaults to noun+"s".
func Plural(n int, noun string, pl ...string) string { return plural(n, noun, pl...) }

func plural(n int, noun string, pl ...string) string {
	if n == 1 {
		return "1 " + noun
	}
	p := noun + "s"
	if len(pl) > 0 {
		p = pl[0]
	}
	return fmt.Sprintf("%d %s", n, p)
}

// shorten cuts s to at most n runes, ending with an ellipsis when cut.
func shorten(s string, n int) string {
	s = oneLine(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

// nameQuoteGroups names each quote group's speakers as the attribution
// table does: a variant whose speaker was read from a mention of a name's
// concept takes the concept's label, and the group the label most of its
// variants take (a tie keeps the group's own speaker; so does a group
// where no variant has a label). One person is then one name across the report's tables.
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
