// Package attribution finds whom the reports of one event let speak, and
// how: the direct quotes per speaker, merged across reports; the reporting
// verbs that introduce them with their connotation (neutral "said",
// emphatic "stressed", doubting "claimed", attacking "blasted"...); the
// hedges and certainty markers and the anonymous sourcing each report uses
// in its own voice.
//
// In: the articles of one event (package corpus, with the quotes it found)
// and a concept file whose tags name reporting verbs, hedges and anonymous
// sources: the generic pack (lexicon.Generic) or a user's. Out: an
// Attribution, per speaker (SpeakerRow) and per quote's verb (VerbUse),
// with source spans as frame.Mention; InQuote tells whether a span is a
// speaker's words rather than the report's.
//
// Cost: one match of the concept file over the articles, plus per quote a
// match of its verb and speaker and a regexp scan of its paragraph;
// speaker merging is quadratic in the distinct named speakers (a few
// dozen).
package attribution

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/lexicon"
)

// Attribution is who the reports of one event let speak, and how: the
// direct quotes per speaker, the reporting verbs that introduce them with
// their connotation, the hedges and certainty markers, and the anonymous
// sourcing of each article. Article indexes (and per-article slices) follow
// the articles given to Find.
type Attribution struct {
	// Speakers has one row per speaker, merged across articles (see
	// Find), by total quotes descending, then by name.
	Speakers []SpeakerRow `json:"speakers"`
	// Verbs has one entry per quote with a reporting verb, by article,
	// then in quote order.
	Verbs []VerbUse `json:"verbs"`
	// Hedges are the hedges (Note "hedge") and certainty markers (Note
	// "certainty") the reports use in their own voice, by article and start.
	Hedges []frame.Mention `json:"hedges"`
	// Anonymous is the anonymous sourcing ("diplomatic sources said",
	// "officials said", "people familiar with") the reports use in their
	// own voice, by article and start.
	Anonymous []frame.Mention `json:"anonymous"`
	// Named and Unnamed count, per article, the quotes attributed to a
	// named speaker and those attributed to an anonymous source, to a
	// description only ("the expert") or to no one.
	Named   []int `json:"named"`
	Unnamed []int `json:"unnamed"`
}

// SpeakerRow is one speaker's direct quotes, per article.
type SpeakerRow struct {
	// Speaker is the fullest form of the name seen ("Alma Rivera" over
	// "Rivera"), as written.
	Speaker string `json:"speaker"`
	// Named is false for a speaker that is an anonymous source or only a
	// description ("diplomatic sources", "the expert").
	Named  bool  `json:"named"`
	Quotes []int `json:"quotes"` // per article: number of direct quotes
	Words  []int `json:"words"`  // per article: quoted words
	// Verbs are, per article, the reporting verbs used for this speaker,
	// distinct (ignoring case), as first written, in order of first use;
	// nil where there are none.
	Verbs [][]string `json:"verbs"`
}

// VerbUse is the reporting verb of one quote.
type VerbUse struct {
	Article int    `json:"article"`
	Verb    string `json:"verb"` // as written
	// Connotation is the tag of the lexicon's reporting-verb concept the
	// verb belongs to ("neutral", "emphatic", "doubt", "admission",
	// "attack", "positive", "complaint", "insistence" in the generic
	// pack), "" if none.
	Connotation string `json:"connotation"`
	// Speaker is the quote's speaker as its SpeakerRow names it (merged);
	// "" for a quote without a speaker.
	Speaker string `json:"speaker"`
	// Mention is the verb's span in the source (runes) if located, else
	// the zero frame.Mention.
	Mention frame.Mention `json:"mention"`
}

// The tags Find reads in a lexicon.
const (
	attrTagVerb      = "reporting-verb"
	attrTagHedge     = "hedge"
	attrTagCertainty = "certainty"
	attrTagAnonymous = "anonymous-source"
)

// Find finds who speaks in each article and how. lex is the generic pack
// (lexicon.Generic(); nil means lexicon.Generic()) or a user's concept file
// with the same tags: "reporting-verb" plus a connotation tag, "hedge",
// "certainty", "anonymous-source". The result is deterministic.
//
// Speakers come from the quotes found by package corpus (Quote.Speaker).
// A speaker is named when the name starts with an upper-case letter and no
// anonymous-source phrase of lex matches in it; "diplomatic sources", "the
// expert" or "an aide to the minister" are not. Named speakers are merged
// across and within articles: names are compared by their words, ignoring
// case, and a name whose words end another name's ("Rivera" in "Alma
// Rivera" and in "Northland Foreign Minister Alma Rivera"; the last words
// are then equal) joins the longest name that ends with it. When several
// longest names end with it ("Rivera" in "Alma Rivera" and "Alba
// Rivera"), it joins the one with the most quotes (counting its own and
// those of the names that join it alone; ties: the longer name, then the
// first in byte order), and those longest names stay apart. Names that
// differ only in case are one; the form first seen is kept. Speakers that
// are not named are merged only with the same words. A quote with no
// speaker has no row and counts as unnamed.
//
// The connotation of a quote's verb is found by matching the verb's text
// with lex as lex.Match matches a sentence (word stems and patterns): the
// longest match among the reporting-verb concepts gives the connotation,
// which is the concept's first tag other than "reporting-verb". The verb's
// span is the occurrence of the verb (whole words, ignoring case) nearest
// to the quote in the quote's paragraph, outside any quoted words; a verb
// not found there (one carried over from another paragraph with the
// speaker) has the zero Mention.
//
// Hedges, certainty markers and anonymous sourcing are the mentions
// lex.Match finds of the concepts so tagged, except those inside quoted
// words: those are the speaker's, not the report's.
//
// Cost: one lex.Match over the articles, plus per quote a match of its
// verb and speaker and a regexp scan of its paragraph; speaker merging is
// quadratic in the number of distinct named speakers (a few dozen).
func Find(arts []*corpus.Article, lex *lexicon.Lexicon) Attribution {
	if lex == nil {
		lex = lexicon.Generic()
	}
	return FindMatched(arts, lex, lex.Match(arts))
}

// FindMatched is Find with lex's matches over arts already made
// (lex.Match(arts)), for a caller that needs them for the word-choice marks too
// (package choice).
func FindMatched(arts []*corpus.Article, lex *lexicon.Lexicon, matched []frame.Concept) Attribution {
	return FindPeople(arts, lex, matched, nil)
}

// FindPeople is FindMatched with the event's concepts (frame.Concepts):
// a quote whose speaker was read from a mention of a name's concept
// ("Vell", "the foreign minister", "Norland FM Omar Vell") counts
// for that concept's row, under its label, so that one person is one row
// on the term table's evidence; other speakers merge by their names.
func FindPeople(arts []*corpus.Article, lex *lexicon.Lexicon, matched, concepts []frame.Concept) Attribution {
	n := len(arts)
	people := peopleIndex(arts, concepts)
	at := Attribution{
		Speakers:  []SpeakerRow{},
		Verbs:     []VerbUse{},
		Hedges:    []frame.Mention{},
		Anonymous: []frame.Mention{},
		Named:     make([]int, n),
		Unnamed:   make([]int, n),
	}
	m := lexicon.NewMatcher(lex)

	// Hedges, certainty markers and anonymous sources, outside quotes.
	for _, c := range matched {
		var note string
		anon := false
		switch {
		case slices.Contains(c.Tags, attrTagHedge):
			note = attrTagHedge
		case slices.Contains(c.Tags, attrTagCertainty):
			note = attrTagCertainty
		case slices.Contains(c.Tags, attrTagAnonymous):
			anon = true
		default:
			continue
		}
		for _, mn := range c.Mentions {
			if mn.Nested || InQuote(arts[mn.Article], mn.Start, mn.End) {
				continue
			}
			if anon {
				at.Anonymous = append(at.Anonymous, mn)
			} else {
				mn.Note = note
				at.Hedges = append(at.Hedges, mn)
			}
		}
	}
	attrSortMentions(at.Hedges)
	attrSortMentions(at.Anonymous)

	// Speakers: the distinct names, then merged.
	type qref struct{ art, q, name int }
	var refs []qref
	names := []*attrName{}
	byKey := map[string]int{}
	pubs := publications(arts)
	for ai, a := range arts {
		if a == nil {
			continue
		}
		for qi, q := range a.Quotes {
			s := strings.Join(strings.Fields(q.Speaker), " ")
			if pubs[strings.ToLower(s)] {
				s = "" // a publication of the event passes words on; it is no speaker ("Norpress says")
			}
			if s == "" {
				at.Unnamed[ai]++
				refs = append(refs, qref{ai, qi, -1})
				continue
			}
			named := attrNamed(m, lex, s)
			k := attrKey(named, s)
			if c := people.at(ai, q.SpeakerStart, q.SpeakerEnd); c != nil {
				s, named, k = c.Label, true, "concept:"+c.ID
			}
			ni, ok := byKey[k]
			if !ok {
				ni = len(names)
				byKey[k] = ni
				names = append(names, &attrName{key: k, text: s, words: strings.Fields(strings.ToLower(s)), named: named})
			}
			names[ni].quotes++
			if named {
				at.Named[ai]++
			} else {
				at.Unnamed[ai]++
			}
			refs = append(refs, qref{ai, qi, ni})
		}
	}
	root := attrMerge(names)

	rows := map[int]*SpeakerRow{} // by root name
	seenVerb := map[int][]map[string]bool{}
	verbConn := map[string]string{}
	verbRE := map[string]*regexp.Regexp{}
	for _, r := range refs {
		a := arts[r.art]
		q := a.Quotes[r.q]
		speaker := ""
		var row *SpeakerRow
		if r.name >= 0 {
			ri := root[r.name]
			row = rows[ri]
			if row == nil {
				row = &SpeakerRow{Speaker: names[ri].text, Named: names[ri].named, Quotes: make([]int, n), Words: make([]int, n), Verbs: make([][]string, n)}
				rows[ri] = row
				seenVerb[ri] = make([]map[string]bool, n)
			}
			speaker = row.Speaker
			row.Quotes[r.art]++
			row.Words[r.art] += attrWords(q.Text)
			if v := strings.Join(strings.Fields(q.Verb), " "); v != "" {
				seen := seenVerb[ri]
				if seen[r.art] == nil {
					seen[r.art] = map[string]bool{}
				}
				if k := strings.ToLower(v); !seen[r.art][k] {
					seen[r.art][k] = true
					row.Verbs[r.art] = append(row.Verbs[r.art], v)
				}
			}
		}
		if strings.TrimSpace(q.Verb) == "" {
			continue
		}
		vk := strings.ToLower(strings.Join(strings.Fields(q.Verb), " "))
		conn, ok := verbConn[vk]
		if !ok {
			conn = attrConnotation(m, lex, q.Verb)
			verbConn[vk] = conn
		}
		re, ok := verbRE[vk]
		if !ok {
			re = attrVerbRE(q.Verb)
			verbRE[vk] = re
		}
		at.Verbs = append(at.Verbs, VerbUse{
			Article:     r.art,
			Verb:        q.Verb,
			Connotation: conn,
			Speaker:     speaker,
			Mention:     attrLocate(a, r.art, q, re),
		})
	}
	for _, row := range rows {
		at.Speakers = append(at.Speakers, *row)
	}
	slices.SortFunc(at.Speakers, func(x, y SpeakerRow) int {
		return cmp.Or(cmp.Compare(attrSum(y.Quotes), attrSum(x.Quotes)), strings.Compare(x.Speaker, y.Speaker))
	})
	return at
}

// publications are the names of the event's outlets, lower case, whole
// and by their first word ("norpress news (wire)", "norpress").
func publications(arts []*corpus.Article) map[string]bool {
	out := map[string]bool{}
	for _, a := range arts {
		if a == nil || a.Outlet == "" {
			continue
		}
		o := strings.ToLower(a.Outlet)
		out[o] = true
		if f := strings.Fields(o); len(f) > 1 && utf8.RuneCountInString(f[0]) >= 4 {
			out[f[0]] = true
		}
	}
	return out
}

// People names the speakers of quotes by the event's concepts, as the
// attribution table does (FindPeople), for the other tables that show
// speakers (quote groups).
type People struct{ idx people }

// NewPeople indexes the concepts that name someone (see FindPeople).
func NewPeople(arts []*corpus.Article, concepts []frame.Concept) People {
	return People{peopleIndex(arts, concepts)}
}

// Name is the label of the concept the quote's speaker was read from, if
// it is a name's; false if none (the speaker stays as the quote gives it).
func (p People) Name(art int, q corpus.Quote) (string, bool) {
	if c := p.idx.at(art, q.SpeakerStart, q.SpeakerEnd); c != nil {
		return c.Label, true
	}
	return "", false
}

// people indexes, per article, the mentions of the concepts that name
// someone: entity concepts (names, their short forms, titles and
// descriptions) the finder is not loose about.
type people map[int][]personMention

type personMention struct {
	start, end int
	c          *frame.Concept
}

func peopleIndex(arts []*corpus.Article, concepts []frame.Concept) people {
	p := people{}
	for i := range concepts {
		c := &concepts[i]
		if r, _ := utf8.DecodeRuneInString(c.Label); c.Source != frame.Entity || c.Confidence == frame.Loose || !unicode.IsUpper(r) {
			continue // a name's concept only ("Omar Vell"), not a noun phrase's ("the post")
		}
		for _, m := range c.Mentions {
			p[m.Article] = append(p[m.Article], personMention{m.Start, m.End, c})
		}
	}
	return p
}

// at is the concept with a mention over [start, end) of article a: the
// one sharing the most of it, at least half, and opening it ("Foreign
// Ministry" of "the Foreign Ministry"); nil if none.
func (p people) at(a, start, end int) *frame.Concept {
	if end <= start {
		return nil
	}
	var best *frame.Concept
	most := 0
	for _, m := range p[a] {
		// the name must open the speaker's phrase (but for a determiner):
		// "an aide to President Vell" is not Vell
		in := min(end, m.end) - max(start, m.start)
		if in > most && 2*in >= end-start && m.start-start <= 4 {
			best, most = m.c, in
		}
	}
	return best
}

// attrName is one distinct speaker name.
type attrName struct {
	key    string
	text   string   // as first written, spaces collapsed
	words  []string // lower-cased
	named  bool
	quotes int
}

// attrKey is the form in which two speaker names are one: named and
// unnamed speakers never share a key.
func attrKey(named bool, s string) string {
	k := strings.ToLower(s)
	if named {
		return "n:" + k
	}
	return "u:" + k
}

// attrNamed tells whether a speaker is a named person or body: an
// upper-case first letter and no anonymous-source phrase in it.
func attrNamed(m *lexicon.Matcher, lex *lexicon.Lexicon, s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range m.Find(s) {
		if slices.Contains(lex.Concepts[c.Concept].Tags, attrTagAnonymous) {
			return false
		}
	}
	return true
}

// attrSuffix tells whether the words of a end those of b.
func attrSuffix(a, b []string) bool {
	return len(a) <= len(b) && slices.Equal(a, b[len(b)-len(a):])
}

// attrMerge maps each name to the name whose row it joins, as Find
// describes.
func attrMerge(names []*attrName) []int {
	root := make([]int, len(names))
	for i := range names {
		root[i] = i
	}
	// maximal: named names that end no other named name.
	maximal := make([]bool, len(names))
	for i, a := range names {
		if !a.named {
			continue
		}
		maximal[i] = true
		for j, b := range names {
			if j != i && b.named && len(b.words) > len(a.words) && attrSuffix(a.words, b.words) {
				maximal[i] = false
				break
			}
		}
	}
	// The maximal names each named name may join.
	cands := make([][]int, len(names))
	weight := make([]int, len(names))
	for i, a := range names {
		if !a.named {
			continue
		}
		if maximal[i] {
			cands[i] = []int{i}
		} else {
			for j, b := range names {
				if maximal[j] && attrSuffix(a.words, b.words) {
					cands[i] = append(cands[i], j)
				}
			}
		}
		if len(cands[i]) == 1 {
			weight[cands[i][0]] += a.quotes
		}
	}
	for i := range names {
		c := cands[i]
		if len(c) == 0 {
			continue
		}
		best := c[0]
		for _, j := range c[1:] {
			if cmp.Or(
				cmp.Compare(weight[best], weight[j]),
				cmp.Compare(len(names[best].words), len(names[j].words)),
				cmp.Compare(len(names[best].text), len(names[j].text)),
				strings.Compare(names[j].key, names[best].key),
			) < 0 {
				best = j
			}
		}
		root[i] = best
	}
	// Two full names that are one name spelt two ways ("Sergey Rivera",
	// "Sergei Rivera": transliterations) are one speaker: the one quoted
	// more takes the other.
	for i, a := range names {
		if root[i] != i || !a.named {
			continue
		}
		for j, b := range names {
			if j == i || root[j] != j || !b.named || !attrSpelling(a.words, b.words) {
				continue
			}
			if a.quotes > b.quotes || (a.quotes == b.quotes && i < j) {
				for k := range root {
					if root[k] == j {
						root[k] = i
					}
				}
			}
		}
	}
	return root
}

// attrSpelling: two names of as many words, the last the same, the others
// the same but for one letter or a letter or two at the end.
func attrSpelling(a, b []string) bool {
	if len(a) != len(b) || len(a) < 2 || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	differ := false
	for k := range a[:len(a)-1] {
		if a[k] == b[k] {
			continue
		}
		if !align.SpellingVariant(a[k], b[k]) {
			return false
		}
		differ = true
	}
	return differ
}

// attrConnotation is the connotation of a reporting verb: the first tag
// other than "reporting-verb" of the longest reporting-verb concept
// matched in it.
func attrConnotation(m *lexicon.Matcher, lex *lexicon.Lexicon, verb string) string {
	cands := m.Find(verb)
	best := -1
	for i, c := range cands {
		if !slices.Contains(lex.Concepts[c.Concept].Tags, attrTagVerb) {
			continue
		}
		if best < 0 || c.Runes > cands[best].Runes || c.Runes == cands[best].Runes && c.Start < cands[best].Start {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	for _, t := range lex.Concepts[cands[best].Concept].Tags {
		if t != attrTagVerb {
			return t
		}
	}
	return ""
}

// attrVerbRE matches a verb's words, ignoring case and the spaces between
// them, as whole words.
func attrVerbRE(verb string) *regexp.Regexp {
	ws := strings.Fields(verb)
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	expr := strings.Join(ws, `\s+`)
	if r, _ := utf8.DecodeRuneInString(verb); attrASCIIWord(r) {
		expr = `\b` + expr
	}
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(verb)); attrASCIIWord(r) {
		expr += `\b`
	}
	re, err := regexp.Compile("(?i)" + expr)
	if err != nil {
		return nil
	}
	return re
}

func attrASCIIWord(r rune) bool {
	return r == '_' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// attrLocate finds the occurrence of a quote's verb nearest to the quote in
// its paragraph, outside quoted words; the zero Mention if none.
func attrLocate(a *corpus.Article, ai int, q corpus.Quote, re *regexp.Regexp) frame.Mention {
	if re == nil || q.Sentence < 0 || q.Sentence >= len(a.Sentences) {
		return frame.Mention{}
	}
	para := a.Sentences[q.Sentence].Para
	var best frame.Mention
	bestDist := -1
	for si, s := range a.Sentences {
		if s.Para != para {
			continue
		}
		for _, loc := range re.FindAllStringIndex(s.Text, -1) {
			start, end := a.Body.Span(s.BodyStart+loc[0], s.BodyStart+loc[1])
			if start >= end || InQuote(a, start, end) {
				continue
			}
			var d int
			switch {
			case end <= q.Start:
				d = q.Start - end
			case start >= q.End:
				d = start - q.End
			}
			if bestDist < 0 || d < bestDist {
				bestDist = d
				best = frame.Mention{Article: ai, Sentence: si, Start: start, End: end, Text: s.Text[loc[0]:loc[1]]}
			}
		}
	}
	return best
}

// InQuote tells whether the source span [start, end) overlaps the
// quoted words of a quote of a: whether it is a speaker's words rather
// than the report's own voice.
func InQuote(a *corpus.Article, start, end int) bool {
	for _, q := range a.Quotes {
		if start < q.End && q.Start < end {
			return true
		}
	}
	return false
}

// attrWords counts the words (and numbers) of a quote's text, as
// Article.Words counts them.
func attrWords(s string) int {
	n := 0
	for _, t := range token.Tokenize(s) {
		if t.Kind == token.Word || t.Kind == token.Number {
			n++
		}
	}
	return n
}

func attrSum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func attrSortMentions(ms []frame.Mention) {
	slices.SortFunc(ms, func(a, b frame.Mention) int {
		return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
}
