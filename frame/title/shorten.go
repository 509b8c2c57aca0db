package title

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

var (
	// subordinators open a clause that adds to a sentence's main clause
	// ("when", "amid"): a title may end before one.
	subordinators = english.Set("subordinators")
	// adverbialOpeners open a phrase before a sentence's subject ("In a
	// ruling on Monday, ...").
	adverbialOpeners = english.Set("adverbial-openers")
)

// ellipsis ends a title that was cut.
const ellipsis = "…"

// datelineMaxTokens bounds how far into a lead sentence a dateline's dash
// is looked for ("NEW YORK, Oct. 3 (Wire) —").
const datelineMaxTokens = 14

const (
	// leadMinKept is the fewest words a cut lead keeps before a clause
	// boundary; with fewer, it is cut after MaxLeadWords words instead.
	leadMinKept = 6
	// openerMaxTokens bounds how far the comma that ends a sentence's
	// opening phrase is looked for.
	openerMaxTokens = 25
	// parenMaxWords is the most words of an aside dropParens takes out.
	parenMaxWords = 6
	// appositiveMaxWords is the most words of an appositive
	// dropAppositive takes out.
	appositiveMaxWords = 15
	// nameMaxExtra is the most words a cut lead runs past MaxLeadWords to
	// finish a name.
	nameMaxExtra = 3
)

// fit returns text cut to at most limit characters (runes), the "…"
// included, and whether it is cut (or was already: cut). It cuts before
// the last clause boundary (see clauseBoundary) that keeps at least half
// of limit (two thirds before a word such as "after"), else at the last
// word boundary, then drops trailing stopwords and punctuation.
func fit(text string, limit int, cut bool) (string, bool) {
	if utf8.RuneCountInString(text) <= limit {
		return text, cut
	}
	text = strings.TrimSuffix(text, ellipsis)
	toks := token.Tokenize(text)
	room := limit - utf8.RuneCountInString(ellipsis)
	clause, word := -1, -1
	for k := 1; k < len(toks); k++ {
		if utf8.RuneCountInString(text[:toks[k].Start]) > room {
			break
		}
		if spaceBefore(text, toks[k]) {
			word = k
		}
		if clauseBoundary(text, toks, k) {
			kept := utf8.RuneCountInString(text[:toks[k].Start])
			if kept*2 >= limit && toks[k].Kind == token.Punct || kept*3 >= limit*2 {
				clause = k
			}
		}
	}
	at := word
	if clause > 0 {
		at = clause
	}
	if at <= 0 {
		return hardCut(text, room), true
	}
	kept := trimEnd(toks[:at])
	if len(kept) == 0 {
		return hardCut(text, room), true
	}
	return strings.TrimSpace(text[:kept[len(kept)-1].End]) + ellipsis, true
}

// hardCut cuts text after room characters, for a text with no word
// boundary early enough.
func hardCut(text string, room int) string {
	rs := []rune(text)
	return strings.TrimSpace(string(rs[:min(room, len(rs))])) + ellipsis
}

// shortenLead makes a lead sentence a title: white space made plain, a
// dateline taken off (dropDateline), a leading adverbial phrase
// (dropOpener), short parentheticals (dropParens) and an appositive after
// a leading name (dropAppositive) left out, and what is left cut to at
// most maxWords words (cutWords). A final full stop is dropped. It returns
// "" when nothing is left, and whether it cut words off.
func shortenLead(text string, maxWords int) (string, bool) {
	text = strings.Join(strings.Fields(text), " ")
	for _, step := range []func(string) string{dropDateline, dropOpener, dropParens, dropAppositive} {
		text = step(text)
	}
	return cutWords(dropFullStop(text), maxWords)
}

// cutWords cuts text to at most maxWords words: before the last clause
// boundary (clauseBoundary) that keeps leadMinKept words or more, else
// before the word after the maxWords-th (or after the name that word
// starts, finishName), then drops the stopwords and punctuation it would
// end in and adds "…".
func cutWords(text string, maxWords int) (string, bool) {
	toks := token.Tokenize(text)
	if countWords(toks) <= maxWords {
		return strings.TrimSpace(text), false
	}
	clause, words, wordEnd := -1, 0, len(toks)
	for k, t := range toks {
		if k > 0 && words >= leadMinKept && clauseBoundary(text, toks, k) {
			clause = k
		}
		if t.Kind == token.Word || t.Kind == token.Number {
			if words++; words > maxWords {
				wordEnd = k
				break
			}
		}
	}
	at := finishName(toks, wordEnd)
	if clause > 0 {
		at = clause
	}
	kept := trimEnd(toks[:at])
	if len(kept) == 0 {
		return "", false
	}
	return strings.TrimSpace(text[:kept[len(kept)-1].End]) + ellipsis, true
}

// finishName moves a cut before toks[at] past the rest of a name it
// would split ("former President Dana | Lord"), by at most nameMaxExtra
// words.
func finishName(toks []token.Token, at int) int {
	name := func(k int) bool { return k < len(toks) && toks[k].Kind == token.Word && startsUpper(toks[k].Text) }
	if at == 0 || !name(at-1) {
		return at
	}
	for extra := 0; extra < nameMaxExtra && name(at); extra++ {
		at++
	}
	return at
}

// dropDateline takes a dateline off the start of a lead: a parenthesised
// name ("(Wire) — ", "(Wire)"), or everything before a spaced dash near
// the start when the first word is in capitals ("PORT ELLIS, Norland — ").
func dropDateline(text string) string {
	toks := token.Tokenize(text)
	k := 0
	if len(toks) > 0 && toks[0].Text == "(" {
		for j := 1; j < min(len(toks), 6); j++ {
			if toks[j].Text == ")" {
				k = j + 1
				break
			}
		}
	}
	if k == 0 && len(toks) > 0 && capitalWord(toks[0]) {
		for j := 1; j < min(len(toks), datelineMaxTokens); j++ {
			if isDash(toks[j].Text) && spaceBefore(text, toks[j]) {
				k = j
				break
			}
		}
	}
	for k < len(toks) && isDash(toks[k].Text) {
		k++
	}
	if k == 0 || k >= len(toks) {
		return text
	}
	return text[toks[k].Start:]
}

// dropOpener takes off a phrase that opens a sentence with a word of
// adverbial-openers and ends in a comma before its subject ("In a ruling
// on Monday, the court ..." is "The court ..."), when at least
// leadMinWords words follow the comma.
func dropOpener(text string) string {
	toks := token.Tokenize(text)
	if len(toks) == 0 || toks[0].Kind != token.Word || !adverbialOpeners[toks[0].Norm] {
		return text
	}
	for k := 1; k < min(len(toks), openerMaxTokens); k++ {
		if toks[k].Text != "," {
			continue
		}
		if countWords(toks[k+1:]) < leadMinWords {
			return text
		}
		return capitalise(text[toks[k+1].Start:])
	}
	return text
}

// dropParens takes out the parenthesised asides of at most parenMaxWords
// words ("the Centers for Disease Control (CDC) said").
func dropParens(text string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(text, '(')
		if open < 0 {
			break
		}
		end := strings.IndexByte(text[open:], ')')
		if end < 0 || wordCount(text[open:open+end]) > parenMaxWords {
			b.WriteString(text[:open+1])
			text = text[open+1:]
			continue
		}
		b.WriteString(strings.TrimRight(text[:open], " "))
		text = text[open+end+1:]
	}
	b.WriteString(text)
	return strings.Join(strings.Fields(b.String()), " ")
}

// dropAppositive takes out an appositive set off by commas after the name
// a sentence opens with: "Dana Lord, the port's director, resigned" is
// "Dana Lord resigned". The name is one to six capitalised words; the
// appositive starts in lower case and has at most appositiveMaxWords
// words.
func dropAppositive(text string) string {
	toks := token.Tokenize(text)
	k := 0
	for k < len(toks) && k < 6 && toks[k].Kind == token.Word && startsUpper(toks[k].Text) {
		k++
	}
	if k == 0 || k+1 >= len(toks) || toks[k].Text != "," || startsUpper(toks[k+1].Text) {
		return text
	}
	words := 0
	for j := k + 1; j < len(toks); j++ {
		t := toks[j]
		if t.Kind == token.Word || t.Kind == token.Number {
			if words++; words > appositiveMaxWords {
				return text
			}
		}
		if t.Text == "," {
			if countWords(toks[j+1:]) < 2 {
				return text
			}
			return text[:toks[k].Start] + " " + text[toks[j+1].Start:]
		}
	}
	return text
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// capitalise puts the first letter of s in capitals.
func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// capitalWord tells whether t is a word of two capital letters or more
// and no small one.
func capitalWord(t token.Token) bool {
	if t.Kind != token.Word {
		return false
	}
	n := 0
	for _, r := range t.Text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

func isDash(s string) bool { return s == "—" || s == "–" || s == "―" || s == "-" || s == "--" }

// spaceBefore tells whether white space stands before t in text.
func spaceBefore(text string, t token.Token) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:t.Start])
	return t.Start > 0 && unicode.IsSpace(r)
}

// clauseBoundary tells whether a clause may end before toks[k]: it is a
// comma, semicolon, colon, opening parenthesis or spaced dash, or a word
// of subordinators ("when", "amid").
func clauseBoundary(text string, toks []token.Token, k int) bool {
	t := toks[k]
	switch {
	case t.Kind == token.Punct && strings.Contains(",;:(", t.Text):
		return true
	case t.Kind == token.Punct && isDash(t.Text):
		return spaceBefore(text, t)
	case t.Kind == token.Word:
		return subordinators[t.Norm] && spaceBefore(text, t)
	}
	return false
}

// trimEnd drops the tokens at the end of toks that should not end a
// title: punctuation (but a closing quote or bracket), stopwords,
// subordinators and adverbial openers.
func trimEnd(toks []token.Token) []token.Token {
	for len(toks) > 0 {
		t := toks[len(toks)-1]
		switch {
		case t.Kind == token.Punct && !strings.ContainsAny(t.Text, "’”\"')]"):
		case t.Kind == token.Word && (t.Stop || subordinators[t.Norm] || adverbialOpeners[t.Norm]):
		default:
			return toks
		}
		toks = toks[:len(toks)-1]
	}
	return toks
}
