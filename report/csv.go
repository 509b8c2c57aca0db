package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// RenderCSV writes one table of r as CSV (RFC 4180, by encoding/csv): a
// header row of the column headers, then a row per table row.
//
// section names the table by its ID ("overview", "terms", "e2-claims"); a
// bare section name ("terms") also names the table of that section in the
// one event that has it, when the report's tables are per event
// ("e1-terms"). An unknown or ambiguous section is an error that lists the
// tables there are: those of the whole report by ID, and those of the
// events by their section, the events named once.
//
// A cell is its Text, or in full its string Value when Text was shortened
// from it (Text ends with "…"): a spreadsheet has room. Line breaks are
// kept (quoted, as RFC 4180 allows).
//
// CSV injection: a cell that starts with "=", "+", "-", "@", a tab or a
// carriage return — which a spreadsheet may run as a formula — is written
// with a single quote (') before it, so that it reads as text; a cell that
// is a plain number ("-3", "+1.5") is left as it is. Reading the file back
// gives such cells with the quote in front.
func RenderCSV(w io.Writer, r *Report, section string) error {
	t, err := csvTable(r, section)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = csvSafe(c.Header)
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, row := range t.Rows {
		rec = rec[:0]
		for _, c := range row {
			rec = append(rec, csvSafe(fullText(c)))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvTable finds the table section names: by its ID, else by a section
// name that one event's table ID ends with ("terms" for "e2-terms").
// CheckSection reports whether section names one table of r, as RenderCSV
// takes it; the error lists the tables there are.
func CheckSection(r *Report, section string) error {
	_, err := csvTable(r, section)
	return err
}

func csvTable(r *Report, section string) (*Table, error) {
	// eventOf is the event of an event's table ("e2" of "e2-terms") and
	// its section, when the report has several events.
	eventOf := func(t *Table) (ev, name string, ok bool) {
		return t.EventID, t.Kind, t.EventID != ""
	}
	var found []*Table
	for _, t := range r.Tables {
		if t.ID == section {
			return t, nil
		}
		if _, name, ok := eventOf(t); ok && name == section {
			found = append(found, t)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	if len(r.Tables) == 0 {
		return nil, fmt.Errorf("no table %q: the report has no tables", section)
	}
	// What to want: the tables of the whole report by their ids, and the
	// tables of each event by their kinds, the events named once (a
	// report of many events has hundreds of table ids).
	var whole, evs, kinds []string
	for _, t := range r.Tables {
		ev, name, ok := eventOf(t)
		switch {
		case !ok:
			whole = append(whole, t.ID)
		default:
			if !slices.Contains(evs, ev) {
				evs = append(evs, ev)
			}
			if !slices.Contains(kinds, name) {
				kinds = append(kinds, name)
			}
		}
	}
	slices.SortStableFunc(kinds, func(a, b string) int { return cmpSection(a) - cmpSection(b) })
	want := "want one of: " + strings.Join(whole, ", ")
	if len(evs) > 0 {
		if len(whole) > 0 {
			want += "; or "
		}
		want += fmt.Sprintf("one event's table as EVENT-SECTION, SECTION one of: %s, and EVENT one of: %s",
			strings.Join(kinds, ", "), someOf(evs))
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("no table %q (%s)", section, want)
	}
	amb := make([]string, len(found))
	for i, t := range found {
		amb[i] = t.ID
	}
	return nil, fmt.Errorf("table %q is ambiguous: %d events have one, %s (%s)", section, len(amb), someOf(amb), want)
}

// cmpSection orders section kinds as Compare shows them (Sections), any
// other last.
func cmpSection(s string) int {
	if i := slices.Index(Sections, s); i >= 0 {
		return i
	}
	return len(Sections)
}

// someOf lists ids, all of them when there are a few, else the first
// two, the last and how many.
func someOf(ids []string) string {
	const few = 6
	if len(ids) <= few {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s, %s … %s (%d)", ids[0], ids[1], ids[len(ids)-1], len(ids))
}

// csvSafe guards a cell against CSV injection (see RenderCSV).
func csvSafe(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if plainNumber.MatchString(s) {
		return s
	}
	return "'" + s
}

// plainNumber is a decimal number, which a spreadsheet reads as a number
// and never as a formula.
var plainNumber = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?%?$`)
