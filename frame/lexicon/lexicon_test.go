package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/frame"
)

const lexSampleFile = "../../examples/sample-concepts.yaml"

func TestParse(t *testing.T) {
	const src = `# a comment
concepts:
  - id: islands
    label: the disputed islands
    tags: [place, name]
    note: a note
    phrases:
      - text: Northern Territories
        note: Japan's name
      - pattern: '\bSouth(ern)? Kurils?\b'
  - id: treaty
    label: peace treaty
    phrases:
      - text: peace treaty
`
	l, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "c.yaml" || len(l.Concepts) != 2 {
		t.Fatalf("got %+v", l)
	}
	c := l.Concepts[0]
	if c.ID != "islands" || c.Label != "the disputed islands" || c.Note != "a note" || !slices.Equal(c.Tags, []string{"place", "name"}) {
		t.Errorf("concept 0 = %+v", c)
	}
	if len(c.Phrases) != 2 || c.Phrases[0].Text != "Northern Territories" || c.Phrases[0].Note != "Japan's name" ||
		c.Phrases[1].Pattern != `\bSouth(ern)? Kurils?\b` || c.Phrases[1].Text != "" {
		t.Errorf("phrases = %+v", c.Phrases)
	}
	if l.Concepts[1].Tags != nil {
		t.Errorf("no tags: got %q", l.Concepts[1].Tags)
	}
}

func TestParseErrors(t *testing.T) {
	const head = "concepts:\n"
	// ok is a valid concept, two lines long, to put before a broken one.
	const ok = "  - {id: ok, label: fine, phrases: [{text: fine}]}\n"
	tests := []struct {
		name string
		src  string
		line int    // 0: any line, as the YAML parser reports it
		want string // in the message
	}{
		{"unknown top key", "concept:\n  - id: x\n", 1, `unknown key "concept"`},
		{"unknown concept key", head + "  - id: x\n    label: X\n    lable: X\n    phrases: [{text: x}]\n", 4, `concept 1: unknown key "lable"`},
		{"unknown phrase key", head + ok + "  - id: x\n    label: X\n    phrases:\n      - txt: x\n", 6, `concept "x": phrase: unknown key "txt"`},
		{"missing id", head + ok + "  - label: X\n    phrases: [{text: x}]\n", 3, "concept 2: missing id"},
		{"bad id", head + "  - id: Big Islands\n    label: X\n    phrases: [{text: x}]\n", 2, `id "Big Islands"`},
		{"missing label", head + "  - id: x\n    phrases: [{text: x}]\n", 2, `concept "x": missing label`},
		{"duplicate id", head + ok + "  - id: ok\n    label: again\n    phrases: [{text: x}]\n", 3, `duplicate concept id "ok" (first at line 2)`},
		{"duplicate key", head + "  - id: x\n    label: X\n    label: Y\n    phrases: [{text: x}]\n", 4, `duplicate key "label"`},
		{"no phrases", head + "  - id: x\n    label: X\n", 2, `concept "x": no phrases`},
		{"phrase needs text or pattern", head + ok + "  - id: x\n    label: X\n    phrases:\n      - note: lonely\n", 6, `concept "x": phrase needs text or pattern`},
		{"text and pattern", head + "  - id: x\n    label: X\n    phrases:\n      - {text: a, pattern: b}\n", 5, "both text and pattern"},
		{"no words", head + "  - id: x\n    label: X\n    phrases:\n      - text: '--'\n", 5, "no words"},
		{"bad regexp", head + ok + "  - id: x\n    label: X\n    phrases:\n      - pattern: 'South(ern'\n", 6, `concept "x": bad pattern "South(ern": error parsing regexp`},
		{"tags not a list", head + "  - id: x\n    label: X\n    tags: place\n    phrases: [{text: x}]\n", 4, "tags must be a list"},
		// The YAML parser reports the line where it noticed the error,
		// at or a little before it.
		{"bad yaml", head + "  - id: x\n    label: [X\n    phrases: []\n", 0, "invalid YAML"},
		{"bad yaml tab", head + "  - id: x\n    label: X\n\tphrases: []\n", 0, "invalid YAML: found a tab"},
		{"empty list", "concepts: []\n", 1, "no concepts"},
		{"not a mapping", "- id: x\n", 1, "concept file: want a mapping"},
		{"two documents", head + ok + "---\n" + head + ok, 3, "more than one YAML document"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := Parse("concepts.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error; got %+v", l)
			}
			var le *Error
			if !errors.As(err, &le) || le.File != "concepts.yaml" || le.Line <= 0 || tc.line > 0 && le.Line != tc.line {
				t.Fatalf("error %#v is not a *Error at line %d", err, tc.line)
			}
			prefix := fmt.Sprintf("concepts.yaml:%d: ", le.Line)
			if msg := err.Error(); !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q\nwant prefix %q and %q", msg, prefix, tc.want)
			}
			if msg := err.Error(); msg[len(prefix)] != strings.ToLower(msg[len(prefix) : len(prefix)+1])[0] {
				t.Errorf("message %q does not start lower-case", msg)
			}
		})
	}

	// The causes are wrapped.
	_, err := Parse("c.yaml", []byte(head+"  - {id: x, label: X, phrases: [{pattern: '(x'}]}\n"))
	var se *syntax.Error
	if !errors.As(err, &se) {
		t.Errorf("bad pattern: %v does not wrap a *syntax.Error", err)
	}
	_, err = Parse("c.yaml", []byte(head+"  - id: x\n    label: [X\n"))
	if errors.Unwrap(err) == nil {
		t.Errorf("bad YAML: %v wraps nothing", err)
	}

	// An empty file names the file.
	if _, err := Parse("empty.yaml", nil); err == nil || !strings.HasPrefix(err.Error(), "empty.yaml: ") {
		t.Errorf("empty file: %v", err)
	}
}

func TestLoad(t *testing.T) {
	if _, err := Load("testdata/no-such-file.yaml"); err == nil || !strings.Contains(err.Error(), "testdata/no-such-file.yaml") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	l, err := Load(lexSampleFile)
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != lexSampleFile {
		t.Errorf("Name = %q", l.Name)
	}
}

// lexLoad reads .txt files as articles, returning them with each file's text
// (as runes) in the same order.
func lexLoad(t *testing.T, files map[string]string) ([]*corpus.Article, map[string][]rune) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := map[string][]rune{}
	for _, a := range arts {
		src[a.Path] = []rune(files[a.Path])
	}
	return arts, src
}

func lexParse(t *testing.T, src string) *Lexicon {
	t.Helper()
	l, err := Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// lexCheckMentions checks what must hold of every Match result: the source at
// each mention's offsets is its Text, titles have Sentence -1, sentence
// mentions lie in their sentence, mentions are sorted and no two overlap,
// whatever their concepts.
func lexCheckMentions(t *testing.T, arts []*corpus.Article, src func(a *corpus.Article) []rune, got []frame.Concept) {
	t.Helper()
	type span struct {
		art, start, end int
		id              string
	}
	var all []span
	for _, c := range got {
		if c.Source != frame.Lexical {
			t.Errorf("%s: Source = %q", c.ID, c.Source)
		}
		if len(c.Mentions) == 0 {
			t.Errorf("%s: no mentions", c.ID)
		}
		for i, m := range c.Mentions {
			a := arts[m.Article]
			r := src(a)
			if m.Start < 0 || m.End > len(r) || m.Start >= m.End {
				t.Errorf("%s: mention %+v out of range", c.ID, m)
				continue
			}
			if s := string(r[m.Start:m.End]); s != m.Text {
				t.Errorf("%s: source[%d:%d] = %q, Text %q", c.ID, m.Start, m.End, s, m.Text)
			}
			switch {
			case m.Sentence == -1:
				if a.TitleSpan == nil || m.Start < a.TitleSpan.Start || m.End > a.TitleSpan.End {
					t.Errorf("%s: title mention %+v outside the title %+v", c.ID, m, a.TitleSpan)
				}
			case m.Sentence < 0 || m.Sentence >= len(a.Sentences):
				t.Errorf("%s: mention %+v: bad sentence", c.ID, m)
			default:
				if s := a.Sentences[m.Sentence]; m.Start < s.Start || m.End > s.End {
					t.Errorf("%s: mention %+v outside its sentence [%d,%d)", c.ID, m, s.Start, s.End)
				}
			}
			if i > 0 {
				p := c.Mentions[i-1]
				if p.Article > m.Article || p.Article == m.Article && p.Start > m.Start {
					t.Errorf("%s: mentions out of order: %+v before %+v", c.ID, p, m)
				}
			}
			all = append(all, span{m.Article, m.Start, m.End, c.ID})
		}
	}
	slices.SortFunc(all, func(a, b span) int {
		if a.art != b.art {
			return a.art - b.art
		}
		return a.start - b.start
	})
	for i := 1; i < len(all); i++ {
		if p, m := all[i-1], all[i]; p.art == m.art && m.start < p.end {
			t.Errorf("overlapping mentions: %s [%d,%d) and %s [%d,%d)", p.id, p.start, p.end, m.id, m.start, m.end)
		}
	}
}

// lexTexts lists the mentions of concept id as Text strings.
func lexTexts(got []frame.Concept, id string) []string {
	var out []string
	for _, c := range got {
		if c.ID == id {
			for _, m := range c.Mentions {
				out = append(out, m.Text)
			}
		}
	}
	return out
}

func TestMatch(t *testing.T) {
	const lex = `concepts:
  - id: handover
    label: handing over
    phrases:
      - text: hand over
        note: one side's word
  - id: names
    label: the islands
    phrases:
      - text: Northern Territories
      - pattern: '\bSouth(ern)? Kuril(e)?s?\b'
  - id: chain
    label: the chain
    phrases:
      - text: Kuril Islands
  - id: full
    label: the full name
    phrases:
      - text: Southern Kuril Islands
  - id: treaty
    label: the treaty
    phrases:
      - text: peace treaty
  - id: treaty-again
    label: the treaty, listed second
    phrases:
      - text: peace treaty
      - text: treaty talks
  - id: alliance
    label: the alliance
    phrases:
      - text: U.S. Japan alliance
      - text: islands status
      - text: Mr. Smith
  - id: japan
    label: Japan
    phrases:
      - text: Japan
  - id: unnamed
    label: unnamed officials
    phrases:
      - pattern: '\b(?P<m>officials) (said|told)\b'
`
	l := lexParse(t, lex)
	tests := []struct {
		name string
		body string
		want map[string][]string // concept id → mention texts, in order
	}{
		{
			name: "stems across inflections and compounds",
			body: "Tokyo wants the handing over of the islands. The hand-over was agreed. They handed the islands over. She hands over the keys. The northern territory is cold.",
			want: map[string][]string{"handover": {"handing over", "hand-over", "hands over"}, "names": {"northern territory"}},
		},
		{
			name: "a pattern's group m is the mention; the rest must be there",
			body: "Officials said the talks failed. The officials were tired, officials told reporters.",
			want: map[string][]string{"unnamed": {"Officials", "officials"}},
		},
		{
			name: "pattern, case-insensitive",
			body: "Moscow means the SOUTH KURILES, or the southern kurils.",
			want: map[string][]string{"names": {"SOUTH KURILES", "southern kurils"}},
		},
		{
			name: "longest match wins across concepts",
			body: "The Southern Kuril Islands lie north. The Kuril Islands are long. The South Kurils are disputed.",
			// "Southern Kuril Islands": full (22 runes) beats names' pattern
			// "Southern Kuril" (14) and chain's "Kuril Islands" (13).
			want: map[string][]string{"full": {"Southern Kuril Islands"}, "chain": {"Kuril Islands"}, "names": {"South Kurils"}},
		},
		{
			name: "ties go to the concept listed first",
			body: "They want peace treaty talks soon.",
			// "peace treaty" (treaty, listed before treaty-again) and
			// "treaty talks" overlap and are as long: treaty wins.
			want: map[string][]string{"treaty": {"peace treaty"}},
		},
		{
			name: "hyphens and apostrophes",
			body: "The U.S.-Japan alliance held. The islands’ status is unclear. Mr. Smith came. The Japan-Russia talks and the islands, status quo.",
			// An attached hyphen and a possessive apostrophe do not break a
			// match; a comma does, and "Japan" is not matched inside the
			// compound "Japan-Russia".
			want: map[string][]string{"alliance": {"U.S.-Japan alliance", "islands’ status", "Mr. Smith"}},
		},
		{
			name: "dashes break a match",
			body: "The peace - treaty. The peace – treaty. The peace--treaty.",
			want: map[string][]string{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A first line ending with a period is not taken for a headline.
			arts, src := lexLoad(t, map[string]string{"a.txt": tc.body + "\n"})
			got := l.Match(arts)
			lexCheckMentions(t, arts, func(a *corpus.Article) []rune { return src[a.Path] }, got)
			gotTexts := map[string][]string{}
			for _, c := range got {
				gotTexts[c.ID] = lexTexts(got, c.ID)
			}
			if !reflect.DeepEqual(gotTexts, tc.want) {
				t.Errorf("got  %q\nwant %q", gotTexts, tc.want)
			}
		})
	}
}

func TestMatchNote(t *testing.T) {
	l := lexParse(t, "concepts:\n  - id: x\n    label: X\n    tags: [a, b]\n    phrases:\n      - text: hand over\n        note: the note\n")
	arts, _ := lexLoad(t, map[string]string{"a.txt": "They are handing over the keys.\n"})
	got := l.Match(arts)
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	want := frame.Concept{ID: "x", Label: "X", Source: frame.Lexical, Tags: []string{"a", "b"}, Mentions: []frame.Mention{{
		Article: 0, Sentence: 0, Start: len([]rune("They are ")), End: len([]rune("They are handing over")), Text: "handing over", Note: "the note",
	}}}
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("got  %+v\nwant %+v", got[0], want)
	}
	// The result does not share the lexicon's tags.
	got[0].Tags[0] = "changed"
	if l.Concepts[0].Tags[0] != "a" {
		t.Error("Match returned the lexicon's Tags slice")
	}
}

func TestMatchTitleAndOffsets(t *testing.T) {
	// Titles (the headline line of a capture), several articles, and
	// non-ASCII text before the mentions, so rune and byte offsets differ.
	files := map[string]string{
		"a.txt": "Peace treaty talks stall over the “Northern Territories”\n\n" +
			"Le café près de l’école: the “Northern Territories” — Japan’s name — and the peace treaty.\n" +
			"Ça va? Déjà vu, the handing over of Shikotan was discussed.\n",
		"b.txt": "No treaty in sight as the leaders meet again\n\n" +
			"Émigrés said the peace treaty was handed over… to nobody.\n",
	}
	arts, src := lexLoad(t, files)
	l := lexParse(t, `concepts:
  - id: names
    label: names
    phrases: [{text: Northern Territories}]
  - id: treaty
    label: treaty
    phrases: [{text: peace treaty}]
  - id: handover
    label: handover
    phrases: [{text: hand over}, {pattern: 'déjà vu'}]
`)
	got := l.Match(arts)
	lexCheckMentions(t, arts, func(a *corpus.Article) []rune { return src[a.Path] }, got)

	var a *corpus.Article
	ai := -1
	for i, x := range arts {
		if x.Path == "a.txt" {
			a, ai = x, i
		}
	}
	if a == nil || a.TitleSpan == nil {
		t.Fatalf("a.txt: no title found: %+v", a)
	}
	// The title's mentions: Sentence -1, offsets in the source.
	title := "Peace treaty talks stall over the “Northern Territories”"
	wantTitle := map[string]frame.Mention{
		"treaty": {Article: ai, Sentence: -1, Start: 0, End: len([]rune("Peace treaty")), Text: "Peace treaty"},
		"names": {Article: ai, Sentence: -1, Start: len([]rune("Peace treaty talks stall over the “")),
			End: len([]rune(title)) - 1, Text: "Northern Territories"},
	}
	for _, c := range got {
		w, ok := wantTitle[c.ID]
		if !ok {
			continue
		}
		if len(c.Mentions) == 0 || c.Mentions[0] != w {
			t.Errorf("%s: first mention %+v, want %+v", c.ID, c.Mentions, w)
		}
	}
	want := map[string][]string{
		"names":    {"Northern Territories", "Northern Territories"},
		"treaty":   {"Peace treaty", "peace treaty", "peace treaty"},
		"handover": {"Déjà vu", "handing over", "handed over"},
	}
	for id, w := range want {
		if g := lexTexts(got, id); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: got %q, want %q", id, g, w)
		}
	}
}

func TestMatchTitleFromManifest(t *testing.T) {
	// The manifest's title says the headline line in other characters: its
	// offsets cannot be mapped, so the title is not searched.
	files := map[string]string{
		"a.txt":         "PEACE TREATY TALKS STALL -- AGAIN\n\nThe peace treaty talks stalled again on Monday.\n",
		"biasdiff.yaml": "articles:\n  - path: a.txt\n    title: Peace treaty talks stall again\n",
	}
	arts, src := lexLoad(t, files)
	if len(arts) != 1 || arts[0].TitleSpan == nil {
		t.Fatalf("want one article with a title span, got %+v", arts)
	}
	l := lexParse(t, "concepts:\n  - {id: t, label: T, phrases: [{text: peace treaty}]}\n")
	got := l.Match(arts)
	lexCheckMentions(t, arts, func(a *corpus.Article) []rune { return src[a.Path] }, got)
	if len(got) != 1 || len(got[0].Mentions) != 1 || got[0].Mentions[0].Sentence != 0 {
		t.Errorf("want one mention, in sentence 0: %+v", got)
	}
}

func TestParseAliases(t *testing.T) {
	l := lexParse(t, `concepts:
  - id: a
    label: A
    tags: &tags [x, y]
    phrases:
      - &p {text: peace treaty, note: shared}
  - id: b
    label: B
    tags: *tags
    phrases: [*p]
`)
	if b := l.Concepts[1]; !slices.Equal(b.Tags, []string{"x", "y"}) || len(b.Phrases) != 1 || b.Phrases[0].Note != "shared" {
		t.Errorf("aliases: got %+v", b)
	}
}

func TestMatchEdgeCases(t *testing.T) {
	arts, _ := lexLoad(t, map[string]string{"a.txt": "The peace treaty is a pact.\n"})
	if got := (*Lexicon)(nil).Match(arts); len(got) != 0 {
		t.Errorf("nil lexicon: %+v", got)
	}
	l := lexParse(t, "concepts:\n  - {id: x, label: X, phrases: [{pattern: 'z*'}]}\n")
	if got := l.Match(arts); len(got) != 0 {
		t.Errorf("empty matches are skipped, got %+v", got)
	}
	// A Lexicon made by hand, not parsed, still matches.
	hand := &Lexicon{Concepts: []Concept{{ID: "t", Label: "T", Phrases: []Phrase{{Text: "peace treaty"}, {Pattern: `\bpact\b`}, {Pattern: "("}}}}}
	got := hand.Match(arts)
	if g := lexTexts(got, "t"); !slices.Equal(g, []string{"peace treaty", "pact"}) {
		t.Errorf("hand-made lexicon: %q", g)
	}
	// Deterministic.
	l2 := lexParse(t, "concepts:\n  - {id: a, label: A, phrases: [{text: peace}, {text: treaty}]}\n  - {id: b, label: B, phrases: [{pattern: 'peace|treaty|pact'}]}\n")
	first := l2.Match(arts)
	for range 5 {
		if again := l2.Match(arts); !reflect.DeepEqual(first, again) {
			t.Fatalf("Match is not deterministic:\n%+v\n%+v", first, again)
		}
	}
	if g := lexTexts(first, "a"); !slices.Equal(g, []string{"peace", "treaty"}) {
		t.Errorf("a: %q", g)
	}
	if g := lexTexts(first, "b"); !slices.Equal(g, []string{"pact"}) {
		t.Errorf("b: %q", g)
	}
}

func TestGeneric(t *testing.T) {
	g, err := Parse("generic.yaml", genericYAML)
	if err != nil {
		t.Fatal(err)
	}
	if first, again := Generic(), Generic(); first != again || len(first.Concepts) != len(g.Concepts) {
		t.Error("Generic is not parsed once")
	}
	wantTags := map[string][]string{
		"verb.neutral":     {"reporting-verb", "neutral"},
		"verb.emphatic":    {"reporting-verb", "emphatic"},
		"verb.doubt":       {"reporting-verb", "doubt"},
		"verb.admission":   {"reporting-verb", "admission"},
		"verb.attack":      {"reporting-verb", "attack"},
		"verb.positive":    {"reporting-verb", "positive"},
		"verb.complaint":   {"reporting-verb", "complaint"},
		"verb.insistence":  {"reporting-verb", "insistence"},
		"hedge":            {"hedge"},
		"certainty":        {"certainty"},
		"comment":          {"comment"},
		"source.anonymous": {"anonymous-source"},
	}
	for _, c := range g.Concepts {
		if w, ok := wantTags[c.ID]; !ok || !slices.Equal(c.Tags, w) {
			t.Errorf("%s: tags %q, want %q", c.ID, c.Tags, w)
		}
		delete(wantTags, c.ID)
	}
	if len(wantTags) > 0 {
		t.Errorf("missing concepts: %v", wantTags)
	}

	tests := []struct {
		sentence string
		want     map[string][]string
	}{
		{"Russia stiffened its stance, diplomatic sources said Saturday.",
			map[string][]string{"source.anonymous": {"diplomatic sources"}, "verb.neutral": {"said"}}},
		{"The minister slammed the plan.", map[string][]string{"verb.attack": {"slammed"}}},
		{"The talks reportedly stalled.", map[string][]string{"hedge": {"reportedly"}}},
		// Words that share a stem with a reporting word are not taken for it.
		{"The report on the state of the declaration is likely late.", map[string][]string{"hedge": {"likely"}}},
		{"He stated it, she reported it, and they declared it.",
			map[string][]string{"verb.neutral": {"stated", "reported"}, "verb.emphatic": {"declared"}}},
		{"According to sources, it is said that critics say so.",
			map[string][]string{"source.anonymous": {"According to sources", "critics"}, "hedge": {"it is said"}}},
		{"The so-called plan, a so called deal.", map[string][]string{"hedge": {"so-called", "so called"}}},
		{"Strikingly, the plan failed; predictably, nobody said so.", map[string][]string{"comment": {"Strikingly", "predictably"}, "verb.neutral": {"said"}}},
		{"He lashed out, then is lashing out again.", map[string][]string{"verb.attack": {"lashed out", "lashing out"}}},
	}
	for _, tc := range tests {
		arts, src := lexLoad(t, map[string]string{"a.txt": tc.sentence + "\n"})
		got := Generic().Match(arts)
		lexCheckMentions(t, arts, func(a *corpus.Article) []rune { return src[a.Path] }, got)
		gotTexts := map[string][]string{}
		for _, c := range got {
			gotTexts[c.ID] = lexTexts(got, c.ID)
		}
		if !reflect.DeepEqual(gotTexts, tc.want) {
			t.Errorf("%q:\ngot  %q\nwant %q", tc.sentence, gotTexts, tc.want)
		}
	}
}

// TestTextPhrasesMatchThemselves checks every text phrase of the built-in
// pack and the example file: set in a sentence, it is a mention of its own
// concept (no typo in it, and no longer phrase of another concept eats it).
func TestTextPhrasesMatchThemselves(t *testing.T) {
	ex, err := Load(lexSampleFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []*Lexicon{Generic(), ex} {
		for _, c := range l.Concepts {
			for _, p := range c.Phrases {
				if p.Text == "" {
					continue
				}
				arts, _ := lexLoad(t, map[string]string{"a.txt": "Then " + p.Text + " was it.\n"})
				if g := lexTexts(l.Match(arts), c.ID); !slices.Contains(g, p.Text) {
					t.Errorf("%s: %s: phrase %q matches %q in its own concept", l.Name, c.ID, p.Text, g)
				}
			}
		}
	}
}

// TestSampleConcepts runs the example concept file on the sample corpus.
func TestSampleConcepts(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srcs := map[string][]rune{}
	for _, a := range arts {
		data, err := fs.ReadFile(sample.FS, a.Path)
		if err != nil {
			t.Fatal(err)
		}
		srcs[a.Path] = []rune(string(data))
	}
	src := func(a *corpus.Article) []rune { return srcs[a.Path] }
	l, err := Load(lexSampleFile)
	if err != nil {
		t.Fatal(err)
	}
	got := l.Match(arts)
	lexCheckMentions(t, arts, src, got)

	byID := map[string]frame.Concept{}
	for _, c := range got {
		byID[c.ID] = c
	}
	for _, c := range l.Concepts {
		if len(byID[c.ID].Mentions) == 0 {
			t.Errorf("%s: no mention in the sample", c.ID)
		}
	}
	const minArticles = 3
	in := map[int]bool{}
	for _, m := range byID["islands"].Mentions {
		in[m.Article] = true
	}
	if len(in) < minArticles {
		t.Errorf("islands: mentions in %d articles, want at least %d", len(in), minArticles)
	}

	// Every phrase occurs in the sample on its own (before longer phrases
	// take their text).
	for _, c := range l.Concepts {
		for _, p := range c.Phrases {
			one := &Lexicon{Name: "one", Concepts: []Concept{{ID: c.ID, Label: c.Label, Phrases: []Phrase{p}}}}
			if got := one.Match(arts); len(got) == 0 {
				t.Errorf("%s: phrase %q (pattern %q) does not occur in the sample", c.ID, p.Text, p.Pattern)
			}
		}
	}

	// The generic pack on the sample: the invariants hold there too.
	gen := Generic().Match(arts)
	lexCheckMentions(t, arts, src, gen)

	if testing.Verbose() {
		for _, c := range append(got, gen...) {
			for _, m := range c.Mentions {
				t.Logf("%-16s %-22s %4d %-40q %s", c.ID, arts[m.Article].Path, m.Sentence, m.Text, m.Note)
			}
		}
	}
}

// TestLexiconLanguage: a concept file with a language matches only the
// articles in it (or of no known language); a bad code is an error naming
// the line.
func TestLexiconLanguage(t *testing.T) {
	l := lexParse(t, "language: fr\nconcepts:\n  - id: talks\n    label: the talks\n    phrases:\n      - text: pourparlers\n")
	if l.Language != "fr" {
		t.Fatalf("Language %q, want fr", l.Language)
	}
	arts, _ := lexLoad(t, map[string]string{
		"a.txt": "Reprise\n\nLes pourparlers reprennent lundi.\n",
		"b.txt": "Suite\n\nLes pourparlers continuent mardi.\n",
		"c.txt": "Fin\n\nLes pourparlers se terminent mercredi.\n",
	})
	arts[0].Language, arts[1].Language, arts[2].Language = "fr", "en", ""
	got := map[int]bool{}
	for _, c := range l.Match(arts) {
		for _, m := range c.Mentions {
			got[m.Article] = true
		}
	}
	if !got[0] || got[1] || !got[2] {
		t.Errorf("matched articles %v, want the French one and the one of no known language", got)
	}
	_, err := Parse("bad.yaml", []byte("language: French\nconcepts:\n  - id: a\n    label: a\n    phrases:\n      - text: a\n"))
	if err == nil || !strings.Contains(err.Error(), "bad.yaml:1:") || !strings.Contains(err.Error(), "ISO 639-1") {
		t.Errorf("bad language: %v, want an error naming bad.yaml:1 and the code wanted", err)
	}
	if Generic().Language != "en" {
		t.Errorf("the generic pack's language is %q, want en", Generic().Language)
	}
}
