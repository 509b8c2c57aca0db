package report

import (
	"bytes"
	"regexp"
	"runtime"
	"testing"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

// TestSameBytes: the sample's report, read and analysed afresh, renders to
// the same bytes in every format, run after run and whatever the number of
// CPUs.
func TestSameBytes(t *testing.T) {
	render := func(procs int) map[string][]byte {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := Compare(arts, CompareOptions{})
		out := map[string][]byte{}
		for _, f := range Formats {
			var b bytes.Buffer
			if err := Render(&b, r, f, Options{Width: 120, Section: "terms"}); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out[f] = b.Bytes()
		}
		return out
	}
	first := render(1)
	for _, procs := range []int{1, 2, 4} {
		again := render(procs)
		for f, b := range first {
			if !bytes.Equal(b, again[f]) {
				t.Errorf("%s with GOMAXPROCS=%d differs from the first run", f, procs)
			}
		}
	}
}

// TestJSONFloats: every number in the JSON report has three decimals at
// most, so that it prints the same on every platform.
func TestJSONFloats(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Render(&b, Compare(arts, CompareOptions{}), "json", Options{}); err != nil {
		t.Fatal(err)
	}
	long := regexp.MustCompile(`[:\[,]\s*-?\d+\.\d{4,}`)
	if m := long.FindAll(b.Bytes(), 5); m != nil {
		t.Errorf("numbers with more than three decimals: %q", m)
	}
}
