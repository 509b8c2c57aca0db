package align

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/quote"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/wordvec"
)

// Variant is one report's wording of a quoted statement.
type Variant struct {
	Article int    `json:"article"` // index into the articles given
	Quote   int    `json:"quote"`   // index into Article.Quotes
	Speaker string `json:"speaker"`
	Verb    string `json:"verb"`
	Text    string `json:"text"`
	Start   int    `json:"start"` // source offsets (runes)
	End     int    `json:"end"`
	// Reported: the report gives the statement as reported speech, not in
	// quotation marks ("Smith said the deal was dead"): Quote is -1, Text
	// is the sentence, Verb its reporting verb.
	Reported bool `json:"reported,omitempty"`
}

// QuoteCluster is one statement as several reports quote it: in full, in
// part, or in different words (translations).
type QuoteCluster struct {
	Speaker  string    `json:"speaker"` // the most specific speaker the variants name
	Variants []Variant `json:"variants"`
	Score    float64   `json:"score"` // the weakest link that joined it
	// Diffs are the word diffs from the first report's wording to each
	// other report's (a report quoting twice: its quotes joined by a space).
	Diffs []Diff `json:"diffs,omitempty"`
}

// MinQuoteScore is the least overlap for two quotes to be one statement:
// half of the shorter quote's weighted content words (a partial quote is
// all in the full one), counting a word of like meaning (softMatch) by its
// similarity.
const MinQuoteScore = 0.5

// minQuoteExact is the share of the shorter quote's weighted content
// words that must be there as written (translations and paraphrases
// still share names, numbers and most key words).
const minQuoteExact = 0.4

// synonymCos is the least cosine of two words' vectors for one to stand
// for the other ("shareholders", "stockholders").
const synonymCos = 0.7

// softMatch is how well a stem of a quote missing from another is matched
// there by a word of like meaning: the best cosine of its vector with the
// other's words' vectors when at least synonymCos, else 0.
func softMatch(vecs []stemVec, stem string, other []stemVec) float64 {
	var v wordvec.Vec
	for _, x := range vecs {
		if x.stem == stem {
			v = x.v
			break
		}
	}
	if !v.Ok() {
		return 0
	}
	best := 0.0
	for _, x := range other {
		if c := wordvec.Cosine(v, x.v); c >= synonymCos && c > best {
			best = c
		}
	}
	return best
}

// contentVecs calls add with the stem of every content word and number of
// text, and returns the vectors of its words other than names (a
// capitalised word after the first), by stem, once each.
func contentVecs(text string, add func(stem string)) []stemVec {
	var out []stemVec
	seen := map[string]bool{}
	first := true
	for _, t := range token.Tokenize(text) {
		if t.Kind != token.Word && t.Kind != token.Number {
			continue
		}
		name := false
		if t.Kind == token.Word {
			r, _ := utf8.DecodeRuneInString(t.Text)
			name = !first && unicode.IsUpper(r)
			first = false
		}
		if (t.Kind == token.Word && !t.Stop && len(t.Norm) > 1) || t.Kind == token.Number {
			add(t.Stem)
			if t.Kind == token.Word && !name && !seen[t.Stem] {
				seen[t.Stem] = true
				if v, ok := wordvec.Lookup(t.Norm); ok {
					out = append(out, stemVec{t.Stem, v})
				}
			}
		}
	}
	return out
}

// Quotes clusters the direct quotes of the articles of one event by
// statement. Two quotes of different reports are scored by the IDF-weighted
// share of the shorter one's content stems found in the other (so that a
// partial quote matches its full version), a stem missing there counting
// by its cosine with the other's closest word when at least synonymCos,
// once minQuoteExact of the share is there as written. A quote needs three
// content words: one of three must be there whole, one of up to five
// nearly so, as written; a phrase of two words joins only when quoted whole
// from one named speaker; a speaker named differently in both (different
// surnames) needs a high score as written. Clusters are made as claims are
// (average link, at most two quotes of one report). Then a report that
// gives one of a cluster's statements as reported speech (a sentence with
// no quotation, the speaker's surname next to a reporting verb, and
// minReported of the quote's words) joins it, with its best such sentence.
// Only statements given by two reports or more are returned, those most
// reports carry first.
//
// Known limit: a short quote of common words ("we will never give up") can
// match inside a longer quote of another speaker that uses the same words.
func Quotes(arts []*corpus.Article) []QuoteCluster { return quotes(arts, false) }

// quotes is Quotes; allPairs scores every pair (tests check that the
// prefix filter drops no link).
func quotes(arts []*corpus.Article, allPairs bool) []QuoteCluster {
	type qunit struct {
		v     Variant
		stems map[string]float64
		keys  []string  // the stems, sorted: sums run in one order
		vecs  []stemVec // words other than names, with a vector, by stem
	}
	var units []qunit
	df := map[string]int{}
	for ai, a := range arts {
		for qi, q := range a.Quotes {
			u := qunit{v: Variant{Article: ai, Quote: qi, Speaker: q.Speaker, Verb: q.Verb, Text: q.Text, Start: q.Start, End: q.End}, stems: map[string]float64{}}
			u.vecs = contentVecs(q.Text, func(stem string) { u.stems[stem] = 1 })
			u.keys = slices.Sorted(maps.Keys(u.stems))
			for _, s := range u.keys {
				df[s]++
			}
			units = append(units, u)
		}
	}
	n := float64(len(units))
	idfOf := make(map[string]float64, len(df))
	for s, d := range df {
		idfOf[s] = math.Log(1 + n/float64(d))
	}
	// overlap is the IDF-weighted share of the smaller stem set found in the
	// larger: exactly, and (soft) by a word of like meaning (softMatch),
	// and the size of the smaller set.
	overlap := func(a, b *qunit) (exact, soft float64, size int) {
		small, large := a, b
		if len(small.keys) > len(large.keys) {
			small, large = large, small
		}
		var common, near, total float64
		for _, s := range small.keys {
			w := idfOf[s]
			total += w
			if _, ok := large.stems[s]; ok {
				common += w
			}
		}
		if total == 0 {
			return 0, 0, 0
		}
		if common < minQuoteExact*total {
			return common / total, 0, len(small.keys) // too few words as written: no need of the rest
		}
		for _, s := range small.keys {
			if _, ok := large.stems[s]; !ok {
				near += idfOf[s] * softMatch(small.vecs, s, large.vecs)
			}
		}
		return common / total, near / total, len(small.keys)
	}
	// Only pairs that can reach MinQuoteScore are scored: the smaller
	// quote (the one overlap takes as such) must share with the other one
	// of its rarest stems, those that weigh more than the rest of it
	// together (prefix filtering). The pairs are those of the loop over
	// every pair, in its order, less pairs that score too low.
	index := map[string][]int32{}   // stem -> the quotes whose prefix holds it
	holding := map[string][]int32{} // stem -> the quotes that hold it
	prefix := make([][]string, len(units))
	for i := range units {
		u := &units[i]
		for _, s := range u.keys {
			holding[s] = append(holding[s], int32(i))
		}
		byWeight := slices.Clone(u.keys)
		slices.SortStableFunc(byWeight, func(a, b string) int { return cmp.Compare(idfOf[b], idfOf[a]) })
		var total float64
		for _, s := range u.keys {
			total += idfOf[s]
		}
		// rest: the weight of the stems after the prefix; a pair that
		// shares none of the prefix shares at most rest, under half.
		rest := total
		for _, s := range byWeight {
			if rest < minQuoteExact*total*(1-1e-9) { // (a margin for rounding)
				break
			}
			prefix[i] = append(prefix[i], s)
			index[s] = append(index[s], int32(i))
			rest -= idfOf[s]
		}
	}
	smallOf := func(i, j int) int { // the quote overlap takes as the smaller
		if len(units[i].keys) > len(units[j].keys) {
			return j
		}
		return i
	}
	var links []link
	var cand []int
	for i := range units {
		// candidates j > i: the prefix of the smaller of the two meets the
		// other's stems
		cand = cand[:0]
		if allPairs {
			for j := i + 1; j < len(units); j++ {
				cand = append(cand, j)
			}
		}
		for _, s := range prefix[i] {
			for _, j := range holding[s] {
				if int(j) > i && smallOf(i, int(j)) == i {
					cand = append(cand, int(j))
				}
			}
		}
		for _, s := range units[i].keys {
			for _, j := range index[s] {
				if int(j) > i && smallOf(i, int(j)) == int(j) {
					cand = append(cand, int(j))
				}
			}
		}
		slices.Sort(cand)
		cand = slices.Compact(cand)
		for _, j := range cand {
			a, b := units[i], units[j]
			if a.v.Article == b.v.Article {
				continue
			}
			exact, soft, size := overlap(&a, &b)
			sc := exact + soft
			// Three content words at least (shorter fragments are common
			// words, not a statement); a fragment of three must be there
			// whole, one of up to five nearly so, as written; a share of
			// the words must be the same words.
			if size == 2 && exact == 1 && namedSame(a.v.Speaker, b.v.Speaker) {
				// a phrase of two words quoted whole by both, from one
				// named speaker ("dangerous demagogue")
			} else if size < 3 || exact < minQuoteExact || sc < MinQuoteScore || size == 3 && exact < 1 || size <= 5 && exact < 0.8 {
				continue
			}
			if !sameSpeaker(a.v.Speaker, b.v.Speaker) && exact < 0.8 {
				continue
			}
			links = append(links, link{i, j, sc})
		}
	}
	article := make([]int, len(units))
	for i, u := range units {
		article[i] = u.v.Article
	}
	groups, weakest := cluster(article, links, links, MinQuoteScore, maxPerArticle)
	reported := reportedSpeech(arts)
	reportedBy := map[string][]int{} // a name next to the verb -> reported sentences
	for ri, r := range reported {
		for _, w := range slices.Sorted(maps.Keys(r.names)) {
			reportedBy[w] = append(reportedBy[w], ri)
		}
	}
	var out []QuoteCluster
	for g, members := range groups {
		c := QuoteCluster{Score: round3(weakest[g])}
		reports := map[int]bool{}
		for _, i := range members {
			c.Variants = append(c.Variants, units[i].v)
			reports[units[i].v.Article] = true
			if better(units[i].v.Speaker, c.Speaker) {
				c.Speaker = units[i].v.Speaker
			}
		}
		// Reports that give the statement as reported speech join it: per
		// report, the sentence that scores best against one of its quotes.
		type pick struct {
			v  Variant
			sc float64
		}
		var picks []pick
		var cands []int // the reported sentences naming a speaker of the group
		for _, i := range members {
			if last := surname(units[i].v.Speaker); last != "" {
				cands = append(cands, reportedBy[last]...)
			}
		}
		slices.Sort(cands)
		for _, ri := range slices.Compact(cands) {
			r := &reported[ri]
			if reports[r.v.Article] {
				continue
			}
			best := 0.0
			v := r.v
			for _, i := range members {
				if sc := r.against(&units[i].v, units[i].keys, units[i].vecs, idfOf); sc > best {
					best, v.Speaker = sc, units[i].v.Speaker
				}
			}
			if best == 0 {
				continue
			}
			k := slices.IndexFunc(picks, func(p pick) bool { return p.v.Article == r.v.Article })
			switch {
			case k < 0:
				picks = append(picks, pick{v, best})
			case best > picks[k].sc:
				picks[k] = pick{v, best}
			}
		}
		for _, p := range picks {
			c.Variants = append(c.Variants, p.v)
			reports[p.v.Article] = true
			c.Score = math.Min(c.Score, round3(p.sc))
		}
		if len(reports) >= 2 {
			c.Diffs = diffs(c.Variants, func(v Variant) int { return v.Article }, func(v Variant) string { return v.Text })
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(x, y int) bool { return len(out[x].Variants) > len(out[y].Variants) })
	return out
}

// minReported is the least share of a quote's weighted content words
// (exact or of like meaning) a sentence of reported speech must hold to
// give the same statement.
const minReported = 0.7

// reportedSentence is a sentence of a report that may give someone's words
// as reported speech: it holds no quotation and has a reporting verb with
// a capitalised word (a name) just before it or just after it ("Smith
// said", "Smith on Monday told", "said Smith").
type reportedSentence struct {
	v     Variant
	names map[string]bool // the capitalised words next to a reporting verb
	stems map[string]bool // its content stems and vectors, made by against when first needed
	vecs  []stemVec
}

// reportedReach is how many words before a reporting verb its subject's
// name may stand ("Smith on Monday said"), or after it ("said Smith").
const reportedReach = 3

// reportedSpeech lists the sentences of the articles that may be reported
// speech.
func reportedSpeech(arts []*corpus.Article) []reportedSentence {
	var out []reportedSentence
	for ai, a := range arts {
		quoted := map[int]bool{}
		for _, q := range a.Quotes {
			quoted[q.Sentence] = true
		}
		for si, s := range a.Sentences {
			if quoted[si] {
				continue
			}
			var words []token.Token
			for _, t := range a.PlainTokens(si) {
				if t.Kind == token.Word {
					words = append(words, t)
				}
			}
			verb := ""
			subject := map[string]bool{}
			for k, t := range words {
				if !quote.ReportingVerb(t.Norm) {
					continue
				}
				for _, w := range words[max(0, k-reportedReach):min(len(words), k+reportedReach/2+1)] {
					if r, _ := utf8.DecodeRuneInString(w.Text); unicode.IsUpper(r) && !w.Stop {
						subject[strings.TrimSuffix(strings.TrimSuffix(w.Text, "’s"), "'s")] = true
						if verb == "" {
							verb = t.Text
						}
					}
				}
			}
			if verb == "" {
				continue
			}
			out = append(out, reportedSentence{v: Variant{Article: ai, Quote: -1, Verb: verb, Text: s.Text, Start: s.Start, End: s.End, Reported: true},
				names: subject})
		}
	}
	return out
}

// against scores the sentence as reported speech of quote q (with its
// content stems and vectors): 0 unless it names q's speaker (a capitalised
// word of it) and holds at least minReported of q's weighted content
// words, minQuoteExact of them as written; else that share.
func (r *reportedSentence) against(q *Variant, keys []string, vecs []stemVec, idf map[string]float64) float64 {
	if len(keys) < 4 || !namedIn(q.Speaker, r.names) {
		return 0
	}
	if r.stems == nil { // the words, once a quote's speaker is named here
		r.stems = map[string]bool{}
		r.vecs = contentVecs(r.v.Text, func(stem string) { r.stems[stem] = true })
	}
	var exact, soft, total float64
	for _, s := range keys {
		w := idf[s]
		total += w
		if r.stems[s] {
			exact += w
		}
	}
	if total == 0 || exact < minQuoteExact*total {
		return 0
	}
	for _, s := range keys { // words of like meaning, only now
		if !r.stems[s] {
			soft += idf[s] * softMatch(vecs, s, r.vecs)
		}
	}
	if exact+soft < minReported*total {
		return 0
	}
	return (exact + soft) / total
}

// namedIn reports whether the surname of speaker is among names.
func namedIn(speaker string, in map[string]bool) bool {
	last := surname(speaker)
	return last != "" && in[last]
}

// surname is the last capitalised word of a speaker (not a title before
// it), without a possessive; "" if none.
func surname(speaker string) string {
	last := ""
	for _, w := range strings.Fields(speaker) {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ".,"), "’s"), "'s")
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1 {
			last = w
		}
	}
	return last
}

// better reports whether speaker a names the speaker better than b: a name
// before a title phrase ("Jane Doe" before "the minister"), then the longer.
func better(a, b string) bool {
	na, nb := len(names(a)) > 0, len(names(b)) > 0
	if na != nb {
		return na
	}
	return len(a) > len(b)
}

// names returns the capitalised words of a speaker string.
func names(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ".,")
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && utf8.RuneCountInString(w) > 1 {
			m[w] = true
		}
	}
	return m
}

// namedSame reports whether two speaker strings both name someone and share
// a capitalised word (a surname).
func namedSame(a, b string) bool {
	na, nb := names(a), names(b)
	for w := range na {
		if nb[w] {
			return true
		}
	}
	return false
}

// sameSpeaker reports whether two speaker strings may name one person: one
// unknown, or a capitalised word (a surname) in common.
func sameSpeaker(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	na, nb := names(a), names(b)
	if len(na) == 0 || len(nb) == 0 {
		return true // a title phrase ("the minister") may be anyone named
	}
	for w := range na {
		if nb[w] {
			return true
		}
	}
	return false
}
