package choice

import (
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/frame/lexicon"
)

// at tokenizes a made-up sentence as the passes see it and returns its
// tokens and the index of word (its first occurrence).
func at(t *testing.T, sentence, word string) ([]corpus.Token, int) {
	t.Helper()
	var toks []corpus.Token
	i := -1
	for _, tk := range token.Tokenize(sentence) {
		if i < 0 && tk.Text == word {
			i = len(toks)
		}
		toks = append(toks, corpus.Token{Token: tk})
	}
	if i < 0 {
		t.Fatalf("%q: no word %q", sentence, word)
	}
	return toks, i
}

// A passCase is a made-up sentence, the loaded word in it and whether the
// pass applies to it there.
type passCase struct {
	sentence, word string
	ok             bool
}

func TestDegreeUse(t *testing.T) {
	for _, c := range []passCase{
		{"Delegates voiced a stunning level of dissent at the congress.", "stunning", true},
		{"Shops reported an alarming number of thefts this winter.", "alarming", true},
		{"Rents rose at an alarming rate last spring.", "alarming", true},
		{"The tax rose by a stunning 40 percent.", "stunning", true},
		{"Delegates voiced a staggering number of complaints.", "staggering", true}, // not in the lexicon: the pass reads any word
		{"The repairs cost a stunning $2 billion.", "stunning", true},
		{"The flood left a stunning three thousand homes empty.", "stunning", true},
		{"The garden was a stunning sight in May.", "stunning", false}, // praise of the thing
		{"The mayor won 3 percent of the vote.", "won", false},         // a verb before a number
		{"Police began a brutal crackdown on Monday.", "brutal", false},
	} {
		toks, i := at(t, c.sentence, c.word)
		if _, ok := degreeUse(toks, i); ok != c.ok {
			t.Errorf("degreeUse(%q in %q) = %v, want %v", c.word, c.sentence, ok, c.ok)
		}
	}
}

func TestGraded(t *testing.T) {
	for _, c := range []passCase{
		{"The measure did best in more conservative areas of the valley.", "conservative", true},
		{"The bill found support in the most progressive states.", "progressive", true},
		{"She campaigned in a deeply conservative district.", "conservative", true},
		{"He courted more socially conservative voters.", "conservative", true},
		{"Turnout fell in more conservative rural counties.", "conservative", true}, // a modifier between
		{"The court grew more conservative over the years.", "conservative", false}, // no place or group named
		{"Farmers in conservative areas voted early.", "conservative", false},       // no degree word
		{"Exiles fled from more brutal regimes.", "brutal", false},                  // no place or group; see TestPolarityInContext
		{"He was more conservative than his party, and voters knew it.", "conservative", false},
	} {
		toks, i := at(t, c.sentence, c.word)
		if _, _, ok := graded(toks, i); ok != c.ok {
			t.Errorf("graded(%q in %q) = %v, want %v", c.word, c.sentence, ok, c.ok)
		}
	}
}

func TestExcess(t *testing.T) {
	for _, c := range []passCase{
		{"Critics call the pension plan too generous.", "generous", true},
		{"Critics call the pension plan far too generous.", "generous", true},
		{"The forecast was overly generous to the banks.", "generous", true},
		{"The pension plan is generous, too.", "generous", false},
		{"The pension plan is very generous.", "generous", false},
	} {
		toks, i := at(t, c.sentence, c.word)
		if _, ok := excess(toks, i); ok != c.ok {
			t.Errorf("excess(%q in %q) = %v, want %v", c.word, c.sentence, ok, c.ok)
		}
	}
}

func TestNegated(t *testing.T) {
	for _, c := range []passCase{
		{"It was not a brutal crackdown.", "brutal", true},
		{"The offer wasn't generous.", "generous", true},
		{"The offer wasn’t generous.", "generous", true}, // a curly apostrophe
		{"It was hardly a very generous offer.", "generous", true},
		{"They never were so generous.", "generous", true},
		{"Troops came without brutal methods this time.", "brutal", true},
		{"Farmers hope to recover without the devastating losses of last year.", "devastating", false}, // a definite description is given
		{"It was no heroic rescue.", "heroic", true},
		{"The police did not stop the brutal crackdown.", "brutal", false}, // "stop" is what is negated
		{"It was not only brutal but costly.", "brutal", false},            // "not only": a sum
		{"It was not cheap, but brutal.", "brutal", false},                 // another clause
		{"No one doubted it was a brutal week.", "brutal", false},          // too far
		{"Police began a brutal crackdown.", "brutal", false},
	} {
		toks, i := at(t, c.sentence, c.word)
		if _, ok := negated(toks, i); ok != c.ok {
			t.Errorf("negated(%q in %q) = %v, want %v", c.word, c.sentence, ok, c.ok)
		}
	}
}

// TestLexiconPolarity: every entry of the loaded-word lexicon gives a
// polarity, read from its reason (a change of the lexicon's wording fails
// here); an entry of the opinion lexicon only is weak.
func TestLexiconPolarity(t *testing.T) {
	for w, why := range lexicon.Loaded() {
		if p, _ := lexiconPolarity(why); p != Positive && p != Negative {
			t.Fatalf("%s: no polarity in %q", w, why)
		}
	}
	for w, want := range map[string]struct {
		polarity string
		weak     bool
	}{
		"stunning":     {Positive, true},
		"conservative": {Negative, true},
		"brutal":       {Negative, false},
		"heroic":       {Positive, false},
	} {
		p, weak := lexiconPolarity(lexicon.Loaded()[w])
		if p != want.polarity || weak != want.weak {
			t.Errorf("%s: polarity %q (weak %v), want %q (weak %v)", w, p, weak, want.polarity, want.weak)
		}
	}
}

// TestPolarityInContext: the polarity of a loaded word's mark, through
// Find, in made-up sentences: the two errors of the issue ("a stunning
// level of dissent" is no praise, "more conservative areas" no blame),
// negations, and words that keep their lexicon's polarity.
func TestPolarityInContext(t *testing.T) {
	for _, c := range []struct {
		sentence, word, want, why string
	}{
		{"Delegates voiced a stunning level of dissent at the congress.", "stunning", Neutral, `a degree use ("stunning level")`},
		{"The measure did best in more conservative areas of the valley.", "conservative", Neutral, `graded ("more conservative areas")`},
		{"The bill found support in more progressive states.", "progressive", Neutral, "graded"},
		{"Police began a brutal crackdown on Monday.", "brutal", Negative, ""},
		{"Firefighters were praised for a heroic effort on Monday.", "heroic", Positive, ""},
		{"Exiles fled from more brutal regimes.", "brutal", Negative, ""},            // a strong word keeps its judgement
		{"Exiles fled to more brutal provinces.", "brutal", Negative, ""},            // even of a place
		{"Farmers in conservative areas voted early.", "conservative", Negative, ""}, // no degree word: the lexicon's
		{"It was not a brutal crackdown, the council found.", "brutal", Neutral, `negated ("not")`},
		{"The council found the offer was not generous.", "generous", Negative, `negated ("not")`},
		{"The police did not stop the brutal crackdown.", "brutal", Negative, ""},
		{"Critics call the pension plan too generous.", "generous", Negative, `after "too"`},
		{"Critics call the purge too brutal.", "brutal", Negative, ""}, // excess blames; a negative word already does
	} {
		arts, _ := event(t,
			[2]string{"Town", c.sentence},
			[2]string{"Town", "The council met on Monday in the town hall."},
		)
		var got *Choice
		cs := Find(arts, nil, nil, nil, Options{})
		for k := range cs {
			if cs[k].Article == 0 && cs[k].Kind == KindLoaded && cs[k].Text == c.word {
				got = &cs[k]
			}
		}
		switch {
		case got == nil:
			t.Errorf("%q: %q not marked (marks %v)", c.sentence, c.word, cs)
		case got.Polarity != c.want:
			t.Errorf("%q: %q %s, want %s (%s)", c.sentence, c.word, got.Polarity, c.want, got.Why)
		case c.why != "" && !strings.Contains(got.Why, c.why), c.why == "" && strings.Contains(got.Why, ";"):
			t.Errorf("%q: %q: why %q, want it to say %q", c.sentence, c.word, got.Why, c.why)
		}
	}
}

// TestQuotedPolarity: a loaded word in a quote the report carries is
// marked with its polarity in context, as the speaker's (Quoted, Speaker,
// the why); a quote does not take the place of the report's own use of
// the word after it (both are marked), and a quote after the report's
// own use is not marked again.
func TestQuotedPolarity(t *testing.T) {
	arts, _ := event(t,
		[2]string{"Strike", "“This is not a brutal crackdown,” said Mara Velde, the mayor. By evening the crackdown had turned brutal in the eyes of many. The union called the response heroic. “It was heroic,” said Tom Arden."},
		[2]string{"Strike", "The mayor spoke on Monday as the strike went on."},
	)
	type mark struct {
		text, polarity string
		quoted         bool
		speaker        string
	}
	var got []mark
	for _, c := range Find(arts, nil, nil, nil, Options{}) {
		if c.Article != 0 || c.Kind != KindLoaded || c.Text != "brutal" && c.Text != "heroic" {
			continue
		}
		got = append(got, mark{c.Text, c.Polarity, c.Quoted, c.Speaker})
		if c.Quoted != strings.Contains(c.Why, "quoted") || c.Quoted && !strings.Contains(c.Why, "the speaker's word and polarity") {
			t.Errorf("%q: quoted %v, why %q", c.Text, c.Quoted, c.Why)
		}
	}
	want := []mark{
		{"brutal", Neutral, true, "Mara Velde"}, // the mayor's denial: hers, neutral
		{"brutal", Negative, false, ""},         // the report's own word, marked too
		{"heroic", Positive, false, ""},         // the report's; the quote after it is not marked
	}
	if len(got) != len(want) {
		t.Fatalf("loaded marks %+v, want %+v", got, want)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("mark %d: %+v, want %+v", k, got[k], want[k])
		}
	}
}
