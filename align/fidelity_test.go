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
