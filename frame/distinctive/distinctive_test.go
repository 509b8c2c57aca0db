package distinctive

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
)

// distDoc is one .txt article: line 1 the headline, a blank line, the body.
type distDoc struct {
	path, outlet, title, body string
}

func (d distDoc) file() string { return d.title + "\n\n" + d.body + "\n" }

// distLoad loads the docs with corpus.LoadFS, a manifest naming their
// outlets, and returns the articles and each one's source file as runes.
func distLoad(t testing.TB, docs ...distDoc) ([]*corpus.Article, map[string][]rune) {
	t.Helper()
	fs := fstest.MapFS{}
	var man strings.Builder
	src := map[string][]rune{}
	for _, d := range docs {
		fs[d.path] = &fstest.MapFile{Data: []byte(d.file())}
		man.WriteString("- path: " + d.path + "\n  outlet: " + d.outlet + "\n  lang: en\n")
	}
	fs[corpus.ManifestName] = &fstest.MapFile{Data: []byte(man.String())}
	arts, err := corpus.LoadFS(fs, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(docs) {
		t.Fatalf("loaded %d articles, want %d", len(arts), len(docs))
	}
	for _, a := range arts {
		for _, d := range docs {
			if strings.HasSuffix(a.Path, d.path) {
				src[a.ID] = []rune(d.file())
				if a.Outlet != d.outlet {
					t.Fatalf("%s: outlet %q, want %q (manifest not applied)", d.path, a.Outlet, d.outlet)
				}
			}
		}
	}
	return arts, src
}

func distOutlet(t *testing.T, d []OutletTerms, name string) OutletTerms {
	t.Helper()
	for _, o := range d {
		if o.Outlet == name {
			return o
		}
	}
	t.Fatalf("no outlet %q in %+v", name, d)
	return OutletTerms{}
}

func distTerm(o OutletTerms, term string) *Term {
	for i := range o.Terms {
		if o.Terms[i].Term == term {
			return &o.Terms[i]
		}
	}
	return nil
}

// TestDistinctiveFormula: two outlets whose texts differ in one word;
// every content word is set between stopwords, so there are no bigrams
// and the counts follow from the text. δ and z are computed here from the
// named counts with Monroe et al.'s formula and compared with the code's.
func TestDistinctiveFormula(t *testing.T) {
	const sentences = 5
	a := distDoc{path: "a.txt", outlet: "A", title: "The regime", body: strings.Repeat("The regime and the army. ", sentences)}
	b := distDoc{path: "b.txt", outlet: "B", title: "The government", body: strings.Repeat("The government and the army. ", sentences)}
	arts, _ := distLoad(t, a, b)

	const (
		regimeA = sentences + 1 // the body and the title
		regimeB = 0
		armyA   = sentences
		armyB   = sentences
		nA      = regimeA + armyA // unigram features of A
		nB      = sentences + 1 + armyB
		n       = nA + nB
		regime  = regimeA + regimeB // y_w, the whole input
	)
	// The formula, spelled out with the named counts.
	a0 := distPriorWeight * n
	aw := a0 * regime / n
	wantDelta := math.Log((regimeA+aw)/(nA+a0-regimeA-aw)) - math.Log((regimeB+aw)/(nB+a0-regimeB-aw))
	wantSigma := math.Sqrt(1/(regimeA+aw) + 1/(regimeB+aw))
	wantZ := wantDelta / wantSigma

	delta, sigma := distLogOdds(regimeA, regime, nA, n)
	if math.Abs(delta-wantDelta) > 1e-12 || math.Abs(sigma-wantSigma) > 1e-12 {
		t.Errorf("δ, σ = %v, %v; want %v, %v", delta, sigma, wantDelta, wantSigma)
	}
	if wantZ <= ZFloor {
		t.Fatalf("fixture too weak: z %v does not pass the floor %v", wantZ, ZFloor)
	}

	d := Find(arts, Options{})
	if len(d) != 2 {
		t.Fatalf("%d outlets, want 2", len(d))
	}
	oa := distOutlet(t, d, "A")
	if len(oa.Terms) != 1 {
		t.Fatalf("A's terms %+v, want regim alone (armi is used alike)", oa.Terms)
	}
	got := oa.Terms[0]
	if got.Term != "regim" || got.Surface != "regime" || got.Count != regimeA || got.Others != regimeB {
		t.Errorf("A's term %+v, want regim/regime %d vs %d", got, regimeA, regimeB)
	}
	if got.Z != math.Round(wantZ*1000)/1000 {
		t.Errorf("z %v, want %v rounded to 3 decimals", got.Z, wantZ)
	}
	// A word both outlets use at the same rate: δ = 0 exactly, since
	// α_w = κ·y_w keeps the outlets' shares.
	if dArmy, _ := distLogOdds(armyA, armyA+armyB, nA, n); math.Abs(dArmy) > 1e-12 {
		t.Errorf("δ(army) = %v, want 0", dArmy)
	}
	// B's word mirrors A's: same counts, same z.
	ob := distOutlet(t, d, "B")
	if len(ob.Terms) != 1 || ob.Terms[0].Term != "govern" || ob.Terms[0].Z != got.Z {
		t.Errorf("B's terms %+v, want govern with z %v", ob.Terms, got.Z)
	}
}

// distThree is one event reported by three outlets in otherwise alike
// words: A says "regime" where B and C say "government". Accents and
// curly quotes make rune and byte offsets differ.
func distThree(t testing.TB) ([]*corpus.Article, map[string][]rune) {
	body := func(gov string) string {
		return "The " + gov + " said on Monday that its forces had retaken the northern city of São Tomé after weeks of fighting. " +
			"Officials of the " + gov + " told reporters that the army controlled the city centre. " +
			"The " + gov + "’s ministers promised aid to the residents of the city. " +
			"Opposition groups accused the " + gov + " of shelling homes in the northern districts. " +
			"Talks between the " + gov + " and the opposition are due next week in Genève, officials said."
	}
	return distLoad(t,
		distDoc{path: "a.txt", outlet: "A", title: "Regime forces retake northern city", body: body("regime")},
		distDoc{path: "b.txt", outlet: "B", title: "Government forces retake northern city", body: body("government")},
		distDoc{path: "c.txt", outlet: "C", title: "Government forces retake northern city", body: body("government")},
	)
}

// TestDistinctiveFindsWords: A's own word is its top term with a positive
// z; words all three use alike are listed for no one.
func TestDistinctiveFindsWords(t *testing.T) {
	arts, _ := distThree(t)
	d := Find(arts, Options{})
	if len(d) != 3 {
		t.Fatalf("%d outlets, want 3", len(d))
	}
	oa := distOutlet(t, d, "A")
	if len(oa.Terms) == 0 || oa.Terms[0].Term != "regim" || oa.Terms[0].Z <= 0 {
		t.Fatalf("A's terms %+v, want regim first with z > 0", oa.Terms)
	}
	const regimeUses = 6 // the title and five body sentences
	if got := oa.Terms[0]; got.Count != regimeUses || got.Others != 0 || got.Surface != "regime" {
		t.Errorf("regim: %+v, want %d vs 0, written regime", got, regimeUses)
	}
	for _, o := range d {
		for _, common := range []string{"citi", "forc", "northern", "offici"} {
			if tm := distTerm(o, common); tm != nil {
				t.Errorf("%s lists %q (z %v), which every outlet uses alike", o.Outlet, common, tm.Z)
			}
		}
		for _, tm := range o.Terms {
			if tm.Z <= ZFloor || tm.Count < distDefaultMinCount {
				t.Errorf("%s: %+v under the floor or the least count", o.Outlet, tm)
			}
		}
	}
	// MinCount above the count drops it; Top bounds the list.
	if tm := distTerm(distOutlet(t, Find(arts, Options{MinCount: regimeUses + 1}), "A"), "regim"); tm != nil {
		t.Errorf("MinCount %d: regim still listed", regimeUses+1)
	}
	for _, o := range Find(arts, Options{Top: 1}) {
		if len(o.Terms) > 1 {
			t.Errorf("Top 1: %s has %d terms", o.Outlet, len(o.Terms))
		}
	}
}

// TestDistinctiveMentions: every mention is the source text at its rune
// offsets, titles included (Sentence -1), and there is one per use.
func TestDistinctiveMentions(t *testing.T) {
	arts, src := distThree(t)
	d := Find(arts, Options{Top: -1})
	titles, total := 0, 0
	for _, o := range d {
		for _, tm := range o.Terms {
			if len(tm.Mentions) != tm.Count {
				t.Errorf("%s %q: %d mentions, count %d", o.Outlet, tm.Term, len(tm.Mentions), tm.Count)
			}
			for _, m := range tm.Mentions {
				total++
				if !slices.Contains(o.Articles, m.Article) {
					t.Errorf("%s %q: mention in article %d, not the outlet's", o.Outlet, tm.Term, m.Article)
					continue
				}
				r := src[arts[m.Article].ID]
				if m.Start < 0 || m.End > len(r) || m.Start >= m.End {
					t.Errorf("%s %q: bad span %+v", o.Outlet, tm.Term, m)
					continue
				}
				if got := string(r[m.Start:m.End]); got != m.Text {
					t.Errorf("%s %q: source[%d:%d] = %q, mention says %q", o.Outlet, tm.Term, m.Start, m.End, got, m.Text)
				}
				if m.Sentence == -1 {
					titles++
				}
			}
		}
	}
	if total == 0 || titles == 0 {
		t.Errorf("%d mentions, %d in titles: want both", total, titles)
	}
	// The possessive is written "regime’s" and counted as regim.
	if !slices.ContainsFunc(distTerm(distOutlet(t, d, "A"), "regim").Mentions, func(m frame.Mention) bool { return m.Text == "regime’s" }) {
		t.Errorf("regime’s not among the mentions of regim")
	}
}

// TestDistinctiveBigrams: consecutive content words make a bigram;
// stopwords and punctuation between them break it.
func TestDistinctiveBigrams(t *testing.T) {
	const uses = 12
	a := distDoc{path: "a.txt", outlet: "A", title: "Minister speaks on talks", body: strings.Repeat("Prime minister Abe spoke. ", uses)}
	b := distDoc{path: "b.txt", outlet: "B", title: "Minister speaks on talks", body: strings.Repeat("The minister of Japan, Abe, spoke. ", uses)}
	arts, _ := distLoad(t, a, b)
	d := Find(arts, Options{Top: -1})
	oa, ob := distOutlet(t, d, "A"), distOutlet(t, d, "B")
	// "prime" only ever stands in "prime minister": the same counts, the
	// same z, and a tie keeps the bigram.
	pm := distTerm(oa, "prime minist")
	if pm == nil || pm.Count != uses || pm.Others != 0 || pm.Surface != "Prime minister" {
		t.Fatalf("A: prime minist %+v, want %d vs 0 written Prime minister; terms %+v", pm, uses, oa.Terms)
	}
	if distTerm(oa, "prime") != nil {
		t.Errorf("A: prime listed beside prime minist")
	}
	for _, m := range pm.Mentions {
		if m.Text != "Prime minister" {
			t.Errorf("mention %q", m.Text)
		}
	}
	for _, tm := range ob.Terms {
		if strings.Contains(tm.Term, " ") {
			t.Errorf("B: bigram %q across a stopword or comma", tm.Term)
		}
	}
	if distTerm(ob, "japan") == nil {
		t.Errorf("B: japan not listed: %+v", ob.Terms)
	}
}

// TestDistinctivePruneOverlaps: a bigram at least as strong as each of its
// passing words replaces them; a weaker one goes.
func TestDistinctivePruneOverlaps(t *testing.T) {
	c := &distCounts{ids: map[distKey]int32{}}
	for _, k := range []distKey{{a: "prime"}, {a: "minist"}, {a: "prime", b: "minist"}, {a: "iron"}, {a: "dome"}, {a: "iron", b: "dome"}, {a: "other"}} {
		c.ids[k] = int32(len(c.keys))
		c.keys = append(c.keys, k)
	}
	id := func(term string) int32 { return c.ids[distKeyOf(term)] }
	const strong, weak = 3.0, 2.5
	terms := []distScored{
		{id("prime"), weak}, {id("minist"), strong}, {id("prime minist"), strong}, // tie with minist: bigram kept
		{id("iron"), strong}, {id("iron dome"), weak}, // iron is stronger: bigram dropped
		{id("other"), weak},
	}
	var got []string
	for _, t := range c.pruneOverlaps(terms) {
		got = append(got, c.term(t.id))
	}
	if want := []string{"prime minist", "iron", "other"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}

// TestDistinctiveDeterministic: the same input gives the same result;
// fewer than two outlets give nil.
func TestDistinctiveDeterministic(t *testing.T) {
	arts, _ := distThree(t)
	first := Find(arts, Options{Top: -1})
	for range 5 {
		if again := Find(arts, Options{Top: -1}); !reflect.DeepEqual(first, again) {
			t.Fatalf("results differ between runs:\n%+v\n%+v", first, again)
		}
	}
	for _, tm := range first[0].Terms {
		if tm.Z != math.Round(tm.Z*1000)/1000 {
			t.Errorf("z %v not rounded to 3 decimals", tm.Z)
		}
	}
	one, _ := distLoad(t,
		distDoc{path: "a.txt", outlet: "Same", title: "The regime", body: "The regime said so."},
		distDoc{path: "b.txt", outlet: "Same", title: "The government", body: "The government said so."})
	if d := Find(one, Options{}); d != nil {
		t.Errorf("one outlet: %+v, want nil", d)
	}
	if d := Find(nil, Options{}); d != nil {
		t.Errorf("no articles: %+v, want nil", d)
	}
}
