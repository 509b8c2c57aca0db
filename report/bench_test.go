package report

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

// BenchmarkCompare50 is the whole analysis compare makes of one event of
// 50 reports (each 25 of the sample's sentences in its own order, declared
// one event): grouping, claims, quotes, reuse, concepts, omission,
// emphasis, attribution, distinctive words and flags, and the tables
// (target: under 1 s an op).
func BenchmarkCompare50(b *testing.B) {
	src, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var pool []string
	for _, a := range src {
		for _, s := range a.Sentences {
			pool = append(pool, s.Text)
		}
	}
	fsys := fstest.MapFS{}
	var manifest strings.Builder
	manifest.WriteString("articles:\n")
	size := 0
	for r := range 50 {
		var body []string
		for k := range 25 {
			body = append(body, pool[(r*7+k*13)%len(pool)])
		}
		text := strings.Join(body, "\n")
		size += len(text)
		name := fmt.Sprintf("r%02d.json", r)
		data, _ := json.Marshal(map[string]string{"title": pool[(r*11)%len(pool)], "maintext": text, "source_domain": fmt.Sprintf("outlet%02d", r)})
		fsys[name] = &fstest.MapFile{Data: data}
		fmt.Fprintf(&manifest, "  - {path: %s, event: one}\n", name)
	}
	fsys[corpus.ManifestName] = &fstest.MapFile{Data: []byte(manifest.String())}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if r := Compare(arts, CompareOptions{}); len(r.Events) != 1 {
			b.Fatalf("%d events, want 1", len(r.Events))
		}
	}
}
