// Package token splits text into word, number, punctuation and symbol tokens
// with byte offsets, and gives each a normalised form and an English stem for
// matching the same wording across outlets.
//
// Input: any string (UTF-8 expected; invalid bytes are separators, never a
// panic). Output: tokens in text order, non-overlapping, each with
// Text == text[Start:End] exactly as written; white space, control and
// format characters between tokens are dropped. Norm (see [Normalize]) and
// Stem are for matching only and never replace what is shown.
//
// Cost: one pass, O(len(text)); the result takes about 72 bytes per token
// (English news runs at about 6 bytes a token, so 12 bytes per input byte).
// Pure-ASCII tokens skip NFKC, lower-case ASCII words share their Text as
// Norm, and Norm/Stem/Stop are cached per [Tokenizer] (Tokenize keeps one
// warm Tokenizer per P), so a warm Tokenize allocates only the result
// slice. About 120 MB/s of English news on one core (BenchmarkTokenize).
//
// Segmentation rules:
//   - A word is a run of letters, combining marks and digits of any script,
//     joined across an internal apostrophe (' ’ ‘ ‛) when a letter follows
//     ("Japan’s", "don't"), an internal hyphen (- ‐ ‑) between letters or
//     digits ("well-known", "COVID-19"), a decimal point or thousands comma
//     between digits ("2,500", "3.5") and a soft hyphen, ZWJ, ZWNJ or word
//     joiner between letters. A number keeps a directly following "%".
//   - En and em dashes never join: "Smith–Jones" is Smith, –, Jones (an en
//     dash relates two separate things; a hyphen makes a compound).
//   - Single letters each followed by a period form one abbreviation token:
//     "U.S.", "e.g.", "J.R.R." (with an optional possessive: "U.S.’s"); the
//     last period stays in the token even at the end of a sentence. So
//     "U.S.-Japan" is "U.S.", "-", "Japan": the hyphen follows a period, not a
//     letter, and the parts stay matchable on their own.
//   - Other periods split words ("google.com" is google, ., com), and so does
//     a space inside a number ("2 500" is two Numbers).
//   - Han ideographs and Hiragana are one token per character; other scripts
//     without spaces (Thai, ...) come out as whole runs.
//   - Punctuation is one token per character, except that a run of periods is
//     one token ("..."), to match "…" whose Norm is "...". Symbols, emoji
//     included, are one token per character together with their modifiers,
//     variation selectors and ZWJ sequences (👍🏽, 🇯🇵 are one token each).
//
// Stems: words whose letters are all Latin script are stemmed with the
// Snowball English stemmer, part by part across hyphens and with the
// possessive removed ("Japan’s" → "japan", "far-reaching" → "far-reach"), so
// strings.Split(Stem, "-") gives the stems of a compound's parts. Words in
// other scripts, abbreviations, numbers and punctuation have Stem == Norm.
package token

import (
	"runtime"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind uint8

const (
	Other  Kind = iota // private-use or unassigned characters
	Word               // letters (of any script), possibly with digits: "Japan", "G7", "1990s"
	Number             // digits with separators, no letters: "2,500", "3.5", "47%", "2019-01-14"
	Punct              // punctuation: quotes, dashes, brackets, "."
	Symbol             // symbols and emoji: "$", "+", "©", "👍🏽"
)

var kindNames = [...]string{Other: "Other", Word: "Word", Number: "Number", Punct: "Punct", Symbol: "Symbol"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Token is one token of a text.
type Token struct {
	Start, End int    // byte range in the text given to Tokenize
	Text       string // as written: text[Start:End]
	Norm       string // for matching only; see Normalize
	Stem       string // Snowball English stem of Norm for Latin-script words; Norm otherwise
	Kind       Kind
	Stop       bool // an English stopword (Word tokens only)
}

// Tokenize splits text into tokens. It is safe for concurrent use.
func Tokenize(text string) []Token {
	var tz *Tokenizer
	select {
	case tz = <-idle:
	default:
		tz = new(Tokenizer)
	}
	// English news runs at 5.5 to 6 bytes a token.
	toks := tz.Append(make([]Token, 0, len(text)/5+4), text)
	select {
	case idle <- tz:
	default:
	}
	return toks
}

// idle holds the Tokenizers (and their warm caches) of Tokenize between
// calls: one per P is enough. Unlike a sync.Pool it is not emptied by the
// garbage collector, so the caches survive; its size bounds their memory.
var idle = make(chan *Tokenizer, runtime.GOMAXPROCS(0))

// Tokenizer tokenizes text, caching the Norm, Stem and Stop of the tokens it
// has seen (up to 32768, then it starts afresh). The zero value is ready to
// use. A Tokenizer is not safe for concurrent use; the package-level
// Tokenize keeps one per P.
type Tokenizer struct {
	cache map[string]entry
}

type entry struct {
	norm, stem string
	kind       Kind
	stop       bool
	normIsText bool // Norm equals the key: use the token's own Text
}

const (
	maxCacheEntries = 1 << 15 // about 3 MB at most per Tokenizer
	maxCachedLen    = 64
)

// Append appends the tokens of text to dst and returns the extended slice.
func (tz *Tokenizer) Append(dst []Token, text string) []Token {
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		var cl class
		sz := 1
		var r rune
		if c < utf8.RuneSelf {
			cl = asciiClass[c]
			r = rune(c)
		} else {
			r, sz = utf8.DecodeRuneInString(text[i:])
			cl = classify(r, sz)
		}
		switch cl {
		case cSpace, cFormat:
			i += sz
		case cLetter, cDigit, cMark:
			end, f := scanWord(text, i)
			kind := Word
			if f&fLetter == 0 && f&fDigit != 0 {
				kind = Number
			}
			dst = tz.add(dst, text, i, end, kind, f)
			i = end
		case cPunct:
			end := i + sz
			if c == '.' {
				for end < n && text[end] == '.' {
					end++
				}
			}
			end = absorbMarks(text, end)
			dst = tz.add(dst, text, i, end, Punct, 0)
			i = end
		case cSymbol:
			end := scanSymbol(text, i, r, sz)
			dst = tz.add(dst, text, i, end, Symbol, 0)
			i = end
		default:
			end := absorbMarks(text, i+sz)
			dst = tz.add(dst, text, i, end, Other, 0)
			i = end
		}
	}
	return dst
}

// add appends the token text[start:end] of the given kind, computing or
// looking up its Norm, Stem and Stop.
func (tz *Tokenizer) add(dst []Token, text string, start, end int, kind Kind, f wflags) []Token {
	t := text[start:end]
	tok := Token{Start: start, End: end, Text: t, Kind: kind}
	if kind != Word && isASCIILower(t) {
		// ASCII punctuation, symbols and numbers are their own Norm.
		tok.Norm, tok.Stem = t, t
		return append(dst, tok)
	}
	if e, ok := tz.cache[t]; ok && e.kind == kind {
		if e.normIsText {
			tok.Norm = t
		} else {
			tok.Norm = e.norm
		}
		tok.Stem, tok.Stop = e.stem, e.stop
		return append(dst, tok)
	}
	norm := Normalize(t)
	stem := norm
	stop := false
	if kind == Word {
		stop = IsStopword(norm)
		switch {
		case f&fAbbrev != 0:
			stem = strings.TrimSuffix(norm, "'s")
		case f&fNonLatin == 0:
			stem = stemEnglish(norm)
		}
	}
	tok.Norm, tok.Stem, tok.Stop = norm, stem, stop
	dst = append(dst, tok)
	if len(t) <= maxCachedLen {
		if tz.cache == nil {
			tz.cache = make(map[string]entry, 1024)
		} else if len(tz.cache) >= maxCacheEntries {
			clear(tz.cache)
		}
		// Clone so the cache never pins the caller's text.
		key := strings.Clone(t)
		e := entry{kind: kind, stop: stop, normIsText: norm == t}
		if e.normIsText {
			e.norm = key
		} else {
			e.norm = strings.Clone(norm) // norm may alias t (NFKC can return its input)
		}
		if stem == norm {
			e.stem = e.norm
		} else {
			e.stem = stem
		}
		tz.cache[key] = e
	}
	return dst
}

func isASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// class is the tokenizer's character class.
type class uint8

const (
	cSpace  class = iota // white space, controls, invalid bytes: separators
	cLetter              // unicode.IsLetter
	cMark                // unicode.IsMark: continues a word or a symbol
	cDigit               // unicode.IsNumber
	cPunct               // unicode.IsPunct
	cSymbol              // unicode.IsSymbol
	cFormat              // Cf: separators, except the word joiners inside words
	cOther               // private use, unassigned
)

var asciiClass [utf8.RuneSelf]class

func init() {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		asciiClass[c] = classify(c, 1)
	}
}

func classify(r rune, size int) class {
	switch {
	case r == utf8.RuneError && size == 1:
		return cSpace // invalid byte
	case unicode.IsLetter(r):
		return cLetter
	case unicode.IsSpace(r):
		return cSpace
	case unicode.IsNumber(r):
		return cDigit
	case unicode.IsMark(r):
		return cMark
	case unicode.IsPunct(r):
		return cPunct
	case unicode.IsSymbol(r):
		return cSymbol
	case unicode.Is(unicode.Cf, r):
		return cFormat
	case unicode.Is(unicode.Cc, r):
		return cSpace
	}
	return cOther
}

// decode returns the rune at s[i] (i < len(s)), its size and class.
func decode(s string, i int) (rune, int, class) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1, asciiClass[c]
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return r, n, classify(r, n)
}

// wflags describe a scanned word.
type wflags uint8

const (
	fLetter   wflags = 1 << iota // has a letter
	fDigit                       // has a digit
	fNonLatin                    // has a letter not in the Latin script
	fAbbrev                      // an abbreviation: "U.S."
)

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u201B', '\uFF07':
		return true
	}
	return false
}

func isHyphen(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\uFE63', '\uFF0D':
		return true
	}
	return false
}

// isWordFormat reports the format characters that may sit inside a word:
// soft hyphen, ZWNJ, ZWJ, word joiner.
func isWordFormat(r rune) bool {
	switch r {
	case '\u00AD', '\u200C', '\u200D', '\u2060':
		return true
	}
	return false
}

// isIdeo reports the letters that are words on their own.
func isIdeo(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r))
}

func isLatinLetter(r rune) bool {
	return r < utf8.RuneSelf || unicode.Is(unicode.Latin, r)
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _, cl := decode(s, i)
	return cl == cLetter && !isIdeo(r)
}

func alnumAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _, cl := decode(s, i)
	return cl == cDigit || cl == cLetter && !isIdeo(r)
}

func digitAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	_, _, cl := decode(s, i)
	return cl == cDigit
}

// absorbMarks returns the end of the combining marks starting at s[i].
func absorbMarks(s string, i int) int {
	for i < len(s) && s[i] >= utf8.RuneSelf {
		_, sz, cl := decode(s, i)
		if cl != cMark {
			break
		}
		i += sz
	}
	return i
}

// scanWord scans the word or number starting at s[start], which is a letter,
// mark or digit.
func scanWord(s string, start int) (end int, f wflags) {
	n := len(s)
	r0, sz0, cl0 := decode(s, start)
	if cl0 == cLetter {
		if isIdeo(r0) {
			return absorbMarks(s, start+sz0), fLetter | fNonLatin
		}
		if start+sz0 < n && s[start+sz0] == '.' {
			if e := abbrevEnd(s, start); e > 0 {
				f = fLetter | fAbbrev
				for i := start; i < e; {
					r, sz, cl := decode(s, i)
					if cl == cLetter && !isLatinLetter(r) {
						f |= fNonLatin
					}
					i += sz
				}
				return e, f
			}
		}
	}
	i := start
	prevDigit := false
loop:
	for i < n {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case cLetter:
				f |= fLetter
				prevDigit = false
				i++
				continue
			case cDigit:
				f |= fDigit
				prevDigit = true
				i++
				continue
			}
			switch c {
			case '\'':
				if i > start && letterAt(s, i+1) {
					prevDigit = false
					i++
					continue
				}
			case '-':
				if i > start && alnumAt(s, i+1) {
					prevDigit = false
					i++
					continue
				}
			case '.', ',':
				if prevDigit && digitAt(s, i+1) {
					i++
					continue
				}
			}
			break loop
		}
		r, sz, cl := decode(s, i)
		switch cl {
		case cLetter:
			if isIdeo(r) {
				break loop
			}
			f |= fLetter
			if !isLatinLetter(r) {
				f |= fNonLatin
			}
			prevDigit = false
			i += sz
			continue
		case cMark:
			i += sz
			continue
		case cDigit:
			f |= fDigit
			prevDigit = true
			i += sz
			continue
		case cPunct:
			if i > start && (isApostrophe(r) && letterAt(s, i+sz) || isHyphen(r) && alnumAt(s, i+sz)) {
				prevDigit = false
				i += sz
				continue
			}
		case cFormat:
			if i > start && isWordFormat(r) && alnumAt(s, i+sz) {
				i += sz
				continue
			}
		}
		break
	}
	if f&fLetter == 0 && i < n {
		if s[i] == '%' {
			i++
		} else if strings.HasPrefix(s[i:], "％") {
			i += len("％")
		}
	}
	return i, f
}

// abbrevEnd returns the end of an abbreviation of two or more single
// letters each followed by a period ("U.S.", "e.g."), with an optional
// possessive ("U.S.’s"), starting at s[i]; or 0.
func abbrevEnd(s string, i int) int {
	count := 0
	for i < len(s) {
		r, sz, cl := decode(s, i)
		if cl != cLetter || isIdeo(r) {
			break
		}
		j := absorbMarks(s, i+sz)
		if j >= len(s) || s[j] != '.' {
			break
		}
		count++
		i = j + 1
	}
	if count < 2 {
		return 0
	}
	if i < len(s) {
		r, sz, _ := decode(s, i)
		if isApostrophe(r) && i+sz < len(s) && (s[i+sz] == 's' || s[i+sz] == 'S') && !alnumAt(s, i+sz+1) {
			i += sz + 1
		}
	}
	return i
}

// scanSymbol scans a symbol starting at s[i] (rune r of size sz) with its
// emoji modifiers, variation selectors, tags, ZWJ sequences and, for a
// regional indicator, its partner.
func scanSymbol(s string, i int, r rune, sz int) int {
	n := len(s)
	j := i + sz
	if isRegional(r) && j < n {
		if r2, sz2 := utf8.DecodeRuneInString(s[j:]); isRegional(r2) {
			j += sz2
		}
	}
	for j < n && s[j] >= utf8.RuneSelf {
		r2, sz2, cl := decode(s, j)
		switch {
		case cl == cMark, r2 >= 0x1F3FB && r2 <= 0x1F3FF, r2 >= 0xE0020 && r2 <= 0xE007F:
			j += sz2
			continue
		case r2 == '\u200D' && j+sz2 < n:
			if _, sz3, cl3 := decode(s, j+sz2); cl3 == cSymbol {
				j += sz2 + sz3
				continue
			}
		}
		break
	}
	return j
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
