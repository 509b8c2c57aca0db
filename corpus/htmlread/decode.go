package htmlread

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// decoded is the page as valid UTF-8 text together with the map from its
// byte offsets back to rune offsets in the source as given.
//
// Source runes are counted the way Go counts them: every valid UTF-8
// sequence is one rune and every byte that is not part of one is one rune
// of its own, so a page in a legacy single-byte charset has one source rune
// per byte of non-ASCII text.
type decoded struct {
	text   []byte
	nrunes int // runes in the source

	// For a source that is valid UTF-8, text is the source and offsets are
	// counted incrementally (lastB, lastR). Otherwise lo and hi give, for each
	// byte of text, the source rune range of the character it belongs to.
	lo, hi       []int32
	lastB, lastR int
}

// span returns the source rune range of the text bytes [b0, b1), which
// must start and end on character boundaries of text.
func (d *decoded) span(b0, b1 int) (int, int) {
	if d.lo != nil {
		if b0 >= b1 {
			p := d.nrunes
			if b0 < len(d.lo) {
				p = int(d.lo[b0])
			}
			return p, p
		}
		return int(d.lo[b0]), int(d.hi[b1-1])
	}
	r0 := d.count(b0)
	return r0, d.count(b1)
}

func (d *decoded) count(b int) int {
	if b < d.lastB {
		d.lastB, d.lastR = 0, 0
	}
	d.lastR += utf8.RuneCount(d.text[d.lastB:b])
	d.lastB = b
	return d.lastR
}

// decode turns src into UTF-8. Valid UTF-8 is used as is. Otherwise the
// charset comes from the byte order mark or the <meta> prescan the HTML
// standard describes; a page whose undecodable bytes are outnumbered by
// well-formed multi-byte UTF-8 sequences is taken as UTF-8 with errors, and
// a page with no usable declaration as windows-1252. Bytes that cannot be
// decoded become U+FFFD, one per byte.
func decode(src []byte) *decoded {
	if utf8.Valid(src) {
		return &decoded{text: src, nrunes: utf8.RuneCount(src)}
	}
	enc, name, _ := charset.DetermineEncoding(src, "")
	if name == "utf-8" || enc == nil || looksUTF8(src) {
		return transcode(src, decodeUTF8)
	}
	if cm, ok := enc.(*charmap.Charmap); ok {
		return transcode(src, func(b []byte) (rune, int) { return cm.DecodeByte(b[0]), 1 })
	}
	return transcode(src, multiByte(enc, name))
}

// looksUTF8 reports whether src has more well-formed multi-byte UTF-8
// sequences than bytes that are not UTF-8.
func looksUTF8(src []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return good > bad
}

func decodeUTF8(b []byte) (rune, int) {
	r, n := utf8.DecodeRune(b)
	if r == utf8.RuneError && n <= 1 {
		return utf8.RuneError, 1
	}
	return r, n
}

// multiByte decodes one character of a multi-byte or stateful encoding by
// trying sequences of one to four bytes. It is slow, and such pages are rare.
func multiByte(enc encoding.Encoding, name string) func([]byte) (rune, int) {
	dec := enc.NewDecoder()
	asciiSafe := !strings.HasPrefix(name, "utf-16") && name != "iso-2022-jp"
	return func(b []byte) (rune, int) {
		if asciiSafe && b[0] < utf8.RuneSelf {
			return rune(b[0]), 1
		}
		for k := 1; k <= 4 && k <= len(b); k++ {
			out, err := dec.Bytes(b[:k])
			if err != nil || len(out) == 0 {
				continue
			}
			r, n := utf8.DecodeRune(out)
			if n == len(out) && r != utf8.RuneError {
				return r, k
			}
		}
		return utf8.RuneError, 1
	}
}

// transcode decodes src one character at a time with next, which returns
// the character at the start of its argument and the bytes it used.
func transcode(src []byte, next func([]byte) (rune, int)) *decoded {
	// runeOf[i] is the index of the source rune that byte i belongs to.
	runeOf := make([]int32, len(src))
	nr := int32(0)
	for i := 0; i < len(src); {
		_, n := decodeUTF8(src[i:])
		for k := 0; k < n; k++ {
			runeOf[i+k] = nr
		}
		nr++
		i += n
	}
	d := &decoded{nrunes: int(nr)}
	text := make([]byte, 0, len(src)+len(src)/4)
	lo := make([]int32, 0, cap(text))
	hi := make([]int32, 0, cap(text))
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(src); {
		r, n := next(src[i:])
		if n <= 0 || n > len(src)-i {
			r, n = utf8.RuneError, 1
		}
		w := utf8.EncodeRune(buf[:], r)
		text = append(text, buf[:w]...)
		r0, r1 := runeOf[i], runeOf[i+n-1]+1
		for k := 0; k < w; k++ {
			lo = append(lo, r0)
			hi = append(hi, r1)
		}
		i += n
	}
	d.text, d.lo, d.hi = text, lo, hi
	return d
}
