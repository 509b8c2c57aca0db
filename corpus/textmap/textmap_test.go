package textmap

import "testing"

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
