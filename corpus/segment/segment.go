// Package segment splits English news text into sentences.
//
// Split takes a string of text (UTF-8; invalid bytes are kept as they are)
// and returns its sentences as byte ranges, in order, non-overlapping and
// trimmed of white space. Every line break ends a sentence, so a headline, a
// heading or a bullet without final punctuation is a sentence of its own.
//
// Cost: one pass over the text, O(len(text)) time; the only allocation is
// the result slice.
//
// Algorithm: a sentence can end only at a run of terminal marks (. ? ! and
// ellipses) with any closing quotes and brackets after it, followed by white
// space. Whether it does end there is decided by rules of general English
// usage: what follows (a lower-case word, a comma or a dash continues the
// sentence), the word the period ends (titles such as Mr. and Sen. never end
// a sentence; initials, initialisms such as U.S. and suffixes such as Jr. end
// one only before a common sentence-opening word; other abbreviations such as
// Jan., Corp. and state names never before a number), attributions after a
// quoted question or exclamation ("...?” Roberts asked), spaced ellipses
// marking an omission, and list markers ("3.") that open a sentence. Inside
// a line, a bullet starts a list item, and so does the marker of the item
// that comes next after the one opening the sentence, in the same style
// ("1. The first item 2. The second item", "a) ... b)").
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Range is a sentence as the byte range [Start, End) of the text given to Split.
type Range struct{ Start, End int }

// Split returns the sentences of text, in order, non-overlapping, each
// trimmed of surrounding white space (including U+00A0). Every line break
// ends a sentence (callers turn soft line wraps into spaces before calling).
// Empty/whitespace-only input gives nil.
func Split(text string) []Range {
	var out []Range
	start := 0
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		if !interesting[c] {
			i++
			continue
		}
		switch c {
		case '\n', '\r', '\v', '\f':
			out = appendTrimmed(out, text, start, i)
			i++
			start = i
			continue
		case ')':
			if mayEndMarker(text, start, i) {
				if ms := nextItem(text, start, i); ms > 0 {
					out = appendTrimmed(out, text, start, ms)
					start = ms
				}
			}
			i++
			continue
		case '.':
			if mayEndMarker(text, start, i) {
				if ms := nextItem(text, start, i); ms > 0 {
					out = appendTrimmed(out, text, start, ms)
					start = ms
				}
			}
			fallthrough
		case '?', '!':
			end, split := boundary(text, start, i)
			if split {
				out = appendTrimmed(out, text, start, end)
				start = end
			}
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\u0085', '\u2028', '\u2029':
			out = appendTrimmed(out, text, start, i)
			i += size
			start = i
		case '…':
			end, split := boundary(text, start, i)
			if split {
				out = appendTrimmed(out, text, start, end)
				start = end
			}
			i = end
		case '•', '◦', '▪', '■', '►', '‣', '⁃':
			// A bullet inside a line starts a list item: it belongs to
			// the sentence it starts.
			if precededBySpace(text, i) && firstWord(text, start, i) < i {
				out = appendTrimmed(out, text, start, i)
				start = i
			}
			i += size
		default:
			i += size
		}
	}
	return appendTrimmed(out, text, start, n)
}

// interesting marks the bytes Split must look at: terminal marks, closing
// parentheses (of list markers), ASCII line breaks and the lead bytes of
// U+0085, U+2028, U+2029, U+2026 and the bullets.
var interesting = [256]bool{
	'\n': true, '\r': true, '\v': true, '\f': true,
	'.': true, '?': true, '!': true, ')': true,
	0xC2: true, 0xE2: true,
}

// appendTrimmed appends text[a:b] trimmed of space, unless nothing is left.
func appendTrimmed(out []Range, text string, a, b int) []Range {
	for a < b {
		if text[a] < utf8.RuneSelf {
			if !asciiSpace[text[a]] {
				break
			}
			a++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[a:b])
		if !isSpace(r) {
			break
		}
		a += size
	}
	for a < b {
		if text[b-1] < utf8.RuneSelf {
			if !asciiSpace[text[b-1]] {
				break
			}
			b--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if !isSpace(r) {
			break
		}
		b -= size
	}
	if a < b {
		out = append(out, Range{a, b})
	}
	return out
}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// isSpace reports whether r is white space: Unicode White_Space (which
// includes U+00A0 and the line breaks), the zero-width space and the BOM.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// spaceAt returns the size of the white space rune at text[i], or 0.
func spaceAt(text string, i int) (size int, lineBreak bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1, c != ' ' && c != '\t'
		}
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if isSpace(r) {
		return size, isLineBreak(r)
	}
	return 0, false
}

// closerAt returns the size of a closing quote or bracket at text[i], or 0,
// and whether it is a quote.
func closerAt(text string, i int) (size int, quote bool) {
	switch text[i] {
	case '"', '\'':
		return 1, true
	case ')', ']', '}':
		return 1, false
	}
	if text[i] < utf8.RuneSelf {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '”', '’', '»', '›':
		return size, true
	}
	return 0, false
}

// boundary examines the terminal mark at text[i] (within the sentence that
// began at start). It returns the end of the run of terminal marks and
// closers that begins there, and whether the sentence ends with that run.
func boundary(text string, start, i int) (end int, split bool) {
	n := len(text)
	j := i
	var (
		question    bool // ? or ! in the run
		quoteAfterQ bool // a closing quote after the ? or !
		closer      bool // a closer after the first mark
		again       bool // a terminal mark after a closer
		periods     int  // leading run of periods
		ellipsis    bool // the run starts with an ellipsis
	)
	for j < n {
		c := text[j]
		switch c {
		case '.':
			if closer {
				again = true
			} else if !question && periods == j-i {
				periods++
			}
			j++
			continue
		case '?', '!':
			if closer {
				again = true
			}
			question = true
			j++
			continue
		}
		if c == 0xE2 && j+2 < n && text[j+1] == 0x80 && text[j+2] == 0xA6 { // …
			if j == i {
				ellipsis = true
			} else if closer {
				again = true
			}
			j += 3
			continue
		}
		size, quote := closerAt(text, j)
		if size == 0 {
			break
		}
		closer = true
		if quote && question {
			quoteAfterQ = true
		}
		j += size
	}
	if periods >= 3 {
		ellipsis = true
	}
	if j >= n {
		return j, false
	}
	size, _ := spaceAt(text, j)
	if size == 0 {
		return j, false // 4.2, U.S., example.com, (R-Ga.), ...
	}
	// Skip the white space to the next word.
	k := j
	for k < n {
		var lb bool
		size, lb = spaceAt(text, k)
		if size == 0 {
			break
		}
		if lb {
			return j, false // the line break ends the sentence anyway
		}
		k += size
	}
	if k >= n {
		return j, false
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	if unicode.IsLower(r) && !camelCase(text, k) || continues(r) {
		return j, false
	}
	if r == '.' || r == '…' {
		// An ellipsis after white space: after a word's period it opens
		// the next sentence (“It ended. ... Then”); after ... or ?
		// it is part of a spaced ellipsis.
		if text[i] != '.' || j != i+1 || precededBySpace(text, i) {
			return j, false
		}
		q := k
		for q < n {
			if text[q] == '.' {
				q++
			} else if size, lb := spaceAt(text, q); size > 0 && !lb {
				q += size
			} else if strings.HasPrefix(text[q:], "…") {
				q += len("…")
			} else {
				break
			}
		}
		if q >= n {
			return j, false
		}
		if size, _ := closerAt(text, q); size > 0 {
			return j, false
		}
		r, _ = utf8.DecodeRuneInString(text[q:])
		if unicode.IsLower(r) || continues(r) {
			return j, false
		}
		return j, true
	}

	switch {
	case question:
		if !closer && text[i] == '!' && j == i+1 {
			if w := wordBefore(text, i); w == "Yahoo" || w == "Jeopardy" {
				return j, false
			}
		}
		if quoteAfterQ && attribution(text, k) {
			return j, false
		}
		return j, true
	case ellipsis:
		// A spaced ellipsis marks an omission inside a sentence, and so
		// does one in brackets.
		if i == start || precededBySpace(text, i) || text[i-1] == '[' || text[i-1] == '(' {
			return j, false
		}
		return j, true
	}

	// A period ending a word.
	ts := tokenStart(text, i)
	tok := text[ts:i]
	if tok != "" && j == i+2 && text[i+1] == ')' && isListMarker(tok) && ts == firstWord(text, start, i) {
		return j, false // 1.) The first item
	}
	if again || closer {
		return j, true
	}
	if tok == "" {
		// 2.1%. or ”. or a period standing alone. A run of spaced
		// periods is an ellipsis (. . .), which ends a sentence only
		// when it has a fourth period for the sentence's own (. . . .).
		if precededBySpace(text, i) {
			dots := 1
			p := i
			for {
				for p > start {
					size := lastSpaceSize(text, p)
					if size == 0 {
						break
					}
					p -= size
				}
				if p <= start || text[p-1] != '.' {
					break
				}
				dots++
				p--
			}
			if dots > 1 && dots < 4 {
				return j, false
			}
		}
		return j, true
	}
	if isListMarker(tok) && ts == firstWord(text, start, i) {
		return j, false
	}
	cls := classify(tok)
	if cls == plain {
		return j, true
	}
	return j, splitAfterAbbrev(text, cls, start, ts, k)
}

// continues reports whether a word starting with r continues a sentence
// rather than starting one.
func continues(r rune) bool {
	switch r {
	case ',', ';', ':', ')', ']', '}', '-', '–', '—', '―', '‒', '%', '/', '&', '?', '!', '|':
		return true
	}
	return false
}

// precededBySpace reports whether text[i-1] is white space.
func precededBySpace(text string, i int) bool {
	return i > 0 && lastSpaceSize(text, i) > 0
}

// lastSpaceSize returns the size of the white space rune ending at text[i], or 0.
func lastSpaceSize(text string, i int) int {
	if i == 0 {
		return 0
	}
	c := text[i-1]
	if c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if isSpace(r) {
		return size
	}
	return 0
}

// tokenStart returns the start of the word that ends at text[i]: letters,
// digits, degree signs and periods (so U.S, p.m, S.C, N°, 15°C stay whole),
// stopping at hyphens, brackets, quotes, slashes and space (R-Fla, (N.Y,
// ex-Sen give Fla, N.Y, Sen).
func tokenStart(text string, i int) int {
	p := i
	for p > 0 {
		c := text[p-1]
		if c < utf8.RuneSelf {
			if c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				p--
				continue
			}
			break
		}
		r, size := utf8.DecodeLastRuneInString(text[:p])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '°' {
			break
		}
		p -= size
	}
	for p < i && text[p] == '.' {
		p++
	}
	return p
}

// wordBefore returns the letters immediately before text[i].
func wordBefore(text string, i int) string {
	p := i
	for p > 0 && isASCIILetter(text[p-1]) {
		p--
	}
	return text[p:i]
}

// firstWord returns the position of the first word of the sentence that
// began at start, past white space and bullet marks; i bounds the search.
func firstWord(text string, start, i int) int {
	p := start
	for p < i {
		c := text[p]
		if c == '*' || c == '-' || c == '#' || c == '(' {
			p++
			continue
		}
		if size, _ := spaceAt(text, p); size > 0 {
			p += size
			continue
		}
		r, size := utf8.DecodeRuneInString(text[p:])
		switch r {
		case '•', '◦', '▪', '■', '►', '‣', '⁃', '·', '–', '—':
			p += size
			continue
		}
		break
	}
	return p
}

// mayEndMarker is a quick test, before nextItem, of whether text[i] may
// end a list marker: a digit before it, or a letter standing alone.
func mayEndMarker(text string, start, i int) bool {
	if i < start+2 {
		return false
	}
	c := text[i-1]
	if c >= '0' && c <= '9' {
		return true
	}
	c2 := text[i-2]
	return isASCIILetter(c) && (c2 >= utf8.RuneSelf || asciiSpace[c2])
}

// nextItem looks at the period or parenthesis at text[i], in the sentence
// that began at start. When it ends the marker of the list item that comes
// next after the one opening that sentence, in the same style (“1. The
// first item 2. The second”, “a) ... b)”, “9.) ... 10.)”), nextItem returns
// the start of that marker, where the next item begins; else 0. A marker
// stands after white space and before white space and a word that is not
// lower case; a letter before a period must be lower case (“A. Smith and
// B. Jones” are initials).
func nextItem(text string, start, i int) int {
	// The marker: 1-3 digits or one letter, then . or .) or ).
	m := i
	for m > start && i-m < 3 && text[m-1] >= '0' && text[m-1] <= '9' {
		m--
	}
	if m == i {
		if m > start && isASCIILetter(text[m-1]) {
			m--
		} else {
			return 0
		}
	}
	if m <= start || !precededBySpace(text, m) {
		return 0
	}
	end := i + 1
	if text[i] == '.' && end < len(text) && text[end] == ')' {
		end++
	}
	if end >= len(text) {
		return 0
	}
	k := end
	for k < len(text) {
		size, lb := spaceAt(text, k)
		if size == 0 || lb {
			break
		}
		k += size
	}
	if k == end || k == len(text) {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsLower(r) || continues(r) {
		return 0 // what follows a list marker is a new item, not a lower-case word
	}
	// The marker opening the sentence, in the same style.
	f := firstWord(text, start, m)
	g := f
	for g < m && g-f < 3 && text[g] >= '0' && text[g] <= '9' {
		g++
	}
	digits := g > f
	if !digits {
		if g >= m || !isASCIILetter(text[g]) {
			return 0
		}
		g++
	}
	if g+(end-i) >= m || text[g:g+(end-i)] != text[i:end] {
		return 0
	}
	if size, _ := spaceAt(text, g+(end-i)); size == 0 {
		return 0
	}
	if digits != (text[m] >= '0' && text[m] <= '9') {
		return 0
	}
	if !digits {
		if text[i] == '.' && !(text[m] >= 'a' && text[m] <= 'z') {
			return 0
		}
		if text[m] != text[f]+1 {
			return 0
		}
		return m
	}
	if atoi(text[m:i]) != atoi(text[f:g])+1 {
		return 0
	}
	return m
}

// atoi returns the value of a short run of ASCII digits.
func atoi(s string) int {
	v := 0
	for k := 0; k < len(s); k++ {
		v = v*10 + int(s[k]-'0')
	}
	return v
}

// isListMarker reports whether tok, followed by a period at the start of a
// sentence, numbers a list item: 1-3 digits, one letter or a small Roman
// numeral.
func isListMarker(tok string) bool {
	if len(tok) <= 3 {
		digits := true
		for k := 0; k < len(tok); k++ {
			if tok[k] < '0' || tok[k] > '9' {
				digits = false
				break
			}
		}
		if digits {
			return true
		}
	}
	if len(tok) == 1 && isASCIILetter(tok[0]) {
		return true
	}
	switch tok {
	case "II", "III", "IV", "VI", "VII", "VIII", "IX", "ii", "iii", "iv", "vi", "vii", "viii", "ix":
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// Classes of words that a period may follow.
const (
	plain    = iota // an ordinary word: the period ends the sentence
	title           // Mr., Sen., e.g., vs.: never ends a sentence
	initial         // C., U.S., Jr., St.: ends one only before a sentence opener
	abbrev          // Jan., Corp., Calif., pop.: ends one unless a number follows
	clockAbb        // a.m., p.m.: ends one unless a day, month or time zone follows or it ends a time opening the sentence
	company         // Inc., Corp.: like abbrev, but not before a corporate title
)

// classify returns the class of tok, the word before a period.
func classify(tok string) int {
	if c, ok := abbreviations[tok]; ok {
		return c
	}
	if len(tok) == 1 {
		if isUpperASCII(tok[0]) {
			return initial
		}
		return abbrev // a. b. p. v.
	}
	// Initialisms with inner periods: U.S, N.Y, C.P.I, p.m, Ph.D.
	dots, seg, upper, lower := 0, 0, 0, 0
	for k := 0; k < len(tok); k++ {
		c := tok[k]
		switch {
		case c == '.':
			if seg == 0 {
				return plain
			}
			dots++
			seg = 0
		case isUpperASCII(c):
			upper++
			seg++
		case c >= 'a' && c <= 'z':
			lower++
			seg++
		default:
			return plain
		}
		if seg > 2 {
			return plain
		}
	}
	if dots == 0 || seg == 0 {
		return plain
	}
	if upper == 0 {
		switch tok {
		case "a.m", "p.m":
			return clockAbb
		}
		return abbrev
	}
	return initial
}

// splitAfterAbbrev decides whether a sentence ends after an abbreviation of
// class cls (not plain), written at text[ts] in the sentence that began at
// start, whose next word starts at text[k], a word that is neither
// lower-case nor punctuation that continues a sentence.
func splitAfterAbbrev(text string, cls, start, ts, k int) bool {
	if cls == title {
		return false
	}
	c := text[k]
	if c >= '0' && c <= '9' || c == '(' || c == '[' || c == '$' || c == '#' {
		return false // Jan. 6, No. 2, pop. 20,000, Inc. (NYSE: X)
	}
	w := wordAt(text, k)
	if w == "" {
		// An opening quote, a bullet, a symbol or another script.
		if cls == initial {
			r, _ := utf8.DecodeRuneInString(text[k:])
			return isOpener(r)
		}
		return true
	}
	switch cls {
	case initial:
		return starters[w]
	case clockAbb:
		return !clockFollowers[w] && !timeOpener(text, start, ts)
	case company:
		// Apple Inc. CEO Tim Cook, Pfizer Inc. Chief Executive Albert Bourla
		if corporateTitles[w] || len(w) >= 2 && allUpper(w) {
			return false
		}
	}
	// abbrev: a title after it means the abbreviation is used attributively
	// (Calif. Gov. Gavin Newsom).
	if k+len(w) < len(text) && text[k+len(w)] == '.' && abbreviations[w] == title {
		return false
	}
	return true
}

// timeOpener reports whether the sentence that began at start is, up to
// text[ts], no more than prepositions and a clock time: “At 5 a.m.” or
// “Shortly after 6:30 p.m.” opens a sentence and cannot be one, so the
// capitalized word after it is the sentence's subject (At 5 a.m. Mr. Smith
// went to the bank).
func timeOpener(text string, start, ts int) bool {
	p := firstWord(text, start, ts)
	words := 0
	for p < ts {
		w := wordAt(text, p)
		if w == "" || !timePrepositions[w] {
			break
		}
		words++
		p += len(w)
		for p < ts && text[p] == ' ' {
			p++
		}
	}
	if words == 0 || p == ts {
		return false
	}
	for ; p < ts; p++ {
		if c := text[p]; !(c >= '0' && c <= '9' || c == ':' || c == '.' || c == ' ') {
			return false
		}
	}
	return true
}

// isOpener reports whether r opens a quotation or a list item.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '•', '◦', '▪', '■', '►', '‣':
		return true
	}
	return false
}

// wordAt returns the run of ASCII letters at text[k].
func wordAt(text string, k int) string {
	e := k
	for e < len(text) && isASCIILetter(text[e]) {
		e++
	}
	return text[k:e]
}

// attribution reports whether the words at text[k] attribute a quotation
// that has just closed: a speaker starting with a capital (a name, perhaps
// with a title or a description before it, or a pronoun) and a verb of
// saying, as in “...?” Roberts asked, “...!” Mr. Trump was quoted as saying
// or “...?” Senate Majority Leader Mitch McConnell told reporters.
func attribution(text string, k int) bool {
	n := len(text)
	lastName := false // the last word other than a filler was capitalized
	for words := 0; words < 9 && k < n; words++ {
		e := k
		for e < n {
			if size, _ := spaceAt(text, e); size > 0 {
				break
			}
			e++
		}
		w := text[k:e]
		if w == "" {
			return false
		}
		switch {
		case words == 0 && starters[w] && !pronouns[w]:
			return false // “Why?” Nobody answered. “Fair?” Critics said no.
		case isUpperASCII(w[0]):
			if w[len(w)-1] == '.' {
				b := w[:len(w)-1]
				if abbreviations[b] != title && len(b) != 1 {
					return false
				}
			} else if !isNameWord(w) {
				return false
			}
			lastName = true
		case words == 0:
			return false
		case speechVerbs[trimComma(w)]:
			return lastName
		case attributionFillers[w] || len(w) > 4 && w[len(w)-2:] == "ly":
			// was quoted, later said, reportedly said
		case isNameWord(w):
			lastName = false // White House press secretary Jen Psaki asked
		default:
			return false
		}
		k = e
		for k < n {
			size, lb := spaceAt(text, k)
			if size == 0 || lb {
				break
			}
			k += size
		}
	}
	return false
}

func allUpper(w string) bool {
	for k := 0; k < len(w); k++ {
		if !isUpperASCII(w[k]) {
			return false
		}
	}
	return true
}

// isNameWord reports whether w is a capitalized word: letters with inner
// apostrophes or hyphens (O'Neill, Ocasio-Cortez).
func isNameWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return true
}

func trimComma(w string) string {
	if len(w) > 1 && (w[len(w)-1] == ',' || w[len(w)-1] == '.') {
		return w[:len(w)-1]
	}
	return w
}

// camelCase reports whether the word at text[k] is a lower-case letter
// followed by a capital, as in the names iPhone and eBay, which may start a
// sentence.
func camelCase(text string, k int) bool {
	return k+2 < len(text) && text[k] >= 'a' && text[k] <= 'z' && isUpperASCII(text[k+1]) &&
		text[k+2] >= 'a' && text[k+2] <= 'z'
}
