package wdiff

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// testCases is the conformance table, in the manner of
// golang.org/x/tools/internal/diff/difftest: every case is checked
// semantically (checkEdits: the edits tile both texts, Equal edits match,
// applying them to a gives b), and against its golden Render output and,
// where given, its golden Edits. The golden data may need updating when
// the diff algorithm changes; the semantic checks may not.
var testCases = []struct {
	Name, A, B, Render string
	Edits              []Edit // expectation (nil: not checked)
	NoDiff             bool   // a and b are equal: one Equal edit, or none
}{{
	Name:   "empty",
	NoDiff: true,
}, {
	Name:   "identical",
	A:      "The ministry said the talks would continue.",
	B:      "The ministry said the talks would continue.",
	Render: "The ministry said the talks would continue.",
	Edits:  []Edit{{Equal, Range{0, 43}, Range{0, 43}}},
	NoDiff: true,
}, {
	Name:   "white space only",
	A:      " ",
	B:      "\n\n",
	Render: " ",
	Edits:  []Edit{{Equal, Range{0, 1}, Range{0, 2}}},
	NoDiff: true,
}, {
	Name:   "white space differs",
	A:      "Lavrov  met\nKono",
	B:      " Lavrov met Kono\n",
	Render: "Lavrov  met\nKono",
	Edits:  []Edit{{Equal, Range{0, 16}, Range{0, 17}}},
	NoDiff: true,
}, {
	Name:   "empty a",
	A:      "",
	B:      "Talks resumed.",
	Render: "{+Talks resumed.+}",
	Edits:  []Edit{{Insert, Range{0, 0}, Range{0, 14}}},
}, {
	Name:   "empty b",
	A:      "Talks resumed.",
	B:      "",
	Render: "[-Talks resumed.-]",
	Edits:  []Edit{{Delete, Range{0, 14}, Range{0, 0}}},
}, {
	Name:   "white space a",
	A:      "\n",
	B:      "Talks resumed.",
	Render: "{+Talks resumed.+}",
	Edits: []Edit{
		{Equal, Range{0, 1}, Range{0, 0}},
		{Insert, Range{1, 1}, Range{0, 14}},
	},
}, {
	Name:   "one-word replacement",
	A:      "the islands were returned",
	B:      "the islands were handed over",
	Render: "the islands were [-returned-]{+handed over+}",
	Edits: []Edit{
		{Equal, Range{0, 17}, Range{0, 17}},
		{Delete, Range{17, 25}, Range{17, 17}},
		{Insert, Range{25, 25}, Range{17, 28}},
	},
}, {
	Name:   "replacement at start",
	A:      "Moscow said on Monday",
	B:      "Tokyo said on Tuesday",
	Render: "[-Moscow-]{+Tokyo+} said on [-Monday-]{+Tuesday+}",
	Edits: []Edit{
		{Delete, Range{0, 6}, Range{0, 0}},
		{Insert, Range{6, 6}, Range{0, 5}},
		{Equal, Range{6, 15}, Range{5, 14}},
		{Delete, Range{15, 21}, Range{14, 14}},
		{Insert, Range{21, 21}, Range{14, 21}},
	},
}, {
	Name:   "replacement with white space around",
	A:      "  foo  ",
	B:      "bar",
	Render: "  [-foo-]{+bar+}  ",
	Edits: []Edit{
		{Equal, Range{0, 2}, Range{0, 0}},
		{Delete, Range{2, 5}, Range{0, 0}},
		{Insert, Range{5, 5}, Range{0, 3}},
		{Equal, Range{5, 7}, Range{3, 3}},
	},
}, {
	Name:   "insertion",
	A:      "the islands returned",
	B:      "the islands were returned",
	Render: "the islands {+were+} returned",
	Edits: []Edit{
		{Equal, Range{0, 12}, Range{0, 12}},
		{Insert, Range{12, 12}, Range{12, 16}},
		{Equal, Range{12, 20}, Range{16, 25}},
	},
}, {
	Name:   "insertion at start",
	A:      "said",
	B:      "Tokyo said",
	Render: "{+Tokyo+} said",
	Edits: []Edit{
		{Insert, Range{0, 0}, Range{0, 5}},
		{Equal, Range{0, 4}, Range{5, 10}},
	},
}, {
	Name:   "insertion at end",
	A:      "talks ended\n",
	B:      "talks ended today\n",
	Render: "talks ended {+today+}\n",
	Edits: []Edit{
		{Equal, Range{0, 12}, Range{0, 12}},
		{Insert, Range{12, 12}, Range{12, 17}},
		{Equal, Range{12, 12}, Range{17, 18}},
	},
}, {
	Name:   "insertion of a clause",
	A:      "Lavrov met Kono in Moscow on Monday.",
	B:      "Lavrov met Kono, his Japanese counterpart, in Moscow on Monday.",
	Render: "Lavrov met Kono{+, his Japanese counterpart,+} in Moscow on Monday.",
}, {
	Name:   "insertion at paragraph start",
	A:      "First paragraph.\n\nSecond paragraph ends.",
	B:      "First paragraph.\n\nA new second paragraph ends.",
	Render: "First paragraph.\n\n{+A new+} Second paragraph ends.",
}, {
	Name:   "deletion",
	A:      "the islands were returned",
	B:      "the islands returned",
	Render: "the islands [-were-] returned",
	Edits: []Edit{
		{Equal, Range{0, 12}, Range{0, 12}},
		{Delete, Range{12, 16}, Range{12, 12}},
		{Equal, Range{16, 25}, Range{12, 20}},
	},
}, {
	Name:   "deletion at end",
	A:      "Japan wants the islands back.",
	B:      "Japan wants the islands.",
	Render: "Japan wants the islands [-back-].",
}, {
	Name:   "repeated word",
	A:      "the the the",
	B:      "the the",
	Render: "the the [-the-]",
}, {
	Name:   "reorder",
	A:      "Lavrov and Kono met in Moscow on Monday, officials said.",
	B:      "Kono and Lavrov met in Moscow on Monday, officials said.",
	Render: "[-Lavrov and-] Kono {+and Lavrov+} met in Moscow on Monday, officials said.",
}, {
	Name:   "case and quotes only",
	A:      "“outrageous”",
	B:      "\"Outrageous\"",
	Render: "“outrageous”",
	Edits:  []Edit{{Equal, Range{0, 16}, Range{0, 12}}},
	NoDiff: true,
}, {
	Name:   "dashes and apostrophes only",
	A:      "Japan’s claim — rejected",
	B:      "JAPAN'S claim - rejected",
	Render: "Japan’s claim — rejected",
	NoDiff: true,
}, {
	Name:   "punctuation",
	A:      "Russia, Japan and the U.S. agreed.",
	B:      "Russia; Japan and the U.S. agreed!",
	Render: "Russia[-,-]{+;+} Japan and the U.S. agreed[-.-]{+!+}",
}, {
	Name:   "punctuation inserted",
	A:      "Moscow said",
	B:      "Moscow, said",
	Render: "Moscow{+,+} said",
}, {
	Name:   "short equality folded into the change",
	A:      "Moscow demands the return of the islands",
	B:      "Moscow wants the handover of the islands",
	Render: "Moscow [-demands the return-]{+wants the handover+} of the islands",
}, {
	Name:   "non-ASCII",
	A:      "Южные Курилы были возвращены Японии.",
	B:      "южные курилы были переданы Японии.",
	Render: "Южные Курилы были [-возвращены-]{+переданы+} Японии.",
	Edits: []Edit{
		{Equal, Range{0, 33}, Range{0, 33}},
		{Delete, Range{33, 53}, Range{33, 33}},
		{Insert, Range{53, 53}, Range{33, 49}},
		{Equal, Range{53, 67}, Range{49, 63}},
	},
}, {
	Name:   "invalid UTF-8",
	A:      "He said \xffno\xfe.",
	B:      "He said yes.",
	Render: "He said \xff[-no-]{+yes+}\xfe.",
}, {
	Name: "long sentences",
	A: "Moscow insists the islands were legally transferred to the Soviet Union after World War II, " +
		"and that Russia’s sovereignty over them is not up for discussion, Lavrov told reporters after the talks.",
	B: "Moscow insists the Kuril islands were seized by the Soviet Union at the end of World War II, " +
		"and that Russian sovereignty over them cannot be discussed, Lavrov told reporters after Monday's talks.",
	Render: "Moscow insists the {+Kuril+} islands were " +
		"[-legally transferred to the Soviet Union after-]{+seized by the Soviet Union at the end of+} World War II, " +
		"and that [-Russia’s-]{+Russian+} sovereignty over them [-is not up for discussion-]{+cannot be discussed+}, " +
		"Lavrov told reporters after [-the-]{+Monday's+} talks.",
}}

func TestWords(t *testing.T) {
	for _, tc := range testCases {
		t.Run(tc.Name, func(t *testing.T) {
			edits := Words(tc.A, tc.B)
			checkEdits(t, tc.A, tc.B, edits)
			if given := Tokens(tc.A, tc.B, token.Tokenize(tc.A), token.Tokenize(tc.B)); !slices.Equal(given, edits) {
				t.Errorf("Tokens and Words differ:\n%v\n%v", given, edits)
			}
			if tc.Edits != nil && !slices.Equal(edits, tc.Edits) {
				t.Errorf("Words edits:\n got %v\nwant %v", edits, tc.Edits)
			}
			changed := slices.ContainsFunc(edits, func(e Edit) bool { return e.Op != Equal })
			if changed == tc.NoDiff {
				t.Errorf("Words reports changes = %v, want %v: %v", changed, !tc.NoDiff, edits)
			}
			if got := Render(tc.A, tc.B, edits); got != tc.Render {
				t.Errorf("Render:\n got %q\nwant %q", got, tc.Render)
			}
		})
	}
}

func TestReplacements(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want [][2]string
	}{
		{"the islands were returned", "the islands were handed over", [][2]string{{"returned", "handed over"}}},
		{"Moscow said on Monday", "Tokyo said on Tuesday", [][2]string{{"Moscow", "Tokyo"}, {"Monday", "Tuesday"}}},
		{"the islands returned", "the islands were returned", nil},
		{"“outrageous”", "\"Outrageous\"", nil},
	} {
		var got [][2]string
		for _, p := range Replacements(Words(tc.a, tc.b)) {
			if p[0].Op != Delete || p[1].Op != Insert {
				t.Errorf("Replacements(%q, %q): pair %v", tc.a, tc.b, p)
			}
			got = append(got, [2]string{tc.a[p[0].A.Start:p[0].A.End], tc.b[p[1].B.Start:p[1].B.End]})
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Replacements(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
	// An Insert before a Delete (not from Words) counts, reordered.
	ins, del := Edit{Insert, Range{3, 3}, Range{0, 2}}, Edit{Delete, Range{0, 3}, Range{2, 2}}
	if got := Replacements([]Edit{ins, del}); !slices.Equal(got, [][2]Edit{{del, ins}}) {
		t.Errorf("Replacements(Insert, Delete) = %v", got)
	}
	if got := Replacements(nil); got != nil {
		t.Errorf("Replacements(nil) = %v", got)
	}
}

func TestOpString(t *testing.T) {
	for op, want := range map[Op]string{Equal: "Equal", Delete: "Delete", Insert: "Insert", 7: "Op(7)", -1: "Op(-1)"} {
		if got := op.String(); got != want {
			t.Errorf("Op(%d).String() = %q, want %q", int(op), got, want)
		}
	}
}

// TestCleanupSemanticOnRunes checks what Words relies on: go-diff's
// DiffCleanupSemantic, whose DiffCleanupSemanticLossless step slices
// strings by rune counts, still returns a diff of exactly the two rune
// strings when every rune is outside ASCII (as Words encodes tokens) and
// several bytes long.
func TestCleanupSemanticOnRunes(t *testing.T) {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	r := rand.New(rand.NewPCG(1, 2))
	// Runes of 2, 3 and 4 bytes, some sharing leading bytes.
	alpha := []rune{firstRune, firstRune + 1, 0x1000, 0x1001, 0x1080, 0x10000, 0x10001, onlyA, onlyB}
	gen := func() []rune {
		s := make([]rune, r.IntN(10))
		k := 2 + r.IntN(len(alpha)-2)
		for i := range s {
			s[i] = alpha[r.IntN(k)]
		}
		return s
	}
	n := 50000
	if testing.Short() {
		n = 5000
	}
	for range n {
		ra, rb := gen(), gen()
		diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
		if _, ok := toSegs(diffs, ra, rb); !ok {
			t.Fatalf("DiffCleanupSemantic(%U, %U) = %q: not a diff of the two", ra, rb, diffs)
		}
	}
}

// TestEncode checks the rune encoding: shared tokens get distinct runes
// outside ASCII, one-sided ones onlyA or onlyB.
func TestEncode(t *testing.T) {
	ta := token.Tokenize("The talks, the TALKS and Kono")
	tb := token.Tokenize("talks with “the” Lavrov")
	ra, rb, shared := encode(ta, tb)
	if !shared {
		t.Fatal("shared = false")
	}
	want := func(rs []rune, toks []token.Token, m map[string]rune) {
		t.Helper()
		for i, r := range rs {
			if w, ok := m[toks[i].Norm]; !ok || r != w {
				t.Errorf("token %q: rune %U, want %U", toks[i].Text, r, w)
			}
			if r < 0x80 || !utf8.ValidRune(r) || r == utf8.RuneError {
				t.Errorf("token %q: rune %U", toks[i].Text, r)
			}
		}
	}
	the, talks := rune(firstRune+1), rune(firstRune)
	want(ra, ta, map[string]rune{"the": the, "talks": talks, ",": onlyA, "and": onlyA, "kono": onlyA})
	want(rb, tb, map[string]rune{"the": the, "talks": talks, "with": onlyB, `"`: onlyB, "lavrov": onlyB})
	if _, _, shared := encode(token.Tokenize("a b"), token.Tokenize("c d")); shared {
		t.Error("shared = true for texts with no token in common")
	}
}

// TestWordsProperties diffs generated news sentences against perturbed
// copies and checks the invariants, and that the perturbations come out as
// the edits one expects.
func TestWordsProperties(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range n {
		a := sentence(r)
		var b string
		var p perturbation
		b, p = perturb(r, a)
		edits := Words(a, b)
		checkEdits(t, a, b, edits)
		Render(a, b, edits)
		checkEdits(t, b, a, Words(b, a))
		if !slices.Equal(edits, Words(a, b)) {
			t.Fatalf("Words(%q, %q) not deterministic", a, b)
		}
		ops := map[Op]int{}
		for _, e := range edits {
			ops[e.Op]++
		}
		switch p.kind {
		case swapWord:
			// Exactly one replacement: the two words.
			reps := Replacements(edits)
			if len(reps) != 1 || ops[Delete] != 1 || ops[Insert] != 1 ||
				a[reps[0][0].A.Start:reps[0][0].A.End] != p.old || b[reps[0][1].B.Start:reps[0][1].B.End] != p.new {
				t.Fatalf("swap %q -> %q:\n%q\n%q\n%s", p.old, p.new, a, b, Render(a, b, edits))
			}
		case insertClause:
			// Only insertions, as many tokens as the clause.
			ins := 0
			for _, e := range edits {
				if e.Op == Insert {
					ins += len(token.Tokenize(b[e.B.Start:e.B.End]))
				}
			}
			if ops[Delete] != 0 || ins != len(token.Tokenize(p.new)) {
				t.Fatalf("insert %q:\n%q\n%q\n%s", p.new, a, b, Render(a, b, edits))
			}
		}
	}
}

// checkEdits checks the contract of Words(a, b) == edits.
func checkEdits(t testing.TB, a, b string, edits []Edit) {
	t.Helper()
	ta, tb := token.Tokenize(a), token.Tokenize(b)
	if len(a) == 0 && len(b) == 0 && edits != nil {
		t.Fatalf("Words(%q, %q) = %v, want nil", a, b, edits)
	}
	// Tiling, in order; no empty edits; empty ranges where they must be.
	pa, pb := 0, 0
	for i, e := range edits {
		if e.A.Start != pa || e.B.Start != pb || e.A.End < e.A.Start || e.B.End < e.B.Start {
			t.Fatalf("Words(%q, %q): edit %d %v does not continue at a[%d], b[%d]: %v", a, b, i, e, pa, pb, edits)
		}
		pa, pb = e.A.End, e.B.End
		switch {
		case e.A.Len() == 0 && e.B.Len() == 0:
			t.Fatalf("Words(%q, %q): edit %d empty: %v", a, b, i, edits)
		case e.Op == Delete && e.B.Len() != 0, e.Op == Insert && e.A.Len() != 0:
			t.Fatalf("Words(%q, %q): edit %d %v has a non-empty range on the wrong side", a, b, i, e)
		case e.Op < Equal || e.Op > Insert:
			t.Fatalf("Words(%q, %q): edit %d has op %v", a, b, i, e.Op)
		}
		if i > 0 && e.Op == edits[i-1].Op {
			t.Fatalf("Words(%q, %q): edits %d and %d both %v: %v", a, b, i-1, i, e.Op, edits)
		}
		if i > 0 && e.Op == Delete && edits[i-1].Op == Insert {
			t.Fatalf("Words(%q, %q): Insert before Delete at %d: %v", a, b, i, edits)
		}
	}
	if pa != len(a) || pb != len(b) {
		t.Fatalf("Words(%q, %q): edits end at a[%d], b[%d], not %d, %d: %v", a, b, pa, pb, len(a), len(b), edits)
	}
	// Every token lies within one edit; Equal edits cover equal Norms;
	// changed ranges begin and end on a token; a's Equal tokens and b's
	// Insert tokens are b's tokens (applying the edits to a gives b).
	na, nb := within(t, a, ta, edits, func(e Edit) Range { return e.A }), within(t, b, tb, edits, func(e Edit) Range { return e.B })
	var applied []string
	for i, e := range edits {
		switch e.Op {
		case Equal:
			if !slices.Equal(na[i], nb[i]) {
				t.Fatalf("Words(%q, %q): Equal edit %d %v: %q != %q", a, b, i, e, na[i], nb[i])
			}
			applied = append(applied, na[i]...)
		case Insert:
			applied = append(applied, nb[i]...)
		}
	}
	var want []string
	for _, tok := range tb {
		want = append(want, tok.Norm)
	}
	if !slices.Equal(applied, want) {
		t.Fatalf("Words(%q, %q): applying the edits to a gives %q, want %q", a, b, applied, want)
	}
}

// within returns the Norms of the tokens in each edit's range (rng) of
// text, failing if a token straddles two edits or a changed range has
// white space at an end.
func within(t testing.TB, text string, toks []token.Token, edits []Edit, rng func(Edit) Range) [][]string {
	t.Helper()
	norms := make([][]string, len(edits))
	k := 0
	for i, e := range edits {
		r := rng(e)
		for k < len(toks) && toks[k].Start < r.End {
			if toks[k].Start < r.Start || toks[k].End > r.End {
				t.Fatalf("token %q [%d,%d) straddles edit %d %v of %q", toks[k].Text, toks[k].Start, toks[k].End, i, e, text)
			}
			norms[i] = append(norms[i], toks[k].Norm)
			k++
		}
		if e.Op != Equal && r.Len() > 0 {
			if len(norms[i]) == 0 {
				t.Fatalf("changed edit %d %v of %q has no tokens", i, e, text)
			}
			first, last := toks[k-len(norms[i])], toks[k-1]
			if first.Start != r.Start || last.End != r.End {
				t.Fatalf("changed edit %d %v of %q is not tight around its tokens [%d,%d)", i, e, text, first.Start, last.End)
			}
		}
	}
	return norms
}

// News-like sentence generation, shared with the benchmark.

var (
	subjects = []string{"Russia", "Japan", "Moscow", "Tokyo", "The foreign ministry", "Lavrov", "Kono",
		"The Japanese government", "Russian officials", "Prime Minister Abe", "President Putin", "The Kremlin"}
	verbs = []string{"said", "insisted", "claimed", "stressed", "argued", "warned", "noted", "reiterated",
		"acknowledged", "denied", "suggested", "announced"}
	objects = []string{"the islands", "the Kuril Islands", "the southern Kurils", "the Northern Territories",
		"Iturup and Kunashir", "the disputed territories", "Shikotan and the Habomai islets"}
	actions = []string{"were returned", "were handed over", "were seized", "were transferred", "were captured",
		"were occupied", "became part of the Soviet Union", "were lost"}
	times = []string{"after World War II", "in 1945", "at the end of the war", "under the 1956 declaration",
		"following Japan’s surrender", "during the final days of the war"}
	clauses = []string{"which remains in force", "according to TASS", "as Kyodo reported on Monday",
		"despite “significant differences” between the sides", "a position Tokyo rejects",
		"which Moscow calls a legitimate outcome of the war", "in a statement on Tuesday"}
	swaps = []string{"legally", "unlawfully", "lawfully", "illegally", "formally", "finally", "rightfully",
		"forcibly", "peacefully", "ultimately"}
)

func sentence(r *rand.Rand) string {
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	s := fmt.Sprintf("%s %s that %s %s %s", pick(subjects), pick(verbs), pick(objects), pick(actions), pick(times))
	if r.IntN(2) == 0 {
		s += ", " + pick(clauses)
	}
	return s + "."
}

type perturbKind int

const (
	swapWord perturbKind = iota
	insertClause
	rephrase
)

type perturbation struct {
	kind     perturbKind
	old, new string
}

// perturb returns a changed copy of the sentence s: a word replaced by
// another, a clause inserted after a word, or a phrase of the generator
// replaced (the kinds of change between two outlets' reports).
func perturb(r *rand.Rand, s string) (string, perturbation) {
	words := strings.Fields(strings.TrimSuffix(s, "."))
	switch kind := perturbKind(r.IntN(3)); kind {
	case swapWord:
		// Replace a word that occurs once by one that does not occur.
		i := r.IntN(len(words))
		old := strings.Trim(words[i], ",")
		for strings.Count(s, old) > 1 || token.Normalize(old) == "the" {
			i = r.IntN(len(words))
			old = strings.Trim(words[i], ",")
		}
		nw := swaps[r.IntN(len(swaps))]
		for strings.Contains(strings.ToLower(s), nw) {
			nw = swaps[r.IntN(len(swaps))]
		}
		words[i] = strings.Replace(words[i], old, nw, 1)
		return strings.Join(words, " ") + ".", perturbation{swapWord, old, nw}
	case insertClause:
		i := 1 + r.IntN(len(words)-1)
		c := clauses[r.IntN(len(clauses))]
		out := slices.Concat(words[:i], []string{c}, words[i:])
		return strings.Join(out, " ") + ".", perturbation{insertClause, "", c}
	default:
		for _, list := range [][]string{actions, times, objects, verbs} {
			for _, x := range list {
				if strings.Contains(s, x) && r.IntN(2) == 0 {
					return strings.Replace(s, x, list[r.IntN(len(list))], 1), perturbation{kind: rephrase}
				}
			}
		}
		return s, perturbation{kind: rephrase}
	}
}
