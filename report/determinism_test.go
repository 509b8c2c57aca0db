package report

import (
	"bytes"
	"os"
	"path/filepath"
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

// TestGoldenTextJSON: the sample's report as text and JSON, against
// testdata/text/sample.txt and testdata/json/sample.json (go test ./report
// -update rewrites them; the Markdown, CSV and HTML goldens are the other
// tests').
func TestGoldenTextJSON(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := Compare(arts, CompareOptions{})
	for format, path := range map[string]string{"text": "testdata/text/sample.txt", "json": "testdata/json/sample.json"} {
		var b bytes.Buffer
		if err := Render(&b, r, format, Options{Width: 120}); err != nil {
			t.Fatal(err)
		}
		if updateGolden() {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./report -update writes it)", err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s differs from %s (go test ./report -update rewrites it)", format, path)
		}
	}
}
