package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/biasdiff/biasdiff/analysis"
	"github.com/biasdiff/biasdiff/corpus"
)

// Build makes the report of an analysis: the overview of the input, each
// event's tables in the order of Sections (those the analysis computed),
// the fidelity table and the single reports. It analyses nothing: every
// figure comes from res.
func Build(res *analysis.Result, opt BuildOptions) *Report {
	arts, all, repeats := res.Compared, res.All, res.Repeats
	on := res.Options.On
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
	if on("overview") {
		t := Overview(arts)
		t.Kind = t.ID
		r.Tables = append(r.Tables, t)
	}
	several := res.Grouped > 1 // one event (or a story declared as one) gives unprefixed tables
	for _, e := range res.Events {
		sub := e.Articles
		data := EventData{ID: e.ID, Label: e.Label, Title: e.Name(), TitleSource: titleSource(e), Claims: e.Claims, Quotes: e.Quotes, Reuse: e.Reuse,
			Omission: e.Omission, Emphasis: e.Emphasis, Discrepancies: e.Discrepancies,
			Attribution: e.Attribution, Distinctive: e.Distinctive}
		for _, a := range sub {
			data.Articles = append(data.Articles, a.ID)
		}
		prefix := ""
		if several {
			prefix = e.ID
		}
		cj := ConceptsJSON(sub, e.Concepts, prefix)
		data.Concepts = []string{}
		for _, c := range cj {
			data.Concepts = append(data.Concepts, c.ID)
		}
		first := len(r.Concepts)
		r.Concepts = append(r.Concepts, cj...)
		for _, ct := range e.Contrasts {
			r.ranked = append(r.ranked, ranked{Contrast: ct, order: first + ct.Concept})
		}
		if e.Has("choices") {
			r.Flags = append(r.Flags, Flags(sub, e.Choices)...)
		}
		r.Events = append(r.Events, data)
		var tables []*Table
		add := func(section string, t func() *Table) {
			if on(section) {
				tables = append(tables, t())
			}
		}
		add("terms", func() *Table { return Terms(sub, e.Concepts, opt.Top) })
		add("omission", func() *Table { return OmissionTable(sub, e.Claims, e.Omission, opt.Top) })
		add("emphasis", func() *Table { return EmphasisTable(sub, e.Claims, e.Emphasis) })
		add("attribution", func() *Table { return AttributionTable(sub, e.Attribution, opt.Top) })
		add("distinctive", func() *Table { return DistinctiveTable(sub, e.Distinctive, opt.Top) })
		add("claims", func() *Table { return Claims(sub, e.Claims) })
		add("quotes", func() *Table { return QuotesTable(sub, e.Quotes) })
		if len(e.Discrepancies) > 0 {
			add("discrepancies", func() *Table { return DiscrepancyTable(sub, e.Claims, e.Quotes, e.Discrepancies) })
		}
		if len(e.Reuse) > 0 {
			add("reuse", func() *Table { return ReuseTable(sub, e.Reuse) })
		}
		if e.Has("choices") {
			add("choices", func() *Table { return ChoicesTable(sub, e.Choices, opt.Top) })
		}
		if len(e.Questions) > 0 {
			add("questions", func() *Table { return QuestionsTable(e.Questions, e.ID, several) })
		}
		for _, t := range tables {
			t.Kind, t.event = t.ID, len(r.Events)
			if several {
				t.EventID = e.ID
				t.ID = e.ID + "-" + t.ID
				t.Title = fmt.Sprintf("Event %s (%s): %s", e.ID, e.Name(), t.Title)
			}
		}
		r.Tables = append(r.Tables, tables...)
	}
	slices.SortStableFunc(r.ranked, func(a, b ranked) int { return analysis.Stronger(a.Contrast, b.Contrast, a.order, b.order) })
	if several {
		r.Summary = append(r.Summary, fmt.Sprintf("The reports cover %s: %d with two reports or more, compared below, and %s.",
			plural(res.Grouped, "event"), res.Grouped-len(res.Alone), plural(len(res.Alone), "single report")))
	}
	if len(res.Primaries) > 0 {
		r.Fidelity = res.Fidelity
		if on("fidelity") {
			t := FidelityTable(arts, res.Primaries, r.Fidelity)
			t.Kind = t.ID
			r.Tables = append(r.Tables, t)
		}
	}
	if len(res.Alone) > 0 && several && on("single") {
		t := groupTable("single", "Single reports", arts, res.Alone)
		t.HowTo = "Reports no other report in the input covers: read, but not compared."
		t.Kind = t.ID
		r.Tables = append(r.Tables, t)
	}
	return r
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

// BuildOptions tune Build.
type BuildOptions struct {
	// Top bounds the rows of the longer tables (0: all).
	Top int
}

// Sections are the names of the sections a report can show, in the order
// it shows them in each event (analysis.Sections).
var Sections = analysis.Sections

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

// titleSource says where an event's title comes from, in a few words.
func titleSource(e *analysis.Event) string {
	name := e.Name()
	switch {
	case name == "":
		return ""
	case name == e.Title.Text:
		return e.Title.Why(e.Articles)
	case name == e.Label && e.Label != "":
		if len(e.Articles) > 0 && e.Articles[0].Event == name {
			return "the event the user declared"
		}
		return "the words the reports share most"
	}
	return "the event the user declared"
}
