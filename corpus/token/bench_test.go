package token

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// genNews returns about size bytes of news-like English: capitalised
// sentences of common and topical words, names, possessives, hyphenated
// compounds, numbers, curly quotes, dashes and the occasional Cyrillic name.
func genNews(size int, seed uint64) string {
	common := strings.Fields(`the of and to in a that for on with as said by was
		is it at from his an be has are have but were not this which who their
		after had been its they would more also than two over its first new
		talks islands peace treaty minister foreign ministry sovereignty
		negotiations declaration agreement government officials president
		statement press conference relations military alliance sanctions
		territories recognition outcome position countries leaders dialogue
		reported according sources diplomatic meeting counterpart visit
		war world transfer handing returning captured seized demanded
		significant differences political economic cooperation security`)
	names := strings.Fields(`Russia Japan Moscow Tokyo Lavrov Kono Abe Putin
		Kuril Iturup Kunashir Shikotan Habomai Sakhalin Soviet Union Crimea
		TASS Kyodo RT NATO WWII INF`)
	special := []string{"Japan’s", "Russia's", "U.S.", "U.S.-Japan", "so-called",
		"well-known", "don’t", "it’s", "1956", "2,500", "3.5", "47%", "2019",
		"Южные Курилы", "—", "–", "e.g.", "long-standing", "COVID-19"}
	r := rand.New(rand.NewPCG(seed, 42))
	var b strings.Builder
	b.Grow(size + 200)
	for b.Len() < size {
		nw := 8 + r.IntN(20)
		quoted := r.IntN(6) == 0
		if quoted {
			b.WriteString("“")
		}
		for i := range nw {
			var word string
			switch x := r.IntN(20); {
			case x < 13:
				word = common[r.IntN(len(common))]
			case x < 18:
				word = names[r.IntN(len(names))]
			default:
				word = special[r.IntN(len(special))]
			}
			if i == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			b.WriteString(word)
			if i < nw-1 {
				if r.IntN(12) == 0 {
					b.WriteByte(',')
				}
				b.WriteByte(' ')
			}
		}
		if quoted {
			b.WriteString(",” he said. ")
		} else {
			b.WriteString(". ")
		}
		if r.IntN(8) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkTokenize(b *testing.B) {
	text := genNews(1<<20, 7)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text)
	}
}

// BenchmarkTokenizeParallel is Tokenize on all cores (the pooled
// tokenizers must not contend).
func BenchmarkTokenizeParallel(b *testing.B) {
	text := genNews(64<<10, 7)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			Tokenize(text)
		}
	})
}

// BenchmarkTokenizerAppend reuses the result slice: the cost of the scan
// itself.
func BenchmarkTokenizerAppend(b *testing.B) {
	text := genNews(1<<20, 7)
	var tz Tokenizer
	dst := tz.Append(nil, text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = tz.Append(dst[:0], text)
	}
}

// BenchmarkTokenizeCold tokenizes short texts with a cold cache each time:
// the worst case, every word normalised and stemmed afresh.
func BenchmarkTokenizeCold(b *testing.B) {
	text := genNews(16<<10, 9)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		new(Tokenizer).Append(nil, text)
	}
}

func BenchmarkTokenizeSample(b *testing.B) {
	files := sampleFiles(b)
	if len(files) == 0 {
		b.Skip("no sample corpus")
	}
	text := strings.Join(files, "\n")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text)
	}
}

func BenchmarkNormalize(b *testing.B) {
	words := strings.Fields(genNews(64<<10, 3))
	var n int64
	for _, w := range words {
		n += int64(len(w))
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, w := range words {
			Normalize(w)
		}
	}
}

// sampleFiles returns the texts of the project's sample corpus
// (../sample/*.txt), if it is there.
func sampleFiles(tb testing.TB) []string {
	paths, _ := filepath.Glob(filepath.Join("..", "sample", "*.txt"))
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}
