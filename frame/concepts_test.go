package frame

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
)

// event loads one news-please JSON article per text (title, body) and
// returns the articles with the source text of each (maintext).
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

func concepts(t testing.TB, arts []*corpus.Article) []Concept {
	return Concepts(arts, align.Claims(arts, align.Options{}), Options{})
}

// conceptOf returns the concept holding a mention with this text in article
// art (-1: any), or nil.
func conceptOf(cs []Concept, art int, text string) *Concept {
	for _, nested := range []bool{false, true} { // a phrase standing alone first
		for i := range cs {
			for _, m := range cs[i].Mentions {
				if (art < 0 || m.Article == art) && m.Text == text && m.Nested == nested {
					return &cs[i]
				}
			}
		}
	}
	return nil
}

// checkInvariants: every mention's text is the source at its offsets (the
// sources here are single paragraphs the readers keep as they are); no
// span is in two concepts; spans of one article overlap only when one
// holds the other (nested in one concept, or a name inside a phrase of
// another).
func checkInvariants(t *testing.T, cs []Concept, src []string) {
	t.Helper()
	type span struct{ art, start, end int }
	owner := map[span]string{}
	byArt := map[int][]struct {
		Mention
		id string
	}{}
	for _, c := range cs {
		if c.ID == "" || c.Label == "" || len(c.Mentions) == 0 {
			t.Errorf("concept %+v: empty id, label or mentions", c)
		}
		for _, m := range c.Mentions {
			if m.Sentence >= 0 {
				if got := string([]rune(src[m.Article])[m.Start:m.End]); got != m.Text {
					t.Errorf("%s: source [%d,%d) is %q, mention says %q", c.ID, m.Start, m.End, got, m.Text)
				}
			}
			k := span{m.Article, m.Start, m.End}
			if o, ok := owner[k]; ok {
				t.Errorf("span %v %q in %s and %s", k, m.Text, o, c.ID)
			}
			owner[k] = c.ID
			byArt[m.Article] = append(byArt[m.Article], struct {
				Mention
				id string
			}{m, c.ID})
		}
	}
	for _, ms := range byArt {
		for i, a := range ms {
			for _, b := range ms[i+1:] {
				if a.Start < b.End && b.Start < a.End {
					// One inside the other: nested in one concept, or a
					// name inside a phrase of another ("X's nominee").
					aIn, bIn := b.Start <= a.Start && a.End <= b.End, a.Start <= b.Start && b.End <= a.End
					if !aIn && !bIn || (a.id == b.id && !a.Nested && !b.Nested) {
						t.Errorf("overlap: %q (%s) and %q (%s)", a.Text, a.id, b.Text, b.id)
					}
				}
			}
		}
	}
}

// TestConceptFinding states, case by case, which phrases must share a
// concept and which must not.
// TestConceptLabels: a person's row is labelled by their full name, not
// by the commonest wording ("Mr. Vell") nor by a titled form; a thing with
// two names keeps its commonest wording.
func TestConceptLabels(t *testing.T) {
	arts, _ := event(t,
		[2]string{"Talks", "On Monday Union Chair Omar Vell met farmers. Mr. Vell said the harvest was good, and Mr. Vell left. President Alma Rivera stayed."},
		[2]string{"Talks", "Omar Vell flew home, and Vell said little. Mr. Vell was tired, aides said. President Rivera spoke later, and Rivera agreed with President Han."},
	)
	cs := concepts(t, arts)
	// Two names of one place: the label is its commonest wording (the
	// longer on a tie), whichever side uses it.
	isles, _ := event(t,
		[2]string{"Dispute", "The dispute is over the town, which Norland calls Port Silver and Southland calls Grey Haven."},
		[2]string{"Dispute", "Southland wants Grey Haven back, and Norland keeps Port Silver, officials said."},
	)
	cs = append(cs, concepts(t, isles)...)
	for text, want := range map[string]string{"Mr. Vell": "Omar Vell", "Rivera": "Alma Rivera", "Grey Haven": "Port Silver"} {
		c := conceptOf(cs, -1, text)
		if c == nil {
			t.Errorf("%q: in no concept", text)
			continue
		}
		if c.Label != want {
			t.Errorf("%q: label %q, want %q", text, c.Label, want)
		}
	}
}

func TestConceptFinding(t *testing.T) {
	tests := []struct {
		name     string
		docs     [][2]string
		together [][]string // phrases that must sit in one concept (any article)
		apart    [][2]string
		absent   []string // phrases no concept may hold
	}{
		{
			name: "a name, its short forms and its titles",
			docs: [][2]string{
				{"Leader visits", "President Alma Rivera met farmers on Monday. Rivera said the harvest was good. The president later flew home."},
				{"Visit ends", "Mrs. Rivera, the president, left the province. Officials praised President Rivera for the visit."},
			},
			together: [][]string{{"Rivera", "President Alma Rivera", "President Rivera", "Mrs. Rivera", "The president"}},
		},
		{
			name: "a description set before a name, and the same description alone",
			docs: [][2]string{
				{"Talks", "The talks included Northland dictator Omar Vell and the envoys. Vell left early."},
				{"Talks end", "The Northland dictator spoke for an hour, aides said."},
			},
			together: [][]string{{"Omar Vell", "Vell", "The Northland dictator"}},
		},
		{
			name: "an acronym is the name whose initials it spells",
			docs: [][2]string{
				{"Suit", "The Green Farmers Union filed a suit on Friday. The GFU wants damages."},
				{"Suit filed", "Lawyers for the Green Farmers Union said the GFU would win."},
			},
			together: [][]string{{"Green Farmers Union", "GFU"}},
		},
		{
			name: "an alias statement joins two names of one place",
			docs: [][2]string{
				{"Dispute", "The dispute is over the atolls, which Norland calls the Silver Isles and Southland calls the Grey Rocks. Talks on the Silver Isles failed."},
				{"Dispute", "Southland wants the Grey Rocks back, officials said on Tuesday."},
			},
			together: [][]string{{"Silver Isles", "Grey Rocks"}},
			apart:    [][2]string{{"Silver Isles", "Southland"}},
		},
		{
			name: "a contrast sets two wordings of one act against each other",
			docs: [][2]string{
				{"Deal", "He said the deal was not about selling, but about leasing the port for a decade."},
				{"Deal", "The port deal means leasing it to the company, the minister said."},
			},
			together: [][]string{{"selling", "leasing"}},
		},
		{
			name: "a negated verb and what but sets against it are two acts, not two wordings",
			docs: [][2]string{
				{"Sites", "The president would not disclose the venues but said the capital was not among them."},
				{"Sites", "The venues were kept secret, and the capital was left out, aides said."},
			},
			apart: [][2]string{{"the venues", "the capital"}},
		},
		{
			name: "a headline's label before a colon is no title of the name after it",
			docs: [][2]string{
				{"Visit", "Exclusive: Omar Vell Secretly Met With Alma Rivera Over Easter Weekend\n\nOfficials confirmed the visit. Vell said little."},
				{"Visit", "Agency Director Omar Vell met with Alma Rivera over Easter weekend. The director flew home on Monday, and Rivera said the visit went well."},
			},
			apart: [][2]string{{"Exclusive", "Vell"}},
		},
		{
			name: "not only X but also Y adds Y to X",
			docs: [][2]string{
				{"Arms", "The arsenal holds not just nuclear weapons, but also chemical and biological weapons as well."},
				{"Arms", "Officials fear nuclear weapons and chemical weapons alike."},
			},
			absent: []string{"also chemical and", "just nuclear weapons"},
		},
		{
			name: "phrases that differ only in the head after a name and a word name one thing",
			docs: [][2]string{
				{"Deal", "Leaders met to save the Norland nuclear deal on Monday. The deal is old. The Norland Party computers were hacked."},
				{"Deal", "The Norland nuclear agreement may end, said Norland Party groups on Monday. The agreement is old."},
			},
			together: [][]string{{"the Norland nuclear deal", "The Norland nuclear agreement"}},
			apart:    [][2]string{{"The Norland Party computers", "Norland Party groups"}},
		},
		{
			name: "a family name first is a short form, though one report wrote the given names alone",
			docs: [][2]string{
				{"Talks", "Envoys met Han Sol Mi on Monday. Officials said Han wanted talks. Mr. Han left."},
				{"Talks", "The envoy spoke to Sol Mi by phone, and later with Han Sol Mi. Han agreed."},
			},
			together: [][]string{{"Han Sol Mi", "Han", "Mr. Han"}},
		},
		{
			name: "phrases headed by the last word of a name are that name's",
			docs: [][2]string{
				{"Memos", "The Vell Memos were released on Friday. The memos describe talks. Critics read the Vell Memos twice."},
				{"Memos", "The redacted memos show little, lawyers said. The memos were short."},
			},
			together: [][]string{{"Vell Memos", "The redacted memos", "The memos"}},
		},
		{
			name: "a qualifier before a titled name is not its short form",
			docs: [][2]string{
				{"Visit", "Norland Prime Minister Alma Rivera arrived. Rivera met Norland farmers. Norland was calm."},
				{"Visit", "Prime Minister Alma Rivera spoke. The Norland side agreed with Rivera."},
			},
			apart: [][2]string{{"Norland", "Rivera"}},
		},
		{
			name: "the word before a preposition ends a noun phrase, though never seen after a determiner",
			docs: [][2]string{
				{"Talks", "The heads of the diplomatic departments of Norland and Southland met on Monday."},
				{"Talks", "Staff from the diplomatic departments in both capitals agreed, officials said."},
			},
			together: [][]string{{"the diplomatic departments"}},
		},
		{
			name: "a qualifier of two words before a title is not a short form; an honorific's name is the first word after the title",
			docs: [][2]string{
				{"Visit", "On Monday, South Norland President Kim Sol Ra arrived. Officials of South Norland cheered. The president spoke."},
				{"Visit", "On Tuesday, Mr. Kim met farmers of South Norland, and President Kim Sol Ra left."},
			},
			together: [][]string{{"South Norland President Kim Sol Ra", "Mr. Kim", "President Kim Sol Ra"}},
			apart:    [][2]string{{"South Norland", "Mr. Kim"}},
		},
		{
			name: "a place's name before a person's, no title between, is two names (a place that leads other names: 'of' does not join it to the title)",
			docs: [][2]string{
				{"Bridge", "Governor of Essland Aldo Brenner welcomed the plan. Essland will pay most of the cost, Brenner said. Essland Roads will build it."},
				{"Bridge", "The region of Essland backs the plan, regional governor Aldo Brenner said."},
			},
			together: [][]string{{"Aldo Brenner", "Brenner"}, {"Essland"}},
			apart:    [][2]string{{"Essland", "Aldo Brenner"}},
			absent:   []string{"Essland Aldo Brenner"},
		},
		{
			name: "an acronym with full stops is the acronym without",
			docs: [][2]string{
				{"Deal", "Officials defended the G.R.P.A. on Monday. Critics of the G.R.P.A. spoke."},
				{"Deal", "Rivera attacked the GRPA again, and the GRPA held."},
			},
			together: [][]string{{"G.R.P.A.", "GRPA"}},
		},
		{
			name: "an agent noun ends a phrase, though never seen after a determiner",
			docs: [][2]string{
				{"Suit", "Lawyers said the campaign manager lied. The campaign said nothing."},
				{"Suit", "Reporters questioned the campaign manager."},
			},
			together: [][]string{{"the campaign manager"}},
		},
		{
			name: "a verb in -s after a name does not start a phrase",
			docs: [][2]string{
				{"Talks", "Officials said Rivera says peace is near. The peace talks went on."},
				{"Talks", "Officials hope for peace soon, and Rivera agreed."},
			},
			absent: []string{"Rivera says peace", "says peace"},
		},
		{
			name: "an adjective is no head",
			docs: [][2]string{
				{"Claims", "Norland must abandon its territorial claims if talks are to go on. The territorial dispute is old."},
				{"Claims", "Southland kept its territorial demands, and the territorial dispute went on."},
			},
			together: [][]string{{"The territorial dispute", "the territorial dispute"}},
			absent:   []string{"its territorial"},
		},
		{
			name: "a verb before a preposition does not end a noun phrase",
			docs: [][2]string{
				{"Visit", "Later the minister went on to Riverton. The minister spoke."},
				{"Visit", "The minister flew on to Riverton, aides said."},
			},
			together: [][]string{{"the minister", "The minister"}},
			absent:   []string{"the minister went", "The minister flew"},
		},
		{
			name: "a word between a determiner and a name describes the name",
			docs: [][2]string{
				{"Isles", "Fishermen from the southern Silver Isles protested. The Silver Isles lie far south."},
				{"Isles", "Norland claims the Southern Silver Isles, and the southern Silver Isles claim Norland."},
			},
			absent: []string{"the southern", "southern"},
		},
		{
			name: "a singular determiner takes no plural head, and a verb after its subject is no noun",
			docs: [][2]string{
				{"Accord", "The accord says a treaty needs to be signed first. Norland sees the need, and it needs to act."},
				{"Accord", "Southland stressed the need for a treaty, which it needs to sign soon."},
			},
			together: [][]string{{"a treaty"}}, // the phrase stays, without the verb
			absent:   []string{"a treaty needs", "needs"},
		},
		{
			name: "after a possessive, a word before a noun is a modifier unless it has a plural",
			docs: [][2]string{
				{"Aide", "Norland's foreign minister met Kremlin foreign policy aide Omar Vell. Norland's missile tests and its ballistic missiles worried him, and so did Norland's domestic troubles."},
				{"Aide", "In the areas of foreign policy, the aide said, its ballistic missiles worry Southland, and Southland's foreign minister agreed, citing Norland's domestic troubles."},
			},
			together: [][]string{{"its ballistic missiles"}}, // "missile" is a noun: "missiles" is written
			absent:   []string{"Kremlin foreign", "foreign", "Norland's domestic"},
		},
		{
			name: "a word with a noun's ending ends the phrase before a stopword or punctuation",
			docs: [][2]string{
				{"Talks", "Vell told his annual press conference that talks failed."},
				{"Talks", "Rivera spoke at a joint press conference, aides said."},
			},
			together: [][]string{{"his annual press conference", "a joint press conference"}},
			absent:   []string{"his annual press", "a joint press"},
		},
		{
			name: "a capitalised common noun, of, and a word that is no name of its own are one name",
			docs: [][2]string{
				{"Forum", "Vell spoke at the Territory of Meanings forum about the Northern Territories. Norland wants the Northern Territories."},
				{"Forum", "Omar Vell, the Prime Minister of Norland, told the Territory of Meanings youth forum that the disputed territory was always Norland's own land."},
			},
			together: [][]string{{"Northern Territories", "the Northern Territories"}, {"Territory of Meanings"}, {"Norland"}},
			apart:    [][2]string{{"Northern Territories", "Territory of Meanings"}, {"Norland", "Territory of Meanings"}},
			absent:   []string{"the Territory", "Prime Minister of Norland"},
		},
		{
			name: "a phrase joins the name its head ends only in the same number",
			docs: [][2]string{
				{"Isles", "Norland wants the Silver Territories back. The territories are small, and the territory of Norland is large."},
				{"Isles", "The Silver Territories are Southland's, and the territories stay so; the territory will not shrink."},
			},
			together: [][]string{{"Silver Territories", "The territories", "the territories"}},
			apart:    [][2]string{{"Silver Territories", "the territory"}},
		},
		{
			name: "a word mostly set before another is a modifier, not a head",
			docs: [][2]string{
				{"Tests", "Norland halted nuclear tests, nuclear sites and nuclear flights. Southland doubts its nuclear pledge, and fears its nuclear."},
				{"Tests", "The nuclear talks went on; a nuclear deal is near, officials said of the nuclear. The talks, the deal, the tests and the flights matter."},
			},
			absent: []string{"its nuclear", "the nuclear"},
		},
		{
			name: "a verb that introduces a quote is no head",
			docs: [][2]string{
				{"Talks", "“The talks are over,” the expert states. Officials agreed."},
				{"Talks", "“It is over,” the expert said, and the analyst states the same."},
			},
			together: [][]string{{"the expert"}},
			absent:   []string{"the expert states", "the analyst states"},
		},
		{
			name: "a modal or a conjunction heads no phrase",
			docs: [][2]string{
				{"Talks", "This can be settled, Vell said. The two will meet in May. A decision whether to go is due; the decision is hers."},
				{"Talks", "This can wait, Rivera said, and the two will talk. The decision whether to meet is near."},
			},
			together: [][]string{{"A decision", "the decision"}},
			absent:   []string{"This can", "The two will", "the two will", "whether", "A decision whether"},
		},
		{
			name: "two attributions of one quote differ in who speaks, not in a wording",
			docs: [][2]string{
				{"Suit", "“The plot was an act of unprecedented betrayal by the campaign of a rival party,” he said. The complaint was filed."},
				{"Suit", "“The plot was an act of unprecedented betrayal by the campaign of a rival party,” the complaint states. He said more."},
			},
			absent: []string{"he said", "the complaint states"},
		},
		{
			name: "a phrase may hold four words after its determiner",
			docs: [][2]string{
				{"Visit", "Vell began the first official state visit on Monday. The visit ends today."},
				{"Visit", "Rivera hosted their first formal state visit, and the visit went well."},
			},
			together: [][]string{{"the first official state visit", "their first formal state visit", "The visit"}},
			absent:   []string{"the first official state", "their first formal state"},
		},
		{
			name: "a past form after a name is a verb, and an adverb does not start a phrase of two words",
			docs: [][2]string{
				{"Aid", "Rivera applauded news of the deal. Farmers desperately need rain, and officials initially comment little."},
				{"Aid", "Vell applauded news of the aid; the news was good, the need is real and the comment was brief. A politically motivated lawsuit followed the politically motivated lawsuit. The lawsuit is old."},
			},
			together: [][]string{{"A politically motivated lawsuit", "the politically motivated lawsuit"}},
			absent:   []string{"applauded news", "desperately need", "initially comment"},
		},
		{
			name: "a that which starts a clause is no determiner",
			docs: [][2]string{
				{"Arms", "Norland builds weapons that pose a threat to the region. That exchange was tense."},
				{"Arms", "Southland fears the arms that pose a danger, and the threat that Norland poses. That exchange ended."},
			},
			together: [][]string{{"That exchange"}},
			absent:   []string{"that pose", "that Norland poses"},
		},
		{
			name: "a name of several words before of goes on, so that its acronym finds it",
			docs: [][2]string{
				{"Pact", "Norland signed the Joint Comprehensive Pact of Fisheries in 1971 after long and bitter talks with its neighbours. The JCPF still holds, and the pact is old."},
				{"Pact", "Southland says the J.C.P.F. is dead, and the Prime Minister of Norland agrees. Norland said so."},
			},
			together: [][]string{{"the Joint Comprehensive Pact of Fisheries", "JCPF", "the J.C.P.F."}},
			absent:   []string{"Prime Minister of Norland"},
		},
		{
			name: "a noun phrase known as a name is that name",
			docs: [][2]string{
				{"Pact", "Leaders met to save the fisheries deal known as the Joint Comprehensive Pact of Fisheries, or JCPF, on Monday. The deal is old."},
				{"Pact", "Southland says the JCPF is dead, and the deal will end, officials said on Monday."},
			},
			together: [][]string{{"the fisheries deal", "The deal", "JCPF", "the JCPF"}},
		},
		{
			name: "a phrase between commas after a name describes it, unless the name opens the sentence after a preposition",
			docs: [][2]string{
				{"Talks", "Omar Vell, the veteran envoy of Norland, met officials on Monday. After the Long War, the old harbour of Norland became a base."},
				{"Talks", "The veteran envoy spoke for an hour, and Vell left the Long War museum; the envoy flew home past the old harbour. The harbour is deep."},
			},
			together: [][]string{{"Vell", "the veteran envoy", "The veteran envoy", "the envoy"}},
			apart:    [][2]string{{"Long War", "the old harbour"}},
		},
		{
			name: "a past form after a noun inside a phrase is its verb",
			docs: [][2]string{
				{"Row", "Vell said his defense secretary shocked officials. The previously reported talks went on, and the officials and the secretary left."},
				{"Row", "The defense secretary shocked officials again, and the previously reported talks ended; the talks were long."},
			},
			together: [][]string{{"his defense secretary", "The defense secretary"}, {"The previously reported talks", "the previously reported talks"}},
			absent:   []string{"his defense secretary shocked officials", "defense secretary shocked officials"},
		},
		{
			name: "a verb form after a subject starts no phrase, and an adverb after a noun ends one",
			docs: [][2]string{
				{"Letters", "The university issued several letters. Its policies expressly bar bias, and the policies matter; the letters were long. Vell would seize border funds, and hope grew among loyal supporters."},
				{"Letters", "Officials were moving military funds, and the school wrote several letters about the funds and the bias. It would seize border funds, they said, with hope among loyal supporters."},
			},
			absent: []string{"issued several letters", "moving military funds", "Its policies expressly bar", "policies expressly bar bias",
				"seize border funds", "among loyal supporters"},
		},
		{
			name: "an attribution does not replace what is said",
			docs: [][2]string{
				{"Memo", "“The wall is finished and the funds are spent,” he wrote on Monday. Officials agreed."},
				{"Memo", "The wall is finished and the funds are spent, a report on Monday said. He wrote more."},
			},
			absent: []string{"he wrote", "a report"},
		},
		{
			name: "heads are compared as words, not stems: a reporter is no report, a presidency no president",
			docs: [][2]string{
				{"Vell", "On Monday President Omar Vell met the reporters. The report was long, and the presidency is weak, a reporter said."},
				{"Vell", "Omar Vell told a reporter that the report was false; the president said his presidency would last. The reports differ."},
			},
			together: [][]string{{"the reporters", "a reporter"}, {"The report", "the report"}, {"President Omar Vell", "the president"}},
			apart:    [][2]string{{"a reporter", "the report"}, {"the president", "the presidency"}},
		},
		{
			name: "a common irregular past form is a verb",
			docs: [][2]string{
				{"Isles", "After the war the whole archipelago became part of Norland, and the archipelago grew."},
				{"Isles", "The school wrote several letters; the archipelago became Norland's, and the letters were long."},
			},
			together: [][]string{{"the whole archipelago", "the archipelago"}},
			absent:   []string{"the whole archipelago became part", "became part", "wrote several letters", "The school wrote several letters"},
		},
		{
			name: "a plural after a name is a verb when its object follows",
			docs: [][2]string{
				{"Row", "However, Norland disputes Southland's claims over the isles. The disputes are old."},
				{"Row", "Norland disputes the border, and the disputes go on."},
			},
			together: [][]string{{"The disputes", "the disputes"}},
			absent:   []string{"Norland disputes"},
		},
		{
			name: "a full name is one person under several titles",
			docs: [][2]string{
				{"Union", "Officials said Union Chairman Omar Vell spoke on Monday, and Omar Vell left early. Mr. Vell said the papers were false."},
				{"Union", "Reporters said Union Chair Omar Vell called the papers forged, and Mr. Vell left; the chairman was angry."},
			},
			together: [][]string{{"Union Chairman Omar Vell", "Union Chair Omar Vell", "Omar Vell", "Mr. Vell"}},
		},
		{
			name: "an irregular participle modifies, and news is no plural of new",
			docs: [][2]string{
				{"Mail", "Hackers leaked the stolen emails, and officials feared the stolen. It was good news for a new party."},
				{"Mail", "The stolen emails spread; the news was bad, and a new inquiry began into the emails and the stolen."},
			},
			together: [][]string{{"the stolen emails", "The stolen emails"}},
			apart:    [][2]string{{"good news", "a new party"}, {"the news", "a new inquiry"}},
			absent:   []string{"the stolen"},
		},
		{
			name: "comparatives, words in -ly and dates head nothing",
			docs: [][2]string{
				{"Memo", "On Feb. 14 the former director wrote that the former was ready, and that shortly the memo would leave. In January he left Congress Wednesday, and the next three days passed; the next three were calm."},
				{"Memo", "The former director told Congress Wednesday that the memo was ready, and shortly after Feb. 14 it left; the former agreed. In the next three weeks Congress met, and the next three were calm."},
			},
			together: [][]string{{"the former director", "The former director"}},
			absent:   []string{"the former", "shortly", "Feb", "January", "the next three", "Congress Wednesday"},
		},
		{
			name: "then- and ex- before a title start a name",
			docs: [][2]string{
				{"Deal", "The deal was signed by then-President Alma Rivera in 2015, and Alma Rivera defended it."},
				{"Deal", "Critics said ex-President Alma Rivera made a bad deal; President Rivera denied it."},
			},
			together: [][]string{{"then-President Alma Rivera", "ex-President Alma Rivera", "Alma Rivera", "President Rivera"}},
		},
		{
			name: "a relational noun is the one entity its other words describe",
			docs: [][2]string{
				{"Visit", "In the old palace of the capital, the visiting Northern President Alma Rivera met with Southern Prime Minister Omar Vell for long talks. Rivera sought common ground with his Southern counterpart on trade."},
				{"Visit", "Rivera and Vell met; Vell praised his Northern counterpart, and Rivera left."},
			},
			together: [][]string{{"Vell", "his Southern counterpart"}, {"Rivera", "his Northern counterpart"}},
		},
		{
			name: "a cardinal heads no phrase",
			docs: [][2]string{
				{"Talks", "Vell named his three. The next three were his aides, and the three left."},
				{"Talks", "Rivera named her three, and the three stayed; the next three came later."},
			},
			absent: []string{"his three", "The next three", "the three", "the next three", "her three"},
		},
		{
			name: "a capitalised common noun alone is no short form of a name it ends",
			docs: [][2]string{
				{"Show", "Vell spoke on Norland News on Monday. News of the deal spread, and the news was good."},
				{"Show", "Rivera watched Norland News. News of the talks came late; the news was bad."},
			},
			together: [][]string{{"Norland News"}},
			apart:    [][2]string{{"Norland News", "News"}},
		},
		{
			name: "a phrase of time names nothing, and a verb follows it",
			docs: [][2]string{
				{"Talks", "Talks resumed this month. It creates security risks, officials said this month."},
				{"Talks", "Envoys met this month, and officials said it creates security problems."},
			},
			absent: []string{"this month", "creates security"},
		},
		{
			name: "a verb form after a name does not describe it",
			docs: [][2]string{
				{"Row", "On Monday the Norland Foreign Ministry denied reports of talks."},
				{"Row", "The reports were false, and the Norland Foreign Ministry denied reports again."},
			},
			together: [][]string{{"Norland Foreign Ministry"}},
			absent:   []string{"Norland Foreign Ministry denied reports", "the Norland Foreign Ministry denied reports"},
		},
		{
			name: "people of one kind with different proper modifiers are different people",
			docs: [][2]string{
				{"Talks", "The Norland leader met officials on Monday. The leader said talks went well, and the Southland leader agreed."},
				{"Talks", "On Tuesday Norland's leader flew home, officials said. The Southland leader stayed."},
			},
			together: [][]string{{"The Norland leader", "Norland's leader"}, {"the Southland leader", "The Southland leader"}},
			apart:    [][2]string{{"The Norland leader", "the Southland leader"}},
		},
		{
			name: "a modifier ends no phrase without a determiner",
			docs: [][2]string{
				{"Talks", "The talks bring international prestige to Norland. The international community and international donors welcomed them."},
				{"Talks", "Officials say a deal would ease international sanctions, conferring international prestige on the envoy."},
			},
			absent: []string{"conferring international", "ease international"},
		},
		{
			name: "a word in -s after a singular determiner or that is no head",
			docs: [][2]string{
				{"Suit", "The suit names six people. That includes the envoy, and this means delays. Officials said that negotiations stalled."},
				{"Suit", "It includes the envoy. The negotiations stalled, officials said."},
			},
			absent: []string{"That includes", "this means", "that negotiations"},
		},
		{
			name: "a word mostly set before names is no head",
			docs: [][2]string{
				{"Talks", "On Monday former President Omar Vell met the former Norland envoy Alma Rivera. Officials said former Governor Han Sol Mi would come."},
				{"Talks", "The talks included the former Norland envoy, aides said. Vell spoke first, and Rivera agreed."},
			},
			absent: []string{"the former"},
		},
		{
			name: "a noun after a long name is a verb",
			docs: [][2]string{
				{"Calls", "Aides said the president had Norland Union Chair Omar Vell call Alma Rivera on Monday. The call was short."},
				{"Calls", "Vell made the call, and Rivera said the call went well."},
			},
			together: [][]string{{"Alma Rivera", "Rivera"}},
			absent:   []string{"Norland Union Chair Omar Vell call Alma Rivera", "Norland Union Chair Omar Vell call"},
		},
		{
			name: "a possessor is named without its 's",
			docs: [][2]string{
				{"Row", "The minister's aides met on Monday. Critics said the minister had left."},
				{"Row", "Officials said the minister’s plan would fail."},
			},
			together: [][]string{{"The minister", "the minister"}},
			absent:   []string{"The minister's", "the minister’s"},
		},
		{
			name: "a participle is no head",
			docs: [][2]string{
				{"Isles", "Troops may be deployed in the disputed territories if talks fail."},
				{"Isles", "Norland wants the disputed territories back, and the disputed areas too."},
			},
			together: [][]string{{"the disputed territories"}},
			absent:   []string{"the disputed"},
		},
		{
			name: "a word in -eed is no participle",
			docs: [][2]string{
				{"Talks", "Officials stressed the need for talks on Monday."},
				{"Talks", "Envoys saw the need for talks, officials said."},
			},
			together: [][]string{{"the need"}},
		},
		{
			name: "a common noun written as a name splits no longer name into a title and a name",
			docs: [][2]string{
				{"Pact", "Norland is withdrawing from the Silver Harbour Forces Treaty struck in 1987. The treaty banned missiles."},
				{"Pact", "Under the 1960 Treaty between Riverton and Lakeside, Norland may deploy its armed forces anywhere."},
			},
			apart: [][2]string{{"Silver Harbour Forces Treaty", "its armed forces"}},
		},
		{
			name: "a one-word place is not a short form of a longer name ending in a noun",
			docs: [][2]string{
				{"Summit", "Delegates met in Varna for the Varna Statements. Varna was calm. The statements were long."},
				{"Summit", "The city of Varna hosted the talks. Varna police closed roads."},
			},
			apart: [][2]string{{"Varna", "Varna Statements"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, src := event(t, tt.docs...)
			cs := concepts(t, arts)
			checkInvariants(t, cs, src)
			for _, group := range tt.together {
				first := conceptOf(cs, -1, group[0])
				if first == nil {
					t.Errorf("%q: in no concept", group[0])
					continue
				}
				for _, p := range group[1:] {
					if c := conceptOf(cs, -1, p); c == nil || c.ID != first.ID {
						t.Errorf("%q: want it in %s with %q, got %v", p, first.ID, group[0], c)
					}
				}
			}
			for _, pair := range tt.apart {
				a, b := conceptOf(cs, -1, pair[0]), conceptOf(cs, -1, pair[1])
				if a != nil && b != nil && a.ID == b.ID {
					t.Errorf("%q and %q: both in %s", pair[0], pair[1], a.ID)
				}
			}
			for _, p := range tt.absent {
				if c := conceptOf(cs, -1, p); c != nil {
					t.Errorf("%q: a mention of %s", p, c.ID)
				}
			}
		})
	}
}

// TestMinedFromAlignedClaims: two outlets word one sentence alike but for
// the act; the two wordings become one mined concept that differs (the
// predicate row of the same diff yields its spans to it).
func TestMinedFromAlignedClaims(t *testing.T) {
	arts, src := event(t,
		[2]string{"Treaty talks", "The ministers discussed returning the two northern islands under the old declaration on Monday. Markets were calm."},
		[2]string{"Treaty talks", "The ministers discussed handing over the two northern islands under the old declaration on Monday. Trade was slow."},
	)
	cs := concepts(t, arts)
	checkInvariants(t, cs, src)
	a, b := conceptOf(cs, 0, "returning"), conceptOf(cs, 1, "handing over")
	if a == nil || b == nil || a.ID != b.ID {
		t.Fatalf("returning and handing over: got %v and %v", a, b)
	}
	if a.Source != Mined || !Differs(*a) || Outlets(*a) != 2 {
		t.Errorf("got source %s, differs %v, outlets %d; want mined, true, 2", a.Source, Differs(*a), Outlets(*a))
	}
	if a.Confidence != Sure {
		t.Errorf("mined from aligned sentences: confidence %q, want sure", a.Confidence)
	}
	checkOrder(t, cs)
}

// checkOrder checks the order of concepts: rows joined by a head noun
// alone (Loose) last; before them those whose wordings contrast first, and
// among those alike in that, the surer first.
func checkOrder(t *testing.T, cs []Concept) {
	t.Helper()
	loose := func(c Concept) bool { return c.Confidence == Loose }
	for i := 1; i < len(cs); i++ {
		p, c := cs[i-1], cs[i]
		switch {
		case loose(p) && !loose(c):
			t.Errorf("concept %d (%s, %s) follows a loose one (%s)", i, c.ID, c.Confidence, p.ID)
		case loose(p) || loose(c):
		case Contrasts(c) > 0 && Contrasts(p) == 0:
			t.Errorf("concept %d (%s) contrasts but follows %s, which does not", i, c.ID, p.ID)
		case (Contrasts(c) > 0) == (Contrasts(p) > 0) && c.Confidence.Rank() > p.Confidence.Rank():
			t.Errorf("concept %d (%s, %s) follows a less sure one (%s, %s)", i, c.ID, c.Confidence, p.ID, p.Confidence)
		}
	}
}

func TestConceptsDeterministic(t *testing.T) {
	arts, _ := event(t,
		[2]string{"Leader visits", "President Alma Rivera met farmers on Monday. Rivera said the harvest was good. The president later flew home."},
		[2]string{"Visit ends", "Mrs. Rivera, the president, left the province. Officials praised President Rivera for the visit."},
	)
	first := fmt.Sprint(concepts(t, arts))
	for range 5 {
		if again := fmt.Sprint(concepts(t, arts)); again != first {
			t.Fatalf("same input, different concepts:\n%s\n%s", first, again)
		}
	}
}

func TestNorm(t *testing.T) {
	for _, tt := range [][2]string{{"Russia’s  “claims”", `russia's "claims"`}, {" The\nPresident ", "the president"}} {
		if got := Norm(tt[0]); got != tt[1] {
			t.Errorf("Norm(%q) = %q, want %q", tt[0], got, tt[1])
		}
	}
	if got := slug("U.S.–Japan alliance"); !strings.HasPrefix(got, "u-s-japan") || slices.Contains([]byte(got), ' ') {
		t.Errorf("slug = %q", got)
	}
}

// A concept's label is its commonest wording, in its shortest written form
// with fewest capitals, without a leading determiner.
func TestLabel(t *testing.T) {
	ms := func(texts ...string) []Mention {
		out := make([]Mention, len(texts))
		for i, s := range texts {
			out[i] = Mention{Article: i, Text: s}
		}
		return out
	}
	for _, tc := range []struct {
		mentions []Mention
		want     string
	}{
		{ms("Talks", "the talks", "talks"), "talks"},                               // a capital from the sentence's start
		{ms("its position", "The position", "their position"), "position"},         // any determiner
		{ms("the Silver Isles", "Silver Isles", "the Grey Rocks"), "Silver Isles"}, // the commonest wording
		{append(ms("the talks", "talks"), Mention{Text: "the summit", Nested: true}, Mention{Text: "the summit", Nested: true}, Mention{Text: "the summit", Nested: true}), "talks"}, // nested mentions do not count
	} {
		if got := label(tc.mentions); got != tc.want {
			t.Errorf("label(%v) = %q, want %q", tc.mentions, got, tc.want)
		}
	}
}

// keyRef is Key as first written, in steps: the reference the one-pass
// Key must agree with.
func keyRef(s string) string {
	ws := strings.Fields(strings.ReplaceAll(Norm(s), ".", ""))
	for len(ws) > 1 && determiners[ws[0]] {
		ws = ws[1:]
	}
	if n := len(ws); n > 0 {
		last := strings.TrimSuffix(ws[n-1], "'s")
		if strings.HasSuffix(last, "s'") {
			last = last[:len(last)-1]
		}
		ws[n-1] = singular(last)
	}
	return strings.Join(ws, " ")
}

func TestKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The islands", "island"},
		{"the islands’", "island"},
		{"the president's", "president"},
		{"U.S.", "us"},
		{"the speeches", "speech"},
		{"the press", "press"},
		{"  its  Northern\tTerritories ", "northern territory"}, // "-ies" is "-y"
		{"the", "the"},                                          // a determiner alone stays
		{"“Silver Isles”", "\"silver isles\""},
		{"", ""},
	} {
		if got := Key(tc.in); got != tc.want {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"The islands", "the islands’", "U. S. .", "a the this", "İstanbul’s", "\xff\xfe x's", "our  leaders'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Key(s), keyRef(s); got != want {
			t.Errorf("Key(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestPlural: which words read as plurals, for the rule that a singular
// determiner takes no plural head.
func TestPlural(t *testing.T) {
	for w, want := range map[string]bool{
		"needs": true, "talks": true, "countries": true, "speeches": true,
		"press": false, "status": false, "crisis": false, "need": false, "news": false, "series": false,
		"official's": false, "minister’s": false, "its": false,
	} {
		if got := pluralLike(w); got != want {
			t.Errorf("pluralLike(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestConfidence(t *testing.T) {
	for _, tc := range []struct {
		name string
		ev   evidence
		want Confidence
	}{
		{"concept file", evidence{lexicon: true}, Sure},
		{"concept file, many phrases", evidence{lexicon: true, wordings: 4, phrases: 4}, Sure},
		{"one wording", evidence{wordings: 1, phrases: 1}, Sure},
		{"forms of one name", evidence{wordings: 3, names: 3}, Sure},
		{"alias statement", evidence{alias: true, wordings: 3, names: 2, phrases: 1}, Sure},
		{"mined from aligned sentences", evidence{wordings: 2, mined: 2}, Sure},
		{"mined with a name", evidence{wordings: 2, mined: 1, names: 1}, Sure},
		{"mined with one phrase", evidence{wordings: 2, mined: 1, phrases: 1}, Sure},
		{"phrases by head noun", evidence{wordings: 2, phrases: 2}, Loose},
		{"phrase joined to a name by its titles", evidence{wordings: 3, names: 1, phrases: 2}, Likely},
		{"mined, and phrases by head noun", evidence{wordings: 3, mined: 1, phrases: 2}, Loose},
		{"an act worded differently", evidence{predicate: true, wordings: 2}, Likely},
	} {
		if got := confidence(tc.ev); got != tc.want {
			t.Errorf("%s: confidence(%+v) = %q, want %q", tc.name, tc.ev, got, tc.want)
		}
	}
	if !(Sure.Rank() > Likely.Rank() && Likely.Rank() > Loose.Rank() && Loose.Rank() > Confidence("").Rank()) {
		t.Error("Rank does not order sure > likely > loose > none")
	}
}

// TestPredicateRows: an act two reports word differently, in sentences
// the aligner does not pair but that stand among the same words, is a row
// of its own (source predicate, likely); one whose wording another
// concept already holds joins that concept.
func TestPredicateRows(t *testing.T) {
	arts, src := event(t,
		[2]string{"Harbour news", "Late on Sunday, after a standoff, the rebels seized the lighthouse and the harbour cranes at Kelvale. The council met on Monday."},
		[2]string{"Coast report", "Officials in the capital said on Monday that armed rebels had captured the harbour cranes and the lighthouse at Kelvale overnight. Trade was slow."},
	)
	cs := concepts(t, arts)
	checkInvariants(t, cs, src)
	a, b := conceptOf(cs, 0, "seized"), conceptOf(cs, 1, "captured")
	if a == nil || b == nil || a.ID != b.ID {
		t.Fatalf("seized and captured: got %v and %v", a, b)
	}
	if a.Source != Predicate || a.Confidence != Likely {
		t.Errorf("got source %s, confidence %s; want predicate, likely", a.Source, a.Confidence)
	}
	checkOrder(t, cs)
}

func TestJoinable(t *testing.T) {
	kinds := []mkind{kName, kMined, kPhrase}
	for _, c := range []struct {
		touched map[int]bool
		into    int
		ok      bool
	}{
		{map[int]bool{}, 0, false},                 // nobody holds its wordings: a row of its own
		{map[int]bool{1: true}, 1, true},           // a mined row: join it
		{map[int]bool{2: true}, 2, true},           // a noun phrase's row: join it
		{map[int]bool{0: true}, 0, false},          // a name: an act is no person
		{map[int]bool{-1: true}, -1, false},        // a concept file's: not ours to change
		{map[int]bool{1: true, 2: true}, 0, false}, // two rows: it would bridge them
	} {
		into, ok := joinable(c.touched, kinds)
		if ok != c.ok || ok && into != c.into {
			t.Errorf("joinable(%v) = %d, %v; want %d, %v", c.touched, into, ok, c.into, c.ok)
		}
	}
}
