package quote

import (
	"unicode"
	"unicode/utf8"
)

// mark is a kind of quotation mark.
type mark uint8

const (
	mNone         mark = iota
	mStraight          // "
	mLeftDouble        // “ (opens; closes „ in German)
	mRightDouble       // ”
	mLowDouble         // „
	mLeftAngle         // «
	mRightAngle        // »
	mLeftSingle        // ‘
	mRightSingle       // ’ (also the apostrophe)
	mLowSingle         // ‚
	mLeftSAngle        // ‹
	mRightSAngle       // ›
	mLeftCorner        // 「 (Chinese, Japanese)
	mRightCorner       // 」
	mLeftWCorner       // 『 (a quote inside 「」)
	mRightWCorner      // 』
)

const (
	clDouble uint8 = 1
	clSingle uint8 = 2
	// Corner brackets open and close unambiguously and pair only with
	// each other.
	clCorner  uint8 = 3
	clWCorner uint8 = 4
)

// markByte marks the bytes that can start a quotation mark.
var markByte = [256]bool{'"': true, 0xC2: true, 0xE2: true, 0xE3: true}

// markAt returns the quotation mark that starts at s[i], and its length.
func markAt(s string, i int) (mark, int) {
	switch s[i] {
	case '"':
		return mStraight, 1
	case 0xC2:
		if i+1 < len(s) {
			switch s[i+1] {
			case 0xAB:
				return mLeftAngle, 2
			case 0xBB:
				return mRightAngle, 2
			}
		}
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x98:
				return mLeftSingle, 3
			case 0x99:
				return mRightSingle, 3
			case 0x9A:
				return mLowSingle, 3
			case 0x9C:
				return mLeftDouble, 3
			case 0x9D:
				return mRightDouble, 3
			case 0x9E:
				return mLowDouble, 3
			case 0xB9:
				return mLeftSAngle, 3
			case 0xBA:
				return mRightSAngle, 3
			}
		}
	case 0xE3:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x8C:
				return mLeftCorner, 3
			case 0x8D:
				return mRightCorner, 3
			case 0x8E:
				return mLeftWCorner, 3
			case 0x8F:
				return mRightWCorner, 3
			}
		}
	}
	return mNone, 0
}

// opens reports whether m, found first on a line, opens a quote of class cl.
func opensClass(m mark, cl uint8) bool {
	switch m {
	case mStraight, mLeftDouble, mLowDouble, mLeftAngle:
		return cl == clDouble
	case mLeftSingle, mLowSingle, mLeftSAngle:
		return cl == clSingle
	case mLeftCorner:
		return cl == clCorner
	case mLeftWCorner:
		return cl == clWCorner
	}
	return false
}

// open is a quotation mark waiting for its closing mark.
type open struct {
	pos    int
	l      int
	m      mark
	class  uint8
	weak   bool // a straight mark with spaces on both sides: dropped if never closed
	rfOnly bool // looked like a closing mark (“ glued to the word before): may close the quote below it
}

// cand is a quote candidate within one paragraph: marks at [open, open+ol)
// and [close, close+cl). ol or cl is 0 where the mark is missing.
type cand struct {
	open, ol, close, cl int
	contNext, unbal     bool
}

const maxDepth = 32

// scan splits the text into paragraphs and pairs the quotation marks of
// each, filling f.paras and f.raw.
func (f *finder) scan() {
	text := f.text
	n := len(text)
	cont := false
	for start := 0; ; {
		end := lineEnd(text, start)
		ps := start
		f.stack = f.stack[:0]
		f.cands = f.cands[:0]
		f.strays = f.strays[:0]
		i := ps
		for {
			for ; i < end; i++ {
				if !markByte[text[i]] {
					continue
				}
				m, l := markAt(text, i)
				if m == mNone {
					continue
				}
				f.onMark(m, i, l, ps, end)
				i += l - 1
			}
			// A quote left open at the end of a hard-wrapped line whose next
			// line goes on in lower case: the line break is a space.
			if len(f.stack) > 0 && end < n && softWrap(text, ps, end) {
				end = lineEnd(text, end+1)
				continue
			}
			break
		}
		if !isBlank(text[ps:end]) {
			cont = f.finishPara(ps, end, cont)
		}
		if end >= n {
			break
		}
		start = end + 1
	}
}

func lineEnd(s string, i int) int {
	for j := i; j < len(s); j++ {
		if s[j] == '\n' {
			return j
		}
	}
	return len(s)
}

func isBlank(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
				return false
			}
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += sz
	}
	return true
}

// softWrap reports whether the line [ps, end) runs on into the next line:
// it does not end a sentence and the next line starts in lower case.
func softWrap(s string, ps, end int) bool {
	e := trimRight(s, ps, end)
	if e == ps || end+1 >= len(s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[ps:e])
	if isClosePunct(r) && r != ',' || isQuoteRune(r) {
		return false
	}
	n, _ := utf8.DecodeRuneInString(s[end+1:])
	return unicode.IsLower(n)
}

func (f *finder) push(o open) {
	if len(f.stack) < maxDepth {
		f.stack = append(f.stack, o)
	}
}

func (f *finder) top() *open {
	if len(f.stack) == 0 {
		return nil
	}
	return &f.stack[len(f.stack)-1]
}

// findClass returns the innermost open quote of class cl, or -1.
func (f *finder) findClass(cl uint8) int {
	for k := len(f.stack) - 1; k >= 0; k-- {
		if f.stack[k].class == cl {
			return k
		}
	}
	return -1
}

func (f *finder) findStraight() int {
	for k := len(f.stack) - 1; k >= 0; k-- {
		if f.stack[k].m == mStraight {
			return k
		}
	}
	return -1
}

// closeAt closes the open quote k with the mark at [i, i+l), dropping the
// quotes opened inside it and left open.
func (f *finder) closeAt(k, i, l int) {
	o := f.stack[k]
	f.cands = append(f.cands, cand{open: o.pos, ol: o.l, close: i, cl: l})
	f.stack = f.stack[:k]
}

// onMark handles the mark m at [i, i+l) of the paragraph [ps, pe).
func (f *finder) onMark(m mark, i, l, ps, pe int) {
	text := f.text
	p := prevRune(text, i, ps)
	nx := nextRune(text, i+l, pe)
	// lf: can open (glued to the word after it); rf: can close (glued to the word before).
	lf := !isSpace(nx) && (isSpace(p) || isOpenPunct(p) || isQuoteRune(p))
	rf := !isSpace(p) && (isSpace(nx) || isClosePunct(nx) || isQuoteRune(nx))
	switch m {
	case mStraight:
		if k := f.findStraight(); k >= 0 {
			f.closeAt(k, i, l)
			return
		}
		switch {
		case rf && !lf:
			if k := f.findClass(clDouble); k >= 0 {
				f.closeAt(k, i, l)
			} else {
				f.strays = append(f.strays, cand{close: i, cl: l})
			}
		case lf:
			f.push(open{pos: i, l: l, m: m, class: clDouble})
		case isSpace(p) && isSpace(nx):
			if k := f.findClass(clDouble); k >= 0 {
				f.closeAt(k, i, l)
			} else {
				f.push(open{pos: i, l: l, m: m, class: clDouble, weak: true})
			}
		}
	case mLeftDouble:
		if t := f.top(); t != nil && t.m == mLowDouble && !lf {
			f.closeAt(len(f.stack)-1, i, l)
			return
		}
		f.push(open{pos: i, l: l, m: m, class: clDouble, rfOnly: rf && !lf})
	case mLowDouble, mLeftAngle:
		f.push(open{pos: i, l: l, m: m, class: clDouble})
	case mRightDouble, mRightAngle:
		if k := f.findClass(clDouble); k >= 0 {
			f.closeAt(k, i, l)
		} else {
			f.strays = append(f.strays, cand{close: i, cl: l})
		}
	case mLeftSingle:
		if t := f.top(); t != nil && t.m == mLowSingle && !lf {
			f.closeAt(len(f.stack)-1, i, l)
			return
		}
		if lf {
			f.push(open{pos: i, l: l, m: m, class: clSingle})
		}
	case mLowSingle, mLeftSAngle:
		if lf {
			f.push(open{pos: i, l: l, m: m, class: clSingle})
		}
	case mRightSAngle:
		if t := f.top(); t != nil && t.m == mLeftSAngle {
			f.closeAt(len(f.stack)-1, i, l)
		}
	case mLeftCorner:
		f.push(open{pos: i, l: l, m: m, class: clCorner})
	case mLeftWCorner:
		f.push(open{pos: i, l: l, m: m, class: clWCorner})
	case mRightCorner:
		if k := f.findClass(clCorner); k >= 0 {
			f.closeAt(k, i, l)
		}
	case mRightWCorner:
		if k := f.findClass(clWCorner); k >= 0 {
			f.closeAt(k, i, l)
		}
	case mRightSingle:
		// The apostrophe unless it closes an open single quote: glued to the
		// word before it and not followed by a letter ("isn’t", "Japan’s").
		if t := f.top(); t != nil && t.class == clSingle && t.m != mLeftSAngle && rf && !isAlnum(nx) {
			f.closeAt(len(f.stack)-1, i, l)
		}
	}
}

// finishPara resolves the marks left open in the paragraph [ps, pe), picks
// its top-level quotes, and appends them to f.raw. cont tells that the
// previous paragraph's last quote runs on into this one; the result tells
// whether this paragraph's last quote runs on into the next.
func (f *finder) finishPara(ps, pe int, cont bool) bool {
	text := f.text
	st := f.stack
	// An ambiguous mark left open on top of another open quote closes it:
	// `“… of the islands, "said` and `“… today.“` in careless captures.
	for len(st) >= 2 {
		t, b := st[len(st)-1], st[len(st)-2]
		if (t.m == mStraight || t.rfOnly) && t.class == clDouble && b.class == clDouble {
			f.cands = append(f.cands, cand{open: b.pos, ol: b.l, close: t.pos, cl: t.l})
			st = st[:len(st)-2]
			continue
		}
		break
	}
	pend := trimRight(text, ps, pe)
	for _, u := range st {
		if u.weak {
			continue
		}
		if f.nextLineOpens(pe, u.class) {
			// Multi-paragraph quote: the next paragraph opens again.
			f.cands = append(f.cands, cand{open: u.pos, ol: u.l, close: pend, contNext: true})
			break
		}
		if u.class != clDouble {
			continue
		}
		if trimLeft(text, ps, u.pos) == u.pos || !f.candAfter(u.pos) {
			// Missing closing mark: the quote runs to the paragraph's end.
			f.cands = append(f.cands, cand{open: u.pos, ol: u.l, close: pend, unbal: true})
			break
		}
	}
	sortCands(f.cands)
	// Keep the top-level quotes.
	kept := f.cands[:0]
	last := -1
	for _, c := range f.cands {
		if c.open >= last {
			kept = append(kept, c)
			last = c.close + c.cl
		}
	}
	f.cands = kept
	// A closing mark with no opening mark, followed by an attribution
	// (`… dialogue, ”said Foreign Minister …`): the quote starts after the
	// previous quote or at the sentence start.
	f.implicit = f.implicit[:0]
	ki, prevEnd, lastImplicit := 0, ps, ps
	for _, s := range f.strays {
		for ki < len(kept) && kept[ki].close+kept[ki].cl <= s.close {
			prevEnd = kept[ki].close + kept[ki].cl
			ki++
		}
		if ki < len(kept) && kept[ki].open <= s.close || !attribFollows(text, s.close+s.cl, pe) {
			continue
		}
		a := max(prevEnd, lastImplicit)
		a = trimLeft(text, a, s.close)
		a = afterReportedSentence(text, a, s.close)
		if a >= s.close {
			continue
		}
		f.implicit = append(f.implicit, cand{open: a, close: s.close, cl: s.cl, unbal: true})
		lastImplicit = s.close + s.cl
	}
	if len(f.implicit) > 0 {
		f.merged = f.merged[:0]
		i, j := 0, 0
		for i < len(kept) || j < len(f.implicit) {
			if j == len(f.implicit) || i < len(kept) && kept[i].open < f.implicit[j].open {
				f.merged = append(f.merged, kept[i])
				i++
			} else {
				f.merged = append(f.merged, f.implicit[j])
				j++
			}
		}
		f.cands, f.merged = f.merged, f.cands
	}
	first := trimLeft(text, ps, pe)
	q0 := len(f.raw)
	contOut := false
	for _, c := range f.cands {
		in := Span{c.open + c.ol, c.close}
		term := endsSentence(text, in.Start, in.End)
		in.Start = trimLeft(text, in.Start, in.End)
		in.End = trimRight(text, in.Start, in.End)
		last, lsz := utf8.DecodeLastRuneInString(text[in.Start:in.End])
		comma := in.End > in.Start && isComma(last)
		if comma {
			in.End = trimRight(text, in.Start, in.End-lsz)
		}
		if !hasAlnum(text[in.Start:in.End]) || padded(text, c.open+c.ol, c.close) {
			continue
		}
		f.raw = append(f.raw, rawQuote{
			outer:    Span{c.open, c.close + c.cl},
			inner:    in,
			para:     len(f.paras),
			cont:     cont && len(f.raw) == q0 && c.open == first,
			contNext: c.contNext,
			unbal:    c.unbal,
			term:     term,
			comma:    comma,
		})
		contOut = c.contNext
	}
	f.paras = append(f.paras, para{s: ps, e: pe, q0: q0, q1: len(f.raw), colonEv: -1})
	return contOut
}

// sortCands sorts by opening position (insertion sort: few per paragraph,
// mostly in order already).
func sortCands(cs []cand) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].open < cs[j-1].open; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

func (f *finder) candAfter(pos int) bool {
	for _, c := range f.cands {
		if c.open > pos {
			return true
		}
	}
	return false
}

// nextLineOpens reports whether the next non-blank line after pe starts
// with a mark opening a quote of class cl.
func (f *finder) nextLineOpens(pe int, cl uint8) bool {
	s := f.text
	if pe >= len(s) {
		return false
	}
	j := pe
	for j < len(s) {
		c := s[j]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			j++
			continue
		}
		if c >= utf8.RuneSelf {
			r, sz := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				j += sz
				continue
			}
		}
		break
	}
	if j >= len(s) {
		return false
	}
	m, _ := markAt(s, j)
	return opensClass(m, cl)
}

// padded reports whether the quote's words are set off by runs of spaces on
// both sides, as in calendar widgets (`«    May 2019    »`).
func padded(s string, a, b int) bool {
	lead := 0
	for _, r := range s[a:b] {
		if !isSpace(r) || lead == 2 {
			break
		}
		lead++
	}
	trail := 0
	for b > a && trail < 2 {
		r, sz := utf8.DecodeLastRuneInString(s[a:b])
		if !isSpace(r) {
			break
		}
		b -= sz
		trail++
	}
	return lead == 2 && trail == 2
}

// endsSentence reports whether the quoted words [a, b) end with a sentence
// terminator.
func endsSentence(s string, a, b int) bool {
	b = trimRight(s, a, b)
	for b > a {
		r, sz := utf8.DecodeLastRuneInString(s[a:b])
		switch r {
		case '.', '!', '?', '…', '。', '！', '？':
			return true
		case ')', ']', '"', '’', '”', '»', '」', '』', '）':
			b -= sz
			continue
		}
		return false
	}
	return false
}

// attribFollows reports whether an attribution ("said X", "X added") starts
// at j: an optional comma or dash, then a reporting verb within six words.
func attribFollows(s string, j, pe int) bool {
	j = trimLeft(s, j, pe)
	if j < pe {
		if s[j] == ',' || s[j] == '-' {
			j++
		} else if r, sz := utf8.DecodeRuneInString(s[j:pe]); r == '–' || r == '—' {
			j += sz
		}
	}
	for w := 0; w < 6; w++ {
		j = trimLeft(s, j, pe)
		a := j
		for j < pe {
			r, sz := utf8.DecodeRuneInString(s[j:pe])
			if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' && r != '.' {
				break
			}
			j += sz
		}
		if a == j {
			return false
		}
		word := s[a:j]
		for len(word) > 0 && word[len(word)-1] == '.' {
			word = word[:len(word)-1]
		}
		if word != "" && word[0] >= 'a' && word[0] <= 'z' && lookup(word)&lxVerb != 0 {
			return true
		}
		if j < pe && !isSpace(rune(s[j])) || s[j-1] == '.' {
			return false
		}
	}
	return false
}

// afterReportedSentence moves the start a of a quote that has no opening
// mark past the last sentence end in [a, c) that follows a reporting verb,
// so that `“A,” he said. B is C,” he added.` quotes "B is C".
func afterReportedSentence(s string, a, c int) int {
	best, verb := a, false
	for j := a; j < c; {
		r, sz := utf8.DecodeRuneInString(s[j:c])
		if unicode.IsLetter(r) {
			k := j
			for k < c {
				r, sz := utf8.DecodeRuneInString(s[k:c])
				if !unicode.IsLetter(r) {
					break
				}
				k += sz
			}
			if r >= 'a' && r <= 'z' && lookup(s[j:k])&lxVerb != 0 {
				verb = true
			}
			j = k
			continue
		}
		if verb && (r == '.' || r == '!' || r == '?') {
			k := j + sz
			if k < c && (s[k] == ' ' || s[k] == '\t') {
				if k = trimLeft(s, k, c); k < c {
					best = k
				}
			}
		}
		j += sz
	}
	return best
}

func prevRune(s string, i, lo int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	return r
}

func nextRune(s string, i, hi int) rune {
	if i >= hi {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	return r
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r)
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isComma reports a comma of any script: the Latin one, the full-width one
// and the ideographic enumeration comma.
func isComma(r rune) bool { return r == ',' || r == '，' || r == '、' }

func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '<', '—', '–', '-', '/', ':', ',', ';', '：', '，', '、', '（':
		return true
	}
	return false
}

func isClosePunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '…', '—', '–', '-', '/', '*',
		'。', '，', '、', '！', '？', '：', '）':
		return true
	}
	return false
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '„', '«', '»', '‘', '’', '‚', '‹', '›', '「', '」', '『', '』':
		return true
	}
	return false
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if isAlnum(r) {
			return true
		}
	}
	return false
}

// trimLeft returns the first non-space position in [a, b), or b.
func trimLeft(s string, a, b int) int {
	for a < b {
		c := s[a]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				a++
				continue
			}
			return a
		}
		r, sz := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			return a
		}
		a += sz
	}
	return b
}

// trimRight returns the end of [a, b) without trailing spaces.
func trimRight(s string, a, b int) int {
	for b > a {
		c := s[b-1]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				b--
				continue
			}
			return b
		}
		r, sz := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			return b
		}
		b -= sz
	}
	return a
}
