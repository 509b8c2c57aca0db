package corpus

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// scanDir writes the sample captures (with their manifest) and a report in
// each other format into a directory.
func scanDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(sample.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sample.FS, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"feed/wire.jsonl": `{"title": "Talks resume", "maintext": "The ministers met on Monday. \"We want peace,\" the minister said.", "source_domain": "Wire One"}` + "\n\n" +
			`{"title": "Talks go on", "maintext": "The talks went on for a second day on Tuesday, officials said.", "source_domain": "Wire One"}` + "\n",
		"feed/page.html": "<html><head><title>Talks end</title></head><body><article><h1>Talks end</h1><p>The talks ended on Wednesday without a deal, the ministry said.</p><p>Both sides will meet again next month.</p></article></body></html>",
		"feed/post.md":   "---\ntitle: A blogger's view\noutlet: The Blog\n---\nThe talks, as usual, went nowhere. \"Nothing changes,\" one diplomat said.\n",
	})
	return dir
}

// Scan then Reload gives the articles Load gives, byte for byte in JSON,
// whatever the number of jobs; Scan hands each article's tokens to
// Options.Tokens once, and keeps no text.
func TestScanReloadIsLoad(t *testing.T) {
	dir := scanDir(t)
	want, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.MarshalIndent(want, "", " ")
	for _, jobs := range []int{1, 3} {
		var mu sync.Mutex
		seen := map[*Article]int{}
		x, err := Scan([]string{dir}, Options{Jobs: jobs, Tokens: func(a *Article, s [][]token.Token) {
			mu.Lock()
			seen[a]++
			mu.Unlock()
		}})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range x.Articles {
			if len(a.Sentences) != 0 || a.Body.S != "" || seen[a] != 1 {
				t.Fatalf("jobs %d: %s: %d sentences, %d bytes of body kept, tokens handed %d times; want none, none, once", jobs, a.Path, len(a.Sentences), len(a.Body.S), seen[a])
			}
		}
		if err := x.Reload(x.Articles); err != nil {
			t.Fatal(err)
		}
		got, _ := json.MarshalIndent(x.Articles, "", " ")
		if string(got) != string(wantJSON) {
			t.Fatalf("jobs %d: Scan+Reload differs from Load:\n%s", jobs, firstDiff(string(got), string(wantJSON)))
		}
		for _, a := range x.Articles {
			a.DropText()
		}
	}
}

// A file changed or gone between Scan and Reload is an error naming it.
func TestReloadChanged(t *testing.T) {
	dir := scanDir(t)
	x, err := Scan([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*Article{}
	for _, a := range x.Articles {
		byName[filepath.Base(a.Path)] = a
	}
	os.Remove(filepath.Join(dir, "feed", "page.html"))
	os.WriteFile(filepath.Join(dir, "feed", "post.md"), []byte("---\ntitle: Something else\n---\nAnother text altogether.\n"), 0o644)
	for name, want := range map[string]string{"page.html": "no such file", "post.md": "changed while the run went on"} {
		err := x.Reload([]*Article{byName[name]})
		if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want an error naming it: %s", name, err, want)
		}
	}
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return "got:  " + a[lo:min(len(a), i+200)] + "\nwant: " + b[lo:min(len(b), i+200)]
}

// FuzzScanReload: on any three files (a capture, a Markdown file and a JSON
// Lines file of two records), Scan then Reload gives what Load gives, or
// both fail.
func FuzzScanReload(f *testing.F) {
	f.Add("Talks resume\n\nThe ministers met on Monday.\n\nShare this\n", "---\ntitle: A view\n---\nShare this\n\nThe talks went nowhere.\n", "The talks went on.", "“Quoted,” she said.")
	f.Add("Share this\n", "Share this\n", "", "x")
	f.Fuzz(func(t *testing.T, txt, md, text1, text2 string) {
		dir := t.TempDir()
		j1, _ := json.Marshal(map[string]string{"title": "One", "maintext": text1})
		j2, _ := json.Marshal(map[string]string{"title": "Two", "maintext": text2})
		for name, data := range map[string]string{"a.txt": txt, "b.md": md, "c.jsonl": string(j1) + "\n\n" + string(j2) + "\n"} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, errLoad := Load([]string{dir}, Options{})
		x, errScan := Scan([]string{dir}, Options{})
		if (errLoad == nil) != (errScan == nil) {
			t.Fatalf("Load: %v; Scan: %v", errLoad, errScan)
		}
		if errLoad != nil {
			return
		}
		if err := x.Reload(x.Articles); err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(x.Articles)
		if string(a) != string(b) {
			t.Fatalf("Scan+Reload differs from Load:\n%s", firstDiff(string(b), string(a)))
		}
	})
}
