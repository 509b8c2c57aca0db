package predicate

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
)

func load(t *testing.T, texts ...string) []*corpus.Article {
	t.Helper()
	fsys := fstest.MapFS{}
	for i, text := range texts {
		data, _ := json.Marshal(map[string]string{"maintext": text, "title": ""})
		fsys[fmt.Sprintf("%c.json", 'a'+i)] = &fstest.MapFile{Data: data}
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// rows renders rows as "w1 | w2 | ..." (article letter: text), one a line.
func rows(rs []Row) string {
	var out []string
	for _, r := range rs {
		var ws []string
		for _, w := range r.Wordings {
			ws = append(ws, fmt.Sprintf("%c:%s", 'a'+w.Article, w.Text))
		}
		out = append(out, strings.Join(ws, " | "))
	}
	return strings.Join(out, "\n")
}

// TestFind runs every pass on two reports of one statement.
func TestFind(t *testing.T) {
	const tail = " The border guards of Norland patrolled the northern marshes near Kelvale village on Tuesday night."
	for _, c := range []struct{ name, a, b, want string }{
		{"a verb of like meaning",
			"Soldiers seized the disused lighthouse at Kelvale after a short standoff with the coastguard." + tail,
			"Soldiers captured the disused lighthouse at Kelvale after a short standoff with the coastguard." + tail,
			"a:seized | b:captured"},
		{"a phrasal verb",
			"The council voted on ceding the disused lighthouse at Kelvale to the regional museum trust." + tail,
			"The council voted on handing over the disused lighthouse at Kelvale to the regional museum trust." + tail,
			"a:ceding | b:handing over"},
		{"names stay with the entity rows",
			"Soldiers led by Marten seized the disused lighthouse at Kelvale after a short standoff." + tail,
			"Soldiers led by Harlow seized the disused lighthouse at Kelvale after a short standoff." + tail,
			""},
		{"numbers stay with the discrepancies",
			"Soldiers seized the disused lighthouse at Kelvale after a standoff of two hours with the coastguard." + tail,
			"Soldiers seized the disused lighthouse at Kelvale after a standoff of three hours with the coastguard." + tail,
			""},
		{"an inflection is the same word",
			"Soldiers seize the disused lighthouse at Kelvale after a short standoff with the coastguard." + tail,
			"Soldiers seized the disused lighthouse at Kelvale after a short standoff with the coastguard." + tail,
			""},
		{"reporting verbs are the attribution table's",
			"The coastguard said soldiers had taken the disused lighthouse at Kelvale after a standoff." + tail,
			"The coastguard stressed soldiers had taken the disused lighthouse at Kelvale after a standoff." + tail,
			""},
		{"opposites, however close their vectors",
			"The harbour crew won the rowing final at Kelvale after a short delay caused by the coastguard." + tail,
			"The harbour crew lost the rowing final at Kelvale after a short delay caused by the coastguard." + tail,
			""},
		{"words that go together but name different acts",
			"The harbour master asked about the disused lighthouse at Kelvale after a short standoff." + tail,
			"The harbour master answered about the disused lighthouse at Kelvale after a short standoff." + tail,
			""},
		{"a noun of the act",
			"The council condemned the seizure of the disused lighthouse at Kelvale by the museum trust." + tail,
			"The council condemned the capture of the disused lighthouse at Kelvale by the museum trust." + tail,
			"a:seizure | b:capture"},
		{"words of unrelated meaning",
			"Soldiers seized the disused lighthouse at Kelvale after a short standoff with the coastguard." + tail,
			"Soldiers painted the disused lighthouse at Kelvale after a short standoff with the coastguard." + tail,
			""},
	} {
		t.Run(c.name, func(t *testing.T) {
			arts := load(t, c.a, c.b)
			claims := align.Claims(arts, align.Options{})
			if got := rows(Find(arts, claims, nil, Options{})); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestFindOffsets: a wording's offsets are runes of the source and its
// context is its sentence.
func TestFindOffsets(t *testing.T) {
	arts := load(t,
		"Ça va: soldiers seized the disused lighthouse at Kelvale after a short standoff with the coastguard.",
		"Ça va: soldiers captured the disused lighthouse at Kelvale after a short standoff with the coastguard.")
	rs := Find(arts, align.Claims(arts, align.Options{}), nil, Options{})
	if len(rs) != 1 {
		t.Fatalf("got %d rows, want 1", len(rs))
	}
	for _, w := range rs[0].Wordings {
		src := []rune(string(mustRead(t, arts[w.Article])))
		if string(src[w.Start:w.End]) != w.Text || !strings.Contains(w.Context, w.Text) {
			t.Errorf("%+v: source has %q", w, string(src[w.Start:w.End]))
		}
	}
}

func mustRead(t *testing.T, a *corpus.Article) []byte {
	t.Helper()
	// The loaded body is the source text for these JSON inputs' offsets.
	return []byte(a.Body.S)
}

// TestRows: pairs join by a shared wording (stems of its content words),
// never by a head noun alone.
func TestRows(t *testing.T) {
	w := func(art, start int, text, key string) Wording {
		return Wording{Article: art, Start: start, End: start + len(text), Text: text, Key: key}
	}
	for _, c := range []struct {
		name  string
		pairs []Pair
		want  string
	}{
		{"one pair", []Pair{{A: w(0, 0, "seized", "seiz"), B: w(1, 0, "captured", "captur")}}, "a:seized | b:captured"},
		{"two pairs sharing a wording",
			[]Pair{{A: w(0, 0, "seized", "seiz"), B: w(1, 0, "captured", "captur")}, {A: w(2, 0, "seizing", "seiz"), B: w(1, 50, "grabbed", "grab")}},
			"a:seized | b:captured | b:grabbed | c:seizing"},
		{"a head noun alone joins nothing",
			[]Pair{{A: w(0, 0, "peace treaty", "peac treati"), B: w(1, 0, "peace accord", "accord peac")}, {A: w(2, 0, "arms treaty", "arm treati"), B: w(1, 80, "arms pact", "arm pact")}},
			"b:arms pact | c:arms treaty\na:peace treaty | b:peace accord"},
		{"a span in two rows stays in the first",
			[]Pair{{A: w(0, 0, "seized", "seiz"), B: w(1, 0, "captured", "captur")}, {A: w(0, 0, "seized", "seiz"), B: w(2, 0, "took", "took")}, {A: w(1, 0, "captured", "captur"), B: w(2, 10, "grabbed", "grab")}},
			"a:seized | b:captured | c:took | c:grabbed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := rows(Rows(c.pairs)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestActKind: verbs, nouns of acts, and what is neither.
func TestActKind(t *testing.T) {
	verbs := map[string]bool{"transfer": true}
	for _, c := range []struct {
		text, word string
		want       int
	}{
		{"they seized the port", "seized", 1},
		{"a plan to return the port", "return", 1},
		{"talks on the transfer of the port", "transfer", 2},
		{"its acquisition of the port", "acquisition", 2},
		{"the peace talks", "peace", 0},
		{"the missile", "missile", 0},
		{"missile tests", "missile", 0},
	} {
		toks := token.Tokenize(c.text)
		k := slices.IndexFunc(toks, func(t token.Token) bool { return t.Norm == c.word })
		if got := actKind(toks, k, verbs); got != c.want {
			t.Errorf("%q in %q: got %d, want %d", c.word, c.text, got, c.want)
		}
	}
}

// TestLists: the word lists from internal/english hold what the code
// reads them for; "in" is no particle here ("injured in").
func TestLists(t *testing.T) {
	if !lists.number["dozens"] || !lists.number["seven"] || !lists.reporting["said"] || !lists.particle["over"] || lists.particle["in"] ||
		!lists.verbCue["to"] || !lists.verbCue["would"] || !lists.nounCue["the"] || !lists.nounCue["any"] || !lists.light["going"] || !slices.Contains(lists.nominal, "tion") {
		t.Errorf("a list is missing a word: %+v", lists)
	}
}

// TestAnchored: act words of sentences the aligner does not pair join when
// their arguments are the same, and only then.
func TestAnchored(t *testing.T) {
	const other = " The weather in the northern marshes stayed cold and wet all week, said the local paper."
	for _, c := range []struct{ name, a, b, want string }{
		{"the same arguments",
			"Overnight, the rebels seized the lighthouse and the harbour cranes at Kelvale." + other,
			"After a long night of shelling and a short fight with the coastguard, armed rebels captured the harbour cranes and the lighthouse at Kelvale, officials in the capital confirmed on Monday." + other,
			"a:seized | b:captured"},
		{"only names in common: the same people do many things",
			"Governor Marten Sol is due to visit Norland for the Dunmore summit in June." + other,
			"The meeting of Governor Marten Sol and Harlow Vey of Norland will be held on Friday." + other,
			""},
		{"other arguments",
			"Overnight, the rebels seized the lighthouse and the harbour cranes at Kelvale." + other,
			"After a long chase through the old town, police captured a pickpocket outside the Dunmore station, officials in the capital confirmed on Monday." + other,
			""},
		{"one argument in common is not enough",
			"Overnight, the rebels seized the Kelvale lighthouse." + other,
			"After a long chase through the old town, police captured a pickpocket near the Kelvale lighthouse, officials said." + other,
			""},
	} {
		t.Run(c.name, func(t *testing.T) {
			arts := load(t, c.a, c.b)
			// no claims: only pass 1b pairs the sentences
			if got := rows(Find(arts, nil, nil, Options{})); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestBookLength: reports far longer than news (over maxSentences
// sentences each on average) are not searched; news reports are.
func TestBookLength(t *testing.T) {
	art := func(n int) *corpus.Article { return &corpus.Article{Sentences: make([]corpus.Sentence, n)} }
	for _, c := range []struct {
		arts []*corpus.Article
		want bool
	}{
		{nil, false},
		{[]*corpus.Article{art(40), art(60)}, false},
		{[]*corpus.Article{art(maxSentences), art(maxSentences)}, false},
		{[]*corpus.Article{art(1800), art(1700)}, true},
		{[]*corpus.Article{art(1800), art(30)}, true}, // on average
	} {
		if got := bookLength(c.arts); got != c.want {
			t.Errorf("bookLength(%d reports) = %v, want %v", len(c.arts), got, c.want)
		}
	}
}
