package quote

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/internal/cputime"
)

func FuzzFind(f *testing.F) {
	files, _ := filepath.Glob("../sample/*.txt")
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{
		`"A," he said, "B.`,
		"“A\n“B,” he said.",
		"x ”, said Y. ‘z’ ’90s „a“ «b» ‹c› ‚d‘",
		"“We have\nconsultations ”, Kono said.",
		`"in favor of the" post, "said a statement.`,
		newsText(3, 2000),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := splitSentences(text)
		qs := Find(text, sents)
		checkInvariants(t, text, qs)
		for _, q := range qs {
			if q.Sentence < 0 || q.Sentence >= len(sents) {
				t.Fatalf("sentence %d of %d", q.Sentence, len(sents))
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text := newsText(1, 1<<20)
	sents := splitSentences(text)
	n := len(Find(text, sents))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	c0 := cputime.Seconds()
	for b.Loop() {
		Find(text, sents)
	}
	b.ReportMetric(float64(n), "quotes/op")
	if cpu := cputime.Seconds() - c0; cpu > 0 {
		// Throughput per CPU second (GC included), steady on a loaded machine.
		b.ReportMetric(float64(len(text))*float64(b.N)/cpu/1e6, "cpuMB/s")
	}
}

// newsText generates at least size bytes of news-like text: paragraphs of
// reporting sentences, quotes with and without attribution, partial quotes,
// multi-paragraph quotes and the odd stray mark.
func newsText(seed uint64, size int) string {
	r := rand.New(rand.NewPCG(seed, 42))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	name := func() string {
		return pick("Sergey Lavrov", "Taro Kono", "Foreign Minister Anna Berg", "President Luis Ortega",
			"Prime Minister Kenji Sato", "the Russian FM", "the expert", "diplomatic sources", "Mr. Okafor", "analyst Pavel Salin")
	}
	surname := func() string { return pick("Lavrov", "Kono", "Berg", "Ortega", "Sato", "Okafor", "Salin") }
	verb := func() string {
		return pick("said", "added", "stressed", "noted", "told reporters", "warned", "explained", "insisted", "pointed out", "concluded")
	}
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = pick("the", "talks", "treaty", "islands", "Japan’s", "position", "isn’t", "will", "not", "change",
				"sovereignty", "we", "our", "colleagues", "security", "alliance", "must", "recognise", "outcome", "war",
				"in", "of", "and", "Moscow", "Tokyo", "region", "dialogue", "continue", "it’s", "neighbours’")
		}
		return strings.Join(w, " ")
	}
	sentence := func() string {
		s := words(6 + r.IntN(12))
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	var b strings.Builder
	for b.Len() < size {
		switch r.IntN(12) {
		case 0, 1, 2:
			b.WriteString(name() + " " + verb() + " that " + words(8+r.IntN(10)) + ". " + sentence() + " " + sentence())
		case 3, 4:
			b.WriteString("“" + sentence() + " " + words(5+r.IntN(8)) + ",” " + surname() + " " + verb() + ". " + sentence())
		case 5:
			b.WriteString("\"" + sentence() + "\" " + name() + " " + verb() + " on Monday. \"" + sentence() + "\"")
		case 6:
			b.WriteString(sentence() + " " + surname() + " called it “" + words(3) + ",” adding that the " + words(4) + " “" + words(6) + ".”")
		case 7:
			b.WriteString(name() + " " + verb() + ": “" + sentence() + " " + sentence() + "\n\n“" + sentence() + "”")
		case 8:
			b.WriteString("“" + sentence() + "”")
		case 9:
			b.WriteString("According to " + surname() + ", “" + words(9) + ".” " + sentence() + " The ‘" + words(2) + "’ was 5\" wide.")
		case 10:
			b.WriteString("“" + sentence() + " " + words(7) + ", ”said " + name() + " in an interview.")
		default:
			b.WriteString(sentence() + " " + sentence() + " " + sentence())
		}
		b.WriteString(pick("\n\n", "\n"))
	}
	return b.String()
}
