// Package wdiff computes a word-level diff of two texts and keeps it as
// data: edits with byte ranges into both texts, so that callers can
// highlight, count or extract the changed wording ("returned" → "handed
// over") without parsing a rendered diff.
//
// Words(a, b) takes any two strings (invalid UTF-8 included) and returns
// edits that tile both texts in order: concatenating a[e.A.Start:e.A.End]
// over all edits gives a, and likewise b with e.B. The texts are never
// changed. An Equal edit covers the same sequence of tokens on both sides,
// compared by their normal form (corpus/token.Normalize: case folded,
// curly and straight quotes and dashes unified), so “outrageous” and
// "Outrageous" are equal. A Delete's range in b and an Insert's range in a
// are empty, positioned where the change applies; a replacement is a
// Delete immediately followed by an Insert, and Replacements lists them.
//
// Tokens are words, numbers, punctuation marks and symbols as
// corpus/token.Tokenize splits them. White space (and the control and
// format characters the tokenizer drops) is not a token and never makes
// two texts differ, but the ranges cover it: white space inside a run of
// changed tokens belongs to that run, and white space between runs goes to
// the neighbouring Equal edit, so that Delete and Insert ranges begin and
// end on a token. Where a text begins or ends with a change, the white
// space before or after it, if any, is an Equal edit of its own, with no
// tokens on either side. Texts with the same tokens give one Equal edit;
// two empty texts give none.
//
// Most word diffs split the texts into words and run a character diff
// over them, or take the minimal edit script, which fragments a changed
// phrase around every common "the" and "of". Here each distinct
// normalised token that occurs in both texts is mapped to one rune, and
// the tokens of one text only to one rune per side (they can never
// match); the rune strings are diffed with
// github.com/sergi/go-diff/diffmatchpatch (DiffMainRunes, Myers's
// algorithm with common prefix and suffix trimmed first) and the result
// is passed through its DiffCleanupSemantic, which gives up minimality for
// readability: an equality no longer than the changes on both sides of it
// is folded into one replacement, lengths counted in tokens, so the diff
// reads "[-demands the return-]{+wants the handover+}" rather than
// "[-demands-]{+wants+} the [-return-]{+handover+}".
//
// The diff runs without a time limit, so the result is deterministic. It
// costs O((n+m)·d) time and O(n+m) space for n and m tokens of which d
// differ: linear for similar texts, quadratic only for long unrelated ones
// (texts with no token in common are a single replacement at once), plus
// O(len(a)+len(b)) to tokenize.
//
// Render shows the edits inline, in the style of wdiff and git's word
// diff: "the islands were [-returned-]{+handed over+}".
package wdiff

import (
	"cmp"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is an edit operation.
type Op int8

const (
	Equal  Op = iota // the same tokens in a and b
	Delete           // tokens of a that b lacks; B is empty
	Insert           // tokens of b that a lacks; A is empty
)

var opNames = [...]string{Equal: "Equal", Delete: "Delete", Insert: "Insert"}

func (op Op) String() string {
	if op >= 0 && int(op) < len(opNames) {
		return opNames[op]
	}
	return "Op(" + strconv.Itoa(int(op)) + ")"
}

// Range is a byte range [Start, End) of a text.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of r in bytes.
func (r Range) Len() int { return r.End - r.Start }

// Edit is one run of tokens: A is its byte range in a, B in b. The range of
// a Delete in b, and of an Insert in a, is empty and positioned where the
// edit applies.
type Edit struct {
	Op Op    `json:"op"`
	A  Range `json:"a"`
	B  Range `json:"b"`
}

// MarshalText writes an Op as its name ("equal", "delete", "insert"), for
// JSON.
func (op Op) MarshalText() ([]byte, error) {
	if op >= 0 && int(op) < len(opJSON) {
		return []byte(opJSON[op]), nil
	}
	return []byte(op.String()), nil
}

var opJSON = [...]string{Equal: "equal", Delete: "delete", Insert: "insert"}

// Words diffs a and b token by token and returns edits that tile both
// texts in order. It returns nil when both texts are empty. See the package
// documentation for the contract and the cost.
func Words(a, b string) []Edit {
	return Tokens(a, b, token.Tokenize(a), token.Tokenize(b))
}

// Tokens is Words for texts already tokenized: ta and tb must be
// token.Tokenize(a) and token.Tokenize(b) (the tokens an Article keeps).
func Tokens(a, b string, ta, tb []token.Token) []Edit {
	segs := diffTokens(ta, tb)
	return layout(len(a), len(b), ta, tb, segs)
}

// seg is one edit in token indexes: a tokens [as, ae), b tokens [bs, be).
type seg struct {
	op             Op
	as, ae, bs, be int
}

// Rune encoding. Runes below 0x80 are avoided: DiffCleanupSemantic scores
// ASCII letters, digits, spaces and line breaks as word and line
// boundaries, and with every rune outside ASCII all boundaries between
// tokens score alike, as they should. Surrogates are skipped, as they do not
// survive the library's conversions to string, and so is U+FFFD, which
// invalid UTF-8 decodes to.
const (
	onlyA     = 0x100 // every token that occurs in a only
	onlyB     = 0x101 // every token that occurs in b only
	firstRune = 0x102 // the first token that occurs in both
)

// diffTokens diffs the token sequences by their Norm and returns the
// edits as token index ranges.
func diffTokens(ta, tb []token.Token) []seg {
	ra, rb, shared := encode(ta, tb)
	if !shared {
		// Nothing can match: skip the O((n+m)²) search for nothing.
		return wholesale(len(ta), len(tb))
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // deterministic: no deadline, no half-match shortcut
	diffs := dmp.DiffMainRunes(ra, rb, false)
	if segs, ok := toSegs(dmp.DiffCleanupSemantic(slices.Clone(diffs)), ra, rb); ok {
		return segs
	}
	// Not reached with go-diff v1.4.0 (see TestCleanupSemanticOnRunes),
	// but a library change must not break the contract.
	if segs, ok := toSegs(diffs, ra, rb); ok {
		return segs
	}
	return wholesale(len(ta), len(tb))
}

// wholesale is the diff that deletes all of a and inserts all of b.
func wholesale(na, nb int) []seg {
	var segs []seg
	if na > 0 {
		segs = append(segs, seg{op: Delete, ae: na})
	}
	if nb > 0 {
		segs = append(segs, seg{op: Insert, as: na, ae: na, be: nb})
	}
	return segs
}

// encode maps tokens to runes: one rune per distinct Norm that occurs in
// both texts, onlyA and onlyB for the others. It reports whether any token
// occurs in both. If there are more distinct shared Norms than runes (over
// a million), the excess are encoded as unshared: never matched, so the diff
// stays correct but is no longer minimal.
func encode(ta, tb []token.Token) (ra, rb []rune, shared bool) {
	const inA = -1 // seen in a, not (yet) in b
	ids := make(map[string]rune, len(ta))
	for _, t := range ta {
		ids[t.Norm] = inA
	}
	next := rune(firstRune)
	rb = make([]rune, len(tb))
	for i, t := range tb {
		id, ok := ids[t.Norm]
		switch {
		case !ok:
			id = onlyB
		case id == inA:
			if next > utf8.MaxRune {
				id = onlyB
				break
			}
			id = next
			ids[t.Norm] = id
			shared = true
			switch next++; next {
			case 0xD800: // surrogates are not runes
				next = 0xE000
			case utf8.RuneError: // what invalid UTF-8 decodes to
				next++
			}
		}
		rb[i] = id
	}
	ra = make([]rune, len(ta))
	for i, t := range ta {
		id := ids[t.Norm]
		if id == inA {
			id = onlyA
		}
		ra[i] = id
	}
	return ra, rb, shared
}

// toSegs converts diffs of the rune strings ra and rb to token index
// ranges, checking that they are a diff of exactly ra and rb.
func toSegs(diffs []diffmatchpatch.Diff, ra, rb []rune) ([]seg, bool) {
	segs := make([]seg, 0, len(diffs))
	i, j := 0, 0
	for _, d := range diffs {
		s := seg{as: i, bs: j}
		for _, r := range d.Text {
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				if i >= len(ra) || j >= len(rb) || ra[i] != r || rb[j] != r {
					return nil, false
				}
				i++
				j++
			case diffmatchpatch.DiffDelete:
				if i >= len(ra) || ra[i] != r {
					return nil, false
				}
				i++
			case diffmatchpatch.DiffInsert:
				if j >= len(rb) || rb[j] != r {
					return nil, false
				}
				j++
			default:
				return nil, false
			}
		}
		s.ae, s.be = i, j
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			s.op = Equal
		case diffmatchpatch.DiffDelete:
			s.op = Delete
		case diffmatchpatch.DiffInsert:
			s.op = Insert
		}
		if s.ae == s.as && s.be == s.bs {
			continue // an empty diff
		}
		// Merge with the previous edit of the same kind (go-diff merges
		// them already; this keeps the result canonical regardless).
		if n := len(segs); n > 0 && segs[n-1].op == s.op {
			segs[n-1].ae, segs[n-1].be = s.ae, s.be
			continue
		}
		segs = append(segs, s)
	}
	if i != len(ra) || j != len(rb) {
		return nil, false
	}
	return segs, true
}

// layout turns token edits into byte-range edits tiling texts of lengths
// la and lb with tokens ta and tb.
func layout(la, lb int, ta, tb []token.Token, segs []seg) []Edit {
	// Equal edits with no tokens at either end take the white space before
	// the first change and after the last one; those left empty are
	// dropped below.
	if len(segs) == 0 || segs[0].op != Equal {
		segs = slices.Insert(segs, 0, seg{op: Equal})
	}
	if last := segs[len(segs)-1]; last.op != Equal {
		segs = append(segs, seg{op: Equal, as: len(ta), ae: len(ta), bs: len(tb), be: len(tb)})
	}
	edits := make([]Edit, len(segs))
	for i, s := range segs {
		edits[i].Op = s.op
	}
	place(edits, segs, ta, la, func(s seg) (int, int) { return s.as, s.ae }, func(e *Edit) *Range { return &e.A })
	place(edits, segs, tb, lb, func(s seg) (int, int) { return s.bs, s.be }, func(e *Edit) *Range { return &e.B })
	edits = slices.DeleteFunc(edits, func(e Edit) bool { return e.A.Len() == 0 && e.B.Len() == 0 })
	if len(edits) == 0 {
		return nil
	}
	return edits
}

// place sets the byte ranges of edits in one text (length n, tokens toks);
// span gives the token range of a seg in this text and rng the Range of an
// edit to set.
//
// The gaps between tokens (gap j is before token j; gap 0 leads, gap
// len(toks) trails) are given whole to one edit: the one whose tokens are
// on both sides of it if there is one; otherwise, among the edits that
// touch it, in order of preference, the edit before it if Equal, the edit
// after it if Equal, an Equal edit with no tokens here, then any.
func place(edits []Edit, segs []seg, toks []token.Token, n int, span func(seg) (int, int), rng func(*Edit) *Range) {
	nt := len(toks)
	owner := make([]int32, nt+1)
	prio := make([]int8, nt+1)
	for j := range prio {
		prio[j] = 127
	}
	claim := func(j, e int, p int8) {
		if p < prio[j] {
			prio[j], owner[j] = p, int32(e)
		}
	}
	for e, s := range segs {
		start, end := span(s)
		eq := s.op == Equal
		if start == end {
			claim(start, e, pick(eq, 2, 5))
			continue
		}
		claim(start, e, pick(eq, 1, 4)) // e is after gap start
		for j := start + 1; j < end; j++ {
			claim(j, e, -1) // inside e
		}
		claim(end, e, pick(eq, 0, 3)) // e is before gap end
	}
	gapStart := func(j int) int {
		if j == 0 {
			return 0
		}
		return toks[j-1].End
	}
	gapEnd := func(j int) int {
		if j == nt {
			return n
		}
		return toks[j].Start
	}
	pos := 0
	for e, s := range segs {
		start, end := span(s)
		r := rng(&edits[e])
		r.Start = pos
		if start < end {
			pos = toks[end-1].End
		}
		if owner[end] == int32(e) {
			pos = gapEnd(end)
		} else if start < end {
			pos = max(pos, gapStart(end))
		}
		r.End = pos
	}
}

func pick(eq bool, ifEqual, otherwise int8) int8 {
	if eq {
		return ifEqual
	}
	return otherwise
}

// Replacements returns the replacements among edits: each Delete
// immediately followed by an Insert, as {Delete, Insert}. These are the
// candidate alternative wordings of the same thing: a[p[0].A] in a,
// b[p[1].B] in b ("returned" → "handed over"). An Insert immediately
// followed by a Delete (which Words does not produce) counts too, reordered
// as {Delete, Insert}.
func Replacements(edits []Edit) [][2]Edit {
	var out [][2]Edit
	for i := 0; i+1 < len(edits); i++ {
		x, y := edits[i], edits[i+1]
		switch {
		case x.Op == Delete && y.Op == Insert:
			out = append(out, [2]Edit{x, y})
		case x.Op == Insert && y.Op == Delete:
			out = append(out, [2]Edit{y, x})
		default:
			continue
		}
		i++
	}
	return out
}

// Render writes the diff of a and b given by edits (from Words(a, b)) as
// text: Equal edits as in a, deletions as [-old-] and insertions as
// {+new+}, a replacement as [-old-]{+new+}. White space comes from a,
// except around an insertion with no deletion next to it, which takes the
// white space around it in b: "the islands {+were+} returned".
func Render(a, b string, edits []Edit) string {
	var out []byte
	var ta, tb []token.Token // tokenized on the first pure insertion
	skipA := 0               // a[:skipA] has been shown (or replaced)
	rawStart, rawA := -1, 0  // out[rawStart:] == a[rawA:skipA], if rawStart >= 0
	for i, e := range edits {
		switch e.Op {
		case Equal:
			start := clamp(max(e.A.Start, skipA), len(a))
			end := clamp(max(e.A.End, start), len(a))
			if start == end {
				continue
			}
			if rawStart < 0 || rawA+(len(out)-rawStart) != start {
				rawStart, rawA = len(out), start
			}
			out = append(out, a[start:end]...)
			skipA = end
		case Delete:
			if e.A.Len() <= 0 {
				continue
			}
			out = append(out, "[-"...)
			out = append(out, slice(a, e.A)...)
			out = append(out, "-]"...)
			skipA = max(skipA, clamp(e.A.End, len(a)))
			rawStart = -1
		case Insert:
			if e.B.Len() <= 0 {
				continue
			}
			pure := (i == 0 || edits[i-1].Op != Delete) && (i+1 == len(edits) || edits[i+1].Op != Delete)
			if !pure {
				out = append(out, "{+"...)
				out = append(out, slice(b, e.B)...)
				out = append(out, "+}"...)
				rawStart = -1
				continue
			}
			if ta == nil {
				ta, tb = token.Tokenize(a), token.Tokenize(b)
			}
			// Replace a's white space at the insertion point by b's
			// white space before and after the insertion.
			x := clamp(e.A.Start, len(a))
			gs, ge := gapAround(ta, x, len(a))
			if rawStart >= 0 && rawA+(len(out)-rawStart) == x && gs < x {
				keep := max(gs, rawA)
				out = out[:rawStart+keep-rawA]
			}
			bs, be := clamp(e.B.Start, len(b)), clamp(e.B.End, len(b))
			gbs, _ := gapAround(tb, bs, len(b))
			_, gbe := gapAround(tb, be, len(b))
			out = append(out, b[min(gbs, bs):bs]...)
			out = append(out, "{+"...)
			out = append(out, b[bs:max(bs, be)]...)
			out = append(out, "+}"...)
			out = append(out, b[be:max(be, gbe)]...)
			skipA = max(skipA, ge)
			rawStart = -1
		}
	}
	return string(out)
}

// gapAround returns the white space around byte offset x of a text of
// length n with tokens toks: from the end of the last token ending at or
// before x to the start of the first token starting at or after x.
func gapAround(toks []token.Token, x, n int) (start, end int) {
	i, _ := slices.BinarySearchFunc(toks, x, func(t token.Token, x int) int { return cmp.Compare(t.Start, x) })
	end = n
	if i < len(toks) {
		end = toks[i].Start
	}
	if i > 0 {
		start = min(toks[i-1].End, x)
	}
	return start, end
}

func clamp(x, n int) int { return min(max(x, 0), n) }

func slice(s string, r Range) string {
	start := clamp(r.Start, len(s))
	return s[start:clamp(max(r.End, start), len(s))]
}
