package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the matching form of s, the Norm of a token: NFKC, lower
// case, curly and straight quotes unified (“ ” „ ‟ « » → ", ‘ ’ ‚ ‛ ‹ › ʼ →
// '), dashes unified (‐ ‑ ‒ – — ― − ⸺ ⸻ → -), every non-ASCII space
// (no-break, narrow no-break, thin, ...) → " ", soft hyphens removed and
// invalid UTF-8 bytes → U+FFFD. Normalize is idempotent. Pure-ASCII input
// costs one scan, plus a copy only when it has upper-case letters; a string
// that is already its own Norm is returned as is.
func Normalize(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return normalizeUnicode(s)
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return s
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}

func normalizeUnicode(s string) string {
	// NFKC can produce characters that mapRune changes (U+FE58 → "—") and
	// lower-casing or dropping a soft hyphen can leave text that is not
	// NFKC, so repeat until stable (in practice one round, rarely two).
	for range 4 {
		t := strings.Map(mapRune, norm.NFKC.String(s))
		if t == s || norm.NFKC.IsNormalString(t) && strings.Map(mapRune, t) == t {
			return t
		}
		s = t
	}
	return s
}

// mapRune is the per-rune part of Normalize, applied after NFKC.
func mapRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	switch r {
	case '“', '”', '„', '‟', '«', '»', '〝', '〞', '〟':
		return '"'
	case '‘', '’', '‚', '‛', '‹', '›', 'ʼ':
		return '\''
	case '‐', '‑', '‒', '–', '—', '―', '−', '⸺', '⸻', '﹘':
		return '-'
	case '\u00AD':
		return -1
	case utf8.RuneError:
		return r
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}
