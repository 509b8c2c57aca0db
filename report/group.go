package report

import (
	"fmt"
	"io"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/corpus"
)

// Groups builds the report `biasdiff group` prints: one table per event of
// two or more reports, then one table of the reports that stand alone. No
// table is empty: where there would be one, the summary says so instead.
func Groups(arts []*corpus.Article, events []group.Event) *Report {
	multi, single := 0, 0
	for _, e := range events {
		if len(e.Articles) > 1 {
			multi++
		} else {
			single++
		}
	}
	r := &Report{Title: "biasdiff: " + plural(len(arts), "report") + " in " + plural(len(events), "event")}
	switch {
	case len(arts) == 0:
		r.Summary = []string{"No reports, so no events."}
	case multi == 0:
		r.Summary = []string{"No two reports were found to cover the same event: each stands alone."}
	case single == 0:
		r.Summary = []string{fmt.Sprintf("%s covered by more than one report; every report is in one of them, none stands alone.", plural(multi, "event"))}
	default:
		r.Summary = []string{fmt.Sprintf("%s covered by more than one report; %s.", plural(multi, "event"), plural(single, "single report"))}
	}
	var alone []int
	for _, e := range events {
		if len(e.Articles) < 2 {
			alone = append(alone, e.Articles...)
			continue
		}
		title := "Event " + e.ID + ": " + e.Label
		if dr := dateRange(e.From, e.To); dr != "" {
			title += " (" + dr + ")"
		}
		t := groupTable(e.ID, title, arts, e.Articles)
		t.HowTo = "Reports found to cover the same event; the label is its most characteristic terms."
		r.Tables = append(r.Tables, t)
	}
	if len(alone) > 0 {
		t := groupTable("single", "Single reports", arts, alone)
		t.HowTo = "Reports no other report in the input was found to cover."
		r.Tables = append(r.Tables, t)
	}
	return r
}

func dateRange(from, to string) string {
	switch {
	case from == "" && to == "":
		return ""
	case from == to || to == "":
		return from
	case from == "":
		return to
	}
	return from + " – " + to
}

func groupTable(id, title string, arts []*corpus.Article, idx []int) *Table {
	t := &Table{
		ID:    id,
		Title: title,
		Columns: []Column{
			{Key: "outlet", Header: "outlet"},
			{Key: "date", Header: "date"},
			{Key: "title", Header: "title"},
			{Key: "id", Header: "id"},
		},
	}
	for _, i := range idx {
		a := arts[i]
		t.Rows = append(t.Rows, []Cell{Str(a.Outlet), Str(a.Date), {Text: shorten(a.Title, 70), Value: a.Title}, Str(a.ID)})
	}
	return t
}

type groupJSONArticle struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	Date   string `json:"date"`
}

type groupJSONEvent struct {
	ID       string             `json:"id"`
	Label    string             `json:"label"`
	From     string             `json:"from"`
	To       string             `json:"to"`
	Articles []groupJSONArticle `json:"articles"`
}

// GroupJSON writes the events as
// {"events":[{"id","label","from","to","articles":[{"id","path","outlet","title","date"}]}]},
// indented.
func GroupJSON(w io.Writer, arts []*corpus.Article, events []group.Event) error {
	out := struct {
		Events []groupJSONEvent `json:"events"`
	}{Events: make([]groupJSONEvent, 0, len(events))}
	for _, e := range events {
		je := groupJSONEvent{ID: e.ID, Label: e.Label, From: e.From, To: e.To, Articles: make([]groupJSONArticle, 0, len(e.Articles))}
		for _, i := range e.Articles {
			a := arts[i]
			je.Articles = append(je.Articles, groupJSONArticle{ID: a.ID, Path: a.Path, Outlet: a.Outlet, Title: a.Title, Date: a.Date})
		}
		out.Events = append(out.Events, je)
	}
	return renderJSON(w, out)
}
