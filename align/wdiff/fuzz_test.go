package wdiff

import (
	"slices"
	"testing"
)

// FuzzWords checks, for any two strings (invalid UTF-8 included), that
// Words does not panic, that its edits tile both texts in order, that
// Equal edits cover equal Norms, that applying the edits to a (its Equal
// tokens and b's Insert tokens) gives b's tokens, that the result is
// deterministic, and that Render and Replacements do not panic.
func FuzzWords(f *testing.F) {
	for _, tc := range testCases {
		f.Add(tc.A, tc.B)
	}
	for _, s := range [][2]string{
		{"ab\xffcd \xe2\x80 ef\xc3", "ab cd\xff ef"},
		{"\xff", "\xfe\xfe"},
		{"a a a a b", "b a a a a"},
		{"x\u200dy \u00ad-", "x-y"},
		{"U.S.Japan", "U.S. and Japan"},
		{"日本の首相", "日本首相の"},
		{"👍🏽 🇯🇵! 👨‍👩‍👧", "🇯🇵 👍🏽"},
		{"“We differ,” he said — Lavrov–Kono talks.", "\"We differ\", he said - Lavrov-Kono talks"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		edits := Words(a, b)
		checkEdits(t, a, b, edits)
		if again := Words(a, b); !slices.Equal(again, edits) {
			t.Fatalf("Words(%q, %q) not deterministic:\n%v\n%v", a, b, edits, again)
		}
		Render(a, b, edits)
		for _, p := range Replacements(edits) {
			if p[0].Op != Delete || p[1].Op != Insert {
				t.Fatalf("Replacements: %v", p)
			}
		}
	})
}
