package frame_test

import (
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/choice"
	"github.com/biasdiff/biasdiff/frame/lexicon"
)

// FuzzConcepts: any two texts give concepts without a panic, every mention
// inside its article's source, no span in two concepts, and mentions of one
// article overlapping only when nested in one concept; and flags, each
// inside its article's source, with a text and a reason, one a span.
func FuzzConcepts(f *testing.F) {
	f.Add("President Alma Rivera met farmers. Rivera said the harvest was good.", "Mrs. Rivera, the president, left. The GFU, or Green Farmers Union, sued.")
	f.Add("which Norland calls the Silver Isles and Southland calls the Grey Rocks", "not about selling, but about leasing the port")
	f.Add("“Quote,” he said. The the the.", "A-B C-D Mr. . Mr Dr. X's Y’s “”")
	f.Fuzz(func(t *testing.T, a, b string) {
		fs := fstest.MapFS{}
		for i, s := range []string{a, b} {
			data, _ := json.Marshal(map[string]string{"title": "T", "maintext": s, "source_domain": string(rune('a' + i))})
			fs[string(rune('a'+i))+".json"] = &fstest.MapFile{Data: data}
		}
		arts, err := corpus.LoadFS(fs, corpus.Options{})
		if err != nil {
			return // not a readable article: nothing to check here
		}
		cs := frame.Concepts(arts, align.Claims(arts, align.Options{}), frame.Options{Given: lexicon.Generic().Match(arts)})
		type span struct{ art, start, end int }
		owner := map[span]string{}
		for _, c := range cs {
			for _, m := range c.Mentions {
				if m.Article < 0 || m.Article >= len(arts) || m.Start < 0 || m.End < m.Start {
					t.Fatalf("%s: bad mention %+v", c.ID, m)
				}
				k := span{m.Article, m.Start, m.End}
				if o, ok := owner[k]; ok {
					t.Fatalf("span %v in %s and %s", k, o, c.ID)
				}
				owner[k] = c.ID
			}
		}
		// Flags: inside their article's source, never empty, one a span.
		marked := map[span]bool{}
		for _, ch := range choice.Find(arts, cs, nil, nil, choice.Options{}) {
			src := []rune([]string{a, b}[ch.Article])
			if ch.Start < 0 || ch.End <= ch.Start || ch.End > len(src) || ch.Text == "" || ch.Why == "" {
				t.Fatalf("bad flag %+v", ch)
			}
			k := span{ch.Article, ch.Start, ch.End}
			if marked[k] {
				t.Fatalf("span %v flagged twice", k)
			}
			marked[k] = true
		}
	})
}
