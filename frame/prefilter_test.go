package frame

import (
	"slices"
	"testing"
)

func TestPrefilter(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string // nil: no prefilter
	}{
		{`\b(says|saying)\b`, []string{"say"}}, // factored by Simplify: say(s|ing)
		// Of the parts every match holds, the one whose shortest string is
		// longest: " kuril" (6 bytes) over "south" (5); a tie goes to the first.
		{`\bSouth(ern)? Kurils?\b`, []string{" kuril"}},
		{`\b(diplomatic|senior) (sources?|officials?)\b`, []string{"diplomatic", "senior"}},
		{`\w+`, nil},
		{`(a|\w)`, nil},
	}
	for _, tt := range tests {
		got := newPrefilter(tt.pattern)
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("newPrefilter(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}
