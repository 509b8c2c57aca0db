package textmap

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBuilder(t *testing.T) {
	// Source: "Tom &amp; Jérôme\nsaid" (runes): build "Tom & Jérôme said"
	// with the entity decoded and the line break turned into a space.
	var b Builder
	b.Copy("Tom ", 0)      // runes 0-3
	b.Replace("&", 4, 9)   // "&amp;" is runes 4-8
	b.Copy(" Jérôme", 9)   // runes 9-15
	b.Replace(" ", 16, 17) // the "\n"
	b.Copy("said", 17)     // runes 17-20
	b.Insert("\n")         // a block break with no source
	t1 := b.Text()
	if t1.S != "Tom & Jérôme said\n" {
		t.Fatalf("S = %q", t1.S)
	}
	cases := []struct {
		sub        string
		start, end int
	}{
		{"Tom", 0, 3},
		{"&", 4, 9},
		{"Tom & J", 0, 11},
		{"Jérôme", 10, 16},
		{"said", 17, 21},
		{"Jérôme said", 10, 21},
		{"\n", 21, 21},
	}
	for _, c := range cases {
		i := indexOf(t1.S, c.sub)
		s, e := t1.Span(i, i+len(c.sub))
		if s != c.start || e != c.end {
			t.Errorf("Span(%q) = %d-%d, want %d-%d", c.sub, s, e, c.start, c.end)
		}
	}
	if s, e := t1.Span(3, 3); s != 3 || e != 3 {
		t.Errorf("empty span = %d-%d, want 3-3", s, e)
	}
	if s, e := t1.Span(len(t1.S), len(t1.S)); s != 21 || e != 21 {
		t.Errorf("span at end = %d-%d, want 21-21", s, e)
	}
	id := Identity("añb")
	if s, e := id.Span(1, 3); s != 1 || e != 2 {
		t.Errorf("Identity: ñ at %d-%d, want 1-2", s, e)
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestJoined(t *testing.T) {
	base := Identity("ab\ncd éf\n\ngh") // runes: a0 b1 \n2 c3 d4 ' '5 é6 f7 \n8 \n9 g10 h11
	// pieces "ab", "cd éf", "gh" at bytes 0-2, 3-9, 11-13
	j := Join(base, [][2]int{{0, 2}, {3, 9}, {11, 13}}, "\n")
	if j.S != "ab\ncd éf\ngh" {
		t.Fatalf("S = %q", j.S)
	}
	cases := []struct {
		b0, b1, start, end int
	}{
		{0, 2, 0, 2},     // ab
		{3, 5, 3, 5},     // cd
		{6, 8, 6, 7},     // é
		{3, 9, 3, 8},     // cd éf
		{10, 12, 10, 12}, // gh
		{0, 12, 0, 12},   // all
		{2, 3, 2, 2},     // the separator maps to the end of "ab"
		{5, 5, 5, 5},     // empty
	}
	for _, c := range cases {
		if s, e := j.Span(c.b0, c.b1); s != c.start || e != c.end {
			t.Errorf("Span(%d, %d) = %d-%d, want %d-%d", c.b0, c.b1, s, e, c.start, c.end)
		}
	}
	if e := Join(base, nil, "\n"); e.S != "" {
		t.Errorf("empty join: %q", e.S)
	}
}

// The per-byte implementation this package used to have (8 bytes of map
// per byte of text), kept as the reference the run-based one must agree
// with on every input.

type refText struct {
	S  string
	lo []int32
	hi []int32
}

func (t refText) Span(b0, b1 int) (start, end int) {
	if b0 >= b1 {
		p := t.pos(b0)
		return p, p
	}
	return int(t.lo[b0]), int(t.hi[b1-1])
}

func (t refText) pos(b int) int {
	switch {
	case len(t.lo) == 0:
		return 0
	case b < len(t.lo):
		return int(t.lo[b])
	default:
		return int(t.hi[len(t.hi)-1])
	}
}

type refBuilder struct {
	sb     strings.Builder
	lo, hi []int32
	last   int32
}

func (b *refBuilder) Grow(n int) {
	b.sb.Grow(n)
	b.lo = slices.Grow(b.lo, n)
	b.hi = slices.Grow(b.hi, n)
}

func (b *refBuilder) Copy(s string, src int) int {
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

func (b *refBuilder) Replace(s string, src, srcEnd int) {
	b.Grow(len(s))
	b.sb.WriteString(s)
	for range len(s) {
		b.lo = append(b.lo, int32(src))
		b.hi = append(b.hi, int32(srcEnd))
	}
	b.last = int32(srcEnd)
}

func (b *refBuilder) Insert(s string) {
	b.Grow(len(s))
	b.sb.WriteString(s)
	for range len(s) {
		b.lo = append(b.lo, b.last)
		b.hi = append(b.hi, b.last)
	}
}

func (b *refBuilder) Len() int { return b.sb.Len() }

func (b *refBuilder) Text() refText {
	return refText{S: b.sb.String(), lo: b.lo, hi: b.hi}
}

type refJoined struct {
	S    string
	base refText
	at   []int
	from []int
	n    []int
}

func refJoin(base refText, ranges [][2]int, sep string) refJoined {
	j := refJoined{base: base, at: make([]int, len(ranges)), from: make([]int, len(ranges)), n: make([]int, len(ranges))}
	var sb strings.Builder
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

func (j refJoined) Span(b0, b1 int) (start, end int) {
	if b0 >= b1 {
		p := j.pos(b0, false)
		return p, p
	}
	return j.pos(b0, false), j.pos(b1-1, true)
}

func (j refJoined) pos(b int, end bool) int {
	if len(j.at) == 0 {
		return 0
	}
	i := sort.Search(len(j.at), func(i int) bool { return j.at[i] > b }) - 1
	if i < 0 {
		i = 0
	}
	off := b - j.at[i]
	if off >= j.n[i] {
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

// twin drives a Builder and a refBuilder with the same calls.
type twin struct {
	t   *testing.T
	b   Builder
	ref refBuilder
	src int // the source offset after the last Copy, to continue from
	log []string
}

func (w *twin) copy(s string, src int) {
	w.log = append(w.log, fmt.Sprintf("Copy(%q, %d)", s, src))
	got, want := w.b.Copy(s, src), w.ref.Copy(s, src)
	if got != want {
		w.t.Fatalf("%s\nCopy returned %d, want %d", w.trace(), got, want)
	}
	w.src = got
}

func (w *twin) replace(s string, src, srcEnd int) {
	w.log = append(w.log, fmt.Sprintf("Replace(%q, %d, %d)", s, src, srcEnd))
	w.b.Replace(s, src, srcEnd)
	w.ref.Replace(s, src, srcEnd)
	w.src = srcEnd
}

func (w *twin) insert(s string) {
	w.log = append(w.log, fmt.Sprintf("Insert(%q)", s))
	w.b.Insert(s)
	w.ref.Insert(s)
}

func (w *twin) grow(n int) {
	w.log = append(w.log, fmt.Sprintf("Grow(%d)", n))
	w.b.Grow(n)
	w.ref.Grow(n)
}

// trace lists the calls made, the last 40 of them.
func (w *twin) trace() string {
	if len(w.log) > 40 {
		return fmt.Sprintf("(%d calls before)\n", len(w.log)-40) + strings.Join(w.log[len(w.log)-40:], "\n")
	}
	return strings.Join(w.log, "\n")
}

// span calls f and reports its results, or that it panicked.
func span(f func(b0, b1 int) (int, int), b0, b1 int) (r [2]int, panicked bool) {
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	r[0], r[1] = f(b0, b1)
	return r, false
}

// check compares the two Texts, and Joins of them over ranges with sep,
// on every byte range, including out-of-range ones (which must panic in
// both or in neither).
func (w *twin) check(joins [][][2]int, seps []string) {
	w.t.Helper()
	if got, want := w.b.Len(), w.ref.Len(); got != want {
		w.t.Fatalf("%s\nLen = %d, want %d", w.trace(), got, want)
	}
	got, want := w.b.Text(), w.ref.Text()
	if got.S != want.S || got.Len() != len(want.S) {
		w.t.Fatalf("%s\nS = %q, want %q", w.trace(), got.S, want.S)
	}
	compare := func(what string, f, g func(b0, b1 int) (int, int), n int) {
		w.t.Helper()
		one := func(b0, b1 int) {
			w.t.Helper()
			r, p := span(f, b0, b1)
			rr, rp := span(g, b0, b1)
			if r != rr || p != rp {
				w.t.Fatalf("%s\n%s.Span(%d, %d) = %v (panic %v), want %v (panic %v)",
					w.trace(), what, b0, b1, r, p, rr, rp)
			}
		}
		if n <= 100 { // every pair
			for b0 := -2; b0 <= n+2; b0++ {
				for b1 := -2; b1 <= n+2; b1++ {
					one(b0, b1)
				}
			}
			return
		}
		// every short range, and long ones from everywhere
		r := rand.New(rand.NewPCG(uint64(n), 1))
		for b0 := -2; b0 <= n+2; b0++ {
			for b1 := b0 - 1; b1 <= b0+5; b1++ {
				one(b0, b1)
			}
			one(b0, b0+r.IntN(n+3-b0))
			one(r.IntN(b0+3)-2, b0)
		}
	}
	compare(fmt.Sprintf("Text %.200q", got.S), got.Span, want.Span, len(got.S))
	for k, ranges := range joins {
		j, rj := Join(got, ranges, seps[k]), refJoin(want, ranges, seps[k])
		if j.S != rj.S {
			w.t.Fatalf("%s\nJoin(%v, %q).S = %q, want %q", w.trace(), ranges, seps[k], j.S, rj.S)
		}
		compare(fmt.Sprintf("Join(%v, %q)", ranges, seps[k]), j.Span, rj.Span, len(j.S))
	}
}

// pieceAtoms are what random pieces are made of: ASCII, runes of 2, 3 and
// 4 bytes, U+FFFD itself, invalid bytes and truncated sequences (which may
// complete a rune across two pieces).
var pieceAtoms = []string{
	"a", "b", " ", "\n", "é", "ж", "€", "日", "😀", "\uFFFD",
	"\xff", "\x80", "\xe2\x82", "\xac", "\xf0\x9f", "\x98\x80",
}

var seps = []string{"", "\n", "\n\n", "é", " | ", "\xff"}

func randPiece(r *rand.Rand) string {
	var sb strings.Builder
	for range r.IntN(6) { // empty one time in six
		sb.WriteString(pieceAtoms[r.IntN(len(pieceAtoms))])
	}
	return sb.String()
}

// randSrc is a source offset: mostly continuing the last piece, sometimes a
// jump, rarely one that wraps int32 or is negative.
func randSrc(r *rand.Rand, cont int) int {
	switch r.IntN(10) {
	case 0:
		return r.IntN(50)
	case 1:
		return cont + 1 + r.IntN(3)
	case 2:
		switch r.IntN(4) {
		case 0:
			return math.MaxInt32 - r.IntN(3)
		case 1:
			return -1 - r.IntN(3)
		case 2:
			return 1<<32 + r.IntN(3)
		default:
			return cont
		}
	default:
		return cont
	}
}

func randRanges(r *rand.Rand, n int) [][2]int {
	var rs [][2]int
	for range r.IntN(5) {
		a := r.IntN(n + 1)
		b := a + r.IntN(n-a+1)
		if r.IntN(4) == 0 {
			b = a // a zero-length piece
		}
		rs = append(rs, [2]int{a, b})
	}
	if r.IntN(3) == 0 { // in order, as the readers use it
		slices.SortFunc(rs, func(x, y [2]int) int { return x[0] - y[0] })
	}
	return rs
}

func TestAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for range 3000 {
		w := &twin{t: t}
		for range r.IntN(9) {
			switch r.IntN(7) {
			case 0, 1, 2:
				w.copy(randPiece(r), randSrc(r, w.src))
			case 3, 4:
				s := randPiece(r)
				src := randSrc(r, w.src)
				end := src + r.IntN(3)
				if r.IntN(2) == 0 {
					end = src + 1 // one rune for one, as the HTML reader does
				}
				w.replace(s, src, end)
			case 5:
				w.insert(randPiece(r))
			case 6:
				w.grow(r.IntN(10))
			}
		}
		n := w.b.Len()
		var joins [][][2]int
		var js []string
		for range 3 {
			joins = append(joins, randRanges(r, n))
			js = append(js, seps[r.IntN(len(seps))])
		}
		w.check(joins, js)
	}
}

// TestManyRuns compares texts of many runs, more than a Builder keeps in
// one chunk.
func TestManyRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	for _, calls := range []int{chunkRuns - 1, chunkRuns, chunkRuns + 1, 3*chunkRuns + 100, 9000} {
		w := &twin{t: t}
		for range calls {
			switch s := randPiece(r); r.IntN(4) {
			case 0:
				w.copy(s, w.src+1) // a jump: a new run
			case 1:
				w.copy(s, randSrc(r, w.src))
			case 2:
				w.replace(s, w.src, w.src+r.IntN(3))
			case 3:
				w.insert(s)
			}
		}
		if n := len(w.b.runs) + w.b.nfull; n < calls/3 || calls > 2*chunkRuns && len(w.b.full) < 2 {
			t.Errorf("%d calls made only %d runs, %d full chunks", calls, n, len(w.b.full))
		}
		n := w.b.Len()
		w.check([][][2]int{randRanges(r, n), {{0, n / 3}, {n / 3, n / 2}, {n / 2, n}}}, []string{"\n", ""})
	}
}

// TestLongRuns checks merged runs on a longer text: whole lines copied,
// rune-by-rune replacements continuing each other, Inserts and jumps.
func TestLongRuns(t *testing.T) {
	src := strings.Repeat("Tom & Jérôme said: Москва 日本語 😀\n", 6)
	w := &twin{t: t}
	p := 0
	for i, line := range strings.SplitAfter(src, "\n") {
		switch i % 3 {
		case 0:
			w.copy(line, p)
			p = w.src
		case 1:
			for _, c := range line {
				w.replace(string(c), p, p+1)
				p++
			}
		case 2:
			w.insert("\n")
			w.copy(line, p+3)
			p = w.src
		}
	}
	w.check([][][2]int{{{0, 10}, {20, 20}, {30, w.b.Len()}}}, []string{"\n"})
	if got := len(Identity(strings.Repeat("abc ", 1000)).runs); got != 1 {
		t.Errorf("Identity of ASCII: %d runs, want 1", got)
	}
	var b Builder
	b.Copy("ab", 0)
	b.Replace(" ", 2, 3)
	b.Replace("é", 3, 4) // a different width: a new run
	b.Copy("cd", 4)
	b.Insert("\n")
	b.Insert("\n")
	b.Copy("ef", 6)
	if got := len(b.Text().runs); got != 5 {
		t.Errorf("%d runs, want 5 (ab·, é, cd, \\n\\n, ef)", got)
	}
}

// FuzzBuilder drives both builders with calls decoded from the fuzz input
// and compares every Span, of the Text and of a Join of it.
func FuzzBuilder(f *testing.F) {
	f.Add([]byte("\x00\x03abc\x01\x02\xc3\xa9\x02\x01\n\x00\x02\xff\x80"))
	f.Add([]byte("\x01\x04\xe2\x82\xac!\x05\x00\x02\xf0\x9f\x00\x02\x98\x80"))
	f.Add([]byte("\x03\x05ab cd\x02\x01\n\x00\x03efg\x07\x02\x01\x04\x03\x03"))
	f.Fuzz(func(t *testing.T, data []byte) {
		next := func() int {
			if len(data) == 0 {
				return 0
			}
			c := data[0]
			data = data[1:]
			return int(c)
		}
		str := func() string {
			n := min(next()%8, len(data))
			s := string(data[:n])
			data = data[n:]
			return s
		}
		w := &twin{t: t}
		for calls := 0; len(data) > 0 && calls < 24; calls++ {
			c := next()
			// the high bits of the op byte choose the source offset
			src := w.src
			switch c >> 4 {
			case 1:
				src++
			case 2:
				src += 2
			case 3:
				src = next()
			case 4:
				src = math.MaxInt32 - next()%3
			case 5:
				src = -next() % 3
			case 6:
				src = 1<<32 + next()%3
			}
			switch c & 3 {
			case 0:
				w.copy(str(), src)
			case 1:
				s := str()
				w.replace(s, src, src+(c>>2)&3)
			case 2:
				w.insert(str())
			case 3:
				w.grow(next())
			}
		}
		n := w.b.Len()
		var ranges [][2]int
		for range next() % 5 {
			a := next() % (n + 1)
			ranges = append(ranges, [2]int{a, a + next()%(n-a+1)})
		}
		w.check([][][2]int{ranges}, []string{seps[next()%len(seps)]})
	})
}

func TestShift(t *testing.T) {
	var b Builder
	pos := b.Copy("ab", 0)
	b.Replace(" ", pos, pos+1)
	b.Copy("é€", pos+1)
	tx := b.Text().Shift(1)
	cases := []struct{ b0, b1, lo, hi int }{
		{0, 1, 1, 2}, {0, 2, 1, 3}, {2, 3, 3, 4}, {3, 5, 4, 5}, {5, 8, 5, 6}, {0, len(tx.S), 1, 6}, {len(tx.S), len(tx.S), 6, 6},
	}
	for _, c := range cases {
		if lo, hi := tx.Span(c.b0, c.b1); lo != c.lo || hi != c.hi {
			t.Errorf("Span(%d, %d) = %d, %d; want %d, %d", c.b0, c.b1, lo, hi, c.lo, c.hi)
		}
	}
}
