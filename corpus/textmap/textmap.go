// Package textmap holds text derived from a source document (a file, or one
// field of a JSON record) together with a map from every byte of the derived
// text back to the range of source characters it came from.
//
// Readers build a Text with a Builder: Copy for text taken verbatim from the
// source, Replace for text that stands for a different source range (a
// decoded HTML entity, a soft line break turned into a space), Insert for
// text with no source at all (a paragraph break between two HTML blocks).
// Span then answers "which source characters does this byte range of S cover",
// in runes, which is what every offset biasdiff prints is counted in.
//
// The map is kept as runs: stretches of S whose bytes map alike, either
// one source rune after another, all of the same UTF-8 width, or every byte
// to the same source range. A piece joins the run before it when it goes on
// mapping the same way: copied text of the same width at the next source
// rune (a Replace of up to 4 bytes by one source rune counts as copied), or a
// Replace or Insert to the same source range as the one before. So copied
// ASCII text is one run however many pieces it came in, and so is text
// replaced rune by rune from consecutive source runes. Anything else starts
// a run: a jump in the source, a change of UTF-8 width (twice per accented
// letter in Latin text, twice per word in Cyrillic), an entity, an inserted
// break.
//
// Cost: 16 bytes of map per run (a Builder allocates about twice that in
// all); Span is O(log runs), Joined.Span O(log pieces + log runs).
package textmap

import (
	"strings"
	"unicode/utf8"
)

// Text is derived text S and, for each byte of S, the source rune range of
// the rune that byte belongs to. A Text is never changed once built and may
// be read from many goroutines.
type Text struct {
	S string
	// runs covers S in order; runs[0] starts at byte 0 when S is not empty,
	// and each run ends where the next one starts (the last at len(S)).
	runs []run
}

// A run is a stretch of bytes of S that map alike. Its start byte in S and
// its kind are packed in key, as start<<3 | w:
//
//   - w in 1..4: a copy run of runes of w bytes each, the first being source
//     rune lo; byte start+k maps to [lo+k/w, lo+k/w+1). hi is unused.
//   - w == 0: a constant run; every byte maps to [lo, hi).
//
// Source offsets are int32 and wrap around as they always have.
type run struct {
	key    int64
	lo, hi int32
}

func (r run) start() int { return int(r.key >> 3) }
func (r run) width() int { return int(r.key & 7) }

// Identity maps src onto itself: every rune at its own offset.
func Identity(src string) Text {
	var b Builder
	b.Copy(src, 0)
	return b.Text()
}

// Shift returns t with every source offset moved n runes on: the map of
// text read from the source after n runes it skipped (a byte order mark).
// An empty text maps nothing and stays as it is.
func (t Text) Shift(n int) Text {
	runs := make([]run, len(t.runs))
	for i, r := range t.runs {
		r.lo += int32(n)
		if r.width() == 0 {
			r.hi += int32(n)
		}
		runs[i] = r
	}
	return Text{S: t.S, runs: runs}
}

// Len is len(t.S).
func (t Text) Len() int { return len(t.S) }

// Span maps the byte range [b0, b1) of S to the source rune range
// [start, end). An empty range maps to an empty range at the source
// position of b0 (or of the end, when b0 == len(S)).
func (t Text) Span(b0, b1 int) (start, end int) {
	if b0 >= b1 {
		p := t.pos(b0)
		return p, p
	}
	_, _ = t.S[b0], t.S[b1-1] // out of range panics as indexing S does
	i := t.runAt(b0)
	k := t.runFrom(i, b1-1)
	return int(t.runs[i].loAt(b0)), int(t.runs[k].hiAt(b1 - 1))
}

func (t Text) pos(b int) int {
	switch {
	case len(t.S) == 0:
		return 0
	case b < len(t.S):
		return int(t.lo(b))
	default:
		return int(t.hi(len(t.S) - 1))
	}
}

// lo is the start of the source range of byte b of S.
func (t Text) lo(b int) int32 {
	_ = t.S[b]
	return t.runs[t.runAt(b)].loAt(b)
}

// hi is the end of the source range of byte b of S.
func (t Text) hi(b int) int32 {
	_ = t.S[b]
	return t.runs[t.runAt(b)].hiAt(b)
}

// runAt returns the index of the run holding byte b of S.
func (t Text) runAt(b int) int {
	return search(t.runs, b)
}

// runFrom returns the index of the run holding byte b of S, which is run i
// or a later one. It gallops forward from i, so that finding the end of a
// short range from its start takes few steps.
func (t Text) runFrom(i, b int) int {
	rs := t.runs
	// the run is in rs[i:j]
	j := i + 1
	for step := 1; j < len(rs) && rs[j].start() <= b; step <<= 1 {
		i = j
		j += step
	}
	return i + search(rs[i:min(j, len(rs))], b)
}

// search returns the index of the last of rs that starts at or before b,
// which rs[0] must.
func search(rs []run, b int) int {
	i := 0
	for n := len(rs); n > 1; {
		h := n >> 1
		// i += h if rs[i+h] starts at or before b, without a branch to
		// mispredict: the shift is -1 when it starts after b, else 0
		i += h &^ ((b - rs[i+h].start()) >> 63)
		n -= h
	}
	return i
}

func (r run) loAt(b int) int32 {
	if w := r.width(); w > 0 {
		return r.lo + int32((b-r.start())/w)
	}
	return r.lo
}

func (r run) hiAt(b int) int32 {
	if w := r.width(); w > 0 {
		return r.lo + int32((b-r.start())/w) + 1
	}
	return r.hi
}

// Builder assembles a Text piece by piece. The zero value is ready to use.
type Builder struct {
	sb   strings.Builder
	runs []run // the runs since the last full chunk; the last run is runs[len(runs)-1]
	// Earlier runs, once there are many, in chunks that Text joins: this
	// allocates about twice the final map instead of the five times that
	// growing one slice by append would.
	full  [][]run
	nfull int   // runs in full
	last  int32 // source end of the last piece, for Insert
}

// chunkRuns is the size of a chunk of runs in a Builder.
const chunkRuns = 1024

// Grow reserves room for n more bytes.
func (b *Builder) Grow(n int) {
	b.sb.Grow(n)
}

// Copy appends s, which occurs verbatim in the source starting at rune offset src.
// It returns the source rune offset just after s.
func (b *Builder) Copy(s string, src int) int {
	at := b.sb.Len()
	b.sb.WriteString(s)
	p := int32(src)
	for i := 0; i < len(s); {
		// s[i:j]: the longest stretch of runes as wide as the one at i. An
		// invalid byte counts as a rune of width 1, as utf8 decodes it.
		w := runeWidth(s, i)
		j := i + w
		for j < len(s) {
			if s[j] < utf8.RuneSelf {
				if w != 1 {
					break
				}
				j++
			} else if runeWidth(s, j) == w {
				j += w
			} else {
				break
			}
		}
		b.addCopy(at+i, w, p)
		p += int32((j - i) / w)
		i = j
	}
	b.last = p
	return int(p)
}

func runeWidth(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

// Replace appends s, which stands for the source runes [src, srcEnd): every
// byte of s maps to that whole range.
func (b *Builder) Replace(s string, src, srcEnd int) {
	at := b.sb.Len()
	b.sb.WriteString(s)
	b.addConst(at, len(s), int32(src), int32(srcEnd))
	b.last = int32(srcEnd)
}

// Insert appends s, which has no counterpart in the source; it maps to the
// empty range just after the previous piece.
func (b *Builder) Insert(s string) {
	at := b.sb.Len()
	b.sb.WriteString(s)
	b.addConst(at, len(s), b.last, b.last)
}

// addCopy maps the bytes from at on, up to the next run, to runes of w
// bytes each starting at source rune p: a new run, unless the last run is
// one of runes as wide that reaches p just at at.
func (b *Builder) addCopy(at, w int, p int32) {
	if n := len(b.runs); n > 0 {
		l := b.runs[n-1]
		// a copy run of width w only ever grows by whole runes of w bytes
		if l.width() == w && l.lo+int32((at-l.start())/w) == p {
			return
		}
	}
	b.add(run{key: int64(at)<<3 | int64(w), lo: p})
}

// addConst maps the n bytes at at to [lo, hi).
func (b *Builder) addConst(at, n int, lo, hi int32) {
	if n == 0 {
		return
	}
	if k := len(b.runs); k > 0 {
		if l := b.runs[k-1]; l.width() == 0 && l.lo == lo && l.hi == hi {
			return
		}
	}
	if hi == lo+1 && n <= utf8.UTFMax {
		// one rune of n bytes standing for one source rune maps exactly as
		// a copy of it would, and may continue a copy run
		b.addCopy(at, n, lo)
		return
	}
	b.add(run{key: int64(at) << 3, lo: lo, hi: hi})
}

func (b *Builder) add(r run) {
	if len(b.runs) == cap(b.runs) && len(b.runs) >= chunkRuns {
		b.full = append(b.full, b.runs)
		b.nfull += len(b.runs)
		b.runs = make([]run, 0, chunkRuns)
	}
	b.runs = append(b.runs, r)
}

// Len is the number of bytes appended so far.
func (b *Builder) Len() int { return b.sb.Len() }

// Text returns the assembled Text. The Builder must not be used afterwards.
func (b *Builder) Text() Text {
	runs := b.runs
	if len(b.full) > 0 {
		runs = make([]run, 0, b.nfull+len(b.runs))
		for _, c := range b.full {
			runs = append(runs, c...)
		}
		runs = append(runs, b.runs...)
	}
	return Text{S: b.sb.String(), runs: runs}
}

// Joined is text made of byte ranges of a Text joined by a separator (the
// kept paragraphs of a page, say), mapped back to the source through that
// Text without a map of its own.
type Joined struct {
	S    string
	base Text
	at   []int // start of piece i in S
	from []int // start of piece i in base.S
	n    []int // length of piece i
}

// Join joins the byte ranges of base with sep between them.
func Join(base Text, ranges [][2]int, sep string) Joined {
	j := Joined{base: base, at: make([]int, len(ranges)), from: make([]int, len(ranges)), n: make([]int, len(ranges))}
	size := 0
	for _, r := range ranges {
		size += r[1] - r[0] + len(sep)
	}
	var sb strings.Builder
	sb.Grow(size)
	for i, r := range ranges {
		if i > 0 {
			sb.WriteString(sep)
		}
		j.at[i], j.from[i], j.n[i] = sb.Len(), r[0], r[1]-r[0]
		sb.WriteString(base.S[r[0]:r[1]])
	}
	j.S = sb.String()
	return j
}

// Span maps the byte range [b0, b1) of S to the source rune range, as
// Text.Span does; separator bytes map to the end of the piece before them.
func (j Joined) Span(b0, b1 int) (start, end int) {
	if b0 >= b1 {
		p := j.pos(b0, false)
		return p, p
	}
	// a range inside one piece is a range of base
	if i := j.piece(b0); i >= 0 {
		if off0, off1 := b0-j.at[i], b1-j.at[i]; off0 >= 0 && off1 <= j.n[i] {
			return j.base.Span(j.from[i]+off0, j.from[i]+off1)
		}
	}
	return j.pos(b0, false), j.pos(b1-1, true)
}

// piece returns the last piece that starts at or before byte b of S, or -1.
func (j Joined) piece(b int) int {
	lo, hi := 0, len(j.at)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if j.at[m] <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// pos maps byte b of S to the source: the start of its rune, or with end the
// end of its rune.
func (j Joined) pos(b int, end bool) int {
	if len(j.at) == 0 {
		return 0
	}
	i := max(j.piece(b), 0)
	off := b - j.at[i]
	if off >= j.n[i] { // in a separator, or past the end
		if j.n[i] == 0 {
			return j.base.pos(j.from[i])
		}
		return int(j.base.hi(j.from[i] + j.n[i] - 1))
	}
	if end {
		return int(j.base.hi(j.from[i] + off))
	}
	return int(j.base.lo(j.from[i] + off))
}
