package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/biasdiff/biasdiff/batch"
	"github.com/biasdiff/biasdiff/corpus"
)

func TestMain(m *testing.M) {
	// Prism's log lines of each job, at info, only with -v.
	flag.Parse()
	if !testing.Verbose() {
		slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	}
	code := ptest.MainRet(m)
	if gen.dir != "" {
		os.RemoveAll(gen.dir)
	}
	os.Exit(code)
}

// formats are every format of an event's report.
var formats = []string{"text", "md", "json", "csv", "html"}

var gen struct {
	once sync.Once
	dir  string
	err  error
}

// generated is a corpus of 200 reports made by internal/corpusgen, once
// for the package's tests.
func generated(t *testing.T) string {
	t.Helper()
	gen.once.Do(func() {
		gen.dir, gen.err = os.MkdirTemp("", "biasdiff-beam-corpus-*")
		if gen.err != nil {
			return
		}
		cmd := exec.Command("go", "run", "./internal/corpusgen", "-n", "200", "-o", filepath.Join(gen.dir, "in"))
		cmd.Dir = filepath.Join("..", "..") // the main module
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			gen.err = err
			t.Log(out.String())
		}
	})
	if gen.err != nil {
		t.Fatalf("corpusgen: %v", gen.err)
	}
	return filepath.Join(gen.dir, "in")
}

// oneMachine is `biasdiff corpus` on in, as the CLI runs it by default
// but in every format.
func oneMachine(t *testing.T, in, out string) {
	t.Helper()
	if _, err := batch.Run(context.Background(), []string{in}, batch.Options{
		Output: out, Formats: formats, Section: "terms", MaxBytes: corpus.DefaultMaxBytes, Top: 20,
	}); err != nil {
		t.Fatal(err)
	}
}

// runPipeline runs the pipeline on Prism with opt and the options of
// oneMachine.
func runPipeline(t *testing.T, in, out string, opt Options) {
	t.Helper()
	opt.Output, opt.Formats, opt.Section, opt.MaxBytes, opt.Top = out, formats, "terms", corpus.DefaultMaxBytes, 20
	if _, err := Run(context.Background(), []string{in}, opt); err != nil {
		t.Fatal(err)
	}
}

// files reads every file of dir.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = data
	}
	return m
}

// events maps each event's reports (their ids, joined) to its report
// files' base name, from the JSON reports of dir.
func events(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for name, data := range files(t, dir) {
		if !strings.HasSuffix(name, ".json") || name == "index.json" {
			continue
		}
		var r struct {
			Articles []struct {
				ID string `json:"id"`
			} `json:"articles"`
		}
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var ids []string
		for _, a := range r.Articles {
			ids = append(ids, a.ID)
		}
		slices.Sort(ids)
		m[strings.Join(ids, " ")] = strings.TrimSuffix(name, ".json")
	}
	return m
}

// sameFiles checks that got holds the files of want, byte for byte, and
// no other.
func sameFiles(t *testing.T, want, got string) {
	t.Helper()
	w, g := files(t, want), files(t, got)
	for name, data := range w {
		if gd, ok := g[name]; !ok {
			t.Errorf("%s: missing", name)
		} else if !bytes.Equal(gd, data) {
			t.Errorf("%s: differs", name)
		}
	}
	for name := range g {
		if _, ok := w[name]; !ok {
			t.Errorf("%s: not written by biasdiff corpus", name)
		}
	}
	if len(w) < 20 {
		t.Errorf("only %d files", len(w))
	}
}

// With one partition the pipeline writes what `biasdiff corpus` writes,
// byte for byte, index included.
func TestOnePartitionSameBytes(t *testing.T) {
	in := generated(t)
	dir := t.TempDir()
	want, got := filepath.Join(dir, "batch"), filepath.Join(dir, "beam")
	oneMachine(t, in, want)
	runPipeline(t, in, got, Options{Partitions: 1})
	sameFiles(t, want, got)
	left, _ := os.ReadDir(dir)
	if len(left) != 2 {
		t.Errorf("beside the outputs: %v", left)
	}
}

// Partitions that each see every report (an overlap longer than the
// corpus) give one machine's events: the reconciliation across borders
// adds no error of its own, and the output is the same bytes.
func TestFullOverlapSameBytes(t *testing.T) {
	in := generated(t)
	dir := t.TempDir()
	want, got := filepath.Join(dir, "batch"), filepath.Join(dir, "beam")
	oneMachine(t, in, want)
	runPipeline(t, in, got, Options{Partitions: 4, Overlap: 100000})
	sameFiles(t, want, got)
}

// With partitions of their own days, what the package doc says is exact
// is: every report read is in exactly one event; an event is compared
// when two outlets report it; and an event of the same reports and label
// as one machine's has the same files, byte for byte.
func TestPartitionsExact(t *testing.T) {
	in := generated(t)
	dir := t.TempDir()
	want, got := filepath.Join(dir, "batch"), filepath.Join(dir, "beam")
	oneMachine(t, in, want)
	runPipeline(t, in, got, Options{Partitions: 4})
	we, ge := events(t, want), events(t, got)
	wf, gf := files(t, want), files(t, got)
	seen := map[string]bool{}
	same := 0
	for members, base := range ge {
		for _, id := range strings.Fields(members) {
			if seen[id] {
				t.Errorf("report %s in two events", id)
			}
			seen[id] = true
		}
		if we[members] != base {
			continue
		}
		same++
		for _, f := range formats {
			name := base + batch.FormatExt[f]
			if !bytes.Equal(wf[name], gf[name]) {
				t.Errorf("%s: differs from one machine's", name)
			}
		}
	}
	t.Logf("events compared: one machine %d, 4 partitions %d, of which the same (reports and label) %d", len(we), len(ge), same)
	var wi, gi struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(wf["index.json"], &wi); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(gf["index.json"], &gi); err != nil {
		t.Fatal(err)
	}
	// "biasdiff corpus: N reports from M outlets in K events"
	reports := func(title string) string { return strings.Join(strings.Fields(title)[:7], " ") }
	if reports(wi.Title) != reports(gi.Title) {
		t.Errorf("index: %q, one machine %q", gi.Title, wi.Title)
	}
}
