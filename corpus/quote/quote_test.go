package quote

import (
	"os"
	"strings"
	"testing"
)

// want is what a test expects of one quote. Fields left zero in flags are
// not checked.
type want struct {
	text, speaker, verb string
	partial             bool
	flags               string // space-separated: cont unbal inh via=X attr=X
}

func sample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../sample/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func checkQuotes(t *testing.T, text string, wants []want) {
	t.Helper()
	got := Find(text, splitSentences(text))
	checkInvariants(t, text, got)
	if len(got) != len(wants) {
		for _, q := range got {
			t.Logf("got %q speaker=%q verb=%q partial=%v", q.Text, q.Speaker, q.Verb, q.Partial)
		}
		t.Fatalf("got %d quotes, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		q := got[i]
		if q.Text != w.text || q.Speaker != w.speaker || q.Verb != w.verb || q.Partial != w.partial {
			t.Errorf("quote %d:\n got %q speaker=%q verb=%q partial=%v\nwant %q speaker=%q verb=%q partial=%v",
				i, q.Text, q.Speaker, q.Verb, q.Partial, w.text, w.speaker, w.verb, w.partial)
		}
		for _, fl := range strings.Fields(w.flags) {
			k, v, _ := strings.Cut(fl, "=")
			v = strings.ReplaceAll(v, "_", " ")
			ok := true
			switch k {
			case "cont":
				ok = q.Continues
			case "unbal":
				ok = q.Unbalanced
			case "inh":
				ok = q.Inherited
			case "via":
				ok = q.Via == v
			case "attr":
				ok = q.Attribution == v
			default:
				t.Fatalf("bad flag %q", fl)
			}
			if !ok {
				t.Errorf("quote %d %q: want %s; got cont=%v unbal=%v inh=%v via=%q attr=%q",
					i, q.Text, fl, q.Continues, q.Unbalanced, q.Inherited, q.Via, q.Attribution)
			}
		}
	}
}

// checkInvariants checks what every result must satisfy.
func checkInvariants(t *testing.T, text string, qs []Quote) {
	t.Helper()
	in := func(s Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) }
	prev := 0
	for i, q := range qs {
		switch {
		case !in(q.Span) || !in(q.Outer) || !in(q.SpeakerSpan):
			t.Fatalf("quote %d: span out of text: %+v", i, q)
		case q.Outer.Start < prev:
			t.Fatalf("quote %d: out of order or overlapping: %+v", i, q)
		case q.Span.Start < q.Outer.Start || q.Span.End > q.Outer.End || q.Span.Start >= q.Span.End:
			t.Fatalf("quote %d: span %v not inside outer %v", i, q.Span, q.Outer)
		case q.Text != text[q.Span.Start:q.Span.End]:
			t.Fatalf("quote %d: text %q != text[span]", i, q.Text)
		case q.Sentence < -1:
			t.Fatalf("quote %d: sentence %d", i, q.Sentence)
		}
		prev = q.Outer.End
	}
}

func TestAttributionPatterns(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		wants []want
	}{
		{"X said", `"We will not give up the islands," Lavrov said on Monday.`,
			[]want{{"We will not give up the islands", "Lavrov", "said", false, "attr=Lavrov"}}},
		{"said X with title", `“The talks were constructive,” said Foreign Minister Sergey Lavrov after the meeting.`,
			[]want{{"The talks were constructive", "Sergey Lavrov", "said", false, "attr=Foreign_Minister_Sergey_Lavrov"}}},
		{"X said colon", `Prime Minister Shinzo Abe said: “We are determined to settle this issue.”`,
			[]want{{"We are determined to settle this issue.", "Shinzo Abe", "said", false, ""}}},
		{"X told reporters", `Chancellor Olaf Scholz told reporters “Germany will not send troops.”`,
			[]want{{"Germany will not send troops.", "Olaf Scholz", "told", false, ""}}},
		{"according to X before", `According to the ministry spokeswoman, “This is a provocation.”`,
			[]want{{"This is a provocation.", "the ministry spokeswoman", "According to", false, ""}}},
		{"according to X after", `“The deal is dead,” according to a senior EU official.`,
			[]want{{"The deal is dead", "a senior EU official", "according to", false, ""}}},
		{"dash said X", `"You can not hurry with the decision, as well as to abandon the dialogue," - said the expert.`,
			[]want{{"You can not hurry with the decision, as well as to abandon the dialogue", "the expert", "said", false, ""}}},
		{"title phrase, plural", `“Tokyo must choose between Washington and Moscow,” diplomatic sources said Saturday.`,
			[]want{{"Tokyo must choose between Washington and Moscow", "diplomatic sources", "said", false, ""}}},
		{"title phrase resolved", "Russian FM Sergey Lavrov met his counterpart in Moscow.\n" +
			`“We told our friends that the issue of sovereignty isn’t up for discussion,” the FM said.`,
			[]want{{"We told our friends that the issue of sovereignty isn’t up for discussion", "Sergey Lavrov", "said", false, "attr=the_FM"}}},
		{"title phrase unresolved", `“Such statements distort the essence of the accords,” the Foreign Ministry stressed.`,
			[]want{{"Such statements distort the essence of the accords", "the Foreign Ministry", "stressed", false, ""}}},
		{"pronoun", "Foreign Minister Sergey Lavrov met his Japanese counterpart on Monday.\n" +
			`“We discussed the peace treaty at length,” he said.`,
			[]want{{"We discussed the peace treaty at length", "Sergey Lavrov", "said", false, "attr=he"}}},
		{"pronoun prefers the last speaker", "Russian Foreign Minister Sergey Lavrov said the talks had been difficult. " +
			"He relayed the position to his counterpart, Taro Kono, during their meeting.\n" +
			`“The islands are Russian territory,” he added.`,
			[]want{{"The islands are Russian territory", "Sergey Lavrov", "added", false, "attr=he"}}},
		{"pronoun prefers the subject of a later sentence", "“We see no basis for negotiations,” Kremlin spokesman Dmitry Peskov told reporters.\n" +
			"Mr. Kishida, speaking in Tokyo, struck a more conciliatory tone.\n" +
			"“Japan remains committed to concluding a peace treaty,” he said.",
			[]want{
				{"We see no basis for negotiations", "Dmitry Peskov", "told", false, ""},
				{"Japan remains committed to concluding a peace treaty", "Kishida", "said", false, "attr=he"},
			}},
		{"she with Mr./Ms. title", `Ms. Kowalska was asked about the vote. “It was fair,” she insisted.`,
			[]want{{"It was fair", "Kowalska", "insisted", false, ""}}},
		{"it", "The Foreign Ministry issued a statement on Friday. “Such claims are unacceptable,” it said.",
			[]want{{"Such claims are unacceptable", "Foreign Ministry", "said", false, "attr=it"}}},
		{"quoted X as saying", `"I swore to do everything to move forward," the NHK channel quoted Abe as saying.`,
			[]want{{"I swore to do everything to move forward", "Abe", "quoted", false, "via=the_NHK_channel"}}},
		{"was quoted as saying", `“We are ready,” the general was quoted as saying.`,
			[]want{{"We are ready", "the general", "quoted", false, ""}}},
		{"relay after a quote", `"I don’t think the situation is a deadlock," Lavrov said. "Now everything bumps into our colleagues’ reluctance," TASS reports.`,
			[]want{
				{"I don’t think the situation is a deadlock", "Lavrov", "said", false, ""},
				{"Now everything bumps into our colleagues’ reluctance", "Lavrov", "reports", false, "via=TASS"},
			}},
		{"split by attribution", `“We are open to talks,” he said, “but not at any price.”`,
			[]want{
				{"We are open to talks", "", "said", false, ""},
				{"but not at any price.", "", "said", true, ""},
			}},
		{"participle", `Kremlin aide Yury Ushakov this week said the talks would be difficult, adding that the islands “are our land and nobody intends to give this land away.”`,
			[]want{{"are our land and nobody intends to give this land away.", "Yury Ushakov", "adding", true, ""}}},
		{"coordinated verb", `Peskov said Moscow would study the proposal but warned that sanctions had made dialogue “practically impossible.”`,
			[]want{{"practically impossible.", "Peskov", "warned", true, ""}}},
		{"verb phrase", `“It creates security risks for Russia and China,” he pointed out.`,
			[]want{{"It creates security risks for Russia and China", "", "pointed out", false, "attr=he"}}},
		{"question, asked X", `“Why is Japan the only country that cannot accept the result?” asked Lavrov.`,
			[]want{{"Why is Japan the only country that cannot accept the result?", "Lavrov", "asked", false, ""}}},
		{"question, X asked", `“Why now?” the senator asked.`,
			[]want{{"Why now?", "the senator", "asked", false, ""}}},
		{"colon paragraph", "Lavrov told reporters:\n“We are ready to continue the dialogue.”",
			[]want{{"We are ready to continue the dialogue.", "Lavrov", "told", false, ""}}},
		{"who", `The plan was criticised by Pavel Salin, who warned that “nothing will change.”`,
			[]want{{"nothing will change.", "Pavel Salin", "warned", true, ""}}},
		{"pronoun: the first person named in its own sentence", "Sen. Omar Vell said the bill was flawed. “We warned them,” Vell said.\n" +
			"The group’s president, Ann Rivera, has been deriding what she called “fear-mongering.”\n" +
			"“Our opponents found a new tactic,” she said.",
			[]want{
				{"We warned them", "Vell", "said", false, ""},
				{"fear-mongering.", "Ann Rivera", "called", true, "attr=she"},
				{"Our opponents found a new tactic", "Ann Rivera", "said", false, "attr=she"},
			}},
		{"things do not speak: the participle takes the sentence's subject", `Governor Han Sol released a statement late Tuesday saying: “The decision was right.”`,
			[]want{{"The decision was right.", "Han Sol", "saying", false, ""}}},
		{"a statement by X is X's", `“The claims are false,” said a letter from the Norland Farmers Union.`,
			[]want{{"The claims are false", "the Norland Farmers Union", "said", false, ""}}},
		{"asides between the subject and the verb", `One candidate, Omar Vell, the mayor of Kelvale, who is a farmer, said the bill “goes too far.”`,
			[]want{{"goes too far.", "Omar Vell", "said", true, ""}}},
		{"an organisation's name with for; a role between it and a person", "“The deal was a mistake,” said Farmers for Norland. " +
			"“We will fight on,” said Farmers for Norland co-founder Ann Rivera.",
			[]want{
				{"The deal was a mistake", "Farmers for Norland", "said", false, ""},
				{"We will fight on", "Ann Rivera", "said", false, ""},
			}},
		{"a name before a noun for people qualifies it", "Two Norland Republican senators urged Omar Vell to quit. Instead, Vell released an ad.\n" +
			"“I will stay,” he said in the ad.",
			[]want{{"I will stay", "Vell", "said", false, "attr=he"}}},
		{"the reported person's participle", `The Gazette reports Ann Rivera first stated her view on Friday, saying it was a matter for “voters.”`,
			[]want{{"voters.", "Ann Rivera", "saying", true, ""}}},
		{"an acronym is the organisation the article named", "The National Farmers Association backed the plan on Monday.\n" +
			"The NFA said it needs “time to digest” the findings.",
			[]want{{"time to digest", "National Farmers Association", "said", true, ""}}},
		{"the subject of a when-clause, not of a that-clause", "“We stand firm,” said Ann Rivera. Members of the group rallied on Sunday, when Senate leader Omar Vell suggested a deal was close.\n" +
			"“Talks will continue,” he said.\n" +
			"At a rally Harlow Vey criticised the council, but argued that Vell was a “dangerous man.” “I know a bad deal when I see one,” he said.",
			[]want{
				{"We stand firm", "Ann Rivera", "said", false, ""},
				{"Talks will continue", "Omar Vell", "said", false, "attr=he"},
				{"dangerous man.", "Harlow Vey", "argued", true, ""},
				{"I know a bad deal when I see one", "Harlow Vey", "said", false, "attr=he"},
			}},
		{"an organisation's name first in its sentence", `Democracy for Norland, the group founded by Omar Vell, also said: “This is a weak deal.”`,
			[]want{{"This is a weak deal.", "Democracy for Norland", "said", false, ""}}},
		{"quoted words in the writer's sentence are its subject's", "Omar Vell spoke in Kelvale on Monday. He deemed the plan “a con” and “a disaster.”\n" +
			"Ann Rivera, a farmer from Dunmore, posted on her page: “The vote was fair.”",
			[]want{
				{"a con", "Omar Vell", "", true, "attr=He"},
				{"a disaster.", "Omar Vell", "", true, "attr=He"},
				{"The vote was fair.", "Ann Rivera", "", false, ""},
			}},
		{"quoted as saying after a question", `“How about the mayor starts it off?” Mr. Vell was quoted as saying, playing peacemaker.`,
			[]want{{"How about the mayor starts it off?", "Vell", "quoted", false, ""}}},
		{"a clause with its own subject, an initial in the name", `Farmers urged Ms. Rivera to reject it, and W. Omar Vell, chief of the Kelvale Dairy, sent her a letter citing the “comeback” and saying, “This bill would hurt us.”`,
			[]want{
				{"comeback", "W. Omar Vell", "citing", true, ""},
				{"This bill would hurt us.", "W. Omar Vell", "saying", false, ""},
			}},
		{"quoted words in another clause of the sentence are not its subject's", `Norland has demanded the isles back, with its charter referring to them as its “southern lands.”`,
			[]want{{"southern lands.", "", "", true, ""}}},
		{"a role no title matches is the person named before it; the same role later is the same person", "Omar Vell spoke after the talks. “The parties need time,” Vell said. " +
			"Ann Rivera, who studies the region, also spoke. “Both sides are tired,” she said.\n" +
			"“You cannot hurry,” said the expert. Omar Vell disagreed. “We are ready,” Vell said. “Both sides must wait,” the expert added.",
			[]want{
				{"The parties need time", "Vell", "said", false, ""},
				{"Both sides are tired", "Ann Rivera", "said", false, "attr=she"},
				{"You cannot hurry", "Ann Rivera", "said", false, "attr=the_expert"},
				{"We are ready", "Vell", "said", false, ""},
				{"Both sides must wait", "Ann Rivera", "added", false, "attr=the_expert"},
			}},
		{"an adverb before a comma is no name", `Instead, Governor Ann Rivera was seen praising the council for its “leadership” in the storm.`,
			[]want{{"leadership", "Ann Rivera", "praising", true, ""}}},
		{"a party and state tag is no name; a name after a preposition is no subject", "Senator Omar Vell, D-Norland, concluded, “We will vote no.”\n" +
			"Governor Ann Rivera spoke next. Of Vell, she said, “He is a friend.”",
			[]want{
				{"We will vote no.", "Omar Vell", "concluded", false, ""},
				{"He is a friend.", "Ann Rivera", "said", false, "attr=she"},
			}},
		{"a thing's words borrow no one's name", "“We will fight,” Omar Vell said. “The plan is unsafe,” the report said.",
			[]want{
				{"We will fight", "Omar Vell", "said", false, ""},
				{"The plan is unsafe", "", "said", false, ""},
			}},
		{"no attribution", `Russia’s position on the “peace” talks has not changed.`,
			[]want{{"peace", "", "", true, ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.wants) })
	}
}

func TestReportingVerbs(t *testing.T) {
	for _, v := range []string{"said", "says", "told reporters", "added", "stressed", "noted", "warned",
		"blasted", "slammed", "claimed", "admitted", "insisted", "explained", "concluded", "recalled",
		"argued", "declared", "emphasized", "emphasised", "pointed out", "insists", "underlined",
		"acknowledged", "countered", "replied", "wrote", "tweeted", "quipped"} {
		text := `“This is not a deal we can accept,” Lavrov ` + v + `.`
		verb, _, _ := strings.Cut(v, " r")
		checkQuotes(t, text, []want{{"This is not a deal we can accept", "Lavrov", verb, false, ""}})
	}
}

func TestPartial(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		wants []want
	}{
		{"blasted as", `Among them are Japan’s recent attempts to turn its ally, the USA, into being part of the talks, which Lavrov blasted as “outrageous.” He said he relayed Russia’s stance to his counterpart.`,
			[]want{{"outrageous.", "Lavrov", "blasted", true, ""}}},
		{"fragment before attribution", `Moscow and Tokyo have redoubled efforts to seal a peace treaty – but “significant disagreements” remain, Lavrov said Monday.`,
			[]want{{"significant disagreements", "Lavrov", "said", true, ""}}},
		{"capitalised fragment", `Moscow’s “core stance” is that Tokyo must recognize the results of WWII, including “Russia’s sovereignty over Southern Kuril Islands,” he said.`,
			[]want{
				{"core stance", "", "said", true, ""},
				{"Russia’s sovereignty over Southern Kuril Islands", "", "said", true, ""},
			}},
		{"told ... that", `The veteran foreign minister told his annual press conference that Japan’s defeat “is an inevitable and indispensable factor in today’s international system”.`,
			[]want{{"is an inevitable and indispensable factor in today’s international system", "the veteran foreign minister", "told", true, ""}}},
		{"dubbed", `Lavrov spoke at a youth forum dubbed the "Territory of Meanings."`,
			[]want{{"Territory of Meanings.", "", "", true, ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.wants) })
	}
}

func TestMultiSentenceAndParagraph(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		wants []want
	}{
		{"several sentences",
			`“The US may explain their presence by the need to neutralize the North Korean threat. But in reality, it creates security risks for Russia and China,” Lavrov pointed out.`,
			[]want{{"The US may explain their presence by the need to neutralize the North Korean threat. But in reality, it creates security risks for Russia and China", "Lavrov", "pointed out", false, ""}}},
		{"multi-paragraph, attribution first",
			"“We have been patient for seventy years,” Lavrov said. “Our position has not changed.\n" +
				"“We expect Tokyo to recognise the results of the war. Only then can we talk about a treaty.”\n" +
				"Talks will resume in February.",
			[]want{
				{"We have been patient for seventy years", "Lavrov", "said", false, ""},
				{"Our position has not changed.", "Lavrov", "", false, "inh"},
				{"We expect Tokyo to recognise the results of the war. Only then can we talk about a treaty.", "Lavrov", "", false, "cont inh"},
			}},
		{"multi-paragraph, attribution last",
			"The ministry published a statement on its website.\n\n" +
				"“Tokyo’s claims have no basis in international law.\n\n" +
				"“We call on our Japanese colleagues to accept the outcome of the war,” the spokeswoman added.",
			[]want{
				{"Tokyo’s claims have no basis in international law.", "the spokeswoman", "", false, "inh"},
				{"We call on our Japanese colleagues to accept the outcome of the war", "the spokeswoman", "added", false, "cont"},
			}},
		{"multi-paragraph, straight marks",
			"\"The first part of the statement.\n\n\"The second part,\" -- said the ambassador.",
			[]want{
				{"The first part of the statement.", "the ambassador", "", false, "inh"},
				{"The second part", "the ambassador", "said", false, "cont"},
			}},
		{"standalone quote paragraph",
			"The veteran foreign minister told his annual press conference that Japan’s defeat “is an inevitable factor”.\n\n" +
				"“Why is Japan the only country in the world that cannot accept the result of Second World War in its entirety?”\n\n" +
				"Talks between Putin and Japanese Prime Minister Shinzo Abe are to be held in Moscow on January 22.",
			[]want{
				{"is an inevitable factor", "the veteran foreign minister", "told", true, ""},
				{"Why is Japan the only country in the world that cannot accept the result of Second World War in its entirety?", "the veteran foreign minister", "", false, "inh"},
			}},
		{"standalone after a named person",
			"Russian Foreign Minister Sergei Lavrov spoke at his annual press conference.\n" +
				"“Why is Japan the only country that cannot accept the result of the war?”",
			[]want{{"Why is Japan the only country that cannot accept the result of the war?", "Sergei Lavrov", "", false, "inh"}}},
		{"quote before its attributed neighbour",
			"“We still have significant differences.” “But the political will is there,” said Lavrov.",
			[]want{
				{"We still have significant differences.", "Lavrov", "", false, "inh"},
				{"But the political will is there", "Lavrov", "said", false, ""},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.wants) })
	}
}

func TestMarks(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		wants []want
	}{
		{"apostrophes", `“Japan’s position isn’t new, and it hasn’t been since the ’90s,” Kono said.`,
			[]want{{"Japan’s position isn’t new, and it hasn’t been since the ’90s", "Kono", "said", false, ""}}},
		{"single curly quotes", `The paper ran the headline ‘Islands are not for sale’ on Tuesday.`,
			[]want{{"Islands are not for sale", "", "", true, ""}}},
		{"single quote closing after apostrophes", `‘We won’t sign a treaty that isn’t fair,’ Kono said.`,
			[]want{{"We won’t sign a treaty that isn’t fair", "Kono", "said", false, ""}}},
		{"stray apostrophe-like opener", `The ‘90s were hard for the region, the mayor said. “Now it grows,” she added.`,
			[]want{{"Now it grows", "", "added", false, ""}}},
		{"nested", `“They call it ‘a historic step’, but it isn’t,” the analyst said.`,
			[]want{{"They call it ‘a historic step’, but it isn’t", "the analyst", "said", false, ""}}},
		{"curly inside straight", `"The so-called “peace plan” is a trap," the official said.`,
			[]want{{"The so-called “peace plan” is a trap", "the official", "said", false, ""}}},
		{"angle", `«We will not give up an inch,» Lavrov said.`,
			[]want{{"We will not give up an inch", "Lavrov", "said", false, ""}}},
		{"german low-high", `„The talks continue“, Scholz said.`,
			[]want{{"The talks continue", "Scholz", "said", false, ""}}},
		{"mixed straight and curly", `"As for the statements of the adviser, it is an outrageous statement, ”Lavrov said.`,
			[]want{{"As for the statements of the adviser, it is an outrageous statement", "Lavrov", "said", false, ""}}},
		{"space on the wrong side, nested",
			`“Moscow drew attention to the need to“ gain an understanding ”of the inhabitants, as well as claims by Russia "in favor of Japan for the" post-war occupation of the islands, "said a statement published by the Foreign Ministry.`,
			[]want{{`Moscow drew attention to the need to“ gain an understanding ”of the inhabitants, as well as claims by Russia "in favor of Japan for the" post-war occupation of the islands`,
				"the Foreign Ministry", "said", false, ""}}},
		{"closing mark glued to the attribution", `“Now comes the climax. Together with President Putin, we are negotiating, ”Kyodo says.`,
			[]want{{"Now comes the climax. Together with President Putin, we are negotiating", "Kyodo", "says", false, ""}}},
		{"closing after comma and space", "“We have moments of discrepancy, but we are obliged to find a way ”, Kono said.",
			[]want{{"We have moments of discrepancy, but we are obliged to find a way", "Kono", "said", false, ""}}},
		{"hard-wrapped line", "“We have moments of discrepancy, but in the course of further\nconsultations, we are obliged to find a way ”, Kono said.",
			[]want{{"We have moments of discrepancy, but in the course of further\nconsultations, we are obliged to find a way", "Kono", "said", false, ""}}},
		{"extra closing mark",
			"“We still have significant differences.” Positions were opposed. But the will of our leaders is there, ”said Foreign Minister Sergey Lavrov after the talks.",
			[]want{
				{"We still have significant differences.", "Sergey Lavrov", "", false, "inh"},
				{"Positions were opposed. But the will of our leaders is there", "Sergey Lavrov", "said", false, "unbal"},
			}},
		{"missing opening mark after an attribution",
			"“The decision is final,” he said. Tokyo knows our position,” he added.",
			[]want{
				{"The decision is final", "", "said", false, ""},
				{"Tokyo knows our position", "", "added", false, "unbal"},
			}},
		{"unclosed quote stays in its paragraph",
			"He called the plan “unacceptable and left the room.\nThe next paragraph has a “quote” in it.\nAnd a third one.",
			[]want{
				{"unacceptable and left the room.", "", "called", true, "unbal"},
				{"quote", "", "", true, ""},
			}},
		{"unclosed straight quote at the end",
			`"First part," he said, "second part.` + "\nNext paragraph, no quotes.",
			[]want{
				{"First part", "", "said", false, ""},
				{"second part.", "", "said", true, "unbal"},
			}},
		{"stray mark dropped", "An early \" stray mark, then a “real quote,” he said.\nThe rest.",
			[]want{{"real quote", "", "said", true, ""}}},
		{"inch mark", `The 5" screen was broken, officials said.`, nil},
		{"calendar widget", "Calendar Content\n«\u00a0\u00a0\u00a0\u00a0May 2019\u00a0\u00a0\u00a0\u00a0»", nil},
		{"empty quotes", `He said "" and left, "..." too.`, nil},
		{"japanese corner brackets", "報道官は会談後、「双方とも早く前進したい」と述べた。",
			[]want{{"双方とも早く前進したい", "", "", false, ""}}},
		{"japanese nested white corners", "「首相は『前進した』と語った」と関係者が明かした。",
			[]want{{"首相は『前進した』と語った", "", "", false, ""}}},
		{"chinese quote ending in a full-width comma", "“我们愿意继续对话，”一位官员说。",
			[]want{{"我们愿意继续对话", "", "", false, ""}}},
		{"chinese quote after a full-width colon", "发言人表示：“双方都希望尽快取得进展。”",
			[]want{{"双方都希望尽快取得进展。", "", "", false, ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.wants) })
	}
}

func TestSampleRT(t *testing.T) {
	text := sample(t, "rt-en.txt")
	qs := Find(text, splitSentences(text))
	checkInvariants(t, text, qs)
	bySpeaker := map[string]string{}
	for _, q := range qs {
		bySpeaker[q.Text] = q.Speaker + "/" + q.Verb
	}
	for text, sv := range map[string]string{
		"outrageous.":               "Lavrov/blasted",
		"significant disagreements": "Lavrov/said",
		"The US may explain their presence by the need to neutralize what they call the North Korean nuclear threat. But in reality, it creates security risks for Russia and China": "Sergey Lavrov/pointed out",
		"We told our [Japanese] friends that the issue of sovereignty over the Islands isn’t up for discussion. It’s Russian territory":                                              "Sergey Lavrov/said",
		"Without this step, it’ll be hard to count on any kind of progress on other issues":                                                                                          "Sergey Lavrov/added",
	} {
		if bySpeaker[text] != sv {
			t.Errorf("%q: got %q, want %q", text, bySpeaker[text], sv)
		}
	}
}

func TestSentenceIndex(t *testing.T) {
	text := "Talks began on Monday. “We are ready,” Lavrov said. He left.\n“Good,” Kono said."
	sents := splitSentences(text)
	qs := Find(text, sents)
	if len(qs) != 2 || qs[0].Sentence != 1 || qs[1].Sentence != 3 {
		t.Fatalf("sentences %v, quotes %+v", sents, qs)
	}
	if qs := Find(text, nil); qs[0].Sentence != -1 {
		t.Fatalf("without sentences: %d", qs[0].Sentence)
	}
}

func TestNoQuotes(t *testing.T) {
	for _, s := range []string{"", "\n\n", "Japan’s position isn’t new.", "Plain text without marks."} {
		if qs := Find(s, nil); len(qs) != 0 {
			t.Errorf("%q: %+v", s, qs)
		}
	}
}

func TestMoreAttributions(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		wants []want
	}{
		{"aside before the verb", `Lavrov, speaking after the talks, said: “We are ready to continue.”`,
			[]want{{"We are ready to continue.", "Lavrov", "said", false, ""}}},
		{"name in apposition", `“We are ready,” the Russian foreign minister, Sergey Lavrov, said.`,
			[]want{{"We are ready", "Sergey Lavrov", "said", false, ""}}},
		{"title and aside", `“The process is long,” said Pavel Salin, director of the Center for Political Studies.`,
			[]want{{"The process is long", "Pavel Salin", "said", false, ""}}},
		{"told X in an interview", `“We are ready,” Lavrov told RT in an interview.`,
			[]want{{"We are ready", "Lavrov", "told", false, ""}}},
		{"said that", `Lavrov said on Monday that “the ball is in Tokyo’s court.”`,
			[]want{{"the ball is in Tokyo’s court.", "Lavrov", "said", true, ""}}},
		{"adding that", `“We are ready,” Lavrov said, adding that “the ball is in Tokyo’s court.”`,
			[]want{
				{"We are ready", "Lavrov", "said", false, ""},
				{"the ball is in Tokyo’s court.", "Lavrov", "adding", true, ""},
			}},
		{"resolved by lowercase title", "The plan was welcomed by analyst Pavel Salin on Tuesday.\n“It is a step forward,” the analyst said.",
			[]want{{"It is a step forward", "Pavel Salin", "said", false, "attr=the_analyst"}}},
		{"has said", `“There is no deadlock,” Lavrov has repeatedly said.`,
			[]want{{"There is no deadlock", "Lavrov", "said", false, ""}}},
		{"Cyrillic name", `“Мы готовы,” Сергей Лавров said.`,
			[]want{{"Мы готовы", "Сергей Лавров", "said", false, ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.wants) })
	}
}

func TestMorePatterns(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		wants []want
	}{
		{"headline colon", "Lavrov: “Japan must accept the results of the war”\nThe minister spoke in Moscow.",
			[]want{{"Japan must accept the results of the war", "Lavrov", "", false, ""}}},
		{"quoted by X as saying", `Lavrov was quoted by TASS as saying: “The dialogue will continue.”`,
			[]want{{"The dialogue will continue.", "Lavrov", "quoted", false, "via=TASS"}}},
		{"scare quote opening a paragraph does not inherit", "“We are ready,” Lavrov said.\n“Peace” talks resumed on Monday in Tokyo.",
			[]want{
				{"We are ready", "Lavrov", "said", false, ""},
				{"Peace", "", "", true, ""},
			}},
		{"sentence quote after a quote paragraph", "“We are ready,” Lavrov said.\n“We will not wait forever.” The talks resume on Monday.",
			[]want{
				{"We are ready", "Lavrov", "said", false, ""},
				{"We will not wait forever.", "Lavrov", "", false, "inh"},
			}},
		{"new sentence after a quote is not its attribution", "Talks went on.\n“We are ready.” Lavrov said the talks were hard.",
			[]want{{"We are ready.", "", "", false, ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.text, tc.wants) })
	}
}
