package frame

import (
	"reflect"
	"testing"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// TestStats: what newStats reads about a word from the whole event, field
// by field: each case lists words a field must hold and words it must not.
func TestStats(t *testing.T) {
	arts, _ := event(t,
		[2]string{"Talks", "Officials said President Alma Rivera met the envoy. They met the envoys of Northland's foreign ministry. " +
			"The nuclear tests worried Norland leader Han Sol Mi, and nuclear talks and nuclear plans followed. The GRPA said it will talk again."},
		[2]string{"Talks", "Rivera wants a deal, the minister states. “We will meet,” she states. Nuclear weapons were not discussed."},
	)
	s := newStats(arts)
	tests := []struct {
		field    string
		set      map[string]bool
		has, not []string
	}{
		{"midCap", s.midCap, []string{"rivera", "alma", "norland"}, []string{"officials", "envoy"}},
		{"leads", s.leads, []string{"president", "norland", "han"}, []string{"alma", "rivera"}},
		{"nounish", s.nounish, []string{"envoy", "envoys", "nuclear", "minister", "leader", "foreign"}, []string{"met", "worried"}},
		{"lowered", s.lowered, []string{"envoy", "said", "minister"}, []string{"rivera", "officials"}},
		{"acronym", s.acronym, []string{"grpa"}, []string{"rivera"}},
		{"verbs", s.verbs, []string{"talk", "meet"}, []string{"envoy"}},
		{"plural", s.plural, []string{"envoy", "test", "talk"}, []string{"minister"}},
		{"premod", s.premod, []string{"nuclear"}, []string{"envoy"}},
		{"sayVerbs", s.sayVerbs, []string{"states"}, []string{"said"}},
	}
	for _, tc := range tests {
		for _, w := range tc.has {
			if !tc.set[w] {
				t.Errorf("%s: lacks %q", tc.field, w)
			}
		}
		for _, w := range tc.not {
			if tc.set[w] {
				t.Errorf("%s: holds %q", tc.field, w)
			}
		}
	}
	if len(s.units) != 7 {
		t.Errorf("%d units, want 7 (the sentences; the titles are not in the sources)", len(s.units))
	}
}

// TestStatsReadOnly: the passes leave the statistics as newStats built
// them.
func TestStatsReadOnly(t *testing.T) {
	arts, _ := event(t,
		[2]string{"Dispute", "The dispute is over the atolls, which Norland calls the Silver Isles and Southland calls the Grey Rocks. President Alma Rivera said the deal was not about selling, but about leasing the port."},
		[2]string{"Dispute", "Southland wants the Grey Rocks back, and Rivera wants the port sold, the minister said. The president spoke on Monday."},
	)
	e := newEvent(arts, align.Claims(arts, align.Options{}))
	e.runPasses("")
	if want := newStats(arts); !reflect.DeepEqual(e.stats, want) {
		t.Error("the passes changed the statistics of the event")
	}
	if len(e.cands) == 0 {
		t.Error("no candidates found")
	}
}

// TestCardinalsNoHeads: a number word after a determiner counts the head
// and is none ("the thirty delegates", "the two envoys"), whichever number
// it is.
func TestCardinalsNoHeads(t *testing.T) {
	arts, _ := event(t,
		[2]string{"Talks", "The thirty delegates met the two envoys. The fifteen ministers left."},
		[2]string{"Talks", "The envoys met the delegates."},
	)
	s := newStats(arts)
	for _, w := range []string{"thirty", "two", "fifteen"} {
		if !s.nounish[w] {
			t.Errorf("%q is not seen after a determiner", w)
		}
		if s.isNoun(corpus.Token{Token: token.Token{Kind: token.Word, Norm: w}}) {
			t.Errorf("%q is taken for a noun", w)
		}
	}
	if !s.isNoun(corpus.Token{Token: token.Token{Kind: token.Word, Norm: "delegates"}}) {
		t.Error(`"delegates" is not taken for a noun`)
	}
}
