//go:build devset

package align

// The alignment dev set (../shared/eval/alignment, never shipped) read
// directly, to compare scoring functions and settings quickly:
//
//	go test -tags devset -run Dev -v ./align/
//
// make eval scores the whole tool with the set's own scorer.

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/wordvec"
)

type devEvent struct {
	name  string
	arts  []*corpus.Article
	gold  map[[2]string]bool // cross-outlet gold sentence pairs "outlet:i"
	tie   map[[2]int]string  // (article, sentence) -> "outlet:i"
	claim map[string]string  // "outlet:i" -> gold claim id
}

func loadDev(t *testing.T) []devEvent {
	root := devRoot()
	files, _ := filepath.Glob(root + "/alignment/basil-*.json")
	if len(files) == 0 {
		t.Skip("no dev set")
	}
	var out []devEvent
	for _, f := range files {
		var g struct {
			Event     string
			Sentences map[string][]struct{ I, Start, End int }
			Claims    []struct {
				ID      string
				Members []struct {
					Outlet string
					I      int
				}
			}
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(root, "framing", g.Event)
		arts, err := corpus.Load([]string{dir + "/fox.txt", dir + "/hpo.txt", dir + "/nyt.txt"}, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ev := devEvent{name: g.Event[:14], arts: arts, gold: map[[2]string]bool{}, tie: map[[2]int]string{}, claim: map[string]string{}}
		for _, c := range g.Claims {
			for i, a := range c.Members {
				ka := fmt.Sprintf("%s:%d", a.Outlet, a.I)
				ev.claim[ka] = c.ID
				for _, b := range c.Members[i+1:] {
					if a.Outlet != b.Outlet {
						ev.gold[key2(ka, fmt.Sprintf("%s:%d", b.Outlet, b.I))] = true
					}
				}
			}
		}
		for ai, a := range arts {
			outlet := []string{"fox", "hpo", "nyt"}[ai]
			for si, s := range a.Sentences {
				best, bi := 0, -1
				for _, x := range g.Sentences[outlet] {
					if in := min(s.End, x.End) - max(s.Start, x.Start); in > best {
						best, bi = in, x.I
					}
				}
				if bi >= 0 {
					ev.tie[[2]int{ai, si}] = fmt.Sprintf("%s:%d", outlet, bi)
				}
			}
		}
		out = append(out, ev)
	}
	return out
}

// devRoot is the evaluation sets' folder: $BIASDIFF_EVAL, else the one
// beside the project.
func devRoot() string {
	if d := os.Getenv("BIASDIFF_EVAL"); d != "" {
		return d
	}
	return "../../shared/eval"
}

func key2(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// prf scores claims against the gold pairs of each event.
func devPRF(evs []devEvent, claims func(arts []*corpus.Article) []Claim) (p, r, f float64, hit, pred, gold int) {
	for _, ev := range evs {
		got := map[[2]string]bool{}
		for _, c := range claims(ev.arts) {
			for i, a := range c.Members {
				for _, b := range c.Members[i+1:] {
					ka, oka := ev.tie[[2]int{a.Article, a.Sentence}]
					kb, okb := ev.tie[[2]int{b.Article, b.Sentence}]
					if oka && okb && a.Article != b.Article {
						got[key2(ka, kb)] = true
					}
				}
			}
		}
		for k := range got {
			if ev.gold[k] {
				hit++
			}
		}
		pred += len(got)
		gold += len(ev.gold)
	}
	p = float64(hit) / float64(max(1, pred))
	r = float64(hit) / float64(max(1, gold))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func TestDevClaims(t *testing.T) {
	evs := loadDev(t)
	p, r, f, hit, pred, gold := devPRF(evs, func(arts []*corpus.Article) []Claim { return Claims(arts, Options{}) })
	t.Logf("claims: P %.3f R %.3f F1 %.3f (%d of %d predicted, %d gold)", p, r, f, hit, pred, gold)
}

// devPairs lists every cross-article pair of body sentences tied to gold
// sentences, with whether the gold pairs them.
type devPair struct {
	ev   int
	a, b *unit
	gold bool
}

func devAllPairs(evs []devEvent) ([]devPair, []*stemNums) {
	var out []devPair
	var sts []*stemNums
	for ei, ev := range evs {
		units := collect(ev.arts)
		idf, df := weigh(units)
		st := number(units, idf, df)
		sts = append(sts, st)
		for i, a := range units {
			for _, b := range units[i+1:] {
				if a.m.Article == b.m.Article || a.m.Sentence < 0 || b.m.Sentence < 0 {
					continue
				}
				ka, oka := ev.tie[[2]int{a.m.Article, a.m.Sentence}]
				kb, okb := ev.tie[[2]int{b.m.Article, b.m.Sentence}]
				if !oka || !okb {
					continue
				}
				out = append(out, devPair{ei, a, b, ev.gold[key2(ka, kb)]})
			}
		}
	}
	return out, sts
}

// devAP is the average precision of ranking pairs by score, and the best
// F1 with its threshold and precision.
func devAP(pairs []devPair, score func(p devPair) float64) (ap, bestF, atP, at float64) {
	type sc struct {
		s    float64
		gold bool
	}
	var xs []sc
	total := 0
	for _, p := range pairs {
		xs = append(xs, sc{score(p), p.gold})
		if p.gold {
			total++
		}
	}
	sort.SliceStable(xs, func(i, j int) bool { return xs[i].s > xs[j].s })
	hit := 0
	for i, x := range xs {
		if x.gold {
			hit++
			ap += float64(hit) / float64(i+1)
		}
		p := float64(hit) / float64(i+1)
		r := float64(hit) / float64(total)
		if p+r > 0 && 2*p*r/(p+r) > bestF {
			bestF, atP, at = 2*p*r/(p+r), p, x.s
		}
	}
	return ap / float64(total), bestF, atP, at
}

func TestDevScores(t *testing.T) {
	evs := loadDev(t)
	pairs, sts := devAllPairs(evs)
	n := 0
	for _, p := range pairs {
		if p.gold {
			n++
		}
	}
	t.Logf("%d pairs, %d gold", len(pairs), n)
	for _, p := range pairs {
		featOf(sts[p.ev], p.a)
		featOf(sts[p.ev], p.b)
	}
	for _, s := range append(devScorers(sts), devMoreScorers(pairs, sts)...) {
		ap, f, p, at := devAP(pairs, s.f)
		t.Logf("%-24s AP %.3f  best F1 %.3f (P %.2f at %.3f)", s.name, ap, f, p, at)
	}
}

type devScorer struct {
	name string
	f    func(p devPair) float64
}

func devScorers(sts []*stemNums) []devScorer {
	return []devScorer{
		{"idf cosine", func(p devPair) float64 { s, _ := sts[p.ev].score(p.a, p.b, nil); return s }},
	}
}

type devWord struct {
	id   int32
	idf  float64
	vec  wordvec.Vec
	name bool // capitalised, not sentence-initial
	num  bool
}

type devFeat struct {
	words []devWord
	emb   []float64
}

var devFeats = map[*unit]*devFeat{}

func devFeatures(evs []devEvent, sts []*stemNums) {
	for ei, ev := range evs {
		units := collect(ev.arts)
		_ = units
		_ = ei
	}
}

func featOf(st *stemNums, u *unit) *devFeat {
	if f, ok := devFeats[u]; ok {
		return f
	}
	f := &devFeat{emb: make([]float64, wordvec.Dim)}
	seen := map[int32]bool{}
	first := true
	for _, t := range token.Tokenize(u.m.Text) {
		var key string
		switch {
		case t.Kind == token.Number:
			key = "#" + t.Norm
		case t.Kind == token.Word && !t.Stop && utf8.RuneCountInString(t.Norm) > 1:
			key = t.Stem
		default:
			if t.Kind == token.Word {
				first = false
			}
			continue
		}
		id, ok := st.num[key]
		if !ok || seen[id] {
			first = false
			continue
		}
		seen[id] = true
		r, _ := utf8.DecodeRuneInString(t.Text)
		v, _ := wordvec.Lookup(t.Norm)
		w := devWord{id: id, idf: st.idf[id], vec: v, name: !first && unicode.IsUpper(r), num: t.Kind == token.Number}
		first = false
		f.words = append(f.words, w)
		if v.Ok() {
			tmp := make([]float32, wordvec.Dim)
			v.Add(tmp, float32(w.idf))
			for i := range tmp {
				f.emb[i] += float64(tmp[i])
			}
		}
	}
	devFeats[u] = f
	return f
}

// cover is the idf-weighted share of a's words found in b: exactly (1)
// or by a vector of cosine at least tau (rescaled).
func cover(a, b *devFeat, tau float64) float64 {
	var sum, tot float64
	for _, w := range a.words {
		tot += w.idf
		best := 0.0
		for _, v := range b.words {
			if v.id == w.id {
				best = 1
				break
			}
			if w.vec.Ok() && v.vec.Ok() && !w.name && !v.name {
				if c := wordvec.Cosine(w.vec, v.vec); c > tau {
					best = max(best, (c-tau)/(1-tau))
				}
			}
		}
		sum += w.idf * best
	}
	if tot == 0 {
		return 0
	}
	return sum / tot
}

func cosine(a, b []float64) float64 {
	var d, na, nb float64
	for i := range a {
		d += a[i] * b[i]
		na += a[i] * a[i]
		nb += b[i] * b[i]
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return d / math.Sqrt(na*nb)
}

func devMoreScorers(pairs []devPair, sts []*stemNums) []devScorer {
	// event means for the embeddings
	means := map[int][]float64{}
	counts := map[int]int{}
	for _, p := range pairs {
		for _, u := range []*unit{p.a, p.b} {
			f := featOf(sts[p.ev], u)
			_ = f
		}
	}
	seen := map[*unit]bool{}
	for _, p := range pairs {
		for _, u := range []*unit{p.a, p.b} {
			if seen[u] {
				continue
			}
			seen[u] = true
			f := devFeats[u]
			if means[p.ev] == nil {
				means[p.ev] = make([]float64, wordvec.Dim)
			}
			n := math.Sqrt(dot(f.emb, f.emb))
			if n > 0 {
				for i := range f.emb {
					means[p.ev][i] += f.emb[i] / n
				}
			}
			counts[p.ev]++
		}
	}
	centred := map[*unit][]float64{}
	for u, f := range devFeats {
		_ = u
		_ = f
	}
	cent := func(ev int, u *unit) []float64 {
		if c, ok := centred[u]; ok {
			return c
		}
		f := devFeats[u]
		n := math.Sqrt(dot(f.emb, f.emb))
		c := make([]float64, wordvec.Dim)
		if n > 0 {
			for i := range c {
				c[i] = f.emb[i]/n - means[ev][i]/float64(counts[ev])
			}
		}
		centred[u] = c
		return c
	}
	lex := func(p devPair) float64 { s, _ := sts[p.ev].score(p.a, p.b, nil); return s }
	soft := func(tau float64) func(p devPair) float64 {
		return func(p devPair) float64 {
			a, b := devFeats[p.a], devFeats[p.b]
			x, y := cover(a, b, tau), cover(b, a, tau)
			if x+y == 0 {
				return 0
			}
			return 2 * x * y / (x + y)
		}
	}
	softMax := func(tau float64) func(p devPair) float64 {
		return func(p devPair) float64 {
			a, b := devFeats[p.a], devFeats[p.b]
			return max(cover(a, b, tau), cover(b, a, tau))
		}
	}
	emb := func(p devPair) float64 { return cosine(devFeats[p.a].emb, devFeats[p.b].emb) }
	embc := func(p devPair) float64 { return cosine(cent(p.ev, p.a), cent(p.ev, p.b)) }
	return []devScorer{
		{"soft f1 .4", soft(0.4)},
		{"soft f1 .5", soft(0.5)},
		{"soft f1 .6", soft(0.6)},
		{"soft f1 .99 (exact)", soft(0.99)},
		{"soft max .5", softMax(0.5)},
		{"emb", emb},
		{"emb centred", embc},
		{"lex+soft.5", func(p devPair) float64 { return lex(p) + soft(0.5)(p) }},
		{"lex+embc/4", func(p devPair) float64 { return lex(p) + embc(p)/4 }},
		{"soft.5+embc/4", func(p devPair) float64 { return soft(0.5)(p) + embc(p)/4 }},
		{"soft.5+embc/2", func(p devPair) float64 { return soft(0.5)(p) + embc(p)/2 }},
	}
}

func dot(a, b []float64) float64 {
	var d float64
	for i := range a {
		d += a[i] * b[i]
	}
	return d
}

func TestDevMissed(t *testing.T) {
	evs := loadDev(t)
	pairs, sts := devAllPairs(evs)
	k := 0
	for _, p := range pairs {
		if !p.gold {
			continue
		}
		s, _ := sts[p.ev].score(p.a, p.b, nil)
		featOf(sts[p.ev], p.a)
		featOf(sts[p.ev], p.b)
		x := cover(devFeats[p.a], devFeats[p.b], 0.5)
		y := cover(devFeats[p.b], devFeats[p.a], 0.5)
		k++
		if k%3 == 0 {
			t.Logf("lex %.2f soft %.2f/%.2f\n   A %s\n   B %s", s, x, y, p.a.m.Text, p.b.m.Text)
		}
	}
}

func TestDevSweep(t *testing.T) {
	evs := loadDev(t)
	for _, ms := range []float64{0.4, 0.34, 0.28, 0.22, 0.18} {
		p, r, f, hit, pred, _ := devPRF(evs, func(arts []*corpus.Article) []Claim { return Claims(arts, Options{MinScore: ms}) })
		t.Logf("min %.2f: P %.3f R %.3f F1 %.3f (%d/%d)", ms, p, r, f, hit, pred)
	}
}

func TestDevShow(t *testing.T) {
	evs := loadDev(t)
	for _, ev := range evs {
		t.Logf("=== %s", ev.name)
		for _, c := range Claims(ev.arts, Options{MinScore: 0.28}) {
			t.Logf("claim score %.2f", c.Score)
			for _, m := range c.Members {
				k := ev.tie[[2]int{m.Article, m.Sentence}]
				t.Logf("   %-7s %-4s %.110s", k, ev.claim[k], m.Text)
			}
		}
	}
}

func TestDevSample(t *testing.T) {
	for _, ew := range []float64{0, 0.1, 0.25} {
		for _, ms := range []float64{0.34, 0.28, 0.22} {
			embWeight = ew
			old := DefaultMinScore
			_ = old
			sampleMin = ms
			t.Run(fmt.Sprintf("emb%.2f_min%.2f", ew, ms), TestSampleAlignment)
		}
	}
	embWeight, sampleMin = 0.25, 0
}

// TestDevNear: for every claim (singletons too) and report that does not
// carry it, the near score and whether the gold says the report carries
// it: the share of false "—" at each "≈" threshold.
func TestDevNear(t *testing.T) {
	evs := loadDev(t)
	for _, ew := range []float64{0, 0.25, 0.5} {
		embWeight = ew
		type cell struct {
			score float64
			false bool
		}
		var cells []cell
		for _, ev := range evs {
			for _, c := range Claims(ev.arts, Options{Singletons: true}) {
				golds := map[string]bool{}
				for _, m := range c.Members {
					if g := ev.claim[ev.tie[[2]int{m.Article, m.Sentence}]]; g != "" {
						golds[g] = true
					}
				}
				for _, n := range c.Near {
					outlet := []string{"fox", "hpo", "nyt"}[n.Article]
					carries := false
					for k, g := range ev.claim {
						if golds[g] && k[:3] == outlet {
							carries = true
						}
					}
					cells = append(cells, cell{n.Score, carries})
				}
			}
		}
		for _, th := range []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35} {
			dash, fd, sim, st := 0, 0, 0, 0
			for _, c := range cells {
				if c.score < th {
					dash++
					if c.false {
						fd++
					}
				} else {
					sim++
					if c.false {
						st++
					}
				}
			}
			t.Logf("emb %.2f ≈ from %.2f: %d —, %.1f%% false; %d ≈, %.0f%% truly carried", ew, th, dash, 100*float64(fd)/float64(max(1, dash)), sim, 100*float64(st)/float64(max(1, sim)))
		}
	}
	embWeight = 0.25
}

func TestDevNearFuncs(t *testing.T) {
	evs := loadDev(t)
	type cell struct {
		score float64
		false bool
	}
	funcs := map[string]func(st *stemNums, vec [][]float32, units []*unit, i, j int) float64{
		"lex": func(st *stemNums, vec [][]float32, units []*unit, i, j int) float64 {
			s, _ := st.score(units[i], units[j], nil)
			return s
		},
		"lex+emb/4": func(st *stemNums, vec [][]float32, units []*unit, i, j int) float64 {
			s, _ := st.score(units[i], units[j], nil)
			return s + 0.25*max(0, dot32(vec[i], vec[j]))
		},
		"cover.5": func(st *stemNums, vec [][]float32, units []*unit, i, j int) float64 {
			return cover(featOf(st, units[i]), featOf(st, units[j]), 0.5)
		},
		"cover.6+emb/4": func(st *stemNums, vec [][]float32, units []*unit, i, j int) float64 {
			return cover(featOf(st, units[i]), featOf(st, units[j]), 0.6) + 0.25*max(0, dot32(vec[i], vec[j]))
		},
		"cover.99+emb/4": func(st *stemNums, vec [][]float32, units []*unit, i, j int) float64 {
			return cover(featOf(st, units[i]), featOf(st, units[j]), 0.99) + 0.25*max(0, dot32(vec[i], vec[j]))
		},
		"softf1.6+emb/4": func(st *stemNums, vec [][]float32, units []*unit, i, j int) float64 {
			a, b := featOf(st, units[i]), featOf(st, units[j])
			x, y := cover(a, b, 0.6), cover(b, a, 0.6)
			if x+y == 0 {
				return 0
			}
			return 2*x*y/(x+y) + 0.25*max(0, dot32(vec[i], vec[j]))
		},
	}
	for _, name := range []string{"lex", "lex+emb/4", "cover.5", "cover.6+emb/4", "cover.99+emb/4", "softf1.6+emb/4"} {
		f := funcs[name]
		var cells []cell
		for _, ev := range evs {
			units := collect(ev.arts)
			idf, df := weigh(units)
			st := number(units, idf, df)
			vec := embed(units, st)
			uid := map[[2]int]int{}
			for i, u := range units {
				uid[[2]int{u.m.Article, u.m.Sentence}] = i
			}
			for _, c := range Claims(ev.arts, Options{Singletons: true}) {
				golds := map[string]bool{}
				has := map[int]bool{}
				for _, m := range c.Members {
					has[m.Article] = true
					if g := ev.claim[ev.tie[[2]int{m.Article, m.Sentence}]]; g != "" {
						golds[g] = true
					}
				}
				for a := range ev.arts {
					if has[a] {
						continue
					}
					best := 0.0
					for _, m := range c.Members {
						i := uid[[2]int{m.Article, m.Sentence}]
						for j, u := range units {
							if u.m.Article == a {
								best = max(best, f(st, vec, units, i, j))
							}
						}
					}
					outlet := []string{"fox", "hpo", "nyt"}[a]
					carries := false
					for k, g := range ev.claim {
						if golds[g] && k[:3] == outlet {
							carries = true
						}
					}
					cells = append(cells, cell{best, carries})
				}
			}
		}
		sort.Slice(cells, func(i, j int) bool { return cells[i].score < cells[j].score })
		// false share among the k lowest (the "—" cells) for k = 200, 300, 400, 500
		line := name
		for _, k := range []int{200, 300, 400, 500} {
			fd := 0
			for _, c := range cells[:k] {
				if c.false {
					fd++
				}
			}
			line += fmt.Sprintf("  %d—: %.1f%% (≤%.2f)", k, 100*float64(fd)/float64(k), cells[k-1].score)
		}
		t.Log(line)
	}
}

func TestDevMissAnalysis(t *testing.T) {
	evs := loadDev(t)
	cat := map[string]int{}
	for _, ev := range evs {
		claimOf := map[string]int{} // gold sentence -> tool claim index
		cls := Claims(ev.arts, Options{})
		for ci, c := range cls {
			for _, m := range c.Members {
				if k, ok := ev.tie[[2]int{m.Article, m.Sentence}]; ok {
					claimOf[k] = ci + 1
				}
			}
		}
		for p := range ev.gold {
			a, b := claimOf[p[0]], claimOf[p[1]]
			switch {
			case a != 0 && a == b:
				cat["found"]++
			case a != 0 && b != 0:
				cat["both claimed, different claims"]++
			case a != 0 || b != 0:
				cat["one claimed"]++
			default:
				cat["neither claimed"]++
			}
		}
	}
	t.Log(cat)
}

func devFeatureVec(st *stemNums, vec map[*unit][]float32, p devPair, common int32) []float64 {
	lex, _ := st.score(p.a, p.b, nil)
	a, b := featOf(st, p.a), featOf(st, p.b)
	sharedNames, sharedNums, sharedRare := 0.0, 0.0, 0.0
	for _, w := range a.words {
		for _, v := range b.words {
			if v.id == w.id {
				if w.name || v.name {
					sharedNames++
				}
				if w.num {
					sharedNums++
				}
				if st.df[w.id] <= common {
					sharedRare += w.idf
				}
			}
		}
	}
	x, y := cover(a, b, 0.6), cover(b, a, 0.6)
	e := dot32(vec[p.a], vec[p.b])
	lede := 0.0
	if p.a.m.Position == Lede && p.b.m.Position == Lede {
		lede = 1
	}
	la, lb := float64(len(a.words)), float64(len(b.words))
	return []float64{1, lex, e, x + y, math.Min(x, y), math.Max(x, y), math.Min(sharedNames, 3) / 3, math.Min(sharedNums, 2) / 2, math.Min(sharedRare/10, 1), lede, math.Min(la, lb) / math.Max(1, math.Max(la, lb))}
}

func TestDevLR(t *testing.T) {
	evs := loadDev(t)
	pairs, sts := devAllPairs(evs)
	vec := map[*unit][]float32{}
	for ei, ev := range evs {
		units := collect(ev.arts)
		_ = units
		_ = ei
	}
	// embeddings per event over the pair units
	byEv := map[int][]*unit{}
	seen := map[*unit]bool{}
	for _, p := range pairs {
		for _, u := range []*unit{p.a, p.b} {
			if !seen[u] {
				seen[u] = true
				byEv[p.ev] = append(byEv[p.ev], u)
			}
		}
	}
	for ev, us := range byEv {
		for _, u := range us {
			featOf(sts[ev], u)
		}
		vs := embed(us, sts[ev])
		for i, u := range us {
			vec[u] = vs[i]
		}
	}
	X := make([][]float64, len(pairs))
	for i, p := range pairs {
		X[i] = devFeatureVec(sts[p.ev], vec, p, int32(Topic(len(byEv[p.ev]), 3)))
	}
	train := func(skip int) []float64 {
		w := make([]float64, len(X[0]))
		pos := 0.0
		for _, p := range pairs {
			if p.ev != skip && p.gold {
				pos++
			}
		}
		for it := 0; it < 300; it++ {
			g := make([]float64, len(w))
			for i, p := range pairs {
				if p.ev == skip {
					continue
				}
				z := 0.0
				for k := range w {
					z += w[k] * X[i][k]
				}
				pr := 1 / (1 + math.Exp(-z))
				y := 0.0
				if p.gold {
					y = 1
				}
				for k := range w {
					g[k] += (pr - y) * X[i][k]
				}
			}
			for k := range w {
				w[k] -= 0.5 * g[k] / float64(len(pairs)) * 20
			}
		}
		return w
	}
	scores := make([]float64, len(pairs))
	for ev := range evs {
		w := train(ev)
		for i, p := range pairs {
			if p.ev == ev {
				z := 0.0
				for k := range w {
					z += w[k] * X[i][k]
				}
				scores[i] = z
			}
		}
		if ev == 0 {
			t.Logf("weights (fold 0): %.2f", w)
		}
	}
	idx := map[devPair]int{}
	for i, p := range pairs {
		idx[p] = i
	}
	ap, f, pp, at := devAP(pairs, func(p devPair) float64 { return scores[idx[p]] })
	t.Logf("LR leave-one-event-out: AP %.3f best F1 %.3f (P %.2f at %.2f)", ap, f, pp, at)
	for k := 1; k < len(X[0]); k++ {
		ap, f, pp, _ := devAP(pairs, func(p devPair) float64 { return X[idx[p]][k] })
		t.Logf("feature %d alone: AP %.3f F1 %.3f (P %.2f)", k, ap, f, pp)
	}
}

// TestDevCeiling: the gold pairs that transitive closure over the correct
// links alone could give (links within gold claims scoring at least th,
// within one report too), for some thresholds.
func TestDevCeiling(t *testing.T) {
	evs := loadDev(t)
	for _, th := range []float64{0.34, 0.22, 0.15, 0.1} {
		for _, within := range []bool{false, true} {
			got := 0
			for _, ev := range evs {
				units := collect(ev.arts)
				idf, df := weigh(units)
				st := number(units, idf, df)
				stmt := glue(ev.arts, units)
				parent := map[string]string{}
				var find func(x string) string
				find = func(x string) string {
					if p, ok := parent[x]; ok && p != x {
						r := find(p)
						parent[x] = r
						return r
					}
					return x
				}
				union := func(a, b string) { parent[find(a)] = find(b) }
				key := func(u *unit) (string, string) {
					k := ev.tie[[2]int{u.m.Article, u.m.Sentence}]
					return k, ev.claim[k]
				}
				for i, a := range units {
					ka, ca := key(a)
					if ca == "" {
						continue
					}
					for j, b := range units[i+1:] {
						kb, cb := key(b)
						if cb != ca {
							continue
						}
						if a.m.Article == b.m.Article && !within && stmt[i] != stmt[i+1+j] {
							continue
						}
						s, _ := st.score(a, b, nil)
						if s >= th || stmt[i] == stmt[i+1+j] {
							union(ka, kb)
						}
					}
				}
				for p := range ev.gold {
					if find(p[0]) == find(p[1]) {
						got++
					}
				}
			}
			t.Logf("links ≥ %.2f within reports %v: %d of 243 gold pairs reachable", th, within, got)
		}
	}
}

func TestDevMutual(t *testing.T) {
	evs := loadDev(t)
	pairs, sts := devAllPairs(evs)
	type key struct {
		u   *unit
		art int
	}
	best := map[key]float64{}
	second := map[key]float64{}
	sc := make([]float64, len(pairs))
	for i, p := range pairs {
		s, _ := sts[p.ev].score(p.a, p.b, nil)
		sc[i] = s
		for _, k := range []key{{p.a, p.b.m.Article}, {p.b, p.a.m.Article}} {
			if s > best[k] {
				second[k] = best[k]
				best[k] = s
			} else if s > second[k] {
				second[k] = s
			}
		}
	}
	for _, lo := range []float64{0.1, 0.15, 0.22, 0.28, 0.34} {
		hi := lo + 0.06
		if lo == 0.34 {
			hi = 9
		}
		var n, g, nm, gm, nmm, gmm int
		for i, p := range pairs {
			if sc[i] < lo || sc[i] >= hi {
				continue
			}
			n++
			ba := best[key{p.a, p.b.m.Article}] == sc[i]
			bb := best[key{p.b, p.a.m.Article}] == sc[i]
			if p.gold {
				g++
			}
			if ba && bb {
				nm++
				if p.gold {
					gm++
				}
				// margin: clearly best
				if sc[i] >= 1.5*second[key{p.a, p.b.m.Article}] && sc[i] >= 1.5*second[key{p.b, p.a.m.Article}] {
					nmm++
					if p.gold {
						gmm++
					}
				}
			}
		}
		t.Logf("lex [%.2f,%.2f): %d pairs P %.2f; mutual best %d P %.2f; with margin 1.5x %d P %.2f", lo, hi, n, float64(g)/float64(max(1, n)), nm, float64(gm)/float64(max(1, nm)), nmm, float64(gmm)/float64(max(1, nmm)))
	}
}

// TestDevQuoteGroups: cross-outlet pairs of quotes in one gold quote group
// against pairs of variants in one tool cluster (a variant is tied to the
// gold quote it overlaps most).
func TestDevQuoteGroups(t *testing.T) {
	root := devRoot()
	files, _ := filepath.Glob(root + "/alignment/basil-*.json")
	if len(files) == 0 {
		t.Skip("no dev set")
	}
	hit, pred, gold := 0, 0, 0
	for _, f := range files {
		var g struct {
			Event  string
			Quotes []struct {
				Outlet     string
				Start, End int
				Text       string
			}
			QuoteGroups []struct{ Members []int } `json:"quote_groups"`
		}
		b, _ := os.ReadFile(f)
		json.Unmarshal(b, &g)
		dir := filepath.Join(root, "framing", g.Event)
		arts, err := corpus.Load([]string{dir + "/fox.txt", dir + "/hpo.txt", dir + "/nyt.txt"}, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[[2]int]bool{}
		for _, qg := range g.QuoteGroups {
			for i, a := range qg.Members {
				for _, b := range qg.Members[i+1:] {
					if g.Quotes[a].Outlet != g.Quotes[b].Outlet {
						want[[2]int{min(a, b), max(a, b)}] = true
					}
				}
			}
		}
		tie := func(art, s, e int) int {
			outlet := []string{"fox", "hpo", "nyt"}[art]
			best, bi := 0, -1
			for i, q := range g.Quotes {
				if q.Outlet == outlet {
					if in := min(e, q.End) - max(s, q.Start); in > best {
						best, bi = in, i
					}
				}
			}
			return bi
		}
		got := map[[2]int]bool{}
		for _, c := range Quotes(arts) {
			for i, a := range c.Variants {
				for _, b := range c.Variants[i+1:] {
					x, y := tie(a.Article, a.Start, a.End), tie(b.Article, b.Start, b.End)
					if a.Article != b.Article && x >= 0 && y >= 0 {
						got[[2]int{min(x, y), max(x, y)}] = true
						if !want[[2]int{min(x, y), max(x, y)}] && testing.Verbose() {
							t.Logf("%s extra: %q ~ %q", g.Event[:14], a.Text, b.Text)
						}
					}
				}
			}
		}
		for k := range got {
			if want[k] {
				hit++
			}
		}
		for k := range want {
			if !got[k] && testing.Verbose() {
				t.Logf("%s missed: %s %q ~ %s %q", g.Event[:14], g.Quotes[k[0]].Outlet, g.Quotes[k[0]].Text, g.Quotes[k[1]].Outlet, g.Quotes[k[1]].Text)
			}
		}
		pred += len(got)
		gold += len(want)
	}
	p, r := float64(hit)/float64(max(1, pred)), float64(hit)/float64(max(1, gold))
	t.Logf("quote groups: P %.3f R %.3f F1 %.3f (%d of %d, %d gold)", p, r, 2*p*r/max(1e-9, p+r), hit, pred, gold)
}

func TestDevUSE(t *testing.T) {
	// The encoder's vectors of the gold sentences, made by
	// scripts/dev/use-embed.js (not part of the build).
	b, err := os.ReadFile(os.Getenv("BIASDIFF_USE_EMB"))
	if err != nil {
		t.Skip("no $BIASDIFF_USE_EMB (see scripts/dev/use-embed.js)")
	}
	var emb map[string]map[string][][]float64
	json.Unmarshal(b, &emb)
	evs := loadDev(t)
	pairs, sts := devAllPairs(evs)
	names := []string{}
	for k := range emb {
		names = append(names, k)
	}
	sort.Strings(names)
	vecOf := func(ev int, u *unit) []float64 {
		k := evs[ev].tie[[2]int{u.m.Article, u.m.Sentence}]
		var o string
		var i int
		fmt.Sscanf(strings.Replace(k, ":", " ", 1), "%s %d", &o, &i)
		for _, n := range names {
			if strings.HasPrefix(n, evs[ev].name) {
				return emb[n][o][i]
			}
		}
		return nil
	}
	use := func(p devPair) float64 { return dot(vecOf(p.ev, p.a), vecOf(p.ev, p.b)) }
	lex := func(p devPair) float64 { s, _ := sts[p.ev].score(p.a, p.b, nil); return s }
	for _, s := range []devScorer{
		{"lex", lex},
		{"use", use},
		{"lex+use/4", func(p devPair) float64 { return lex(p) + use(p)/4 }},
		{"lex+use/2", func(p devPair) float64 { return lex(p) + use(p)/2 }},
		{"lex+use", func(p devPair) float64 { return lex(p) + use(p) }},
		{"lex*use", func(p devPair) float64 { return lex(p) * use(p) }},
		{"max(lex,use-.4)", func(p devPair) float64 { return max(lex(p), use(p)-0.4) }},
	} {
		ap, f, pp, at := devAP(pairs, s.f)
		t.Logf("%-18s AP %.3f best F1 %.3f (P %.2f at %.3f)", s.name, ap, f, pp, at)
	}
	for _, lo := range []float64{0.0, 0.1, 0.15, 0.22} {
		for _, uth := range []float64{0.6, 0.7, 0.75} {
			n, g := 0, 0
			for _, p := range pairs {
				if l := lex(p); l >= lo && l < lo+0.07 && use(p) >= uth {
					n++
					if p.gold {
						g++
					}
				}
			}
			t.Logf("lex [%.2f,%.2f) use ≥ %.2f: %d pairs P %.2f", lo, lo+0.07, uth, n, float64(g)/float64(max(1, n)))
		}
	}
}

func TestDevAllThree(t *testing.T) {
	evs := loadDev(t)
	for _, ev := range evs {
		cls := Claims(ev.arts, Options{Singletons: true})
		byGold := map[string]map[int]bool{}
		members := map[string][]string{}
		for k, g := range ev.claim {
			members[g] = append(members[g], k)
		}
		for ci, c := range cls {
			for _, m := range c.Members {
				if g := ev.claim[ev.tie[[2]int{m.Article, m.Sentence}]]; g != "" {
					if byGold[g] == nil {
						byGold[g] = map[int]bool{}
					}
					byGold[g][ci] = true
				}
			}
		}
		for g, ms := range members {
			outs := map[string]bool{}
			for _, k := range ms {
				outs[k[:3]] = true
			}
			if len(outs) < 3 {
				continue
			}
			t.Logf("%s %s:", ev.name, g)
			for ci := range byGold[g] {
				var s []string
				for _, m := range cls[ci].Members {
					k := ev.tie[[2]int{m.Article, m.Sentence}]
					s = append(s, fmt.Sprintf("%s(%s)", k, ev.claim[k]))
				}
				t.Logf("    tool claim %v", s)
			}
		}
	}
}
