package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/batch"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/report"
)

// spread is a feature's spread: df reports, the dated ones at home in
// parts.
func spread(df int, parts ...int) Spread {
	var s Spread
	s.DF = df
	for _, p := range parts {
		s.set(p)
	}
	return s
}

func TestPlace(t *testing.T) {
	const n, parts = 1000, 4
	for _, tc := range []struct {
		name string
		fs   []Scored
		want int // -1: stays among the undated
	}{
		{"its rare words are one partition's", []Scored{
			{Key: 1, Count: 3, Spread: spread(3, 2)},
			{Key: 2, Count: 2, Spread: spread(4, 2)},
			{Key: 3, Count: 1, Spread: spread(300, 0, 1, 2, 3)},
		}, 2},
		{"more of its weight in one partition", []Scored{
			{Key: 1, Count: 3, Spread: spread(3, 1)},
			{Key: 2, Count: 3, Spread: spread(3, 3)},
			{Key: 3, Count: 2, Spread: spread(5, 3)},
		}, 3},
		{"a tie of neighbours goes to the earlier", []Scored{
			{Key: 1, Count: 2, Spread: spread(3, 1, 2)},
		}, 1},
		{"a tie of partitions apart places nothing", []Scored{
			{Key: 1, Count: 2, Spread: spread(3, 1, 3)},
		}, -1},
		{"a word all partitions have tells nothing", []Scored{
			{Key: 1, Count: 3, Spread: spread(3, 0)},
			{Key: 2, Count: 3, Spread: spread(8, 0, 1, 2, 3)},
			{Key: 3, Count: 3, Spread: spread(8, 0, 1, 2, 3)},
			{Key: 4, Count: 3, Spread: spread(3, 3)},
		}, -1},
		{"a word in no other report places nothing", []Scored{
			{Key: 1, Count: 5, Spread: spread(1)},
		}, -1},
		{"only undated reports share it", []Scored{
			{Key: 1, Count: 5, Spread: spread(4)},
		}, -1},
		{"a word in too many reports is not looked up", []Scored{
			{Key: 1, Count: 5, Spread: spread(routePostings*parts+1, 0)},
			{Key: 2, Count: 1, Spread: spread(2)},
		}, -1},
		{"too little in common", []Scored{
			{Key: 1, Count: 1, Spread: spread(390, 0)},
			{Key: 2, Count: 9, Spread: spread(1)},
			{Key: 3, Count: 9, Spread: spread(1)},
			{Key: 4, Count: 9, Spread: spread(1)},
		}, -1},
		{"no features", nil, -1},
	} {
		got, _, ok := place(tc.fs, n, parts)
		if !ok {
			got = -1
		}
		if got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

// writeStory writes a news-please report: undated when date is "".
func writeStory(t *testing.T, dir, name, outlet, date, title, text string) {
	t.Helper()
	rec := fmt.Sprintf(`{"title": %q, "maintext": %q, "source_domain": %q`, title, text, outlet)
	if date != "" {
		rec += fmt.Sprintf(`, "date_publish": %q`, date+" 12:00:00")
	}
	if err := os.WriteFile(filepath.Join(dir, name+".json"), []byte(rec+"}"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// An undated report is grouped with the reports of its own event, in the
// partition the route step places it in: two events half a year apart,
// in two partitions, each with an undated report.
func TestUndatedJoinsItsEvent(t *testing.T) {
	in := t.TempDir()
	dam := "The Kessel dam on the Orrin river burst on %s, flooding Lowmarsh and forcing 3,000 residents of the valley to leave, officials of Brannock county said. Engineers had warned about cracks in the Kessel dam since spring."
	port := "Dockworkers at the port of Saltreach went on strike on %s over pay, halting container ships at the Varrow terminal. The Saltreach port authority said talks with the union would resume."
	for i, outlet := range []string{"Wire One", "Wire Two", "Daily Three"} {
		writeStory(t, in, fmt.Sprintf("dam-%d", i), outlet, "2021-01-1"+fmt.Sprint(i), "Kessel dam bursts", fmt.Sprintf(dam, "Monday"))
		writeStory(t, in, fmt.Sprintf("port-%d", i), outlet, "2021-07-0"+fmt.Sprint(i+1), "Saltreach port strike", fmt.Sprintf(port, "Tuesday"))
	}
	writeStory(t, in, "dam-undated", "Blog Four", "", "Why the Kessel dam failed", fmt.Sprintf(dam, "the weekend")+" Lowmarsh residents blame Brannock county.")
	writeStory(t, in, "port-undated", "Blog Four", "", "Saltreach strike", fmt.Sprintf(port, "the weekend")+" The Varrow terminal stood idle.")
	events := filepath.Join(t.TempDir(), "events.json")
	st, err := Run(context.Background(), []string{in}, Options{Events: events, Partitions: 2, MaxBytes: corpus.DefaultMaxBytes})
	if err != nil {
		t.Fatal(err)
	}
	// Two partitions of three dated reports and one placed undated one.
	if want := (Stats{Partitions: 2, MinReports: 4, MaxReports: 4, Placed: 2, GroupingMiB: st.GroupingMiB}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	got := groupsOf(t, events)
	for _, want := range []string{"dam-0 dam-1 dam-2 dam-undated", "port-0 port-1 port-2 port-undated"} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("no event %s; events:\n%s", want, got)
		}
	}
}

// groupsOf lists the events of an events file, a line each: its reports'
// file names, sorted.
func groupsOf(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Events []struct {
			Articles []struct{ Path string } `json:"articles"`
		} `json:"events"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range f.Events {
		var names []string
		for _, a := range e.Articles {
			names = append(names, strings.TrimSuffix(filepath.Base(a.Path), ".json"))
		}
		slices.Sort(names)
		lines = append(lines, strings.Join(names, " "))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n") + "\n"
}

// With one partition the events file is what `biasdiff group --format
// json` writes for the corpus, byte for byte; with no output directory
// the pipeline writes it alone, and it is not written when the run
// fails.
func TestEventsFile(t *testing.T) {
	in := generated(t)
	c, err := batch.Read(context.Background(), []string{in}, batch.ReadOptions{MaxBytes: corpus.DefaultMaxBytes})
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := c.Group(nil)
	var want bytes.Buffer
	if err := report.GroupJSON(&want, c.Articles, evs); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "events.json")
	if _, err := Run(context.Background(), []string{in}, Options{Events: path, MaxBytes: corpus.DefaultMaxBytes}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("events file differs from biasdiff group's (%d bytes, want %d)", len(got), want.Len())
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("beside the events file: %v", left)
	}
	// A run that fails (a concept file that cannot be read) writes no
	// events file and leaves no temporary one.
	failed := filepath.Join(dir, "failed.json")
	var input *batch.InputError
	if _, err := Run(context.Background(), []string{in}, Options{Events: failed, Output: filepath.Join(dir, "out"), Concepts: []string{filepath.Join(dir, "missing.yaml")}, MaxBytes: corpus.DefaultMaxBytes}); !errors.As(err, &input) || !strings.Contains(err.Error(), "missing.yaml") {
		t.Fatalf("a run with a missing concept file: %v, want an input error naming it", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("after a failed run: %v", left)
	}
}

// A corpus with no readable report is an input error, its message alone
// (not the runner's trace), and nothing is written.
func TestNothingReadable(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	events := filepath.Join(dir, "events.json")
	_, err := Run(context.Background(), []string{in}, Options{Events: events, Output: filepath.Join(dir, "out"), MaxBytes: corpus.DefaultMaxBytes})
	var input *batch.InputError
	if !errors.As(err, &input) || input.Dir || err.Error() != "no readable articles in the input" {
		t.Fatalf("error %v (%T), want the input error alone", err, err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("beside the corpus: %v", left)
	}
}
