package discrepancy

import (
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// load reads one report per body (a headline, then the body as one
// paragraph), each of its own outlet.
func load(t *testing.T, bodies ...string) []*corpus.Article {
	t.Helper()
	fsys := fstest.MapFS{}
	manifest := "articles:\n"
	for i, b := range bodies {
		name := fmt.Sprintf("r%d.txt", i)
		fsys[name] = &fstest.MapFile{Data: []byte(fmt.Sprintf("Report number %d on the story\n\n%s\n", i, b))}
		manifest += fmt.Sprintf("  - {path: %s, outlet: Outlet %c, event: story}\n", name, 'A'+i)
	}
	fsys["biasdiff.yaml"] = &fstest.MapFile{Data: []byte(manifest)}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// claimOf is one claim of every body sentence of every report.
func claimOf(arts []*corpus.Article) align.Claim {
	var c align.Claim
	for ai, a := range arts {
		for si, s := range a.Sentences {
			c.Members = append(c.Members, align.Member{Article: ai, Sentence: si, Start: s.Start, End: s.End, Text: s.Text})
		}
	}
	return c
}

// quoteGroupOf is one quote group of every report's first quote.
func quoteGroupOf(t *testing.T, arts []*corpus.Article) align.QuoteCluster {
	t.Helper()
	var qc align.QuoteCluster
	for ai, a := range arts {
		if len(a.Quotes) == 0 {
			t.Fatalf("report %d: no quote found", ai)
		}
		q := a.Quotes[0]
		qc.Variants = append(qc.Variants, align.Variant{Article: ai, Quote: 0, Speaker: q.Speaker, Verb: q.Verb, Text: q.Text, Start: q.Start, End: q.End})
	}
	return qc
}

// show writes discrepancies as "kind: a | b" with the values as written,
// checking that each value's offsets hold its text in the source.
func show(t *testing.T, arts []*corpus.Article, src []string, ds []Discrepancy) []string {
	t.Helper()
	var out []string
	for _, d := range ds {
		var vals []string
		for _, v := range d.Values {
			vals = append(vals, v.Text)
			file := []rune(src[v.Article])
			if v.Start < 0 || v.End > len(file) || v.Start >= v.End {
				t.Errorf("%s: offsets %d-%d out of the file", v.Text, v.Start, v.End)
				continue
			}
			if got := string(file[v.Start:v.End]); got != v.Text {
				t.Errorf("value %q: the source at %d-%d holds %q", v.Text, v.Start, v.End, got)
			}
		}
		out = append(out, fmt.Sprintf("%s: %s", d.Kind, strings.Join(vals, " | ")))
	}
	return out
}

func sources(arts []*corpus.Article, bodies []string) []string {
	src := make([]string, len(bodies))
	for i, b := range bodies {
		src[i] = fmt.Sprintf("Report number %d on the story\n\n%s\n", i, b)
	}
	_ = arts
	return src
}

func TestFindClaims(t *testing.T) {
	cases := []struct {
		name   string
		bodies []string
		want   []string // "" for none
	}{
		// real disagreements
		{"year after since", []string{
			"The governor, who has led the province since 2002, faces a new challenger.",
			"The governor, in power since 2003, faces a new challenger.",
		}, []string{"date: 2002 | 2003"}},
		{"year, same verb", []string{
			"Marta Quell has led the union since 2002.",
			"Quell, a former welder, has led the union since 2003 and is seeking another term.",
		}, []string{"date: 2002 | 2003"}},
		{"dozens against more than 200", []string{
			"Police arrested more than 200 people after the march on the port.",
			"Dozens of people were arrested after the march on the port, police said.",
		}, []string{"number: more than 200 | Dozens"}},
		{"three reports, two agree", []string{
			"Rescuers pulled 12 miners from the flooded shaft on Sunday.",
			"Rescuers pulled 19 miners from the flooded shaft.",
			"On Sunday rescuers pulled 19 miners out of the flooded shaft.",
		}, []string{"number: 12 | 19 | 19"}},
		{"weekday", []string{
			"The council voted on Monday to close the old bridge.",
			"The council voted on Tuesday to close the old bridge to traffic.",
		}, []string{"date: Monday | Tuesday"}},
		{"month of a year", []string{
			"The plant closed in March 2019, leaving hundreds without work.",
			"The plant closed in June 2019 and hundreds lost their jobs.",
		}, []string{"date: March 2019 | June 2019"}},
		{"amounts", []string{
			"Halberd Foods agreed to buy the dairy for $2.1 billion in cash.",
			"Halberd Foods will pay $2.5 billion in cash for the dairy.",
		}, []string{"number: $2.1 billion | $2.5 billion"}},
		{"spelled and digits", []string{
			"The storm killed three people in the hill villages.",
			"Five people were killed by the storm in the hill villages.",
		}, []string{"number: three | Five"}},
		{"percent", []string{
			"Turnout rose 18% from the last election.",
			"Turnout rose 12 percent from the last election.",
		}, []string{"number: 18% | 12 percent"}},
		{"name in a role", []string{
			"Interior Minister Jane Doe ordered the curfew in the capital.",
			"The curfew in the capital was ordered by Interior Minister John Roe.",
		}, []string{"name: Jane Doe | John Roe"}},
		{"speaker of a claim", []string{
			"Jane Doe said the talks had collapsed over the water rights.",
			"The talks collapsed over the water rights, John Roe said.",
		}, []string{"speaker: Jane Doe | John Roe"}},

		{"paraphrase, at least", []string{
			"Authorities said at least 14 people died when the ferry capsized off the northern coast on Saturday.",
			"The ferry capsized off the northern coast on Saturday, killing 9 people, officials said.",
		}, []string{"number: at least 14 | 9"}},
		{"paraphrase, founding year", []string{
			"The cooperative, founded in 1998, employs 3,000 people in the valley.",
			"Founded in 2001, the cooperative now has 3,000 workers in the valley.",
		}, []string{"date: 1998 | 2001"}},
		{"paraphrase, active and passive", []string{
			"The bill was signed by Governor Ann Marsh on Friday after a long debate.",
			"After a long debate, Governor Tom Reyes signed the bill on Friday.",
		}, []string{"name: Ann Marsh | Tom Reyes"}},

		// no disagreement
		{"different subjects", []string{
			"Mayor Ann Marsh released eight years of tax returns on Friday.",
			"Her rival Tom Reyes released 12 years of tax returns last month.",
		}, nil},
		{"numbers cut short", []string{
			"The couple paid $43 million in federal taxes over the period.",
			"The couple paid $43,885,310 in federal taxes over the period.",
		}, nil},
		{"about and more than", []string{
			"About 200 protesters were detained near the stadium.",
			"More than 190 protesters were detained near the stadium.",
		}, nil},
		{"digits and words", []string{
			"Two hundred protesters were detained near the stadium.",
			"Police detained 200 protesters near the stadium.",
		}, nil},
		{"rounded", []string{
			"Police detained 200 protesters near the stadium.",
			"Police detained 212 protesters near the stadium.",
		}, nil},
		{"more than the number", []string{
			"Police detained 200 protesters near the stadium.",
			"Police detained more than 200 protesters near the stadium.",
		}, nil},
		{"value in one report only", []string{
			"The governor, who has led the province since 2002, faces a new challenger.",
			"The governor, who has led the province for years, faces a new challenger.",
		}, nil},
		{"different slots", []string{
			"The blast killed 3 soldiers at the checkpoint.",
			"The blast at the checkpoint wounded 5 civilians.",
		}, nil},
		{"the other value elsewhere", []string{
			"Police arrested 200 people and 40 were injured in the clashes.",
			"In the clashes 40 people were injured.",
		}, nil},
		{"both years in one report", []string{
			"Elected in 2002, the governor has led the province since 2003.",
			"The governor has led the province since 2002.",
		}, nil},
		{"short name and full name", []string{
			"Trump said the talks had collapsed over the water rights.",
			"Donald Trump said the talks had collapsed over the water rights.",
		}, nil},
		{"spelling variants", []string{
			"President Zelensky said the talks had collapsed.",
			"President Zelenskiy said the talks had collapsed.",
		}, nil},
		{"name missing on one side", []string{
			"Interior Minister Jane Doe ordered the curfew in the capital.",
			"The interior minister ordered the curfew in the capital.",
		}, nil},
		{"different roles", []string{
			"Interior Minister Jane Doe ordered the curfew in the capital.",
			"Foreign Minister John Roe welcomed the curfew in the capital.",
		}, nil},
		{"a former holder and the present one", []string{
			"The treaty was criticised by former Secretary of State Jane Doe at the summit.",
			"The treaty was criticised by Secretary of State John Roe at the summit.",
		}, nil},
		{"an acronym is no person", []string{
			"The memos of former FBI director Jane Doe were released on Thursday.",
			"The memos of the former F.B.I. director were released on Thursday.",
		}, nil},
		{"the same role for two places", []string{
			"Senator Jane Doe of North Dakota said she would vote for the nominee.",
			"Senator John Roe of North Carolina said he would vote for the nominee.",
		}, nil},
		{"sentence-initial words are no names", []string{
			"Officials said the talks had collapsed over the water rights.",
			"Negotiators said the talks had collapsed over the water rights.",
		}, nil},
		{"a person and a group", []string{
			"Republicans said the talks had collapsed over the water rights.",
			"Jane Doe said the talks had collapsed over the water rights.",
		}, nil},
		{"both speakers in one report", []string{
			"Jane Doe said the talks had collapsed over the water rights.",
			"John Roe said, echoing Jane Doe, that the talks had collapsed over the water rights.",
		}, nil},
		{"route numbers and times", []string{
			"The bus on Route 66 crashed at 5 p.m. near the border.",
			"The bus on Route 67 crashed at 6 p.m. near the border.",
		}, nil},
	}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			arts := load(t, c.bodies...)
			ds := Find(arts, []align.Claim{claimOf(arts)}, nil)
			got := show(t, arts, sources(arts, c.bodies), ds)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
			for _, d := range ds {
				if d.Claim != 0 || d.Quote != -1 || d.Slot == "" || !strings.Contains(d.Slot, "…") {
					t.Errorf("claim %d, quote %d, slot %q", d.Claim, d.Quote, d.Slot)
				}
			}
		})
	}
}

func TestFindQuotes(t *testing.T) {
	cases := []struct {
		name   string
		bodies []string
		want   []string
	}{
		{"two officials", []string{
			"“We will not sign an agreement that gives away the northern valleys,” Foreign Minister Jane Doe said on Friday.",
			"“We will not sign an agreement that gives away the northern valleys,” said Defence Minister John Roe.",
		}, []string{"speaker: Jane Doe | John Roe"}},
		{"two ranks", []string{ // a rank makes a single name a person's, as "Sen." does
			"“We will not sign an agreement that gives away the northern valleys,” Sgt. Roe said on Friday.",
			"“We will not sign an agreement that gives away the northern valleys,” said Captain Doe.",
		}, []string{"speaker: Roe | Doe"}},
		{"a number misquoted", []string{
			"“We have lost 40 soldiers in the northern valleys this winter,” Jane Doe said.",
			"“We have lost 14 soldiers in the northern valleys this winter,” Jane Doe said.",
		}, []string{"number: 40 | 14"}},
		{"one person, two names", []string{
			"“We will not sign an agreement that gives away the northern valleys,” Liz Marren said.",
			"“We will not sign an agreement that gives away the northern valleys,” Elizabeth Marren said.",
		}, nil},
		{"not a person", []string{
			"“We will not sign an agreement that gives away the northern valleys,” Jane Doe said.",
			"“We will not sign an agreement that gives away the northern valleys,” the ministry said in a statement.",
		}, nil},
	}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			arts := load(t, c.bodies...)
			ds := Find(arts, nil, []align.QuoteCluster{quoteGroupOf(t, arts)})
			got := show(t, arts, sources(arts, c.bodies), ds)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
			for _, d := range ds {
				if d.Claim != -1 || d.Quote != 0 {
					t.Errorf("claim %d, quote %d", d.Claim, d.Quote)
				}
			}
		})
	}
}

// TestRanges checks the quantities read from quantities.txt.
func TestRanges(t *testing.T) {
	cases := []struct {
		text      string
		lo, hi    float64 // the range must hold [lo, hi] and nothing of out
		out       []float64
		unit      string
		asWritten string
	}{
		{"dozens of people", 24, 100, []float64{10, 200}, "", "dozens"},
		{"more than 200 people", 200, 1e6, []float64{150}, "", "more than 200"},
		{"about 200 people", 180, 220, []float64{150, 250}, "", "about 200"},
		{"nearly 200 people", 170, 200, []float64{150, 210}, "", "nearly 200"},
		{"200 people", 190, 210, []float64{100, 260}, "", "200"},
		{"two hundred people", 190, 210, []float64{100, 260}, "", "two hundred"},
		{"2,500 people", 2500, 2500, []float64{2400, 2600}, "", "2,500"},
		{"$2.1 billion in cash", 2.1e9, 2.1e9, []float64{1.9e9, 2.3e9}, "$", "$2.1 billion"},
		{"$43 million in taxes", 43e6, 43.9e6, []float64{41e6, 45e6}, "$", "$43 million"},
		{"hundreds of thousands of people", 2e5, 9e5, []float64{5e4, 2e6}, "", "hundreds of thousands"},
		{"twenty-five people", 25, 25, []float64{24, 26}, "", "twenty-five"},
		{"a handful of people", 3, 5, []float64{20}, "", "a handful of"},
		{"47 percent of people", 47, 47, []float64{46, 48}, "%", "47 percent"},
		{"several dozen people", 36, 100, []float64{10, 200}, "", "several dozen"},
	}
	ev := &event{q: loadQuantities(), lower: map[string]bool{}, midCap: map[string]bool{}, surname: map[string]bool{}}
	for _, c := range cases {
		s := &side{}
		text := c.text
		s.add(segment{text, func(b0, b1 int) (int, int) {
			return utf8.RuneCountInString(text[:b0]), utf8.RuneCountInString(text[:b1])
		}}, token.Tokenize(text), true, false)
		s.scan(ev)
		if len(s.ments) != 1 || s.ments[0].kind != Number {
			t.Errorf("%q: mentions %+v, want one number", c.text, s.ments)
			continue
		}
		m := s.ments[0]
		if m.lo > c.lo || m.hi < c.hi {
			t.Errorf("%q: range %g-%g does not hold %g-%g", c.text, m.lo, m.hi, c.lo, c.hi)
		}
		for _, x := range c.out {
			if m.lo <= x && x <= m.hi {
				t.Errorf("%q: range %g-%g holds %g", c.text, m.lo, m.hi, x)
			}
		}
		if m.unit != c.unit {
			t.Errorf("%q: unit %q, want %q", c.text, m.unit, c.unit)
		}
		if got := s.text(m.t0, m.t1); got != c.asWritten {
			t.Errorf("%q: written %q, want %q", c.text, got, c.asWritten)
		}
	}
}

func TestParseQuantities(t *testing.T) {
	if _, err := parseQuantities(quantitiesTxt); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"value | dozens | 20", "value | dozens | 30 | 20", "scale | hundred | x", "size | big | 1 | 2", "unit | percent |"} {
		if _, err := parseQuantities(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestHeadline: a value in a headline has its offsets in the source.
func TestHeadline(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":         {Data: []byte("Police detain more than 200 at the port rally\n\nThe rally at the port went on until the evening.\n")},
		"b.txt":         {Data: []byte("Rally at the port\n\nDozens were detained at the port rally on Sunday, police said.\n")},
		"biasdiff.yaml": {Data: []byte("articles:\n  - {path: a.txt, outlet: Outlet A, event: story}\n  - {path: b.txt, outlet: Outlet B, event: story}\n")},
	}
	arts, err := corpus.LoadFS(fsys, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := arts[0], arts[1]
	if a.TitleSpan == nil {
		t.Fatal("no title span")
	}
	c := align.Claim{Members: []align.Member{
		{Article: 0, Sentence: -1, Start: a.TitleSpan.Start, End: a.TitleSpan.End, Text: a.Title, Position: align.Headline},
		{Article: 1, Sentence: 0, Start: b.Sentences[0].Start, End: b.Sentences[0].End, Text: b.Sentences[0].Text},
	}}
	src := []string{string(fsys["a.txt"].Data), string(fsys["b.txt"].Data)}
	got := show(t, arts, src, Find(arts, []align.Claim{c}, nil))
	if want := []string{"number: more than 200 | Dozens"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestManyValues: a report's part of a claim with more values than
// maxValues (a table of results) is not compared.
func TestManyValues(t *testing.T) {
	var list []string
	for i := range maxValues + 1 {
		list = append(list, fmt.Sprintf("%d", 100+i))
	}
	arts := load(t,
		"The district results were "+strings.Join(list, ", ")+" votes for the mayor.",
		"The district results were 7 votes for the mayor.")
	if ds := Find(arts, []align.Claim{claimOf(arts)}, nil); len(ds) != 0 {
		t.Errorf("got %+v", ds)
	}
}

// TestOffsetsPerturbed: each sample capture against a copy of itself with
// its numbers changed and its weekdays shifted, claims made by the
// aligner: the changed values are found, and every value's offsets hold
// its text in its file (captures with page chrome, headlines, quotes).
func TestOffsetsPerturbed(t *testing.T) {
	names, err := fs.Glob(sample.FS, "*.txt")
	if err != nil || len(names) == 0 {
		t.Fatal("no sample captures", err)
	}
	digits := regexp.MustCompile(`\b[1-9][0-9]?\b`)
	days := strings.NewReplacer("Monday", "Friday", "Tuesday", "Monday", "Wednesday", "Sunday", "Thursday", "Tuesday", "Friday", "Thursday")
	found := 0
	for _, name := range names {
		orig, err := fs.ReadFile(sample.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		mod := days.Replace(digits.ReplaceAllStringFunc(string(orig), func(s string) string {
			n, _ := strconv.Atoi(s)
			if n < 28 {
				return strconv.Itoa(n + 1) // a day stays a day
			}
			return strconv.Itoa(n - 1)
		}))
		fsys := fstest.MapFS{
			"a.txt":         {Data: orig},
			"b.txt":         {Data: []byte(mod)},
			"biasdiff.yaml": {Data: []byte("articles:\n  - {path: a.txt, outlet: Outlet A, event: story, lang: en}\n  - {path: b.txt, outlet: Outlet B, event: story, lang: en}\n")},
		}
		arts, err := corpus.LoadFS(fsys, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		src := map[int][]rune{0: []rune(string(orig)), 1: []rune(mod)}
		ds := Find(arts, align.Claims(arts, align.Options{}), align.Quotes(arts))
		for _, d := range ds {
			if len(d.Values) < 2 || d.Values[0].Article >= d.Values[1].Article {
				t.Errorf("%s: values %+v", name, d.Values)
			}
			for _, v := range d.Values {
				f := src[v.Article]
				if v.Start < 0 || v.End > len(f) || v.Start >= v.End || string(f[v.Start:v.End]) != v.Text {
					t.Errorf("%s: %s value %q at %d-%d", name, d.Kind, v.Text, v.Start, v.End)
				}
			}
		}
		found += len(ds)
	}
	if found == 0 {
		t.Error("no changed value found")
	}
	t.Logf("%d discrepancies", found)
}

// TestCalendar: the days and months are numbered from their lists'
// order, and the months' short forms but "mar" (a verb too) count.
func TestCalendar(t *testing.T) {
	for w, want := range map[string]int{"monday": 1, "sunday": 7, "january": 1, "may": 5, "december": 12, "sept": 9, "sep": 9, "jan": 1, "mar": 0} {
		got := weekdays[w] + months[w]
		if got != want {
			t.Errorf("%q: %d, want %d", w, got, want)
		}
	}
	if monthAbbrevs["may"] || monthAbbrevs["mar"] || !monthAbbrevs["dec"] {
		t.Errorf("month short forms: %v", monthAbbrevs)
	}
}

// TestCompound: a number written with a hyphen is a ten and a one, by the
// values of internal/english cardinals.
func TestCompound(t *testing.T) {
	for s, want := range map[string]float64{"twenty-one": 21, "forty-seven": 47, "ninety-nine": 99, "ten-five": -1, "twenty-ten": -1, "twenty-twenty": -1, "hundred-one": -1, "thirty": -1} {
		got, ok := compound(s)
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("compound(%q) = %g, want %g", s, got, want)
		}
	}
}

// TestRoles: the role words from internal/english: a short form stands for
// a title that is an entry of its own, every honorific is a role word and
// the full form of one that is an office is a personal title too.
func TestRoles(t *testing.T) {
	for w, r := range roleWords {
		if r != "" && roleWords[r] != r {
			t.Errorf("%q stands for %q, which is no role word of its own", w, r)
		}
	}
	for h := range english.Set("honorifics") {
		r, ok := roleWords[h]
		if !ok || !personalTitles[h] || r != "" && !personalTitles[r] {
			t.Errorf("honorific %q: role %q (%v), personal title %v, its full form one %v", h, r, ok, personalTitles[h], personalTitles[r])
		}
	}
	for w, want := range map[string]string{"sen": "senator", "senator": "senator", "then": "former", "defence": "defense", "advisor": "adviser", "mr": "", "miss": ""} {
		if got, ok := roleWords[w]; !ok || got != want {
			t.Errorf("roleWords[%q] = %q (%v), want %q", w, got, ok, want)
		}
	}
	if !roleHeads["minister"] || !roleHeads["president-elect"] || roleHeads["foreign"] || roleHeads["former"] || roleHeads[""] {
		t.Error("roleHeads: want the titles, not the words that go with them")
	}
}

// TestOrgWords: a capitalised run that ends in a word of an organisation's
// or a place's name (internal/english name-ends and organisation-words)
// gives no surname; one after a first name or a title does.
func TestOrgWords(t *testing.T) {
	ev := &event{surname: map[string]bool{}}
	for _, run := range [][]string{{"silver", "islands"}, {"harbour", "club"}, {"national", "assembly"}, {"republican", "lawmakers"}} {
		ev.evidence(run)
	}
	ev.evidence([]string{"jane", "doe"})
	ev.evidence([]string{"sgt", "roe"})
	if len(ev.surname) != 2 || !ev.surname["doe"] || !ev.surname["roe"] {
		t.Errorf("surnames %v, want doe and roe", ev.surname)
	}
}
