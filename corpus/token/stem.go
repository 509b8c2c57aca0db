package token

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// stopwordsEN is the Snowball English stop word list; see the file header
// for its source and licence.
//
//go:embed stopwords_en.txt
var stopwordsEN string

var stopwords = parseStopwords(stopwordsEN)

// parseStopwords reads the Snowball list format: the first word of each
// line; "|" starts a comment.
func parseStopwords(data string) map[string]struct{} {
	set := make(map[string]struct{}, 200)
	for line := range strings.Lines(data) {
		if i := strings.IndexByte(line, '|'); i >= 0 {
			line = line[:i]
		}
		if f := strings.Fields(line); len(f) > 0 {
			set[Normalize(f[0])] = struct{}{}
		}
	}
	return set
}

// IsStopword reports whether norm, a word in Norm form, is an English
// stopword (the Snowball English list, 174 words, contractions included:
// "don't", "it's"; not "us", which is usually the United States).
func IsStopword(norm string) bool {
	_, ok := stopwords[norm]
	return ok
}

// Stopwords returns the stopword list, in no particular order.
func Stopwords() []string {
	out := make([]string, 0, len(stopwords))
	for w := range stopwords {
		out = append(out, w)
	}
	return out
}

// stemEnglish stems a Latin-script word in Norm form with the Snowball
// English stemmer, each hyphen-separated part on its own. The possessive
// ("'s", and a trailing "'") goes with Snowball's step 0.
func stemEnglish(norm string) string {
	if strings.IndexByte(norm, '-') < 0 {
		return stemPart(norm)
	}
	parts := strings.Split(norm, "-")
	changed := false
	for i, p := range parts {
		if s := stemPart(p); s != p {
			parts[i] = s
			changed = true
		}
	}
	if !changed {
		return norm
	}
	return strings.Join(parts, "-")
}

func stemPart(w string) string {
	if len(w) <= 2 {
		return w
	}
	s := english.Stem(w, true)
	if s == "" || !utf8.ValidString(s) {
		return w
	}
	if s == w {
		return w
	}
	return s
}
