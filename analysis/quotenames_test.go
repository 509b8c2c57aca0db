package analysis

import (
	"testing"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/attribution"
)

// TestNameQuoteGroups: a quote group's variants and its own speaker take
// the label of the name's concept their speaker was read from; a group
// never switches to another person.
func TestNameQuoteGroups(t *testing.T) {
	arts := []*corpus.Article{
		{Quotes: []corpus.Quote{{Speaker: "Vell", SpeakerStart: 10, SpeakerEnd: 14}}},
		{Quotes: []corpus.Quote{{Speaker: "the minister", SpeakerStart: 20, SpeakerEnd: 32}, {Speaker: "Ann Rivera", SpeakerStart: 50, SpeakerEnd: 60}}},
	}
	concepts := []frame.Concept{
		{ID: "c1", Label: "Omar Vell", Source: frame.Entity, Confidence: frame.Likely, Mentions: []frame.Mention{{Article: 0, Start: 10, End: 14}, {Article: 1, Start: 20, End: 32}}},
	}
	groups := []align.QuoteCluster{
		{Speaker: "Vell", Variants: []align.Variant{{Article: 0, Quote: 0, Speaker: "Vell"}, {Article: 1, Quote: 0, Speaker: "the minister"}}},
		{Speaker: "Ann Rivera", Variants: []align.Variant{{Article: 1, Quote: 1, Speaker: "Ann Rivera"}, {Article: 0, Quote: 0, Speaker: "Vell"}}},
	}
	nameQuoteGroups(arts, groups, attribution.NewPeople(arts, concepts))
	if g := groups[0]; g.Speaker != "Omar Vell" || g.Variants[0].Speaker != "Omar Vell" || g.Variants[1].Speaker != "Omar Vell" {
		t.Errorf("group 0: %q, variants %q, %q; want Omar Vell throughout", g.Speaker, g.Variants[0].Speaker, g.Variants[1].Speaker)
	}
	if g := groups[1]; g.Speaker != "Ann Rivera" || g.Variants[1].Speaker != "Omar Vell" {
		t.Errorf("group 1: %q, variant 1 %q; want Ann Rivera kept, Omar Vell named", g.Speaker, g.Variants[1].Speaker)
	}
}
