package analysis

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
)

// Contrast is one concept the reports name in contrasting words.
type Contrast struct {
	Concept   int  // index into Event.Concepts
	Contrasts int  // frame.Contrasts: pairs of wordings that set two reports apart
	Telling   bool // frame.Telling: listed first
	Outlets   int  // outlets whose wordings differ from another's (pairwise)
	Wordings  []Wording
}

// Wording is one way (a frame.Key) to name a concept, with who uses it.
type Wording struct {
	Text     string   // its commonest written form
	Outlets  []string // in input order
	Mentions int
	First    int // index of its first mention in the concept
}

// Contrasts ranks the concepts that reports name differently
// (frame.Differs) and whose mentions the tool has evidence name one thing
// (Confidence frame.Sure or frame.Likely — a name with the titles and
// descriptions the reports give it —, or none given; never frame.Loose,
// joined by a head noun alone): telling ones first (frame.Telling: a
// concept file, a diff, an alias statement put their wordings together),
// then by frame.Contrasts (the pairs of wordings that set two reports
// apart: "the Silver Isles" against "the Grey Rocks", not "talks" against
// "peace talks"), then by how many outlets use a wording another outlet
// lacks while that one uses a wording they lack, then in the concepts'
// order. Each keeps the wordings that stand in a contrast
// (frame.Contrasting), or, when none does, those not every outlet uses;
// nested mentions are left out, wordings compared by frame.Key.
func Contrasts(arts []*corpus.Article, concepts []frame.Concept) []Contrast {
	rank := map[string]int{} // outlet → input order
	for _, a := range arts {
		if _, ok := rank[a.Outlet]; !ok {
			rank[a.Outlet] = len(rank)
		}
	}
	var out []Contrast
	for ci := range concepts {
		c := &concepts[ci]
		if !frame.Differs(*c) || c.Confidence == frame.Loose {
			continue // only concepts with evidence that they name one thing: a wrong merge makes wordings differ
		}
		if ct, ok := contrastOf(arts, c, rank); ok {
			ct.Concept = ci
			out = append(out, ct)
		}
	}
	slices.SortStableFunc(out, func(a, b Contrast) int { return Stronger(a, b, 0, 0) })
	return out
}

// Stronger orders two contrasts, strongest first; ia and ib break ties
// (the concepts' order, across events when a report merges several).
func Stronger(a, b Contrast, ia, ib int) int {
	return cmp.Or(-cmpBool(a.Telling, b.Telling), cmp.Compare(b.Contrasts, a.Contrasts), cmp.Compare(b.Outlets, a.Outlets), cmp.Compare(ia, ib))
}

func contrastOf(arts []*corpus.Article, c *frame.Concept, rank map[string]int) (Contrast, bool) {
	fc := frame.Concept{ID: c.ID, Label: c.Label, Source: c.Source}
	per := map[string]map[string]bool{} // outlet → keys
	byKey := map[string]*Wording{}
	forms := map[string]map[string]int{} // key → written form → count
	var keys []string
	for mi, m := range c.Mentions {
		if m.Nested {
			continue
		}
		outlet := arts[m.Article].Outlet
		fc.Mentions = append(fc.Mentions, frame.Mention{Article: m.Article, Sentence: m.Sentence, Start: m.Start, End: m.End, Text: m.Text})
		k := frame.Key(m.Text)
		if per[outlet] == nil {
			per[outlet] = map[string]bool{}
		}
		w := byKey[k]
		if w == nil {
			w = &Wording{First: mi}
			byKey[k] = w
			forms[k] = map[string]int{}
			keys = append(keys, k)
		}
		if !per[outlet][k] {
			w.Outlets = append(w.Outlets, outlet)
		}
		per[outlet][k] = true
		w.Mentions++
		forms[k][oneLine(m.Text)]++
	}
	outlets := slices.Collect(maps.Keys(per))
	slices.SortFunc(outlets, func(a, b string) int { return cmp.Compare(rank[a], rank[b]) })
	own := func(x, y map[string]bool) bool {
		for k := range x {
			if !y[k] {
				return true
			}
		}
		return false
	}
	involved := map[string]bool{}
	for i, a := range outlets {
		for _, b := range outlets[i+1:] {
			if own(per[a], per[b]) && own(per[b], per[a]) {
				involved[a], involved[b] = true, true
			}
		}
	}
	if len(involved) == 0 {
		return Contrast{}, false
	}
	n := frame.Contrasts(fc)
	if n == 0 {
		return Contrast{}, false // wordings that differ in articles, number or modifiers only ("country", "the two countries")
	}
	ct := Contrast{Contrasts: n, Outlets: len(involved), Telling: frame.Telling(fc)}
	show := map[string]bool{}
	for _, ks := range frame.Contrasting(fc) {
		for k := range ks {
			show[k] = true
		}
	}
	for _, k := range keys {
		w := byKey[k]
		if len(show) > 0 && !show[k] || len(show) == 0 && len(w.Outlets) == len(outlets) {
			continue
		}
		w.Text = commonestForm(forms[k], c.Mentions, k)
		slices.SortStableFunc(w.Outlets, func(a, b string) int { return cmp.Compare(rank[a], rank[b]) })
		ct.Wordings = append(ct.Wordings, *w)
	}
	slices.SortStableFunc(ct.Wordings, func(a, b Wording) int {
		return cmp.Or(cmp.Compare(len(b.Outlets), len(a.Outlets)), cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.First, b.First))
	})
	return ct, true
}

// commonestForm is the written form of key used most often, the first
// written of those tied.
func commonestForm(counts map[string]int, mentions []frame.Mention, key string) string {
	best, n := "", 0
	for _, m := range mentions {
		if m.Nested || frame.Key(m.Text) != key {
			continue
		}
		t := oneLine(m.Text)
		if counts[t] > n {
			best, n = t, counts[t]
		}
	}
	return best
}

// oneLine folds runs of white space into one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
