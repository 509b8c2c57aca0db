package wordnet

import (
	"slices"
	"testing"
)

func TestLemmas(t *testing.T) {
	for _, c := range []struct {
		w    string
		pos  POS
		want []string
	}{
		{"seized", Verb, []string{"seize"}},
		{"handing over", Verb, []string{"hand over"}},
		{"began", Verb, []string{"begin"}},
		{"stopped", Verb, []string{"stop"}},
		{"treaties", Noun, []string{"treaty"}},
		{"Islands", Noun, []string{"island"}},
		{"zzzqx", Verb, nil},
		{"", Noun, nil},
	} {
		if got := Lemmas(c.w, c.pos); !slices.Equal(got, c.want) {
			t.Errorf("Lemmas(%q, %c) = %q, want %q", c.w, c.pos, got, c.want)
		}
	}
}

func TestRelate(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want Relation
	}{
		{"seized", "captured", Synonym},
		{"ruined", "destroyed", Synonym},
		{"letting", "allowing", Synonym},
		{"begin", "start", Synonym},
		{"lawsuit", "case", Synonym},
		{"lashed out", "assailed", Synonym},
		{"surfaced", "emerged", Kind},
		{"approve", "authorized", Kind},
		{"win", "lose", Antonym},
		{"victory", "defeat", Antonym},
		{"acquisition", "acquired", Synonym}, // a noun and its verb
		{"ask", "respond", Antonym},          // WordNet: "ask" (a question) and "answer"
		{"island", "melody", None},
		{"zzzqx", "seized", None},
	} {
		if got := Relate(c.a, c.b); got != c.want {
			t.Errorf("Relate(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := Relate(c.b, c.a); got != c.want {
			t.Errorf("Relate(%q, %q) = %v, want %v (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}

// TestTables: every synset id the tables name exists, and the sorted
// files are sorted (a lookup is a binary search).
func TestTables(t *testing.T) {
	tb := tab()
	n := len(tb.synsets.start)
	for i := 0; i < len(tb.lemmas.start); i++ {
		l := tb.lemmas.line(i)
		for _, pos := range poses {
			for _, id := range ids(posField(l, pos)) {
				if id >= n {
					t.Fatalf("lemma line %q: synset %d of %d", l, id, n)
				}
			}
		}
	}
	for _, f := range []lines{tb.lemmas, tb.exceptions} {
		prev := ""
		for i := range f.start {
			k, _, _ := cut(f.line(i))
			if k <= prev {
				t.Fatalf("not sorted at %q after %q", k, prev)
			}
			prev = k
		}
	}
	for i := 0; i < n; i++ {
		s := synsetOf(i)
		for _, x := range slices.Concat(s.hyper, s.ant, s.der, s.sim) {
			if x >= n {
				t.Fatalf("synset %d links %d of %d", i, x, n)
			}
		}
	}
}

func cut(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '\t' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func BenchmarkRelate(b *testing.B) {
	tab()
	for i := 0; i < b.N; i++ {
		Relate("handing over", "the transfer")
	}
}

// FuzzRelate: any two strings relate without a panic, the same way both
// ways round, and a word is never its own antonym.
func FuzzRelate(f *testing.F) {
	for _, s := range [][2]string{{"seized", "captured"}, {"win", "lose"}, {"handing over", "ceding"}, {"", " "}, {"ran", "running"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		r := Relate(a, b)
		if r2 := Relate(b, a); r2 != r {
			t.Fatalf("Relate(%q, %q) = %v, reversed %v", a, b, r, r2)
		}
		if Relate(a, a) == Antonym {
			t.Fatalf("%q is its own antonym", a)
		}
		for _, pos := range poses {
			for _, l := range Lemmas(a, pos) {
				if !Known(l, pos) {
					t.Fatalf("Lemmas(%q) gave %q, not a lemma", a, l)
				}
			}
		}
	})
}
