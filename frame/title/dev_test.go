//go:build devset

package title

// The titles of the real events of the evaluation sets (../shared/eval,
// never shipped), for reading by hand, and their word overlap with the
// AllSides editors' story titles of the grouping dev set:
//
//	go test -tags devset -run Dev -v ./frame/title/
//
// BIASDIFF_EVAL names the evaluation directory; the test skips when it is
// absent.

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

type devEvent struct {
	name  string
	ref   string // a title an editor wrote for the event, if any
	arts  []*corpus.Article
	heads []string
}

func devRoot(t *testing.T) string {
	root := cmp.Or(os.Getenv("BIASDIFF_EVAL"), "../../../shared/eval")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no evaluation sets at %s", root)
	}
	return root
}

// devGrouping reads the clusters of two reports or more of
// grouping/dev.jsonl; noTitles "1" leaves the headlines out, "half"
// those of every other report.
func devGrouping(t *testing.T, root string, noTitles string) []devEvent {
	f, err := os.Open(filepath.Join(root, "grouping", "dev.jsonl"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	type row struct {
		ID, Outlet, Title, Date, Text, Cluster string
		Story                                  string `json:"allsides_story"`
	}
	byCluster := map[string][]row{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		byCluster[r.Cluster] = append(byCluster[r.Cluster], r)
	}
	var names []string
	for k, rs := range byCluster {
		if len(rs) >= 2 {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var out []devEvent
	for _, k := range names {
		fs := fstest.MapFS{}
		ev := devEvent{name: k}
		for i, r := range byCluster[k] {
			title := r.Title
			if noTitles == "1" || noTitles == "half" && i%2 == 1 {
				title = ""
			}
			data, _ := json.Marshal(map[string]string{"title": title, "maintext": r.Text, "source_domain": r.Outlet, "date_publish": r.Date, "language": "en"})
			fs[r.ID+".json"] = &fstest.MapFile{Data: data}
			ev.ref = r.Story
			ev.heads = append(ev.heads, r.Outlet+" :: "+r.Title)
		}
		arts, err := corpus.LoadFS(fs, corpus.Options{NoQuotes: true})
		if err != nil {
			t.Fatal(err)
		}
		ev.arts = arts
		out = append(out, ev)
	}
	return out
}

// devFraming reads the events of framing/.
func devFraming(t *testing.T, root string) []devEvent {
	dirs, _ := filepath.Glob(filepath.Join(root, "framing", "*"))
	var out []devEvent
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.txt"))
		if len(files) == 0 {
			continue
		}
		arts, err := corpus.Load(files, corpus.Options{NoQuotes: true})
		if err != nil {
			t.Fatal(err)
		}
		ev := devEvent{name: filepath.Base(d), arts: arts}
		for _, a := range arts {
			ev.heads = append(ev.heads, a.Outlet+" :: "+a.Title)
		}
		out = append(out, ev)
	}
	return out
}

func TestDevPrint(t *testing.T) {
	root := devRoot(t)
	evs := devFraming(t, root)
	every := 1
	if s := os.Getenv("DEV_EVERY"); s != "" {
		fmt.Sscan(s, &every)
	}
	g := devGrouping(t, root, os.Getenv("DEV_NOTITLES"))
	for i, e := range g {
		if i%every == 0 {
			evs = append(evs, e)
		}
	}
	for _, e := range evs {
		ti := Of(e.arts, Options{})
		fmt.Printf("%s\n  TITLE  %q\n  WHY    %s\n", e.name, ti.Text, ti.Why(e.arts))
		if ti.Source == Lead {
			fmt.Printf("  FROM   %q\n", ti.AsWritten)
		}
		if e.ref != "" {
			fmt.Printf("  REF    %q\n", e.ref)
		}
		for _, h := range e.heads {
			fmt.Printf("    - %s\n", h)
		}
	}
}

// devStems are the content stems of s.
func devStems(s string) []string { return contentWords(token.Tokenize(s)) }

func devF1(a, b []string) float64 {
	n := 0
	for _, s := range a {
		if slices.Contains(b, s) {
			n++
		}
	}
	if n == 0 {
		return 0
	}
	p, r := float64(n)/float64(len(a)), float64(n)/float64(len(b))
	return 2 * p * r / (p + r)
}

// TestDevOverlap compares ways of choosing among the headlines by their
// word overlap (F1 of content stems) with the AllSides story title.
func TestDevOverlap(t *testing.T) {
	root := devRoot(t)
	noTitles := os.Getenv("DEV_NOTITLES")
	evs := devGrouping(t, root, noTitles)
	type variant struct {
		name  string
		score func(c cand, docs []*doc, w weights) float64
	}
	cover := func(c cand, d *doc, w weights, inLead bool) float64 {
		var got, total float64
		for _, s := range c.words {
			total += w[s]
			has := slices.Contains(d.headWords, s)
			if inLead {
				has = d.context[s]
			}
			if has {
				got += w[s]
			}
		}
		if total == 0 {
			return 0
		}
		return got / total
	}
	mean := func(inLead bool, lenFactor float64, w1 bool) func(c cand, docs []*doc, w weights) float64 {
		return func(c cand, docs []*doc, w weights) float64 {
			if w1 {
				w2 := weights{}
				for s := range w {
					w2[s] = 1
				}
				w = w2
			}
			var sum float64
			for _, d := range docs {
				if d != c.doc {
					sum += cover(c, d, w, inLead)
				}
			}
			f := 1.0
			if lenFactor > 0 {
				f = min(1, float64(len(c.words))/lenFactor)
			}
			return sum / float64(len(docs)-1) * f
		}
	}
	dice := func(lead bool) func(c cand, docs []*doc, w weights) float64 {
		return func(c cand, docs []*doc, w weights) float64 {
			var sum float64
			for _, d := range docs {
				if d == c.doc {
					continue
				}
				p := cover(c, d, w, lead)
				// recall: share of d's headline weight in c
				var got, total float64
				for _, s := range d.headWords {
					total += w[s]
					if slices.Contains(c.words, s) {
						got += w[s]
					}
				}
				r := 0.0
				if total > 0 {
					r = got / total
				}
				if p+r > 0 {
					sum += 2 * p * r / (p + r)
				}
			}
			return sum / float64(len(docs)-1)
		}
	}
	vs := []variant{
		{"mixed x1", nil},
		{"mixed x0.9", nil},
		{"mixed x0.8", nil},
		{"mixed x0.7", nil},
		{"mixed x0.5", nil},
		{"F1(precision vs context, recall of headline)", dice(true)},
		{"F1(headline vs headline)", dice(false)},
		{"first by ID", func(c cand, docs []*doc, w weights) float64 { return 0 }},
		{"shipped (Of)", nil},
		{"cover headline+lead, idf, len/3", mean(true, 3, false)},
		{"cover headline+lead, idf, no len", mean(true, 0, false)},
		{"cover headline+lead, idf, len/4", mean(true, 4, false)},
		{"cover headline+lead, idf, len/2", mean(true, 2, false)},
		{"cover headline+lead, idf, len/5", mean(true, 5, false)},
		{"cover headline+lead, idf, len/6", mean(true, 6, false)},
		{"cover headlines only, idf, len/3", mean(false, 3, false)},
		{"cover headline+lead, unweighted, len/3", mean(true, 3, true)},
		{"shortest", func(c cand, docs []*doc, w weights) float64 { return -float64(len(c.text)) }},
	}
	sums := make([]float64, len(vs)+2)
	n := 0
	for _, e := range evs {
		if e.ref == "" {
			continue
		}
		ref := devStems(e.ref)
		docs := readAll(e.arts)
		w := newWeights(docs)
		cands := headlineCands(docs)
		var rest []*doc
		for _, d := range docs {
			if d.headline == "" {
				rest = append(rest, d)
			}
		}
		leads := leadCands(rest, defaultMaxLeadWords)
		if len(cands) == 0 {
			cands = leads
			leads = nil
		}
		if len(cands) == 0 {
			continue
		}
		n++
		var avg, best float64
		for _, c := range cands {
			f := devF1(c.words, ref)
			avg += f / float64(len(cands))
			best = math.Max(best, f)
		}
		for vi, v := range vs {
			var text string
			if f, ok := strings.CutPrefix(v.name, "mixed x"); ok {
				var fac float64
				fmt.Sscan(f, &fac)
				all := append(slices.Clone(cands), leads...)
				for k := range all {
					scoreCand(&all[k], docs, w)
					if all[k].sentence >= 0 && len(leads) > 0 {
						all[k].score *= fac
					}
				}
				b := slices.MinFunc(all, func(a, b cand) int {
					return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc.id, b.doc.id))
				})
				text = b.text
			} else if v.score == nil {
				text = Of(e.arts, Options{}).Text
			} else {
				for k := range cands {
					cands[k].score = v.score(cands[k], docs, w)
				}
				b := slices.MinFunc(cands, func(a, b cand) int {
					return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc.id, b.doc.id))
				})
				text = b.text
			}
			sums[vi] += devF1(devStems(text), ref)
		}
		sums[len(vs)] += avg
		sums[len(vs)+1] += best
	}
	fmt.Printf("%d events with an editor's title (headlines left out: %q)\n", n, noTitles)
	for vi, v := range vs {
		fmt.Printf("  %-42s F1 %.3f\n", v.name, sums[vi]/float64(n))
	}
	fmt.Printf("  %-42s F1 %.3f\n", "any candidate (mean)", sums[len(vs)]/float64(n))
	fmt.Printf("  %-42s F1 %.3f\n", "best candidate (oracle)", sums[len(vs)+1]/float64(n))
}
