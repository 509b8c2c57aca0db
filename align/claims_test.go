package align

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

// load makes articles from texts, one news-please JSON file each, named a,
// b, c, ... in order.
func load(t *testing.T, texts ...string) []*corpus.Article {
	t.Helper()
	fsys := fstest.MapFS{}
	for i, text := range texts {
		data, _ := json.Marshal(map[string]string{"maintext": text, "title": ""})
		fsys[fmt.Sprintf("%c.json", 'a'+i)] = &fstest.MapFile{Data: data}
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// render writes claims as "a0 b1 b2 | a3 b0": each claim as its members
// (article letter, sentence index), claims in order.
func render(claims []Claim) string {
	var parts []string
	for _, c := range claims {
		var ms []string
		for _, m := range c.Members {
			ms = append(ms, fmt.Sprintf("%c%d", 'a'+m.Article, m.Sentence))
		}
		parts = append(parts, strings.Join(ms, " "))
	}
	sort.Strings(parts)
	return strings.Join(parts, " | ")
}

// The conformance table: each case is two or three short reports and the
// claims expected, written as in render.
var claimCases = []struct {
	name  string
	texts []string
	want  string
}{
	{
		name: "identical",
		texts: []string{
			"The finance ministers of both countries met in Geneva on Tuesday to discuss the tariff dispute.",
			"The finance ministers of both countries met in Geneva on Tuesday to discuss the tariff dispute.",
		},
		want: "a0 b0",
	},
	{
		name: "reorder",
		texts: []string{
			"The finance ministers met in Geneva on Tuesday to discuss the tariff dispute. The talks ended without an agreement on steel quotas. A new round is planned for March.",
			"A new round of talks is planned for March. Finance ministers met in Geneva on Tuesday over the tariff dispute. Their talks ended with no agreement on steel quotas.",
		},
		want: "a0 b1 | a1 b2 | a2 b0",
	},
	{
		name: "split",
		texts: []string{
			"The finance ministers met in Geneva on Tuesday and agreed to cut steel tariffs by half from March.",
			"The finance ministers met in Geneva on Tuesday. They agreed to cut steel tariffs by half from March.",
		},
		want: "a0 b0 b1",
	},
	{
		name: "paraphrase",
		texts: []string{
			"The minister said the question of sovereignty over the islands isn't up for discussion.",
			"The question of sovereignty over the islands is not being discussed, the minister stressed.",
		},
		want: "a0 b0",
	},
	{
		name: "spelling variants",
		texts: []string{
			"President Zelensky visited Kharkiv on Friday to inspect the damaged power station.",
			"President Zelenskyy visited Kharkov on Friday and inspected the damaged power station.",
		},
		want: "a0 b0",
	},
	{
		name: "no counterpart",
		texts: []string{
			"The finance ministers met in Geneva on Tuesday to discuss the tariff dispute. Farmers in the north protested against cheap imports of grain.",
			"Finance ministers met in Geneva on Tuesday to discuss the tariff dispute. The central bank left interest rates unchanged at four percent.",
		},
		want: "a0 b0",
	},
	{
		name: "same topic, different claims",
		texts: []string{
			"The finance ministers will meet again in Geneva in March.",
			"The finance ministers have clashed over steel tariffs for two years.",
		},
		want: "",
	},
	{
		name: "three reports",
		texts: []string{
			"Storms closed all schools in the valley on Monday, officials said.",
			"All schools in the valley were closed on Monday because of the storms.",
			"Officials closed every school in the valley on Monday as storms hit.",
		},
		want: "a0 b0 c0",
	},
}

func TestClaims(t *testing.T) {
	for _, c := range claimCases {
		t.Run(c.name, func(t *testing.T) {
			arts := load(t, c.texts...)
			got := render(Claims(arts, Options{}))
			if got != c.want {
				t.Errorf("claims %q, want %q", got, c.want)
			}
		})
	}
}

func TestClaimMembers(t *testing.T) {
	arts := load(t,
		"Intro sentence about the weather today in town. The finance ministers met in Geneva on Tuesday to discuss the tariff dispute. More words here to fill the body of the text. And more words at the very end of it. One more sentence to end it.",
		"The finance ministers met in Geneva on Tuesday to discuss the tariff dispute.",
	)
	claims := Claims(arts, Options{})
	if len(claims) != 1 || len(claims[0].Members) != 2 {
		t.Fatalf("claims: %+v", claims)
	}
	m := claims[0].Members[0]
	src := []rune("Intro sentence about the weather today in town. The finance ministers met in Geneva on Tuesday to discuss the tariff dispute.")
	if m.Sentence != 1 || m.Position != Lede || string(src[m.Start:m.End]) != m.Text {
		t.Errorf("member %+v; source %q", m, string(src[m.Start:min(m.End, len(src))]))
	}
	if claims[0].Outlets() != 2 {
		t.Errorf("outlets %d", claims[0].Outlets())
	}
}

func TestClaimsDeterministic(t *testing.T) {
	c := claimCases[1]
	first := ""
	for i := 0; i < 20; i++ {
		got, _ := json.Marshal(Claims(load(t, c.texts...), Options{Singletons: true}))
		if i == 0 {
			first = string(got)
		} else if string(got) != first {
			t.Fatalf("run %d differs:\n%s\n%s", i, got, first)
		}
	}
}

// FuzzClaims aligns arbitrary texts: no panic, members inside their
// articles, no report more than twice in a claim, offsets in order.
func FuzzClaims(f *testing.F) {
	for _, c := range claimCases {
		if len(c.texts) == 2 {
			f.Add(c.texts[0], c.texts[1])
		}
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		fsys := fstest.MapFS{}
		for i, text := range []string{a, b} {
			data, _ := json.Marshal(map[string]string{"maintext": text})
			fsys[fmt.Sprintf("%c.json", 'a'+i)] = &fstest.MapFile{Data: data}
		}
		arts, err := corpus.LoadFS(fsys, corpus.Options{})
		if err != nil {
			return
		}
		claims := Claims(arts, Options{Singletons: true})
		if again := Claims(arts, Options{Singletons: true}); !reflect.DeepEqual(claims, again) {
			t.Fatalf("two runs differ")
		}
		units := collect(arts)
		stmt := glue(arts, units)
		stmtOf := map[[2]int]int{}
		for i, u := range units {
			stmtOf[[2]int{u.m.Article, u.m.Sentence}] = stmt[i]
		}
		for _, c := range claims {
			per := map[int]map[int]bool{} // article -> statements
			for _, m := range c.Members {
				if m.Article < 0 || m.Article >= len(arts) || m.Sentence < -1 || m.Sentence >= len(arts[m.Article].Sentences) || m.Start > m.End {
					t.Fatalf("bad member %+v", m)
				}
				if per[m.Article] == nil {
					per[m.Article] = map[int]bool{}
				}
				per[m.Article][stmtOf[[2]int{m.Article, m.Sentence}]] = true
			}
			for _, n := range per {
				if len(n) > maxPerArticle {
					t.Fatalf("claim holds %d statements of one report", len(n))
				}
			}
			seen := map[int]bool{}
			for _, n := range c.Near {
				if per[n.Article] != nil || seen[n.Article] || n.Article < 0 || n.Article >= len(arts) {
					t.Fatalf("near for a report that carries the claim, twice, or out of range: %+v", n)
				}
				seen[n.Article] = true
				if n.Sentence < -1 || n.Sentence >= len(arts[n.Article].Sentences) || n.Start > n.End || n.Score < 0 || n.Similar && n.Score < SimilarScore-0.0005 {
					t.Fatalf("bad near %+v", n)
				}
			}
		}
		for _, q := range Quotes(arts) {
			for _, v := range q.Variants {
				a := arts[v.Article]
				if v.Reported != (v.Quote < 0) || v.Quote >= len(a.Quotes) || v.Start > v.End {
					t.Fatalf("bad variant %+v", v)
				}
				if v.Reported && variantSentence(a, v) < 0 {
					t.Fatalf("reported variant outside every sentence: %+v", v)
				}
			}
		}
	})
}

// BenchmarkClaims aligns one event of 50 reports, each a shuffled selection
// of the sample's sentences.
func BenchmarkClaims(b *testing.B) {
	src, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var pool []string
	for _, a := range src {
		for _, s := range a.Sentences {
			pool = append(pool, s.Text)
		}
	}
	fsys := fstest.MapFS{}
	size := 0
	for r := 0; r < 50; r++ {
		var body []string
		for k := 0; k < 25; k++ {
			body = append(body, pool[(r*7+k*13)%len(pool)])
		}
		text := strings.Join(body, "\n")
		size += len(text)
		data, _ := json.Marshal(map[string]string{"maintext": text})
		fsys[fmt.Sprintf("r%02d.json", r)] = &fstest.MapFile{Data: data}
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		Claims(arts, Options{})
	}
}

func TestVariant(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"zelensky", "zelenskyy", true}, // a prefix, but for one letter more
		{"kharkiv", "kharkov", true},    // one letter changed
		{"tchaikovsky", "tchaikovski", true},
		{"minist", "ministri", true},
		{"plan", "plans", false},         // too short
		{"harbour", "harvest", false},    // more than one letter apart
		{"station", "stationery", false}, // three letters longer
	}
	for _, c := range cases {
		if got := SpellingVariant(c.a, c.b); got != c.want {
			t.Errorf("Variant(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// Claims are the same run after run when reports repeat a sentence word
// for word: the tied links are broken in one order, not by the last bit of
// a sum taken in map order.
func TestClaimsDeterministicWithRepeats(t *testing.T) {
	s := "The head of the Foreign Ministry called the statements by Omar Vell, adviser to the Prime Minister of Southland, Alma Rivera, outrageous."
	o := "The talks on the Silver Isles will go on in Riverton next month, officials of both ministries said."
	arts := load(t,
		s+" "+s+" "+o,
		o+" "+s,
		s+" Markets in Riverton were calm on Monday. "+o,
		"Markets in Riverton were calm. "+s,
	)
	want := render(Claims(arts, Options{Singletons: true}))
	for range 50 {
		if got := render(Claims(arts, Options{Singletons: true})); got != want {
			t.Fatalf("claims vary from run to run:\n%s\n%s", want, got)
		}
	}
	qa := load(t,
		`Vell said: "We will never hand the Silver Isles to anyone, whatever the talks in Riverton decide."`,
		`"We will never hand the Silver Isles to anyone," Vell said. "Whatever the talks in Riverton decide, we will never hand them over."`,
		`Vell told reporters: "We will never hand the Silver Isles to anyone, whatever the talks decide."`,
	)
	wantQ := fmt.Sprint(Quotes(qa))
	for range 50 {
		if got := fmt.Sprint(Quotes(qa)); got != wantQ {
			t.Fatalf("quote clusters vary from run to run:\n%s\n%s", wantQ, got)
		}
	}
}

// A score is the same to the last bit however the units' maps iterate:
// tied links between repeated sentences must stay tied.
func TestScoreExact(t *testing.T) {
	arts := load(t,
		"The head of the Foreign Ministry called the statements by Omar Vell, adviser to the Prime Minister of Southland, Alma Rivera, about Norland interest in concluding a peace treaty outrageous.",
		"Norland's foreign ministry called outrageous the statements by Omar Vell, an adviser to Southland Prime Minister Alma Rivera, about the interest of Norland in a peace treaty.",
	)
	// The sample's sentences give the stems document frequencies of all
	// sizes, and so IDF weights of many values.
	others, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	build := func() (*unit, *unit, map[string]float64) {
		units := collect(others)
		a := newUnit(Member{}, arts[0].PlainTokens(0))
		b := newUnit(Member{}, arts[1].PlainTokens(0))
		idf, _ := weigh(append(units, a, b))
		return a, b, idf
	}
	a, b, idf := build()
	want := score(a, b, idf)
	if want == 0 {
		t.Fatal("no score")
	}
	for range 200 {
		a, b, idf := build()
		if got := score(a, b, idf); got != want {
			t.Fatalf("score %v, then %v", want, got)
		}
	}
}

// Scoring over stem numbers gives the bits scoring over strings gives, for
// every pair of the sample's sentences, spelling variants included.
func TestScoreNumbersExact(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	units := collect(arts)
	idf, df := weigh(units)
	st := number(units, idf, df)
	var buf []int
	nonzero := 0
	for i, a := range units {
		for _, b := range units[i+1:] {
			var got float64
			got, buf = st.score(a, b, buf)
			if want := score(a, b, idf); got != want {
				t.Fatalf("%q / %q: %v over numbers, %v over strings", a.m.Text, b.m.Text, got, want)
			}
			if got > 0 {
				nonzero++
			}
		}
	}
	if nonzero < 100 {
		t.Fatalf("only %d pairs score", nonzero)
	}
}

// TestClaimsNoNear: without their nearest sentences the claims, their
// members and diffs are the same, on every case and on the sample.
func TestClaimsNoNear(t *testing.T) {
	check := func(name string, arts []*corpus.Article) {
		with := Claims(arts, Options{Singletons: true})
		without := Claims(arts, Options{Singletons: true, NoNear: true})
		near := 0
		for i := range with {
			near += len(with[i].Near)
			with[i].Near = nil
		}
		a, _ := json.Marshal(with)
		b, _ := json.Marshal(without)
		if string(a) != string(b) {
			t.Errorf("%s: the claims differ without Near", name)
		}
		if name == "sample" && near == 0 {
			t.Errorf("sample: no nearest sentence: the test tests nothing")
		}
	}
	for _, c := range claimCases {
		check(c.name, load(t, c.texts...))
	}
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	check("sample", arts)
}
