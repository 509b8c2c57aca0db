package segment

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// The English Golden Rules: the 48 (text, sentences) pairs of pySBD
// (github.com/nipunsadvilkar/pySBD, commit
// 5905f13be4fc95f407b98392e0ec303617a33d86, tests/lang/test_english.py,
// GOLDEN_EN_RULES_TEST_CASES; the rule names are the comments of
// benchmarks/english_golden_rules.py, which holds the same pairs), which
// take them from the Golden Rules of Kevin Dias' pragmatic_segmenter.
// pySBD is under the MIT licence: testdata/golden_rules_en.json carries its
// copyright and permission notice with the cases.

// goldenExceptions are the rules whose expected answer contradicts another
// rule or this package's documented behaviour, by rule number, with the
// reason. TestGoldenRules fails if one of them starts passing, so that the
// list stays true. It is empty: rule 18 (“At 5 a.m. Mr. Smith went to the
// bank. He left the bank at 6 P.M. Mr. Smith then went to the store.”),
// which pySBD marks as an expected failure because “a.m. Mr.” does not end
// a sentence and “P.M. Mr.” does, is told apart by the first sentence
// opening with its time (see timeOpener).
var goldenExceptions = map[int]string{}

type goldenCase struct {
	N         int      `json:"n"`
	Rule      string   `json:"rule"`
	Text      string   `json:"text"`
	Sentences []string `json:"sentences"`
}

func TestGoldenRules(t *testing.T) {
	data, err := os.ReadFile("testdata/golden_rules_en.json")
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		License string       `json:"license"`
		Cases   []goldenCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Cases) != 48 || !strings.Contains(g.License, "MIT License") {
		t.Fatalf("%d cases, licence %q: want the 48 rules and pySBD's MIT notice", len(g.Cases), g.License)
	}
	right := 0
	for _, c := range g.Cases {
		var got []string
		for _, s := range sentences(c.Text) {
			got = append(got, strings.TrimSpace(s))
		}
		var want []string
		for _, s := range c.Sentences {
			want = append(want, strings.TrimSpace(s))
		}
		ok := reflect.DeepEqual(got, want)
		if ok {
			right++
		}
		why, known := goldenExceptions[c.N]
		switch {
		case ok && known:
			t.Errorf("rule %d (%s) passes but is listed as an exception (%s): take it off the list", c.N, c.Rule, why)
		case !ok && known:
			t.Logf("rule %d (%s): known exception: %s", c.N, c.Rule, why)
		case !ok:
			t.Errorf("rule %d (%s): Split(%q)\ngot  %q\nwant %q", c.N, c.Rule, c.Text, got, want)
		}
	}
	t.Logf("English Golden Rules: %d/%d right, %d known exceptions", right, len(g.Cases), len(goldenExceptions))
}
