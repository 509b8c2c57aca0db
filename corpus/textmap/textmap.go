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
// Cost: 8 bytes of map per byte of derived text; Span is O(1).
package textmap

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Text is derived text S and, for each byte of S, the source rune range of
// the rune that byte belongs to.
type Text struct {
	S  string
	lo []int32
	hi []int32
}

// Identity maps src onto itself: every rune at its own offset.
func Identity(src string) Text {
	var b Builder
	b.Copy(src, 0)
	return b.Text()
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
	return int(t.lo[b0]), int(t.hi[b1-1])
}

func (t Text) pos(b int) int {
	switch {
	case len(t.lo) == 0:
		return 0
	case b < len(t.lo):
		return int(t.lo[b])
	default:
		return int(t.hi[len(t.hi)-1])
	}
}

// Builder assembles a Text piece by piece. The zero value is ready to use.
type Builder struct {
	sb     strings.Builder
	lo, hi []int32
	last   int32 // source end of the last piece, for Insert
}

// Grow reserves room for n more bytes.
func (b *Builder) Grow(n int) {
	b.sb.Grow(n)
	b.lo = slices.Grow(b.lo, n)
	b.hi = slices.Grow(b.hi, n)
}

// Copy appends s, which occurs verbatim in the source starting at rune offset src.
// It returns the source rune offset just after s.
func (b *Builder) Copy(s string, src int) int {
	b.Grow(len(s))
	b.sb.WriteString(s)
	p := int32(src)
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		for k := 0; k < n; k++ {
			b.lo = append(b.lo, p)
			b.hi = append(b.hi, p+1)
		}
		i += n
		p++
	}
	b.last = p
	return int(p)
}

// Replace appends s, which stands for the source runes [src, srcEnd): every
// byte of s maps to that whole range.
func (b *Builder) Replace(s string, src, srcEnd int) {
	b.Grow(len(s))
	b.sb.WriteString(s)
	for range len(s) {
		b.lo = append(b.lo, int32(src))
		b.hi = append(b.hi, int32(srcEnd))
	}
	b.last = int32(srcEnd)
}

// Insert appends s, which has no counterpart in the source; it maps to the
// empty range just after the previous piece.
func (b *Builder) Insert(s string) {
	b.Grow(len(s))
	b.sb.WriteString(s)
	for range len(s) {
		b.lo = append(b.lo, b.last)
		b.hi = append(b.hi, b.last)
	}
}

// Len is the number of bytes appended so far.
func (b *Builder) Len() int { return b.sb.Len() }

// Text returns the assembled Text. The Builder must not be used afterwards.
func (b *Builder) Text() Text {
	return Text{S: b.sb.String(), lo: b.lo, hi: b.hi}
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
	return j.pos(b0, false), j.pos(b1-1, true)
}

// pos maps byte b of S to the source: the start of its rune, or with end the
// end of its rune.
func (j Joined) pos(b int, end bool) int {
	if len(j.at) == 0 {
		return 0
	}
	i := sort.Search(len(j.at), func(i int) bool { return j.at[i] > b }) - 1
	if i < 0 {
		i = 0
	}
	off := b - j.at[i]
	if off >= j.n[i] { // in a separator, or past the end
		if j.n[i] == 0 {
			return j.base.pos(j.from[i])
		}
		return int(j.base.hi[j.from[i]+j.n[i]-1])
	}
	if end {
		return int(j.base.hi[j.from[i]+off])
	}
	return int(j.base.lo[j.from[i]+off])
}
