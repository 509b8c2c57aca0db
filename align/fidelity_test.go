package align

import (
	"slices"
	"testing"
)

// A made-up press conference and four reports quoting it, altered in known
// ways.
const transcript = `Mayor Ruth Ellison opened the briefing at ten.

We will not close the harbour this winter. The ferry will run every day, and the council will pay for the repairs if the government does not.

I can say that only two of the five bridges need new cables. The others are safe.

Questions came from the floor after that.`

func TestFidelity(t *testing.T) {
	primary := load(t, transcript)
	reports := load(t,
		// verbatim
		`“We will not close the harbour this winter,” Mayor Ruth Ellison said.`,
		// drops "not": turns the statement around
		`The mayor said: “We will close the harbour this winter.”`,
		// a partial quote that drops the condition and "only"
		`Ellison promised that “the council will pay for the repairs” and said “two of the five bridges need new cables.”`,
		// not said at all
		`“The harbour has never been in better shape,” the mayor claimed.`,
	)
	checks := Fidelity(reports, primary)
	if len(checks) != 5 {
		t.Fatalf("%d checks, want 5: %+v", len(checks), checks)
	}
	cases := []struct {
		fidelityAtLeast, fidelityAtMost int
		found                           bool
		dropped                         []string
	}{
		{1000, 1000, true, nil},
		{1000, 1000, true, []string{"not"}}, // every word is there, in order: only the dropped "not" tells
		{1000, 1000, true, []string{"if", "not"}},
		{1000, 1000, true, []string{"only"}},
		{0, NotInPrimary - 1, false, nil},
	}
	for i, c := range cases {
		got := checks[i]
		if got.Fidelity < c.fidelityAtLeast || got.Fidelity > c.fidelityAtMost {
			t.Errorf("quote %d %q: fidelity %d, want %d..%d", i, got.Text, got.Fidelity, c.fidelityAtLeast, c.fidelityAtMost)
		}
		if (got.Primary >= 0) != c.found {
			t.Errorf("quote %d %q: found in primary = %v", i, got.Text, got.Primary >= 0)
		}
		if !slices.Equal(got.Dropped, c.dropped) {
			t.Errorf("quote %d %q: dropped %q, want %q (passage %q)", i, got.Text, got.Dropped, c.dropped, got.Passage)
		}
	}
	src := []rune(transcript)
	if p := checks[0]; string(src[p.PassageStart:p.PassageEnd]) != "We will not close the harbour this winter." {
		t.Errorf("passage offsets %d-%d: %q", p.PassageStart, p.PassageEnd, string(src[p.PassageStart:p.PassageEnd]))
	}
}

// TestWordsContractions: words writes contractions out, with either
// apostrophe, and leaves possessives and other words as they are.
func TestWordsContractions(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"isn't", []string{"is", "not"}},
		{"Isn’t", []string{"is", "not"}},
		{"WON'T", []string{"will", "not"}},
		{"can’t cannot", []string{"can", "not", "can", "not"}},
		{"don't doesn't didn't", []string{"do", "not", "does", "not", "did", "not"}},
		{"hasn’t hadn't haven't", []string{"has", "not", "had", "not", "have", "not"}},
		{"mustn't shouldn't couldn't wouldn't", []string{"must", "not", "should", "not", "could", "not", "would", "not"}},
		{"aren't wasn't weren't", []string{"are", "not", "was", "not", "were", "not"}},
		{"ain't", []string{"ain't"}}, // is, are, has or have: left as it is
		{"I'm we’re they've you'll", []string{"i", "am", "we", "are", "they", "have", "you", "will"}},
		{"could’ve", []string{"could", "have"}},
		{"it's that’s", []string{"it", "'s", "that", "'s"}},
		{"I'd", []string{"i", "'d"}},
		{"let's", []string{"let", "us"}},
		{"the mayor's plan", []string{"the", "mayor's", "plan"}}, // a possessive
		{"Kestrel’s harbour", []string{"kestrel's", "harbour"}},
		{"its", []string{"its"}},
		{"o'clock", []string{"o'clock"}},
	} {
		if got := words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSameWord: an either-word of 's and 'd matches each word it stands
// for, and nothing else.
func TestSameWord(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"not", "not", true},
		{"'s", "is", true},
		{"has", "'s", true},
		{"'s", "was", false},
		{"'d", "would", true},
		{"had", "'d", true},
		{"'d", "could", false},
		{"'d", "'s", false},
		{"is", "has", false},
		{"", "'s", false},
	} {
		if got := sameWord(c.a, c.b); got != c.want {
			t.Errorf("sameWord(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestFidelityContractions: a contraction of the primary's words (or the
// primary's contraction written out) drops nothing; a quote that leaves
// out "not", contracted or not, still drops it.
func TestFidelityContractions(t *testing.T) {
	primary := load(t, `The minister spoke at noon.

The budget is not up for discussion. We won’t raise the fares. I'd say it has been a hard year.`)
	for _, c := range []struct {
		quote   string
		dropped []string
	}{
		{`“The budget isn't up for discussion,” the minister said.`, nil},
		{`“The budget isn’t up for discussion,” the minister said.`, nil},
		{`“The budget is not up for discussion,” the minister said.`, nil},
		{`“The budget is up for discussion,” the minister said.`, []string{"not"}},
		{`“We will not raise the fares,” the minister said.`, nil},
		{`“We will raise the fares,” the minister said.`, []string{"not"}},
		{`“I would say it's been a hard year,” the minister said.`, nil},
	} {
		checks := Fidelity(load(t, c.quote), primary)
		if len(checks) != 1 {
			t.Fatalf("%s: %d checks", c.quote, len(checks))
		}
		got := checks[0]
		if got.Primary < 0 {
			t.Errorf("%s: not found in the primary (fidelity %d)", c.quote, got.Fidelity)
			continue
		}
		if !slices.Equal(got.Dropped, c.dropped) {
			t.Errorf("%s: dropped %q, want %q (passage %q)", c.quote, got.Dropped, c.dropped, got.Passage)
		}
		if got.Fidelity != 1000 {
			t.Errorf("%s: fidelity %d, want 1000", c.quote, got.Fidelity)
		}
	}
}
