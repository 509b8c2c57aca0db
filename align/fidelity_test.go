package align

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
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

// FuzzFidelity checks that any quote against any primary source (invalid
// UTF-8, contractions and stray apostrophes included) gives a fidelity in
// 0..1000, a passage inside the primary, and dropped words of the passage.
func FuzzFidelity(f *testing.F) {
	for _, s := range [][2]string{
		{"“We will not close the harbour,” she said.", "We will not close the harbour. It isn't."},
		{"“It’s not ’s n't ''s,” she said.", "It's 's isn’t can't cannot I'd he'd let's."},
		{"“I'd've y'all won't,” he said.", "I would have, y'all will not."},
		{"“\xff isn\xe2\x80\x99t”", "is not \xff"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, quote, primary string) {
		reports, err := corpus.LoadFS(fstest.MapFS{"r.txt": {Data: []byte("Headline\n\n" + quote + "\n")}}, corpus.Options{})
		if err != nil {
			return
		}
		prims, err := corpus.LoadFS(fstest.MapFS{"p.txt": {Data: []byte("Transcript\n\n" + primary + "\n")}}, corpus.Options{})
		if err != nil {
			return
		}
		for _, c := range Fidelity(reports, prims) {
			if c.Fidelity < 0 || c.Fidelity > 1000 {
				t.Fatalf("fidelity %d", c.Fidelity)
			}
			if c.Primary >= 0 && (c.PassageStart > c.PassageEnd || !strings.Contains(prims[c.Primary].Body.S, c.Passage)) {
				t.Fatalf("passage %q at %d-%d", c.Passage, c.PassageStart, c.PassageEnd)
			}
			pw := words(c.Passage)
			for _, w := range c.Dropped {
				if !slices.Contains(pw, w) {
					t.Fatalf("dropped %q is no word of the passage %q", w, c.Passage)
				}
			}
		}
	})
}
