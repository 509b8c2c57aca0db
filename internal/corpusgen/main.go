// Command corpusgen writes a large, deterministic corpus of news reports for
// benchmarks: N reports in many events and outlets, made by recombining real
// sentences, in every format biasdiff reads (.txt with page chrome, .md with
// front matter, .html, news-please .json and .jsonl).
//
// Usage:
//
//	go run ./internal/corpusgen -n 20000 -o DIR [-words N] [-text FILE.jsonl]...
//
// The sentences come from the embedded sample corpus and, when given, from
// the "text" or "maintext" fields of JSON Lines files (make corpus passes
// ../shared/eval/grouping/dev.jsonl when it is there). Same flags, same
// bytes. The output is for measuring speed only: its events are not real.
//
// Reports have 8-20 sentences' worth of words by default; -words N makes
// each about N words long (a story of as many sentences as it takes, of
// which each report keeps seven in ten), for measuring long texts: with the
// sample's sentences alone the pool is small and long reports repeat it.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/corpus/segment"
)

type textFiles []string

func (t *textFiles) String() string     { return strings.Join(*t, ",") }
func (t *textFiles) Set(s string) error { *t = append(*t, s); return nil }

func main() {
	n := flag.Int("n", 2000, "number of reports")
	words := flag.Int("words", 0, "words per report, about (0: 8-20 sentences)")
	out := flag.String("o", "", "output directory (created)")
	var extra textFiles
	flag.Var(&extra, "text", "JSON Lines file whose text/maintext fields add sentences (repeatable)")
	flag.Parse()
	if *out == "" || *n <= 0 || *words < 0 {
		fmt.Fprintln(os.Stderr, "usage: corpusgen -n N -o DIR [-words N] [-text FILE.jsonl]...")
		os.Exit(2)
	}
	if err := run(*n, *words, *out, extra); err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
}

func run(n, words int, out string, extra []string) error {
	pool, err := sentences(extra)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(20261125, 4))
	outlets := make([]string, 60)
	for i := range outlets {
		outlets[i] = fmt.Sprintf("Outlet %02d", i+1)
	}
	chrome := []string{"Share this article", "Leave a comment", "Related stories", "Subscribe to our newsletter", "Advertisement", "Photo: Staff photographer", "© All rights reserved"}

	var jsonl *bufio.Writer
	var jsonlFile *os.File
	defer func() {
		if jsonl != nil {
			jsonl.Flush()
			jsonlFile.Close()
		}
	}()
	for made, ev := 0, 0; made < n; ev++ {
		// An event: a story of 8-20 sentences, a date, 2-8 reports.
		var story []string
		if words == 0 {
			story = make([]string, 8+rng.IntN(13))
			for i := range story {
				story[i] = pool[rng.IntN(len(pool))]
			}
		} else {
			// enough for seven in ten of its sentences to hold N words
			for w := 0; w*7 < words*10; {
				s := pool[rng.IntN(len(pool))]
				story = append(story, s)
				w += len(strings.Fields(s))
			}
		}
		day := rng.IntN(700)
		reports := min(2+rng.IntN(7), n-made)
		for r := 0; r < reports; r++ {
			var body []string
			for _, s := range story {
				if rng.IntN(10) < 7 {
					body = append(body, s)
				}
			}
			if len(body) == 0 {
				body = story[:1]
			}
			title := strings.TrimRight(body[0], ".")
			if r := []rune(title); len(r) > 90 {
				// cut at a word's end, as an editor shortens a headline
				title = string(r[:90])
				if i := strings.LastIndexByte(title, ' '); i > 0 {
					title = title[:i]
				}
			}
			outlet := outlets[rng.IntN(len(outlets))]
			date := fmt.Sprintf("2019-%02d-%02d", 1+(day/28)%12, 1+day%28)
			name := fmt.Sprintf("e%05d-r%d", ev, r)
			switch made % 10 {
			case 0, 1, 2, 3: // web capture with chrome
				var b strings.Builder
				b.WriteString(title + "\n\n" + title + "\n\n")
				for _, s := range body {
					b.WriteString(s + "\n\n")
				}
				for k := 0; k < 3; k++ {
					b.WriteString(chrome[rng.IntN(len(chrome))] + "\n")
				}
				err = os.WriteFile(filepath.Join(out, name+".txt"), []byte(b.String()), 0o644)
			case 4, 5:
				var b strings.Builder
				fmt.Fprintf(&b, "---\ntitle: %q\noutlet: %q\ndate: %s\n---\n\n# %s\n\n", title, outlet, date, title)
				for _, s := range body {
					b.WriteString(s + "\n\n")
				}
				err = os.WriteFile(filepath.Join(out, name+".md"), []byte(b.String()), 0o644)
			case 6:
				var b strings.Builder
				fmt.Fprintf(&b, "<!doctype html><html lang=\"en\"><head><title>%s</title><meta property=\"og:site_name\" content=\"%s\"><meta property=\"article:published_time\" content=\"%s\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>%s</h1>", html.EscapeString(title), outlet, date, html.EscapeString(title))
				for _, s := range body {
					fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(s))
				}
				b.WriteString("</article><footer>Copyright</footer></body></html>\n")
				err = os.WriteFile(filepath.Join(out, name+".html"), []byte(b.String()), 0o644)
			case 7, 8:
				err = writeJSON(filepath.Join(out, name+".json"), title, body, outlet, date)
			default:
				if jsonl == nil || made%1000 == 9 {
					if jsonl != nil {
						jsonl.Flush()
						jsonlFile.Close()
					}
					jsonlFile, err = os.Create(filepath.Join(out, fmt.Sprintf("batch-%05d.jsonl", made)))
					if err != nil {
						return err
					}
					jsonl = bufio.NewWriter(jsonlFile)
				}
				line, _ := json.Marshal(record(title, body, outlet, date))
				jsonl.Write(append(line, '\n'))
			}
			if err != nil {
				return err
			}
			made++
		}
	}
	return nil
}

func record(title string, body []string, outlet, date string) map[string]string {
	return map[string]string{"title": title, "maintext": strings.Join(body, "\n"), "source_domain": outlet, "date_publish": date + " 12:00:00", "language": "en"}
}

func writeJSON(path, title string, body []string, outlet, date string) error {
	data, err := json.Marshal(record(title, body, outlet, date))
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// sentences returns the pool of real sentences: the sample's, and those of
// the "text" or "maintext" fields of the JSON Lines files given.
func sentences(extra []string) ([]string, error) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		return nil, err
	}
	var pool []string
	add := func(s string) {
		if len(s) > 40 {
			pool = append(pool, s)
		}
	}
	for _, a := range arts {
		for _, s := range a.Sentences {
			add(s.Text)
		}
	}
	for _, f := range extra {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			var rec struct{ Text, Maintext string }
			if json.Unmarshal([]byte(line), &rec) != nil {
				continue
			}
			text := rec.Text + "\n" + rec.Maintext
			for _, para := range strings.Split(text, "\n") {
				for _, r := range segment.Split(para) {
					add(para[r.Start:r.End])
				}
			}
		}
	}
	return pool, nil
}
