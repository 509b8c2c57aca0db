package reuse

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
)

// A fictional wire story, four paragraphs.
var wire = []string{
	"Flood waters rose across the lower valley on Tuesday after three days of heavy rain, forcing the evacuation of about 2,400 residents from low-lying districts, the regional emergency office said.",
	"The river reached 7.8 metres at the Kellan bridge gauge by midday, its highest level since 1994, and officials warned that it could rise another half metre overnight as water from the hills arrives.",
	"“We are asking everyone in the marked zones to leave now and not to wait for the water,” the office’s director, Marta Quill, told reporters at a briefing in the town hall.",
	"Rail services between Dorn and the coast were suspended and two schools were turned into shelters. No deaths have been reported, but rescuers pulled a driver from a submerged car near the ring road.",
}

func load(t testing.TB, files map[string]string) []*corpus.Article {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

func byPath(t testing.TB, arts []*corpus.Article, path string) int {
	t.Helper()
	for i, a := range arts {
		if a.Path == path {
			return i
		}
	}
	t.Fatalf("no article %s", path)
	return -1
}

// runes is the rune offset of byte offset b of s.
func runes(s string, b int) int { return utf8.RuneCountInString(s[:b]) }

const manifest = `articles:
  - path: wire.txt
    outlet: Wire
    date: 2024-03-05
  - path: repub.txt
    outlet: Daily
    date: 2024-03-06
`

func TestVerbatimRepublication(t *testing.T) {
	wireSrc := "Valley floods force thousands from homes\n\n" + strings.Join(wire, "\n\n") + "\n"
	added := "Readers in Dorn can find the list of shelters and road closures on our website, which we will keep updated through the night."
	repubSrc := "Dorn evacuates as river hits 30-year high\n\n" + strings.Join(wire, "\n\n") + "\n\n" + added + "\n"
	arts := load(t, map[string]string{"wire.txt": wireSrc, "repub.txt": repubSrc, "biasdiff.yaml": manifest})
	w, r := byPath(t, arts, "wire.txt"), byPath(t, arts, "repub.txt")
	pairs := Find(arts, Options{})
	if len(pairs) != 1 {
		t.Fatalf("got %d pairs, want 1: %+v", len(pairs), pairs)
	}
	p := pairs[0]
	if p.A != min(w, r) || p.B != max(w, r) {
		t.Fatalf("pair %d-%d", p.A, p.B)
	}
	if len(p.Passages) != 1 {
		t.Fatalf("got %d passages, want 1: %+v", len(p.Passages), p.Passages)
	}
	x := p.Passages[0]
	if x.Identity != 1 {
		t.Errorf("identity %v, want 1", x.Identity)
	}
	// The passage runs from the first word of the story to its last word
	// ("road"), in both sources, and leaves the added paragraph out.
	first := "Flood"
	last := "ring road"
	spanW, spanR := x.A, x.B
	if w != p.A {
		spanW, spanR = x.B, x.A
	}
	for _, c := range []struct {
		name string
		src  string
		got  Span
	}{{"wire", wireSrc, spanW}, {"repub", repubSrc, spanR}} {
		b0 := strings.Index(c.src, first)
		b1 := strings.Index(c.src, last) + len(last)
		want := Span{runes(c.src, b0), runes(c.src, b1)}
		if c.got != want {
			t.Errorf("%s: span %v (%q), want %v", c.name, c.got, string([]rune(c.src)[c.got.Start:c.got.End]), want)
		}
	}
	shareW, shareR := p.ShareA, p.ShareB
	if w != p.A {
		shareW, shareR = p.ShareB, p.ShareA
	}
	if shareW != 1 {
		t.Errorf("wire share %v, want 1", shareW)
	}
	if shareR < 0.8 || shareR >= 1 {
		t.Errorf("republication share %v, want in [0.8, 1)", shareR)
	}
	if p.Source != w {
		t.Errorf("source %d, want the wire %d", p.Source, w)
	}
	// Body ranges agree with the source spans.
	a := arts[p.A]
	if s, e := a.Body.Span(x.ABody[0], x.ABody[1]); s != x.A.Start || e != x.A.End {
		t.Errorf("ABody %v maps to %d-%d, A is %v", x.ABody, s, e, x.A)
	}
}

func TestRewriteWithEdits(t *testing.T) {
	// Paragraph 2 and 3 of the wire reused with four words changed, a
	// clause dropped, among otherwise different text.
	reused := "The river reached 7.8 metres at the Kellan bridge gauge on Tuesday, its highest level since 1994, and officials said that it could rise another metre overnight as water from the hills arrives. " +
		"“We are asking everyone in the marked zones to leave now,” the office’s director, Marta Quill, told journalists at a briefing in the town hall."
	own := "Opposition councillors blamed years of delay on the flood wall for the damage in the lower valley.\n\n" + reused +
		"\n\nThe council will meet on Friday to discuss compensation for shop owners, a spokesman for the mayor said, adding that insurers had been contacted.\n"
	arts := load(t, map[string]string{
		"wire.txt":    "Valley floods\n\n" + strings.Join(wire, "\n\n") + "\n",
		"rewrite.txt": "Council blamed for flood defences\n\n" + own,
	})
	pairs := Find(arts, Options{})
	if len(pairs) != 1 || len(pairs[0].Passages) != 1 {
		t.Fatalf("want one pair with one passage, got %+v", pairs)
	}
	p := pairs[0]
	x := p.Passages[0]
	if x.Identity >= 1 || x.Identity < 0.75 {
		t.Errorf("identity %v, want in [0.75, 1)", x.Identity)
	}
	rw := byPath(t, arts, "rewrite.txt")
	body, rng := arts[rw].Body.S, x.BBody
	if rw == p.A {
		rng = x.ABody
	}
	got := body[rng[0]:rng[1]]
	if !strings.HasPrefix(got, "The river reached") || !strings.HasSuffix(got, "in the town hall") {
		t.Errorf("passage in the rewrite is %q", got)
	}
	if p.Source != -1 {
		t.Errorf("source %d without dates, want -1", p.Source)
	}
}

func TestCommonPhraseOnly(t *testing.T) {
	a := "Storm closes ports\n\nA winter storm closed three ports on the northern coast on Monday, the transport ministry said in a statement on Monday evening. Ferries will not sail before Thursday, and fishing boats were told to stay in harbour.\n"
	b := "Minister resigns over ports deal\n\nThe transport minister resigned after a row over the sale of two northern ports, the government said in a statement on Monday evening. Her deputy will take over the ministry until an election in the spring.\n"
	arts := load(t, map[string]string{"a.txt": a, "b.txt": b})
	if pairs := Find(arts, Options{}); len(pairs) != 0 {
		t.Fatalf("want no pair, got %+v", pairs)
	}
}

func TestSourceIsEarlier(t *testing.T) {
	body := strings.Join(wire, "\n\n")
	js := func(date, title string) string {
		return `{"title": "` + title + `", "maintext": ` + quote(body) + `, "date_publish": "` + date + `", "source_domain": "x.example"}`
	}
	arts := load(t, map[string]string{
		"a-late.json":  js("2024-03-07 08:00:00", "Late copy"),
		"b-early.json": js("2024-03-05 17:30:00", "Early copy"),
		"c-same.json":  js("2024-03-07", "Same day copy"),
	})
	late, early, same := byPath(t, arts, "a-late.json"), byPath(t, arts, "b-early.json"), byPath(t, arts, "c-same.json")
	pairs := Find(arts, Options{})
	if len(pairs) != 3 {
		t.Fatalf("got %d pairs, want 3", len(pairs))
	}
	for _, p := range pairs {
		var want int
		switch {
		case p.A == early || p.B == early:
			want = early
		default:
			want = -1 // late and same are both 2024-03-07
		}
		if p.Source != want {
			t.Errorf("pair %d-%d: source %d, want %d", p.A, p.B, p.Source, want)
		}
		if len(p.Passages) != 1 || p.Passages[0].Identity != 1 || p.ShareA != 1 || p.ShareB != 1 {
			t.Errorf("pair %d-%d: %+v", p.A, p.B, p)
		}
	}
	_, _ = late, same
}

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func TestSourceDates(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"2019-01-14", "2019-01-17", 0},
		{"2019-02", "2019-01-17", 1},
		{"2019-02", "2019-02-10", -1},
		{"2019", "2020-01-01", 0},
		{"", "2019-01-01", -1},
		{"yesterday", "2019-01-01", -1},
		{"2019-01-14T10:00:00Z", "2019-01-14", -1},
		{"20190114", "2019-01-15", -1},
	} {
		if got := source(c.a, c.b, 0, 1); got != c.want {
			t.Errorf("source(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	arts := benchArticles(t, 60, 0.3)
	want := Find(arts, Options{})
	if len(want) == 0 {
		t.Fatal("no pairs in the generated corpus")
	}
	for _, procs := range []int{1, 3, 8} {
		old := runtime.GOMAXPROCS(procs)
		got := Find(arts, Options{})
		runtime.GOMAXPROCS(old)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("GOMAXPROCS=%d: result differs", procs)
		}
	}
	for i := 1; i < len(want); i++ {
		if a, b := want[i-1], want[i]; a.A > b.A || a.A == b.A && a.A >= b.B && a.B >= b.B {
			t.Fatalf("pairs out of order at %d", i)
		}
	}
	for _, p := range want {
		if p.A >= p.B {
			t.Fatalf("pair %d-%d", p.A, p.B)
		}
	}
}

// TestSharedQuotationIsNoCopy: two reports that quote the same speaker word
// for word, each in its own sentence, share a passage inside quotation
// marks in both: that is the speaker's words, not copy, and makes no pair;
// the same quote inside republished wire copy still counts with it.
func TestSharedQuotationIsNoCopy(t *testing.T) {
	quote, _, _ := strings.Cut(wire[2], "” ") // “We are asking everyone ... for the water,
	own := "Residents of the lower valley spent the night in school halls as the river kept rising. "
	other := "The emergency office opened two more shelters on Wednesday morning, its spokesman said. "
	arts := load(t, map[string]string{
		"a.txt": "Valley residents leave their homes\n\n" + own + "\n\n" + quote + "” Quill said at the town hall.\n",
		"b.txt": "Shelters open as the river rises\n\n" + other + "\n\n" + quote + "” said the director of the office, Marta Quill.\n",
		"c.txt": "Floods force thousands out\n\n" + strings.Join(wire, "\n\n") + "\n",
	})
	a, b, c := byPath(t, arts, "a.txt"), byPath(t, arts, "b.txt"), byPath(t, arts, "c.txt")
	pairs := Find(arts, Options{})
	has := func(x, y int) bool {
		for _, p := range pairs {
			if p.A == min(x, y) && p.B == max(x, y) {
				return true
			}
		}
		return false
	}
	if has(a, b) {
		t.Errorf("a and b share only a quotation, and make a pair: %+v", pairs)
	}
	if has(a, c) {
		t.Errorf("a quotes what the wire quotes, and makes a pair with it: %+v", pairs)
	}
	// The wire republished: the same text around the quote is copy.
	arts = load(t, map[string]string{"w.txt": "Floods\n\n" + strings.Join(wire, "\n\n") + "\n", "r.txt": "Valley floods\n\n" + strings.Join(wire, "\n\n") + "\n"})
	if p := Find(arts, Options{}); len(p) != 1 || p[0].ShareA < 0.9 {
		t.Errorf("republished wire copy: %+v, want one pair of nearly all the text", p)
	}
}
