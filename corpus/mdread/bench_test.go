package mdread

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

// benchArticle returns a news article of about n kilobytes with front
// matter and the common kinds of markup.
func benchArticle(n int) string {
	var sb strings.Builder
	sb.WriteString("---\ntitle: Flood waters rise in Kyūshū\noutlet: Kyodo\ndate: 2019-01-14\n" +
		"url: https://example.org/news/1\nlang: en\nauthor: Jane Roe\ntags: [weather, japan]\n---\n\n" +
		"# Flood waters rise in Kyūshū\n\n")
	for sb.Len() < n*1024 {
		sb.WriteString("Heavy rain hit **southern Japan** on Monday, officials said, forcing\n" +
			"thousands to leave their homes. \"The situation is *serious*,\" a spokesman for the\n" +
			"[Fire and Disaster Management Agency](https://www.fdma.go.jp/) told reporters &mdash; and\n" +
			"warned of landslides in Kumamoto &amp; Kagoshima.\n\n" +
			"> Rivers in 東京 and Фукуока are also `above` warning levels.\n\n" +
			"- More than 10,000 people evacuated\n- Rail services suspended ![map](map.png)\n\n" +
			"| Prefecture | Rain (mm) |\n|---|---:|\n| Kumamoto | 320 |\n| Kagoshima | 280 |\n\n" +
			"<div class=\"ad\">advert</div>\n\n## Reaction\n\nThe prime minister said the government\n" +
			"would do \"everything possible\".<br>More to follow.\n\n")
	}
	return sb.String()
}

func BenchmarkRead(b *testing.B) {
	src := []byte(benchArticle(64))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGoldmark is the goldmark parse alone, the floor for Read.
func BenchmarkGoldmark(b *testing.B) {
	src := []byte(benchArticle(64))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		md.Parse(text.NewReader(src))
	}
}

func FuzzRead(f *testing.F) {
	seeds := []string{
		"",
		"---\n",
		"---\ntitle: x\n---\n# T\n\nText *em* [l](u) `c` &amp; &#233;\n",
		"---\r\ntitle: a\r\nb: c: d\r\n---\r\n",
		"\ufeff---\nx: [1, 2]\n...\nA\\\nB  \nC\n",
		"| a | b |\n|---|---|\n| c \\| x | `d \\| y` |\n",
		"Text[^1] more.\n\n[^1]: A note.\n\nAfter.\n",
		"a <script>x</script> b <https://x.org> <br> c\x00\xff\xe2\x82\n",
		"> quote\n> > deeper\n\n- a\n  - b\n\n    code\n\n<div>\nx\n</div>\n",
		"Привет, *мир*! 東京で**地震**。😀\r\n",
		benchArticle(1),
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Read(src)
		if err != nil {
			if _, ok := err.(*FrontMatterError); !ok {
				t.Fatalf("error %v is not a *FrontMatterError", err)
			}
			return
		}
		if msg := mapError(string(src), doc); msg != "" {
			t.Fatal(msg)
		}
	})
}
