package frame

import (
	"strings"
	"testing"

	"github.com/biasdiff/biasdiff/align"
)

// A passCase is a small event and what one pass must have done to it.
// Texts are candidate texts as spanText gives them, optionally with the
// kind first ("name:", "desc:", "phrase:", "mined:"); a text stands for
// every candidate that has it.
type passCase struct {
	name string
	docs [][2]string
	adds []string // the pass adds a candidate with this text
	// joins: a candidate of each text share a cluster after the pass, and
	// did not before it.
	joins [][2]string
	// apart: both texts are candidates after the pass, in no common
	// cluster.
	apart [][2]string
	has   []string // a candidate has this text after the pass
	none  []string // no candidate has this text after the pass
}

// kinds names the kinds of candidate as passCase texts spell them.
var kinds = map[string]mkind{"name": kName, "desc": kDesc, "phrase": kPhrase, "mined": kMined}

// matching lists the candidates of e with text spec ("kind:text" or
// "text").
func (e *tevent) matching(spec string) []int {
	kind, text, ok := strings.Cut(spec, ":")
	k, known := kinds[kind]
	if !ok || !known {
		text, k = spec, -1
	}
	var out []int
	for i := range e.cands {
		c := &e.cands[i]
		if (k < 0 || c.kind == k) && e.spanText(c) == text {
			out = append(out, i)
		}
	}
	return out
}

// joined tells whether a candidate of a and one of b share a cluster.
func (e *tevent) joined(a, b string) bool {
	for _, i := range e.matching(a) {
		for _, j := range e.matching(b) {
			ci, cj := e.cands[i].cluster, e.cands[j].cluster
			if ci >= 0 && cj >= 0 && e.find(ci) == e.find(cj) {
				return true
			}
		}
	}
	return false
}

// runPassCases runs, for each case, the passes before the named one and
// then through it, and checks what the case says it did.
func runPassCases(t *testing.T, pass string, cases []passCase) {
	t.Helper()
	prev := ""
	for i, p := range passes {
		if p.name == pass {
			if i > 0 {
				prev = passes[i-1].name
			}
			break
		}
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			arts, _ := event(t, tc.docs...)
			claims := align.Claims(arts, align.Options{})
			before := newEvent(arts, claims)
			if prev != "" {
				before.runPasses(prev)
			}
			after := newEvent(arts, claims)
			after.runPasses(pass)
			for _, a := range tc.adds {
				if n, m := len(before.matching(a)), len(after.matching(a)); m <= n {
					t.Errorf("adds %q: %d candidates before %s, %d after", a, n, pass, m)
				}
			}
			for _, p := range tc.joins {
				if before.joined(p[0], p[1]) {
					t.Errorf("joins %q and %q: joined before %s already", p[0], p[1], pass)
				}
				if !after.joined(p[0], p[1]) {
					t.Errorf("joins %q and %q: not joined after %s", p[0], p[1], pass)
				}
			}
			for _, p := range tc.apart {
				for _, x := range p {
					if len(after.matching(x)) == 0 {
						t.Errorf("apart: %q is no candidate after %s", x, pass)
					}
				}
				if after.joined(p[0], p[1]) {
					t.Errorf("apart: %q and %q joined after %s", p[0], p[1], pass)
				}
			}
			for _, x := range tc.has {
				if len(after.matching(x)) == 0 {
					t.Errorf("has: %q is no candidate after %s", x, pass)
				}
			}
			for _, x := range tc.none {
				if len(after.matching(x)) > 0 {
					t.Errorf("none: %q is a candidate after %s", x, pass)
				}
			}
		})
	}
}

func TestPassNames(t *testing.T) {
	runPassCases(t, "names", []passCase{
		{
			name: "a name run and a noun phrase; a day is no name",
			docs: [][2]string{{"Visit", "On Monday President Alma Rivera met the envoy."}},
			adds: []string{"name:President Alma Rivera", "phrase:the envoy"},
			none: []string{"Monday", "On Monday President Alma Rivera"},
		},
		{
			name: "a description before a name",
			docs: [][2]string{{"Visit", "Officials said Norland leader Han Sol Mi arrived late. The leader spoke briefly."}},
			adds: []string{"desc:Norland leader Han Sol Mi", "name:Han Sol Mi", "name:Norland", "phrase:The leader"},
		},
		{
			name: "a verb after a name starts no phrase",
			docs: [][2]string{{"Talks", "Officials said Rivera says the talks failed."}},
			adds: []string{"name:Rivera", "phrase:the talks"},
			none: []string{"Rivera says", "says the talks"},
		},
		{
			name: "one capitalised word after a determiner, lower case elsewhere, is a phrase",
			docs: [][2]string{{"Visit", "The envoy met the President on Friday. Aides said the president was tired."}},
			adds: []string{"phrase:the President"},
			none: []string{"name:President"},
		},
	})
}

func TestPassClusterNames(t *testing.T) {
	runPassCases(t, "cluster-names", []passCase{
		{
			name:  "short forms and titled forms of one name",
			docs:  [][2]string{{"Visit", "President Alma Rivera met farmers. Rivera said the harvest was good."}, {"Visit", "Officials praised President Rivera, and Omar Vell agreed."}},
			joins: [][2]string{{"Rivera", "President Alma Rivera"}, {"President Rivera", "President Alma Rivera"}},
			apart: [][2]string{{"Rivera", "Omar Vell"}},
		},
		{
			name:  "an acronym joins the name whose initials it spells",
			docs:  [][2]string{{"Suit", "The Green Farmers Union filed a suit on Friday. The GFU wants damages."}},
			joins: [][2]string{{"Green Farmers Union", "GFU"}},
		},
		{
			name:  "a name after a title is the name alone",
			docs:  [][2]string{{"Post", "Officials said Former Director Vell spoke on Monday. Aides said Vell was right, and the director agreed."}},
			joins: [][2]string{{"Former Director Vell", "Vell"}},
		},
		{
			name:  "the first word of a person's name stands for the person",
			docs:  [][2]string{{"Talks", "Officials said Han Sol Mi arrived on Monday. Aides said Mr. Han left early."}, {"Talks", "Reporters saw Han Sol Mi in the hall, where Han spoke."}},
			joins: [][2]string{{"Han", "Han Sol Mi"}},
		},
		{
			name:  "the first word of a place or a paper does not",
			docs:  [][2]string{{"Storm", "Officials in West Harbour said the storm hit the coast, and the Marbury Times said so too."}, {"Storm", "Reporters in West Harbour saw the damage. In the West, people said the Marbury Times was right, and Marbury agreed."}},
			apart: [][2]string{{"West", "West Harbour"}, {"Marbury", "Marbury Times"}},
		},
		{
			name:  "a compass point as noun or adjective: one place",
			docs:  [][2]string{{"Islands", "Two officials visited the remote Southern Silver Islands by boat and met fishermen there."}, {"Islands", "Three small ships sailed to the South Silver Islands with food and fuel for the winter."}},
			joins: [][2]string{{"Southern Silver Islands", "South Silver Islands"}},
		},
		{
			name:  "an organisation in a title is no short form of the titled person",
			docs:  [][2]string{{"Hearing", "Lawmakers said House Fisheries Committee Chairman Omar Vell opened the hearing on Monday."}, {"Hearing", "Members of the Fisheries Committee met on Monday, and Omar Vell spoke first."}},
			apart: [][2]string{{"Fisheries Committee", "House Fisheries Committee Chairman Omar Vell"}},
		},
		{
			name:  "two names side by side are not one name",
			docs:  [][2]string{{"Talks", "Officials said Omar Vell met envoys on Monday, Vell Norpress reports."}, {"Talks", "The talks went well, Norpress said."}},
			apart: [][2]string{{"Norpress", "Vell Norpress"}},
		},
	})
}

func TestPassAliases(t *testing.T) {
	runPassCases(t, "aliases", []passCase{
		{
			name:  "which X calls A and Y calls B",
			docs:  [][2]string{{"Dispute", "The dispute is over the atolls, which Norland calls the Silver Isles and Southland calls the Grey Rocks."}},
			joins: [][2]string{{"Silver Isles", "Grey Rocks"}},
			apart: [][2]string{{"Silver Isles", "Southland"}, {"Grey Rocks", "Norland"}},
		},
		{
			name:  "A, also known as B",
			docs:  [][2]string{{"Pact", "Officials signed the Green Pact, also known as the Tide Accord, on Friday."}},
			joins: [][2]string{{"Green Pact", "Tide Accord"}},
		},
	})
}

func TestPassWithArticle(t *testing.T) {
	runPassCases(t, "with-article", []passCase{
		{
			name: "a name after the is also a mention with it",
			docs: [][2]string{{"Report", "Officials said the GRPA would act soon. Critics of the White House, however, disagreed."}},
			adds: []string{"name:the GRPA", "name:the White House"},
		},
		{
			name: "not where the name modifies what follows",
			docs: [][2]string{{"Report", "Officials said the Rivera administration would act."}},
			none: []string{"name:the Rivera administration", "name:the Rivera"},
		},
	})
}

func TestPassResolvePhrases(t *testing.T) {
	runPassCases(t, "resolve-phrases", []passCase{
		{
			name:  "a plural or another country's officials are not the official named",
			docs:  [][2]string{{"Memo", "Officials said Justice Department official Omar Vell wrote the memo. Aides said the official left early, and Vell agreed. The Southland official said nothing, and the officials in Kelvale waited."}},
			joins: [][2]string{{"the official", "Justice Department official Omar Vell"}},
			apart: [][2]string{{"The Southland official said", "Justice Department official Omar Vell"}, {"the officials", "Justice Department official Omar Vell"}},
		},
		{
			name: "a qualifier before a title is no mention of the titled name",
			docs: [][2]string{{"Visit", "Officials said Southland President Han Sol Mi arrived. Aides said the president left, and President Han Sol Mi agreed."}},
			none: []string{"name:Southland"},
		},
		{
			name:  "a title is its entity",
			docs:  [][2]string{{"Visit", "Officials said President Alma Rivera met farmers. Aides said the president left early, and Rivera agreed. Officials praised President Rivera."}},
			joins: [][2]string{{"the president", "President Alma Rivera"}},
		},
		{
			name:  "a phrase between commas after a name describes it",
			docs:  [][2]string{{"Talks", "Officials said Omar Vell, the veteran minister, said little. Aides praised Vell."}},
			joins: [][2]string{{"the veteran minister", "Omar Vell"}},
		},
		{
			name:  "phrases of one head noun are one concept",
			docs:  [][2]string{{"Talks", "Officials said the summit was long. Aides said the long summit ended."}},
			joins: [][2]string{{"the summit", "the long summit"}},
		},
		{
			name:  "people of one kind with different proper modifiers are different people",
			docs:  [][2]string{{"Talks", "Officials said the Norland minister left. Aides said the Southland minister stayed."}},
			apart: [][2]string{{"the Norland minister", "the Southland minister"}},
		},
		{
			name: "a titled name is also its title and its name",
			docs: [][2]string{{"Talks", "Officials said Norland Prime Minister Omar Vell left. Aides said Vell was tired, and the prime minister slept."}},
			adds: []string{"name:Omar Vell"},
		},
	})
}

func TestPassNamePhrases(t *testing.T) {
	runPassCases(t, "name-phrases", []passCase{
		{
			name:  "a phrase known as a name is that name",
			docs:  [][2]string{{"Deal", "Officials signed the fisheries deal known as the Joint Pact. Critics said the Joint Pact was weak, and the deal unfair."}},
			joins: [][2]string{{"the fisheries deal", "Joint Pact"}},
		},
	})
}

func TestPassMine(t *testing.T) {
	runPassCases(t, "mine", []passCase{
		{
			name:  "a writer's contrast",
			docs:  [][2]string{{"Deal", "He said the deal was not about selling, but about leasing the port for a decade."}},
			joins: [][2]string{{"selling", "leasing"}},
		},
		{
			name: "a replacement in sentences of two reports that share most of their words",
			docs: [][2]string{
				{"Port", "Officials confirmed the talks on selling the northern port to the company on Friday."},
				{"Port", "Officials confirmed the talks on leasing the northern port to the company on Friday."},
			},
			joins: [][2]string{{"selling", "leasing"}},
		},
		{
			name: "not only X but also Y is no contrast",
			docs: [][2]string{{"Plan", "The plan covers not only fishing but also shipping in the bay."}},
			has:  []string{"The plan", "the bay"},
			none: []string{"mined:fishing", "mined:shipping"},
		},
	})
}

func TestPassSpread(t *testing.T) {
	runPassCases(t, "spread", []passCase{
		{
			name: "a concept's head noun alone, and a mined wording in another inflection",
			docs: [][2]string{
				{"Deal", "He said the deal was not about selling, but about leasing the port. Critics said leasing was wrong."},
				{"Deal", "Officials said a deal had been reached. They leased the port, and deal talks went on."},
			},
			adds: []string{"deal", "leased"},
		},
		{
			name: "a mined act's stem that modifies a noun is not the act: 'rushed', not the 'rush' of a rush hour",
			docs: [][2]string{
				{"Vote", "The plan was pushed through in a single evening, the councillor said. Commuters face a detour in the morning rush hour, the traffic department said."},
				{"Vote", "The plan was rushed through in a single evening, the councillor said."},
			},
			has:  []string{"mined:pushed", "rushed"},
			none: []string{"rush"},
		},
		{
			name: "a name capitalised only",
			docs: [][2]string{{"Talks", "Officials from the US said the talks failed. Critics told us the US was wrong."}},
			has:  []string{"name:US", "name:the US"},
			none: []string{"us"},
		},
	})
}

// TestOtherRank: a modifier that makes a title another office keeps a
// phrase from the entity whose descriptions lack it.
func TestOtherRank(t *testing.T) {
	president := map[string]bool{"president": true, "norland": true}
	vice := map[string]bool{"vice": true, "president": true}
	for _, c := range []struct {
		mods  []string
		vocab map[string]bool
		want  bool
	}{
		{[]string{"senior", "vice"}, president, true}, // "a senior vice president" is not President Vell
		{[]string{"vice"}, vice, false},               // "the vice president" is Vice President Roe
		{[]string{"deputy"}, president, true},
		{[]string{"norland"}, president, false},
		{nil, president, false},
	} {
		if got := otherRank(c.mods, c.vocab); got != c.want {
			t.Errorf("otherRank(%q) = %v, want %v", c.mods, got, c.want)
		}
	}
}
