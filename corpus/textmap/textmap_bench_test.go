package textmap

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// benchSource is ~1 MB of English-like text with some non-ASCII words,
// entities and paragraph breaks, the same on every run.
var benchSource = func() string {
	words := []string{
		"the", "of", "and", "to", "in", "a", "is", "that", "for", "it",
		"as", "was", "with", "be", "by", "on", "not", "he", "this", "are",
		"report", "language", "model", "bias", "difference", "between",
		"sentences", "corpus", "measured", "results", "&amp;", "&quot;",
		"café", "naïve", "Jérôme", "über", "Zürich", "€5", "—", "“quoted”",
		"Москва", "日本語", "🙂",
	}
	r := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		w := words[r.IntN(len(words))]
		// mostly ASCII: non-ASCII words are the last 11, make them rarer
		if !isASCII(w) && r.IntN(4) != 0 {
			w = words[r.IntN(20)]
		}
		sb.WriteString(w)
		switch r.IntN(20) {
		case 0:
			sb.WriteString(".\n\n")
		case 1:
			sb.WriteString("\n")
		case 2:
			sb.WriteString(", ")
		default:
			sb.WriteString(" ")
		}
	}
	return sb.String()
}()

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// buildPieces builds a Text from src the way a reader does: lines copied,
// entities decoded (Replace), a soft line break turned into a space
// (Replace), a blank line into an inserted paragraph break (Insert).
func buildPieces(src string) Text {
	var b Builder
	b.Grow(len(src))
	pos := 0
	for len(src) > 0 {
		line, rest, nl := strings.Cut(src, "\n")
		for len(line) > 0 {
			i := strings.IndexByte(line, '&')
			if i < 0 {
				pos = b.Copy(line, pos)
				break
			}
			pos = b.Copy(line[:i], pos)
			j := strings.IndexByte(line[i:], ';')
			ent := line[i : i+j+1]
			dec := "&"
			if ent == "&quot;" {
				dec = `"`
			}
			b.Replace(dec, pos, pos+len(ent))
			pos += len(ent)
			line = line[i+j+1:]
		}
		if nl {
			if strings.HasPrefix(rest, "\n") {
				b.Insert("\n\n")
				pos += 2
				rest = rest[1:]
			} else {
				b.Replace(" ", pos, pos+1)
				pos++
			}
		}
		src = rest
	}
	return b.Text()
}

var benchSink Text

func BenchmarkBuild(b *testing.B) {
	b.Run("identity", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(benchSource)))
		for b.Loop() {
			benchSink = Identity(benchSource)
		}
	})
	b.Run("pieces", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(benchSource)))
		for b.Loop() {
			benchSink = buildPieces(benchSource)
		}
	})
}

var spanSink int

func BenchmarkSpan(b *testing.B) {
	t := buildPieces(benchSource)
	r := rand.New(rand.NewPCG(3, 4))
	randRanges := func(t Text) [][2]int {
		var ranges [][2]int
		for range 4096 {
			b0 := r.IntN(t.Len())
			b1 := min(t.Len(), b0+r.IntN(200))
			ranges = append(ranges, [2]int{b0, b1})
		}
		return ranges
	}
	ranges := randRanges(t)
	b.Run("text", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			rg := ranges[i%len(ranges)]
			s, e := t.Span(rg[0], rg[1])
			spanSink += s + e
			i++
		}
	})
	// a document of a more usual size
	small := buildPieces(benchSource[:16<<10])
	smallRanges := randRanges(small)
	b.Run("text-16KB", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			rg := smallRanges[i%len(smallRanges)]
			s, e := small.Span(rg[0], rg[1])
			spanSink += s + e
			i++
		}
	})
	// the kept paragraphs: every other one
	var keep [][2]int
	start, even := 0, true
	for i := 0; i <= t.Len(); i++ {
		if i == t.Len() || strings.HasPrefix(t.S[i:], "\n\n") {
			if even {
				keep = append(keep, [2]int{start, i})
			}
			even = !even
			start = min(i+2, t.Len())
			i++
		}
	}
	j := Join(t, keep, "\n")
	jr := make([][2]int, len(ranges))
	for k := range jr {
		b0 := r.IntN(len(j.S))
		jr[k] = [2]int{b0, min(len(j.S), b0+r.IntN(200))}
	}
	b.Run("joined", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			rg := jr[i%len(jr)]
			s, e := j.Span(rg[0], rg[1])
			spanSink += s + e
			i++
		}
	})
}
