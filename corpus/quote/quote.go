// Package quote finds the direct quotes in a news article, with who said
// them and the reporting verb.
//
// Input: an article body, paragraphs separated by "\n", and its sentence
// byte ranges (used only to number the sentence each quote starts in).
// Output: the top-level quotes in text order (quotes nested in them are part
// of their text), each with the byte spans of its words and of its marks,
// the speaker (a name, or the title phrase the text gives), the reporting
// verb as written, and whether it is a fragment inside the writer's own
// sentence. English reporting verbs; quotation marks of many languages.
//
// Method: quotation marks (" “” „“ «» ‘’ ‚‘ ‹› 「」 『』) are paired per paragraph on
// a stack, telling opening from closing marks, and a closing ’ from the
// apostrophe, by the side the neighbouring word is on. A quote never runs
// past its paragraph except by the multi-paragraph convention; unbalanced
// marks are repaired or dropped. Each paragraph is then split into words,
// each quote one token; reporting verbs (a list of general English verbs)
// are found with their subjects ("X said", "said X", "according to X");
// pronouns and definite title phrases ("the minister") are resolved to an
// earlier named person. A quote takes the attribution next to it, else one
// in its sentence, else the speaker of a neighbouring quote in its paragraph
// or, opening a paragraph, of the paragraph before.
//
// Cost: linear in the length of the text (every look-around is bounded),
// about one allocation per quote; about 90 MB/s on one core (BenchmarkFind).
package quote

import (
	"slices"
	"sort"
	"sync"
	"unicode"
)

// Span is a byte range [Start, End) of the text given to Find.
type Span struct{ Start, End int }

// Quote is one direct quote.
type Quote struct {
	Span         // the quoted words, without the quotation marks
	Outer Span   // including the quotation marks
	Text  string // the quoted words
	// Speaker is "" if unknown; a name ("Maria Smith"), or a title phrase
	// ("the Russian FM", "the expert", "diplomatic sources") when that is
	// all the text gives. Runs of white space are single spaces and a
	// leading "The" is lower-cased.
	Speaker string
	// SpeakerSpan is where the speaker was found: the attribution, or the
	// earlier mention a pronoun or title phrase was resolved to; zero if none.
	SpeakerSpan Span
	// Verb is the reporting verb as written ("said", "stressed", "blasted",
	// "told", "pointed out", "according to"); "" if none.
	Verb string
	// Partial: a fragment quoted inside the writer's own sentence
	// ("… which Smith blasted as “outrageous.”").
	Partial bool
	// Sentence is the index into sentences of the sentence where the quoted
	// words start; -1 if sentences is empty.
	Sentence int

	// Attribution is the subject of the reporting verb as written ("he",
	// "the FM", "Foreign Minister Maria Smith"); "" if none.
	Attribution string
	// Via is who passes the words on: "AFP" in `"…," AFP reports` after a
	// quote by someone else, "the NHK channel" in `the NHK channel quoted
	// Abe as saying`; "" if none.
	Via string
	// Inherited: the speaker was carried over from the quote before or
	// after it in the paragraph, or from the paragraph before.
	Inherited bool
	// Continues: this quote goes on from the previous one, which ended its
	// paragraph without a closing mark (the multi-paragraph convention).
	Continues bool
	// Unbalanced: a mark was missing and the extent was inferred: the quote
	// runs to its paragraph's end, or starts where the text before it ends.
	Unbalanced bool
}

// Find returns the direct quotes in text, in order. text is an article's
// body, paragraphs separated by "\n"; sentences are its sentence byte
// ranges (from the segmenter), in order.
func Find(text string, sentences []Span) []Quote {
	f := finders.Get().(*finder)
	defer f.release()
	f.text = text
	f.scan()
	if len(f.raw) == 0 {
		return nil
	}
	f.info = slices.Grow(f.info[:0], len(f.raw))[:len(f.raw)]
	clear(f.info)
	for pi := range f.paras {
		pa := &f.paras[pi]
		f.tokenize(pa)
		f.mentions()
		pa.ev0 = len(f.evs)
		f.events(pi)
		pa.ev1 = len(f.evs)
		pa.m1 = len(f.ments)
		f.attribute()
	}
	return f.assemble(sentences)
}

// finders keeps finders, and the scratch space they grew, between calls:
// the pipeline calls Find once an article.
var finders = sync.Pool{New: func() any {
	return &finder{surnames: map[string]bool{}, roles: map[string]event{}}
}}

// release empties f for its next Find, keeping the capacity of its slices,
// and returns it to the pool. A finder that grew past maxKept elements in
// one slice (a book-length text) is left to the collector instead.
func (f *finder) release() {
	const maxKept = 1 << 16
	if max(cap(f.toks), cap(f.evs), cap(f.ments), cap(f.raw), cap(f.paras)) > maxKept {
		return
	}
	f.text = ""
	f.stack, f.cands, f.strays = f.stack[:0], f.cands[:0], f.strays[:0]
	f.implicit, f.merged = f.implicit[:0], f.merged[:0]
	f.raw, f.paras, f.info = f.raw[:0], f.paras[:0], f.info[:0]
	f.toks, f.evAt = f.toks[:0], f.evAt[:0]
	clear(f.evs[:cap(f.evs)]) // events hold strings of the text
	f.evs, f.ments = f.evs[:0], f.ments[:0]
	f.anySpeaker = false
	clear(f.roles)
	clear(f.surnames)
	finders.Put(f)
}

// finder holds the state of one Find call.
type finder struct {
	text   string
	stack  []open
	cands  []cand
	strays []cand
	// implicit and merged are scratch space for quotes without an opening mark.
	implicit, merged []cand
	raw              []rawQuote
	paras            []para
	info             []qinfo
	toks             []tok
	evAt             []int
	evs              []event
	ments            []mention
	// anySpeaker: resolve takes any noun phrase (resolveVia).
	anySpeaker bool
	// roles: the person each role phrase ("the expert") was read as.
	roles map[string]event
	// surnames are the last words of names known to be people's.
	surnames map[string]bool
}

// rawQuote is a top-level quote found by the mark scan.
type rawQuote struct {
	outer, inner          Span
	para                  int
	cont, contNext, unbal bool
	term                  bool // the words end with . ! ? or …
	comma                 bool // the words end with a comma: `“…,” he said`
}

// para is a non-blank paragraph.
type para struct {
	s, e     int
	q0, q1   int // its quotes in f.raw
	ev0, ev1 int // its events in f.evs
	m1       int // end of its mentions in f.ments
	colonEv  int // the event of a closing "X said:", or -1
}

// qinfo is what the token pass learnt about a quote.
type qinfo struct {
	ev int // the attribution event, or -1
	// subj: with no attribution event, the subject of the writer's
	// sentence the quoted words stand in ("Vell deemed the plan “a con”").
	subj       event
	partial    bool
	startsPara bool
	standalone bool // its paragraph is only quotes and punctuation
}

// attribute finds the attribution of each quote of the current paragraph.
func (f *finder) attribute() {
	toks := f.toks
	standalone := true
	for m := range toks {
		if toks[m].k == tWord {
			standalone = false
			break
		}
	}
	for k := range toks {
		if toks[k].k != tQuote {
			continue
		}
		in := &f.info[toks[k].q]
		in.ev = f.trailing(k)
		trailing := in.ev >= 0
		if in.ev < 0 {
			in.ev = f.leading(k)
		}
		if in.ev < 0 {
			in.ev = f.inSentence(k)
		}
		if in.ev < 0 {
			in.subj = f.writerSubject(k)
		}
		in.partial = f.partial(k)
		// `“Peace” talks resumed`: the writer's sentence goes on after it.
		if rq := &f.raw[toks[k].q]; !in.partial && !trailing && !rq.term && !rq.comma && !rq.contNext &&
			k+1 < len(toks) && toks[k+1].k == tWord && toks[k+1].f&fLower != 0 {
			in.partial = true
		}
		in.startsPara = k == 0
		in.standalone = standalone
	}
}

// trailing finds an attribution right after the quote at token k:
// `"…," X said`, `"…," said X`, `"…" - said X`, `"…," according to X`.
func (f *finder) trailing(k int) int {
	toks := f.toks
	j := k + 1
	if j < len(toks) && toks[j].k == tPunct && (toks[j].c == ',' || toks[j].c == '-') {
		j++
		if j < len(toks) && toks[j].k == tPunct && toks[j].c == '-' {
			j++ // "--"
		}
	}
	if j >= len(toks) {
		return -1
	}
	eos := toks[k].f&fEOS != 0
	if e := f.evAt[j]; e >= 0 {
		if eos && toks[j].f&fCap != 0 {
			return -1
		}
		return e
	}
	for m := j; m < len(toks) && m < j+10; m++ {
		if toks[m].k != tWord {
			return -1
		}
		if e := f.evAt[m]; e >= 0 {
			ev := &f.evs[e]
			if ev.npA != j || ev.accord || ev.ing || eos && !f.endsAfter(m) {
				return -1
			}
			return e
		}
	}
	return -1
}

// endsAfter reports whether the verb at token m ends its sentence
// (`“Why?” Smith asked.`).
func (f *finder) endsAfter(m int) bool {
	toks := f.toks
	n := m + 1
	if n+1 < len(toks) && f.is(&toks[n], "as") && toks[n+1].k == tWord && toks[n+1].lx&lxIng != 0 {
		n += 2 // "Vell was quoted as saying"
	}
	if n < len(toks) && toks[n].k == tPunct && toks[n].c == ',' {
		return true // "“…?” Vell said, playing peacemaker"
	}
	for n < len(toks) && toks[n].k == tWord && (f.is(&toks[n], "out") || toks[n].lx&(lxWeekday|lxTime) != 0) {
		n++
	}
	return n >= len(toks) || toks[n].k == tPunct && toks[n].c == '.'
}

// leading finds an attribution right before the quote at token k:
// `X said: "…"`, `X told reporters "…"`, `according to X, "…"`.
func (f *finder) leading(k int) int {
	toks := f.toks
	j := k - 1
	if j >= 0 && toks[j].k == tPunct && (toks[j].c == ':' || toks[j].c == ',' || toks[j].c == '-') {
		j--
	}
	if j >= 0 && f.is(&toks[j], "that") {
		j--
	}
	for m := j; m >= 0 && m > j-7; m-- {
		if toks[m].k != tWord {
			break
		}
		if e := f.evAt[m]; e >= 0 {
			return e
		}
	}
	return -1
}

// inSentence finds a reporting verb with a speaker in the quote's
// sentence: after the quote first, then before it.
func (f *finder) inSentence(k int) int {
	ss, se := f.sentence(k)
	for m := k + 1; m <= se; m++ {
		if e := f.evAt[m]; e >= 0 && f.evs[e].has {
			return e
		}
	}
	for m := k - 1; m >= ss; m-- {
		if e := f.evAt[m]; e >= 0 && f.evs[e].has {
			return e
		}
	}
	for m := k + 1; m <= se; m++ {
		if e := f.evAt[m]; e >= 0 {
			return e
		}
	}
	for m := k - 1; m >= ss; m-- {
		if e := f.evAt[m]; e >= 0 {
			return e
		}
	}
	return -1
}

// partial reports whether the quote at token k is a fragment inside the
// writer's sentence: it starts in lower case, or follows words of the
// writer's that are not an introduction ("X said:", "X told reporters").
func (f *finder) partial(k int) bool {
	toks := f.toks
	rq := &f.raw[toks[k].q]
	if rq.cont {
		return false
	}
	for _, r := range f.text[rq.inner.Start:rq.inner.End] {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return true
			}
			break
		}
		if unicode.IsDigit(r) {
			break
		}
	}
	ss, _ := f.sentence(k)
	if k == ss {
		return false
	}
	if p := &toks[k-1]; p.k == tPunct && (p.c == ':' || p.c == ',' || p.c == '-' || p.c == '(') {
		return false
	}
	for m := k - 1; m >= ss && m >= k-3; m-- {
		if toks[m].k != tWord {
			break
		}
		if f.evAt[m] >= 0 {
			return false
		}
	}
	return true
}

// assemble builds the quotes, carrying speakers over to the quotes that
// have no attribution of their own.
func (f *finder) assemble(sentences []Span) []Quote {
	text := f.text
	qs := make([]Quote, len(f.raw))
	direct := make([]bool, len(f.raw))
	for i := range f.raw {
		r, in, q := &f.raw[i], &f.info[i], &qs[i]
		q.Span, q.Outer = r.inner, r.outer
		q.Text = text[r.inner.Start:r.inner.End]
		q.Partial = in.partial
		q.Continues = r.cont
		q.Unbalanced = r.unbal
		q.Sentence = sentenceOf(sentences, r.inner.Start)
		if in.ev < 0 {
			if in.subj.has {
				q.Speaker, q.SpeakerSpan = in.subj.speaker, in.subj.spSpan
				if in.subj.np.End > 0 {
					q.Attribution = f.spanText(in.subj.np)
				}
				direct[i] = true
			}
			continue
		}
		e := &f.evs[in.ev]
		q.Verb = text[e.verb.Start:e.verb.End]
		if e.np.End > 0 {
			q.Attribution = f.spanText(e.np)
		}
		q.Via = e.via
		if e.has {
			q.Speaker, q.SpeakerSpan = e.speaker, e.spSpan
			direct[i] = true
		}
		// `"…," AFP reports` after someone else's quote in the paragraph.
		if e.relay && i > 0 && f.raw[i-1].para == r.para && qs[i-1].Speaker != "" && qs[i-1].Speaker != q.Speaker {
			q.Via = q.Speaker
			q.Speaker, q.SpeakerSpan, q.Attribution = qs[i-1].Speaker, qs[i-1].SpeakerSpan, qs[i-1].Attribution
		} else if e.relay && e.via == "" {
			// "“…,” the agency reports": who passes the words on is no
			// speaker; the speaker is left to the quotes around it
			q.Via = q.Speaker
			q.Speaker, q.SpeakerSpan, direct[i] = "", Span{}, false
		}
	}
	// next[i] is the next quote with its own speaker in i's paragraph or
	// multi-paragraph chain, or -1.
	next := make([]int, len(qs))
	for i := len(qs) - 1; i >= 0; i-- {
		next[i] = -1
		if j := i + 1; j < len(qs) && (f.raw[j].para == f.raw[i].para || f.raw[j].cont && f.raw[i].contNext) {
			if direct[j] {
				next[i] = j
			} else {
				next[i] = next[j]
			}
		}
	}
	for i := range qs {
		if qs[i].Speaker == "" && !f.thingSaid(i) {
			f.inherit(qs, next, i) // (not words a report or a statement gives: no one's to borrow)
		}
	}
	return qs
}

// inherit gives quote i, which has no speaker of its own, the speaker of the
// quote before it in its paragraph or its multi-paragraph chain, else of
// the next attributed quote there, else, for a quote opening its paragraph,
// of the paragraph before.
// thingSaid tells whether quote i is given by a thing in a finite clause
// ("the report said"): its words are no one's to borrow from the quotes
// around it.
func (f *finder) thingSaid(i int) bool {
	e := f.info[i].ev
	return e >= 0 && f.evs[e].thing && f.evs[e].finite && !f.evs[e].relay
}

func (f *finder) inherit(qs []Quote, next []int, i int) {
	r := &f.raw[i]
	q := &qs[i]
	from := func(j int) {
		q.Speaker, q.SpeakerSpan, q.Inherited = qs[j].Speaker, qs[j].SpeakerSpan, true
	}
	if i > 0 && (f.raw[i-1].para == r.para || r.cont) && qs[i-1].Speaker != "" {
		from(i - 1)
		return
	}
	if j := next[i]; j >= 0 {
		from(j)
		return
	}
	// A quote that opens its paragraph as a sentence of its own (not a
	// fragment like “Peace” talks) is the speaker of the paragraph before.
	if !f.info[i].startsPara || r.para == 0 || !(f.info[i].standalone || r.term && !qs[i].Partial) {
		return
	}
	pp := &f.paras[r.para-1]
	if pp.colonEv >= 0 {
		e := &f.evs[pp.colonEv]
		q.Speaker, q.SpeakerSpan = e.speaker, e.spSpan
		q.Verb = f.text[e.verb.Start:e.verb.End]
		q.Attribution = f.spanText(e.np)
		return
	}
	for j := pp.q1 - 1; j >= pp.q0; j-- {
		if qs[j].Speaker != "" {
			from(j)
			return
		}
	}
	for j := pp.ev1 - 1; j >= pp.ev0; j-- {
		if e := &f.evs[j]; e.has && e.person {
			q.Speaker, q.SpeakerSpan, q.Inherited = e.speaker, e.spSpan, true
			return
		}
	}
	for j := pp.m1 - 1; j >= 0 && f.ments[j].pos >= pp.s; j-- {
		if m := &f.ments[j]; m.person {
			q.Speaker, q.SpeakerSpan, q.Inherited = f.spanText(m.name), m.name, true
			return
		}
	}
}

// sentenceOf returns the index of the last sentence starting at or before
// pos (0 when pos is before the first), or -1 without sentences.
func sentenceOf(sentences []Span, pos int) int {
	if len(sentences) == 0 {
		return -1
	}
	i := sort.Search(len(sentences), func(i int) bool { return sentences[i].Start > pos })
	return max(i-1, 0)
}
