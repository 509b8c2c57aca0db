package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/align/group"
)

// A file that vanishes, and one that changes, after the corpus was read
// fail their events alone, with the reason in the index; the rest is
// compared.
func TestCorpusFilesChangeMidRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	events := map[string][2]string{
		"talks": {"The foreign ministers of Norland and Southland met in Riverton on Monday for talks on a peace treaty over the Silver Isles.", "Norland and Southland held peace treaty talks in Riverton on Monday, with the Grey Rocks still in dispute between the ministers."},
		"zoo":   {"Keepers at the Riverton zoo celebrated the birth of a baby giraffe named Juniper on Tuesday after a vote by schoolchildren.", "A baby giraffe born at the Riverton zoo on Tuesday was named Juniper by schoolchildren, keepers said."},
		"storm": {"A storm cut power to thousands of homes in Lakeside on Wednesday night as winds reached a hundred kilometres an hour.", "Thousands of Lakeside homes lost power in Wednesday night's storm, with winds of a hundred kilometres an hour."},
	}
	for name, texts := range events {
		for i, outlet := range []string{"Wire One", "Wire Two"} {
			data := fmt.Sprintf(`{"title": %q, "maintext": %q, "source_domain": %q, "date_publish": "2019-01-14"}`, name, texts[i], outlet)
			if err := os.MkdirAll(in, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("%s-%d.json", name, i)), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := filepath.Join(dir, "out")
	sum, err := Run(context.Background(), []string{in}, Options{
		Output:  out,
		Formats: []string{"md"},
		Jobs:    2,
		AfterGrouping: func() {
			os.Remove(filepath.Join(in, "zoo-1.json"))
			os.WriteFile(filepath.Join(in, "storm-0.json"), []byte(`{"title": "storm", "maintext": "Something else entirely.", "source_domain": "Wire One"}`), 0o644)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Summary{Compared: 1, Failed: 2}); sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	index, err := os.ReadFile(filepath.Join(out, "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"1 event compared",
		"zoo-1.json: read again: no such file or directory",
		"storm-0.json: changed while the run went on",
	} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index lacks %q:\n%s", want, index)
		}
	}
}

// writeEvent writes two reports of one event by two outlets into dir.
func writeEvent(t *testing.T, dir string) {
	t.Helper()
	texts := []string{
		"The foreign ministers of Norland and Southland met in Riverton on Monday for talks on a peace treaty over the Silver Isles.",
		"Norland and Southland held peace treaty talks in Riverton on Monday, with the Grey Rocks still in dispute between the ministers.",
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, outlet := range []string{"Wire One", "Wire Two"} {
		data := fmt.Sprintf(`{"title": "talks", "maintext": %q, "source_domain": %q, "date_publish": "2019-01-14"}`, texts[i], outlet)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("talks-%d.json", i)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Each way a run can stop has its error, and leaves DIR as it was, with
// no temporary directory beside it.
func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeEvent(t, in)
	out := filepath.Join(dir, "out")
	if _, err := Run(context.Background(), []string{in}, Options{Output: out, Formats: []string{"md"}}); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(filepath.Join(out, "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	single := filepath.Join(dir, "single")
	if err := os.MkdirAll(single, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(single, "one.txt"), []byte("A lone report of a storm in Lakeside.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name  string
		ctx   context.Context
		paths []string
		out   string
		is    error // the error is this one, or
		dir   bool  // an *InputError about the output directory
	}{
		{"interrupted", cancelled, []string{in}, out, ErrInterrupted, false},
		{"nothing to compare", context.Background(), []string{single}, out, ErrNothing, false},
		{"output inside the input", context.Background(), []string{dir}, out, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(tc.ctx, tc.paths, Options{Output: tc.out, Formats: []string{"md"}})
			var ie *InputError
			switch {
			case err == nil:
				t.Fatal("no error")
			case tc.is != nil && !errors.Is(err, tc.is):
				t.Errorf("error %v, want %v", err, tc.is)
			case tc.dir && !(errors.As(err, &ie) && ie.Dir && strings.HasPrefix(err.Error(), tc.out+": ")):
				t.Errorf("error %v, want an *InputError about %s", err, tc.out)
			}
			after, err := os.ReadFile(filepath.Join(out, "index.md"))
			if err != nil || string(after) != string(before) {
				t.Errorf("DIR changed (%v)", err)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") {
					t.Errorf("left %s behind", e.Name())
				}
			}
		})
	}
}

func TestFileSlug(t *testing.T) {
	for _, tc := range []struct{ label, want string }{
		{"Silver Isles: talks end", "silver-isles-talks-end"},
		{"Überraschung in Škoda's Riverton", "uberraschung-in-skoda-s-riverton"},
		{strings.Repeat("abcdefghij", 5), "abcdefghijabcdefghijabcdefghijabcdefghij"},
		{"", ""},
	} {
		if got := fileSlug(tc.label); got != tc.want {
			t.Errorf("fileSlug(%q) = %q, want %q", tc.label, got, tc.want)
		}
	}
}

// The budget lets events run together while their estimates fit, and one
// larger than it alone.
func TestBudget(t *testing.T) {
	b := newBudget(100)
	if got := b.take(60); got != 60 {
		t.Fatalf("took %d, want 60", got)
	}
	done := make(chan int64)
	go func() { done <- b.take(500) }() // larger than the budget: waits for the 60
	select {
	case <-done:
		t.Fatal("an estimate over the budget ran beside another event")
	default:
	}
	b.give(60)
	if got := <-done; got != 100 {
		t.Fatalf("took %d, want the whole budget", got)
	}
	b.give(100)
	if got := b.take(30) + b.take(30); got != 60 || b.used != 60 {
		t.Fatalf("two small estimates: took %d, used %d", got, b.used)
	}
}

// Features reads each report again and gives the grouper's features, in
// the order asked; a report gone since is named and left out.
func TestCorpusFeatures(t *testing.T) {
	dir := t.TempDir()
	writeEvent(t, dir)
	kept, err := Read(context.Background(), []string{dir}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]int{}
	unread := kept.Features([]int{1, 0}, func(i int, fs []group.Feature) {
		if _, ok := got[i]; ok || len(got) == 0 && i != 1 {
			t.Errorf("report %d out of order", i)
		}
		got[i] = len(fs)
	})
	if len(unread) != 0 || got[0] == 0 || got[1] == 0 {
		t.Fatalf("features %v, unread %v", got, unread)
	}
	if err := os.Remove(filepath.Join(dir, "talks-0.json")); err != nil {
		t.Fatal(err)
	}
	n := 0
	unread = kept.Features([]int{0, 1}, func(i int, fs []group.Feature) {
		n++
		if i != 1 {
			t.Errorf("report %d read though removed", i)
		}
	})
	if n != 1 || len(unread) != 1 || !strings.Contains(unread[0].Error(), "talks-0.json") {
		t.Errorf("%d read, unread %v", n, unread)
	}
}
