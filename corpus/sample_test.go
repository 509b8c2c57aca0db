package corpus

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/corpus/sample"
)

// labels reads testdata/sample-chrome.txt: per file, the headline and the
// chrome lines and fragments, hand-labelled.
func labels(t *testing.T) map[string]struct {
	title  string
	chrome []string
} {
	data, err := os.ReadFile("testdata/sample-chrome.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]struct {
		title  string
		chrome []string
	}{}
	var file string
	for _, l := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(l, "== "):
			file = strings.TrimPrefix(l, "== ")
		case strings.HasPrefix(l, "title: "):
			e := out[file]
			e.title = strings.TrimPrefix(l, "title: ")
			out[file] = e
		case strings.HasPrefix(l, "chrome: "):
			e := out[file]
			e.chrome = append(e.chrome, strings.TrimPrefix(l, "chrome: "))
			out[file] = e
		}
	}
	return out
}

// TestSampleChrome is the cleaner's golden test: on the sample corpus, every
// hand-labelled chrome line is removed (0 chrome left) and nothing else is
// (0 article sentences lost).
func TestSampleChrome(t *testing.T) {
	arts, err := LoadFS(sample.FS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := labels(t)
	if len(arts) != len(want) {
		t.Fatalf("read %d articles, labelled %d", len(arts), len(want))
	}
	for _, a := range arts {
		w, ok := want[a.Path]
		if !ok {
			t.Errorf("%s: not labelled", a.Path)
			continue
		}
		src, _ := fs.ReadFile(sample.FS, a.Path)
		runes := []rune(string(src))
		title := "(none)"
		if a.TitleSpan != nil {
			title = string(runes[a.TitleSpan.Start:a.TitleSpan.End])
		}
		if title != w.title {
			t.Errorf("%s: headline %q, want %q", a.Path, title, w.title)
		}
		var got []string
		for _, r := range a.Removed {
			got = append(got, r.Text)
			if s := string(runes[r.Start:r.End]); s != r.Text {
				t.Errorf("%s: removal at %d-%d says %q, the source has %q", a.Path, r.Start, r.End, r.Text, s)
			}
		}
		left, lost := diffLists(w.chrome, got)
		for _, s := range left {
			t.Errorf("%s: chrome left in the article: %q", a.Path, s)
		}
		for _, s := range lost {
			t.Errorf("%s: article text removed as chrome: %q", a.Path, s)
		}
		checkCoverage(t, a.Path, string(src), a)
	}
}

// diffLists returns what is in want but not got, and in got but not want.
func diffLists(want, got []string) (missing, extra []string) {
	n := map[string]int{}
	for _, s := range got {
		n[s]++
	}
	for _, s := range want {
		if n[s] > 0 {
			n[s]--
		} else {
			missing = append(missing, s)
		}
	}
	for _, s := range got {
		if n[s] > 0 {
			n[s]--
			extra = append(extra, s)
		}
	}
	return missing, extra
}

// checkCoverage asserts that the headline, the sentences and the removals
// account for every character that is not white space (as the cleaner
// trims it: Unicode spaces, no-break, zero-width and BOM) of src exactly once, with offsets
// inside src and sentences in order.
func checkCoverage(t *testing.T, name, src string, a *Article) {
	t.Helper()
	runes := []rune(src)
	owner := make([]byte, len(runes))
	mark := func(what byte, s, e int) {
		if s < 0 || e > len(runes) || s > e {
			t.Errorf("%s: %c span %d-%d outside the source (%d runes)", name, what, s, e, len(runes))
			return
		}
		for i := s; i < e; i++ {
			if owner[i] != 0 && !isSpace(runes[i]) {
				t.Errorf("%s: rune %d (%q) in both %c and %c", name, i, runes[i], owner[i], what)
				return
			}
			owner[i] = what
		}
	}
	if a.TitleSpan != nil {
		mark('T', a.TitleSpan.Start, a.TitleSpan.End)
	}
	prev := 0
	for _, s := range a.Sentences {
		if s.Start < prev {
			t.Errorf("%s: sentence at %d before the previous end %d", name, s.Start, prev)
		}
		prev = s.End
		mark('S', s.Start, s.End)
	}
	for _, r := range a.Removed {
		mark('R', r.Start, r.End)
	}
	for i, r := range runes {
		if owner[i] == 0 && !isSpace(r) {
			t.Errorf("%s: rune %d (%q) neither kept nor removed: %q", name, i, r, string(runes[max(0, i-20):min(len(runes), i+20)]))
			return
		}
	}
}
