package frame

import "testing"

func TestOneSpelling(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"harbour bridge", "harbor bridge"},
		{"the labour party", "the labor party"},
		{"honour", "honor"},
		{"rush hour", "rush hour"}, // short words keep theirs
		{"tour", "tour"},
		{"four", "four"},
		{"harbor", "harbor"},
		{"harbours", "harbours"}, // a plural is singular first (Key)
	} {
		if got := oneSpelling(c.in); got != c.want {
			t.Errorf("oneSpelling(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if Key("the Harbour Bridge") != Key("Harbor Bridge") {
		t.Errorf("Key: %q and %q", Key("the Harbour Bridge"), Key("Harbor Bridge"))
	}
}
