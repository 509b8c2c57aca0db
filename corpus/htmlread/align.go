package htmlread

import (
	"bytes"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/textmap"
)

// aline is one extracted line being aligned to the source stream.
type aline struct {
	s    string
	norm []byte  // the non-space bytes of s
	pos  []int32 // byte offset in s of each byte of norm
	m    []int32 // per byte of s: index of the matched schar, or -1
	at   int     // start of the chosen exact match in stream.n, or -1
}

func newLine(s string) aline {
	l := aline{s: s, at: -1}
	l.norm = make([]byte, 0, len(s))
	l.pos = make([]int32, 0, len(s))
	l.m = make([]int32, len(s))
	for i := 0; i < len(s); i++ {
		l.m[i] = -1
		if s[i] != ' ' {
			l.norm = append(l.norm, s[i])
			l.pos = append(l.pos, int32(i))
		}
	}
	return l
}

// assign records that norm[a:b] matched stream.n starting at p.
func (l *aline) assign(st *stream, a, b, p int) {
	for k := a; k < b; k++ {
		l.m[l.pos[k]] = st.ni[p+k-a]
	}
}

func (l *aline) unassign(a, b int) {
	for k := a; k < b; k++ {
		l.m[l.pos[k]] = -1
	}
}

const (
	minMove   = 12   // shorter lines are not relocated
	farJump   = 4096 // a forward match this far also looks for an earlier one
	minPiece  = 6    // shorter pieces of a line are matched only nearby
	nearPiece = 16   // (in bytes of stream.n) when filling holes

	searchPasses = 64 // search budget, in passes over the stream
	searchExtra  = 32 << 20
	window       = 1 << 16 // a line is first looked for this far ahead
)

// index returns the first position in [from, to) where b starts in
// stream.n, or -1, and charges the bytes it scans to budget.
func index(n, b []byte, from, to int, budget *int) int {
	end := min(len(n), to+len(b)-1)
	if from < 0 || from >= end || *budget <= 0 {
		return -1
	}
	q := bytes.Index(n[from:end], b)
	if q < 0 {
		*budget -= end - from
		return -1
	}
	*budget -= q + len(b)
	return from + q
}

// align maps the extracted lines onto the visible characters of the source
// and builds the Text.
//
//  1. Each line, spaces removed, is looked for verbatim in the source stream
//     (spaces removed too), forward from the previous match; when it is not
//     there, or only far ahead, the earlier occurrence is a candidate too.
//  2. Of these candidates, the chain in text order with increasing source
//     positions and the most matched bytes is kept (a weighted longest
//     increasing subsequence), so a moved or duplicated line cannot drag the
//     others out of place.
//  3. A line left out that occurs verbatim elsewhere is moved there when
//     that place is free, or dropped when it only repeats a kept line.
//  4. A line still left over is matched piece by piece inside the source gap
//     between its kept neighbours (see matchPieces).
//  5. Characters still unmatched are mapped to the source between their
//     matched neighbours when that is short, else to a neighbour (build).
//
// placed is the number of characters of the text matched to a source
// character.
func align(st *stream, strs []string, nrunes int) (t textmap.Text, placed int) {
	lines := make([]aline, len(strs))
	for i, s := range strs {
		lines[i] = newLine(s)
	}
	// The searches below scan the stream; together they may scan it
	// searchPasses times plus searchExtra bytes (some milliseconds), so
	// that extractor output that matches nothing cannot make alignment
	// quadratic. Each step has its own share; lines past it stay unmatched.
	share := func(parts int) *int {
		b := (searchPasses*len(st.n) + searchExtra) * parts / 8
		return &b
	}
	chooseExact(st, lines, share(2))
	lines = relocate(st, lines, share(1))
	matchPieces(st, lines, share(5))
	for _, l := range lines {
		for k, m := range l.m {
			if m >= 0 && utf8.RuneStart(l.s[k]) {
				placed++
			}
		}
	}
	return build(st, lines, nrunes), placed
}

type cand struct {
	line       int
	start, end int
	score      int
	prev       int
}

func chooseExact(st *stream, lines []aline, budget *int) {
	n := st.n
	var cands []cand
	cursor := 0
	earlier := func(i int, b []byte) {
		if q := index(n, b, 0, cursor, budget); q >= 0 {
			cands = append(cands, cand{line: i, start: q, end: q + len(b)})
		}
	}
	for i := range lines {
		b := lines[i].norm
		if len(b) == 0 {
			continue
		}
		p := index(n, b, cursor, cursor+window+1, budget)
		if p < 0 {
			p = index(n, b, cursor+window+1, len(n), budget)
		}
		switch {
		case p < 0:
			if cursor > 0 {
				earlier(i, b)
			}
		default:
			if p-cursor > farJump && cursor > 0 {
				earlier(i, b)
			}
			cands = append(cands, cand{line: i, start: p, end: p + len(b)})
			cursor = p + len(b)
		}
	}
	if len(cands) == 0 {
		return
	}

	// Weighted longest chain: candidates of one line are scored against
	// those of earlier lines only, through a Fenwick tree of prefix maxima
	// over candidate ends.
	ends := make([]int, len(cands))
	for i, c := range cands {
		ends[i] = c.end
	}
	sort.Ints(ends)
	ends = compact(ends)
	fw := newFenwick(len(ends))
	better := func(a, b int) bool { // is candidate a a better predecessor than b
		if b < 0 {
			return a >= 0
		}
		if a < 0 {
			return false
		}
		if cands[a].score != cands[b].score {
			return cands[a].score > cands[b].score
		}
		return cands[a].end > cands[b].end
	}
	for g := 0; g < len(cands); {
		h := g
		for h < len(cands) && cands[h].line == cands[g].line {
			h++
		}
		for k := g; k < h; k++ {
			c := &cands[k]
			// predecessors end at or before c.start
			idx := sort.SearchInts(ends, c.start+1)
			c.prev = fw.query(idx, better)
			c.score = len(lines[c.line].norm)
			if c.prev >= 0 {
				c.score += cands[c.prev].score
			}
		}
		for k := g; k < h; k++ {
			fw.update(sort.SearchInts(ends, cands[k].end)+1, k, better)
		}
		g = h
	}
	best := -1
	for k := range cands {
		if best < 0 || cands[k].score > cands[best].score {
			best = k
		}
	}
	for k := best; k >= 0; k = cands[k].prev {
		c := cands[k]
		l := &lines[c.line]
		l.at = c.start
		l.assign(st, 0, len(l.norm), c.start)
	}
}

func compact(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// fenwick keeps, for prefixes of 1-based positions, the best candidate.
type fenwick []int

func newFenwick(n int) fenwick {
	f := make(fenwick, n+1)
	for i := range f {
		f[i] = -1
	}
	return f
}

func (f fenwick) update(i, c int, better func(a, b int) bool) {
	for ; i < len(f); i += i & -i {
		if better(c, f[i]) {
			f[i] = c
		}
	}
}

// query returns the best candidate at positions 1..i.
func (f fenwick) query(i int, better func(a, b int) bool) int {
	best := -1
	for ; i > 0; i -= i & -i {
		if better(f[i], best) {
			best = f[i]
		}
	}
	return best
}

// relocate handles the lines the chain left out that still occur verbatim in
// the source: a line the extractor moved is put back where its occurrence
// falls between the chain's matches, and a line the extractor repeated (its
// only occurrences are inside other lines' matches) is dropped. Short lines
// are never moved, and dropped only when they repeat a neighbour. The other
// lines keep their place after the line they followed.
func relocate(st *stream, lines []aline, budget *int) []aline {
	type span struct{ a, b int }
	var taken []span // chain matches, in increasing order
	for _, l := range lines {
		if l.at >= 0 {
			taken = append(taken, span{l.at, l.at + len(l.norm)})
		}
	}
	free := func(a, b int) bool {
		i := sort.Search(len(taken), func(i int) bool { return taken[i].b > a })
		return i == len(taken) || taken[i].a >= b
	}
	keys := make([]int, len(lines))
	drop := make([]bool, len(lines))
	moved := false
	key := -1
	for i := range lines {
		l := &lines[i]
		if l.at >= 0 {
			key = l.at
			keys[i] = key
			continue
		}
		keys[i] = key
		if len(l.norm) < minMove {
			// a short line is only dropped, and only when it repeats the
			// line before or after it
			for _, k := range []int{i - 1, i + 1} {
				if k >= 0 && k < len(lines) && lines[k].at >= 0 && bytes.Equal(lines[k].norm, l.norm) {
					drop[i] = true
				}
			}
			continue
		}
		found := false
		for from, tries := 0, 0; tries < 8; tries++ {
			p := index(st.n, l.norm, from, len(st.n), budget)
			if p < 0 {
				break
			}
			found = true
			if free(p, p+len(l.norm)) {
				l.at = p
				l.assign(st, 0, len(l.norm), p)
				keys[i] = p
				j := sort.Search(len(taken), func(j int) bool { return taken[j].a > p })
				taken = append(taken, span{})
				copy(taken[j+1:], taken[j:])
				taken[j] = span{p, p + len(l.norm)}
				moved = true
				break
			}
			from = p + 1
		}
		if l.at < 0 && found {
			// the text is in the source only where other lines are
			drop[i] = true
		}
	}
	if !moved && !slices.Contains(drop, true) {
		return lines
	}
	idx := make([]int, 0, len(lines))
	for i := range lines {
		if !drop[i] {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	out := make([]aline, len(idx))
	for k, i := range idx {
		out[k] = lines[i]
	}
	return out
}

// matchPieces aligns the lines without an exact match piece by piece, each
// inside the gap of the stream between the exact matches around it: the
// longest prefix of the rest of the line that occurs in the gap is matched
// at its first occurrence, then the search goes on after it; a character
// that starts no usable piece is skipped. Short pieces are then looked for
// in the holes between the pieces found. A line keeps its matches only if
// they cover half of it.
func matchPieces(st *stream, lines []aline, budget *int) {
	n := st.n
	lo := 0
	for i := 0; i < len(lines); i++ {
		if lines[i].at >= 0 {
			lo = lines[i].at + len(lines[i].norm)
			continue
		}
		hi := len(n)
		for k := i + 1; k < len(lines); k++ {
			if lines[k].at >= 0 {
				hi = lines[k].at
				break
			}
		}
		j := lo
		for ; i < len(lines) && lines[i].at < 0; i++ {
			l := &lines[i]
			if end, ok := matchLine(st, l, j, hi, budget); ok {
				j = end
			} else {
				l.unassign(0, len(l.norm))
			}
		}
		i-- // the loop above stopped on a matched line or the end
	}
}

// piece is a stretch norm[a:b] of a line matched at stream.n[p:].
type piece struct{ a, b, p int }

// matchLine matches the pieces of l inside stream.n[j:hi] and reports where
// its matches end, or false when they cover less than half of the line.
// The first piece is looked for within window, then (at a few word starts
// only) in the whole gap; the others close after the piece before.
func matchLine(st *stream, l *aline, j, hi int, budget *int) (int, bool) {
	n := st.n
	j0 := j
	var ps []piece
	skipped, wide := 0, 3
	for a := 0; a < len(l.norm) && j < hi && *budget > 0 && 2*skipped <= len(l.norm); {
		rest := l.norm[a:]
		end := min(hi, j+window)
		if len(ps) > 0 {
			// the rest of the line follows closely
			end = min(hi, j+2*len(rest)+1024)
		}
		k, p := longestPrefix(rest, n[j:end], budget)
		// a short piece only right after the previous one
		ok := k >= minPiece || k > 0 && p <= 2 && len(ps) > 0
		wordStart := a == 0 || l.pos[a] > l.pos[a-1]+1
		if !ok && len(ps) == 0 && end < hi && wide > 0 && wordStart {
			wide--
			k, p = longestPrefix(rest, n[j:hi], budget)
			ok = k >= minPiece
		}
		if ok {
			ps = append(ps, piece{a, a + k, j + p})
			j += p + k
			a += k
			continue
		}
		_, w := utf8.DecodeRune(rest)
		a += w
		skipped += w
	}
	if len(ps) == 0 {
		return 0, false
	}
	// holes: before the first piece, between pieces, after the last
	got := 0
	for h := 0; h <= len(ps); h++ {
		var a0, a1, s0, s1 int
		switch {
		case h == 0:
			// what precedes the first piece is looked for just before it
			a0, a1, s1 = 0, ps[0].a, ps[0].p
			s0 = max(j0, s1-a1-a1/2-4)
		case h == len(ps):
			last := ps[h-1]
			a0, a1, s0 = last.b, len(l.norm), last.p+last.b-last.a
			s1 = min(hi, s0+a1-a0+(a1-a0)/2+16)
		default:
			a0, a1 = ps[h-1].b, ps[h].a
			s0, s1 = ps[h-1].p+ps[h-1].b-ps[h-1].a, ps[h].p
		}
		if h < len(ps) {
			got += ps[h].b - ps[h].a
		}
		g, e := fill(st, l, a0, a1, s0, s1, budget)
		got += g
		j = max(j, e)
	}
	for _, p := range ps {
		l.assign(st, p.a, p.b, p.p)
	}
	if 2*got < len(l.norm) {
		return 0, false
	}
	return j, true
}

// fill matches norm[a0:a1] of l, in order, inside stream.n[s0:s1], a hole
// between matched pieces, and returns the bytes it matched and where in
// stream.n its matches end.
func fill(st *stream, l *aline, a0, a1, s0, s1 int, budget *int) (got, end int) {
	for a := a0; a < a1 && s0 < s1 && *budget > 0; {
		k, p := longestPrefix(l.norm[a:a1], st.n[s0:s1], budget)
		if k > 0 {
			l.assign(st, a, a+k, s0+p)
			got += k
			s0 += p + k
			end = s0
			a += k
			continue
		}
		_, w := utf8.DecodeRune(l.norm[a:a1])
		a += w
	}
	return got, end
}

// longestPrefix finds a long prefix of p, ending on a rune boundary, that
// occurs in s, and where. A prefix of minPiece bytes or more is looked for
// in all of s: from the first occurrence of its first minPiece bytes, it is
// extended in place, then moved to a later occurrence as long as a longer
// one exists (anywhere for a match shorter than 2*minPiece, close by for a
// longer one). A shorter prefix is only looked for at the first nearPiece
// positions of s. k is 0 when there is
// none. The bytes scanned are taken off budget.
func longestPrefix(p, s []byte, budget *int) (k, pos int) {
	if len(p) == 0 || len(s) == 0 {
		return 0, -1
	}
	seed := min(minPiece, len(p))
	pos = bytes.Index(s, p[:seed])
	if pos < 0 {
		*budget -= len(s)
		for q := 0; q <= nearPiece && q < len(s); q++ {
			if c := commonPrefix(p, s[q:]); c > k {
				k, pos = c, q
			}
		}
	} else {
		*budget -= pos + seed
		k = commonPrefix(p, s[pos:])
		// The match may be chance: prefer a longer one further on, in all
		// of s for a short match, close by for a longer one.
		for k < len(p) && pos+1 < len(s) {
			end := len(s)
			if k >= 2*minPiece {
				end = min(end, pos+2*len(p)+1024)
			}
			q := bytes.Index(s[pos+1:end], p[:k+1])
			if q < 0 {
				*budget -= end - pos
				break
			}
			*budget -= q + k + 1
			pos += 1 + q
			k = commonPrefix(p, s[pos:])
		}
	}
	for k > 0 && k < len(p) && !utf8.RuneStart(p[k]) {
		k--
	}
	if k == 0 {
		return 0, -1
	}
	return k, pos
}

func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// build emits the Text, one line per extracted line, with the mapping
// described in the package documentation. Whatever the alignment did, the
// emitted source ranges are clamped to [0, nrunes] and made non-decreasing.
func build(st *stream, lines []aline, nrunes int) textmap.Text {
	var b textmap.Builder
	total := 0
	for _, l := range lines {
		total += len(l.s) + 1
	}
	b.Grow(total)
	curLo, curHi := 0, 0
	emit := func(s string, lo, hi int) {
		lo = min(max(lo, curLo, 0), nrunes)
		hi = min(max(hi, curHi, lo), nrunes)
		b.Replace(s, lo, hi)
		curLo, curHi = lo, hi
	}
	// nextLo[i] is the source start of the first matched character in
	// lines[i:], or -1.
	nextLo := make([]int, len(lines)+1)
	nextLo[len(lines)] = -1
	for i := len(lines) - 1; i >= 0; i-- {
		nextLo[i] = nextLo[i+1]
		for _, m := range lines[i].m {
			if m >= 0 {
				nextLo[i] = int(st.ch[m].r0)
				break
			}
		}
	}
	var nextK []int
	for li := range lines {
		l := &lines[li]
		if li > 0 {
			b.Insert("\n")
			curLo = curHi
		}
		// nextK[k]: byte offset of the first matched byte at or after k.
		nextK = nextK[:0]
		for range len(l.s) + 1 {
			nextK = append(nextK, -1)
		}
		for k := len(l.s) - 1; k >= 0; k-- {
			nextK[k] = nextK[k+1]
			if l.m[k] >= 0 {
				nextK[k] = k
			}
		}
		if nextK[0] < 0 {
			// Nothing of the line was found: map it to the gap before the
			// next match when that gap is short, else to an empty range.
			lo, hi := curHi, curHi
			if nl := nextLo[li+1]; nl >= curHi && nl-curHi <= 4*utf8.RuneCountInString(l.s)+64 {
				hi = nl
			}
			emit(l.s, lo, hi)
			continue
		}
		prev, prevK := int32(-1), -1
		for k := 0; k < len(l.s); {
			_, w := utf8.DecodeRuneInString(l.s[k:])
			r := l.s[k : k+w]
			nx := int32(-1)
			if nextK[k] >= 0 {
				nx = l.m[nextK[k]]
			}
			switch m := l.m[k]; {
			case m >= 0:
				c := st.ch[m]
				emit(r, int(c.r0), int(c.r1))
				prev, prevK = m, k
			case r == " ":
				lo, hi, ok := spaceRun(st, prev, nx)
				if !ok {
					lo, hi = curHi, curHi
				}
				emit(r, lo, hi)
			case prev >= 0 && nx >= 0:
				// a changed stretch: the source between its neighbours,
				// unless that is much longer than the stretch
				lo, hi := int(st.ch[prev].r1), int(st.ch[nx].r0)
				if hi-lo > 4*(nextK[k]-prevK)+16 {
					lo, hi = int(st.ch[prev].r0), int(st.ch[prev].r1)
				}
				emit(r, lo, hi)
			case prev >= 0:
				emit(r, int(st.ch[prev].r0), int(st.ch[prev].r1))
			default:
				emit(r, int(st.ch[nx].r0), int(st.ch[nx].r1))
			}
			k += w
		}
	}
	return b.Text()
}

// spaceRun finds the white space of the source between the matched
// characters prev and next (either may be -1): the run right after prev, or
// else the run right before next.
func spaceRun(st *stream, prev, next int32) (lo, hi int, ok bool) {
	in := func(i int32) bool {
		return i >= 0 && int(i) < len(st.ch) && st.ch[i].space && (next < 0 || i < next) && i > prev
	}
	if prev >= 0 && in(prev+1) {
		e := prev + 1
		for in(e + 1) {
			e++
		}
		return int(st.ch[prev+1].r0), int(st.ch[e].r1), true
	}
	if next >= 0 && in(next-1) {
		s := next - 1
		for in(s - 1) {
			s--
		}
		return int(st.ch[s].r0), int(st.ch[next-1].r1), true
	}
	return 0, 0, false
}
