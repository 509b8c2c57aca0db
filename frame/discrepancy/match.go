package discrepancy

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// anchors are the words around a value that say which slot it fills.
type anchors struct {
	wide       map[string]int // content stems within window words either side → their token
	near       map[string]int // the nearest content word that is no topic on each side, within two words that are no function words
	prev, next string         // the words right before and after it
	head       string         // the content word it counts or dates: "200 [people]", "$2 billion in [cash]"
	headAt     int
}

const window = 3 // words either side, function words aside

// anchorsOf finds the anchors of the value in tokens [t0, t1) of s.
func (ev *event) anchorsOf(s *side, t0, t1 int) anchors {
	an := anchors{wide: map[string]int{}, near: map[string]int{}, headAt: -1}
	stop := func(k int) bool {
		if k < 0 || k >= len(s.toks) || s.toks[k].brk {
			return true
		}
		switch s.toks[k].Norm {
		case ".", "?", "!", ";":
			return true
		}
		return false
	}
	walk := func(from, step int) {
		near := false
		for k, n := from, 0; n < window && !stop(k); k += step {
			if !s.word(k) {
				continue
			}
			t := s.toks[k]
			if n == 0 && k == from {
				if step < 0 {
					an.prev = t.Norm
				} else {
					an.next = t.Norm
				}
			}
			if ev.anchor(t) {
				if _, ok := an.wide[t.Stem]; !ok {
					an.wide[t.Stem] = k
				}
				if !near && n < 2 {
					an.near[t.Stem] = k
				}
				near = true // the nearest word that is not the topic only
			}
			if !t.Stop {
				n++ // function words do not count
			}
		}
	}
	walk(t0-1, -1)
	walk(t1, 1)
	k := t1
	for skip := 0; skip < 2 && s.word(k) && s.toks[k].Stop; skip++ {
		k++
	}
	if s.word(k) && ev.content(s.toks[k]) {
		an.head, an.headAt = s.toks[k].Stem, k
	}
	return an
}

// content: a word that says what a value is about, not a function word
// nor a quantity or calendar word.
func (ev *event) content(t tok) bool {
	if t.Kind != token.Word || t.Stop || len(t.Norm) < 2 {
		return false
	}
	if isCalendar(t.Norm) || ev.q.vocab[t.Norm] {
		return false
	}
	return true
}

// anchor: a content word that is not the event's topic (in more than one
// sentence in topicShare of the event's), so that it tells one slot from
// another.
func (ev *event) anchor(t tok) bool {
	return ev.content(t) && !ev.topic[t.Stem]
}

// topicShare: a stem in more than this share of the event's sentences is
// its topic ("president", "said" in most stories) and anchors no value.
const topicShare = 0.125

// minTopic: a stem of this many sentences or fewer is no topic, however
// short the event.
const minTopic = 3

// sincePreps before a year or a date say which slot it fills by
// themselves: "since 2002", "until March".
var sincePreps = english.Set("span-prepositions")

// maxValues is the most values one report's part of a claim may hold to
// be compared: more is no single fact but a table or a list of results,
// and bounds the pairs scored (their square).
const maxValues = 40

// pair is a value of one side matched with one of another.
type pair struct {
	a, b     int // mention indexes
	score    int
	kind     Kind
	disagree bool
	marks    []int // the tokens of side a around the value that side b shares
	head     int   // the token of side a its value counts or dates, when b's is the same; -1
}

// compare finds the discrepancies of one claim's or quote group's sides;
// speakers: a name that speaks fills a slot of its own (claims).
func (ev *event) compare(sides []*side, speakers bool) []Discrepancy {
	for _, s := range sides {
		s.scan(ev)
		if len(s.ments) > maxValues {
			s.ments = nil // no one fact: a table, a list of results
		}
		if !speakers {
			kept := s.ments[:0]
			for _, m := range s.ments {
				m.speaker = false
				if m.kind != Name || len(m.role) > 0 {
					kept = append(kept, m)
				}
			}
			s.ments = kept
		}
		s.anc = make([]anchors, len(s.ments))
		for i, m := range s.ments {
			if m.kind == Name {
				s.anc[i] = ev.anchorsOf(s, m.r0, m.t1)
			} else {
				s.anc[i] = ev.anchorsOf(s, m.t0, m.t1)
			}
		}
	}
	type node struct{ s, m int }
	parent := map[node]node{}
	var find func(n node) node
	find = func(n node) node {
		p, ok := parent[n]
		if !ok || p == n {
			return n
		}
		r := find(p)
		parent[n] = r
		return r
	}
	type hit struct {
		si int // the side of p.a
		p  pair
	}
	var hits []hit
	for i := range sides {
		for j := i + 1; j < len(sides); j++ {
			for _, p := range ev.pairs(sides[i], sides[j]) {
				for _, n := range []node{{i, p.a}, {j, p.b}} {
					if _, ok := parent[n]; !ok {
						parent[n] = n
					}
				}
				a, b := find(node{i, p.a}), find(node{j, p.b})
				if a != b {
					parent[b] = a
				}
				if p.disagree {
					hits = append(hits, hit{si: i, p: p})
				}
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	members := map[node][]node{}
	for n := range parent {
		r := find(n)
		members[r] = append(members[r], n)
	}
	var out []Discrepancy
	done := map[node]bool{}
	for _, h := range hits {
		r := find(node{h.si, h.p.a})
		if done[r] {
			continue
		}
		done[r] = true
		ns := members[r]
		slices.SortFunc(ns, func(x, y node) int { return cmp.Or(cmp.Compare(x.s, y.s), cmp.Compare(x.m, y.m)) })
		ok := true
		for k := 1; k < len(ns); k++ {
			if ns[k].s == ns[k-1].s {
				ok = false // two values of one report: which is meant is unclear
			}
		}
		if !ok {
			continue
		}
		d := Discrepancy{Kind: h.p.kind, Slot: slot(sides[h.si], sides[h.si].ments[h.p.a], h.p)}
		for _, n := range ns {
			d.Values = append(d.Values, value(sides[n.s], sides[n.s].ments[n.m]))
		}
		out = append(out, d)
	}
	// in the order of the first report's values
	slices.SortStableFunc(out, func(x, y Discrepancy) int {
		return cmp.Or(cmp.Compare(x.Values[0].Article, y.Values[0].Article), cmp.Compare(x.Values[0].Start, y.Values[0].Start))
	})
	return out
}

// pairs matches the values of two sides one to one, the best matched
// first, and says which matched pairs disagree.
func (ev *event) pairs(A, B *side) []pair {
	if len(A.ments) == 0 || len(B.ments) == 0 {
		return nil
	}
	kinds := func(s *side) (k [2]bool) {
		for _, m := range s.ments {
			k[0] = k[0] || m.kind == Number || m.kind == Date
			k[1] = k[1] || m.kind == Name
		}
		return k
	}
	if ka, kb := kinds(A), kinds(B); !(ka[0] && kb[0] || ka[1] && kb[1]) {
		return nil
	}
	var cands []pair
	ov := [2]float64{ev.overlap(A, B), ev.overlapOfLarger(A, B)}
	for ai := range A.ments {
		for bi := range B.ments {
			if p, ok := ev.score(A, ai, B, bi, ov); ok {
				p.a, p.b = ai, bi
				cands = append(cands, p)
			}
		}
	}
	slices.SortStableFunc(cands, func(x, y pair) int { return cmp.Compare(y.score, x.score) })
	usedA, usedB := map[int]bool{}, map[int]bool{}
	var out []pair
	for _, p := range cands {
		if usedA[p.a] || usedB[p.b] {
			continue
		}
		usedA[p.a], usedB[p.b] = true, true
		if p.disagree {
			p.disagree = ev.guard(A, A.ments[p.a], B) && ev.guard(B, B.ments[p.b], A)
		}
		out = append(out, p)
	}
	return out
}

// score tells whether values ai of A and bi of B fill one slot, how well,
// and whether they disagree; ov is the sides' overlap, on the side with
// fewer content words and on the other.
func (ev *event) score(A *side, ai int, B *side, bi int, ov [2]float64) (pair, bool) {
	a, b := A.ments[ai], B.ments[bi]
	x, y := A.anc[ai], B.anc[bi]
	p := pair{kind: a.kind, head: -1}
	switch {
	case a.kind == Number && b.kind == Number:
		if a.unit != b.unit {
			return p, false
		}
		p.disagree = a.hi < b.lo || b.hi < a.lo
	case a.kind == Date && b.kind == Date:
		shared := false
		for f := range a.date {
			if a.date[f] != 0 && b.date[f] != 0 {
				shared = true
				p.disagree = p.disagree || a.date[f] != b.date[f]
			}
		}
		if !shared {
			return p, false
		}
	case a.kind == Name && b.kind == Name:
		switch {
		case a.speaker && b.speaker:
			if count(A, isSpeaker) != 1 || count(B, isSpeaker) != 1 || !ev.personal(a.words, a.titled) || !ev.personal(b.words, b.titled) {
				return p, false
			}
			if ov[0] < minSpeakerOverlap || ov[1] < minSpeakerOverlap {
				return p, false // not one statement: two people may say alike things
			}
			p.kind, p.score = Speaker, 3
		case len(a.role) > 0 && slices.Equal(a.role, b.role):
			// the same role, a word around the names in common, and no
			// one else named near one that the other report does not name
			if ev.otherSubject(A, a, B) || ev.otherSubject(B, b, A) {
				return p, false
			}
			content := 0
			if _, _, ok := sharedAny(x.near, y.near, nil); ok {
				content += 2
			} else if _, _, ok := sharedAny(x.wide, y.wide, nil); ok {
				content++
			}
			sameRole := func(a mention) func(mention) bool {
				return func(m mention) bool { return m.kind == Name && slices.Equal(m.role, a.role) }
			}
			unique := 0
			if count(A, sameRole(a)) == 1 && count(B, sameRole(b)) == 1 {
				unique = 1
			}
			if content < 2 || content+unique < 3 {
				return p, false
			}
			p.kind, p.score = Name, content+unique
		default:
			return p, false
		}
		p.disagree = differentPersons(a.words, b.words)
		return p, true
	default:
		return p, false
	}
	// numbers and dates: the words around them, and no one named near
	// either that the other report does not name
	if ov[0] < minOverlap || ev.otherSubject(A, a, B) || ev.otherSubject(B, b, A) {
		return p, false
	}
	content, weak := 0, 0
	used := map[string]bool{}
	if x.head != "" && x.head == y.head {
		content += 2
		used[x.head] = true
		p.marks = append(p.marks, x.headAt)
		p.head = x.headAt
	}
	if k, st, ok := sharedAny(x.near, y.near, used); ok {
		content += 2
		used[st] = true
		p.marks = append(p.marks, k)
	}
	if a.kind == Date && x.prev != "" && x.prev == y.prev && sincePreps[x.prev] {
		content += 2
	}
	if _, _, ok := sharedAny(x.wide, y.wide, used); ok {
		content++
		for st, k := range x.wide {
			if _, in := y.wide[st]; in {
				p.marks = append(p.marks, k)
			}
		}
	}
	if x.prev != "" && x.prev == y.prev {
		weak++
		p.marks = append(p.marks, a.t0-1)
	}
	if x.next != "" && x.next == y.next {
		weak++
		p.marks = append(p.marks, a.t1)
	}
	if count(A, func(m mention) bool { return comparable(a, m) }) == 1 && count(B, func(m mention) bool { return comparable(b, m) }) == 1 {
		weak++
	}
	if content < 2 || content+weak < 4 {
		return p, false
	}
	p.score = content + weak
	return p, true
}

// sharedAny finds a stem both maps hold, not one of used, and its token in
// the first (the one nearest the start, for a stable choice).
func sharedAny(x, y map[string]int, used map[string]bool) (int, string, bool) {
	best, bst, ok := 0, "", false
	for st, k := range x {
		if _, in := y[st]; in && !used[st] && (!ok || k < best) {
			best, bst, ok = k, st, true
		}
	}
	return best, bst, ok
}

// comparable: m is a value of a's kind that could say the same as a (a
// quantity of its unit, a date with a part in common).
func comparable(a, m mention) bool {
	if a.kind != m.kind {
		return false
	}
	switch a.kind {
	case Number:
		return a.unit == m.unit
	case Date:
		for f := range a.date {
			if a.date[f] != 0 && m.date[f] != 0 {
				return true
			}
		}
	}
	return false
}

func isSpeaker(m mention) bool { return m.kind == Name && m.speaker }

func count(s *side, f func(mention) bool) int {
	n := 0
	for _, m := range s.ments {
		if f(m) {
			n++
		}
	}
	return n
}

// guard: the other side gives a's value nowhere, nor, for a name, any of
// its words: a report that gives both values may be speaking of two
// things.
func (ev *event) guard(A *side, a mention, B *side) bool {
	switch a.kind {
	case Number:
		for _, m := range B.ments {
			if comparable(a, m) && !(a.hi < m.lo || m.hi < a.lo) {
				return false
			}
		}
	case Date:
		for _, m := range B.ments {
			if !comparable(a, m) {
				continue
			}
			agree := true
			for f := range a.date {
				if a.date[f] != 0 && m.date[f] != 0 && a.date[f] != m.date[f] {
					agree = false
				}
			}
			if agree {
				return false
			}
		}
	case Name:
		for _, w := range a.words {
			if !strings.HasSuffix(w, ".") && B.names(w) {
				return false
			}
		}
	}
	return true
}

// differentPersons: two names share no word, and their last words are
// not spellings of one name ("Zelensky", "Zelenskiy").
func differentPersons(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x == y && !strings.HasSuffix(x, ".") {
				return false
			}
		}
	}
	x, y := a[len(a)-1], b[len(b)-1]
	return !align.SpellingVariant(x, y) && !(utf8.RuneCountInString(x) >= 5 && utf8.RuneCountInString(y) >= 5 && editDistance(x, y) <= 2)
}

// editDistance is the Levenshtein distance of two words, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			next := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], next
		}
	}
	return row[len(rb)]
}

// personal: the name is a person's: two words or more, or one after a
// personal title, or one the event writes after a first name or a title.
func (ev *event) personal(words []string, titled bool) bool {
	var real []string
	for _, w := range words {
		if orgWords[w] || groupWords[w] {
			return false
		}
		if !strings.HasSuffix(w, ".") {
			real = append(real, w)
		}
	}
	switch {
	case len(real) == 0:
		return false
	case len(real) >= 2 || titled:
		return true
	}
	return ev.surname[real[0]]
}

// text is what side s writes from token x to token y (exclusive).
func (s *side) text(x, y int) string {
	if x >= y || x < 0 || y > len(s.toks) {
		return ""
	}
	a, b := s.toks[x], s.toks[y-1]
	if a.seg != b.seg || a.brk || b.brk {
		return ""
	}
	return s.segs[a.seg].text[a.Start:b.End]
}

// value is m as written in s, with its source offsets.
func value(s *side, m mention) Value {
	a, b := s.toks[m.t0], s.toks[m.t1-1]
	start, end := s.segs[a.seg].span(a.Start, b.End)
	v := Value{Article: s.art, Text: s.text(m.t0, m.t1), Start: start, End: end}
	if m.kind == Name {
		if t := strings.TrimRight(stripPossessive(v.Text), "’'"); t != v.Text {
			v.End -= len([]rune(v.Text)) - len([]rune(t))
			v.Text = t
		}
	}
	return v
}

// slot writes the shared words around a's value: "led since …".
func slot(s *side, a mention, p pair) string {
	switch p.kind {
	case Name:
		return strings.TrimSpace(s.text(a.r0, a.t0) + " …")
	case Speaker:
		if v := s.norm(a.t1); reportingVerbs[v] {
			return "… " + s.text(a.t1, a.t1+1)
		}
		if v := s.norm(a.r0 - 1); v == "said" || v == "says" {
			return s.text(a.r0-1, a.r0) + " …"
		}
		return strings.TrimSpace(s.text(a.r0-2, a.r0)) + " …"
	}
	// from the nearest shared content word before the value (else the
	// shared word right before it), to the word it counts or dates, if
	// shared, or else, when nothing before is shared, to the nearest
	// shared word after it
	content := func(k int) bool {
		return s.word(k) && !s.toks[k].Stop && !datePreps[s.toks[k].Norm] && !sincePreps[s.toks[k].Norm]
	}
	pick := func(left, wantContent bool) int {
		best := -1
		for _, k := range p.marks {
			if left != (k < a.t0) || wantContent && !content(k) {
				continue
			}
			if best < 0 || left && k > best || !left && k < best {
				best = k
			}
		}
		return best
	}
	la := pick(true, true)
	if la < 0 {
		la = pick(true, false)
	}
	rb := -1
	if slices.Contains(p.marks, p.head) && p.head >= 0 {
		rb = p.head
	} else if la < 0 {
		if rb = pick(false, true); rb < 0 {
			rb = pick(false, false)
		}
	}
	out := "…"
	if la >= 0 {
		out = s.text(la, a.t0) + " …"
	}
	if rb >= 0 {
		out += " " + s.text(a.t1, rb+1)
	}
	return out
}

// minSpeakerOverlap is the least share of content words two reports'
// wordings of a claim must have in common for its speakers to be compared:
// a claim aligned by meaning may join two statements of one side ("the
// group condemned the deal"), each by its own spokesman.
const minSpeakerOverlap = 0.6

// minOverlap is the least share of content words two reports' wordings
// of a claim must have in common for their numbers and dates to be
// compared: a claim aligned by meaning still says much of its fact in the
// same words, and below this the two sentences may well state two facts.
const minOverlap = 0.25

// overlap is the share of the content stems of the side with fewer that
// the other has, names and reporting verbs aside.
func (ev *event) overlap(A, B *side) float64 { return ev.shareOf(A, B, false) }

// overlapOfLarger is overlap measured on the side with more.
func (ev *event) overlapOfLarger(A, B *side) float64 { return ev.shareOf(A, B, true) }

func (ev *event) shareOf(A, B *side, larger bool) float64 {
	x, y := ev.stems(A), ev.stems(B)
	if (len(x) > len(y)) != larger {
		x, y = y, x
	}
	if len(x) == 0 {
		return 0
	}
	n := 0
	for st := range x {
		if y[st] {
			n++
		}
	}
	return float64(n) / float64(len(x))
}

// stems are the content stems of a side that overlap counts, found once.
func (ev *event) stems(s *side) map[string]bool {
	if s.stems == nil {
		s.stems = map[string]bool{}
		for _, t := range s.toks {
			if !t.brk && ev.content(t) && !capitalised(t.Text) && !reportingVerbs[t.Norm] {
				s.stems[t.Stem] = true
			}
		}
	}
	return s.stems
}

// subjectWindow is how far, in words other than function words, a name
// stands from a value to be taken as what the value is about.
const subjectWindow = 6

// otherSubject: a name stands near a's value (a person, a place, an
// organisation: the last word of a capitalised run) that B does not name
// at all: the two values may be about two things ("eight years of her
// returns", "33 years of his").
func (ev *event) otherSubject(A *side, a mention, B *side) bool {
	check := func(k int) bool {
		t := A.toks[k]
		w := stripPossessive(t.Norm)
		if !capitalised(t.Text) || t.Stop || isCalendar(w) || B.names(w) || ev.q.vocab[w] {
			return false
		}
		if _, ok := roleWords[strings.TrimSuffix(w, ".")]; ok {
			return false
		}
		if ev.lower[w] || (t.initial || t.title) && !ev.midCap[w] {
			return false // capitalised for its place, not a name
		}
		// the last word of its run
		return !A.nameTok(k + 1)
	}
	stop := func(k int) bool {
		return k < 0 || k >= len(A.toks) || A.toks[k].brk || A.toks[k].Norm == "." && !A.abbrev(k-1) || A.toks[k].Norm == ";"
	}
	t0 := a.t0
	if a.kind == Name {
		t0 = a.r0
	}
	for _, dir := range []int{-1, 1} {
		from := t0 - 1
		if dir > 0 {
			from = a.t1
		}
		for k, n := from, 0; n < subjectWindow && !stop(k); k += dir {
			if !A.word(k) {
				continue
			}
			if check(k) {
				return true
			}
			if !A.toks[k].Stop {
				n++
			}
		}
	}
	return false
}
