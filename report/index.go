package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/biasdiff/biasdiff/frame"
)

// The corpus index (`biasdiff corpus`): the events of a whole corpus, each
// with its outlets, the files of its report and its strongest contrast;
// the labels outlets use for the concepts that recur across events; the
// events not compared and the errors, each with its reason. It is built
// as data (BuildIndex) from a summary of each event's report (Summarize),
// then laid out as a Report of tables (Index.Report) that Render writes in
// any format.

// Event statuses in the index.
const (
	IndexCompared  = "compared"   // the event's report was written
	IndexSingle    = "single"     // one report: nothing to compare
	IndexOneOutlet = "one-outlet" // reports of one outlet only
	IndexFailed    = "failed"     // the analysis failed (Reason says why)
)

// IndexEvent is one event of the corpus as the index lists it.
type IndexEvent struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Title is what a person would call the event (analysis.Event.Name),
	// for the events compared; the index shows it instead of Label.
	Title   string   `json:"title,omitempty"`
	From    string   `json:"from,omitempty"`
	To      string   `json:"to,omitempty"`
	Outlets []string `json:"outlets"` // distinct, in input order
	Reports int      `json:"reports"`
	Files   []string `json:"files,omitempty"` // the event's report, one file per format, relative to the index
	Status  string   `json:"status"`          // IndexCompared, IndexSingle, ...
	Reason  string   `json:"reason,omitempty"`
	// Contrast is the strongest contrast of wording in the event's report,
	// nil when its reports name everything alike.
	Contrast *IndexContrast `json:"contrast,omitempty"`
	// Concepts are the event's concepts with each outlet's wordings, for
	// the table of labels across events.
	Concepts []IndexConcept `json:"-"`
}

// IndexContrast is a concept that outlets name in contrasting words.
type IndexContrast struct {
	Concept  string         `json:"concept"`
	Wordings []IndexWording `json:"wordings"`
}

// IndexWording is one wording with the outlets that use it.
type IndexWording struct {
	Text    string   `json:"text"`
	Outlets []string `json:"outlets"`
}

// IndexConcept is one concept of one event: its label, the label's
// frame.Key, and every wording each outlet uses for it.
type IndexConcept struct {
	Key, Label string
	Uses       []IndexUse
}

// IndexUse is a wording of a concept (frame.Key and commonest written
// form) in one outlet's reports, with its count.
type IndexUse struct {
	Outlet    string
	Key, Text string
	Count     int
}

// IndexProblem is an input file skipped or an event whose analysis
// failed, with the reason.
type IndexProblem struct {
	What   string `json:"what"`
	Reason string `json:"reason"`
}

// Index is the corpus index.
type Index struct {
	Reports int
	Outlets int
	Events  []IndexEvent // by first date (undated last), then size (largest first), then id
	Labels  []IndexLabel // concepts in two events or more, those named differently first
	Columns []string     // the outlets of Labels, by name
	// Problems are the input files skipped, then the events whose
	// analysis failed.
	Problems []IndexProblem
	Top      int // rows of Labels kept (0: all)
	more     int // rows of Labels left out
	files    int // Problems[:files] are input files
	// moreOutlets is how many outlets name concepts of Labels but have no
	// column; JSON has their wordings all the same.
	moreOutlets int
}

// IndexOutlets is how many outlets the table of labels across events
// shows at most, one column each.
const IndexOutlets = 12

// IndexLabel is a concept that recurs across events: the events it is in
// and, per outlet, the wordings the outlet uses for it across them.
type IndexLabel struct {
	Key, Label string
	Events     []string                 // event ids, in index order
	Uses       map[string][]phraseCount // outlet → wordings, commonest first
	differs    bool
}

type phraseCount struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// Summarize takes from one event's report (Compare over the event's
// reports) what the index keeps of it: the strongest contrast, the first
// that the report's "What differs" lists (nil when there is none), and its
// concepts with each outlet's wordings.
//
// Its strings are copies, so that an index of many events does not keep
// the text of their articles, which the strings of a Report are cut from.
func Summarize(r *Report) (*IndexContrast, []IndexConcept) {
	var best *IndexContrast
	if cs := contrasts(r); len(cs) > 0 {
		best = &IndexContrast{Concept: strings.Clone(oneLine(cs[0].concept.Label))}
		for _, w := range cs[0].Wordings {
			best.Wordings = append(best.Wordings, IndexWording{Text: strings.Clone(w.Text), Outlets: w.Outlets})
		}
	}
	concepts := make([]IndexConcept, 0, len(r.Concepts))
	for _, c := range r.Concepts {
		ic := IndexConcept{Key: strings.Clone(frame.Key(c.Label)), Label: strings.Clone(oneLine(c.Label))}
		if ic.Key == "" {
			continue
		}
		type use struct {
			outlet, key string
		}
		at := map[use]int{}
		forms := []map[string]int{}
		for _, m := range c.Mentions {
			if m.Nested {
				continue
			}
			u := use{m.Outlet, frame.Key(m.Text)}
			i, ok := at[u]
			if !ok {
				i = len(ic.Uses)
				at[u] = i
				ic.Uses = append(ic.Uses, IndexUse{Outlet: m.Outlet, Key: strings.Clone(u.key)})
				forms = append(forms, map[string]int{})
			}
			ic.Uses[i].Count++
			forms[i][oneLine(m.Text)]++
		}
		for i := range ic.Uses {
			ic.Uses[i].Text = strings.Clone(commonest(forms[i]))
		}
		concepts = append(concepts, ic)
	}
	return best, concepts
}

// commonest is the commonest of the counted strings, the smallest of those
// tied.
func commonest(counts map[string]int) string {
	best, n := "", 0
	for s, k := range counts {
		if k > n || k == n && s < best {
			best, n = s, k
		}
	}
	return best
}

// IndexOptions tune BuildIndex.
type IndexOptions struct {
	// Top bounds the rows of the table of labels across events (0: all).
	Top int
	// Reports and Outlets are the size of the corpus, for the summary.
	Reports, Outlets int
}

// BuildIndex sorts the events (by first date, undated last, then by size,
// largest first, then by id) and the problems (by file), and finds the concepts that recur across the
// compared events: those whose label's frame.Key is that of concepts in
// two events or more. Concepts that outlets name in different words come
// first, then those in more events, then by label.
func BuildIndex(events []IndexEvent, problems []IndexProblem, opt IndexOptions) *Index {
	x := &Index{Reports: opt.Reports, Outlets: opt.Outlets, Top: opt.Top, files: len(problems)}
	x.Events = slices.Clone(events)
	slices.SortStableFunc(x.Events, func(a, b IndexEvent) int {
		return cmp.Or(cmpDate(a.From, b.From), cmp.Compare(b.Reports, a.Reports), cmpID(a.ID, b.ID))
	})
	x.Problems = slices.Clone(problems)
	slices.SortStableFunc(x.Problems, func(a, b IndexProblem) int { return cmp.Compare(a.What, b.What) })
	for _, e := range x.Events {
		if e.Status == IndexFailed {
			what := "event " + e.ID
			if e.Label != "" {
				what += " (" + oneLine(e.Label) + ")"
			}
			x.Problems = append(x.Problems, IndexProblem{What: what, Reason: e.Reason})
		}
	}
	type agg struct {
		label  map[string]int
		events []string
		uses   map[string]map[string]*phraseAgg // outlet → wording key → counts
	}
	byKey := map[string]*agg{}
	var keys []string
	for _, e := range x.Events {
		if e.Status != IndexCompared {
			continue
		}
		for _, c := range e.Concepts {
			a := byKey[c.Key]
			if a == nil {
				a = &agg{label: map[string]int{}, uses: map[string]map[string]*phraseAgg{}}
				byKey[c.Key] = a
				keys = append(keys, c.Key)
			}
			a.label[c.Label]++
			if len(a.events) == 0 || a.events[len(a.events)-1] != e.ID {
				a.events = append(a.events, e.ID)
			}
			for _, u := range c.Uses {
				m := a.uses[u.Outlet]
				if m == nil {
					m = map[string]*phraseAgg{}
					a.uses[u.Outlet] = m
				}
				p := m[u.Key]
				if p == nil {
					p = &phraseAgg{forms: map[string]int{}}
					m[u.Key] = p
				}
				p.n += u.Count
				p.forms[u.Text] += u.Count
			}
		}
	}
	for _, k := range keys {
		a := byKey[k]
		if len(a.events) < 2 {
			continue
		}
		l := IndexLabel{Key: k, Label: commonest(a.label), Events: a.events, Uses: map[string][]phraseCount{}}
		sets := map[string]map[string]bool{}
		for outlet, m := range a.uses {
			var ps []phraseCount
			sets[outlet] = map[string]bool{}
			for wk, p := range m {
				ps = append(ps, phraseCount{Text: commonest(p.forms), Count: p.n})
				sets[outlet][wk] = true
			}
			slices.SortFunc(ps, func(a, b phraseCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Text, b.Text)) })
			l.Uses[outlet] = ps
		}
		l.differs = wordingsDiffer(sets)
		x.Labels = append(x.Labels, l)
	}
	slices.SortFunc(x.Labels, func(a, b IndexLabel) int {
		return cmp.Or(-cmpBool(a.differs, b.differs), cmp.Compare(len(b.Events), len(a.Events)), cmp.Compare(a.Key, b.Key))
	})
	if opt.Top > 0 && len(x.Labels) > opt.Top {
		x.more = len(x.Labels) - opt.Top
		x.Labels = x.Labels[:opt.Top]
	}
	// The columns: the outlets that name most of the concepts shown.
	rows, mentions := map[string]int{}, map[string]int{}
	for _, l := range x.Labels {
		for o, ps := range l.Uses {
			rows[o]++
			for _, p := range ps {
				mentions[o] += p.Count
			}
		}
	}
	for o := range rows {
		x.Columns = append(x.Columns, o)
	}
	slices.SortFunc(x.Columns, func(a, b string) int {
		return cmp.Or(cmp.Compare(rows[b], rows[a]), cmp.Compare(mentions[b], mentions[a]), cmp.Compare(a, b))
	})
	if len(x.Columns) > IndexOutlets {
		x.moreOutlets = len(x.Columns) - IndexOutlets
		x.Columns = x.Columns[:IndexOutlets]
	}
	return x
}

type phraseAgg struct {
	n     int
	forms map[string]int
}

// wordingsDiffer tells whether two outlets each use a wording the other
// does not.
func wordingsDiffer(sets map[string]map[string]bool) bool {
	own := func(a, b map[string]bool) bool {
		for k := range a {
			if !b[k] {
				return true
			}
		}
		return false
	}
	outlets := make([]string, 0, len(sets))
	for o := range sets {
		outlets = append(outlets, o)
	}
	slices.Sort(outlets)
	for i, a := range outlets {
		for _, b := range outlets[i+1:] {
			if own(sets[a], sets[b]) && own(sets[b], sets[a]) {
				return true
			}
		}
	}
	return false
}

// cmpDate orders dates as strings (YYYY-MM-DD sorts), the undated last.
func cmpDate(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return cmp.Compare(a, b)
}

// cmpID orders event ids by their number (e2 before e10), else as strings.
func cmpID(a, b string) int {
	na, ea := strconv.Atoi(strings.TrimPrefix(a, "e"))
	nb, eb := strconv.Atoi(strings.TrimPrefix(b, "e"))
	if ea == nil && eb == nil {
		return cmp.Compare(na, nb)
	}
	return cmp.Compare(a, b)
}

// Count returns how many events have the status.
func (x *Index) Count(status string) int {
	n := 0
	for _, e := range x.Events {
		if e.Status == status {
			n++
		}
	}
	return n
}

// dates is the JSON value of an event's date range.
type dates struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// indexWordings is how many wordings of a contrast a cell shows.
const indexWordings = 4

// Report lays the index out as tables: the events compared, the labels
// across events, the events not compared, the problems (the last two only
// when there are any).
func (x *Index) Report() *Report {
	compared, failed := x.Count(IndexCompared), x.Count(IndexFailed)
	r := &Report{
		Version: FormatVersion,
		Title:   "biasdiff corpus: " + plural(x.Reports, "report") + " from " + plural(x.Outlets, "outlet") + " in " + plural(len(x.Events), "event"),
	}
	r.Summary = append(r.Summary, fmt.Sprintf("%s compared, each in a report of its own; not compared: %s, %s of one outlet only, %s whose analysis failed.",
		plural(compared, "event"), plural(x.Count(IndexSingle), "single report"), plural(x.Count(IndexOneOutlet), "event"), plural(failed, "event")))
	if x.files > 0 {
		r.Summary = append(r.Summary, plural(x.files, "input file was", "input files were")+" skipped (see Problems).")
	}

	ev := &Table{
		ID:    "events",
		Title: "Events compared",
		HowTo: "One row per event of two outlets or more, by first date, then size: its label (its most characteristic terms), the outlets that report it, the files of its report, and the thing its reports name in the most contrasting words, each wording with the outlets that use it.",
		Columns: []Column{
			{Key: "id", Header: "id"},
			{Key: "label", Header: "event"},
			{Key: "dates", Header: "dates"},
			{Key: "reports", Header: "reports", Number: true},
			{Key: "outlets", Header: "outlets"},
			{Key: "files", Header: "files"},
			{Key: "contrast", Header: "strongest contrast"},
		},
	}
	not := &Table{
		ID:    "not-compared",
		Title: "Events not compared",
		HowTo: "Events read but not compared, with the reason: a single report, or reports of one outlet only.",
		Columns: []Column{
			{Key: "id", Header: "id"},
			{Key: "label", Header: "event"},
			{Key: "dates", Header: "dates"},
			{Key: "reports", Header: "reports", Number: true},
			{Key: "outlets", Header: "outlets"},
			{Key: "reason", Header: "reason"},
		},
	}
	for _, e := range x.Events {
		common := []Cell{
			Str(e.ID),
			{Text: shorten(cmp.Or(e.Title, e.Label), 60), Value: cmp.Or(e.Title, e.Label)},
			{Text: dateRange(e.From, e.To), Value: dates{e.From, e.To}},
			Int(e.Reports),
			{Text: shorten(strings.Join(e.Outlets, ", "), 80), Value: e.Outlets, Full: strings.Join(e.Outlets, ", ")},
		}
		switch e.Status {
		case IndexCompared:
			files := Cell{Text: strings.Join(e.Files, " "), Value: e.Files, Files: e.Files}
			if e.Files == nil {
				files.Value = []string{}
			}
			ev.Rows = append(ev.Rows, append(common, files, contrastCell(e.Contrast)))
		case IndexSingle, IndexOneOutlet:
			not.Rows = append(not.Rows, append(common, Str(e.Reason)))
		}
	}
	r.Tables = append(r.Tables, ev)

	lt := &Table{
		ID:    "labels",
		Title: "Labels across events",
		HowTo: "Things named in two compared events or more, those that outlets name in different words first: the events they are in, and the words each outlet uses for them across the corpus, with how often (×n); \"—\": the outlet does not name it.",
		Columns: []Column{
			{Key: "concept", Header: "Concept"},
			{Key: "events", Header: "events"},
		},
	}
	if len(x.Labels) == 0 {
		lt.HowTo = "Things named in two compared events or more, with the words each outlet uses for them: none here."
	}
	if x.moreOutlets > 0 {
		lt.HowTo += " The columns are the " + strconv.Itoa(len(x.Columns)) + " outlets that name most of these things; " +
			plural(x.moreOutlets, "more outlet names", "more outlets name") + " some of them (JSON has the wordings of every outlet, under the concept)."
	}
	if x.more > 0 {
		lt.Cut = &Cut{Shown: len(x.Labels), Total: len(x.Labels) + x.more, Noun: "concepts"}
	}
	for _, o := range x.Columns {
		lt.Columns = append(lt.Columns, Column{Key: o, Header: o})
	}
	for _, l := range x.Labels {
		row := []Cell{
			{Text: l.Label, Value: labelJSON{Label: l.Label, Uses: l.Uses}},
			{Text: shorten(strings.Join(l.Events, " "), 40), Value: l.Events, Full: strings.Join(l.Events, " ")},
		}
		for _, o := range x.Columns {
			row = append(row, usesCell(l.Uses[o]))
		}
		lt.Rows = append(lt.Rows, row)
	}
	r.Tables = append(r.Tables, lt)

	if len(not.Rows) > 0 {
		r.Tables = append(r.Tables, not)
	}
	if len(x.Problems) > 0 {
		pt := &Table{
			ID:      "problems",
			Title:   "Problems",
			HowTo:   "Input files skipped and events whose analysis failed, with the reason; the rest of the corpus was analysed without them.",
			Columns: []Column{{Key: "what", Header: "what"}, {Key: "reason", Header: "reason"}},
		}
		for _, p := range x.Problems {
			pt.Rows = append(pt.Rows, []Cell{Str(p.What), Str(p.Reason)})
		}
		r.Tables = append(r.Tables, pt)
	}
	return r
}

// labelJSON is the JSON value of a concept of the table of labels: its
// label and the wordings of every outlet, the outlets without a column
// included.
type labelJSON struct {
	Label string                   `json:"label"`
	Uses  map[string][]phraseCount `json:"outlets"`
}

// contrastCell writes a contrast as `label: “wording” (outlets) · …`.
func contrastCell(c *IndexContrast) Cell {
	if c == nil {
		return Cell{Text: "—", Value: nil}
	}
	parts := []string{}
	for _, w := range c.Wordings[:min(len(c.Wordings), indexWordings)] {
		parts = append(parts, "“"+w.Text+"” ("+strings.Join(w.Outlets, ", ")+")")
	}
	if n := len(c.Wordings) - indexWordings; n > 0 {
		parts = append(parts, plural(n, "more wording"))
	}
	text := c.Concept + ": " + strings.Join(parts, " · ")
	return Cell{Text: text, Value: c}
}

// usesCell lists an outlet's wordings of a concept with their counts.
func usesCell(ps []phraseCount) Cell {
	if len(ps) == 0 {
		return Cell{Text: "—", Value: nil}
	}
	texts := make([]string, 0, len(ps))
	for _, p := range ps {
		s := p.Text
		if p.Count > 1 {
			s += " ×" + strconv.Itoa(p.Count)
		}
		texts = append(texts, s)
	}
	all := strings.Join(texts, "; ")
	return Cell{Text: shorten(all, 110), Value: ps, Full: all}
}
