package frame

import "slices"

// claim is who holds a claimed span: a concept's cluster (-1 for the
// lexicon's) and the kind of mention.
type claim struct {
	cluster int
	kind    mkind
}

// spans are the spans claimed so far in each article, indexed so that
// finding those that overlap a span costs the cells it covers, not the
// spans claimed: each article's line is cut at every start and end of a
// span that will be claimed or asked about, and each cell lists the claimed
// spans over it. Building costs O(n log n) for n spans; a query costs
// O(log n) plus the cells of the span times the claimed spans over each
// (a handful: only nested mentions overlap).
type spans struct {
	pts   [][]int   // per article: the sorted distinct starts and ends
	heads [][]int32 // per article and cell: the first node, -1 if none
	nodes []spanNode
	all   []claimedSpan
	byArt [][]int32 // per article: the claimed spans, in order of claiming
	empty [][]int32 // per article: the claimed spans of no length
}

type spanNode struct{ span, next int32 }

type claimedSpan struct {
	se [2]int
	o  claim
}

// newSpans indexes the boundaries of every span that lex and all hold.
func newSpans(arts int, lex []Concept, all []ment) *spans {
	sp := &spans{pts: make([][]int, arts), heads: make([][]int32, arts), byArt: make([][]int32, arts), empty: make([][]int32, arts)}
	for _, lc := range lex {
		for _, m := range lc.Mentions {
			sp.pts[m.Article] = append(sp.pts[m.Article], m.Start, m.End)
		}
	}
	for _, m := range all {
		sp.pts[m.Article] = append(sp.pts[m.Article], m.Start, m.End)
	}
	for a, p := range sp.pts {
		slices.Sort(p)
		sp.pts[a] = slices.Compact(p)
	}
	return sp
}

// cell is the index of boundary x in article a's line.
func (sp *spans) cell(a, x int) int {
	i, ok := slices.BinarySearch(sp.pts[a], x)
	if !ok {
		panic("frame: span boundary not indexed")
	}
	return i
}

// claim records [start, end) in article a as held by o.
func (sp *spans) claim(a, start, end int, o claim) {
	id := int32(len(sp.all))
	sp.all = append(sp.all, claimedSpan{[2]int{start, end}, o})
	sp.byArt[a] = append(sp.byArt[a], id)
	if start >= end {
		sp.empty[a] = append(sp.empty[a], id)
		return
	}
	if sp.heads[a] == nil {
		sp.heads[a] = make([]int32, len(sp.pts[a]))
		for i := range sp.heads[a] {
			sp.heads[a][i] = -1
		}
	}
	h := sp.heads[a]
	for c, ce := sp.cell(a, start), sp.cell(a, end); c < ce; c++ {
		sp.nodes = append(sp.nodes, spanNode{id, h[c]})
		h[c] = int32(len(sp.nodes) - 1)
	}
}

// overlapping calls f with each claimed span of article a that overlaps
// [start, end) (shares a rune with it; for a span of no length, one that
// holds it strictly inside), and its holder, until f returns false. A span
// may be given more than once; the order is not that of claiming.
func (sp *spans) overlapping(a, start, end int, f func(se [2]int, o claim) bool) {
	over := func(id int32) bool {
		s := sp.all[id].se
		return !(start >= s[1] || s[0] >= end)
	}
	if start >= end {
		for _, id := range sp.byArt[a] {
			if over(id) && !f(sp.all[id].se, sp.all[id].o) {
				return
			}
		}
		return
	}
	for _, id := range sp.empty[a] {
		if over(id) && !f(sp.all[id].se, sp.all[id].o) {
			return
		}
	}
	h := sp.heads[a]
	if h == nil {
		return
	}
	for c, ce := sp.cell(a, start), sp.cell(a, end); c < ce; c++ {
		for n := h[c]; n >= 0; n = sp.nodes[n].next {
			id := sp.nodes[n].span
			if !f(sp.all[id].se, sp.all[id].o) {
				return
			}
		}
	}
}
