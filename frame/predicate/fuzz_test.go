package predicate

import (
	"encoding/json"
	"fmt"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
)

// FuzzFind: any two reports give rows whose wordings are their source's
// text at their offsets (runes of the maintext), each span in one row at most, two wordings or
// more in each row.
func FuzzFind(f *testing.F) {
	f.Add("Soldiers seized the lighthouse at Kelvale after a standoff.", "Soldiers captured the lighthouse at Kelvale after a standoff.")
	f.Add("The rebels seized the harbour cranes and the lighthouse.", "Armed rebels captured the lighthouse and the harbour cranes overnight.")
	f.Add("", "—")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		fsys := fstest.MapFS{}
		for i, text := range []string{a, b} {
			data, _ := json.Marshal(map[string]string{"maintext": text, "title": ""})
			fsys[fmt.Sprintf("%c.json", 'a'+i)] = &fstest.MapFile{Data: data}
		}
		arts, err := corpus.LoadFS(fsys, corpus.Options{})
		if err != nil {
			return // not a report: corpus's fuzz targets cover reading
		}
		quotes := align.Quotes(arts)
		rows := Find(arts, align.Claims(arts, align.Options{Quotes: quotes}), quotes, Options{})
		seen := map[[3]int]bool{}
		for _, r := range rows {
			if len(r.Wordings) < 2 {
				t.Fatalf("row %q has %d wordings", r.Label, len(r.Wordings))
			}
			for _, w := range r.Wordings {
				src := []rune([]string{a, b}[w.Article]) // a JSON report's offsets count runes of its maintext
				if w.Start < 0 || w.End > len(src) || w.Start >= w.End || string(src[w.Start:w.End]) != w.Text {
					t.Fatalf("wording %+v: not the source's text", w)
				}
				k := [3]int{w.Article, w.Start, w.End}
				if seen[k] {
					t.Fatalf("span %v in two rows", k)
				}
				seen[k] = true
			}
		}
	})
}
