// Package textenc tells the character encoding of text that does not say
// what it is in: a byte order mark, or else the legacy encoding whose
// decoding reads most like text.
//
// In: a file's bytes. Out: the encoding's name (as iconv and the WHATWG
// Encoding standard spell it), its decoder, and whether the guess is sure.
// Cost: one decoding of the first SampleBytes of the input per candidate
// encoding (a dozen), whatever the input's size.
//
// Method: each candidate decodes the sample and is scored by how much the
// result reads like text of one writing system: letters in words of one
// script count for it; replacement characters, control and private-use
// characters, symbols glued between letters, words mixing scripts, Latin
// words made mostly of accented letters and case changes inside a word
// (the marks of mojibake) count against it. Japanese without kana, Chinese
// with kana and Korean without Hangul are half credible. The best score
// wins, earlier candidates on a tie; the guess is unsure when a candidate
// of another writing system scores nearly as well, or little of the text
// is credible at all.
package textenc

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// SampleBytes is how much of the input a guess reads.
const SampleBytes = 32 << 10

// BOM names the byte order mark data starts with ("utf-8", "utf-16le",
// "utf-16be") and its length, or returns "", 0.
func BOM(data []byte) (string, int) {
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		return "utf-8", 3
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return "utf-16le", 2
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return "utf-16be", 2
	}
	return "", 0
}

// DecodeUTF16 decodes UTF-16 (after its byte order mark) into UTF-8, one
// character per code point; an unpaired surrogate or an odd last byte
// becomes U+FFFD.
func DecodeUTF16(data []byte, bigEndian bool) string {
	var b strings16
	b.buf = make([]byte, 0, len(data)*3/2)
	for i := 0; i < len(data); i += 2 {
		if i+1 >= len(data) {
			b.add(utf8.RuneError)
			break
		}
		u := unit(data[i:], bigEndian)
		switch {
		case u < 0xd800 || u >= 0xe000:
			b.add(rune(u))
		case u < 0xdc00 && i+3 < len(data):
			if v := unit(data[i+2:], bigEndian); v >= 0xdc00 && v < 0xe000 {
				b.add(0x10000 + (rune(u)-0xd800)<<10 + rune(v) - 0xdc00)
				i += 2
				continue
			}
			b.add(utf8.RuneError)
		default:
			b.add(utf8.RuneError)
		}
	}
	return string(b.buf)
}

type strings16 struct{ buf []byte }

func (s *strings16) add(r rune) { s.buf = utf8.AppendRune(s.buf, r) }

func unit(b []byte, bigEndian bool) uint16 {
	if bigEndian {
		return uint16(b[0])<<8 | uint16(b[1])
	}
	return uint16(b[1])<<8 | uint16(b[0])
}

// Guess is a guessed encoding.
type Guess struct {
	Name     string // as iconv spells it, upper case: "WINDOWS-1251", "SHIFT_JIS"
	Encoding encoding.Encoding
	Sure     bool
}

// candidate is a legacy encoding Guess tries, with the writing system its
// text is in and the bytes one of its non-ASCII characters takes.
type candidate struct {
	name  string
	enc   encoding.Encoding
	sys   system
	width int
	// common, for a multi-byte encoding, reads the character at the
	// start of b: its length and whether it is in the part of the code
	// table that text mostly uses (kana and the first level of kanji or
	// hanzi, Hangul syllables, punctuation).
	common func(b []byte) (int, bool)
}

type system uint8

const (
	sysNone system = iota
	sysLatin
	sysCyrillic
	sysGreek
	sysHebrew
	sysArabic
	sysChinese
	sysJapanese
	sysKorean
	sysOther
)

// candidates, the most common first: a tie goes to the earlier one.
var candidates = []candidate{
	{"WINDOWS-1252", charmap.Windows1252, sysLatin, 1, nil},
	{"WINDOWS-1250", charmap.Windows1250, sysLatin, 1, nil},
	{"WINDOWS-1251", charmap.Windows1251, sysCyrillic, 1, nil},
	{"KOI8-R", charmap.KOI8R, sysCyrillic, 1, nil},
	{"WINDOWS-1253", charmap.Windows1253, sysGreek, 1, nil},
	{"WINDOWS-1255", charmap.Windows1255, sysHebrew, 1, nil},
	{"WINDOWS-1256", charmap.Windows1256, sysArabic, 1, nil},
	{"SHIFT_JIS", japanese.ShiftJIS, sysJapanese, 2, commonSJIS},
	{"EUC-JP", japanese.EUCJP, sysJapanese, 2, commonEUCJP},
	{"GBK", simplifiedchinese.GBK, sysChinese, 2, commonGBK},
	{"BIG5", traditionalchinese.Big5, sysChinese, 2, commonBig5},
	{"EUC-KR", korean.EUCKR, sysKorean, 2, commonEUCKR},
}

func in(c byte, lo, hi byte) bool { return c >= lo && c <= hi }

// pair reads a two-byte character whose lead byte is b[0].
func pair(b []byte, common func(lead, trail byte) bool) (int, bool) {
	if len(b) < 2 {
		return 1, false
	}
	return 2, common(b[0], b[1])
}

func commonSJIS(b []byte) (int, bool) {
	if in(b[0], 0xa1, 0xdf) {
		return 1, false // halfwidth katakana
	}
	return pair(b, func(l, t byte) bool { return in(l, 0x81, 0x98) })
}

func commonEUCJP(b []byte) (int, bool) {
	switch {
	case b[0] == 0x8e:
		return 2, false
	case b[0] == 0x8f:
		return 3, false
	}
	return pair(b, func(l, t byte) bool { return (in(l, 0xa1, 0xa5) || in(l, 0xb0, 0xcf)) && in(t, 0xa1, 0xfe) })
}

func commonGBK(b []byte) (int, bool) {
	return pair(b, func(l, t byte) bool { return (in(l, 0xa1, 0xa3) || in(l, 0xb0, 0xd7)) && in(t, 0xa1, 0xfe) })
}

func commonBig5(b []byte) (int, bool) {
	return pair(b, func(l, t byte) bool { c := uint16(l)<<8 | uint16(t); return c >= 0xa140 && c <= 0xc67e })
}

func commonEUCKR(b []byte) (int, bool) {
	return pair(b, func(l, t byte) bool { return (in(l, 0xa1, 0xa3) || in(l, 0xb0, 0xc8)) && in(t, 0xa1, 0xfe) })
}

// commonShare is the share of the multi-byte characters of sample that c
// finds common.
func commonShare(sample []byte, c candidate) float64 {
	all, common := 0, 0
	for i := 0; i < len(sample); {
		if sample[i] < utf8.RuneSelf {
			i++
			continue
		}
		n, ok := c.common(sample[i:])
		all++
		if ok {
			common++
		}
		i += n
	}
	if all == 0 {
		return 1
	}
	return float64(common) / float64(all)
}

// Detect guesses the legacy encoding of data, which is not valid UTF-8.
func Detect(data []byte) Guess {
	sample := data[:min(len(data), SampleBytes)]
	nonASCII := 0
	for _, c := range sample {
		if c >= utf8.RuneSelf {
			nonASCII++
		}
	}
	best, second := -1, -1
	scores := make([]float64, len(candidates))
	reads := make([]system, len(candidates)) // the writing system each decoding reads as
	for i, c := range candidates {
		out, err := c.enc.NewDecoder().Bytes(sample)
		if err != nil {
			scores[i] = -1e9
			continue
		}
		scores[i], reads[i] = score(string(out), c)
		if c.common != nil && scores[i] > 0 {
			scores[i] *= commonShare(sample, c)
		}
		if best < 0 || scores[i] > scores[best] {
			best = i
		}
	}
	// A rival reads as another writing system: one of the same system
	// misreads a few letters at most.
	for i := range candidates {
		if i != best && reads[i] != reads[best] && (second < 0 || scores[i] > scores[second]) {
			second = i
		}
	}
	b := candidates[best]
	sure := scores[best] >= 0.5*float64(nonASCII) && (second < 0 || scores[second] < 0.8*scores[best])
	return Guess{Name: b.name, Encoding: b.enc, Sure: sure}
}

// score rates text decoded by c: the source bytes of its credible
// characters less twice those of its marks of a wrong decoding; and the
// writing system most of its letters are in.
func score(text string, c candidate) (float64, system) {
	var good, bad float64
	var kana, han, hangul, spaced float64
	var systems [sysOther + 1]int
	w := float64(c.width)
	rs := []rune(text)
	for i := 0; i < len(rs); {
		r := rs[i]
		if r < utf8.RuneSelf {
			i++
			continue
		}
		if !unicode.IsLetter(r) {
			switch {
			case suspect(r) || glued(rs, i):
				bad += w
			case typographic(r):
				good += w
			}
			i++
			continue
		}
		// A word: letters (ASCII ones too) and combining marks.
		j := i
		for j > 0 && isWordRune(rs[j-1]) {
			j--
		}
		k := i
		for k < len(rs) && isWordRune(rs[k]) {
			k++
		}
		g, b := word(rs[j:k])
		good += g * w
		bad += b * w
		if k+1 < len(rs) && rs[k] == ' ' && cjk(rs[k-1]) && cjk(rs[k+1]) {
			spaced++
		}
		for _, r := range rs[i:k] {
			systems[systemOf(r)]++
			switch {
			case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) && !halfwidth(r):
				kana++
			case unicode.Is(unicode.Han, r):
				han++
			case unicode.Is(unicode.Hangul, r):
				hangul++
			}
		}
		i = k
	}
	all := kana + han + hangul
	switch {
	case c.sys == sysJapanese && kana < 0.1*all,
		c.sys == sysChinese && kana > 0.1*all,
		c.sys == sysKorean && hangul < 0.5*all,
		// Chinese and Japanese set no spaces between words.
		(c.sys == sysChinese || c.sys == sysJapanese) && spaced > 0.05*all:
		good /= 2
	}
	reads := sysNone
	for s, n := range systems {
		if s != int(sysLatin) && n > systems[reads] {
			reads = system(s)
		}
	}
	if reads == sysNone {
		reads = sysLatin
	}
	return good - 2*bad, reads
}

func cjk(r rune) bool {
	s := systemOf(r)
	return r >= utf8.RuneSelf && (s == sysJapanese || s == sysKorean)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// word rates one word: how many of its non-ASCII letters are credible and
// how many are marks of a wrong decoding.
func word(rs []rune) (good, bad float64) {
	var sys system
	mixed := false
	letters, nonASCII := 0, 0
	caseFlip := false
	prevLower := false
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if r >= utf8.RuneSelf {
			nonASCII++
			if unicode.IsUpper(r) && prevLower {
				caseFlip = true
			}
		}
		prevLower = unicode.IsLower(r)
		s := systemOf(r)
		if sys == sysNone {
			sys = s
		} else if s != sys {
			mixed = true
		}
	}
	n := float64(nonASCII)
	for _, r := range rs[:len(rs)-1] {
		if finalOnly(r) {
			mixed = true
		}
	}
	switch {
	case mixed, caseFlip, sys == sysOther:
		return 0, n
	case sys == sysLatin && nonASCII >= 3 && 2*nonASCII > letters:
		return 0, n
	}
	for _, r := range rs {
		if halfwidth(r) {
			n-- // halfwidth kana are rare in text: no credit
		}
	}
	return n, 0
}

func systemOf(r rune) system {
	switch {
	case r < utf8.RuneSelf || unicode.Is(unicode.Latin, r):
		return sysLatin
	case unicode.Is(unicode.Cyrillic, r):
		return sysCyrillic
	case unicode.Is(unicode.Greek, r):
		return sysGreek
	case unicode.Is(unicode.Hebrew, r):
		return sysHebrew
	case unicode.Is(unicode.Arabic, r):
		return sysArabic
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), r == 'ー':
		return sysJapanese // Han and kana: one system here
	case unicode.Is(unicode.Hangul, r):
		return sysKorean
	}
	return sysOther
}

// finalOnly reports a letter written only at the end of a word: Greek
// final sigma, the final forms of Hebrew, Arabic teh marbuta.
func finalOnly(r rune) bool {
	switch r {
	case 'ς', 'ך', 'ם', 'ן', 'ף', 'ץ', 'ة':
		return true
	}
	return false
}

// typographic reports the punctuation of typeset text: quotation marks,
// dashes, the ellipsis, the no-break space, and the marks of Chinese and
// Japanese.
func typographic(r rune) bool {
	switch r {
	case '“', '”', '„', '‘', '’', '«', '»', '–', '—', '…', '\u00a0', '·', '°', '€', '£', '§':
		return true
	}
	return r >= 0x3000 && r <= 0x303f || r >= 0xff01 && r <= 0xff60
}

func halfwidth(r rune) bool { return r >= 0xff61 && r <= 0xff9f }

// suspect reports a character that text does not hold: the replacement
// character, controls, private use, unassigned code points.
func suspect(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Co, r) ||
		!unicode.IsPrint(r) && !unicode.IsSpace(r) && r != '\u00ad' && r != '\u200b' && r != '\ufeff'
}

// glued reports a symbol or punctuation mark between two letters that
// words do not hold (apostrophes, hyphens, middle dots and the marks of
// Chinese and Japanese aside).
func glued(rs []rune, i int) bool {
	if i == 0 || i+1 >= len(rs) || !unicode.IsLetter(rs[i-1]) || !unicode.IsLetter(rs[i+1]) {
		return false
	}
	r := rs[i]
	switch {
	case r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef, r == '・':
		return false
	}
	switch r {
	case '’', '‘', '‐', '‑', '–', '—', '·', '…', '\u00a0', '\u00ad':
		return false
	}
	return true
}
