// Package lexicon reads the word lists the framing analyses match: concept
// files (a user's, or the generic pack of reporting verbs, hedges and
// anonymous sources, generic.yaml) and the loaded-word lexicon of strongly
// evaluative words (loaded.txt).
//
// In: a concept file (Load, Parse; Generic for the built-in pack), then
// the articles of one event (package corpus). Out: Match gives, per concept
// of the file with a mention, a frame.Concept (Source frame.Lexical) with
// its mentions (source offsets, runes), none overlapping, for
// frame.Options.Given and for packages attribution and choice; a Matcher
// finds the phrases in a single text (a quote's verb or speaker). Loaded
// maps each loaded word to why it is loaded. A file is read strictly:
// errors (*Error) name the file and line.
//
// Cost: Match is linear in the tokens of the event times the phrases
// sharing a first word stem, plus one regexp scan of each sentence per
// pattern (skipped where the pattern's literals are absent); see Match.
// The generic pack and the loaded words are parsed once and shared.
package lexicon

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/frame"
)

// Lexicon is a parsed concept file: a user's list of concepts, each with the
// phrases and patterns that name it (examples/README.md is the user's
// reference; generic.yaml and examples/sample-concepts.yaml are examples):
//
//	language: en                     # optional: match only articles in English
//	concepts:
//	  - id: islands                  # required, unique, [a-z0-9._-]+
//	    label: the disputed islands  # required
//	    tags: [place]                # optional
//	    note: a note on the concept  # optional, for the reader of the file
//	    phrases:                     # required, at least one
//	      - text: Silver Isles            # matched by word stems, see Match
//	        note: Norland's name        # optional, copied to each Mention
//	      - pattern: '\bSilver Isles?\b'  # Go regexp, case-insensitive;
//	                                      # (?P<m>...) marks a part only
//
// The file is read strictly: an unknown or repeated key, a missing id or
// label, a malformed or duplicate id, a concept without phrases, a phrase
// with neither or both of text and pattern, a text with no words and an
// invalid pattern are errors naming the file and line.
//
// A Lexicon is read-only once made (do not modify one returned by
// Parse, Load or Generic: the compiled phrases are kept
// alongside); Match may be called on it from several goroutines at once.
type Lexicon struct {
	Name string // the file name, for messages
	// Language is the ISO 639-1 code of the language the phrases are in
	// (the file's "language:" key); Match skips the articles known to be
	// in another. Empty: any language.
	Language string
	Concepts []Concept
}

// Concept is one concept of a concept file.
type Concept struct {
	ID, Label, Note string
	Tags            []string
	Phrases         []Phrase
	line            int
}

// Phrase is one way of naming a concept: Text (matched by word stems) or
// Pattern (a regular expression), never both.
type Phrase struct {
	Text, Pattern, Note string

	units []lexUnit      // Text, as matched; nil for a pattern
	re    *regexp.Regexp // Pattern, compiled with (?i)
	pre   prefilter      // Pattern's prefilter, when re is set by the parser
}

// Error is an error in a concept file, at a line (0 when unknown).
type Error struct {
	File string
	Line int
	Msg  string // the whole message after "file:line: ", causes included
	Err  error  // the cause, if any (a YAML or regexp error)
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.File + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Load reads and parses the concept file at path; errors name the path.
func Load(path string) (*Lexicon, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading concept file: %w", err)
	}
	return Parse(path, data)
}

//go:embed generic.yaml
var genericYAML []byte

var genericLexicon = sync.OnceValue(func() *Lexicon {
	l, err := Parse("generic.yaml", genericYAML)
	if err != nil {
		panic(err) // cannot happen: TestGeneric parses the same bytes
	}
	return l
})

// Generic returns the built-in, topic-free concept pack (generic.yaml):
// reporting verbs by connotation (tags "reporting-verb" and one of "neutral",
// "emphatic", "doubt", "admission", "attack", "positive"), hedges ("hedge"),
// certainty markers ("certainty") and anonymous sourcing
// ("anonymous-source"). It is parsed once and shared; do not modify it.
func Generic() *Lexicon { return genericLexicon() }

var lexIDRE = regexp.MustCompile(`^[a-z0-9._-]+$`)

var lexYAMLLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse parses a concept file; name is used in messages. Errors are
// *Error.
func Parse(name string, data []byte) (*Lexicon, error) {
	p := &lexParser{name: name}
	// Decoded to a Node rather than to structs with KnownFields, so that
	// every check (unknown keys included) can name its line in plain words.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, p.errf(0, nil, "empty concept file: want a \"concepts:\" list")
		}
		return nil, p.yamlErr(err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); err == nil {
		return nil, p.errf(more.Line, nil, "more than one YAML document")
	} else if !errors.Is(err, io.EOF) {
		return nil, p.yamlErr(err)
	}
	l := &Lexicon{Name: name}
	if err := p.file(&doc, l); err != nil {
		return nil, err
	}
	return l, nil
}

type lexParser struct{ name string }

func (p *lexParser) errf(line int, cause error, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if cause != nil {
		msg += ": " + cause.Error()
	}
	return &Error{File: p.name, Line: line, Msg: msg, Err: cause}
}

// yamlErr turns "yaml: line 3: did not find expected key" into
// "name:3: did not find expected key".
func (p *lexParser) yamlErr(err error) error {
	msg := err.Error()
	if m := lexYAMLLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: p.name, Line: line, Msg: "invalid YAML: " + m[2], Err: err}
	}
	return &Error{File: p.name, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: "), Err: err}
}

func yamlResolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// fields checks that n is a mapping whose keys are all in known, each at
// most once, and returns the values by key.
func (p *lexParser) fields(n *yaml.Node, what string, known ...string) (map[string]*yaml.Node, error) {
	n = yamlResolve(n)
	if n.Kind != yaml.MappingNode {
		return nil, p.errf(n.Line, nil, "%s: want a mapping of %s", what, strings.Join(known, ", "))
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	keyLine := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := yamlResolve(n.Content[i]), n.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode || !slices.Contains(known, key) {
			return nil, p.errf(k.Line, nil, "%s: unknown key %q (want %s)", what, key, strings.Join(known, ", "))
		}
		if first, dup := keyLine[key]; dup {
			return nil, p.errf(k.Line, nil, "%s: duplicate key %q (first at line %d)", what, key, first)
		}
		keyLine[key] = k.Line
		out[key] = v
	}
	return out, nil
}

// str returns the string value of a scalar ("" for null or absent).
func (p *lexParser) str(n *yaml.Node, what, key string) (string, error) {
	n = yamlResolve(n)
	if n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", p.errf(n.Line, nil, "%s: %s must be a string", what, key)
	}
	return n.Value, nil
}

func (p *lexParser) file(doc *yaml.Node, l *Lexicon) error {
	root := doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return p.errf(0, nil, "empty concept file: want a \"concepts:\" list")
		}
		root = root.Content[0]
	}
	top, err := p.fields(root, "concept file", "language", "concepts")
	if err != nil {
		return err
	}
	if l.Language, err = p.str(top["language"], "concept file", "language"); err != nil {
		return err
	}
	if l.Language != "" && !validLanguage(l.Language) {
		return p.errf(yamlResolve(top["language"]).Line, nil, "language %q: want an ISO 639-1 code such as en, fr, de", l.Language)
	}
	l.Language = strings.ToLower(l.Language)
	list := yamlResolve(top["concepts"])
	if list == nil || list.Kind == yaml.ScalarNode && list.Tag == "!!null" {
		line := yamlResolve(root).Line
		if list != nil {
			line = list.Line
		}
		return p.errf(line, nil, "no concepts: want a \"concepts:\" list")
	}
	if list.Kind != yaml.SequenceNode {
		return p.errf(list.Line, nil, "concepts must be a list")
	}
	if len(list.Content) == 0 {
		return p.errf(list.Line, nil, "no concepts: the list is empty")
	}
	seen := map[string]int{}
	for i, cn := range list.Content {
		c, err := p.concept(cn, i)
		if err != nil {
			return err
		}
		if first, dup := seen[c.ID]; dup {
			return p.errf(c.line, nil, "duplicate concept id %q (first at line %d)", c.ID, first)
		}
		seen[c.ID] = c.line
		l.Concepts = append(l.Concepts, c)
	}
	return nil
}

func (p *lexParser) concept(n *yaml.Node, i int) (Concept, error) {
	n = yamlResolve(n)
	what := fmt.Sprintf("concept %d", i+1)
	f, err := p.fields(n, what, "id", "label", "tags", "note", "phrases")
	if err != nil {
		return Concept{}, err
	}
	c := Concept{line: n.Line}
	if c.ID, err = p.str(f["id"], what, "id"); err != nil {
		return c, err
	}
	c.ID = strings.TrimSpace(c.ID)
	if c.ID == "" {
		return c, p.errf(n.Line, nil, "%s: missing id", what)
	}
	if !lexIDRE.MatchString(c.ID) {
		return c, p.errf(f["id"].Line, nil, "%s: id %q: use only a-z, 0-9, '.', '_' and '-'", what, c.ID)
	}
	what = fmt.Sprintf("concept %q", c.ID)
	if c.Label, err = p.str(f["label"], what, "label"); err != nil {
		return c, err
	}
	if c.Label = strings.TrimSpace(c.Label); c.Label == "" {
		return c, p.errf(n.Line, nil, "%s: missing label", what)
	}
	if c.Note, err = p.str(f["note"], what, "note"); err != nil {
		return c, err
	}
	c.Note = strings.TrimSpace(c.Note)
	if tn := yamlResolve(f["tags"]); tn != nil && !(tn.Kind == yaml.ScalarNode && tn.Tag == "!!null") {
		if tn.Kind != yaml.SequenceNode {
			return c, p.errf(tn.Line, nil, "%s: tags must be a list, e.g. [place, loaded]", what)
		}
		for _, t := range tn.Content {
			s, err := p.str(t, what, "a tag")
			if err != nil {
				return c, err
			}
			if s = strings.TrimSpace(s); s == "" {
				return c, p.errf(t.Line, nil, "%s: empty tag", what)
			}
			c.Tags = append(c.Tags, s)
		}
	}
	pn := yamlResolve(f["phrases"])
	if pn == nil || pn.Kind == yaml.ScalarNode && pn.Tag == "!!null" {
		return c, p.errf(n.Line, nil, "%s: no phrases", what)
	}
	if pn.Kind != yaml.SequenceNode {
		return c, p.errf(pn.Line, nil, "%s: phrases must be a list", what)
	}
	if len(pn.Content) == 0 {
		return c, p.errf(pn.Line, nil, "%s: no phrases", what)
	}
	for _, ph := range pn.Content {
		lp, err := p.phrase(ph, what)
		if err != nil {
			return c, err
		}
		c.Phrases = append(c.Phrases, lp)
	}
	return c, nil
}

func (p *lexParser) phrase(n *yaml.Node, what string) (Phrase, error) {
	n = yamlResolve(n)
	if n.Kind != yaml.MappingNode {
		return Phrase{}, p.errf(n.Line, nil, "%s: a phrase must be a mapping with text or pattern (- text: ...)", what)
	}
	f, err := p.fields(n, what+": phrase", "text", "pattern", "note")
	if err != nil {
		return Phrase{}, err
	}
	var ph Phrase
	if ph.Text, err = p.str(f["text"], what, "text"); err != nil {
		return ph, err
	}
	if ph.Pattern, err = p.str(f["pattern"], what, "pattern"); err != nil {
		return ph, err
	}
	if ph.Note, err = p.str(f["note"], what, "note"); err != nil {
		return ph, err
	}
	ph.Text, ph.Note = strings.TrimSpace(ph.Text), strings.TrimSpace(ph.Note)
	switch {
	case ph.Text == "" && ph.Pattern == "":
		return ph, p.errf(n.Line, nil, "%s: phrase needs text or pattern", what)
	case ph.Text != "" && ph.Pattern != "":
		return ph, p.errf(n.Line, nil, "%s: phrase has both text and pattern: give one per phrase", what)
	case ph.Text != "":
		ph.units = lexPhraseUnits(ph.Text)
		if ph.units == nil {
			return ph, p.errf(f["text"].Line, nil, "%s: phrase %q has no words to match", what, ph.Text)
		}
	default:
		re, err := regexp.Compile("(?i)" + ph.Pattern)
		if err != nil {
			return ph, p.errf(f["pattern"].Line, err, "%s: bad pattern %q", what, ph.Pattern)
		}
		ph.re = re
		ph.pre = newPrefilter(ph.Pattern)
	}
	return ph, nil
}

// lexUnit is one unit of a text as text phrases match it: a text (a
// phrase's, a title's, a sentence's) is the sequence of its tokens' units,
// as Match describes them.
type lexUnit struct {
	key         string // stem part, or Norm of a punctuation mark or symbol
	tok         int    // index of the token
	first, last bool   // the first/last part of its token
}

func lexHyphen(s string) bool { return s == "-" || s == "\u2010" || s == "\u2011" }

func lexWordy(k token.Kind) bool { return k == token.Word || k == token.Number }

// appendLexUnits appends the units of toks to dst.
func appendLexUnits(dst []lexUnit, toks []token.Token) []lexUnit {
	for i, t := range toks {
		switch t.Kind {
		case token.Word, token.Number:
			s := t.Stem
			n0 := len(dst)
			for s != "" {
				part, rest, _ := strings.Cut(s, "-")
				if part != "" {
					dst = append(dst, lexUnit{key: part, tok: i})
				}
				s = rest
			}
			if len(dst) == n0 { // a stem of hyphens only: cannot happen, but keep the token
				dst = append(dst, lexUnit{key: t.Stem, tok: i})
			}
			dst[n0].first = true
			dst[len(dst)-1].last = true
			continue
		case token.Punct:
			attachedBefore := i > 0 && toks[i-1].End == t.Start
			attachedAfter := i+1 < len(toks) && t.End == toks[i+1].Start
			if lexHyphen(t.Text) && attachedBefore && attachedAfter && lexWordy(toks[i-1].Kind) && lexWordy(toks[i+1].Kind) {
				continue
			}
			if t.Norm == "'" && attachedBefore && toks[i-1].Kind == token.Word {
				continue
			}
		}
		dst = append(dst, lexUnit{key: t.Norm, tok: i, first: true, last: true})
	}
	return dst
}

// lexPhraseUnits returns the units of a phrase's text, or nil when it has no
// word or number.
func lexPhraseUnits(text string) []lexUnit {
	toks := token.Tokenize(text)
	if !slices.ContainsFunc(toks, func(t token.Token) bool { return lexWordy(t.Kind) }) {
		return nil
	}
	return appendLexUnits(nil, toks)
}

// lexCompiled is a phrase ready for matching.
type lexCompiled struct {
	concept, phrase int
	units           []lexUnit
	re              *regexp.Regexp
	pre             prefilter // for re: literals one of which a match holds
}

// Matcher finds a Lexicon's phrases in one text at a time, as Match finds
// them in a sentence: its phrases indexed once, for many texts. A Matcher
// keeps scratch space from text to text: use one from one goroutine at a
// time.
type Matcher struct {
	byFirst  map[string][]lexCompiled // text phrases by the key of their first unit
	patterns []lexCompiled

	// scratch, reused from text to text
	units []lexUnit
	cands []Hit
	taken []bool
}

// NewMatcher indexes the phrases of l (a Lexicon parsed or built by hand).
func NewMatcher(l *Lexicon) *Matcher {
	m := &Matcher{byFirst: map[string][]lexCompiled{}}
	for ci := range l.Concepts {
		for pi := range l.Concepts[ci].Phrases {
			ph := &l.Concepts[ci].Phrases[pi]
			c := lexCompiled{concept: ci, phrase: pi, units: ph.units, re: ph.re, pre: ph.pre}
			// A Lexicon built by hand rather than parsed: compile here.
			if c.units == nil && c.re == nil {
				if strings.TrimSpace(ph.Text) != "" {
					c.units = lexPhraseUnits(ph.Text)
				} else if ph.Pattern != "" {
					c.re, _ = regexp.Compile("(?i)" + ph.Pattern) // invalid: skipped
					c.pre = newPrefilter(ph.Pattern)
				}
			}
			switch {
			case c.units != nil:
				k := c.units[0].key
				m.byFirst[k] = append(m.byFirst[k], c)
			case c.re != nil:
				m.patterns = append(m.patterns, c)
			}
		}
	}
	return m
}

// Hit is a phrase of a Lexicon found in one text.
type Hit struct {
	Concept, Phrase int // indexes into Lexicon.Concepts and its Phrases
	Start, End      int // byte offsets into the text
	Runes           int // the runes of text[Start:End]
}

// Find returns the phrases of the lexicon found in text, overlaps resolved
// as Match resolves them, in no particular order; the slice is reused by
// the next call.
func (m *Matcher) Find(text string) []Hit {
	return m.findTokens(text, nil)
}

// findTokens is Find with the tokens of text given (nil: tokenize it).
func (m *Matcher) findTokens(text string, toks []token.Token) []Hit {
	m.cands = m.cands[:0]
	if len(m.byFirst) > 0 {
		if toks == nil {
			toks = token.Tokenize(text)
		}
		m.units = appendLexUnits(m.units[:0], toks)
		us := m.units
		for i, u := range us {
			if !u.first {
				continue
			}
		phrases:
			for _, c := range m.byFirst[u.key] {
				n := len(c.units)
				if i+n > len(us) || !us[i+n-1].last {
					continue
				}
				for k := 1; k < n; k++ {
					if us[i+k].key != c.units[k].key {
						continue phrases
					}
				}
				b0, b1 := toks[u.tok].Start, toks[us[i+n-1].tok].End
				m.cands = append(m.cands, Hit{c.concept, c.phrase, b0, b1, utf8.RuneCountInString(text[b0:b1])})
			}
		}
	}
	lower := ""
	if len(m.patterns) > 0 {
		lower = strings.ToLower(text)
	}
	for _, c := range m.patterns {
		if !c.pre.keep(lower) {
			continue
		}
		g := c.re.SubexpIndex("m") // the marked part, if the pattern names one
		for _, loc := range c.re.FindAllStringSubmatchIndex(text, -1) {
			if g > 0 {
				loc = loc[2*g : 2*g+2]
			}
			if loc[0] >= 0 && loc[0] < loc[1] {
				m.cands = append(m.cands, Hit{c.concept, c.phrase, loc[0], loc[1], utf8.RuneCountInString(text[loc[0]:loc[1]])})
			}
		}
	}
	if len(m.cands) == 0 {
		return nil
	}
	// Longest match wins; ties go to the concept listed first, then the
	// phrase listed first, then the earlier match.
	slices.SortFunc(m.cands, func(a, b Hit) int {
		if a.Runes != b.Runes {
			return b.Runes - a.Runes
		}
		if a.Concept != b.Concept {
			return a.Concept - b.Concept
		}
		if a.Phrase != b.Phrase {
			return a.Phrase - b.Phrase
		}
		return a.Start - b.Start
	})
	if cap(m.taken) < len(text) {
		m.taken = make([]bool, len(text))
	}
	taken := m.taken[:len(text)]
	clear(taken)
	kept := m.cands[:0]
next:
	for _, c := range m.cands {
		for b := c.Start; b < c.End; b++ {
			if taken[b] {
				continue next
			}
		}
		for b := c.Start; b < c.End; b++ {
			taken[b] = true
		}
		kept = append(kept, c)
	}
	return kept
}

// validLanguage tells whether s looks like an ISO 639-1 code ("en"), with
// an optional region ("en-GB").
func validLanguage(s string) bool {
	code, region, _ := strings.Cut(s, "-")
	letters := func(s string, n int) bool {
		if len(s) != n {
			return false
		}
		for _, r := range s {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				return false
			}
		}
		return true
	}
	return letters(code, 2) && (region == "" || letters(region, 2))
}

// Match finds the concepts of the lexicon in the articles (those in its
// Language, when it has one): in each title that
// stands in the source (a.TitleSpan != nil; Mention.Sentence is -1) and in
// every sentence. It returns one frame.Concept (Source frame.Lexical) per concept of the
// file that has a mention, in file order, each with its mentions sorted by
// article and start. The result is deterministic.
//
// A text phrase matches a run of whole tokens whose word stems are the
// phrase's, so case and inflection do not matter: "hand over" matches
// "handing over", "Silver Isles" matches "silver isle".
// Precisely, phrase and text become sequences of units: each word or number
// gives the stem of each of its hyphen-separated parts ("hand-over" gives
// hand, over, so it matches "hand over" too; "so-called" matches "so
// called"), each other punctuation mark or symbol its normalised form. Two
// kinds of punctuation give no unit, so they neither break a match nor take
// part in one:
//   - a hyphen (- ‐ ‑; not an en or em dash) touching a word or number on
//     both sides: "U.S.-Norland alliance" matches "U.S. Norland alliance";
//   - an apostrophe touching the word before it, as in the plural possessive
//     "islands’ status" (a closing single quote looks the same, and is
//     skipped the same way).
//
// Every other mark, a spaced hyphen or a double hyphen included, breaks a
// match unless the phrase has the same mark at that point: "Silver Isles"
// does not match "silver, Isles", and a phrase "Mr. Smith" needs the
// period. The match must start at the start of a token and end at the end
// of one: "Norland" does not match inside "Norland-Southland". The mention runs
// from the first matched token's start to the last one's end.
//
// A pattern matches where its regexp does, case-insensitively, on the
// sentence or title text; empty matches are skipped. A pattern with a group
// named m marks only what the group matches: '\b(?P<m>officials) said\b'
// marks "officials" where "said" follows.
//
// Where matches overlap, the longest (in characters) is kept and the others
// dropped, whichever concepts they belong to; ties go to the concept listed
// first, then the phrase listed first, then the earlier match. So mentions
// never overlap and a source span belongs to one concept at most.
//
// Mention.Text is the matched text of the sentence or title: the source as
// written, except where the reader replaced characters (a soft line break
// read as a space, an HTML entity decoded). Mention.Note is the phrase's
// note. A title whose length differs from its TitleSpan (a title taken from
// a manifest that differs in length from the headline line of the source)
// is skipped, since offsets in it could not be mapped to the source.
//
// Cost: text phrases are indexed by their first stem, so each token is
// compared only with the phrases that start with its stem: O(T·(1+c·k)) for
// T tokens, c phrases sharing a first stem and k units a phrase (tokens ×
// phrases only when every phrase starts with the same stem), plus one
// regexp scan of each title and sentence per pattern, O(P·L) for P patterns
// and L bytes; overlapping matches are sorted per sentence. Titles and
// sentences are tokenized again, at about the cost of tokenizing the corpus.
func (l *Lexicon) Match(arts []*corpus.Article) []frame.Concept {
	out := []frame.Concept{}
	if l == nil || len(l.Concepts) == 0 {
		return out
	}
	m := NewMatcher(l)
	if len(m.byFirst) == 0 && len(m.patterns) == 0 {
		return out
	}
	mentions := make([][]frame.Mention, len(l.Concepts))
	for ai, a := range arts {
		if a == nil || l.Language != "" && !a.InLanguage(l.Language) {
			continue
		}
		if ts := a.TitleSpan; ts != nil && a.Title != "" && utf8.RuneCountInString(a.Title) == ts.End-ts.Start {
			for _, c := range m.findTokens(a.Title, a.TitleTokens()) {
				start := ts.Start + utf8.RuneCountInString(a.Title[:c.Start])
				mentions[c.Concept] = append(mentions[c.Concept], frame.Mention{
					Article: ai, Sentence: -1,
					Start: start, End: start + c.Runes,
					Text: a.Title[c.Start:c.End],
					Note: l.Concepts[c.Concept].Phrases[c.Phrase].Note,
				})
			}
		}
		for si, s := range a.Sentences {
			for _, c := range m.findTokens(s.Text, a.PlainTokens(si)) {
				start, end := a.Body.Span(s.BodyStart+c.Start, s.BodyStart+c.End)
				if start >= end {
					continue // text with no source (a separator the reader inserted)
				}
				mentions[c.Concept] = append(mentions[c.Concept], frame.Mention{
					Article: ai, Sentence: si,
					Start: start, End: end,
					Text: s.Text[c.Start:c.End],
					Note: l.Concepts[c.Concept].Phrases[c.Phrase].Note,
				})
			}
		}
	}
	for ci, ms := range mentions {
		if len(ms) == 0 {
			continue
		}
		slices.SortFunc(ms, func(a, b frame.Mention) int {
			if a.Article != b.Article {
				return a.Article - b.Article
			}
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			if a.End != b.End {
				return a.End - b.End
			}
			return a.Sentence - b.Sentence
		})
		lc := &l.Concepts[ci]
		out = append(out, frame.Concept{
			ID:       lc.ID,
			Label:    lc.Label,
			Source:   frame.Lexical,
			Tags:     slices.Clone(lc.Tags),
			Mentions: ms,
		})
	}
	return out
}

// loaded are strongly evaluative words with their valence (loaded.txt).
//
//go:embed loaded.txt
var loadedText string

var loadedWords = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(loadedText, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		w, v, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		switch v {
		case "-":
			m[w] = "a negative opinion word (opinion lexicon)"
		case "+":
			m[w] = "a positive opinion word (opinion lexicon)"
		default:
			if _, err := strconv.ParseFloat(v, 64); err == nil {
				m[w] = "a strongly evaluative word (valence " + v + " on -4..4)"
			}
		}
	}
	return m
})

// Loaded is the loaded-word lexicon: it maps each word of loaded.txt, a
// strongly evaluative word (English, lower case), to why it is loaded: its
// VADER valence, or its polarity in the opinion lexicon. The map is shared:
// do not modify it.
func Loaded() map[string]string { return loadedWords() }
