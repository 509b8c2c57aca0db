package quote

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord uint8 = iota
	tPunct
	tQuote // a whole top-level quote, marks included
)

// Token flags.
const (
	fCap   uint8 = 1 << iota // starts with an upper-case letter
	fLower                   // starts with a lower-case letter
	fPoss                    // ends with the possessive ’s
	fEOS                     // ends a sentence
)

// tok is a word, a punctuation mark, or a quote, of one paragraph.
type tok struct {
	s, e int
	lx   uint32 // lexicon classes of the word
	q    int    // tQuote: index into f.raw
	k    uint8
	c    byte // tPunct: '.' (also ! ? …), ',', ';', ':', '-' (dashes), '(', ')', 'q' (stray quote mark), 'o'
	f    uint8
}

// lookup returns the lexicon classes of an ASCII word, case-insensitively.
func lookup(w string) uint32 {
	if len(w) > 24 {
		return 0
	}
	var buf [24]byte
	lowered := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			lowered = true
		}
		buf[i] = c
	}
	if !lowered {
		return lexicon[w]
	}
	return lexicon[string(buf[:len(w)])]
}

// tokenize splits the paragraph pa into f.toks, each of its quotes one token.
func (f *finder) tokenize(pa *para) {
	text := f.text
	toks := f.toks[:0]
	qi := pa.q0
	i := pa.s
	for i < pa.e {
		if qi < pa.q1 && i >= f.raw[qi].outer.Start {
			o := f.raw[qi].outer
			toks = append(toks, tok{s: o.Start, e: o.End, k: tQuote, q: qi})
			i = max(i, o.End)
			qi++
			continue
		}
		lim := pa.e
		if qi < pa.q1 {
			lim = f.raw[qi].outer.Start
		}
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				i++
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
				toks = append(toks, f.word(i, lim))
				i = toks[len(toks)-1].e
			default:
				toks = append(toks, tok{s: i, e: i + 1, k: tPunct, c: punctCode(rune(c))})
				i++
			}
			continue
		}
		r, sz := utf8.DecodeRuneInString(text[i:lim])
		switch {
		case unicode.IsSpace(r):
			i += sz
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			toks = append(toks, f.word(i, lim))
			i = toks[len(toks)-1].e
		default:
			toks = append(toks, tok{s: i, e: i + sz, k: tPunct, c: punctCode(r)})
			i += sz
		}
	}
	// Sentence ends.
	for k := range toks {
		t := &toks[k]
		end := false
		switch t.k {
		case tPunct:
			end = t.c == '.'
		case tQuote:
			end = f.raw[t.q].term
		}
		if end && (k+1 == len(toks) || startsSentence(&toks[k+1])) {
			t.f |= fEOS
		}
	}
	f.toks = toks
}

func startsSentence(t *tok) bool {
	return t.k == tQuote || t.k == tWord && t.f&fLower == 0 || t.k == tPunct && (t.c == '(' || t.c == 'q' || t.c == '-')
}

func punctCode(r rune) byte {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return '.'
	case ',', ';', ':', '(', ')':
		return byte(r)
	case '，', '、':
		return ','
	case '：':
		return ':'
	case '-', '–', '—', '―':
		return '-'
	case '"', '\'', '“', '”', '„', '«', '»', '‘', '’', '‚', '‹', '›', '「', '」', '『', '』':
		return 'q'
	}
	return 'o'
}

// word reads the word starting at i, before lim.
func (f *finder) word(i, lim int) tok {
	s := f.text
	a := i
	t := tok{s: a, k: tWord}
	first, dot, ascii := true, false, true
	for i < lim {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z':
				if first {
					t.f |= fLower
				}
			case 'A' <= c && c <= 'Z':
				if first {
					t.f |= fCap
				}
			case '0' <= c && c <= '9':
			case c == '\'' || c == '-' || c == '.' || c == '&':
				// Inside a word only when a letter or digit follows.
				if i+1 < lim && startsWord(s, i+1, lim) {
					dot = dot || c == '.'
					i++
					first = false
					continue
				}
				goto done
			default:
				goto done
			}
			first = false
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:lim])
		switch {
		case unicode.IsLetter(r):
			if first {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					t.f |= fCap
				} else if unicode.IsLower(r) {
					t.f |= fLower
				}
			}
		case unicode.IsDigit(r) || unicode.IsMark(r):
		case r == '’' && i+sz < lim && startsWord(s, i+sz, lim):
		default:
			goto done
		}
		ascii = false
		first = false
		i += sz
	}
done:
	w := s[a:i]
	var lx uint32
	if ascii {
		lx = lookup(w)
	}
	// A period ends an abbreviation or an initial: "Mr.", "U.S.", "J."
	if i < lim && s[i] == '.' && (len(w) == 1 && t.f&fCap != 0 || dot || lx&lxAbbrev != 0) {
		i++
	}
	t.e = i
	t.lx = lx
	if n := len(w); n > 2 && (w[n-2:] == "'s" || n > 4 && w[n-4:] == "’s") {
		t.f |= fPoss
	}
	return t
}

func startsWord(s string, i, lim int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s[i:lim])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordText returns the word without a possessive ending.
func (f *finder) wordText(t *tok) string {
	w := f.text[t.s:t.e]
	if t.f&fPoss != 0 {
		if len(w) > 4 && w[len(w)-4:] == "’s" {
			return w[:len(w)-4]
		}
		return w[:len(w)-2]
	}
	return w
}

func (f *finder) is(t *tok, w string) bool {
	if t.k != tWord || t.e-t.s != len(w) {
		return false
	}
	x := f.text[t.s:t.e]
	for i := 0; i < len(w); i++ {
		c := x[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}
