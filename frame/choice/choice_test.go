package choice

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/distinctive"
)

// event loads one news-please JSON article per text (title, body) and
// returns the articles with the source text of each (maintext), as the
// tests of package frame do.
func event(t testing.TB, docs ...[2]string) ([]*corpus.Article, []string) {
	t.Helper()
	fs := fstest.MapFS{}
	for i, d := range docs {
		b, err := json.Marshal(map[string]string{"title": d[0], "maintext": d[1], "source_domain": fmt.Sprintf("outlet%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		fs[fmt.Sprintf("a%d.json", i)] = &fstest.MapFile{Data: b}
	}
	arts, err := corpus.LoadFS(fs, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := make([]string, len(docs))
	for i, d := range docs {
		src[i] = d[1]
	}
	return arts, src
}

// TestChoices: each kind of framing choice on a small event, in the
// report's own voice only, one choice per span.
func TestChoices(t *testing.T) {
	arts, src := event(t,
		[2]string{"Talks", "The minister blasted the proposal, diplomatic sources said. The deal reportedly collapsed in a disastrous week. \"It was a brutal plan, a disastrous one,\" he said."},
		[2]string{"Talks", "The minister criticised the proposal. The deal collapsed after a week of talks."},
		[2]string{"Talks", "The minister rejected the proposal on Monday. The deal collapsed, officials said."},
	)
	cs := Find(arts, nil, nil, nil, Options{})
	got := map[string]string{} // text in article 0 -> kind
	for _, c := range cs {
		if c.Why == "" {
			t.Errorf("%+v: no reason", c)
		}
		if txt := string([]rune(src[c.Article])[c.Start:c.End]); txt != c.Text {
			t.Errorf("%+v: source says %q", c, txt)
		}
		if c.Article == 0 {
			got[strings.ToLower(c.Text)] = c.Kind
		}
	}
	want := map[string]string{
		"blasted":            KindVerb,      // an attacking reporting verb
		"diplomatic sources": KindAnonymous, // an unnamed source
		"reportedly":         KindHedge,
		"disastrous":         KindLoaded, // evaluative, and only this report uses it
	}
	for text, kind := range want {
		if got[text] != kind {
			t.Errorf("%q: kind %q, want %q (all: %v)", text, got[text], kind, got)
		}
	}
	// A loaded word is marked once, where the report first uses it: the
	// second "disastrous" (the speaker's) is not marked again. "brutal",
	// only in the quote, is marked (carrying it is the report's choice)
	// and said to be quoted.
	count := func(word string) (own, quoted int) {
		for _, c := range cs {
			if c.Kind == KindLoaded && strings.EqualFold(c.Text, word) {
				if strings.Contains(c.Why, "quoted") {
					quoted++
				} else {
					own++
				}
			}
		}
		return own, quoted
	}
	if own, quoted := count("disastrous"); own != 1 || quoted != 0 {
		t.Errorf("loaded flags on disastrous: %d in the report's voice, %d quoted; want 1 and 0", own, quoted)
	}
	if own, quoted := count("brutal"); own != 0 || quoted != 1 {
		t.Errorf("loaded flags on brutal: %d in the report's voice, %d quoted; want 0 and 1", own, quoted)
	}
}

// TestLoadedRepeatedIsTheSubject: a loaded word a report uses more than
// maxLoadedUses times is what it reports on, not a passing choice; at
// maxLoadedUses it is still marked, once. A capitalised loaded word is
// marked at the start of a sentence or of a quotation, not mid-sentence
// nor after a closing quotation mark (a name).
func TestLoadedRepeatedIsTheSubject(t *testing.T) {
	repeat := func(word string, n int) string {
		var b strings.Builder
		for range n {
			b.WriteString("Officials described a " + word + " week in the capital. ")
		}
		return b.String()
	}
	arts, _ := event(t,
		[2]string{"Week", repeat("disastrous", maxLoadedUses+1) + repeat("brutal", maxLoadedUses) + "The town of Grim Harbour is quiet. He said: \"Tragic, all of it.\" \"It ends,\" Grim Harbour officials said."},
		[2]string{"Week", "Officials described a long week in the capital."},
	)
	marks := map[string]int{}
	for _, c := range Find(arts, nil, nil, nil, Options{}) {
		if c.Kind == KindLoaded {
			marks[strings.ToLower(c.Text)]++
		}
	}
	want := map[string]int{"brutal": 1, "tragic": 1}
	if fmt.Sprint(marks) != fmt.Sprint(want) {
		t.Errorf("loaded marks %v, want %v", marks, want)
	}
}

// TestLoadedSharedIsNotAChoice: an evaluative word most reports use is the
// story's vocabulary, not a choice.
func TestLoadedSharedIsNotAChoice(t *testing.T) {
	arts, _ := event(t,
		[2]string{"Peace", "The peace talks resumed on Monday in the capital."},
		[2]string{"Peace", "Peace talks resumed on Monday, officials said."},
		[2]string{"Peace", "The peace negotiations resumed on Monday."},
	)
	for _, c := range Find(arts, nil, nil, nil, Options{}) {
		if c.Kind == KindLoaded {
			t.Errorf("flagged %q, a word every report uses", c.Text)
		}
	}
	// Of three reports, two may share a loaded word the third avoids.
	if got, want := maxLoadedUsers(3), 3-1; got != want {
		t.Errorf("maxLoadedUsers(3) = %d, want %d", got, want)
	}
	if got, want := maxLoadedUsers(2), 1; got != want {
		t.Errorf("maxLoadedUsers(2) = %d, want %d", got, want)
	}
}

// TestChoicesNotEnglish: the word lists are English, so a report known to
// be in another language gets no verb, hedge, source or loaded flags from
// them, even where its words look English ("brutal", "disastrous"); the
// same text declared English gets them.
func TestChoicesNotEnglish(t *testing.T) {
	text := "The minister blasted the brutal proposal, diplomatic sources said. The deal reportedly collapsed in a disastrous week."
	for _, lang := range []string{"en", "de"} {
		arts, _ := event(t,
			[2]string{"Talks", text},
			[2]string{"Talks", "The minister rejected the proposal on Monday. The deal collapsed, officials said."},
		)
		arts[0].Language = lang
		kinds := map[string]int{}
		for _, c := range Find(arts, nil, nil, nil, Options{}) {
			if c.Article == 0 {
				kinds[c.Kind]++
			}
		}
		listed := kinds[KindVerb] + kinds[KindHedge] + kinds[KindAnonymous] + kinds[KindLoaded]
		if english := lang == "en"; english != (listed > 0) {
			t.Errorf("language %s: %v flags from the word lists, want some only for English", lang, kinds)
		}
	}
}

// TestDistinctiveFlags: a distinctive word is marked in the text only
// when its z passes distinctiveZ, the two-sided 1% level, once in each
// report that uses it, where it first does so in any form; one that
// passes only distinctive.ZFloor is listed in the table but not marked.
func TestDistinctiveFlags(t *testing.T) {
	many := strings.Repeat("The harvest festival drew farmers to the valley. ", 12)
	// "tariffs" five times against none: z about 2.1 (see distPriorWeight).
	some := strings.Repeat("The tariffs worried the traders in the valley. ", 5)
	plain := strings.Repeat("Farmers and traders met in the valley on Monday. ", 12)
	arts, _ := event(t,
		[2]string{"Valley", many + "Festivals are old here."},
		[2]string{"Valley", some + plain},
		[2]string{"Valley", plain + "The weather was mild."},
	)
	dist := distinctive.Find(arts, distinctive.Options{})
	listed := map[string]float64{}
	for _, o := range dist {
		for _, term := range o.Terms {
			listed[term.Surface] = term.Z
		}
	}
	// "tariffs" comes as the bigram "tariffs worried" (it always precedes
	// "worried").
	if z := listed["tariffs worried"]; z <= distinctive.ZFloor || z >= distinctiveZ {
		t.Fatalf("tariffs worried: z %.2f, want it between %.2f and %.2f (terms %v)", z, distinctive.ZFloor, distinctiveZ, listed)
	}
	marks := map[string]int{}
	for _, c := range Find(arts, nil, dist, nil, Options{Distinctive: 10}) {
		if c.Kind == KindDistinctive {
			marks[strings.ToLower(c.Text)]++
			if c.Article != 0 || !strings.HasPrefix(many[c.Start:], c.Text) || c.Start != strings.Index(many, c.Text) {
				t.Errorf("mark %+v: want it at the first use in the first report", c)
			}
		}
	}
	if marks["festival"] != 1 || marks["tariffs worried"] != 0 {
		t.Errorf("distinctive marks %v, want festival once and tariffs worried not at all", marks)
	}
}

// TestQuotedFlags: a word a report sets in quotation marks inside its own
// sentence is marked (its writer picked it); a longer fragment, a quoted
// name and a whole quote are the source speaking, and are not.
func TestQuotedFlags(t *testing.T) {
	arts, src := event(t,
		[2]string{"Protest", "The minister called the protesters “students” on Monday. Vell blasted the plan as “a shameful betrayal” of the islands. Critics read “Riverton Nights” twice. “We will not give up,” Vell said. He called it “shameful.”"},
		[2]string{"Protest", "Protesters gathered in Riverton on Monday, the minister said."},
	)
	var got []string
	for _, c := range Find(arts, nil, nil, nil, Options{}) {
		if c.Kind == KindQuoted {
			got = append(got, c.Text)
			if at := string([]rune(src[c.Article])[c.Start:c.End]); at != c.Text {
				t.Errorf("%q marked at %d-%d, where the source has %q", c.Text, c.Start, c.End, at)
			}
		}
	}
	if want := []string{"students", "shameful"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("quoted marks %q, want %q", got, want)
	}
}

// TestLabelsNeedOneThing: a concept joined by its head noun alone
// (frame.Loose) gives no label, whatever its wordings; the same concept
// sure of naming one thing gives each report's own wording.
func TestLabelsNeedOneThing(t *testing.T) {
	arts := []*corpus.Article{{ID: "a", Outlet: "North"}, {ID: "b", Outlet: "South"}}
	concept := func(conf frame.Confidence) frame.Concept {
		return frame.Concept{ID: "c1", Label: "the islands", Source: frame.Mined, Confidence: conf, Mentions: []frame.Mention{
			{Article: 0, Sentence: 0, Start: 0, End: 16, Text: "the silver isles"},
			{Article: 1, Sentence: 0, Start: 0, End: 14, Text: "the grey rocks"},
		}}
	}
	if got := labelChoices(arts, []frame.Concept{concept(frame.Loose)}); len(got) != 0 {
		t.Errorf("a loose concept gave labels: %+v", got)
	}
	if got := labelChoices(arts, []frame.Concept{concept(frame.Sure)}); len(got) == 0 {
		t.Error("a sure concept named in contrasting words gave no label")
	}
}

// A label inside a quote the report carries is the speaker's wording:
// the mark says whose quote it is, not that the outlet calls it so.
func TestLabelInQuote(t *testing.T) {
	arts := []*corpus.Article{
		{ID: "a", Outlet: "North"},
		{ID: "b", Outlet: "South", Quotes: []corpus.Quote{{Start: 0, End: 40, Speaker: "Councillor Dunmore"}}},
	}
	c := frame.Concept{ID: "c1", Label: "pushed", Source: frame.Mined, Confidence: frame.Sure, Mentions: []frame.Mention{
		{Article: 0, Sentence: 0, Start: 20, End: 26, Text: "pushed"},
		{Article: 1, Sentence: 0, Start: 20, End: 26, Text: "rushed"},
	}}
	got := labelChoices(arts, []frame.Concept{c})
	var south []Choice
	for _, ch := range got {
		if ch.Article == 1 {
			south = append(south, ch)
		}
	}
	if len(south) != 1 {
		t.Fatalf("labels of the quoting report: %+v", south)
	}
	ch := south[0]
	if !ch.Quoted || ch.Speaker != "Councillor Dunmore" || !strings.Contains(ch.Why, `only South's quote of Councillor Dunmore calls pushed "rushed"`) {
		t.Errorf("label in a quote: quoted %v, speaker %q, why %q", ch.Quoted, ch.Speaker, ch.Why)
	}
	for _, ch := range got {
		if ch.Article == 0 && (ch.Quoted || !strings.HasPrefix(ch.Why, "only North calls")) {
			t.Errorf("label in the report's own voice: %+v", ch)
		}
	}
}
