package title

import (
	"cmp"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// labels are the words for the kind of a piece ("opinion", "live").
var labels = english.Set("headline-labels")

// Separators that set a site name or a label off a headline. A colon
// separates only a label or a site before the headline ("Opinion: ...").
var (
	headSeps = []string{": ", " | ", " - ", " – ", " — ", " :: ", " · ", " • "}
	tailSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • "}
)

// domain matches a web site's name: "example.com", "www.news.example.co.uk".
var domain = regexp.MustCompile(`^(?i:(?:www\.)?[\p{L}\p{N}-]{2,}(?:\.[\p{L}\p{N}-]{2,})*\.[a-z]{2,6})$`)

// cleanHeadline returns a headline without what is not its wording: the
// site name or the outlet before or after it, labels for the kind of
// piece, a final full stop, and runs of white space. It keeps at least
// two words: a segment whose removal would leave fewer stays.
func cleanHeadline(h, outlet string) string {
	h = strings.Join(strings.Fields(h), " ")
	off := func(seg string) bool { return isLabel(seg) || isSite(seg, outlet) }
	for changed := true; changed && h != ""; {
		changed = false
		for _, try := range []func(string) (string, string, bool){cutBracketHead, cutBracketTail, cutHead, cutTail} {
			rest, seg, ok := try(h)
			if ok && off(seg) && wordCount(rest) >= 2 {
				h, changed = rest, true
			}
		}
		if rest, ok := longestPipeSegment(h); ok {
			h, changed = rest, true
		}
	}
	return dropFullStop(h)
}

// cutHead splits the segment before the first separator off h.
func cutHead(h string) (rest, seg string, ok bool) {
	at, sep := -1, ""
	for _, s := range headSeps {
		if i := strings.Index(h, s); i > 0 && (at < 0 || i < at) {
			at, sep = i, s
		}
	}
	if at < 0 {
		return h, "", false
	}
	return strings.TrimSpace(h[at+len(sep):]), h[:at], true
}

// cutTail splits the segment after the last separator off h.
func cutTail(h string) (rest, seg string, ok bool) {
	at, sep := -1, ""
	for _, s := range tailSeps {
		if i := strings.LastIndex(h, s); i > at {
			at, sep = i, s
		}
	}
	if at <= 0 {
		return h, "", false
	}
	return strings.TrimSpace(h[:at]), strings.TrimSpace(h[at+len(sep):]), true
}

// cutBracketHead splits a bracketed segment at the start off h: "[VIDEO]".
func cutBracketHead(h string) (rest, seg string, ok bool) {
	if h == "" || (h[0] != '[' && h[0] != '(') {
		return h, "", false
	}
	closing := map[byte]byte{'[': ']', '(': ')'}[h[0]]
	end := strings.IndexByte(h, closing)
	if end < 0 {
		return h, "", false
	}
	rest = strings.TrimLeft(strings.TrimSpace(h[end+1:]), ":-–—| ")
	return rest, h[1:end], true
}

// cutBracketTail splits a bracketed segment at the end off h: "(video)".
func cutBracketTail(h string) (rest, seg string, ok bool) {
	if h == "" || (h[len(h)-1] != ']' && h[len(h)-1] != ')') {
		return h, "", false
	}
	opening := map[byte]byte{']': '[', ')': '('}[h[len(h)-1]]
	start := strings.LastIndexByte(h, opening)
	if start <= 0 {
		return h, "", false
	}
	rest = strings.TrimRight(strings.TrimSpace(h[:start]), ":-–—| ")
	return rest, h[start+1 : len(h)-1], true
}

// longestPipeSegment keeps, of a headline in segments set apart by " | "
// ("Politics | Talks resume | Metro Daily"), the segment of most words, the
// first of those; a vertical bar sets off sections and site names, not
// the parts of one headline. False when h has no bar or the segment kept
// has fewer than two words.
func longestPipeSegment(h string) (string, bool) {
	segs := strings.Split(h, " | ")
	if len(segs) < 2 {
		return h, false
	}
	best := segs[0]
	for _, s := range segs[1:] {
		if wordCount(s) > wordCount(best) {
			best = s
		}
	}
	best = strings.TrimSpace(best)
	if wordCount(best) < 2 {
		return h, false
	}
	return best, true
}

// isLabel tells whether seg is a label for the kind of piece.
func isLabel(seg string) bool {
	seg = strings.ToLower(strings.Trim(seg, " .:!-–—|[]()"))
	return labels[strings.Join(strings.Fields(seg), " ")]
}

// isSite tells whether seg names a web site or the outlet: a domain
// name, the outlet's name, or its initials ("NYT" for "New York Times").
// Names are compared on their letters and digits, a leading "the" and a
// parenthesised note of the outlet ("(Online News)") left out; one matches
// the other when either starts with the other, of three characters or more
// ("BBC News" for the outlet "bbc.co.uk").
func isSite(seg, outlet string) bool {
	seg = strings.TrimSpace(seg)
	if domain.MatchString(seg) {
		return true
	}
	if outlet = strings.TrimSpace(outlet); outlet == "" {
		return false
	}
	if i := strings.IndexByte(outlet, '('); i > 0 {
		outlet = strings.TrimSpace(outlet[:i])
	}
	if domain.MatchString(outlet) {
		outlet = domainName(outlet)
	}
	s, o := nameKey(seg), nameKey(outlet)
	if len(s) >= 3 && len(o) >= 3 && (strings.HasPrefix(s, o) || strings.HasPrefix(o, s)) {
		return true
	}
	return len(seg) >= 2 && seg == initials(outlet)
}

// domainName is the name in a domain: its longest label but the last
// (the top-level domain) and "www" ("bbc" of "www.bbc.co.uk").
func domainName(d string) string {
	parts := strings.Split(strings.ToLower(d), ".")
	best := ""
	for _, p := range parts[:len(parts)-1] {
		if p != "www" && len(p) > len(best) {
			best = p
		}
	}
	return cmp.Or(best, d)
}

// nameKey is a name's letters and digits in lower case, a leading "the"
// left out.
func nameKey(name string) string {
	fs := strings.Fields(strings.ToLower(name))
	if len(fs) > 1 && fs[0] == "the" {
		fs = fs[1:]
	}
	var b strings.Builder
	for _, r := range strings.Join(fs, "") {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// initials are the first letters of a name's capitalised words ("NYT"),
// "" for a name of one word.
func initials(name string) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
			n++
		}
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

// wordCount counts the words and numbers of s.
func wordCount(s string) int { return countWords(token.Tokenize(s)) }

// dropFullStop takes a final full stop off h, not the period of an
// abbreviation ("U.S.") nor an ellipsis.
func dropFullStop(h string) string {
	toks := token.Tokenize(h)
	if n := len(toks); n >= 2 && toks[n-1].Text == "." && toks[n-2].Kind != token.Punct {
		return strings.TrimSpace(h[:toks[n-1].Start])
	}
	return h
}

// allCaps tells whether h is written in capitals: two words or more, six
// capital letters or more and no small one.
func allCaps(h string) bool {
	upper := 0
	for _, r := range h {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper >= 6 && wordCount(h) >= 2
}

// casingOf maps each word of the articles' sentences, in lower case, to
// the form they write it in most often when it does not start a sentence
// ("Pelosi", "FBI", "re-elected"); ties go to the form first in sort order.
func casingOf(arts []*corpus.Article) map[string]string {
	counts := map[string]map[string]int{}
	for _, a := range arts {
		if a == nil {
			continue
		}
		for k := range a.Sentences {
			for i, t := range a.PlainTokens(k) {
				if i == 0 || t.Kind != token.Word {
					continue
				}
				low := strings.ToLower(t.Text)
				if counts[low] == nil {
					counts[low] = map[string]int{}
				}
				counts[low][t.Text]++
			}
		}
	}
	out := make(map[string]string, len(counts))
	for low, forms := range counts {
		best, n := "", 0
		for f, c := range forms {
			if c > n || (c == n && f < best) {
				best, n = f, c
			}
		}
		out[low] = best
	}
	return out
}

// sentenceCase rewrites a headline in capitals in sentence case: each
// word as casing gives it, else in lower case, and the first word
// capitalised.
func sentenceCase(h string, casing map[string]string) string {
	var b strings.Builder
	last, first := 0, true
	for _, t := range token.Tokenize(h) {
		if t.Kind != token.Word {
			continue
		}
		low := strings.ToLower(t.Text)
		w := cmp.Or(casing[low], low)
		if first {
			r, size := utf8.DecodeRuneInString(w)
			w = string(unicode.ToUpper(r)) + w[size:]
			first = false
		}
		b.WriteString(h[last:t.Start])
		b.WriteString(w)
		last = t.End
	}
	b.WriteString(h[last:])
	return b.String()
}
