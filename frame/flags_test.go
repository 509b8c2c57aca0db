package frame

import (
	"strings"
	"testing"
)

// TestChoices: each kind of framing choice on a small event, in the
// report's own voice only, one choice per span.
func TestChoices(t *testing.T) {
	arts, src := event(t,
		[2]string{"Talks", "The minister blasted the proposal, diplomatic sources said. The deal reportedly collapsed in a disastrous week. \"It was a disastrous plan,\" he said."},
		[2]string{"Talks", "The minister criticised the proposal. The deal collapsed after a week of talks."},
		[2]string{"Talks", "The minister rejected the proposal on Monday. The deal collapsed, officials said."},
	)
	cs := Choices(arts, nil, nil, nil, ChoiceOptions{})
	got := map[string]string{} // text in article 0 -> kind
	for _, c := range cs {
		if c.Why == "" {
			t.Errorf("%+v: no reason", c)
		}
		if txt := string([]rune(src[c.Article])[c.Start:c.End]); txt != c.Text {
			t.Errorf("%+v: source says %q", c, txt)
		}
		if c.Article == 0 {
			got[strings.ToLower(c.Text)] = c.Kind
		}
	}
	want := map[string]string{
		"blasted":            KindVerb,      // an attacking reporting verb
		"diplomatic sources": KindAnonymous, // an unnamed source
		"reportedly":         KindHedge,
		"disastrous":         KindLoaded, // evaluative, and only this report uses it
	}
	for text, kind := range want {
		if got[text] != kind {
			t.Errorf("%q: kind %q, want %q (all: %v)", text, got[text], kind, got)
		}
	}
	// The second "disastrous" is the speaker's, inside a quote: flagged as
	// well (carrying it is the report's choice), and said to be quoted.
	var own, quoted int
	for _, c := range cs {
		if c.Kind == KindLoaded && strings.EqualFold(c.Text, "disastrous") {
			if strings.Contains(c.Why, "quoted") {
				quoted++
			} else {
				own++
			}
		}
	}
	if own != 1 || quoted != 1 {
		t.Errorf("loaded flags on disastrous: %d in the report's voice, %d quoted; want 1 and 1", own, quoted)
	}
}

// TestLoadedSharedIsNotAChoice: an evaluative word most reports use is the
// story's vocabulary, not a choice.
func TestLoadedSharedIsNotAChoice(t *testing.T) {
	arts, _ := event(t,
		[2]string{"Peace", "The peace talks resumed on Monday in the capital."},
		[2]string{"Peace", "Peace talks resumed on Monday, officials said."},
		[2]string{"Peace", "The peace negotiations resumed on Monday."},
	)
	for _, c := range Choices(arts, nil, nil, nil, ChoiceOptions{}) {
		if c.Kind == KindLoaded {
			t.Errorf("flagged %q, a word every report uses", c.Text)
		}
	}
	if got, want := maxLoadedUsers(3), 1; got != want {
		t.Errorf("maxLoadedUsers(3) = %d, want %d", got, want)
	}
}

// TestChoicesNotEnglish: the word lists are English, so a report known to
// be in another language gets no verb, hedge, source or loaded flags from
// them, even where its words look English ("brutal", "disastrous"); the
// same text declared English gets them.
func TestChoicesNotEnglish(t *testing.T) {
	text := "The minister blasted the brutal proposal, diplomatic sources said. The deal reportedly collapsed in a disastrous week."
	for _, lang := range []string{"en", "de"} {
		arts, _ := event(t,
			[2]string{"Talks", text},
			[2]string{"Talks", "The minister rejected the proposal on Monday. The deal collapsed, officials said."},
		)
		arts[0].Language = lang
		kinds := map[string]int{}
		for _, c := range Choices(arts, nil, nil, nil, ChoiceOptions{}) {
			if c.Article == 0 {
				kinds[c.Kind]++
			}
		}
		listed := kinds[KindVerb] + kinds[KindHedge] + kinds[KindAnonymous] + kinds[KindLoaded]
		if english := lang == "en"; english != (listed > 0) {
			t.Errorf("language %s: %v flags from the word lists, want some only for English", lang, kinds)
		}
	}
}
