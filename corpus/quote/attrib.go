package quote

import (
	"sort"
	"strings"
)

// Windows, in bytes before the attribution, within which a pronoun or a
// title phrase ("the minister") is resolved.
const (
	pronounWindow = 1500
	titleWindow   = 8000
	scanLimit     = 64 // candidates looked at per resolution
	sentenceReach = 40 // tokens searched either side of a quote for its sentence's verb
)

// mention is a capitalised name sequence in the text outside quotes.
type mention struct {
	pos     int  // start, title included
	name    Span // the name, without title and possessive
	title   Span // the title words before the name; empty if none
	person  bool // a person's name: titled, first and last name, or a known surname
	org     bool
	subject bool // opens its sentence (after at most a short introductory phrase)
}

// event is a reporting verb outside quotes with its subject.
type event struct {
	pos     int
	verb    Span
	np      Span // the subject as written
	speaker string
	spSpan  Span
	via     string
	relay   bool // "X reports": X may pass on someone else's words
	has     bool // a speaker was found
	person  bool
	named   bool
	ing     bool
	finite  bool
	accord  bool // "according to"
	thing   bool // the subject is a thing ("the report said"): no speaker, and none borrowed
	npA     int  // paragraph-local token index where the subject starts
}

// NP kinds.
const (
	npNone uint8 = iota
	npPron
	npName
	npPhrase
)

// np is a noun phrase of the current paragraph's tokens: [a, b) as written;
// [a, hd) is its head, before any prepositional phrase ("the head" of "the
// head of the department"); for a name, [na, nb) is the name without its
// title words.
type np struct {
	kind     uint8
	a, b, hd int
	na, nb   int
	titled   bool
	org      bool
}

// isNameTok reports whether token k can be part of a capitalised name.
func (f *finder) isNameTok(k int) bool {
	if k < 0 || k >= len(f.toks) {
		return false
	}
	t := &f.toks[k]
	if t.k != tWord || t.f&fCap == 0 {
		return false
	}
	if t.lx&lxFunc != 0 && t.lx&lxHonor == 0 || t.lx&lxWeekday != 0 {
		return false
	}
	if w := f.text[t.s:t.e]; len(w) >= 3 && w[1] == '-' && w[0] >= 'A' && w[0] <= 'Z' {
		return false // a party and state tag after a name: "D-N.Y.", "R-Ohio"
	}
	if t.lx&lxMonth != 0 && k+1 < len(f.toks) && f.toks[k+1].k == tWord && f.toks[k+1].f&(fCap|fLower) == 0 {
		return false
	}
	return true
}

func (f *finder) isParticle(k int) bool {
	t := &f.toks[k]
	return t.k == tWord && t.f&fLower != 0 && t.lx&lxParticle != 0
}

func (f *finder) lower(k int) bool {
	t := &f.toks[k]
	return t.k == tWord && t.f&fLower != 0
}

// splitTitles splits the capitalised run [r, h) into its leading title
// words and the name: "British Foreign Minister Maria Smith" gives
// "Maria Smith"; a run that ends with a title word has no name.
func (f *finder) splitTitles(r, h int) (na int, titled bool) {
	toks := f.toks
	last := &toks[h-1]
	if last.lx&lxHead != 0 && !(h-2 >= r && toks[h-2].lx&lxHonor != 0) {
		return h, true
	}
	for k := h - 2; k >= r; k-- {
		if toks[k].lx&(lxHead|lxHonor) != 0 {
			return k + 1, true
		}
	}
	return r, false
}

func (f *finder) orgRun(a, b int) bool {
	for k := a; k < b; k++ {
		if f.toks[k].lx&lxOrg != 0 {
			return true
		}
	}
	return false
}

// adjectival reports whether the name [a, b) looks like a nationality
// adjective before a noun ("North Korean nuclear threat").
func (f *finder) adjectival(a, b int) bool {
	w := f.wordText(&f.toks[b-1])
	if !(strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ish") ||
		strings.HasSuffix(w, "ean") || strings.HasSuffix(w, "ic")) {
		return false
	}
	return b < len(f.toks) && f.lower(b)
}

// mentions appends the paragraph's capitalised name sequences to f.ments.
func (f *finder) mentions() {
	toks := f.toks
	for i := 0; i < len(toks); {
		if !f.isNameTok(i) {
			i++
			continue
		}
		j := i
		for j < len(toks) {
			if f.isNameTok(j) {
				j++
				if toks[j-1].f&fPoss != 0 {
					break
				}
				continue
			}
			if f.isParticle(j) && f.isNameTok(j+1) {
				j++
				continue
			}
			if f.initialDot(j) {
				j++ // "W. Douglas Parker": the stop after an initial
				continue
			}
			break
		}
		f.addMention(i, j)
		i = j
	}
}

func (f *finder) addMention(r, h int) {
	toks := f.toks
	na, titled := f.splitTitles(r, h)
	if na >= h {
		return
	}
	ta := r
	for k := r - 1; k >= 0 && k >= r-3 && f.lower(k) && toks[k].lx&(lxHead|lxMod) != 0; k-- {
		ta = k
		if toks[k].lx&lxHead != 0 {
			titled = true
		}
	}
	m := mention{pos: toks[ta].s, name: Span{toks[na].s, toks[h-1].s + len(f.wordText(&toks[h-1]))}}
	if ta < na {
		m.title = Span{toks[ta].s, toks[na-1].e}
	}
	m.org = f.orgRun(na, h)
	ss, _ := f.sentence(ta)
	m.subject = ta == ss || ta-1 == ss && toks[ss].lx&lxDet != 0 ||
		ta > ss && f.clauseOpener(ta-1) || // "..., when Senator Vell suggested"
		ta > ss+1 && (f.is(&toks[ta-1], "and") || f.is(&toks[ta-1], "but")) && toks[ta-2].k == tPunct && toks[ta-2].c == ',' || // "..., and Omar Vell sent"
		toks[ta-1].k == tPunct && toks[ta-1].c == ',' && ta-1-ss < 8 &&
			toks[ss].lx&lxFunc != 0 && toks[ss].lx&(lxPron|lxDet) == 0 // "On Monday, Smith …"
	last := f.wordText(&toks[h-1])
	// A name run before a noun for people qualifies it ("Missouri
	// Republican senators", "another Republican candidate"): no person.
	modifier := h < len(toks) && f.lower(h) && f.speakerNoun(h)
	m.person = !m.org && !modifier && (titled || h-na >= 2 && !f.adjectival(na, h) || f.surnames[last])
	if m.person && (titled || h-na >= 2) {
		f.surnames[last] = true
	}
	if m.person || m.org {
		f.ments = append(f.ments, m)
	}
}

// subjectBetween tells whether a person who is a clause's subject is
// named between tokens j and k.
func (f *finder) subjectBetween(j, k int) bool {
	lo, hi := f.toks[j].e, f.toks[k].s
	for i := sort.Search(len(f.ments), func(i int) bool { return f.ments[i].pos >= lo }); i < len(f.ments) && f.ments[i].pos < hi; i++ {
		if f.ments[i].person && f.ments[i].subject {
			return true
		}
	}
	return false
}

// clauseOpener tells whether token k opens an adverbial clause, whose
// subject is an actor of the story: "when", "as", "after", "because",
// "while". Not "that" ("argued that Trump was …": what was said) nor a
// relative word.
func (f *finder) clauseOpener(k int) bool {
	if !f.lower(k) {
		return false
	}
	return lexicon[strings.ToLower(f.wordText(&f.toks[k]))]&lxAdvClause != 0
}

// initialDot tells whether token k is the full stop after an initial
// inside a name ("W." of "W. Douglas Parker").
func (f *finder) initialDot(k int) bool {
	if k < 1 || k+1 >= len(f.toks) || !(f.toks[k].k == tPunct && f.toks[k].c == '.') || !f.isNameTok(k+1) {
		return false
	}
	w := f.wordText(&f.toks[k-1])
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// hasInnerWord tells whether the name [a, b) holds a small word of an
// organisation's name ("Democracy for Norland"): no person's.
func (f *finder) hasInnerWord(a, b int) bool {
	for k := a + 1; k < b-1; k++ {
		if f.innerWord(k) {
			return true
		}
	}
	return false
}

// titleWord tells whether token k is a lower-case role noun, hyphenated
// ones too ("co-founder", "vice-chair"): a title between an organisation
// and a person ("Indivisible co-founder Ezra Levin").
func (f *finder) titleWord(k int) bool {
	t := &f.toks[k]
	if !f.lower(k) {
		return false
	}
	if t.lx&lxHead != 0 {
		return true
	}
	w := strings.ToLower(f.wordText(t))
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		return lexicon[w[i+1:]]&lxHead != 0
	}
	return false
}

// innerWord tells whether the small word at token k belongs inside an
// organisation's name: "for" between capitalised words ("Democracy for
// Norland"), "of" after an organisation's word ("University of Kelvale",
// not "Omar Vell of Kelvale").
func (f *finder) innerWord(k int) bool {
	if k == 0 || !f.isNameTok(k-1) || !f.isNameTok(k+1) {
		return false
	}
	switch {
	case f.is(&f.toks[k], "for"):
		return true
	case f.is(&f.toks[k], "of"):
		return f.toks[k-1].lx&lxOrg != 0
	}
	return false
}

// reduce classifies the token range [a, b) as a noun phrase.
func (f *finder) reduce(a, b int) np {
	toks := f.toks
	if a >= b {
		return np{}
	}
	if b-a == 1 && toks[a].lx&lxPron != 0 {
		return np{kind: npPron, a: a, b: b}
	}
	h := b
	for k := a + 1; k < b; k++ {
		if f.lower(k) && toks[k].lx&lxPrep != 0 && !f.innerWord(k) {
			h = k
			break
		}
	}
	r := h
	for r > a {
		if f.isNameTok(r-1) && (r == h || toks[r-1].f&fPoss == 0) {
			r--
		} else if r-2 >= a && (f.isParticle(r-1) || f.innerWord(r-1)) && f.isNameTok(r-2) {
			r--
		} else {
			break
		}
	}
	d := -1
	for k := a; k < r; k++ {
		if toks[k].k == tWord && (toks[k].lx&lxDet != 0 || toks[k].f&fPoss != 0) {
			d = k
		}
	}
	if r < h && toks[h-1].f&fPoss == 0 {
		na, titled := f.splitTitles(r, h)
		org := f.orgRun(na, h) || f.hasInnerWord(na, h)
		if na < h && !(org && d >= 0 && d == r-1) {
			return np{kind: npName, a: r, b: b, na: na, nb: h, hd: h, titled: titled, org: org}
		}
	}
	if d < 0 {
		for k := a; k < h; k++ {
			if toks[k].k == tWord && toks[k].lx&lxDet != 0 {
				d = k
				break
			}
		}
	}
	if d >= 0 {
		if h-d > 1 || b > h {
			return np{kind: npPhrase, a: d, b: b, hd: h}
		}
		return np{}
	}
	if r < h {
		return np{kind: npPhrase, a: r, b: b, hd: h}
	}
	if h-a <= 3 {
		for k := a; k < h; k++ {
			if !f.lower(k) || toks[k].lx&(lxFunc|lxStop|lxSkip) != 0 {
				return np{}
			}
		}
		return np{kind: npPhrase, a: a, b: b, hd: h}
	}
	return np{}
}

// skipBack skips the auxiliaries, adverbs and time phrases before a verb
// ("has also", "this week", "on Monday").
func (f *finder) skipBack(j, lo int) int {
	toks := f.toks
	for n := 0; j >= lo && n < 5; n++ {
		t := &toks[j]
		if t.k == tPunct && t.c == ')' {
			// an aside in brackets: "Sen. Ann Rivera (D-Norland) told"
			o := j - 1
			for o >= lo && j-o < 10 && !(toks[o].k == tPunct && toks[o].c == '(') {
				o--
			}
			if o >= lo && j-o < 10 {
				j = o - 1
				continue
			}
			break
		}
		if t.k != tWord {
			break
		}
		if t.f&fLower != 0 && t.lx&lxSkip != 0 {
			j--
			continue
		}
		if t.lx&lxWeekday != 0 || t.f&fLower != 0 && t.lx&lxTime != 0 {
			j--
			if j >= lo && f.lower(j) && toks[j].lx&lxTimeDet != 0 {
				j--
			}
			continue
		}
		break
	}
	return j
}

// backwardNP reads the subject noun phrase that ends at token j, not
// before token lo.
func (f *finder) backwardNP(j, lo int) np {
	toks := f.toks
	j = f.skipBack(j, lo)
	b := j + 1
	for n := 0; j >= lo && n < 12; n++ {
		t := &toks[j]
		if t.k != tWord {
			break
		}
		if t.f&fLower != 0 {
			if t.lx&lxPron != 0 && t.lx&lxDet == 0 {
				j--
				break
			}
			if t.lx&lxDet != 0 && t.lx&lxClause == 0 && !(j-1 >= lo && f.lower(j-1) && toks[j-1].lx&lxPrep != 0) {
				j--
				break
			}
			if t.lx&lxPrep != 0 {
				if j-1 < lo || toks[j-1].k != tWord {
					break
				}
			} else if t.lx&(lxClause|lxStop) != 0 || t.lx&lxVerb != 0 && t.lx&lxHead == 0 {
				break
			}
		} else if t.lx&(lxDet|lxPron) != 0 {
			j--
			break
		} else if t.lx&lxFunc != 0 && t.lx&lxHonor == 0 {
			break
		}
		j--
	}
	if b-(j+1) >= 12 {
		// Too long for a subject: keep only its end, a name or a determiner phrase.
		return f.reduce(b-4, b)
	}
	return f.reduce(j+1, b)
}

// forwardNP reads the noun phrase that starts at token j, before hi:
// "said Foreign Minister Maria Smith after …", "said the head of …".
func (f *finder) forwardNP(j, hi int) np {
	toks := f.toks
	a, k := j, j
	if k < hi && toks[k].k == tWord && toks[k].lx&lxDet != 0 && toks[k].lx&lxPron == 0 {
		k++
	}
	inName := false
	for k < hi && k-a < 12 {
		t := &toks[k]
		if t.k != tWord || t.lx&lxWeekday != 0 {
			break
		}
		if t.f&fLower != 0 {
			if t.lx&lxTime != 0 {
				break
			}
			if t.lx&lxPron != 0 {
				if k == a {
					k++
				}
				break
			}
			if t.lx&lxPrep != 0 {
				w := f.text[t.s:t.e]
				if w == "of" && k > a && (!inName || f.isNameTok(k+1)) || w == "for" && inName && f.innerWord(k) {
					k++
					continue
				}
				if w == "by" && k > a && strings.HasSuffix(f.text[toks[k-1].s:toks[k-1].e], "ed") {
					k++
					inName = false
					continue
				}
				break
			}
			if t.lx&(lxClause|lxStop|lxSkip) != 0 || t.lx&lxVerb != 0 && t.lx&lxHead == 0 {
				break
			}
			if inName && !(t.lx&lxParticle != 0 && f.isNameTok(k+1)) && t.lx&lxHead == 0 && !(f.titleWord(k) && f.isNameTok(k+1)) && !f.speakerNoun(k) {
				break // "the Democratic committee": a name before a noun for people qualifies it
			}
			inName = false
		} else {
			if t.lx&lxFunc != 0 && t.lx&lxHonor == 0 {
				if t.lx&lxPron != 0 && k == a {
					k++
				}
				break
			}
			inName = t.f&fPoss == 0
		}
		k++
	}
	return f.reduce(a, k)
}

// writerSubject is the speaker of quoted words that no reporting verb
// introduces, inside the writer's sentence: its subject, when that is a
// person or a body ("Vell deemed the plan “a con”", "He praised the group
// “for coming up”", "Ann Rivera, ..., posted on her page: “…”"); none when
// the quote opens the sentence.
func (f *finder) writerSubject(k int) event {
	ss, _ := f.sentence(k)
	var ev event
	if k <= ss || f.naming(k) {
		return ev
	}
	n := f.forwardNP(ss, k)
	if n.kind != npPron && n.kind != npName || n.b-n.a == 1 && f.sentenceAdverb(n.a) {
		n = f.leadSubject(ss, k)
	}
	if n.kind == npNone || n.b > k {
		return ev
	}
	for j := n.b; j+1 < k; j++ {
		if t := &f.toks[j]; t.k == tPunct && t.c == ',' && (f.clauseOpener(j+1) || f.lower(j+1) && f.toks[j+1].lx&lxClause != 0 || f.is(&f.toks[j+1], "with")) {
			// another clause, with a subject of its own, holds the
			// quote: "Japan has demanded the land back, with the
			// constitution referring to it as its “northern territories”"
			return ev
		}
	}
	ev.np = Span{f.toks[n.a].s, f.toks[n.b-1].e}
	f.resolve(&ev, n)
	if !ev.person && !ev.named && !(n.kind == npPhrase && f.speakerNoun(n.hd-1)) {
		return event{}
	}
	return ev
}

// naming tells whether the quote at token k gives a name, not words
// someone said: written in title case ("the “Territory of Meanings”"), or
// after a naming word ("dubbed", "so-called", "known as").
func (f *finder) naming(k int) bool {
	if k > 0 {
		p := strings.ToLower(f.wordText(&f.toks[k-1]))
		if lexicon[p]&lxNaming != 0 || p == "as" && k > 1 && f.is(&f.toks[k-2], "known") {
			return true
		}
	}
	rq := &f.raw[f.toks[k].q]
	words, caps := 0, 0
	for w := range strings.FieldsSeq(f.text[rq.inner.Start:rq.inner.End]) {
		w = strings.Trim(w, ".,;:!?\"'“”‘’()")
		if w == "" || len(w) <= 3 && strings.ToLower(w) == w {
			continue // small words stay lower case in titles
		}
		words++
		if r := w[0]; r >= 'A' && r <= 'Z' {
			caps++
		}
	}
	return words >= 2 && caps == words
}

// leadSubject reads the subject of a verb set after a comma, when asides
// stand between them: the sentence (from after the last quote before
// it) is cut at its commas up to the comma at c, and the first part that
// is a name, or else the first that is a noun phrase for people, is the
// subject. "One candidate, Omar Vell, the mayor of Kelvale, who is a
// farmer, said" gives Omar Vell; "Posting online on Friday, Ann Rivera,
// who runs the group, wrote" gives Ann Rivera (a part that is no noun
// phrase is skipped).
func (f *finder) leadSubject(ss, c int) np {
	toks := f.toks
	a := ss
	for m := c - 1; m >= ss; m-- {
		if toks[m].k == tQuote {
			a = m + 1
			break
		}
	}
	var phrase np
	for parts := 0; a < c && parts < 6; parts++ {
		for a < c && toks[a].k == tPunct {
			a++
		}
		e := a
		for e < c && !(toks[e].k == tPunct && toks[e].c == ',') {
			e++
		}
		n := f.forwardNP(a, e)
		if n.kind == npName && e == c && n.b < e && !(n.b-n.a == 1 && f.sentenceAdverb(n.a)) {
			return n // the last part opens with a name: its clause's subject ("Instead, Ann Rivera was seen praising …")
		}
		if n.kind != npNone && n.b == e && !(n.b-n.a == 1 && f.sentenceAdverb(n.a)) {
			switch {
			case n.kind == npName:
				return n
			case n.kind == npPhrase && phrase.kind == npNone && f.speakerNoun(n.hd-1):
				phrase = n
			}
		}
		a = e + 1
	}
	return phrase
}

// sentenceAdverb tells whether token k is an adverb set before a comma
// ("Instead,", "Previously,", "Additionally,"): no name, whatever its
// capital.
func (f *finder) sentenceAdverb(k int) bool {
	w := strings.ToLower(f.wordText(&f.toks[k]))
	lx := lexicon[w]
	if lx&(lxPron|lxDet|lxHonor) == 0 && lx&(lxFunc|lxSkip) != 0 {
		return true // "However,", "Meanwhile,", "Later," (not "He", "The", "Mr.")
	}
	if lx&lxSentAdv != 0 {
		return true // "Instead,", "Finally,"
	}
	return strings.HasSuffix(w, "ly") && len(w) > 5 && k+1 < len(f.toks) && f.toks[k+1].k == tPunct && f.toks[k+1].c == ','
}

// appositive reads the subject of a verb after the comma at token p that
// closes an aside: "Maria Smith, speaking after the talks, said" gives
// the name before the aside, "the foreign minister, Maria Smith, said"
// the name inside it.
func (f *finder) appositive(p, ss int) np {
	toks := f.toks
	q := p - 1
	for q > ss && p-q < 10 && toks[q].k == tWord {
		q--
	}
	if q <= ss || p-q >= 10 || toks[q].k != tPunct || toks[q].c != ',' {
		return np{}
	}
	if in := f.reduce(q+1, p); in.kind == npName && in.a == q+1 {
		return in
	}
	before := f.backwardNP(q-1, ss)
	if before.kind == npName || before.kind == npPhrase && toks[before.a].lx&lxDet != 0 {
		return before
	}
	return np{}
}

// sentence returns the token range [ss, se] of the sentence holding token k,
// at most sentenceReach tokens either side.
func (f *finder) sentence(k int) (ss, se int) {
	toks := f.toks
	ss = k
	for ss > 0 && k-ss < sentenceReach && toks[ss-1].f&fEOS == 0 {
		ss--
	}
	se = k
	for se < len(toks)-1 && se-k < sentenceReach && toks[se].f&fEOS == 0 {
		se++
	}
	return ss, se
}

// events finds the paragraph's reporting verbs and their speakers.
func (f *finder) events(pi int) {
	toks := f.toks
	f.evAt = f.evAt[:0]
	for range toks {
		f.evAt = append(f.evAt, -1)
	}
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		if t.k == tPunct && t.c == ':' {
			f.colonName(k)
		}
		if t.k != tWord {
			continue
		}
		ev := event{pos: t.s}
		ve := k // last token of the verb phrase
		switch {
		case f.is(t, "according") && k+1 < len(toks) && f.is(&toks[k+1], "to"):
			ve = k + 1
			ev.accord = true
		case t.f&fLower != 0 && t.lx&lxVerb != 0:
			w := f.text[t.s:t.e]
			if particleOut[w] {
				if k+1 >= len(toks) || !f.is(&toks[k+1], "out") {
					continue
				}
				ve = k + 1
			}
			if k+1 < len(toks) && f.lower(k+1) && strings.HasPrefix(w, "call") {
				if toks[k+1].lx&lxCallParticle != 0 {
					continue // "called on", "called for"
				}
			}
			ev.ing = t.lx&lxIng != 0
			if ev.ing && k > 0 && f.is(&toks[k-1], "as") {
				continue // "quoted X as saying"
			}
			ev.relay = t.lx&lxRelay != 0
		default:
			continue
		}
		ev.finite = !ev.ing && !ev.accord
		ev.verb = Span{t.s, toks[ve].e}
		ss, se := f.sentence(k)
		var subj np
		if ev.accord {
			subj = f.forwardNP(ve+1, se+1)
		} else {
			p := k - 1
			if p > 0 && toks[p].k == tPunct && toks[p].c == '-' && toks[p-1].k == tPunct && toks[p-1].c == '-' {
				p-- // "--"
			}
			inverted := p >= 0 && (toks[p].k == tQuote ||
				toks[p].k == tPunct && (toks[p].c == ',' || toks[p].c == '-') && p > 0 && toks[p-1].k == tQuote)
			if inverted {
				subj = f.forwardNP(ve+1, se+1)
			} else {
				subj = f.backwardNP(k-1, ss)
				if subj.kind == npNone && p >= 0 && toks[p].k == tWord && p-2 >= ss &&
					(f.is(&toks[p], "who") || f.is(&toks[p], "which")) && toks[p-1].k == tPunct && toks[p-1].c == ',' {
					subj = f.backwardNP(p-2, ss)
				}
				if subj.kind == npNone && p > ss && toks[p].k == tPunct && toks[p].c == ',' {
					subj = f.appositive(p, ss)
				}
				if (subj.kind == npNone || subj.kind == npPhrase) && !ev.ing {
					if q := f.skipBack(k-1, ss); q > ss && toks[q].k == tPunct && toks[q].c == ',' {
						// a name among the asides wins over a role: "Omar
						// Vell, the mayor, said" is Omar Vell's
						if lead := f.leadSubject(ss, q); lead.kind == npName || lead.kind != npNone && (subj.kind == npNone || !f.speakerNoun(subj.hd-1)) {
							subj = lead
						}
					}
				}
				if subj.kind == npNone && !ev.ing && (p < ss || toks[p].k == tPunct && (toks[p].c == ',' || toks[p].c == ':')) {
					subj = f.forwardNP(ve+1, se+1)
				}
			}
		}
		if subj.kind != npNone {
			ev.np = Span{toks[subj.a].s, toks[subj.b-1].e}
			ev.npA = subj.a
			if ev.relay {
				f.resolveVia(&ev, subj) // "the NHK channel quoted Abe", "the paper reports"
			} else {
				f.resolve(&ev, subj)
			}
		} else {
			ev.npA = -1
		}
		// "the NHK channel quoted Abe as saying", "X was quoted as saying".
		if ev.relay {
			j := ve + 1
			var by np
			if j < len(toks) && f.is(&toks[j], "by") {
				// "X was quoted by AFP as saying"
				if by = f.forwardNP(j+1, se+1); by.kind != npNone {
					j = by.b
				}
			}
			obj := np{}
			if by.kind == npNone {
				obj = f.forwardNP(j, se+1)
			}
			if obj.kind != npNone {
				j = obj.b
			}
			if j+1 < len(toks) && f.is(&toks[j], "as") && toks[j+1].k == tWord && toks[j+1].lx&lxIng != 0 {
				ev.relay = false
				if by.kind != npNone {
					via := event{}
					f.resolveVia(&via, by)
					ev.via = via.speaker
				}
				if obj.kind != npNone {
					via := ev
					ev.has = false
					f.resolve(&ev, obj)
					if via.has {
						ev.via = via.speaker
					}
					ev.np = Span{toks[obj.a].s, toks[obj.b-1].e}
				}
			}
		}
		if !ev.has && (ev.ing || f.coordinated(k, ss)) {
			f.inheritSubject(&ev, k, ss)
		}
		f.evAt[k] = len(f.evs)
		f.evs = append(f.evs, ev)
		k = ve
	}
	// A paragraph ending "X said:" introduces the quote paragraph after it.
	if n := len(toks); n > 0 && toks[n-1].k == tPunct && toks[n-1].c == ':' {
		for k := n - 2; k >= 0 && k >= n-8; k-- {
			if e := f.evAt[k]; e >= 0 && f.evs[e].has {
				f.paras[pi].colonEv = e
				break
			}
			if toks[k].k != tWord {
				break
			}
		}
	}
}

// coordinated reports whether the verb at token k follows "and" or "but",
// sharing the subject of the verb before ("Peskov said … but warned").
func (f *finder) coordinated(k, ss int) bool {
	j := f.skipBack(k-1, ss)
	return j >= ss && (f.is(&f.toks[j], "and") || f.is(&f.toks[j], "but"))
}

// colonName attributes a quote after "Name:" at the start of a sentence
// ("Smith: “The talks must go on”"), without a verb.
func (f *finder) colonName(k int) {
	toks := f.toks
	if k == 0 || k+1 >= len(toks) || toks[k+1].k != tQuote || f.evAt[k-1] >= 0 {
		return
	}
	ss, _ := f.sentence(k)
	subj := f.backwardNP(k-1, ss)
	if subj.kind != npName || subj.a != ss || subj.org {
		return
	}
	ev := event{pos: toks[k].s, verb: Span{toks[k].s, toks[k].s}, np: Span{toks[subj.a].s, toks[subj.b-1].e}, npA: subj.a}
	f.resolve(&ev, subj)
	f.evAt[k] = len(f.evs)
	f.evs = append(f.evs, ev)
}

// inheritSubject gives a participle ("…, adding that") the subject of the
// sentence: the nearest finite reporting verb's speaker before it, or the
// first person named in the sentence.
func (f *finder) inheritSubject(ev *event, k, ss int) {
	for j := k - 1; j >= ss; j-- {
		if e := f.evAt[j]; e >= 0 && f.evs[e].has && f.evs[e].finite {
			p := f.evs[e]
			if p.relay {
				// "The Times reports Ann Rivera first stated her view,
				// saying": the participle is the reported person's.
				ss = j + 1
				break
			}
			if f.subjectBetween(j, k) {
				// "…, and Omar Vell sent a letter citing …": a clause
				// with its own subject stands between
				ss = j + 1
				break
			}
			ev.speaker, ev.spSpan, ev.person, ev.named, ev.has = p.speaker, p.spSpan, p.person, p.named, true
			return
		}
	}
	lo, hi := f.toks[ss].s, f.toks[k].s
	i := sort.Search(len(f.ments), func(i int) bool { return f.ments[i].pos >= lo })
	// the nearest subject of a clause before it ("…, and Omar Vell sent a
	// letter citing …, saying"), else the first person named
	j := sort.Search(len(f.ments), func(i int) bool { return f.ments[i].pos >= hi })
	for j--; j >= i; j-- {
		if m := f.ments[j]; m.person && m.subject {
			ev.speaker, ev.spSpan, ev.person, ev.named, ev.has = f.spanText(m.name), m.name, true, true, true
			return
		}
	}
	for ; i < len(f.ments) && f.ments[i].pos < hi; i++ {
		if m := f.ments[i]; m.person {
			ev.speaker, ev.spSpan, ev.person, ev.named, ev.has = f.spanText(m.name), m.name, true, true, true
			return
		}
	}
}

// resolve sets ev's speaker from the noun phrase n: a name as it is, a
// pronoun or a definite title phrase resolved to an earlier name.
func (f *finder) resolve(ev *event, n np) {
	toks := f.toks
	switch n.kind {
	case npName:
		sp := Span{toks[n.na].s, toks[n.nb-1].s + len(f.wordText(&toks[n.nb-1]))}
		last := f.wordText(&toks[n.nb-1])
		if n.nb-n.na == 1 {
			if full, ok := f.spelledOut(last, toks[n.na].s); ok {
				sp = full // "NRA" is the National Rifle Association the article named
			}
		}
		ev.speaker, ev.spSpan, ev.has, ev.named = f.spanText(sp), sp, true, true
		ev.person = !n.org && (n.titled || n.nb-n.na >= 2 && !f.adjectival(n.na, n.nb) || f.surnames[last])
	case npPron:
		t := &toks[n.a]
		switch {
		case f.is(t, "he") || f.is(t, "she") || f.is(t, "him") || f.is(t, "her"):
			ss, _ := f.sentence(n.a)
			if !f.sentenceSubject(ev, toks[ss].s, t.s) {
				f.resolvePerson(ev, t.s)
			}
		case f.is(t, "it"):
			f.resolveIt(ev, t.s)
		}
	case npPhrase:
		if f.resolveTitle(ev, n) {
			return
		}
		if !f.speakerNoun(n.hd-1) && !(f.anySpeaker && f.toks[n.hd-1].lx&lxMedia != 0) {
			// Things do not speak: "a statement published by the
			// ministry" is the ministry's; "the findings" leave the
			// speaker to be found elsewhere.
			if by := f.byAgent(n); by.kind != npNone {
				f.resolve(ev, by)
			}
			ev.thing = !ev.has
			return
		}
		if f.is(&toks[n.a], "the") && toks[n.hd-1].lx&lxHead != 0 {
			// "the diplomat said", "the expert states": a role the
			// article gives someone it named before, read as a pronoun;
			// the same role later in the article is the same person
			role := strings.ToLower(f.wordText(&toks[n.hd-1]))
			if r, ok := f.roles[role]; ok {
				f.take(ev, &r)
				return
			}
			if f.resolvePerson(ev, toks[n.a].s); ev.has {
				f.roles[role] = *ev
				return
			}
		}
		sp := Span{toks[n.a].s, toks[n.b-1].e}
		s := f.spanText(sp)
		if toks[n.a].f&fCap != 0 && toks[n.a].lx&lxDet != 0 {
			s = strings.ToLower(s[:1]) + s[1:]
		}
		ev.speaker, ev.spSpan, ev.has = s, sp, true
	}
}

// resolveVia resolves the one who passes words on ("the NHK channel
// quoted Abe as saying"): a publication may, where it may not speak; a
// thing still may not ("a letter citing").
func (f *finder) resolveVia(ev *event, n np) {
	f.anySpeaker = true
	f.resolve(ev, n)
	f.anySpeaker = false
}

// byAgent is the agent of a thing that carries words: "the ministry" of
// "a statement published by the ministry", "the group" of "a letter from
// the group"; none if the phrase names none.
func (f *finder) byAgent(n np) np {
	_, se := f.sentence(n.a)
	for k := n.hd; k <= n.b && k+1 <= se; k++ {
		if f.is(&f.toks[k], "by") || f.is(&f.toks[k], "from") {
			if a := f.forwardNP(k+1, se+1); a.kind == npName || a.kind == npPhrase && f.speakerNoun(a.hd-1) {
				return a
			}
		}
	}
	return np{}
}

// speakerNoun tells whether token k, the head of a noun phrase, names
// people or a body that can speak: a title ("the minister", "officials")
// or a noun for people or organisations ("residents", "the committee").
func (f *finder) speakerNoun(k int) bool {
	if k < 0 || k >= len(f.toks) {
		return false
	}
	t := &f.toks[k]
	if t.lx&(lxHead|lxAgent) != 0 {
		return true
	}
	w := strings.ToLower(f.wordText(t))
	if p, ok := strings.CutSuffix(w, "s"); ok && lexicon[p]&(lxHead|lxAgent) != 0 {
		return true // a plural: "ministers", "diplomats"
	}
	return t.f&fCap != 0 && t.lx&lxOrg != 0 // "the Committee", "the Ministry"
}

// spelledOut finds, for an acronym ("NRA", "N.R.A."), the organisation
// named before pos whose initials it spells ("National Rifle
// Association"; small words may be left out: "Bank of Norland", "BN").
func (f *finder) spelledOut(w string, pos int) (Span, bool) {
	acr := strings.ReplaceAll(w, ".", "")
	if len(acr) < 2 || strings.ToUpper(acr) != acr || strings.ToLower(acr) == acr {
		return Span{}, false
	}
	i := sort.Search(len(f.ments), func(i int) bool { return f.ments[i].pos >= pos })
	for i--; i >= 0; i-- {
		m := f.ments[i]
		var all, content strings.Builder
		for _, x := range strings.Fields(f.text[m.name.Start:m.name.End]) {
			r := x[0]
			all.WriteByte(r)
			if r >= 'A' && r <= 'Z' {
				content.WriteByte(r)
			}
		}
		if len(strings.Fields(f.text[m.name.Start:m.name.End])) >= 2 && (all.String() == acr || content.String() == acr) {
			return m.name, true
		}
	}
	return Span{}, false
}

// spanText returns text[sp] with runs of white space made single spaces.
func (f *finder) spanText(sp Span) string {
	s := f.text[sp.Start:sp.End]
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' || c >= 0x80 {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// resolvePerson resolves "he"/"she" at pos to the nearest earlier named
// person who either spoke (the speaker of a reporting verb) or is the
// subject of a sentence; failing that, the nearest person mentioned, else
// the nearest named speaker; all within pronounWindow bytes.
func (f *finder) resolvePerson(ev *event, pos int) {
	lo := pos - pronounWindow
	ei := sort.Search(len(f.evs), func(i int) bool { return f.evs[i].pos >= pos }) - 1
	mi := sort.Search(len(f.ments), func(i int) bool { return f.ments[i].pos >= pos }) - 1
	var near *mention
	for i, j, n := ei, mi, 0; n < 2*scanLimit; n++ {
		evOK := i >= 0 && f.evs[i].pos >= lo
		mOK := j >= 0 && f.ments[j].pos >= lo
		if evOK && (!mOK || f.evs[i].pos >= f.ments[j].pos) {
			if e := &f.evs[i]; e.has && e.person && !e.relay {
				f.take(ev, e)
				return
			}
			i--
			continue
		}
		if !mOK {
			break
		}
		if m := &f.ments[j]; m.person {
			if m.subject {
				f.takeMention(ev, m)
				return
			}
			if near == nil {
				near = m
			}
		}
		j--
	}
	if near != nil {
		f.takeMention(ev, near)
		return
	}
	for i, n := ei, 0; i >= 0 && n < scanLimit && f.evs[i].pos >= lo; i, n = i-1, n+1 {
		if e := &f.evs[i]; e.has && e.named && !e.accord && !e.relay {
			f.take(ev, e)
			return
		}
	}
}

// sentenceSubject resolves a pronoun at pos to the first person named in
// its own sentence before it (from lo), the sentence's subject as a rule:
// "The group's president, Ann Vell, has been deriding what she called
// ..." — she is Ann Vell, whoever spoke before.
func (f *finder) sentenceSubject(ev *event, lo, pos int) bool {
	i := sort.Search(len(f.ments), func(i int) bool { return f.ments[i].pos >= lo })
	for ; i < len(f.ments) && f.ments[i].pos < pos; i++ {
		if m := &f.ments[i]; m.person && !f.afterPreposition(m.pos) {
			f.takeMention(ev, m)
			return true
		}
	}
	return false
}

// afterPreposition tells whether the word before byte pos is a
// preposition: the name there is no subject ("Of Vell, he said").
func (f *finder) afterPreposition(pos int) bool {
	k := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].s >= pos })
	if k == 0 || k > len(f.toks) {
		return false
	}
	p := &f.toks[k-1]
	if p.k != tWord {
		return false
	}
	return lexicon[strings.ToLower(f.wordText(p))]&lxObjPrep != 0
}

func (f *finder) takeMention(ev *event, m *mention) {
	ev.speaker, ev.spSpan, ev.person, ev.named, ev.has = f.spanText(m.name), m.name, true, true, true
}

// resolveIt resolves "it" to the nearest earlier speaker that is not a person.
func (f *finder) resolveIt(ev *event, pos int) {
	lo := pos - pronounWindow
	ei := sort.Search(len(f.evs), func(i int) bool { return f.evs[i].pos >= pos })
	for i, n := ei-1, 0; i >= 0 && n < scanLimit && f.evs[i].pos >= lo; i, n = i-1, n+1 {
		if e := &f.evs[i]; e.has && !e.person {
			f.take(ev, e)
			return
		}
	}
	mi := sort.Search(len(f.ments), func(i int) bool { return f.ments[i].pos >= pos })
	for i, n := mi-1, 0; i >= 0 && n < scanLimit && f.ments[i].pos >= lo; i, n = i-1, n+1 {
		if m := f.ments[i]; m.org {
			ev.speaker, ev.spSpan, ev.named, ev.has = f.spanText(m.name), m.name, true, true
			return
		}
	}
}

func (f *finder) take(ev, from *event) {
	ev.speaker, ev.spSpan, ev.person, ev.named, ev.has = from.speaker, from.spSpan, from.person, from.named, true
}

// resolveTitle resolves a definite title phrase ("the Russian FM", "the
// foreign minister") to the nearest earlier person whose title has all of
// the phrase's title words.
func (f *finder) resolveTitle(ev *event, n np) bool {
	toks := f.toks
	if !f.is(&toks[n.a], "the") || n.hd-1 <= n.a || toks[n.hd-1].lx&lxHead == 0 || toks[n.hd-1].lx&lxHonor != 0 {
		return false
	}
	pos := toks[n.a].s
	lo := pos - titleWindow
	mi := sort.Search(len(f.ments), func(i int) bool { return f.ments[i].pos >= pos })
	for i, c := mi-1, 0; i >= 0 && c < 4*scanLimit && f.ments[i].pos >= lo; i, c = i-1, c+1 {
		m := f.ments[i]
		if !m.person || m.title.End == 0 {
			continue
		}
		title := f.text[m.title.Start:m.title.End]
		ok := true
		for k := n.a + 1; k < n.hd && ok; k++ {
			if toks[k].lx&(lxHead|lxMod) != 0 {
				ok = hasWordFold(title, f.text[toks[k].s:toks[k].e])
			}
		}
		if ok {
			ev.speaker, ev.spSpan, ev.person, ev.named, ev.has = f.spanText(m.name), m.name, true, true, true
			return true
		}
	}
	return false
}

func hasWordFold(s, w string) bool {
	w = strings.TrimSuffix(w, ".")
	for x := range strings.FieldsSeq(s) {
		if strings.EqualFold(strings.TrimSuffix(x, "."), w) {
			return true
		}
	}
	return false
}
