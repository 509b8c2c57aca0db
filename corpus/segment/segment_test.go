package segment

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// sentences returns the sentence texts of Split(text).
func sentences(text string) []string {
	var out []string
	for _, r := range Split(text) {
		out = append(out, text[r.Start:r.End])
	}
	return out
}

var splitTests = []struct {
	kind string
	text string
	want []string
}{
	// Plain sentences.
	{"plain", "The council met on Monday. It voted to raise fares.",
		[]string{"The council met on Monday.", "It voted to raise fares."}},
	{"plain question", "Will the tax pass? Few lawmakers think so.",
		[]string{"Will the tax pass?", "Few lawmakers think so."}},
	{"plain exclamation", "What a night! The crowd stayed until dawn.",
		[]string{"What a night!", "The crowd stayed until dawn."}},
	{"lower case continues", "The vote was 5-4. in favor, said the clerk.",
		[]string{"The vote was 5-4. in favor, said the clerk."}},
	{"camel-case name starts", "Sales rose. iPhone shipments fell.",
		[]string{"Sales rose.", "iPhone shipments fell."}},

	// Abbreviations.
	{"title", "Gov. Maria Lopez and Sen. Tom Hale met Dr. Ann Wu and Mrs. Cole on Friday.",
		[]string{"Gov. Maria Lopez and Sen. Tom Hale met Dr. Ann Wu and Mrs. Cole on Friday."}},
	{"military title", "Lt. Gen. Omar Reyes took command. Maj. Dee Park stays on.",
		[]string{"Lt. Gen. Omar Reyes took command.", "Maj. Dee Park stays on."}},
	{"plural title", "Sens. Ada Lin and Raul Ortiz, and Reps. Bo Kim and Eve Tran, wrote the bill.",
		[]string{"Sens. Ada Lin and Raul Ortiz, and Reps. Bo Kim and Eve Tran, wrote the bill."}},
	{"us inside", "The U.S. Navy said it would send two ships. The move angered Beijing.",
		[]string{"The U.S. Navy said it would send two ships.", "The move angered Beijing."}},
	{"us at end", "Exports fell sharply in the U.S. The decline was the steepest since 2009.",
		[]string{"Exports fell sharply in the U.S.", "The decline was the steepest since 2009."}},
	{"us possessive and hyphen", "The U.S.'s share fell as U.K.-based firms and D.C.-area groups grew.",
		[]string{"The U.S.'s share fell as U.K.-based firms and D.C.-area groups grew."}},
	{"initialism lower case", "The F.B.I. opened an inquiry, and the U.N. agency did too.",
		[]string{"The F.B.I. opened an inquiry, and the U.N. agency did too."}},
	{"initialism before name", "He met U.N. Secretary-General Ana Ruiz. They spoke for an hour.",
		[]string{"He met U.N. Secretary-General Ana Ruiz.", "They spoke for an hour."}},
	{"month", "The vote is set for Feb. 14 in Albany. Aides expect it to pass.",
		[]string{"The vote is set for Feb. 14 in Albany.", "Aides expect it to pass."}},
	{"month with year", "Talks stalled in Dec. 2019 and resumed in Sept. 2020, officials said.",
		[]string{"Talks stalled in Dec. 2019 and resumed in Sept. 2020, officials said."}},
	{"month day at end", "The law takes effect Oct. 1. Critics vowed to sue.",
		[]string{"The law takes effect Oct. 1.", "Critics vowed to sue."}},
	{"initial", "The ruling was written by Judge Harold P. Quinn of Denver.",
		[]string{"The ruling was written by Judge Harold P. Quinn of Denver."}},
	{"initials", "Author J. R. Tolley and H.W. Grant spoke, as did Carl F. Ames Jr. of Maine.",
		[]string{"Author J. R. Tolley and H.W. Grant spoke, as did Carl F. Ames Jr. of Maine."}},
	{"name at end", "The report was signed by Ellen K. Moss. She resigned a week later.",
		[]string{"The report was signed by Ellen K. Moss.", "She resigned a week later."}},
	{"letter at end", "The bridge was rated grade B. The city plans repairs.",
		[]string{"The bridge was rated grade B.", "The city plans repairs."}},
	{"suffix", "Robert Hale Jr. was sworn in Tuesday. Martin Luther King Jr. Day falls on a Monday.",
		[]string{"Robert Hale Jr. was sworn in Tuesday.", "Martin Luther King Jr. Day falls on a Monday."}},
	{"suffix at end", "The award went to Samuel Ortiz Jr. He accepted it by video.",
		[]string{"The award went to Samuel Ortiz Jr.", "He accepted it by video."}},
	{"company", "Acme Corp. said profits doubled, and Delta Marine Co. agreed.",
		[]string{"Acme Corp. said profits doubled, and Delta Marine Co. agreed."}},
	{"company at end", "She works at Halvorsen Inc. The firm has 40 staff.",
		[]string{"She works at Halvorsen Inc.", "The firm has 40 staff."}},
	{"company title", "Orbit Inc. Chief Executive Dana Ruiz said sales rose.",
		[]string{"Orbit Inc. Chief Executive Dana Ruiz said sales rose."}},
	{"state", "Plants in Erie, Pa., and Yuma, Ariz., will close, said Rep. Jane Doe (D-Calif.).",
		[]string{"Plants in Erie, Pa., and Yuma, Ariz., will close, said Rep. Jane Doe (D-Calif.)."}},
	{"state at end", "He grew up in Tulsa, Okla. His father was a pilot.",
		[]string{"He grew up in Tulsa, Okla.", "His father was a pilot."}},
	{"state before title", "The bill now goes to Calif. Gov. Gavin Newsom for signature.",
		[]string{"The bill now goes to Calif. Gov. Gavin Newsom for signature."}},
	{"state in parentheses ends", "The vote was close, said Sen. Al Brook (R-Tenn.). Others disagreed.",
		[]string{"The vote was close, said Sen. Al Brook (R-Tenn.).", "Others disagreed."}},
	{"multi-period state", "Sen. Ray Olsen, R-N.D., and Rep. Ida Cho (D-N.Y.) objected.",
		[]string{"Sen. Ray Olsen, R-N.D., and Rep. Ida Cho (D-N.Y.) objected."}},
	{"am pm", "Polls close at 8 p.m. Tuesday in most states, and at 7 a.m. ET the count starts.",
		[]string{"Polls close at 8 p.m. Tuesday in most states, and at 7 a.m. ET the count starts."}},
	{"am pm at end", "The blast happened at 6:15 a.m. Nobody was hurt.",
		[]string{"The blast happened at 6:15 a.m.", "Nobody was hurt."}},
	{"am pm opening", "At 5 a.m. Gov. Lee signed it. Shortly after 9:30 p.m. Police left. Talks ended at 6 p.m. Mr. Lee went home.",
		[]string{"At 5 a.m. Gov. Lee signed it.", "Shortly after 9:30 p.m. Police left.", "Talks ended at 6 p.m.", "Mr. Lee went home."}},
	{"number abbreviations", "He is the No. 2 official in Ames, pop. 66,000, and earns approx. 90,000 a year.",
		[]string{"He is the No. 2 official in Ames, pop. 66,000, and earns approx. 90,000 a year."}},
	{"numero sign", "The fund is N°. 12 on the list, at 15°C. Rain fell.",
		[]string{"The fund is N°. 12 on the list, at 15°C.", "Rain fell."}},
	{"latin", "Rivals, e.g. Norcom, and partners, i.e. Bell, sued, as in Smith v. Jones and Kaye vs. Lowe.",
		[]string{"Rivals, e.g. Norcom, and partners, i.e. Bell, sued, as in Smith v. Jones and Kaye vs. Lowe."}},
	{"place prefix", "She lives in St. Paul near Mt. Vernon Avenue. Her office is in Ft. Worth.",
		[]string{"She lives in St. Paul near Mt. Vernon Avenue.", "Her office is in Ft. Worth."}},
	{"abbreviation at true end", "The bill passed on Nov. 3. She joined Widget Corp. The meeting ended at 11:30 p.m.",
		[]string{"The bill passed on Nov. 3.", "She joined Widget Corp.", "The meeting ended at 11:30 p.m."}},
	{"etc", "They sell hats, scarves, gloves, etc. Prices start at $5.",
		[]string{"They sell hats, scarves, gloves, etc.", "Prices start at $5."}},

	// Numbers.
	{"decimal and money", "Shares rose 3.7% to $41.25 on Tuesday. The index gained 0.4 percent.",
		[]string{"Shares rose 3.7% to $41.25 on Tuesday.", "The index gained 0.4 percent."}},
	{"money at end", "The deal is worth $2.5 billion. Regulators must still approve it.",
		[]string{"The deal is worth $2.5 billion.", "Regulators must still approve it."}},
	{"percent at end", "Turnout was 61.5%. That was a record.",
		[]string{"Turnout was 61.5%.", "That was a record."}},
	{"year then number", "The mill closed in 1998. 400 people lost their jobs.",
		[]string{"The mill closed in 1998.", "400 people lost their jobs."}},

	// Quotations.
	{"quote period inside", "The mayor called the plan “reckless.” Her aides declined to comment.",
		[]string{"The mayor called the plan “reckless.”", "Her aides declined to comment."}},
	{"quote period inside straight", `Critics called it "a giveaway." The senator disagreed.`,
		[]string{`Critics called it "a giveaway."`, "The senator disagreed."}},
	{"quote period outside", "He called the proposal “a nonstarter”. Talks resumed Monday.",
		[]string{"He called the proposal “a nonstarter”.", "Talks resumed Monday."}},
	{"quote comma", "“We are ready,” she said. “The state is not.”",
		[]string{"“We are ready,” she said.", "“The state is not.”"}},
	{"quote multi-sentence", "“We tried everything. Nothing worked,” the coach said.",
		[]string{"“We tried everything.", "Nothing worked,” the coach said."}},
	{"quote multi-sentence straight", `"It was late. We were tired. We went home," Ruiz said.`,
		[]string{`"It was late.`, `We were tired.`, `We went home," Ruiz said.`}},
	{"question attribution lower", "“What happens next?” she asked.",
		[]string{"“What happens next?” she asked."}},
	{"question attribution name", "“Who pays for this?” Smith asked at the hearing.",
		[]string{"“Who pays for this?” Smith asked at the hearing."}},
	{"question attribution title", "“Is this legal?” Sen. Jo Park asked the nominee.",
		[]string{"“Is this legal?” Sen. Jo Park asked the nominee."}},
	{"question attribution description", "“Can we win?” Senate Minority Leader Ray Tan told reporters.",
		[]string{"“Can we win?” Senate Minority Leader Ray Tan told reporters."}},
	{"question attribution passive", "“Why wait?” Ms. Dale was quoted as saying.",
		[]string{"“Why wait?” Ms. Dale was quoted as saying."}},
	{"question then sentence", "“Why now?” The answer came a day later.",
		[]string{"“Why now?”", "The answer came a day later."}},
	{"exclamation attribution", "“We will not back down!” the crowd chanted. “Enough!” Mayor Lee said.",
		[]string{"“We will not back down!” the crowd chanted.", "“Enough!” Mayor Lee said."}},
	{"quote then new quote", "“Where is the money?” she asked. “Nobody knows.”",
		[]string{"“Where is the money?” she asked.", "“Nobody knows.”"}},
	{"question inside single quotes", "He asked, 'Who decides?' Nobody answered.",
		[]string{"He asked, 'Who decides?'", "Nobody answered."}},
	{"semicolon in quote", "It was called “bold;” critics disagreed. Polls were split.",
		[]string{"It was called “bold;” critics disagreed.", "Polls were split."}},

	// Ellipses.
	{"ellipsis truncated", "The governor said the budget “would protect the most...",
		[]string{"The governor said the budget “would protect the most..."}},
	{"ellipsis spaced inside", "“We will rebuild ... and we will be stronger,” she said.",
		[]string{"“We will rebuild ... and we will be stronger,” she said."}},
	{"ellipsis spaced before capital", "“The plan failed ... We must start over,” he said.",
		[]string{"“The plan failed ... We must start over,” he said."}},
	{"ellipsis boundary", "He paused and said nothing… Then he left.",
		[]string{"He paused and said nothing…", "Then he left."}},
	{"ellipsis three dots boundary", "The line went dead... Nobody called back.",
		[]string{"The line went dead...", "Nobody called back."}},
	{"period then ellipsis", "It was over. ... Then the rain came.",
		[]string{"It was over.", "... Then the rain came."}},
	{"spaced dots", "The law . . . was never enforced.",
		[]string{"The law . . . was never enforced."}},
	{"bracketed ellipsis", `"The board [...]" (Annual report).`,
		[]string{`"The board [...]" (Annual report).`}},

	// Parentheses and dashes.
	{"parentheses inside", "The agency (which declined to comment) has 300 staff. It was founded in 1970.",
		[]string{"The agency (which declined to comment) has 300 staff.", "It was founded in 1970."}},
	{"sentence in parentheses", "(The company did not respond.) Shares fell 4%.",
		[]string{"(The company did not respond.)", "Shares fell 4%."}},
	{"parenthesis after period", "The vote is Friday. (Updated at noon.)",
		[]string{"The vote is Friday.", "(Updated at noon.)"}},
	{"em dash", "The senator — who faces re-election next year — voted no.",
		[]string{"The senator — who faces re-election next year — voted no."}},
	{"dash after period", "Turnout hit 61 percent. — a record for a midterm.",
		[]string{"Turnout hit 61 percent. — a record for a midterm."}},
	{"double hyphen", "He left early -- before the vote. Nobody noticed.",
		[]string{"He left early -- before the vote.", "Nobody noticed."}},

	// Lists, headlines, line breaks.
	{"headline", "Senate passes budget after all-night session",
		[]string{"Senate passes budget after all-night session"}},
	{"headline question", "What happens next?", []string{"What happens next?"}},
	{"bullet", "• The plan cuts taxes for 2 million families. It costs $9 billion.",
		[]string{"• The plan cuts taxes for 2 million families.", "It costs $9 billion."}},
	{"inline bullets", "Key points: • Taxes fall. • Spending rises",
		[]string{"Key points:", "• Taxes fall.", "• Spending rises"}},
	{"numbered item", "2. Cut the deficit. The plan saves $40 billion.",
		[]string{"2. Cut the deficit.", "The plan saves $40 billion."}},
	{"numbered item after bullet", "• 12. Fund the schools. Teachers need raises.",
		[]string{"• 12. Fund the schools.", "Teachers need raises."}},
	{"inline numbered items", "1. Fund the schools 2. Raise pay 3) Cut fees 4 Hire",
		[]string{"1. Fund the schools", "2. Raise pay 3) Cut fees 4 Hire"}},
	{"inline list", "1) Fund the schools 2) Raise pay, by 3) or more",
		[]string{"1) Fund the schools", "2) Raise pay, by 3) or more"}},
	{"inline lettered list", "a) Taxes b) Spending. B) Debt",
		[]string{"a) Taxes", "b) Spending.", "B) Debt"}},
	{"inline hyphen bullets", "⁃ Taxes fall ⁃ Spending rises",
		[]string{"⁃ Taxes fall", "⁃ Spending rises"}},
	{"initials are no list", "A. Ruiz and B. Tam voted no.",
		[]string{"A. Ruiz and B. Tam voted no."}},
	{"line breaks", "Storm hits coast\nThousands lose power. Crews are out.\r\nMore rain is due\u2028Stay home",
		[]string{"Storm hits coast", "Thousands lose power.", "Crews are out.", "More rain is due", "Stay home"}},
	{"heading with colon", "What we know:\nThe fire started at noon.",
		[]string{"What we know:", "The fire started at noon."}},

	// Web text.
	{"url", "Read the report at https://example.org/reports/2020/jobs.html. It runs 80 pages.",
		[]string{"Read the report at https://example.org/reports/2020/jobs.html.", "It runs 80 pages."}},
	{"domain", "The opinions are posted on Example.com every day.",
		[]string{"The opinions are posted on Example.com every day."}},
	{"email", "Contact Jane Roe at jane.roe@example.com. She answers quickly.",
		[]string{"Contact Jane Roe at jane.roe@example.com.", "She answers quickly."}},
	{"handle", "Follow him on Twitter @jdoe_news. He posts daily.",
		[]string{"Follow him on Twitter @jdoe_news.", "He posts daily."}},
	{"tweet", "We will win. pic.twitter.com/AbC123 — Jo Lee (@jolee) March 3, 2020",
		[]string{"We will win. pic.twitter.com/AbC123 — Jo Lee (@jolee) March 3, 2020"}},
	{"brand", "She worked at Yahoo! News for a decade.",
		[]string{"She worked at Yahoo! News for a decade."}},

	// White space.
	{"no-break spaces", "\u00a0 The court\u00a0ruled. \u00a0Both sides\u00a0appealed.\u00a0",
		[]string{"The court\u00a0ruled.", "Both sides\u00a0appealed."}},
	{"empty", "", nil},
	{"blank", " \t\u00a0\n\r\n\u2029 ", nil},
}

func TestSplit(t *testing.T) {
	for _, tt := range splitTests {
		got := sentences(tt.text)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Split(%q)\ngot  %q\nwant %q", tt.kind, tt.text, got, tt.want)
		}
		if err := checkRanges(tt.text, Split(tt.text)); err != nil {
			t.Errorf("%s: %v", tt.kind, err)
		}
	}
}

func TestSplitNilForBlank(t *testing.T) {
	for _, s := range []string{"", "   ", "\n\n", "\u00a0\u2028"} {
		if got := Split(s); got != nil {
			t.Errorf("Split(%q) = %v, want nil", s, got)
		}
	}
}

// checkRanges checks the contract of Split: ranges inside text, in order,
// not empty, not overlapping, trimmed, and covering every byte that is not
// white space.
func checkRanges(text string, rs []Range) error {
	prev := 0
	for _, r := range rs {
		if r.Start < prev || r.End <= r.Start || r.End > len(text) {
			return fmt.Errorf("bad range %v after %d in %q (len %d)", r, prev, text, len(text))
		}
		for p := prev; p < r.Start; {
			c, size := utf8.DecodeRuneInString(text[p:])
			if !isSpace(c) {
				return fmt.Errorf("byte %d (%q) of %q is in no sentence", p, c, text)
			}
			p += size
		}
		s := text[r.Start:r.End]
		if c, _ := utf8.DecodeRuneInString(s); isSpace(c) {
			return fmt.Errorf("range %v of %q starts with space", r, text)
		}
		if c, _ := utf8.DecodeLastRuneInString(s); isSpace(c) {
			return fmt.Errorf("range %v of %q ends with space", r, text)
		}
		prev = r.End
	}
	for p := prev; p < len(text); {
		c, size := utf8.DecodeRuneInString(text[p:])
		if !isSpace(c) {
			return fmt.Errorf("byte %d (%q) of %q is in no sentence", p, c, text)
		}
		p += size
	}
	return nil
}

func FuzzSplit(f *testing.F) {
	for _, tt := range splitTests {
		f.Add(tt.text)
	}
	for _, s := range []string{
		"U.S.", "...", ". . . .", "“?” ", "Mr.", "a.m. ", "1.) x", "• • •", "?!”’) A",
		"\xe2\x80", "\xe2\x80\xa6\xe2", "x.\xc2\xa0\xc2", "x. \xe2\x80\xa8Y", "\u00a0.\u00a0",
		"“Why?” Mr. ", "said. ... ", "x •", "1. ", "A. B. C.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rs := Split(text)
		if err := checkRanges(text, rs); err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 && rs != nil {
			t.Fatalf("Split(%q) = empty non-nil slice", text)
		}
		// Every line break ends a sentence.
		for _, r := range rs {
			s := text[r.Start:r.End]
			if strings.ContainsAny(s, "\n\r\v\f\u0085\u2028\u2029") {
				t.Fatalf("sentence %q of %q spans a line break", s, text)
			}
		}
	})
}

// newsText returns about size bytes of generated news-like English text in
// paragraphs, with the abbreviations, numbers, quotations and punctuation
// that make segmentation work.
func newsText(size int) string {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	people := []string{"Sen. Maria Lopez", "Gov. Tom Hale", "Dr. Ann Wu", "Mr. Carl F. Ames Jr.",
		"Rep. Ida Cho (D-N.Y.)", "Ms. Rosa Díaz", "Gen. Omar Reyes", "Judge Harold P. Quinn"}
	orgs := []string{"the U.S. Treasury", "Acme Corp.", "the Labor Department", "the U.N. Security Council",
		"Halvorsen Inc.", "the F.B.I.", "the city council of Erie, Pa.", "the Fed"}
	verbs := []string{"said", "told reporters", "warned", "wrote in a statement", "added"}
	templates := []func() string{
		func() string {
			return fmt.Sprintf("%s %s on Jan. %d that %s would cut spending by $%d.%d billion.",
				pick(people), pick(verbs), 1+rng.IntN(28), pick(orgs), 1+rng.IntN(9), rng.IntN(10))
		},
		func() string {
			return fmt.Sprintf("“We are not going to back down,” %s %s. “The numbers speak for themselves.”",
				pick(people), pick(verbs))
		},
		func() string {
			return fmt.Sprintf("“Who pays for this?” %s asked at a hearing that ended at %d:%02d p.m. Tuesday.",
				pick(people), 1+rng.IntN(11), rng.IntN(60))
		},
		func() string {
			return fmt.Sprintf("Prices rose %d.%d%% in the year to Sept. %d, the fastest pace since %d.",
				rng.IntN(9), rng.IntN(10), 1+rng.IntN(30), 1980+rng.IntN(40))
		},
		func() string {
			return fmt.Sprintf("The plan — which %s called “reckless” — faces a vote in %s.",
				pick(people), pick([]string{"the Senate", "Washington, D.C.", "St. Paul, Minn.", "the House"}))
		},
		func() string {
			return fmt.Sprintf("Read more at https://news.example.com/%d/story.html or write to desk@example.com.",
				rng.IntN(100000))
		},
		func() string {
			return "Officials declined to comment on the report... Critics said the process was rushed."
		},
		func() string {
			return fmt.Sprintf("About %d,%03d people (roughly %d percent of voters) turned out, according to %s.",
				1+rng.IntN(900), rng.IntN(1000), 10+rng.IntN(80), pick(orgs))
		},
	}
	var b strings.Builder
	for b.Len() < size {
		switch rng.IntN(10) {
		case 0:
			b.WriteString("Lawmakers weigh new budget rules as deadline nears\n\n")
		case 1:
			fmt.Fprintf(&b, "• %s\n\n", templates[rng.IntN(len(templates))]())
		}
		n := 2 + rng.IntN(5)
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(templates[rng.IntN(len(templates))]())
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkSplit(b *testing.B) {
	text := newsText(400 << 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text)
	}
}
