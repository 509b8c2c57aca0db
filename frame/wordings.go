// Wordings: how two mentions count as one wording (Norm, Key), labels,
// and which wordings set reports apart (Differs, Contrasts).

package frame

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

var quotes = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"")

// Norm is the form in which two phrases count as the same: lower case,
// one space, straight quotes.
func Norm(s string) string {
	s = quotes.Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// label is a concept's commonest wording (by Key; ties: the longer, then
// the smaller), as written in its shortest form ("Silver Isles" over
// "the Silver Isles"), then the one with fewest capitals ("talks" over the
// "Talks" that starts a sentence).
func label(ms []Mention) string {
	n := map[string]int{}
	text := map[string]string{}
	for _, m := range ms {
		if m.Nested {
			continue
		}
		k := Key(m.Text)
		n[k]++
		if t, ok := text[k]; !ok || shorterForm(m.Text, t) {
			text[k] = m.Text
		}
	}
	best := ""
	for k := range n {
		if best == "" || n[k] > n[best] || (n[k] == n[best] && (len(k) > len(best) || (len(k) == len(best) && k < best))) {
			best = k
		}
	}
	t := text[best]
	if first, rest, ok := strings.Cut(t, " "); ok && determiners[strings.ToLower(first)] {
		t = rest // "Silver Isles", not "the Silver Isles"; "position", not "its position"
	}
	return t
}

// shorterForm orders the written forms of one wording: the shorter, then
// the one with fewer capitals, then the smaller.
func shorterForm(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	if ca, cb := capitals(a), capitals(b); ca != cb {
		return ca < cb
	}
	return a < b
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Outlets counts the articles that mention c.
func Outlets(c Concept) int {
	seen := map[int]bool{}
	for _, m := range c.Mentions {
		seen[m.Article] = true
	}
	return len(seen)
}

// Telling reports whether c's wordings were put together by more than
// their shape: a concept file, a diff or a writer's contrast, or a report
// saying two names name one thing (an alias statement). Contrasts in such
// concepts are the ones to show first.
func Telling(c Concept) bool {
	return c.Source != Entity || slices.Contains(c.Tags, TagAlias)
}

// Differs reports whether two articles name c differently: one uses a
// wording the other never does, and the other one the first never does
// ("Silver Isles" against "Grey Rocks"). Wordings are
// compared by Key, so "the talks" and "talks" are one wording.
func Differs(c Concept) bool {
	per, arts := wordings(c)
	own := func(x, y map[string]bool) bool { // x has a wording y lacks
		for k := range x {
			if !y[k] {
				return true
			}
		}
		return false
	}
	for i, a := range arts {
		for _, b := range arts[i+1:] {
			if own(per[a], per[b]) && own(per[b], per[a]) {
				return true
			}
		}
	}
	return false
}

// Contrasts counts the pairs of wordings that set two articles apart
// over c: article X says a, which Y never does, where Y says b, which X
// never does, neither wording holds the other and their last words differ
// ("Silver Isles" against "Grey Rocks"; not "Rivera" against
// "Alma Rivera", nor "a peace plan" against "Norland's plan").
func Contrasts(c Concept) int {
	n := 0
	for _, p := range contrastPairs(c) {
		n += len(p)
	}
	return n
}

// Contrasting tells, per article, its wordings (by Key) that stand in a
// contrast of c (see Contrasts): the ones worth marking.
func Contrasting(c Concept) map[int]map[string]bool {
	out := map[int]map[string]bool{}
	per, _ := wordings(c)
	for art, ps := range contrastPairs(c) {
		for p := range ps {
			for _, k := range p {
				for _, a := range []int{art[0], art[1]} {
					if per[a][k] { // a uses wording k
						if out[a] == nil {
							out[a] = map[string]bool{}
						}
						out[a][k] = true
					}
				}
			}
		}
	}
	return out
}

// wordings lists the wordings (by Key) each article uses for c, nested
// mentions aside, and the articles in order.
func wordings(c Concept) (map[int]map[string]bool, []int) {
	per := map[int]map[string]bool{}
	for _, m := range c.Mentions {
		if m.Nested {
			continue
		}
		if per[m.Article] == nil {
			per[m.Article] = map[string]bool{}
		}
		per[m.Article][Key(m.Text)] = true
	}
	arts := make([]int, 0, len(per))
	for a := range per {
		arts = append(arts, a)
	}
	slices.Sort(arts)
	return per, arts
}

// contrastPairs lists, for each pair of articles, the pairs of wordings
// that set them apart.
func contrastPairs(c Concept) map[[2]int]map[[2]string]bool {
	per, arts := wordings(c)
	out := map[[2]int]map[[2]string]bool{}
	for i, x := range arts {
		for _, y := range arts[i+1:] {
			for a := range per[x] {
				if per[y][a] {
					continue
				}
				for b := range per[y] {
					if per[x][b] || holds(a, b) || holds(b, a) || head(a) == head(b) {
						continue
					}
					k := [2]int{x, y}
					if out[k] == nil {
						out[k] = map[[2]string]bool{}
					}
					out[k][[2]string{a, b}] = true
				}
			}
		}
	}
	return out
}

// head is the last word of a wording (its head noun, mostly): "a peace
// plan" and "Norland's plan" share theirs and do not contrast.
func head(k string) string {
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		return k[i+1:]
	}
	return k
}

// holds reports whether wording a holds the words of b in a row.
func holds(a, b string) bool {
	return strings.Contains(" "+a+" ", " "+b+" ")
}

// Key is the form in which two wordings count as one: Norm, without
// leading determiners and possessive pronouns, the possessive and plural
// s dropped from the last word ("The islands", "islands" and "the
// islands'" are one wording).
func Key(s string) string {
	// Norm in one pass, and without full stops ("U.S." and "US" are one
	// wording): lower case, straight quotes, words joined by one space.
	b := make([]byte, 0, len(s))
	gap := false
	for _, r := range s {
		switch r {
		case '.':
			continue
		case '’', '‘':
			r = '\''
		case '“', '”':
			r = '"'
		}
		if unicode.IsSpace(r) {
			gap = len(b) > 0
			continue
		}
		if gap {
			b = append(b, ' ')
			gap = false
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	k := string(b)
	for {
		first, rest, ok := strings.Cut(k, " ")
		if !ok || !determiners[first] {
			break
		}
		k = rest
	}
	head, last := "", k
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		head, last = k[:i+1], k[i+1:]
	}
	last = strings.TrimSuffix(last, "'s") // "the president's" is "the president"
	if strings.HasSuffix(last, "s'") {
		last = last[:len(last)-1] // "the islands'"
	}
	if l := singular(last); head != "" || l != k {
		return oneSpelling(head + l)
	}
	return oneSpelling(k)
}

// oneSpelling writes the British -our of a word of six letters or more as
// the American -or ("harbour", "labour", "honour"): "the Harbour Bridge"
// and "the Harbor Bridge" are one wording, and one name. Shorter words
// keep theirs ("hour", "tour", "four"); the longer words that end in -our
// and are no such spelling ("detour", "devour") meet no -or word.
func oneSpelling(k string) string {
	if !strings.Contains(k, "our") {
		return k
	}
	words := strings.Split(k, " ")
	for i, w := range words {
		if len(w) >= 6 && strings.HasSuffix(w, "our") {
			words[i] = w[:len(w)-2] + "r"
		}
	}
	return strings.Join(words, " ")
}
