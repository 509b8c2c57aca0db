package corpus

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/htmlread"
	"github.com/biasdiff/biasdiff/corpus/textenc"
)

func loadOne(t *testing.T, name string, data []byte) []*Article {
	t.Helper()
	arts, err := LoadFS(fstest.MapFS{name: {Data: data}}, Options{})
	if err != nil {
		return nil
	}
	return arts
}

// FuzzClean reads arbitrary text as a web capture: no panic, offsets inside
// the source and in order, and kept text plus removed text account for the
// whole input.
func FuzzClean(f *testing.F) {
	f.Add("Headline here\n\nHeadline here\n\nThe minister said on Monday that talks would resume. “We will meet again,” he said.\n\nShare this story!\nLeave a comment\n• Latest\n")
	f.Add("Also on example.com Other story headline goes hereThe talks resumed on Monday in the capital, officials said.\n")
	f.Add("Title / News / Site\nRate\nTitle\n\nTitle\n\nA line of text that is\nwrapped softly across lines.\n\n© Photographer\n")
	f.Add("Заголовок\n\nEnglish text of the article, long enough to be prose, said the officials.\n\nКомментарии\n")
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		for _, a := range loadOne(t, "a.txt", []byte(src)) {
			checkCoverage(t, "a.txt", src, a)
			checkQuotes(t, src, a)
		}
	})
}

// FuzzNewsPlease reads an arbitrary maintext through the JSON reader:
// offsets are into the maintext field and cover it.
func FuzzNewsPlease(f *testing.F) {
	f.Add("Talks resume", "The talks resumed on Monday.\nThe ministers met, officials said.")
	f.Add("", "“Quoted,” she said.\n\n• A bullet\n3. A numbered item.")
	f.Fuzz(func(t *testing.T, title, text string) {
		if !utf8.ValidString(text) || !utf8.ValidString(title) {
			return
		}
		data, _ := json.Marshal(map[string]string{"title": title, "maintext": text})
		for _, a := range loadOne(t, "a.json", data) {
			checkCoverage(t, "a.json", text, a)
			checkQuotes(t, text, a)
		}
	})
}

func checkQuotes(t *testing.T, src string, a *Article) {
	t.Helper()
	n := utf8.RuneCountInString(src)
	for _, q := range a.Quotes {
		if q.Start < 0 || q.End > n || q.Start > q.End {
			t.Errorf("quote %d-%d outside the source (%d runes)", q.Start, q.End, n)
		}
		if q.Sentence < 0 || q.Sentence >= len(a.Sentences) {
			t.Errorf("quote names sentence %d of %d", q.Sentence, len(a.Sentences))
		}
	}
}

// FuzzParse feeds arbitrary bytes to every reader: no panic, and either a
// clear error or articles whose offsets stay inside the source.
func FuzzParse(f *testing.F) {
	f.Add("txt", []byte("Headline\n\nBody text, he said."))
	f.Add("md", []byte("---\ntitle: T\n---\n# T\n\nBody *text*."))
	f.Add("html", []byte("<html><body><article><p>Body text of the article, officials said on Monday, and it goes on for a while.</p></article></body></html>"))
	f.Add("json", []byte(`{"title":"T","maintext":"Body."}`))
	f.Add("jsonl", []byte("{\"maintext\":\"One.\"}\n{\"maintext\":\"Two.\"}\n"))
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		name := "a." + ext
		// A name that is no valid fs.FS path ("a./././.tXt") sends
		// testing/fstest.MapFS into endless recursion: it is the harness's
		// input, not a file name biasdiff meets (paths on disk go through
		// the OS).
		if formatOf(name) == "" || !fs.ValidPath(name) || strings.Contains(ext, "/") {
			return
		}
		src := decodedSource(formatOf(name), data)
		for _, a := range loadOne(t, name, data) {
			n := utf8.RuneCountInString(src)
			if formatOf(name) == "html" {
				n = htmlread.Chars(data)
			}
			for _, s := range a.Sentences {
				if s.Start < 0 || s.End > n || s.Start > s.End {
					t.Fatalf("%s: sentence %d-%d outside %d runes", name, s.Start, s.End, n)
				}
			}
			for _, r := range a.Removed {
				if r.Start < 0 || r.End > n || r.Start > r.End {
					t.Fatalf("%s: removal %d-%d outside %d runes", name, r.Start, r.End, n)
				}
			}
			if ext == "txt" {
				checkCoverage(t, name, src, a)
			}
		}
	})
}

// decodedSource is the text that offsets into data count runes of: data
// as decoded, a byte order mark included.
func decodedSource(format string, data []byte) string {
	if bom, n := textenc.BOM(data); format != "html" && strings.HasPrefix(bom, "utf-16") {
		return "\ufeff" + textenc.DecodeUTF16(data[n:], bom == "utf-16be")
	}
	return string(data)
}
