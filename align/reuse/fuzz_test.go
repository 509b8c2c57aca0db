package reuse

import (
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
)

func FuzzFind(f *testing.F) {
	f.Add(wire[0]+" "+wire[1], wire[1]+"\n\n"+wire[2])
	f.Add("a b c d e f g h i j k l m n o p", "x a b c d e f g h i j k l m n o p q")
	f.Add("one two three one two three one two three one two three", "one two three one two three")
	f.Add("Ünïcödé wörds ’quoted’ — and more words here and there", "wörds ’quoted’ — and more words here")
	f.Fuzz(func(t *testing.T, a, b string) {
		srcs := map[string]string{"a.txt": a, "b.txt": b, "c.txt": b + "\n\n" + a}
		fsys := fstest.MapFS{}
		for name, s := range srcs {
			fsys[name] = &fstest.MapFile{Data: []byte(s)}
		}
		arts, err := corpus.LoadFS(fsys, corpus.Options{})
		if err != nil {
			return
		}
		for _, opt := range []Options{{}, {N: 2, MinWords: 3}} {
			for _, p := range Find(arts, opt) {
				if p.A < 0 || p.A >= p.B || p.B >= len(arts) {
					t.Fatalf("pair %d-%d of %d", p.A, p.B, len(arts))
				}
				if len(p.Passages) == 0 {
					t.Fatal("pair without passages")
				}
				if p.ShareA <= 0 || p.ShareA > 1 || p.ShareB <= 0 || p.ShareB > 1 {
					t.Fatalf("shares %v %v", p.ShareA, p.ShareB)
				}
				if p.Source != -1 && p.Source != p.A && p.Source != p.B {
					t.Fatalf("source %d", p.Source)
				}
				aa, ab := arts[p.A], arts[p.B]
				na := utf8.RuneCountInString(srcs[aa.Path])
				nb := utf8.RuneCountInString(srcs[ab.Path])
				for _, x := range p.Passages {
					check := func(sp Span, body [2]int, n int, bodyS string) {
						if sp.Start < 0 || sp.Start >= sp.End || sp.End > n {
							t.Fatalf("span %v outside source of %d runes", sp, n)
						}
						if body[0] < 0 || body[0] >= body[1] || body[1] > len(bodyS) {
							t.Fatalf("body range %v outside Body.S of %d bytes", body, len(bodyS))
						}
					}
					check(x.A, x.ABody, na, aa.Body.S)
					check(x.B, x.BBody, nb, ab.Body.S)
					if x.Identity <= 0 || x.Identity > 1 || x.Words < opt.MinWords {
						t.Fatalf("passage %+v", x)
					}
				}
			}
		}
	})
}
