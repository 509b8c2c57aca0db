package corpus

import (
	"strings"

	"github.com/biasdiff/biasdiff/corpus/textmap"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// Article is one news report, read, cleaned and split.
//
// Every Start/End offset counts characters (runes) of the article's source:
// the file as given, or for news-please JSON the "maintext" field.
type Article struct {
	ID     string `json:"id"`
	Path   string `json:"path"`             // as given on the command line or found in a directory; "-" for stdin
	Record int    `json:"record,omitempty"` // 1-based line of a JSON Lines file; 0 otherwise
	Format string `json:"format"`           // txt, md, html, json, jsonl
	Outlet string `json:"outlet"`
	// OutletFromPath: no metadata named the outlet; Outlet is the file's
	// name.
	OutletFromPath bool   `json:"outlet_from_path,omitempty"`
	Title          string `json:"title"`
	Date           string `json:"date"`
	URL            string `json:"url"`
	Language       string `json:"language"`
	Event          string `json:"event,omitempty"` // as the user declared it (manifest, sidecar, front matter)

	// TitleSpan is where the title stands in the source, or nil when the
	// title is not part of the text (a JSON field, front matter, a manifest).
	TitleSpan *Span `json:"title_span,omitempty"`

	Sentences []Sentence `json:"sentences"`
	Removed   []Removal  `json:"removed"`
	Quotes    []Quote    `json:"quotes"`

	// Words counts the word tokens of the kept sentences.
	Words int `json:"words"`

	// Body is the kept text, one paragraph per line; sentence and quote
	// offsets into it are kept alongside the source offsets.
	Body textmap.Joined `json:"-"`
}

// InLanguage tells whether the article is in the language of ISO 639-1
// code (a region, "en-GB", matches "en"), or may be: its language is not
// known.
func (a *Article) InLanguage(code string) bool {
	lang, _, _ := strings.Cut(a.Language, "-")
	want, _, _ := strings.Cut(code, "-")
	return lang == "" || strings.EqualFold(lang, want)
}

// Span is a range of source characters [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentence is one sentence of the kept text.
type Sentence struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Para is the index of the paragraph (line of Body) the sentence is in.
	Para int `json:"para"`
	// BodyStart and BodyEnd are the sentence's byte range in Body.S.
	BodyStart int `json:"-"`
	BodyEnd   int `json:"-"`
}

// Removal is a line or fragment of the source that the cleaner took out,
// with the reason, so that nothing is lost silently.
type Removal struct {
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Reason string `json:"reason"`
}

// Quote is a direct quotation in the kept text.
type Quote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Verb    string `json:"verb"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Partial bool   `json:"partial,omitempty"`
	// Sentence is the index of the sentence the quote starts in.
	Sentence int `json:"sentence"`
}

// Token is a word, number or punctuation mark of a sentence, with its
// offsets in the source (runes) beside those in the sentence text (bytes).
type Token struct {
	token.Token
	SrcStart, SrcEnd int
}

// SentenceTokens tokenizes sentence i: normalised and stemmed forms for
// matching, offsets into the source for showing.
func (a *Article) SentenceTokens(i int) []Token {
	s := a.Sentences[i]
	toks := token.Tokenize(s.Text)
	out := make([]Token, len(toks))
	for k, tk := range toks {
		start, end := a.Body.Span(s.BodyStart+tk.Start, s.BodyStart+tk.End)
		out[k] = Token{Token: tk, SrcStart: start, SrcEnd: end}
	}
	return out
}
