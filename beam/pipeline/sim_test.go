package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/batch"
	"github.com/biasdiff/biasdiff/corpus"
)

// simulate groups c as the pipeline does with parts partitions, in this
// process.
func simulate(c *batch.Corpus, parts, overlap int) ([]Event, Cuts) {
	var counts []DayCount
	byDay := map[int]int{}
	var reports []Report
	for i, a := range c.Articles {
		r := Report{N: i, Event: a.Event}
		r.Lo, r.Hi, r.Dated = dayRange(a.Date)
		if r.Dated {
			byDay[r.Lo]++
		}
		reports = append(reports, r)
	}
	for d, n := range byDay {
		counts = append(counts, DayCount{d, n})
	}
	cuts := newCuts(counts, parts, overlap)
	if parts > 1 {
		routeAll(c, reports, cuts, parts)
	}
	sent := map[int][]Report{}
	for _, r := range reports {
		cuts.partitions(r, func(p int, home bool) {
			r.Home = home
			sent[p] = append(sent[p], r)
		})
	}
	var all []PartEvent
	for p, rs := range sent {
		sub := make([]int, len(rs))
		home := map[int]bool{}
		for k, r := range rs {
			sub[k] = r.N
			home[r.N] = r.Home
		}
		evs, _ := c.Group(sub)
		for _, e := range evs {
			pe := PartEvent{Part: p, Members: e.Articles, Home: make([]bool, len(e.Articles)), Label: e.Label}
			for k, i := range e.Articles {
				pe.Home[k] = home[i]
			}
			all = append(all, pe)
		}
	}
	return reconcile(all), cuts
}

// routeAll places the undated reports as the route step does.
func routeAll(c *batch.Corpus, reports []Report, cuts Cuts, parts int) {
	spreads := map[uint64]*Spread{}
	posts := map[int][]Scored{}
	for k, r := range reports {
		c.Features([]int{r.N}, func(_ int, fs []group.Feature) {
			for _, x := range fs {
				s := spreads[x.Key]
				if s == nil {
					s = &Spread{}
					spreads[x.Key] = s
				}
				s.DF++
				if r.Dated {
					s.set(cuts.home(r))
				} else {
					posts[k] = append(posts[k], Scored{Key: x.Key, Count: x.Count})
				}
			}
		})
	}
	for k, fs := range posts {
		for j := range fs {
			fs[j].Spread = *spreads[fs[j].Key]
		}
		p, chunk, ok := place(fs, len(c.Articles), parts)
		reports[k].Routed, reports[k].Route, reports[k].Chunk = ok, p, chunk
	}
}

// TestSimulate compares the partitioned grouping with one machine's on
// the corpus at SIM_CORPUS (skipped without it), for 2, 4 and 8
// partitions of SIM_OVERLAP days (default 7): the events of the same
// reports, of the same label, and the pair F1 of one against the other;
// with SIM_GOLD (a JSON Lines file of id and cluster, as
// ../shared/eval/grouping/dev.jsonl, its articles written as ID.json in
// SIM_CORPUS), the B-cubed F1 of both against gold. SIM_DATED_ONLY=1
// leaves the undated reports out. It runs in this
// process, without Beam: the same steps as the pipeline's.
func TestSimulate(t *testing.T) {
	in := os.Getenv("SIM_CORPUS")
	if in == "" {
		t.Skip("SIM_CORPUS not set")
	}
	c, err := batch.Read(context.Background(), []string{in}, batch.ReadOptions{MaxBytes: corpus.DefaultMaxBytes})
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("SIM_DATED_ONLY") != "" { // the dated reports alone
		kept := c.Articles[:0]
		for _, a := range c.Articles {
			if _, _, ok := dayRange(a.Date); ok {
				kept = append(kept, a)
			}
		}
		c.Articles = kept
	}
	one, _ := simulate(c, 1, 7)
	key := func(e Event) string { return fmt.Sprint(e.Members) }
	ones := map[string]Event{}
	for _, e := range one {
		ones[key(e)] = e
	}
	var gold map[string]string
	if g := os.Getenv("SIM_GOLD"); g != "" {
		gold = map[string]string{}
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var x struct{ ID, Cluster string }
			if err := json.Unmarshal([]byte(line), &x); err != nil {
				t.Fatal(err)
			}
			gold[x.ID] = x.Cluster
		}
	}
	if os.Getenv("SIM_NAMED_GOLD") != "" { // generated: eNNNNN-rK names the event
		gold = map[string]string{}
		for _, a := range c.Articles {
			id := strings.TrimSuffix(filepath.Base(a.Path), filepath.Ext(a.Path))
			if ev, _, ok := strings.Cut(id, "-r"); ok && strings.HasPrefix(ev, "e") {
				gold[id] = ev
			}
		}
	}
	overlap := 7
	if v := os.Getenv("SIM_OVERLAP"); v != "" {
		fmt.Sscan(v, &overlap)
	}
	for _, k := range []int{2, 4, 8} {
		evs, cuts := simulate(c, k, overlap)
		same, label := 0, 0
		for _, e := range evs {
			if o, ok := ones[key(e)]; ok {
				same++
				if o.Label == e.Label {
					label++
				}
			}
		}
		var days []string
		for _, d := range cuts.Days {
			days = append(days, fmt.Sprint(d))
		}
		if gold != nil {
			t.Logf("B-cubed F1 against gold: one machine %.4f, K=%d %.4f", bcubed(c, gold, one), k, bcubed(c, gold, evs))
		}
		t.Logf("K=%d cuts %s: %d events vs %d, same members %d, same label %d, pairF1 %.4f", k, strings.Join(days, ","), len(evs), len(one), same, label, pairF1(one, evs, len(c.Articles)))
	}
}

// pairF1 is the F1 of the pairs of reports put together by got, against want.
func pairF1(want, got []Event, n int) float64 {
	of := func(evs []Event) []int {
		x := make([]int, n)
		for k, e := range evs {
			for _, m := range e.Members {
				x[m] = k
			}
		}
		return x
	}
	w := of(want)
	pairs := func(evs []Event) int {
		s := 0
		for _, e := range evs {
			s += len(e.Members) * (len(e.Members) - 1) / 2
		}
		return s
	}
	both := 0
	for _, e := range got {
		cnt := map[int]int{}
		for _, m := range e.Members {
			cnt[w[m]]++
		}
		for _, c := range cnt {
			both += c * (c - 1) / 2
		}
	}
	p, r := float64(both)/float64(max(pairs(got), 1)), float64(both)/float64(max(pairs(want), 1))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// bcubed is the B-cubed F1 of evs against gold clusters, by file name.
func bcubed(c *batch.Corpus, gold map[string]string, evs []Event) float64 {
	pred := map[string]int{}
	for k, e := range evs {
		for _, m := range e.Members {
			p := c.Articles[m].Path
			pred[strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))] = k
		}
	}
	var items []string
	for id := range gold {
		items = append(items, id)
		if _, ok := pred[id]; !ok {
			pred[id] = -1 - len(items)
		}
	}
	type pair struct {
		g string
		p int
	}
	gs, ps, both := map[string]int{}, map[int]int{}, map[pair]int{}
	for _, i := range items {
		gs[gold[i]]++
		ps[pred[i]]++
		both[pair{gold[i], pred[i]}]++
	}
	var p, r float64
	for _, i := range items {
		b := float64(both[pair{gold[i], pred[i]}])
		p += b / float64(ps[pred[i]])
		r += b / float64(gs[gold[i]])
	}
	p /= float64(len(items))
	r /= float64(len(items))
	return 2 * p * r / (p + r)
}
