package wordvec

import "testing"

func TestLookup(t *testing.T) {
	if Len() != 50000 {
		t.Errorf("Len = %d, want 50000", Len())
	}
	for _, w := range []string{"the", "seized", "captured", "treaty", "well-known"} {
		if _, ok := Lookup(w); !ok {
			t.Errorf("Lookup(%q): missing", w)
		}
	}
	for _, w := range []string{"", "The", "zzzzqx", "aaaaaa"} {
		if _, ok := Lookup(w); ok {
			t.Errorf("Lookup(%q): found", w)
		}
	}
	v, _ := Lookup("treaty")
	if c := Cosine(v, v); c < 0.99 || c > 1.01 {
		t.Errorf("Cosine(v, v) = %.3f, want 1", c)
	}
}

// TestCosine: words of like meaning are nearer than unrelated ones.
func TestCosine(t *testing.T) {
	for _, c := range []struct{ a, b, far string }{
		{"seized", "captured", "banana"},
		{"veto", "reject", "island"},
		{"arrested", "detained", "melody"},
		{"dozens", "hundreds", "purple"},
		{"criticized", "slammed", "forest"},
	} {
		a, _ := Lookup(c.a)
		b, _ := Lookup(c.b)
		f, _ := Lookup(c.far)
		near, far := Cosine(a, b), Cosine(a, f)
		if near <= far+0.2 {
			t.Errorf("%s~%s %.2f, %s~%s %.2f: want the first clearly higher", c.a, c.b, near, c.a, c.far, far)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		Lookup("captured")
	}
}
