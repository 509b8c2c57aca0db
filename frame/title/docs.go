package title

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// reportingStems are the stems of the reporting verbs' forms ("says",
// "told"): they say who spoke, not what happened, and are no title word.
var reportingStems = func() map[string]bool {
	out := map[string]bool{}
	for _, line := range english.List("reporting-verbs") {
		for _, f := range english.VerbForms(line) {
			for _, t := range token.Tokenize(f) {
				out[t.Stem] = true
			}
		}
	}
	return out
}()

// leadMinWords is the fewest words a sentence needs to be a report's lead
// (a dateline or a byline alone is not).
const leadMinWords = 4

// headlineMaxWords is the most words a headline has; a longer "headline"
// is a sentence of the text (as corpus reads headlines: 3 to 25 words).
const headlineMaxWords = 25

// doc is one report as Of reads it.
type doc struct {
	art   *corpus.Article
	index int    // into the articles given
	id    string // Article.ID, for ties
	// headline is the cleaned headline, "" when there is none or too
	// little is left of it; headWords its content stems.
	headline  string
	headWords []string
	// lead are the indexes of the report's lead sentences, at most
	// leadSentences.
	lead []int
	// context holds the content stems of the headline and the lead.
	context map[string]bool
	// sentWords are the content stems of each sentence.
	sentWords [][]string
}

// readAll reads the articles that are not nil.
func readAll(arts []*corpus.Article) []*doc {
	var docs []*doc
	var casing map[string]string
	for i, a := range arts {
		if a == nil {
			continue
		}
		d := &doc{art: a, index: i, id: a.ID, context: map[string]bool{}}
		titleKey := ""
		if hasHeadline(a) {
			titleKey = normKey(a.TitleTokens())
			d.headline = cleanHeadline(a.Title, a.Outlet)
			if allCaps(d.headline) {
				if casing == nil {
					casing = casingOf(arts)
				}
				d.headline = sentenceCase(d.headline, casing)
			}
			htoks := token.Tokenize(d.headline)
			if n := countWords(htoks); n < 2 || n > headlineMaxWords {
				d.headline = ""
			} else {
				d.headWords = contentWords(htoks)
			}
		}
		for k := range a.Sentences {
			toks := a.PlainTokens(k)
			d.sentWords = append(d.sentWords, contentWords(toks))
			if len(d.lead) < leadSentences && isLead(toks, titleKey) {
				d.lead = append(d.lead, k)
			}
		}
		for _, s := range d.headWords {
			d.context[s] = true
		}
		for _, k := range d.lead {
			for _, s := range d.sentWords[k] {
				d.context[s] = true
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// hasHeadline tells whether a has a headline: a title that is not its
// first sentence standing in for one (corpus gives an article with no
// headline its first sentence as Title, with no TitleSpan).
func hasHeadline(a *corpus.Article) bool {
	if strings.TrimSpace(a.Title) == "" {
		return false
	}
	return a.TitleSpan != nil || len(a.Sentences) == 0 || a.Title != a.Sentences[0].Text
}

// headlineCands are the usable headlines of docs.
func headlineCands(docs []*doc) []cand {
	var out []cand
	for _, d := range docs {
		if d.headline == "" {
			continue
		}
		out = append(out, cand{doc: d, sentence: -1, text: d.headline, asWritten: d.art.Title, words: d.headWords})
	}
	return out
}

// leadCands are the first lead sentences of docs, shortened.
func leadCands(docs []*doc, maxWords int) []cand {
	var out []cand
	for _, d := range docs {
		if len(d.lead) == 0 {
			continue
		}
		k := d.lead[0]
		text, cut := shortenLead(d.art.Sentences[k].Text, maxWords)
		if text == "" {
			continue
		}
		out = append(out, cand{doc: d, sentence: k, text: text, asWritten: d.art.Sentences[k].Text, cut: cut, words: contentWords(token.Tokenize(text))})
	}
	return out
}

// contentWords are the stems of toks that carry content: Word tokens that
// are not stopwords nor reporting verbs and have two letters or more (or
// are not Latin script: a Han character is a word), and numbers; sorted,
// each once.
func contentWords(toks []token.Token) []string {
	var out []string
	for _, t := range toks {
		switch {
		case t.Kind == token.Number:
			out = append(out, t.Norm)
		case t.Kind == token.Word && !t.Stop && !reportingStems[t.Stem] && (utf8.RuneCountInString(t.Norm) >= 2 || !isLatin(t.Norm)):
			out = append(out, t.Stem)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func isLatin(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < utf8.RuneSelf || unicode.Is(unicode.Latin, r)
}

// countWords counts the Word and Number tokens of toks.
func countWords(toks []token.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind == token.Word || t.Kind == token.Number {
			n++
		}
	}
	return n
}

// normKey is the words of toks in Norm form, space-separated: two texts
// of the same words whatever their case and punctuation have one key.
func normKey(toks []token.Token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.Kind == token.Word || t.Kind == token.Number {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Norm)
		}
	}
	return b.String()
}

// isLead tells whether a sentence can be a report's lead: enough words,
// not the headline again, not written as a headline.
func isLead(toks []token.Token, titleKey string) bool {
	if countWords(toks) < leadMinWords {
		return false
	}
	if titleKey != "" && normKey(toks) == titleKey {
		return false
	}
	return !titleCase(toks)
}

// titleCase is corpus.TitleCase on plain tokens: four words or more, four
// in five of those that are not stopwords capitalised.
func titleCase(toks []token.Token) bool {
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
