package group

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

type doc struct{ name, outlet, date, title, text string }

func load(tb testing.TB, docs []doc) []*corpus.Article {
	tb.Helper()
	fs := fstest.MapFS{}
	for _, d := range docs {
		b, err := json.Marshal(map[string]string{"title": d.title, "maintext": d.text, "date_publish": d.date, "source_domain": d.outlet})
		if err != nil {
			tb.Fatal(err)
		}
		fs[d.name+".json"] = &fstest.MapFile{Data: b}
	}
	arts, err := corpus.LoadFS(fs, corpus.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return arts
}

var (
	flood = []doc{
		{"flood-a", "Daily Herald", "2023-03-02", "Floods cut off Riverton as the Marrow River bursts its banks",
			"The Marrow River burst its banks near Riverton on Wednesday, cutting off 4,000 homes. Mayor Alice Brennan said rescue teams from Kestrel County had reached the eastern districts. \"We have never seen water this high,\" Brennan told reporters."},
		{"flood-b", "Evening Post", "2023-03-02", "Marrow River flooding leaves thousands stranded",
			"Thousands of residents in Riverton were stranded after the Marrow River flooded overnight. Officials in Kestrel County said 4,000 homes had lost power. Mayor Alice Brennan called the flooding the worst in a century."},
		{"flood-c", "Wire Service", "2023-03-03", "Riverton floods: rescue teams reach stranded residents",
			"Rescue teams from Kestrel County reached stranded residents in Riverton on Thursday after the Marrow River flooded. Mayor Alice Brennan said water levels were beginning to fall, but 4,000 homes remained without power."},
	}
	merger = []doc{
		{"merger-a", "Business Daily", "2023-03-02", "Halvorsen Steel agrees to buy Pemberton Metals for $2.1 billion",
			"Halvorsen Steel said on Wednesday it had agreed to acquire Pemberton Metals for $2.1 billion in cash. Chief executive Marcus Okafor said the deal would close next year, subject to approval by regulators in Brussels."},
		{"merger-b", "Market Watcher", "2023-03-02", "Pemberton Metals shares jump on Halvorsen takeover",
			"Shares of Pemberton Metals rose 18% after Halvorsen Steel announced a $2.1 billion takeover. Marcus Okafor, who runs Halvorsen Steel, said the combined company would cut costs. Regulators in Brussels must still approve the acquisition."},
		{"merger-c", "Trade Journal", "2023-03-03", "What the Halvorsen–Pemberton deal means for steel buyers",
			"The $2.1 billion acquisition of Pemberton Metals by Halvorsen Steel creates the largest steel maker in the region. Marcus Okafor said prices for buyers would not rise, though analysts doubted Brussels would approve the acquisition quickly."},
	}
	single = doc{"zoo", "Local News", "2023-03-02", "Zoo welcomes a baby giraffe",
		"Staff at the city zoo celebrated the birth of a baby giraffe on Tuesday. Keepers named the calf Juniper after a vote by schoolchildren, and visitors will be able to see her from next week."}
)

// partition turns events into sets of article IDs, sorted, for comparison.
func partition(arts []*corpus.Article, evs []Event) []string {
	var out []string
	for _, e := range evs {
		var ids []string
		for _, i := range e.Articles {
			ids = append(ids, arts[i].ID)
		}
		slices.Sort(ids)
		out = append(out, strings.Join(ids, " "))
	}
	slices.Sort(out)
	return out
}

func checkPartition(t *testing.T, arts []*corpus.Article, evs []Event) {
	t.Helper()
	seen := make([]int, len(arts))
	for k, e := range evs {
		if want := fmt.Sprintf("e%d", k+1); e.ID != want {
			t.Errorf("event %d has ID %q, want %q", k, e.ID, want)
		}
		if k > 0 && e.Articles[0] < evs[k-1].Articles[0] {
			t.Errorf("events not ordered by first article: %v", evs)
		}
		if !slices.IsSorted(e.Articles) {
			t.Errorf("event %s articles not in input order: %v", e.ID, e.Articles)
		}
		for _, i := range e.Articles {
			seen[i]++
		}
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("article %s is in %d events", arts[i].ID, n)
		}
	}
}

func TestGroup(t *testing.T) {
	far := flood[2]
	far.name, far.date = "flood-far", "2023-06-20"
	tests := []struct {
		name string
		docs []doc
		want []string
	}{
		{"two events and a singleton",
			[]doc{flood[0], merger[0], single, flood[1], merger[1], flood[2], merger[2]},
			[]string{"flood-a flood-b flood-c", "merger-a merger-b merger-c", "zoo"}},
		{"far-apart date splits",
			[]doc{flood[0], flood[1], far},
			[]string{"flood-a flood-b", "flood-far"}},
		{"one article", []doc{single}, []string{"zoo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := load(t, tt.docs)
			evs := Group(arts, Options{})
			checkPartition(t, arts, evs)
			if got := partition(arts, evs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGroupLabelAndDates(t *testing.T) {
	arts := load(t, []doc{flood[0], flood[1], flood[2], single})
	evs := Group(arts, Options{})
	if len(evs) != 2 {
		t.Fatalf("got %d events, want 2", len(evs))
	}
	e := evs[0]
	if e.From != "2023-03-02" || e.To != "2023-03-03" {
		t.Errorf("date range %q–%q, want 2023-03-02–2023-03-03", e.From, e.To)
	}
	n := len(strings.Split(e.Label, ", "))
	if n < 3 || n > 5 || !strings.Contains(strings.ToLower(e.Label), "riverton") && !strings.Contains(strings.ToLower(e.Label), "marrow") {
		t.Errorf("label %q: want 3-5 terms naming the flood", e.Label)
	}
}

func TestGroupDeterministic(t *testing.T) {
	docs := []doc{flood[0], merger[0], single, flood[1], merger[1], flood[2], merger[2]}
	arts := load(t, docs)
	want := partition(arts, Group(arts, Options{}))
	first := Group(arts, Options{})
	r := rand.New(rand.NewPCG(1, 2))
	for range 10 {
		shuffled := slices.Clone(arts)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := partition(shuffled, Group(shuffled, Options{})); !slices.Equal(got, want) {
			t.Fatalf("shuffled input: got %q, want %q", got, want)
		}
		if again := Group(arts, Options{}); fmt.Sprint(again) != fmt.Sprint(first) {
			t.Fatalf("same input, different output:\n%v\n%v", again, first)
		}
	}
}

// TestCollector: features gathered while reading give the same events as
// features found by Group itself.
func TestCollector(t *testing.T) {
	docs := []doc{flood[0], merger[0], single, flood[1], merger[1], flood[2], merger[2]}
	fs := fstest.MapFS{}
	for _, d := range docs {
		b, _ := json.Marshal(map[string]string{"title": d.title, "maintext": d.text, "date_publish": d.date, "source_domain": d.outlet})
		fs[d.name+".json"] = &fstest.MapFile{Data: b}
	}
	var c Collector
	arts, err := corpus.LoadFS(fs, corpus.Options{Tokens: c.Tokens})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.got) != len(arts) {
		t.Fatalf("collected %d articles of %d", len(c.got), len(arts))
	}
	with := Group(arts, Options{Features: &c})
	without := Group(arts, Options{})
	if fmt.Sprint(with) != fmt.Sprint(without) {
		t.Errorf("with collected features:\n%v\nwithout:\n%v", with, without)
	}
	if len(c.got) != 0 {
		t.Errorf("%d collected articles left after Group", len(c.got))
	}
}

func TestTopK(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 40 {
		for _, k := range []int{1, 3, 10, 50} {
			s := make([]int, n)
			for i := range s {
				s[i] = r.IntN(20)
			}
			want := slices.Clone(s)
			slices.Sort(want)
			slices.Reverse(want)
			want = want[:min(k, n)]
			got := slices.Clone(topK(s, k, func(a, b int) bool { return a < b }))
			slices.Sort(got)
			slices.Reverse(got)
			if !slices.Equal(got, want) {
				t.Fatalf("topK(n=%d, k=%d) = %v, want %v", n, k, got, want)
			}
		}
	}
}

func TestParseDate(t *testing.T) {
	a, b := parseDate("2019-01-14"), parseDate("2019-02")
	if g, ok := a.gap(b); !ok || g != 18 {
		t.Errorf("gap(2019-01-14, 2019-02) = %d, %v; want 18, true", g, ok)
	}
	if g, ok := parseDate("2019").gap(a); !ok || g != 0 {
		t.Errorf("gap(2019, 2019-01-14) = %d, %v; want 0, true", g, ok)
	}
	if _, ok := parseDate("").gap(a); ok {
		t.Error("unknown date has a gap")
	}
}

// BenchmarkGroup groups a few thousand synthetic articles recombined from
// the sentences of the sample corpus.
func BenchmarkGroup(b *testing.B) {
	base, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var sents []string
	for _, a := range base {
		for _, s := range a.Sentences {
			sents = append(sents, s.Text)
		}
	}
	r := rand.New(rand.NewPCG(7, 9))
	var docs []doc
	var size int64
	for i := range 3000 {
		var text strings.Builder
		for range 6 + r.IntN(10) {
			text.WriteString(sents[r.IntN(len(sents))])
			text.WriteString(" ")
		}
		title := sents[r.IntN(len(sents))]
		size += int64(text.Len() + len(title))
		docs = append(docs, doc{fmt.Sprintf("a%05d", i), "Outlet", fmt.Sprintf("2019-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)), title, text.String()})
	}
	arts := load(b, docs)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		Group(arts, Options{})
	}
}

// TestDeclaredEvent: reports whose event the user declared go to it,
// whatever their features say; the others are grouped as usual.
func TestDeclaredEvent(t *testing.T) {
	arts := load(t, []doc{flood[0], flood[1], single, merger[0], merger[1]})
	byID := map[string]*corpus.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	byID["flood-a"].Event = "Spring news"
	byID["zoo"].Event = "Spring news"
	evs := Group(arts, Options{})
	checkPartition(t, arts, evs)
	want := []string{"flood-a zoo", "flood-b", "merger-a merger-b"}
	if got := partition(arts, evs); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, e := range evs {
		if len(e.Articles) == 2 && arts[e.Articles[0]].Event != "" && e.Label != "Spring news" {
			t.Errorf("declared event labelled %q", e.Label)
		}
	}
}

// TestAllDeclared: when the user declared every report's event, the events
// are those, named so, in order of their first report, with their dates.
func TestAllDeclared(t *testing.T) {
	arts := load(t, []doc{flood[0], flood[1], single, merger[0], merger[1]})
	for _, a := range arts {
		a.Event = "Other news"
		if a.ID == "flood-a" || a.ID == "zoo" {
			a.Event = "Spring news"
		}
	}
	evs := Group(arts, Options{})
	checkPartition(t, arts, evs)
	if got, want := partition(arts, evs), []string{"flood-a zoo", "flood-b merger-a merger-b"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for k, e := range evs {
		first := arts[e.Articles[0]]
		if e.ID != fmt.Sprintf("e%d", k+1) || e.Label != first.Event {
			t.Errorf("event %d: ID %q, label %q; want e%d, %q", k, e.ID, e.Label, k+1, first.Event)
		}
		from, to := "", ""
		for _, i := range e.Articles {
			if d := arts[i].Date; from == "" || d < from {
				from = d
			}
			to = max(to, arts[i].Date)
		}
		if e.From != from || e.To != to {
			t.Errorf("event %s: dates %s..%s, want %s..%s", e.ID, e.From, e.To, from, to)
		}
	}
}

// TestClusterParts: clustering each component apart gives the partition
// clustering all edges at once gives.
func TestClusterParts(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		n := 2 + r.IntN(40)
		var edges []edge
		for range r.IntN(3 * n) {
			a, b := r.IntN(n), r.IntN(n)
			if a == b {
				continue
			}
			edges = append(edges, edge{min(a, b), max(a, b), r.Float64() * 0.4})
		}
		slices.SortFunc(edges, func(x, y edge) int {
			if x.a != y.a {
				return x.a - y.a
			}
			return x.b - y.b
		})
		edges = slices.CompactFunc(edges, func(x, y edge) bool { return x.a == y.a && x.b == y.b })
		whole, parts := cluster(n, edges, 0.1), clusterParts(n, edges, 0.1)
		if !samePartition(whole, parts) {
			t.Fatalf("n=%d edges=%v:\nwhole %v\nparts %v", n, edges, whole, parts)
		}
	}
}

func samePartition(a, b []int) bool {
	ab, ba := map[int]int{}, map[int]int{}
	for i := range a {
		if x, ok := ab[a[i]]; ok && x != b[i] {
			return false
		}
		if x, ok := ba[b[i]]; ok && x != a[i] {
			return false
		}
		ab[a[i]], ba[b[i]] = b[i], a[i]
	}
	return true
}

// TestClusterNaive: the incremental agglomeration merges what the
// textbook one does — at each step the pair of clusters with the highest
// average link (missing edges count zero), while that is above the
// threshold — recomputing every average from the edges at every step.
func TestClusterNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	const threshold = 0.1
	for range 300 {
		n := 2 + r.IntN(25)
		w := map[[2]int]float64{}
		for range r.IntN(3 * n) {
			a, b := r.IntN(n), r.IntN(n)
			if a != b {
				w[[2]int{min(a, b), max(a, b)}] = r.Float64() * 0.5
			}
		}
		var edges []edge
		for k, s := range w {
			edges = append(edges, edge{k[0], k[1], s})
		}
		slices.SortFunc(edges, func(x, y edge) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })

		// The textbook way: clusters as member lists, rooted at their
		// smallest member.
		root := make([]int, n)
		for i := range root {
			root[i] = i
		}
		for {
			members := map[int][]int{}
			for i, c := range root {
				members[c] = append(members[c], i)
			}
			best, ba, bb := -1.0, -1, -1
			for a, ma := range members {
				for b, mb := range members {
					if a >= b {
						continue
					}
					var sum float64
					for _, i := range ma {
						for _, j := range mb {
							sum += w[[2]int{min(i, j), max(i, j)}]
						}
					}
					avg := sum / float64(len(ma)*len(mb))
					if avg > best || (avg == best && (a < ba || (a == ba && b < bb))) {
						best, ba, bb = avg, a, b
					}
				}
			}
			if best < threshold {
				break
			}
			for i, c := range root {
				if c == bb {
					root[i] = ba
				}
			}
		}
		if got := cluster(n, edges, threshold); !slices.Equal(got, root) {
			t.Fatalf("n=%d edges=%v:\ncluster %v\nnaive   %v", n, edges, got, root)
		}
	}
}
