package lexicon

import (
	"regexp/syntax"
	"strings"
	"unicode"
)

// A prefilter is a set of lower-case strings one of which every match of a
// pattern contains, so that a text holding none of them need not be
// searched (the idea of RE2's prefilter, for the few dozen patterns of a
// concept file). A nil prefilter filters nothing.
type prefilter []string

// newPrefilter derives the prefilter of a pattern, nil if it has none (a
// pattern that can match without any literal, like `\w+`).
func newPrefilter(pattern string) prefilter {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	set, ok := required(re.Simplify())
	if !ok {
		return nil
	}
	return set
}

// keep reports whether lower (a text in lower case) may hold a match.
func (p prefilter) keep(lower string) bool {
	if p == nil {
		return true
	}
	for _, s := range p {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return false
}

// required returns strings one of which every match of re contains.
func required(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, false
		}
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil, false
	case syntax.OpConcat:
		// Any one part's strings will do: take the one whose shortest
		// string is longest (the most selective).
		var best []string
		bestLen := -1
		for _, s := range re.Sub {
			set, ok := required(s)
			if !ok {
				continue
			}
			if n := shortest(set); n > bestLen {
				best, bestLen = set, n
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var all []string
		for _, s := range re.Sub {
			set, ok := required(s)
			if !ok {
				return nil, false
			}
			all = append(all, set...)
		}
		return all, true
	case syntax.OpCharClass:
		// A class of one letter in both cases ([Aa], as (?i) makes them).
		if len(re.Rune) == 4 && re.Rune[0] == re.Rune[1] && re.Rune[2] == re.Rune[3] &&
			unicode.ToLower(re.Rune[0]) == unicode.ToLower(re.Rune[2]) {
			return []string{string(unicode.ToLower(re.Rune[0]))}, true
		}
	}
	return nil, false
}

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}
