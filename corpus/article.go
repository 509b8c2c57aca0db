package corpus

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/textmap"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// Where names the report in messages: its path, with the line of a JSON
// Lines record ("feed.jsonl:12") or the number of a record of a JSON array
// ("feed.json record 3").
func (a *Article) Where() string {
	switch {
	case a.Record > 0 && a.Format == "jsonl":
		return a.Path + ":" + strconv.Itoa(a.Record)
	case a.Record > 0:
		return a.Path + " record " + strconv.Itoa(a.Record)
	}
	return a.Path
}

// Article is one news report, read, cleaned and split.
//
// Every Start/End offset counts characters (runes) of the article's source:
// the file as decoded, a byte order mark included, or for news-please JSON
// the "maintext" field.
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

	// tokens caches the tokens of the title and sentences, once asked for
	// (every analysis of an event reads them), until DropTokens.
	tokMu  sync.Mutex
	tokens [][]token.Token // per sentence; nil: not yet
	title  []token.Token
	titled bool
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
	Text string `json:"text"`
	// Speaker is who said it as a careful reader would name them: a
	// pronoun or a title resolved to the person, an acronym to the
	// organisation the article named; "" when the text does not say.
	Speaker string `json:"speaker"`
	// SpeakerAsWritten is the attribution's subject as the text writes
	// it ("he", "the senator", "NRA"); "" if none.
	SpeakerAsWritten string `json:"speaker_as_written,omitempty"`
	// SpeakerStart and SpeakerEnd are the source offsets (runes) of the
	// mention Speaker was read from: the attribution, or the earlier
	// mention a pronoun or title was resolved to; 0, 0 if none.
	SpeakerStart int    `json:"speaker_start,omitempty"`
	SpeakerEnd   int    `json:"speaker_end,omitempty"`
	Verb         string `json:"verb"`
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Partial      bool   `json:"partial,omitempty"`
	// Sentence is the index of the sentence the quote starts in.
	Sentence int `json:"sentence"`
}

// Token is a word, number or punctuation mark of a sentence, with its
// offsets in the source (runes) beside those in the sentence text (bytes).
type Token struct {
	token.Token
	SrcStart, SrcEnd int
}

// TitleCase tells whether a sentence is written as a headline: four
// words or more, four in five of those that are not stopwords
// capitalised (a headline kept as a sentence, whatever its place).
func TitleCase(toks []Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.Kind == token.Word && !t.Stop {
			words++
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
				caps++
			}
		}
	}
	return words >= 4 && caps*5 >= words*4
}

// PlainTokens returns the tokens of sentence i (token.Tokenize of its
// text), tokenized once and kept until DropTokens. The slice is shared:
// do not modify it. Safe for concurrent use.
func (a *Article) PlainTokens(i int) []token.Token {
	a.tokMu.Lock()
	defer a.tokMu.Unlock()
	if a.tokens == nil {
		a.tokens = make([][]token.Token, len(a.Sentences))
	}
	if a.tokens[i] == nil {
		a.tokens[i] = token.Tokenize(a.Sentences[i].Text)
	}
	return a.tokens[i]
}

// TitleTokens returns the tokens of the title, like PlainTokens.
func (a *Article) TitleTokens() []token.Token {
	a.tokMu.Lock()
	defer a.tokMu.Unlock()
	if !a.titled {
		a.title, a.titled = token.Tokenize(a.Title), true
	}
	return a.title
}

// DropTokens frees the tokens PlainTokens and TitleTokens keep, once the
// article's analysis is done.
func (a *Article) DropTokens() {
	a.tokMu.Lock()
	defer a.tokMu.Unlock()
	a.tokens, a.title, a.titled = nil, nil, false
}

// SentenceTokens returns the tokens of sentence i (PlainTokens) with their
// offsets into the source: normalised and stemmed forms for matching,
// offsets for showing. The slice is the caller's.
func (a *Article) SentenceTokens(i int) []Token {
	s := a.Sentences[i]
	toks := a.PlainTokens(i)
	out := make([]Token, len(toks))
	for k, tk := range toks {
		start, end := a.Body.Span(s.BodyStart+tk.Start, s.BodyStart+tk.End)
		out[k] = Token{Token: tk, SrcStart: start, SrcEnd: end}
	}
	return out
}
