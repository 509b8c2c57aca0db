package align

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestConformance is the aligner's behaviour on small made-up events, one
// case per kind of correspondence: each case gives the reports, the claims
// of several reports it must find (render's notation: "a0 b1" is sentence
// 0 of the first report with sentence 1 of the second), the cells a claim
// must show for a report that does not carry it ("≈" similar wording,
// "—" nothing close), and the quote groups (variants as article letter and
// "q" for a quote or "r" for reported speech).
func TestConformance(t *testing.T) {
	cases := []struct {
		name   string
		texts  []string
		claims string            // multi-report claims, as render gives them
		cells  map[string]string // "a0>b": the cell of b in the claim holding a0
		quotes string            // quote groups: "aq bq", "aq br"
	}{{
		name: "same fact, other words",
		texts: []string{
			"The city council approved a new budget of 4.2 million dollars on Tuesday. Parks will get more money.",
			"On Tuesday the council passed the city's 4.2 million dollar budget. Libraries keep their hours.",
		},
		claims: "a0 b0",
	}, {
		name: "one sentence split in two",
		texts: []string{
			"Harbour police arrested two men at the ferry terminal and seized forty kilos of cocaine hidden in a truck.",
			"Harbour police arrested two men at the ferry terminal on Sunday. Officers seized forty kilos of cocaine hidden in a truck.",
		},
		claims: "a0 b0 b1",
	}, {
		name: "a number that differs stays one claim",
		texts: []string{
			"Riot police detained 200 protesters outside the parliament building in Valdora on Saturday.",
			"Riot police detained dozens of protesters outside the parliament building in Valdora on Saturday.",
		},
		claims: "a0 b0",
	}, {
		name: "no counterpart",
		texts: []string{
			"The mayor of Kelso opened a new bridge over the river on Monday. The bridge cost 12 million pounds to build.",
			"The mayor of Kelso opened a new bridge over the river on Monday. A local choir sang at the ceremony.",
		},
		claims: "a0 b0",
		cells:  map[string]string{"a1>b": "—", "b1>a": "—"},
	}, {
		name: "a paraphrase too loose to align is shown as similar",
		texts: []string{
			"Dock workers walked off the job on Monday. The union demands a nine percent pay rise after two years without one.",
			"Dock workers walked off the job on Monday. Dockers are asking for nine percent more money, saying wages have been frozen for years.",
		},
		claims: "a0 b0",
		cells:  map[string]string{"a1>b": "≈", "b1>a": "≈"},
	}, {
		name: "a quote and the same words as reported speech",
		texts: []string{
			`"We will not raise property taxes this year, whatever the council decides," Mayor Jane Holt said on Friday.`,
			"Mayor Holt said on Friday that she would not raise property taxes this year, whatever the council decides.",
		},
		claims: "a0 b0",
		quotes: "aq br",
	}, {
		name: "a quote in part and in full",
		texts: []string{
			`"The bridge will be open to traffic before the winter storms arrive, and we will keep our promise to the valley," Governor Ana Ruiz said.`,
			`Governor Ruiz promised the bridge would be "open to traffic before the winter storms arrive."`,
		},
		claims: "a0 b0",
		quotes: "aq bq",
	}, {
		name: "two speakers, different statements",
		texts: []string{
			`"The budget protects every school in the district," Mayor Jane Holt said.`,
			`"This budget closes three schools in the district," councillor Tom Beck said.`,
		},
		quotes: "",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			arts := load(t, c.texts...)
			all := Claims(arts, Options{Singletons: true})
			var multi []Claim
			for _, cl := range all {
				if cl.Outlets() >= 2 {
					multi = append(multi, cl)
				}
			}
			if got := render(multi); got != c.claims {
				t.Errorf("claims %q, want %q", got, c.claims)
			}
			for key, want := range c.cells {
				var art, sent int
				var other byte
				fmt.Sscanf(key, "%c%d>%c", new(byte), &sent, &other)
				art = int(key[0] - 'a')
				cell := ""
				for _, cl := range all {
					holds := false
					for _, m := range cl.Members {
						holds = holds || m.Article == art && m.Sentence == sent
					}
					if !holds {
						continue
					}
					cell = "carried"
					for _, n := range cl.Near {
						if n.Article == int(other-'a') {
							cell = "—"
							if n.Similar {
								cell = "≈"
							}
							if n.Text == "" || n.End <= n.Start {
								t.Errorf("%s: nearest sentence without text or offsets: %+v", key, n)
							}
						}
					}
				}
				if cell != want {
					t.Errorf("%s: cell %q, want %q", key, cell, want)
				}
			}
			var groups []string
			for _, q := range Quotes(arts) {
				var vs []string
				for _, v := range q.Variants {
					kind := "q"
					if v.Reported {
						kind = "r"
					}
					vs = append(vs, fmt.Sprintf("%c%s", 'a'+v.Article, kind))
				}
				sort.Strings(vs)
				groups = append(groups, strings.Join(vs, " "))
			}
			sort.Strings(groups)
			if got := strings.Join(groups, " | "); got != c.quotes {
				t.Errorf("quote groups %q, want %q", got, c.quotes)
			}
		})
	}
}
