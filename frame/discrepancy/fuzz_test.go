package discrepancy

import (
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
)

// FuzzFind aligns two reports and looks for disagreements in them: it
// must not panic, and every value must lie in its report's source with
// the offsets it gives.
func FuzzFind(f *testing.F) {
	f.Add("Riot police detained 200 protesters on Saturday in Valdora.", "Riot police detained dozens of protesters on Sunday in Valdora.")
	f.Add("Jane Doe has led the party since 2002, officials said.", "Jane Doe has led the party since 2003, officials said.")
	f.Add(`"We will not raise taxes," Mayor Jane Holt said.`, `"We will not raise taxes," councillor Tom Beck said.`)
	f.Fuzz(func(t *testing.T, a, b string) {
		fsys := fstest.MapFS{
			"a.txt": {Data: []byte("Report A\n\n" + a + "\n")},
			"b.txt": {Data: []byte("Report B\n\n" + b + "\n")},
		}
		arts, err := corpus.LoadFS(fsys, corpus.Options{})
		if err != nil || len(arts) != 2 {
			return
		}
		quotes := align.Quotes(arts)
		claims := align.Claims(arts, align.Options{Singletons: true, Quotes: quotes})
		for _, d := range Find(arts, claims, quotes) {
			if d.Claim >= len(claims) || d.Quote >= len(quotes) || (d.Claim < 0) == (d.Quote < 0) {
				t.Fatalf("bad indexes %+v", d)
			}
			for _, v := range d.Values {
				if v.Article < 0 || v.Article >= len(arts) || v.Start < 0 || v.End < v.Start {
					t.Fatalf("bad value %+v", v)
				}
			}
		}
	})
}
