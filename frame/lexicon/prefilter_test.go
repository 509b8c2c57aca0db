package lexicon

import (
	"slices"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
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

// TestPrefilterKeepsMatches: on the sample's sentences, a pattern of the
// generic pack that matches always passes its prefilter.
func TestPrefilterKeepsMatches(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(Generic())
	texts := []string{"SOURCES SAID", "It Is Believed", "REPORTEDLY, the deal", "Diplomatic  Sources"}
	for _, a := range arts {
		for _, s := range a.Sentences {
			texts = append(texts, s.Text)
		}
	}
	for _, text := range texts {
		lower := strings.ToLower(text)
		for _, c := range m.patterns {
			if c.re.MatchString(text) && !c.pre.keep(lower) {
				t.Errorf("pattern %q matches %q but its prefilter %q drops it", c.re, text, c.pre)
			}
		}
	}
}
