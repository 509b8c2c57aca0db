package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two reports of one event among 10,000 tiny files (a line each, made-up
// words of their own): the run finishes, every file is accounted for in
// the index, the two reports are compared, and the tiny ones are listed
// as single reports.
func TestCorpusManyTinyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 10,000 files")
	}
	const tiny = 10000
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	rng := rand.New(rand.NewPCG(1, 2))
	syllables := []string{"ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "de", "pa", "zu", "fe"}
	word := func(n int) string { // n spelt in syllables: no two files share a word
		var b strings.Builder
		for ; n > 0; n /= len(syllables) {
			b.WriteString(syllables[n%len(syllables)])
		}
		return b.String()
	}
	for i := range tiny {
		words := make([]string, 3+rng.IntN(8))
		for k := range words {
			words[k] = word((i+1)*16 + k)
		}
		text := strings.ToUpper(words[0][:1]) + strings.Join(words, " ")[1:] + ".\n"
		sub := filepath.Join(in, fmt.Sprintf("d%02d", i%100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("n%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pair := map[string]string{
		"kyodo.json": `{"title": "Ministers meet in Moscow for peace treaty talks", "maintext": "The foreign ministers of Norland and Southland met in Moscow on Monday for peace treaty talks but remained far apart over the Silver Isles. Norland demanded that Southland recognise the outcome of the war. The Southland minister said the talks had been useful.", "date_publish": "2019-01-14", "source_domain": "Wire One"}`,
		"rt.json":    `{"title": "Norland: Southland must accept sovereignty over the Grey Rocks", "maintext": "The Norland foreign minister said on Monday in Moscow that Southland must recognise the outcome of the war before peace treaty talks can advance. The Grey Rocks became part of Norland after the war, he told reporters. He said the talks had been useful.", "date_publish": "2019-01-14", "source_domain": "Wire Two"}`,
	}
	for name, text := range pair {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	out := filepath.Join(dir, "out")
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"corpus", "--quiet", "--format", "md", in, "-o", out}, nil, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(out, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var idx struct {
		Tables []struct {
			ID   string
			Rows []struct {
				Reports int
				Outlets []string
			}
		}
	}
	if err := json.Unmarshal(data, &idx); err != nil {
		t.Fatal(err)
	}
	reports := map[string]int{}
	var compared [][]string
	for _, tb := range idx.Tables {
		for _, r := range tb.Rows {
			reports[tb.ID] += r.Reports
			if tb.ID == "events" {
				compared = append(compared, r.Outlets)
			}
		}
		if tb.ID == "problems" && len(tb.Rows) > 0 {
			t.Errorf("index: %d problems, want none", len(tb.Rows))
		}
	}
	if got, want := reports["events"]+reports["not-compared"], tiny+len(pair); got != want {
		t.Errorf("index: %d reports in events, want %d", got, want)
	}
	if len(compared) != 1 || strings.Join(compared[0], ",") != "Wire One,Wire Two" {
		t.Errorf("index: events compared %q, want the pair alone", compared)
	}
}
