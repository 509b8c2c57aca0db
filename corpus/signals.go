package corpus

import (
	"strings"
	"unicode/utf8"
)

// General signals of page chrome on pages the cleaner has never seen: a
// prompt addressed to the reader, the strings of a comment system, a link
// to another story under a label, the byline, date and reading time of a
// page, a cookie notice, and the interface lines that stand with one of
// these. Each is a small named rule with the reason it gives; the words
// they look for are the word kinds of boilerplate.txt.

// wordKind is a kind of single word in boilerplate.txt.
type wordKind uint8

const (
	wordLead    wordKind = iota + 1 // a label word of a link to another story
	wordYou                         // a word addressing the reader
	wordAction                      // what a site asks the reader to do
	wordComment                     // the noun of a comment system
	nWordKinds
)

var wordKinds = map[string]wordKind{
	"lead": wordLead, "you": wordYou, "action": wordAction, "comment": wordComment,
}

// lexicon holds the words of every kind: whole words with the kinds they
// are of, and stems grouped by their first byte, so that a word is looked
// up once and tried against a few stems.
type lexicon struct {
	exact map[string]kindSet
	stems [256][]stem
}

type kindSet uint8 // bit k: of wordKind k

type stem struct {
	s     string
	kinds kindSet
}

func (lx *lexicon) add(k wordKind, word string) {
	if st, ok := strings.CutSuffix(word, "*"); ok {
		st = normLine(st, false)
		lx.stems[st[0]] = append(lx.stems[st[0]], stem{st, 1 << k})
		return
	}
	if lx.exact == nil {
		lx.exact = map[string]kindSet{}
	}
	lx.exact[normLine(word, false)] |= 1 << k
}

// kinds returns the kinds word is of.
func (lx *lexicon) kinds(word string) kindSet {
	ks := lx.exact[word]
	for _, st := range lx.stems[word[0]] {
		if strings.HasPrefix(word, st.s) {
			ks |= st.kinds
		}
	}
	return ks
}

func (lx *lexicon) is(word string, k wordKind) bool { return lx.kinds(word)&(1<<k) != 0 }

// lineWords is what the signals need to know of a short line's words.
type lineWords struct {
	kinds   [nWordKinds]int // how many words of each kind
	actions int             // distinct action words
	numbers int             // words of digits only
	year    bool            // a number 1900-2099
	minutes bool            // a number, then a word starting "min" or "мин" ("4 min")
	words   int
}

// wordsOf reads the words of norm (a normLine result).
func wordsOf(norm string) lineWords {
	var w lineWords
	var seen [4]string
	number := false // the word before was a number
	for word := range strings.SplitSeq(norm, " ") {
		if word == "" {
			continue
		}
		w.words++
		if isDigits(word) {
			w.numbers++
			if len(word) == 4 && (word[:2] == "19" || word[:2] == "20") {
				w.year = true
			}
			number = true
			continue
		}
		if number && (strings.HasPrefix(word, "min") || strings.HasPrefix(word, "мин")) {
			w.minutes = true
		}
		number = false
		ks := lexWords.kinds(word)
		if ks == 0 {
			continue
		}
		for k := wordLead; k < nWordKinds; k++ {
			if ks&(1<<k) == 0 {
				continue
			}
			w.kinds[k]++
			if k == wordAction && w.actions < len(seen) {
				dup := false
				for _, s := range seen[:w.actions] {
					dup = dup || s == word
				}
				if !dup {
					seen[w.actions] = word
					w.actions++
				}
			}
		}
	}
	return w
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// quoted reports whether text holds a quotation mark: a line that quotes
// someone is the article's, whoever it addresses.
func quoted(text string) bool {
	for i := 0; i < len(text); i++ { // one pass: every mark but '"' starts with 0xC2 or 0xE2
		switch text[i] {
		case '"':
			return true
		case 0xC2, 0xE2:
			switch r, _ := utf8.DecodeRuneInString(text[i:]); r {
			case '“', '”', '«', '»', '„':
				return true
			}
		}
	}
	return false
}

// endsSentence reports whether text ends with a full stop or an
// exclamation mark (closers aside): a statement rather than a label or a
// headline.
func endsSentence(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, closers))
	return r == '.' || r == '!' || r == '。' || r == '！' || r == '…'
}

// readerPrompt is a short line that asks the reader to do something on
// the site: it starts with a prompt phrase ("Sign up for more like this."),
// or it addresses the reader about a site action ("Enter your email",
// "Escribe tu comentario aquí"), or it names two site actions ("Become a
// member to start commenting", "Подписаться на уведомление об ответах").
func readerPrompt(text string, l *line, w *lineWords) (string, bool) {
	if l.words > 15 || quoted(text) {
		return "", false
	}
	if l.words <= 12 && startsWithPrompt(l.norm) {
		return "prompt to the reader", true
	}
	if w.kinds[wordYou] > 0 && w.kinds[wordAction] > 0 {
		return "prompt to the reader: a site action addressed to the reader", true
	}
	if l.words <= 12 && w.actions >= 2 {
		return "prompt to the reader: site actions", true
	}
	return "", false
}

func startsWithPrompt(norm string) bool {
	end := 0
	for n := 0; n < 3 && end < len(norm); n++ {
		sp := strings.IndexByte(norm[end:], ' ')
		if sp < 0 {
			end = len(norm)
		} else {
			end += sp
		}
		if prompts[norm[:end]] {
			return true
		}
		end++
	}
	return false
}

// commentString is a short line of a comment system: a comment noun in a
// line that is no statement ("Bisher keine Kommentare", "Kommentar hier
// eingeben"), or that addresses the reader or counts. A count of comments
// ("1 комментарий", "3 comments") heads the comment section.
func commentString(text string, l *line, w *lineWords) (count, ok bool) {
	if l.words > 8 || quoted(text) {
		return false, false
	}
	if w.numbers > 0 && l.words-w.numbers == 1 && (w.kinds[wordComment] > 0 || strings.Contains(l.norm, "comment")) {
		return true, true
	}
	if w.kinds[wordComment] == 0 {
		return false, false
	}
	return false, !endsSentence(text) || w.kinds[wordYou] > 0 || w.numbers > 0
}

// cookieNotice is a short line about cookies that is no statement of the
// article or that addresses the reader.
func cookieNotice(text string, l *line, w *lineWords) bool {
	if l.words > 12 || quoted(text) || !strings.Contains(l.norm, "cookie") {
		return false
	}
	for word := range strings.SplitSeq(l.norm, " ") {
		if strings.HasPrefix(word, "cookie") {
			return !endsSentence(text) || w.kinds[wordYou] > 0
		}
	}
	return false
}

// consentEdge is how many lines from either end of a capture a consent
// banner stands in; consentWords the most words it has.
const (
	consentEdge  = 3
	consentWords = 60
)

// consentBanner is a cookie consent banner at the top or bottom of a
// capture: a line of up to consentWords words about cookies that
// addresses the reader ("We and our partners use cookies to store and
// access information on your device. You can accept all cookies..."),
// however long its sentences; i is the line's index among n.
func consentBanner(text string, l *line, i, n int) bool {
	if i >= consentEdge && i < n-consentEdge || l.words > consentWords || !strings.Contains(l.norm, "cookie") || quoted(text) {
		return false
	}
	cookie, you := false, false
	for word := range strings.SplitSeq(l.norm, " ") {
		cookie = cookie || strings.HasPrefix(word, "cookie")
		you = you || lexWords.is(word, wordYou)
	}
	return cookie && you
}

// consentHeading is a short line over a consent banner that is its
// heading: it names cookies or privacy, or addresses the reader.
func consentHeading(l *line) bool {
	for word := range strings.SplitSeq(l.norm, " ") {
		if strings.HasPrefix(word, "cookie") || strings.HasPrefix(word, "privac") || lexWords.is(word, wordYou) {
			return true
		}
	}
	return false
}

// readingTime is a page's estimate of the time to read it: "4 min read",
// "Lesezeit: 3 Min.", "3 мин. чтения".
func readingTime(l *line, w *lineWords) bool {
	return l.words <= 5 && w.numbers >= 1 && w.minutes
}

// dateLine is a line that gives a date and little else ("Published 12
// March 2025", "Veröffentlicht am 4. Juni 2025"); under the headline it is
// the page's (elsewhere it may be a row of the article's table).
func dateLine(text string, l *line, w *lineWords) bool {
	return l.words <= 8 && w.year && w.numbers >= 2 && l.words-w.numbers <= 5 && !l.prose() && !quoted(text)
}

// labelLink is a link to another story under a label: a label of up to
// four words with a lead word, a colon, and a headline ("Lies mehr: Warum
// Nachtzüge ...", "Leggi anche: ...").
func labelLink(text string, l *line) bool {
	colon := strings.IndexByte(text, ':')
	if colon <= 0 || colon > 60 || l.words > 25 || quoted(text) || endsSentence(text) {
		return false
	}
	label := normLine(text[:colon], false)
	if label == "" || strings.Count(label, " ") > 3 || wordCount(normLine(text[colon+1:], false)) < 2 {
		return false
	}
	for word := range strings.SplitSeq(label, " ") {
		if lexWords.is(word, wordLead) {
			return true
		}
	}
	return false
}

// linkLabel is a label alone on its line that leads to other stories
// ("Mehr zu diesem Thema", "Noticias relacionadas", "Related"); the lines
// that follow it in the same block are their headlines.
func linkLabel(text string, l *line, w *lineWords) bool {
	return l.words <= 4 && w.kinds[wordLead] > 0 && w.numbers == 0 && !endsSentence(text) && !quoted(text)
}

// headlineShaped is a line that can be the headline of another story: a
// few words, no prose, not a statement.
func headlineShaped(text string, l *line) bool {
	return !l.prose() && l.words >= 3 && l.words <= 20 && !endsSentence(text)
}

// markLinkBlocks removes, after a label that leads to other stories, the
// headlines that follow it in the same block (no blank line between), and
// the label with them.
func markLinkBlocks(s string, ls []*line, labels []bool) {
	for i := 0; i < len(ls); i++ {
		if !labels[i] {
			continue
		}
		j := i + 1
		for j < len(ls) && j-i <= 8 && ls[j].no == ls[j-1].no+1 && headlineShaped(s[ls[j].b0:ls[j].b1], ls[j]) {
			j++
		}
		if j == i+1 {
			continue
		}
		for k, l := range ls[i:j] {
			if l.removed || l.keepAt > 0 {
				continue
			}
			l.removed, l.reason = true, "link to another story: headline under a label"
			if k == 0 {
				l.reason = "label of links to other stories"
			}
		}
		i = j - 1
	}
}

// markInterfaceBlocks removes the short lines that stand in one block (no
// blank line between) with lines already removed as interface chrome,
// when the block holds no kept prose: the buttons of a cookie banner, of a
// comment form, of a sign-up box.
func markInterfaceBlocks(s string, ls []*line, title int) {
	for i := 0; i < len(ls); {
		j := i + 1
		for j < len(ls) && ls[j].no == ls[j-1].no+1 {
			j++
		}
		if j-i >= 2 {
			removed, prose := 0, false
			for _, l := range ls[i:j] {
				if l.removed {
					removed++
				} else if l.prose() || l.keepAt > 0 {
					prose = true
				}
			}
			if removed > 0 && !prose {
				for _, l := range ls[i:j] {
					if !l.removed && l.b0 != title && l.words <= 4 && !endsSentence(s[l.b0:l.b1]) {
						l.removed, l.reason = true, "interface line in a block of chrome"
					}
				}
			}
		}
		i = j
	}
}
