package align

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

// TestSampleAlignment measures the claims aligner against the hand
// alignment of the sample corpus (testdata/sample-claims.txt): precision
// and recall over pairs of sentences of different reports. It logs the
// figures (make eval prints them) and fails if precision falls below
// minSamplePrecision: the aligner must stay precise, since a wrong
// alignment makes a false framing difference.
func TestSampleAlignment(t *testing.T) {
	const minSamplePrecision = 0.75
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	gold := samplePairs(t)
	// The hand alignment pairs sentences; the aligner aligns statements:
	// the sentences one quotation runs over (glue) stand together. A pair
	// is right when a sentence of either side's statement pairs in gold.
	units := collect(arts)
	stmt := glue(arts, units)
	mates := map[string][]string{}
	for i, u := range units {
		for j, v := range units {
			if i != j && stmt[i] == stmt[j] {
				a := fmt.Sprintf("%s:%d", arts[u.m.Article].ID, u.m.Sentence)
				mates[a] = append(mates[a], fmt.Sprintf("%s:%d", arts[v.m.Article].ID, v.m.Sentence))
			}
		}
	}
	right := func(a, b string) bool {
		for _, x := range append([]string{a}, mates[a]...) {
			for _, y := range append([]string{b}, mates[b]...) {
				if gold[pairKey(x, y)] {
					return true
				}
			}
		}
		return false
	}
	pred := map[string]bool{}
	var keys [][2]string
	for _, c := range Claims(arts, Options{MinScore: sampleMin}) {
		for i, a := range c.Members {
			for _, b := range c.Members[i+1:] {
				if a.Article != b.Article && a.Sentence >= 0 && b.Sentence >= 0 {
					x, y := fmt.Sprintf("%s:%d", arts[a.Article].ID, a.Sentence), fmt.Sprintf("%s:%d", arts[b.Article].ID, b.Sentence)
					if !pred[pairKey(x, y)] {
						pred[pairKey(x, y)] = true
						keys = append(keys, [2]string{x, y})
					}
				}
			}
		}
	}
	hit := 0
	for _, k := range keys {
		if right(k[0], k[1]) {
			hit++
		} else {
			t.Logf("not in the hand alignment: %s", pairKey(k[0], k[1]))
		}
	}
	precision := float64(hit) / float64(max(1, len(pred)))
	recall := float64(hit) / float64(max(1, len(gold)))
	t.Logf("sample alignment: %d pairs found, %d gold, %d right: precision %.2f, recall %.2f", len(pred), len(gold), hit, precision, recall)
	if precision < minSamplePrecision {
		t.Errorf("precision %.2f below %.2f", precision, minSamplePrecision)
	}
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + " ~ " + b
}

// samplePairs reads the hand alignment as the set of cross-report pairs.
func samplePairs(t *testing.T) map[string]bool {
	data, err := os.ReadFile("testdata/sample-claims.txt")
	if err != nil {
		t.Fatal(err)
	}
	pairs := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		for i, a := range f {
			for _, b := range f[i+1:] {
				if strings.Split(a, ":")[0] != strings.Split(b, ":")[0] {
					pairs[pairKey(a, b)] = true
				}
			}
		}
	}
	return pairs
}

var sampleMin float64 // 0: the default; the dev harness varies it
