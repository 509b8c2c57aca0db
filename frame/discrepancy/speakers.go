package discrepancy

import (
	"strings"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

// speakers finds a quote group whose reports name different persons as
// its speaker: each report's first variant whose speaker is a named person
// ("Foreign Minister Jane Doe", "Doe" where the event writes "Jane Doe")
// named in the quote's own sentences, two of them with no word of their
// names in common, neither named in the sentence of the other's quote.
func (ev *event) speakers(qc align.QuoteCluster) (Discrepancy, bool) {
	type named struct {
		v     align.Variant
		words []string
		val   Value
	}
	var got []named
	seen := map[int]bool{}
	for _, v := range qc.Variants {
		if seen[v.Article] {
			continue
		}
		words, titled := speakerName(v.Speaker)
		if !ev.personal(words, titled) {
			continue
		}
		val, ok := ev.speakerValue(v, words)
		if !ok {
			continue
		}
		seen[v.Article] = true
		got = append(got, named{v, words, val})
	}
	differ := false
	for i := range got {
		for j := i + 1; j < len(got); j++ {
			a, b := got[i], got[j]
			if got[i].v.Article > got[j].v.Article {
				a, b = b, a
			}
			if differentPersons(a.words, b.words) && !ev.nearQuote(b.v, a.words) && !ev.nearQuote(a.v, b.words) {
				differ = true
			}
		}
	}
	if !differ {
		return Discrepancy{}, false
	}
	d := Discrepancy{Kind: Speaker, Slot: "… said"}
	if v := got[0].v.Verb; v != "" {
		d.Slot = "… " + v
	}
	for _, g := range got {
		d.Values = append(d.Values, g.val)
	}
	// article order
	for i := 1; i < len(d.Values); i++ {
		for j := i; j > 0 && d.Values[j].Article < d.Values[j-1].Article; j-- {
			d.Values[j], d.Values[j-1] = d.Values[j-1], d.Values[j]
		}
	}
	return d, true
}

// speakerName reads a speaker as the quote finder names it: the name's
// words (normal form) after any title or party word, and whether a
// personal title stands before it; no words when it is not a name (a
// title phrase, "a statement", "the task force report").
func speakerName(s string) (words []string, titled bool) {
	if i := strings.IndexAny(s, ",("); i >= 0 {
		s = s[:i]
	}
	toks := token.Tokenize(s)
	start := 0
	for i, t := range toks {
		w := strings.TrimSuffix(t.Norm, ".")
		if _, ok := roleWords[w]; ok || groupWords[w] || t.Kind != token.Word || t.Stop && !capitalised(t.Text) {
			start = i + 1
			titled = titled || personalTitles[w]
		}
	}
	for _, t := range toks[start:] {
		if t.Kind != token.Word || !capitalised(t.Text) || t.Stop {
			return nil, false
		}
		words = append(words, stripPossessive(t.Norm))
	}
	return words, titled
}

// nearQuote: the sentence of v's quote names one of words.
func (ev *event) nearQuote(v align.Variant, words []string) bool {
	a := ev.arts[v.Article]
	if v.Quote < 0 || v.Quote >= len(a.Quotes) { // reported speech names no speaker of its own
		return false
	}
	si := a.Quotes[v.Quote].Sentence
	if si < 0 || si >= len(a.Sentences) {
		return false
	}
	for _, t := range a.PlainTokens(si) {
		for _, w := range words {
			if !strings.HasSuffix(w, ".") && stripPossessive(t.Norm) == w {
				return true
			}
		}
	}
	return false
}

// speakerValue is where v's report names its speaker: the name in the
// sentences of the quote, outside it, nearest the quote; ok is false when
// they do not name it (the quote finder took the speaker from a pronoun or
// an earlier sentence, which may be wrong).
func (ev *event) speakerValue(v align.Variant, words []string) (Value, bool) {
	a := ev.arts[v.Article]
	if v.Quote < 0 || v.Quote >= len(a.Quotes) { // reported speech names no speaker of its own
		return Value{}, false
	}
	last := words[len(words)-1]
	q := a.Quotes[v.Quote]
	var found Value
	best := -1
	for si := q.Sentence; si >= 0 && si < len(a.Sentences) && (si == q.Sentence || a.Sentences[si].Start < q.End); si++ {
		toks := a.SentenceTokens(si)
		for k, t := range toks {
			if t.SrcStart >= q.Start && t.SrcStart < q.End || stripPossessive(t.Norm) != last || !capitalised(t.Text) {
				continue
			}
			if best >= 0 && distance(t.SrcStart, q) >= best {
				continue
			}
			best = distance(t.SrcStart, q)
			k0 := k
			for k0 > 0 && inWords(stripPossessive(toks[k0-1].Norm), words) && capitalised(toks[k0-1].Text) {
				k0--
			}
			text := a.Sentences[si].Text[toks[k0].Start:toks[k].End]
			end := toks[k].SrcEnd
			if t := stripPossessive(text); t != text {
				end -= len([]rune(text)) - len([]rune(t))
				text = t
			}
			found = Value{Article: v.Article, Text: text, Start: toks[k0].SrcStart, End: end}
		}
	}
	return found, best >= 0
}

// distance is how far source offset x is from quote q.
func distance(x int, q corpus.Quote) int {
	switch {
	case x < q.Start:
		return q.Start - x
	case x >= q.End:
		return x - q.End
	}
	return 0
}

func inWords(w string, words []string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}
