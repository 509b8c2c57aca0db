package htmlread

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/textenc"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// decoded is the page as valid UTF-8 text together with the map from its
// byte offsets back to rune offsets in the source.
//
// Source runes are the characters of the page as decoded, its byte order
// mark included (rune 0): one per character of its charset (a Shift-JIS
// character of two bytes is one rune, as is a UTF-16 surrogate pair), and
// one per byte that does not decode.
type decoded struct {
	text   []byte
	nrunes int // runes in the source
	// charset is the charset the page was read in, guessed says it was
	// not declared, and unsure that the guess may be wrong.
	charset         string
	guessed, unsure bool

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

// decode turns src into UTF-8. A UTF-16 byte order mark makes it UTF-16;
// valid UTF-8 is used as is. Otherwise the charset comes from the <meta>
// prescan the HTML standard describes; a page whose undecodable bytes are
// outnumbered by well-formed multi-byte UTF-8 sequences is taken as UTF-8
// with errors, and the charset of a page that declares none is guessed
// (textenc.Detect). Bytes that cannot be decoded become U+FFFD, one per
// byte.
func decode(src []byte) *decoded {
	switch bom, _ := textenc.BOM(src); bom {
	case "utf-16le", "utf-16be":
		d := transcode(src, utf16Char(bom == "utf-16be"))
		d.charset = bom
		return d
	}
	if utf8.Valid(src) {
		return &decoded{text: src, nrunes: utf8.RuneCount(src), charset: "utf-8"}
	}
	enc, name, _ := charset.DetermineEncoding(src, "")
	if name == "utf-8" || enc == nil || looksUTF8(src) {
		d := transcode(src, decodeUTF8)
		d.charset = "utf-8"
		return d
	}
	guessed, unsure := false, false
	if name == "windows-1252" && !declaresCharset(src) {
		g := textenc.Detect(src)
		enc, name = g.Encoding, strings.ToLower(g.Name)
		guessed, unsure = true, !g.Sure
	}
	var d *decoded
	if cm, ok := enc.(*charmap.Charmap); ok {
		d = transcode(src, func(b []byte) (rune, int) { return cm.DecodeByte(b[0]), 1 })
	} else {
		d = transcode(src, multiByte(enc, name))
	}
	d.charset, d.guessed, d.unsure = name, guessed, unsure
	return d
}

// declaresCharset reports whether the part of the page the <meta> prescan
// reads says "charset" at all.
func declaresCharset(src []byte) bool {
	return bytes.Contains(bytes.ToLower(src[:min(len(src), 1024)]), []byte("charset"))
}

// utf16Char decodes one UTF-16 character: two bytes, or four for a
// surrogate pair.
func utf16Char(bigEndian bool) func([]byte) (rune, int) {
	return func(b []byte) (rune, int) {
		if len(b) < 2 {
			return utf8.RuneError, len(b)
		}
		r := textenc.DecodeUTF16(b[:min(len(b), 4)], bigEndian)
		c, _ := utf8.DecodeRuneInString(r)
		if c >= 0x10000 {
			return c, 4
		}
		return c, 2
	}
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
// the character at the start of its argument and the bytes it used. Each
// character is one source rune.
func transcode(src []byte, next func([]byte) (rune, int)) *decoded {
	d := &decoded{}
	nr := int32(0)
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
		for k := 0; k < w; k++ {
			lo = append(lo, nr)
			hi = append(hi, nr+1)
		}
		nr++
		i += n
	}
	d.text, d.lo, d.hi, d.nrunes = text, lo, hi, int(nr)
	return d
}

// Chars is the number of characters of src as Extract decodes it: every
// offset of its Text is at most Chars(src).
func Chars(src []byte) int { return decode(src).nrunes }
