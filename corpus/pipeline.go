package corpus

import (
	"context"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/biasdiff/biasdiff/corpus/quote"
	"github.com/biasdiff/biasdiff/corpus/segment"
	"github.com/biasdiff/biasdiff/corpus/textmap"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/par"
)

// process cleans, splits and annotates every document into its article.
// Line repetition across files is counted over all captured documents
// first, so the cleaner can tell a site's template from the article.
func process(arts []*Article, docs []doc, opt Options) {
	st := newLineStats()
	lines := make([][]*line, len(docs))
	par.ForEachWorker(context.Background(), len(docs), 0, func() func(int) {
		return func(i int) {
			if docs[i].capture {
				lines[i] = splitLines(docs[i].text)
			}
		}
	})
	for i := range docs {
		if docs[i].capture {
			st.add(lines[i])
		}
	}
	// Articles are independent from here on: each worker has its own
	// tokenizer, whose cache stays warm.
	par.ForEachWorker(context.Background(), len(docs), opt.Jobs, func() func(int) {
		var w worker
		return func(i int) {
			finish(arts[i], &docs[i], lines[i], st, &w, !opt.NoQuotes)
			if opt.Tokens != nil {
				opt.Tokens(arts[i], w.sents)
			}
			docs[i], lines[i] = doc{}, nil // the article holds what it needs
		}
	})
}

// worker is one goroutine's scratch space: its tokenizer keeps a warm
// cache, and the tokens of the article it last finished stay until the next.
type worker struct {
	tz    token.Tokenizer
	toks  []token.Token
	sents [][]token.Token
}

// finish fills one article from its document.
func finish(a *Article, d *doc, ls []*line, st *lineStats, w *worker, quotes bool) {
	var c cleaned
	if d.capture {
		c = clean(d, ls, st)
	} else {
		c = plain(d)
	}
	t := d.text

	a.Removed = make([]Removal, 0, len(c.removed))
	for _, r := range c.removed {
		start, end := t.Span(r.b0, r.b1)
		a.Removed = append(a.Removed, Removal{Text: t.S[r.b0:r.b1], Start: start, End: end, Reason: r.reason})
	}

	a.Body = textmap.Join(t, c.keep, "\n")

	a.Sentences = make([]Sentence, 0, len(c.keep)*3)
	eachLine(a.Body.S, func(no, p0, p1 int) { // one paragraph a line
		for _, r := range segment.Split(a.Body.S[p0:p1]) {
			b0, b1 := p0+r.Start, p0+r.End
			start, stop := a.Body.Span(b0, b1)
			a.Sentences = append(a.Sentences, Sentence{Text: a.Body.S[b0:b1], Start: start, End: stop, Para: no - 1, BodyStart: b0, BodyEnd: b1})
		}
	})

	a.Quotes = []Quote{}
	var found []quote.Quote
	if quotes {
		spans := make([]quote.Span, len(a.Sentences))
		for i, s := range a.Sentences {
			spans[i] = quote.Span{Start: s.BodyStart, End: s.BodyEnd}
		}
		found = quote.Find(a.Body.S, spans)
	}
	for _, q := range found {
		start, end := a.Body.Span(q.Start, q.End)
		qq := Quote{Text: q.Text, Speaker: q.Speaker, SpeakerAsWritten: q.Attribution, Verb: q.Verb, Start: start, End: end, Partial: q.Partial, Sentence: q.Sentence}
		if q.Speaker != "" && q.SpeakerSpan.End > q.SpeakerSpan.Start {
			qq.SpeakerStart, qq.SpeakerEnd = a.Body.Span(q.SpeakerSpan.Start, q.SpeakerSpan.End)
		}
		a.Quotes = append(a.Quotes, qq)
	}

	enWords, stop := 0, 0 // for the language guess: English stopwords among the first words
	w.toks = w.toks[:0]
	at := make([]int, 0, len(a.Sentences)+1)
	for _, s := range a.Sentences {
		at = append(at, len(w.toks))
		w.toks = w.tz.Append(w.toks, s.Text)
	}
	at = append(at, len(w.toks))
	w.sents = w.sents[:0]
	for k := range a.Sentences {
		w.sents = append(w.sents, w.toks[at[k]:at[k+1]:at[k+1]])
	}
	for _, toks := range w.sents {
		for _, tk := range toks {
			switch tk.Kind {
			case token.Word:
				if enWords < 300 {
					enWords++
					if tk.Stop {
						stop++
					}
				}
				a.Words++
			case token.Number:
				a.Words++
			}
		}
	}

	// Metadata.
	m := d.meta
	a.Title, a.Date, a.URL, a.Event = m.Title, m.Date, m.URL, m.Event
	if c.title[0] >= 0 {
		start, end := t.Span(c.title[0], c.title[1])
		a.TitleSpan = &Span{start, end}
		if a.Title == "" {
			a.Title = t.S[c.title[0]:c.title[1]]
		}
	}
	if a.Title == "" && len(a.Sentences) > 0 {
		a.Title = a.Sentences[0].Text
	}
	a.Outlet = m.Outlet
	if a.Outlet == "" {
		a.OutletFromPath = true
		if a.Path == "-" {
			a.Outlet = "stdin"
		} else {
			a.Outlet = strings.TrimSuffix(filepath.Base(a.Path), filepath.Ext(a.Path))
		}
	}
	a.Language = strings.ToLower(m.Language)
	if a.Language == "" {
		// English prose runs at 40-50% stopwords; other languages written in
		// Latin script share few of them. Below that, ask the trigram model,
		// which needs more text than a line or two to be sure.
		if enWords >= 30 && stop*100 >= enWords*30 || enWords >= 4 && stop*100 >= enWords*35 {
			a.Language = "en"
		} else {
			a.Language = detectLanguage(a)
		}
	}
}

// plain keeps every non-blank line of an already extracted text; a first
// line that says the known title is the headline.
func plain(d *doc) cleaned {
	c := cleaned{title: [2]int{-1, -1}}
	s := d.text.S
	want := normLine(d.meta.Title, false)
	first := true
	eachLine(s, func(_, b0, b1 int) {
		if first && want != "" && d.format != "json" && d.format != "jsonl" && normLine(s[b0:b1], false) == want {
			c.title = [2]int{b0, b1}
		} else {
			c.keep = append(c.keep, [2]int{b0, b1})
		}
		first = false
	})
	return c
}

// detectLanguage guesses the ISO 639-1 code of the article's language from
// its first kilobyte of kept text (enough for trigram statistics); "" when
// unsure.
func detectLanguage(a *Article) string {
	var b strings.Builder
	for _, s := range a.Sentences {
		if b.Len() > 1024 {
			break
		}
		b.WriteString(s.Text)
		b.WriteByte(' ')
	}
	text := b.String()
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 20 {
		return ""
	}
	info := whatlanggo.Detect(text)
	if info.Lang < 0 || info.Confidence < 0.2 {
		return ""
	}
	return info.Lang.Iso6391()
}
