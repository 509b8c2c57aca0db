package attribution

import (
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/lexicon"
)

// The attribution test event: two reports, built from these parts so that
// every expected figure below is a formula of them.
const (
	attrFull  = "Jane Doe" // the fullest form of the minister's name
	attrShort = "Doe"      // her short form
	attrOther = "John Roe"

	attrQ1 = "We will not give up" // attrFull said, in A
	attrQ2 = "absurd"              // attrShort blasted, in A (a fragment)
	attrQ3 = "It is clearly over"  // attrShort stressed, in A
	attrQ4 = "This is a good day"  // attrOther told, in B
	attrQ5 = "We are not finished" // attrFull claimed, in B
	attrQ6 = "Nothing will change" // no speaker, in B

	attrAnonA   = "Diplomatic sources" // anonymous sourcing in A
	attrAnonB   = "officials"          // anonymous sourcing in B
	attrHedgeA  = "reportedly"         // a hedge in A
	attrCertA   = "Clearly"            // a certainty marker in A (the "clearly" of attrQ3 is Doe's)
	attrHedgeB  = "apparently"         // a hedge in B
	attrPraised = "praised"            // a reporting verb with no quote: no VerbUse
)

var (
	attrTextA = "Minister vows to fight on as the talks stall\n\n" +
		`"` + attrQ1 + `," Minister ` + attrFull + ` said. ` + attrShort + ` blasted the plan as "` + attrQ2 + `." ` +
		attrAnonA + " said the talks stalled.\n" +
		"The deal " + attrHedgeA + ` collapsed. "` + attrQ3 + `," ` + attrShort + " stressed. " + attrCertA + ", the plan failed.\n"
	attrTextB = "The deal collapses after a long night of talks\n\n" +
		`"` + attrQ6 + `."` + "\n" +
		"The deal " + attrHedgeB + " collapsed, " + attrAnonB + ` said. "` + attrQ4 + `," ` + attrOther + " told reporters. " +
		"Roe " + attrPraised + ` the outcome. "` + attrQ5 + `," ` + attrFull + " claimed.\n"
)

func attrLoad(t *testing.T, files map[string]string) ([]*corpus.Article, map[string]string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := map[string]string{}
	for _, a := range arts {
		src[a.ID] = files[a.Path]
	}
	return arts, src
}

func attrIndex(t *testing.T, arts []*corpus.Article, id string) int {
	t.Helper()
	i := slices.IndexFunc(arts, func(a *corpus.Article) bool { return a.ID == id })
	if i < 0 {
		t.Fatalf("no article %q", id)
	}
	return i
}

// attrRunes is the rune offset of the first occurrence of s in text.
func attrRunes(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the text", s)
	}
	return utf8.RuneCountInString(text[:i])
}

// attrCheckSpan checks that the source at [m.Start, m.End) is m.Text.
func attrCheckSpan(t *testing.T, what string, src string, m frame.Mention) {
	t.Helper()
	r := []rune(src)
	if m.Start < 0 || m.End > len(r) || m.Start >= m.End {
		t.Errorf("%s %q: bad span [%d,%d)", what, m.Text, m.Start, m.End)
		return
	}
	if got := string(r[m.Start:m.End]); got != m.Text {
		t.Errorf("%s: source at [%d,%d) is %q, mention text %q", what, m.Start, m.End, got, m.Text)
	}
}

func attrWordsOf(qs ...string) int {
	n := 0
	for _, q := range qs {
		n += len(strings.Fields(q))
	}
	return n
}

func TestAttributionsEvent(t *testing.T) {
	arts, src := attrLoad(t, map[string]string{"a.txt": attrTextA, "b.txt": attrTextB})
	ia, ib := attrIndex(t, arts, "a"), attrIndex(t, arts, "b")
	at := Find(arts, lexicon.Generic())

	// Speakers: Doe and Jane Doe are one row named attrFull, first with the
	// most quotes; John Roe second.
	wantRows := []string{attrFull, attrOther}
	var gotRows []string
	for _, r := range at.Speakers {
		gotRows = append(gotRows, r.Speaker)
	}
	if !slices.Equal(gotRows, wantRows) {
		t.Fatalf("speakers %q, want %q", gotRows, wantRows)
	}
	doe, roe := at.Speakers[0], at.Speakers[1]
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", what, got, want)
		}
	}
	quotesA := []string{attrQ1, attrQ2, attrQ3} // all Doe's
	check("Doe quotes in A", doe.Quotes[ia], len(quotesA))
	check("Doe words in A", doe.Words[ia], attrWordsOf(quotesA...))
	check("Doe verbs in A", doe.Verbs[ia], []string{"said", "blasted", "stressed"})
	check("Doe quotes in B", doe.Quotes[ib], len([]string{attrQ5}))
	check("Doe words in B", doe.Words[ib], attrWordsOf(attrQ5))
	check("Doe verbs in B", doe.Verbs[ib], []string{"claimed"})
	check("Doe named", doe.Named, true)
	check("Roe quotes in A", roe.Quotes[ia], 0)
	check("Roe verbs in A", roe.Verbs[ia], []string(nil))
	check("Roe quotes in B", roe.Quotes[ib], len([]string{attrQ4}))
	check("Roe words in B", roe.Words[ib], attrWordsOf(attrQ4))
	check("Roe verbs in B", roe.Verbs[ib], []string{"told"})

	// Named and unnamed quotes: attrQ6 has no speaker.
	check("named in A", at.Named[ia], len(quotesA))
	check("unnamed in A", at.Unnamed[ia], 0)
	check("named in B", at.Named[ib], len([]string{attrQ4, attrQ5}))
	check("unnamed in B", at.Unnamed[ib], len([]string{attrQ6}))
	for ai, a := range arts {
		if at.Named[ai]+at.Unnamed[ai] != len(a.Quotes) {
			t.Errorf("%s: named %d + unnamed %d != %d quotes", a.ID, at.Named[ai], at.Unnamed[ai], len(a.Quotes))
		}
	}

	// Verbs: one per quote with a verb, with connotation and located span
	// ("praised" introduces no quote).
	type vu struct{ art, verb, conn, speaker string }
	want := []vu{
		{"a", "said", "neutral", attrFull},
		{"a", "blasted", "attack", attrFull},
		{"a", "stressed", "emphatic", attrFull},
		{"b", "told", "neutral", attrOther},
		{"b", "claimed", "doubt", attrFull},
	}
	slices.SortStableFunc(want, func(x, y vu) int { return attrIndex(t, arts, x.art) - attrIndex(t, arts, y.art) })
	var got []vu
	for _, v := range at.Verbs {
		got = append(got, vu{arts[v.Article].ID, v.Verb, v.Connotation, v.Speaker})
		if v.Mention.Text != v.Verb {
			t.Errorf("verb %q located as %q", v.Verb, v.Mention.Text)
			continue
		}
		attrCheckSpan(t, "verb", src[arts[v.Article].ID], v.Mention)
	}
	check("verbs", got, want)
	for _, v := range at.Verbs {
		if v.Verb == "said" {
			// The "said" after the quote, not the anonymous source's.
			wantStart := attrRunes(t, attrTextA, attrFull+" said") + utf8.RuneCountInString(attrFull+" ")
			check("said at", v.Mention.Start, wantStart)
		}
	}

	// Hedges and certainty markers, outside quotes; anonymous sourcing.
	type mn struct{ art, text, note string }
	wantH := []mn{{"a", attrHedgeA, "hedge"}, {"a", attrCertA, "certainty"}, {"b", attrHedgeB, "hedge"}}
	wantN := []mn{{"a", attrAnonA, ""}, {"b", attrAnonB, ""}}
	for _, w := range [][]mn{wantH, wantN} {
		slices.SortStableFunc(w, func(x, y mn) int { return attrIndex(t, arts, x.art) - attrIndex(t, arts, y.art) })
	}
	for _, c := range []struct {
		what string
		got  []frame.Mention
		want []mn
	}{{"hedges", at.Hedges, wantH}, {"anonymous", at.Anonymous, wantN}} {
		var got []mn
		for _, m := range c.got {
			id := arts[m.Article].ID
			got = append(got, mn{id, m.Text, m.Note})
			attrCheckSpan(t, c.what, src[id], m)
			if wantStart := attrRunes(t, src[id], m.Text); m.Start != wantStart {
				t.Errorf("%s %q at %d, want %d", c.what, m.Text, m.Start, wantStart)
			}
		}
		check(c.what, got, c.want)
	}

	// Deterministic: the same result again, and from a fresh load.
	check("again", Find(arts, lexicon.Generic()), at)
	arts2, _ := attrLoad(t, map[string]string{"a.txt": attrTextA, "b.txt": attrTextB})
	check("reloaded", Find(arts2, nil), at)
}

func TestAttributionsEmpty(t *testing.T) {
	at := Find(nil, nil)
	if len(at.Speakers) != 0 || len(at.Verbs) != 0 || len(at.Hedges) != 0 || len(at.Anonymous) != 0 || len(at.Named) != 0 {
		t.Errorf("empty input: %+v", at)
	}
}

func TestAttrMerge(t *testing.T) {
	const (
		sur     = "Lavrov"
		full    = "Sergey " + sur
		variant = "Sergei " + sur // another transliteration: not contained in full
		titled  = "Foreign Minister " + full
		aide    = "an aide to Foreign Minister " + full // a description
		other   = "Maria Smith"
	)
	quotes := map[string]int{sur: 3, full: 1, variant: 2, titled: 1, aide: 1, other: 1}
	list := []string{sur, full, variant, titled, aide, other}
	var names []*attrName
	m := lexicon.NewMatcher(lexicon.Generic())
	for _, s := range list {
		named := attrNamed(m, lexicon.Generic(), s)
		names = append(names, &attrName{key: attrKey(named, s), text: s, words: strings.Fields(strings.ToLower(s)), named: named, quotes: quotes[s]})
	}
	root := attrMerge(names)
	got := map[string]string{}
	for i, s := range list {
		got[s] = list[root[i]]
	}
	// full joins titled alone; titled then weighs quotes[titled]+quotes[full]
	// against quotes[variant], so the ambiguous surname joins the heavier.
	surTo := titled
	if quotes[variant] > quotes[titled]+quotes[full] {
		surTo = variant
	}
	want := map[string]string{sur: surTo, full: titled, variant: variant, titled: titled, aide: aide, other: other}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merge: got %v, want %v", got, want)
	}
}

func TestAttrNamed(t *testing.T) {
	m := lexicon.NewMatcher(lexicon.Generic())
	for s, want := range map[string]bool{
		"Jane Doe":           true,
		"Reuters":            true,
		"Diplomatic sources": false, // anonymous-source phrase
		"diplomatic sources": false,
		"Senior officials":   false,
		"the expert":         false, // a description
		"an aide to the PM":  false,
	} {
		if got := attrNamed(m, lexicon.Generic(), s); got != want {
			t.Errorf("attrNamed(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestAttrConnotation(t *testing.T) {
	m := lexicon.NewMatcher(lexicon.Generic())
	for verb, want := range map[string]string{
		"said": "neutral", "told": "neutral", "according to": "neutral", "Said": "neutral",
		"stressed": "emphatic", "warned": "emphatic",
		"claimed": "doubt", "alleged": "doubt",
		"admitted": "admission", "conceded": "admission",
		"blasted": "attack", "lashed out": "attack", "slammed": "attack",
		"praised": "positive", "hailed": "positive",
		"pointed out": "", "recalled": "",
	} {
		if got := attrConnotation(m, lexicon.Generic(), verb); got != want {
			t.Errorf("connotation of %q = %q, want %q", verb, got, want)
		}
	}
}

// TestAttributionsSample runs on the embedded sample: the wire copy
// (kyodo-wire) credits "diplomatic sources", and quotes the foreign
// minister, Lavrov, with "said"; across the reports his verbs include
// non-neutral ones too ("stressed", "blasted").
func TestAttributionsSample(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := Find(arts, lexicon.Generic())
	wire := attrIndex(t, arts, "kyodo-wire")
	data, err := fs.ReadFile(sample.FS, arts[wire].Path)
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)

	found := false
	for _, m := range at.Anonymous {
		if m.Article != wire {
			continue
		}
		attrCheckSpan(t, "anonymous", src, m)
		if strings.EqualFold(m.Text, "diplomatic sources") {
			found = true
		}
	}
	if !found {
		t.Errorf("wire copy: no anonymous source %q in %v", "diplomatic sources", at.Anonymous)
	}

	// The foreign minister: the row with the most quotes among those whose
	// name ends in his surname.
	fm := -1
	for i, r := range at.Speakers {
		ws := strings.Fields(r.Speaker)
		if len(ws) > 0 && ws[len(ws)-1] == "Lavrov" && (fm < 0 || attrSum(r.Quotes) > attrSum(at.Speakers[fm].Quotes)) {
			fm = i
		}
	}
	if fm < 0 {
		t.Fatalf("no row for the foreign minister among %d speakers", len(at.Speakers))
	}
	row := at.Speakers[fm]
	if !slices.Contains(row.Verbs[wire], "said") {
		t.Errorf("%s in the wire copy: verbs %q, want \"said\" among them", row.Speaker, row.Verbs[wire])
	}
	conn := map[string]bool{}
	for _, v := range at.Verbs {
		if v.Speaker == row.Speaker {
			conn[v.Connotation] = true
		}
	}
	nonNeutral := false
	for c := range conn {
		nonNeutral = nonNeutral || c != "" && c != "neutral"
	}
	if !conn["neutral"] || !nonNeutral {
		t.Errorf("%s: verb connotations %v, want neutral and a non-neutral one", row.Speaker, conn)
	}
	for ai, a := range arts {
		if at.Named[ai]+at.Unnamed[ai] != len(a.Quotes) {
			t.Errorf("%s: named %d + unnamed %d != %d quotes", a.ID, at.Named[ai], at.Unnamed[ai], len(a.Quotes))
		}
	}
	if again := Find(arts, lexicon.Generic()); !reflect.DeepEqual(again, at) {
		t.Error("not deterministic")
	}
}

func TestAttrSpelling(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"almira rivera", "almyra rivera", true}, // one letter
		{"sergey rivera", "sergei rivera", true}, // one letter at the end
		{"alma rivera", "alma rivera", false},    // the same: nothing to merge
		{"alma rivera", "alma rivero", false},    // the last word differs
		{"ann rivera", "ana rivera", false},      // too short to tell
		{"alma rivera", "rivera", false},         // not as many words
	}
	for _, tt := range tests {
		if got := attrSpelling(strings.Fields(tt.a), strings.Fields(tt.b)); got != tt.want {
			t.Errorf("attrSpelling(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestSampleAttribution: on the sample, what a careful reader sees
// (corpus/sample/SOURCES.md): the wire copy's anonymous "diplomatic
// sources"; the verbs the reports use for the foreign minister (said,
// told, stressed, blasted).
func TestSampleAttribution(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	id := func(name string) int {
		return slices.IndexFunc(arts, func(a *corpus.Article) bool { return a.ID == name })
	}
	at := Find(arts, nil)
	wire := id("kyodo-wire")
	if !slices.ContainsFunc(at.Anonymous, func(m frame.Mention) bool {
		return m.Article == wire && strings.EqualFold(m.Text, "diplomatic sources")
	}) {
		t.Errorf("the wire copy's diplomatic sources are not anonymous sourcing: %+v", at.Anonymous)
	}
	verbs := map[string]bool{}
	for _, v := range at.Verbs {
		if strings.Contains(v.Speaker, "Lavrov") {
			verbs[strings.ToLower(v.Verb)] = true
		}
	}
	for _, v := range []string{"said", "told", "stressed", "blasted"} {
		if !verbs[v] {
			t.Errorf("verbs for the foreign minister lack %q: %v", v, verbs)
		}
	}
}

// TestSampleSpeakers: on the sample, with the event's concepts, every
// speaker row is a person, a group or a body that speaks: no pronoun, no
// adverb, no publication of the event, no common noun alone; and one
// person is one row ("the top diplomat", "the head of the diplomatic
// department" and "Lavrov" are Sergey Lavrov).
func TestSampleSpeakers(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := frame.Concepts(arts, align.Claims(arts, align.Options{}), frame.Options{})
	at := FindPeople(arts, lexicon.Generic(), lexicon.Generic().Match(arts), cs)
	pubs := publications(arts)
	pronouns := map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true, "him": true, "her": true, "them": true}
	lavrov := 0
	for _, r := range at.Speakers {
		s := r.Speaker
		low := strings.ToLower(s)
		words := strings.Fields(s)
		capital := slices.ContainsFunc(words, func(w string) bool { r, _ := utf8.DecodeRuneInString(w); return unicode.IsUpper(r) })
		switch {
		case pronouns[low]:
			t.Errorf("speaker %q is a pronoun", s)
		case len(words) == 1 && strings.HasSuffix(low, "ly"), low == "instead":
			t.Errorf("speaker %q is an adverb", s)
		case pubs[low]:
			t.Errorf("speaker %q is a publication of the event", s)
		case !capital && !strings.HasPrefix(low, "the ") && !strings.HasPrefix(low, "an ") && !strings.HasPrefix(low, "a "):
			t.Errorf("speaker %q is a common noun alone", s)
		}
		if strings.Contains(s, "Lavrov") {
			lavrov++
		}
		if strings.Contains(low, "diplomat") {
			t.Errorf("speaker %q: the sample's diplomat is Sergey Lavrov", s)
		}
	}
	if lavrov != 1 {
		t.Errorf("Sergey Lavrov in %d rows, want 1: %+v", lavrov, at.Speakers)
	}
}

// TestPeopleRows: a quote whose speaker was read from a mention of a
// name's concept counts for that concept; a phrase that only ends in the
// name ("an aide to Governor Vell") does not.
func TestPeopleRows(t *testing.T) {
	p := people{0: {{start: 10, end: 19, c: &frame.Concept{ID: "vell", Label: "Omar Vell"}}}}
	for _, c := range []struct {
		start, end int
		want       string
	}{
		{10, 19, "Omar Vell"}, // the name itself
		{6, 19, "Omar Vell"},  // "the Omar Vell": a determiner before it
		{0, 19, ""},           // "an aide to Omar Vell"
		{30, 40, ""},          // elsewhere
		{0, 0, ""},            // no span
	} {
		got := ""
		if cc := p.at(0, c.start, c.end); cc != nil {
			got = cc.Label
		}
		if got != c.want {
			t.Errorf("at(%d, %d) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
}
