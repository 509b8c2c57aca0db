package corpus

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDuplicates(t *testing.T) {
	story := "The foreign ministers of Norland and Southland met in Riverton on Monday to resume talks on a peace treaty. " +
		"Norland demanded that Southland recognise the outcome of the war before the talks can advance. " +
		"The Southland minister said the talks had been useful but that deep disagreements remained over the Silver Isles. " +
		"Both sides agreed to meet again next month in Lakeside, officials said."
	other := "Keepers at the city zoo celebrated the birth of a baby giraffe on Tuesday. " +
		"The calf was named Juniper after a vote by schoolchildren, and will be shown to visitors next week."
	page := "<html><head><title>Talks resume</title></head><body><nav>Home | World</nav><article><h1>Talks resume</h1>" +
		"<p>" + strings.ReplaceAll(story, ". ", ".</p><p>") + "</p></article><footer>Share this article</footer></body></html>"
	jsonOf := func(outlet, text string) []byte {
		return fmt.Appendf(nil, `{"title": "Talks resume", "maintext": %q, "source_domain": %q}`, text, outlet)
	}
	files := fstest.MapFS{
		"a.txt":        {Data: []byte("Talks resume\n\n" + story + "\n")},
		"b-copy.txt":   {Data: []byte("Talks resume\n\n" + story + "\n")},                            // the same file copied
		"c.html":       {Data: []byte(page)},                                                         // the same page saved as HTML
		"d.txt":        {Data: []byte("Talks resume\n\n" + story + " A second round is planned.\n")}, // updated with a line
		"e-brief.txt":  {Data: []byte("Talks resume\n\n" + story[:strings.Index(story, ". ")+1] + "\n")},
		"f-zoo.txt":    {Data: []byte("Baby giraffe\n\n" + other + "\n")},
		"g-wire.json":  {Data: jsonOf("Wire One", story)},
		"h-paper.json": {Data: jsonOf("The Paper", story)}, // another outlet's reprint: not a duplicate
	}
	arts, err := LoadFS(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	name := func(i int) string { return arts[i].Path }
	got := map[string]string{}
	for _, d := range Duplicates(arts) {
		got[name(d.Article)] = name(d.Of)
		if d.Shared < MinShared || d.Shared > 1 {
			t.Errorf("%s repeats %s with shared %.2f, want in [MinShared, 1]", name(d.Article), name(d.Of), d.Shared)
		}
	}
	// The reports that name their outlet come first: the files of no
	// named outlet repeat the first of them. Two outlets' copies are both
	// kept.
	want := map[string]string{
		"a.txt":      "g-wire.json",
		"b-copy.txt": "g-wire.json",
		"c.html":     "g-wire.json",
		"d.txt":      "g-wire.json",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: repeats %q, want %q", k, got[k], v)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: repeats %q, want no repeat", k, v)
		}
	}

	// Without the reports that name their outlet, the first file repeated
	// is the original.
	delete(files, "g-wire.json")
	delete(files, "h-paper.json")
	arts, err = LoadFS(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	dups := Duplicates(arts)
	if len(dups) != 3 {
		t.Errorf("%d repeats, want b-copy.txt, c.html and d.txt", len(dups))
	}
	for _, d := range dups {
		if arts[d.Of].Path != "a.txt" {
			t.Errorf("%s repeats %s, want a.txt", arts[d.Article].Path, arts[d.Of].Path)
		}
	}
}

// The fingerprints a RepeatCollector takes while Scan reads give the
// repeats Duplicates finds on the articles Load reads.
func TestRepeatCollector(t *testing.T) {
	dir := t.TempDir()
	story := "The foreign ministers of Norland and Southland met in Riverton on Monday to resume talks on a peace treaty. " +
		"Norland demanded that Southland recognise the outcome of the war before the talks can advance."
	writeFiles(t, dir, map[string]string{
		"a.txt":      "Talks resume\n\n" + story + "\n",
		"b-copy.txt": "Talks resume\n\n" + story + "\n",
		"c.json":     fmt.Sprintf(`{"title": "Talks resume", "maintext": %q, "source_domain": "Wire One"}`, story),
		"d.txt":      "Baby giraffe\n\nKeepers at the city zoo celebrated the birth of a baby giraffe on Tuesday.\n",
		"e.txt":      "Baby giraffe\n\nKeepers at the city zoo celebrated the birth of a baby giraffe on Tuesday.\n",
	})
	pairs := func(arts []*Article, dups []Duplicate) string {
		var out []string
		for _, d := range dups {
			out = append(out, filepath.Base(arts[d.Article].Path)+">"+filepath.Base(arts[d.Of].Path))
		}
		return strings.Join(out, " ")
	}
	arts, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := pairs(arts, Duplicates(arts))
	if want != "a.txt>c.json b-copy.txt>c.json e.txt>d.txt" {
		t.Errorf("Duplicates: %s", want)
	}
	var c RepeatCollector
	x, err := Scan([]string{dir}, Options{Tokens: c.Tokens})
	if err != nil {
		t.Fatal(err)
	}
	if got := pairs(x.Articles, c.Duplicates(x.Articles)); got != want {
		t.Errorf("RepeatCollector: %s, want %s", got, want)
	}
}

// A file named as a copy is never kept over the file it copies, even when
// its name sorts first ("foxnews-copy.txt" before "foxnews.txt").
func TestDuplicatesKeepOriginal(t *testing.T) {
	story := "Talks resume\n\nThe foreign ministers of Norland and Southland met in Riverton on Monday to resume talks on a peace treaty. " +
		"Both sides agreed to meet again next month in Lakeside, officials said.\n"
	for _, tc := range []struct {
		files []string
		want  string // the original
	}{
		{[]string{"wire-copy.txt", "wire.txt"}, "wire.txt"},
		{[]string{"Copy of wire.txt", "wire.txt"}, "wire.txt"},
		{[]string{"wire (1).txt", "wire.txt"}, "wire.txt"},
		{[]string{"wire - Copy.txt", "wire.txt"}, "wire.txt"},
		{[]string{"a-copy.txt", "b-copy2.txt"}, "a-copy.txt"}, // both marked: the first
		{[]string{"a.txt", "b.txt"}, "a.txt"},                 // neither: the first
	} {
		files := fstest.MapFS{}
		for _, f := range tc.files {
			files[f] = &fstest.MapFile{Data: []byte(story)}
		}
		arts, err := LoadFS(files, Options{})
		if err != nil {
			t.Fatal(err)
		}
		dups := Duplicates(arts)
		if len(dups) != 1 || arts[dups[0].Of].Path != tc.want {
			t.Errorf("%q: repeats %v, want the others to repeat %s", tc.files, dups, tc.want)
		}
	}
}

func TestCopyMarked(t *testing.T) {
	for name, want := range map[string]bool{
		"wire-copy.txt": true, "wire copy.txt": true, "wire_copy.md": true, "wire copy 2.txt": true,
		"wire - Copy.txt": true, "Copy of wire.html": true, "wire (1).txt": true, "dir/wire-COPY.json": true,
		"wire.txt": false, "copyright.txt": false, "copywriters-strike.txt": false, "wire-2.txt": false,
		"photocopy.txt": false, "copy/wire.txt": false,
	} {
		if got := copyMarked(name); got != want {
			t.Errorf("copyMarked(%q) = %v, want %v", name, got, want)
		}
	}
}
