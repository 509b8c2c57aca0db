package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// RenderCSV writes one table of r as CSV (RFC 4180, by encoding/csv): a
// header row of the column headers, then a row per table row.
//
// section names the table by its ID ("overview", "terms", "e2-claims"); a
// bare section name ("terms") also names the table of that section in the
// one event that has it, when the report's tables are per event
// ("e1-terms"). An unknown or ambiguous section is an error that lists the
// table IDs there are.
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
	var ids []string
	for _, t := range r.Tables {
		if t.ID == section {
			return t, nil
		}
		ids = append(ids, t.ID)
	}
	events := map[string]bool{}
	for _, e := range r.Events {
		events[e.ID] = true
	}
	var found []*Table
	for _, t := range r.Tables {
		ev, name, ok := strings.Cut(t.ID, "-")
		if !ok || name != section {
			continue
		}
		// Events carries the event ids; a report without it (TermsReport)
		// still has them in its concepts or in the ids' form ("e1").
		if events[ev] || len(r.Events) == 0 && isEventID(ev) {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		if len(ids) == 0 {
			return nil, fmt.Errorf("no table %q: the report has no tables", section)
		}
		return nil, fmt.Errorf("no table %q (want one of: %s)", section, strings.Join(ids, ", "))
	}
	var amb []string
	for _, t := range found {
		amb = append(amb, t.ID)
	}
	slices.Sort(amb)
	return nil, fmt.Errorf("table %q is ambiguous: the report has %s (want one of: %s)", section, strings.Join(amb, ", "), strings.Join(ids, ", "))
}

// isEventID tells whether s has the form of an event id: "e" and a number.
func isEventID(s string) bool {
	if len(s) < 2 || s[0] != 'e' {
		return false
	}
	_, err := strconv.Atoi(s[1:])
	return err == nil && s[1] != '+' && s[1] != '-'
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
