package lexicon

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/internal/english"
)

// TestReportingVerbsListed: every verb form of the generic pack's
// reporting-verb concepts, as a text phrase writes it or a pattern
// matches it, is a form of a verb of internal/english reporting-verbs, the
// list by which quote finds who speaks, so that the verbs the attribution
// analysis weighs are verbs quote attributes by. A phrase of several words
// is left out: "according to" is no verb, and the verb of "lashed out" or
// "took aim at" reports nothing by itself.
func TestReportingVerbsListed(t *testing.T) {
	forms := map[string]bool{}
	for _, line := range english.List("reporting-verbs") {
		for _, f := range english.VerbForms(line) {
			forms[f] = true
		}
	}
	n := 0
	for _, c := range Generic().Concepts {
		if !slices.Contains(c.Tags, "reporting-verb") {
			continue
		}
		for _, p := range c.Phrases {
			written := []string{p.Text}
			if p.Pattern != "" {
				var ok bool
				if written, ok = patternStrings(t, p.Pattern); !ok {
					t.Errorf("%s: pattern %q matches no finite set of words", c.ID, p.Pattern)
					continue
				}
			}
			for _, w := range written {
				if ws := strings.Fields(w); len(ws) != 1 {
					continue
				}
				n++
				if w = strings.ToLower(w); !forms[w] {
					t.Errorf("%s: %q is no form of a verb of internal/english/lists/reporting-verbs.txt", c.ID, w)
				}
			}
		}
	}
	if n < 50 {
		t.Errorf("%d reporting verb forms checked: the concepts or their tag are not found", n)
	}
}

// patternStrings returns every string a pattern matches, when they are
// finitely many: literals, character classes, alternatives, optional
// parts and word boundaries ("\b(says|saying)\b", "\bemphasi[sz]ed\b").
func patternStrings(t *testing.T, pattern string) ([]string, bool) {
	t.Helper()
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(re *syntax.Regexp) ([]string, bool)
	walk = func(re *syntax.Regexp) ([]string, bool) {
		switch re.Op {
		case syntax.OpLiteral:
			return []string{string(re.Rune)}, true
		case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
			return []string{""}, true
		case syntax.OpCharClass:
			var out []string
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i+1]-re.Rune[i] > 64 {
					return nil, false
				}
				for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
					out = append(out, string(r))
				}
			}
			return out, true
		case syntax.OpCapture:
			return walk(re.Sub[0])
		case syntax.OpQuest:
			s, ok := walk(re.Sub[0])
			return append([]string{""}, s...), ok
		case syntax.OpAlternate:
			var out []string
			for _, sub := range re.Sub {
				s, ok := walk(sub)
				if !ok {
					return nil, false
				}
				out = append(out, s...)
			}
			return out, true
		case syntax.OpConcat:
			out := []string{""}
			for _, sub := range re.Sub {
				s, ok := walk(sub)
				if !ok {
					return nil, false
				}
				var next []string
				for _, a := range out {
					for _, b := range s {
						next = append(next, a+b)
					}
				}
				out = next
			}
			return out, true
		}
		return nil, false
	}
	return walk(re)
}
