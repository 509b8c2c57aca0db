package align

import (
	"testing"
)

func TestQuotes(t *testing.T) {
	arts := load(t,
		`“We will never accept a deal that gives away our fishing waters,” the prime minister said on Monday. Officials said talks would resume.`,
		`Prime Minister Jane Doe said her government would “never accept a deal that gives away our fishing waters.”`,
		`“The weather was terrible,” the coach said after the match. “We played well in the second half,” he added.`,
	)
	got := Quotes(arts)
	if len(got) != 1 {
		t.Fatalf("got %d clusters, want 1: %+v", len(got), got)
	}
	c := got[0]
	if len(c.Variants) != 2 || c.Variants[0].Article != 0 || c.Variants[1].Article != 1 {
		t.Errorf("variants %+v", c.Variants)
	}
	if c.Speaker == "" {
		t.Errorf("no speaker")
	}
}

func TestSameSpeaker(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"Sergey Lavrov", "Lavrov", true},
		{"the minister", "Jane Doe", true},
		{"", "Jane Doe", true},
		{"Jane Doe", "John Smith", false},
	}
	for _, c := range cases {
		if got := sameSpeaker(c.a, c.b); got != c.want {
			t.Errorf("sameSpeaker(%q, %q) = %v", c.a, c.b, got)
		}
	}
}
