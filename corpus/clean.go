package corpus

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/textmap"
)

// The cleaner decides, line by line, what of a captured page is the article
// and what is page chrome, by signals a reader of any site would use: the
// shape of the line (words, final punctuation, bullets), its script against
// the article's, repetition inside the file and across the input, where it
// stands (before the headline, under it, after the comment section or the
// last paragraph), what it asks of the reader (signals.go: a prompt to sign
// up or comment, a comment system's strings, a link to another story under
// a label), and a data file of generic web-boilerplate phrases and words.
// It knows no site and no story. Every line or fragment it removes is kept
// with the reason.

//go:embed boilerplate.txt
var boilerplateData string

type phraseKind uint8

const (
	kindComments phraseKind = iota + 1
	kindShare
	kindUI
	kindNotice
	kindRelated
	kindCredit
)

var phraseKinds = map[string]phraseKind{
	"comments": kindComments, "share": kindShare, "ui": kindUI,
	"notice": kindNotice, "related": kindRelated, "credit": kindCredit,
}

// phrases maps normalised phrases to their kind; phraseStarts holds their
// first words; prompts are the phrases that start a prompt to the reader;
// lexWords the words of each word kind.
var (
	phrases, phraseStarts = parsePhrases(boilerplateData)
	prompts               = map[string]bool{}
	lexWords              lexicon
)

func parsePhrases(data string) (map[string]phraseKind, map[string]bool) {
	m := map[string]phraseKind{}
	starts := map[string]bool{}
	for i, l := range strings.Split(data, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' {
			continue
		}
		kind, phrase, ok := strings.Cut(l, "\t")
		if wk := wordKinds[kind]; ok && wk != 0 {
			lexWords.add(wk, phrase)
			continue
		}
		if ok && kind == "prompt" {
			prompts[normLine(phrase, false)] = true
			continue
		}
		k := phraseKinds[kind]
		if !ok || k == 0 {
			panic(fmt.Sprintf("boilerplate.txt:%d: want KIND<TAB>PHRASE", i+1))
		}
		norm := normLine(phrase, false)
		m[norm] = k
		first, _, _ := strings.Cut(norm, " ")
		starts[first] = true
	}
	return m, starts
}

// normLine lowercases s and keeps its words (letters and digits), one space
// apart. With noNumbers, words made only of digits are dropped.
func normLine(s string, noNumbers bool) string {
	norm, _ := scanLine(s, noNumbers, nil)
	return norm
}

// scanLine is normLine that also counts, in one pass, the words as
// wordCount would (the second result) and, when counts is not nil, the
// letters of each script as scriptOf sorts them.
func scanLine(s string, noNumbers bool, counts *[16]int) (string, int) {
	var b strings.Builder
	b.Grow(len(s))
	words := 0
	for i := 0; i < len(s); {
		// Find the next word [i, j).
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if asciiWord[c] {
					break
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			i += n
		}
		if i >= len(s) {
			break
		}
		j, digits, ascii := i, true, true
		latin, unspaced := 0, 0
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !asciiWord[c] {
					break
				}
				if c > '9' {
					digits = false
					latin++
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			digits = digits && unicode.IsDigit(r)
			if sc := scriptOf(r); sc > 0 {
				if counts != nil {
					counts[sc]++
				}
				if sc < otherScript && scripts[sc].unspaced {
					unspaced++
				}
			}
			ascii = false
			j += n
		}
		if counts != nil {
			counts[1] += latin
		}
		if !(noNumbers && digits) {
			words += max(1, (unspaced+charsPerWord-1)/charsPerWord)
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			if ascii {
				for k := i; k < j; k++ {
					c := s[k]
					if c >= 'A' && c <= 'Z' {
						c += 'a' - 'A'
					}
					b.WriteByte(c)
				}
			} else {
				b.WriteString(strings.ToLower(s[i:j]))
			}
		}
		i = j
	}
	return b.String(), words
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// line is one non-blank line of a document and its features.
type line struct {
	b0, b1 int    // trimmed byte range in the document text
	no     int    // 1-based line number in the document text
	norm   string // normLine of the text
	words  int
	term   bool // ends with sentence-final punctuation (closing quotes aside)
	bullet bool // starts with a bullet mark
	script int  // main script of its letters (0: none)
	share  float64
	// verdict
	removed bool
	reason  string
	keepAt  int // for a line cut in two: byte where the kept part starts
}

// terminals end a sentence: the Latin marks and the full-width ones of
// Chinese and Japanese. closers may stand after them (quotes, brackets).
const (
	terminals = ".!?…。！？"
	closers   = "\"'”’»)]*」』）"
)

// prose is a line that reads as article text rather than a label.
func (l *line) prose() bool { return (l.words >= 6 && l.term) || l.words >= 15 }

func splitLines(t textmap.Text) []*line {
	slab := make([]line, 0, strings.Count(t.S, "\n")+1) // one allocation, not one a line
	eachLine(t.S, func(no, b0, b1 int) {
		slab = append(slab, newLine(t.S, b0, b1))
		slab[len(slab)-1].no = no
	})
	out := make([]*line, len(slab))
	for i := range slab {
		out[i] = &slab[i]
	}
	return out
}

// eachLine calls fn with the 1-based number and the byte range, trimmed of
// white space, of every line of s that is not blank.
func eachLine(s string, fn func(no, b0, b1 int)) {
	no := 0
	for off := 0; off <= len(s); {
		no++
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		if b0, b1 := trimRange(s, off, end); b0 < b1 {
			fn(no, b0, b1)
		}
		off = end + 1
	}
}

func trimRange(s string, b0, b1 int) (int, int) {
	for b0 < b1 {
		r, n := utf8.DecodeRuneInString(s[b0:b1])
		if !isSpace(r) {
			break
		}
		b0 += n
	}
	for b1 > b0 {
		r, n := utf8.DecodeLastRuneInString(s[b0:b1])
		if !isSpace(r) {
			break
		}
		b1 -= n
	}
	return b0, b1
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

func newLine(s string, b0, b1 int) line {
	text := s[b0:b1]
	var counts [16]int
	l := line{b0: b0, b1: b1}
	l.norm, l.words = scanLine(text, false, &counts)
	trimmed := strings.TrimRight(text, closers)
	if r, _ := utf8.DecodeLastRuneInString(trimmed); strings.ContainsRune(terminals, r) {
		l.term = true
	}
	if r, _ := utf8.DecodeRuneInString(text); strings.ContainsRune("•·▪◦●■►-*–—", r) {
		l.bullet = true
	}
	l.script, l.share = mainScript(&counts)
	return l
}

// writingSystem is a script the cleaner tells apart from the others: the
// Unicode scripts it is written in, and whether its words are set apart by
// spaces.
type writingSystem struct {
	name     string
	tables   []*unicode.RangeTable
	unspaced bool // no spaces between words: a run of letters is several words
}

// scripts are the writing systems told apart; index 0 means "no letters".
// Japanese mixes Han with Hiragana and Katakana in every sentence, so the
// three are one writing system (which Chinese, in Han alone, shares).
var scripts = []writingSystem{
	{name: "no"},
	{name: "Latin", tables: []*unicode.RangeTable{unicode.Latin}},
	{name: "Cyrillic", tables: []*unicode.RangeTable{unicode.Cyrillic}},
	{name: "Greek", tables: []*unicode.RangeTable{unicode.Greek}},
	{name: "Arabic", tables: []*unicode.RangeTable{unicode.Arabic}},
	{name: "Hebrew", tables: []*unicode.RangeTable{unicode.Hebrew}},
	{name: "Han or kana", tables: []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana}, unspaced: true},
	{name: "Hangul", tables: []*unicode.RangeTable{unicode.Hangul}},
	{name: "Devanagari", tables: []*unicode.RangeTable{unicode.Devanagari}},
	{name: "Thai", tables: []*unicode.RangeTable{unicode.Thai}, unspaced: true},
	{name: "Georgian", tables: []*unicode.RangeTable{unicode.Georgian}},
	{name: "Armenian", tables: []*unicode.RangeTable{unicode.Armenian}},
}

// otherScript is the index of letters in none of the scripts.
var otherScript = len(scripts)

func scriptOf(r rune) int {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return 1
		}
		return 0
	}
	if !unicode.IsLetter(r) {
		return 0
	}
	for i := 1; i < len(scripts); i++ {
		if unicode.In(r, scripts[i].tables...) {
			return i
		}
	}
	return otherScript
}

// charsPerWord is about how many letters a word of a script written without
// spaces has (Chinese and Japanese words average under two characters).
const charsPerWord = 2

// wordCount counts the words of a normLine result: each space-separated
// word once, and a run of letters of a script written without spaces as
// one word per charsPerWord letters.
func wordCount(norm string) int {
	if norm == "" {
		return 0
	}
	n := 0
	for w := range strings.SplitSeq(norm, " ") {
		unspaced := 0
		for _, r := range w {
			if sc := scriptOf(r); sc > 0 && sc < otherScript && scripts[sc].unspaced {
				unspaced++
			}
		}
		n += max(1, (unspaced+charsPerWord-1)/charsPerWord)
	}
	return n
}

// mainScript returns the script most letters are in, given their counts
// by script, and its share.
func mainScript(counts *[16]int) (int, float64) {
	total, best := 0, 0
	for i, c := range counts {
		total += c
		if c > counts[best] {
			best = i
		}
	}
	if total == 0 {
		return 0, 0
	}
	return best, float64(counts[best]) / float64(total)
}

// lineStats counts, over the whole input, in how many captured files each
// normalised short line occurs.
type lineStats struct {
	files int
	count map[string]int
}

func newLineStats() *lineStats { return &lineStats{count: map[string]int{}} }

func (st *lineStats) add(ls []*line) { st.addKeys(lineKeys(ls)) }

// lineKeys are the lines of one document that count towards repetition:
// its lines that are not prose, once each.
func lineKeys(ls []*line) []string {
	var keys []string
	seen := map[string]bool{}
	for _, l := range ls {
		if l.norm != "" && !l.prose() && !seen[l.norm] {
			seen[l.norm] = true
			keys = append(keys, l.norm)
		}
	}
	return keys
}

// addKeys counts one document's lineKeys.
func (st *lineStats) addKeys(keys []string) {
	st.files++
	for _, k := range keys {
		st.count[k]++
	}
}

// crossFileMin is the least number of files a non-prose line must occur in
// to count as template text of the site(s) rather than the article's own.
const crossFileMin = 3

// cleaned is the cleaner's verdict on one document.
type cleaned struct {
	keep    [][2]int  // kept byte ranges of the text, one paragraph each, in order
	removed []removal // in order
	title   [2]int    // byte range of the headline line, or {-1,-1}
}

// removal is a byte range of the text the cleaner removed, and why.
type removal struct {
	b0, b1 int
	reason string
}

// clean runs the cleaner over one captured document.
func clean(d *doc, ls []*line, st *lineStats) cleaned {
	s := d.text.S
	artScript := articleScript(ls)
	remove := func(l *line, why string) {
		if !l.removed {
			l.removed, l.reason = true, why
		}
	}

	// Line-by-line signals.
	tail := false
	firstSeen := map[string]int{}
	labels := make([]bool, len(ls)) // lines that may label links to other stories
	proseSeen := false
	for i, l := range ls {
		if tail {
			remove(l, "after the comment section")
			continue
		}
		if l.words == 0 {
			remove(l, "no words")
			continue
		}
		text := s[l.b0:l.b1]
		bare := ""
		if l.words <= 12 { // phrases are short; "Comments (12)" is a phrase and a number
			bare = normLine(text, true)
		}
		switch phrases[bare] {
		case kindComments:
			remove(l, "boilerplate: comment section")
			tail = true
			continue
		case kindUI:
			remove(l, "boilerplate: interface text")
			continue
		}
		var w lineWords
		if l.words <= 15 { // the word signals look at short lines only
			w = wordsOf(l.norm)
		}
		labels[i] = linkLabel(text, l, &w)
		if count, ok := commentString(text, l, &w); ok {
			if count && proseSeen {
				remove(l, "comment system: count of comments, the comment section starts")
				tail = true
			} else {
				remove(l, "comment system: interface string")
			}
			continue
		}
		proseSeen = proseSeen || l.prose()
		if k, n, ok := containsPhrase(l.norm, kindShare, kindCredit, kindNotice); ok && l.words <= 30 {
			switch {
			case k == kindShare && n == 1 && (l.prose() || l.words > 6 || endsSentence(text)):
				// One word ("teilen", "share") is a button only on a short
				// label, not in a sentence.
			case k == kindShare && l.words <= 12:
				remove(l, "boilerplate: share prompt")
				continue
			case k == kindCredit && l.words <= 12:
				remove(l, "boilerplate: photo credit")
				continue
			case k == kindNotice && l.words <= 30:
				remove(l, "boilerplate: site notice")
				continue
			}
		}
		if strings.HasPrefix(s[l.b0:l.b1], "©") || strings.HasPrefix(strings.TrimLeft(s[l.b0:l.b1], "•·▪◦●■►-*–— "), "©") {
			remove(l, "copyright or photo credit")
			continue
		}
		if cutAt, ok := crossLink(s, l); ok {
			if cutAt > 0 {
				l.keepAt = cutAt
				l.reason = "cross-link glued to the next sentence"
			} else {
				remove(l, "boilerplate: link to another story")
			}
			continue
		}
		if why, ok := readerPrompt(text, l, &w); ok {
			remove(l, why)
			continue
		}
		if cookieNotice(text, l, &w) {
			remove(l, "cookie notice")
			continue
		}
		if consentBanner(text, l, i, len(ls)) {
			remove(l, "cookie consent banner")
			// Its heading ("We value your privacy", "Cookies") stands right
			// above it; a headline there is no heading of it.
			if p := i - 1; p >= 0 && !ls[p].removed && ls[p].words <= 6 && !ls[p].term && consentHeading(ls[p]) {
				remove(ls[p], "cookie consent banner: its heading")
			}
			continue
		}
		if readingTime(l, &w) {
			remove(l, "reading time")
			continue
		}
		if labelLink(text, l) {
			remove(l, "link to another story under a label")
			continue
		}
		if artScript != 0 && l.script != 0 && l.script != artScript && l.share >= 0.5 {
			remove(l, fmt.Sprintf("in %s script; the article is in %s", scriptName(l.script), scriptName(artScript)))
			continue
		}
		if !l.prose() && isBreadcrumb(s[l.b0:l.b1]) {
			remove(l, "breadcrumb or page title")
			continue
		}
		if j, ok := firstSeen[l.norm]; ok {
			remove(l, fmt.Sprintf("repeats line %d", ls[j].no))
			continue
		}
		firstSeen[l.norm] = i
		if st != nil && st.files >= crossFileMin && !l.prose() && st.count[l.norm] >= crossFileMin {
			remove(l, fmt.Sprintf("in %d of the %d input files", st.count[l.norm], st.files))
			continue
		}
	}
	markLinkBlocks(s, ls, labels)
	markBulletRuns(ls)

	// The headline, and what stands before it.
	title := [2]int{-1, -1}
	if d.titleFromText || d.meta.Title != "" {
		if ti := findTitle(s, ls, d.meta.Title); ti >= 0 {
			title = [2]int{ls[ti].b0, ls[ti].b1}
			for _, l := range ls[:ti] {
				if !l.prose() {
					remove(l, "page header before the headline")
				}
			}
			for _, l := range ls[ti+1:] {
				if l.norm == ls[ti].norm && !l.removed || l.removed && strings.HasPrefix(l.reason, "repeats line") && l.norm == ls[ti].norm {
					l.removed, l.reason = true, "repeats the headline"
				}
			}
			ls[ti].removed, ls[ti].reason = false, ""
			markUnderHeadline(s, ls, ti)
		}
	}
	markInterfaceBlocks(s, ls, title[0])
	// What trails the last paragraph of prose.
	last := -1
	for i, l := range ls {
		if !l.removed && l.prose() {
			last = i
		}
	}
	if last >= 0 {
		for _, l := range ls[last+1:] {
			if !l.removed {
				remove(l, "after the end of the article")
			}
		}
	}

	var out cleaned
	out.title = title
	for _, l := range ls {
		switch {
		case l.b0 == title[0]:
		case l.removed:
			out.removed = append(out.removed, removal{l.b0, l.b1, l.reason})
		case l.keepAt > 0:
			out.removed = append(out.removed, removal{l.b0, l.keepAt, l.reason})
			out.keep = append(out.keep, [2]int{l.keepAt, l.b1})
		default:
			out.keep = append(out.keep, [2]int{l.b0, l.b1})
		}
	}
	return out
}

// articleScript is the article's script, taken from the article: the main
// script of its prose lines (by words), or, in a text with no prose line,
// of all its lines; 0 when no line has letters.
func articleScript(ls []*line) int {
	for _, prose := range []bool{true, false} {
		var sc [16]int
		for _, l := range ls {
			if (!prose || l.prose() && l.share >= 0.8) && l.script != 0 {
				sc[l.script] += l.words
			}
		}
		best := 0
		for i := range sc {
			if sc[i] > sc[best] {
				best = i
			}
		}
		if best != 0 {
			return best
		}
	}
	return 0
}

func scriptName(i int) string {
	if i < len(scripts) {
		return scripts[i].name
	}
	return "another"
}

// containsPhrase reports whether norm contains, on word boundaries, a phrase
// of one of the kinds, which kind, and how many words it has.
func containsPhrase(norm string, kinds ...phraseKind) (phraseKind, int, bool) {
	if strings.Count(norm, " ") >= 30 {
		return 0, 0, false // the kinds looked for apply to short lines only
	}
	// Word start offsets in norm (words are one space apart).
	var starts [32]int
	n := 0
	for i := 0; i < len(norm) && n < len(starts); {
		starts[n] = i
		n++
		sp := strings.IndexByte(norm[i:], ' ')
		if sp < 0 {
			break
		}
		i += sp + 1
	}
	wordEnd := func(k int) int { // end of word k
		if k+1 < n {
			return starts[k+1] - 1
		}
		return len(norm)
	}
	for i := 0; i < n; i++ {
		if !phraseStarts[norm[starts[i]:wordEnd(i)]] {
			continue
		}
		for j := min(n, i+8) - 1; j >= i; j-- { // the longest phrase first
			k, ok := phrases[norm[starts[i]:wordEnd(j)]]
			if !ok {
				continue
			}
			for _, want := range kinds {
				if k == want {
					return k, j - i + 1, true
				}
			}
		}
	}
	return 0, 0, false
}

// crossLink reports whether l is a cross-link to another story (a related
// lead phrase at its start, then a colon, a link, or no sentence), and
// where an article sentence glued onto its end starts (0 if none).
func crossLink(s string, l *line) (int, bool) {
	first, _, _ := strings.Cut(l.norm, " ")
	if !phraseStarts[first] {
		return 0, false
	}
	text := s[l.b0:l.b1]
	words := strings.Fields(l.norm)
	lead := 0
	for n := min(len(words), 6); n >= 1; n-- {
		if phrases[strings.Join(words[:n], " ")] == kindRelated {
			lead = n
			break
		}
	}
	if lead == 0 {
		return 0, false
	}
	// Byte offset just after the lead words in text.
	after := afterWords(text, lead)
	rest := strings.TrimLeft(text[after:], " \t")
	glue := gluePoint(text[after:])
	switch {
	case glue > 0:
		return l.b0 + after + glue, true
	case strings.HasPrefix(rest, ":"), strings.HasPrefix(rest, "»"), strings.HasPrefix(rest, "|"),
		looksLikeLink(firstField(rest)), !l.prose():
		return 0, true
	}
	return 0, false
}

// afterWords returns the byte offset just after the first n words of text.
func afterWords(text string, n int) int {
	in := false
	for i, r := range text {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			if n == 0 {
				return i
			}
			n--
		}
		in = w
	}
	return len(text)
}

// gluePoint finds where a sentence was glued to the text before it with no
// space ("...territorial disputeAlso complicating ties is ..."): a word of
// at least three lower-case letters running into an upper-case one that
// starts a sentence of at least five words ("McDonald", "iPhone" do not). Returns the byte offset of the
// upper-case letter, or 0.
func gluePoint(text string) int {
	prev, lowerRun := rune(0), 0
	for i, r := range text {
		if unicode.IsUpper(r) && lowerRun >= 3 {
			rest := text[i:]
			n, _ := utf8.DecodeRuneInString(rest[utf8.RuneLen(r):])
			if unicode.IsLower(n) && len(strings.Fields(rest)) >= 5 {
				return i
			}
		}
		if unicode.IsLower(r) && (lowerRun > 0 || !unicode.IsLetter(prev)) {
			lowerRun++
		} else {
			lowerRun = 0
		}
		prev = r
	}
	return 0
}

func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// looksLikeLink reports whether w is a URL or a bare domain name.
func looksLikeLink(w string) bool {
	w = strings.Trim(w, "()[]<>.,;:")
	if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
		return true
	}
	dot := strings.LastIndexByte(w, '.')
	if dot <= 0 || dot >= len(w)-2 {
		return false
	}
	tld := w[dot+1:]
	for _, r := range tld {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return len(tld) >= 2 && len(tld) <= 6 && !strings.ContainsAny(w[:dot], " ")
}

// isBreadcrumb reports a line of labels joined by separators ("Story / News
// / Site", "Home › World › Asia") or a bare URL.
func isBreadcrumb(text string) bool {
	if f := strings.Fields(text); len(f) == 1 && looksLikeLink(f[0]) {
		return true
	}
	n := 0
	for _, sep := range []string{" / ", " | ", " › ", " » ", " > ", " :: "} {
		n += strings.Count(text, sep)
	}
	return n >= 2
}

// markBulletRuns removes runs of two or more bullet lines whose items are
// labels (at most four words, no sentence): menus, tag lists, caption
// credits.
func markBulletRuns(ls []*line) {
	for i := 0; i < len(ls); {
		j := i
		for j < len(ls) && ls[j].bullet {
			j++
		}
		if j-i >= 2 {
			label := true
			for _, l := range ls[i:j] {
				if l.words > 4 || l.prose() {
					label = false
				}
			}
			if label {
				for _, l := range ls[i:j] {
					if !l.removed {
						l.removed, l.reason = true, "menu or caption list"
					}
				}
			}
		}
		if j == i {
			j++
		}
		i = j
	}
}

// findTitle returns the index of the headline line, or -1. With a known
// title it is the first line that says it; otherwise a line repeated near the
// top of the page (captures often hold the headline twice), or else the
// longest kept line shaped like a headline before prose that starts near
// the top, or else the first kept line if it is shaped like a headline.
func findTitle(s string, ls []*line, known string) int {
	const top = 12
	if known != "" {
		k := normLine(known, false)
		for i, l := range ls[:min(len(ls), top)] {
			if l.norm == k {
				return i
			}
		}
		return -1
	}
	for i, l := range ls[:min(len(ls), top)] {
		if l.words < 3 || l.prose() && l.words > 25 {
			continue
		}
		for _, m := range ls[i+1 : min(len(ls), top)] {
			if m.norm == l.norm {
				return i
			}
		}
	}
	// Else, when prose starts near the top, the longest line shaped like a
	// headline among the kept lines before it (menus, sign-in links and
	// bylines are shorter; a menu written in lower case is no headline),
	// the first of equals.
	best, prose := -1, false
	for i, l := range ls[:min(len(ls), 2*top)] {
		if l.removed {
			continue
		}
		if l.prose() {
			prose = true
			break
		}
		if l.words >= 3 && l.words <= 25 && !strings.HasSuffix(strings.TrimRight(s[l.b0:l.b1], "\"”’'"), ".") &&
			!startsLower(s[l.b0:l.b1]) && (best < 0 || l.words > ls[best].words) {
			best = i
		}
	}
	if prose {
		return best
	}
	// No prose near the top: the first kept line, if shaped like a
	// headline.
	for i, l := range ls {
		if l.removed {
			continue
		}
		if l.words >= 3 && l.words <= 25 && !strings.HasSuffix(strings.TrimRight(s[l.b0:l.b1], "\"”’'"), ".") {
			return i
		}
		return -1
	}
	return -1
}

// startsLower reports whether the first letter of text is lower case
// (a headline's is not; a menu's items may all be).
func startsLower(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// markUnderHeadline removes the short lines between the headline at ti and
// the first prose that are no sentence and quote no one: bylines, dates,
// reading times, section names.
func markUnderHeadline(s string, ls []*line, ti int) {
	const window = 6 // lines: a byline, dates, a reading time, a section
	end := ti + 1
	for end < len(ls) && end <= ti+window && !ls[end].prose() {
		end++
	}
	if end == len(ls) || !ls[end].prose() {
		return // no prose close under the headline: the short lines may be the article
	}
	for _, l := range ls[ti+1 : end] {
		text := s[l.b0:l.b1]
		if l.removed || endsSentence(text) || strings.HasSuffix(text, "?") || quoted(text) {
			continue
		}
		if l.words <= 6 {
			l.removed, l.reason = true, "byline or date under the headline"
		} else if w := wordsOf(l.norm); dateLine(text, l, &w) {
			l.removed, l.reason = true, "date line under the headline"
		}
	}
}
