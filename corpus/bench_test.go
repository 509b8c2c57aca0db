package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/internal/cputime"
)

// benchFS is the sample corpus repeated to about size bytes, as many files.
func benchFS(b *testing.B, size int) (fstest.MapFS, int64) {
	files, _ := fs.Glob(sample.FS, "*.txt")
	m := fstest.MapFS{}
	var total int64
	for i := 0; total < int64(size); i++ {
		name := files[i%len(files)]
		data, err := fs.ReadFile(sample.FS, name)
		if err != nil {
			b.Fatal(err)
		}
		m[fmt.Sprintf("%05d-%s", i, name)] = &fstest.MapFile{Data: data}
		total += int64(len(data))
	}
	return m, total
}

// BenchmarkPipeline measures read+clean+segment+quotes+tokens over the
// sample corpus repeated to 4 MB. With BIASDIFF_BENCH_DIR set, it also
// writes the files there so that scripts/bench.sh can time `wc -w` on the
// same bytes.
func BenchmarkPipeline(b *testing.B) {
	fsys, total := benchFS(b, 4<<20)
	if dir := os.Getenv("BIASDIFF_BENCH_DIR"); dir != "" {
		for name, f := range fsys {
			if err := os.WriteFile(dir+"/"+name, f.Data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.SetBytes(total)
	b.ReportAllocs()
	c0 := cputime.Seconds()
	for b.Loop() {
		if _, err := LoadFS(fsys, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cputime.Seconds() - c0; cpu > 0 {
		// Per CPU second: what one core does, however busy the machine.
		b.ReportMetric(float64(total)*float64(b.N)/cpu/1e6, "cpu-MB/s")
	}
}
