package omission

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

// omFixture is one event of three reports. All three carry the headline
// claim ("... plan clears ... vote") and the funding claim (north in its
// lede, south in its body, wire in its last sentence); north and south
// carry the mayor's claim. South alone names Marcus Webb in its lede; wire
// alone names Governor Ellen Park in its body; the rest of what each says
// alone is colour without a number or a name outside the lede.
var omFixture = fstest.MapFS{
	"north.txt": {Data: []byte("Bridge plan clears key vote\n\nThe Harbor Council approved 40 million dollars for the Eastport bridge on Tuesday. Mayor Linda Ortiz said the bridge would open to traffic in 2027.\n\nThe weather was cold and many people stayed at home. Some residents worried about noise from the construction work.\n\nTraffic engineers expect fewer delays on the old ferry route.\n")},
	"south.txt": {Data: []byte("Protests as bridge plan clears vote\n\nOpposition leader Marcus Webb called the vote a giveaway to private developers. Protesters gathered outside the hall during the debate.\n\nThe Harbor Council approved 40 million dollars in funding for the Eastport bridge. Mayor Linda Ortiz said the new bridge would open to traffic in 2027.\n\nMany people said they were tired of waiting.\n")},
	"wire.txt":  {Data: []byte("Bridge plan clears vote\n\nMembers of the council met on Tuesday evening to decide. The meeting lasted nearly four hours.\n\nLocal shops were closed during the afternoon. A spokesman for Governor Ellen Park welcomed the decision.\n\nThe Harbor Council approved 40 million dollars for the Eastport bridge project.\n")},
}

type omEvent struct {
	arts                []*corpus.Article
	claims              []align.Claim
	north, south, wire  int // article indexes
	headline, fund, may int // claim indexes
}

func omLoad(t *testing.T) omEvent {
	t.Helper()
	arts, err := corpus.LoadFS(omFixture, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ev := omEvent{arts: arts, claims: align.Claims(arts, align.Options{Singletons: true})}
	idx := map[string]int{}
	for i, a := range arts {
		idx[a.ID] = i
	}
	ev.north, ev.south, ev.wire = idx["north"], idx["south"], idx["wire"]
	find := func(art, sentence int) int {
		for ci, c := range ev.claims {
			for _, m := range c.Members {
				if m.Article == art && m.Sentence == sentence {
					return ci
				}
			}
		}
		t.Fatalf("no claim holds article %d sentence %d", art, sentence)
		return -1
	}
	ev.headline, ev.fund, ev.may = find(ev.north, -1), find(ev.north, 0), find(ev.north, 1)
	// The fixture's premise: these are the shared claims, with these outlets.
	shared := 0
	for _, c := range ev.claims {
		if c.Outlets() >= 2 {
			shared++
		}
	}
	if shared != 3 || ev.claims[ev.headline].Outlets() != 3 || ev.claims[ev.fund].Outlets() != 3 || ev.claims[ev.may].Outlets() != 2 {
		t.Fatalf("fixture aligned differently: %+v", ev.claims)
	}
	return ev
}

// omRowOf finds the row of a claim.
func omRowOf(om Omission, claim int) (Row, int, bool) {
	for i, r := range om.Rows {
		if r.Claim == claim {
			return r, i, true
		}
	}
	return Row{}, -1, false
}

func omText(claims []align.Claim, ci int) string {
	f, _ := omFirst(claims[ci])
	return f.Text
}

// TestOmissionsShared: claims all reports carry come first, with each
// report's most prominent position; a claim one report leaves out has ""
// there; shares are of the shared claims.
func TestOmissionsShared(t *testing.T) {
	ev := omLoad(t)
	om := Find(ev.arts, ev.claims)
	if len(om.Rows) == 0 || om.Rows[0].Outlets != len(ev.arts) {
		t.Fatalf("first row %+v, want a claim all %d reports carry", om.Rows, len(ev.arts))
	}
	for i := 1; i < len(om.Rows); i++ {
		if om.Rows[i].Outlets > om.Rows[i-1].Outlets {
			t.Errorf("row %d carried by %d after a row carried by %d", i, om.Rows[i].Outlets, om.Rows[i-1].Outlets)
		}
	}
	cells := func(north, south, wire align.Position) []align.Position {
		c := make([]align.Position, len(ev.arts))
		c[ev.north], c[ev.south], c[ev.wire] = north, south, wire
		return c
	}
	carriedAt := func(r Row) []align.Position {
		out := make([]align.Position, len(r.Cells))
		for a, c := range r.Cells {
			out[a], _ = c.Carried()
		}
		return out
	}
	want := map[int][]align.Position{ // claim -> per article
		ev.headline: cells(align.Headline, align.Headline, align.Headline),
		ev.fund:     cells(align.Lede, align.Body, align.End),
		ev.may:      cells(align.Lede, align.Body, ""),
	}
	for ci, cells := range want {
		r, _, ok := omRowOf(om, ci)
		if !ok {
			t.Errorf("no row for %q", omText(ev.claims, ci))
			continue
		}
		if got := carriedAt(r); !reflect.DeepEqual(got, cells) {
			t.Errorf("%q: carried at %v (cells %v), want %v", omText(ev.claims, ci), got, r.Cells, cells)
		}
		for a, nr := range r.Near {
			if _, ok := r.Cells[a].Carried(); ok && nr != nil {
				t.Errorf("%q: %s carries it but has a nearest sentence %+v", omText(ev.claims, ci), ev.arts[a].ID, nr)
			}
		}
		if r.Only != -1 {
			t.Errorf("%q: shared but Only = %d", omText(ev.claims, ci), r.Only)
		}
	}
	if r, _, _ := omRowOf(om, ev.may); r.Outlets != 2 {
		t.Errorf("mayor's claim carried by %d, want 2", r.Outlets)
	}
	const shared = 3
	carried := map[int]int{ev.north: 3, ev.south: 3, ev.wire: 2}
	for a, n := range carried {
		wantShare := math.Round(float64(n)/float64(shared)*1000) / 1000
		if om.Share[a] != wantShare {
			t.Errorf("%s: share %v, want %d/%d = %v", ev.arts[a].ID, om.Share[a], n, shared, wantShare)
		}
	}
}

// TestOmissionsOnly: a claim one report alone makes becomes an "only" row
// when it is in the lede or names someone, and not when it is body colour;
// "only" rows follow the shared ones, each report's by salience then
// sentence.
func TestOmissionsOnly(t *testing.T) {
	ev := omLoad(t)
	om := Find(ev.arts, ev.claims)
	single := func(has string) (Row, bool) {
		for _, r := range om.Rows {
			if r.Outlets == 1 && strings.Contains(omText(ev.claims, r.Claim), has) {
				return r, true
			}
		}
		return Row{}, false
	}
	webb, ok := single("Marcus Webb")
	if !ok || webb.Only != ev.south || webb.Cells[ev.south] != Cell(align.Lede) {
		t.Errorf("Webb (south's lede, a name): row %+v found %v, want only south, lede", webb, ok)
	}
	park, ok := single("Ellen Park")
	if !ok || park.Only != ev.wire || park.Cells[ev.wire] != Cell(align.Body) {
		t.Errorf("Park (wire's body, a name): row %+v found %v, want only wire, body", park, ok)
	}
	if r, ok := single("four hours"); !ok || r.Cells[ev.wire] != Cell(align.Lede) {
		t.Errorf("wire's lede sentence without a name: want a row, got %+v %v", r, ok)
	}
	for _, colour := range []string{"The weather was cold", "Many people said", "Traffic engineers", "Local shops"} {
		if r, ok := single(colour); ok {
			t.Errorf("colour sentence %q kept: %+v", colour, r)
		}
	}
	firstSingle := -1
	for i, r := range om.Rows {
		if r.Outlets == 1 {
			if firstSingle < 0 {
				firstSingle = i
			}
			continue
		}
		if firstSingle >= 0 {
			t.Errorf("shared row %d after single row %d", i, firstSingle)
		}
		if r.Only != -1 {
			t.Errorf("row %d: Only %d with %d outlets", i, r.Only, r.Outlets)
		}
	}
	// Each report's own rows: by salience (headline, lede, a name or a
	// number), then by where they stand.
	last := map[int]omSingle{}
	for _, r := range om.Rows[firstSingle:] {
		c := ev.claims[r.Claim]
		f, _ := omFirst(c)
		cur := omSingle{row: r, salience: omSalience(c.Members), first: f}
		if p, ok := last[r.Only]; ok && (p.salience > cur.salience || p.salience == cur.salience && p.first.Sentence >= cur.first.Sentence) {
			t.Errorf("single rows of %s out of order: %q (salience %d) before %q (salience %d)", ev.arts[r.Only].ID, p.first.Text, p.salience, f.Text, cur.salience)
		}
		last[r.Only] = cur
	}
	// Without singletons: the same shared rows, no "only" rows.
	plain := Find(ev.arts, align.Claims(ev.arts, align.Options{}))
	if len(plain.Rows) != firstSingle {
		t.Errorf("without singletons: %d rows, want the %d shared ones", len(plain.Rows), firstSingle)
	}
	if !reflect.DeepEqual(plain.Share, om.Share) {
		t.Errorf("shares %v without singletons, %v with", plain.Share, om.Share)
	}
}

// TestOmFactual: the "matters" rule for a single-article sentence outside
// the lede.
func TestOmFactual(t *testing.T) {
	for text, want := range map[string]bool{
		"The weather was cold.":                   false,
		"Officials met in the hall.":              false,
		"I think so, he said.":                    false,
		"It cost 40 dollars.":                     true,
		"A spokesman for Governor Park spoke.":    true,
		"“We will not give up,” the leader said.": false,
	} {
		if got := omFactual(text); got != want {
			t.Errorf("omFactual(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestOmissionsDeterministic: the same rows (by claim text) whatever the
// order of the claims, and the same result twice.
func TestOmissionsDeterministic(t *testing.T) {
	ev := omLoad(t)
	a := Find(ev.arts, ev.claims)
	if b := Find(ev.arts, ev.claims); !reflect.DeepEqual(a, b) {
		t.Fatalf("two runs differ:\n%+v\n%+v", a, b)
	}
	rev := slices.Clone(ev.claims)
	slices.Reverse(rev)
	b := Find(ev.arts, rev)
	if len(a.Rows) != len(b.Rows) || !reflect.DeepEqual(a.Share, b.Share) {
		t.Fatalf("reversed claims: %d rows, shares %v; want %d, %v", len(b.Rows), b.Share, len(a.Rows), a.Share)
	}
	for i := range a.Rows {
		if ta, tb := omText(ev.claims, a.Rows[i].Claim), omText(rev, b.Rows[i].Claim); ta != tb {
			t.Errorf("row %d: %q, reversed %q", i, ta, tb)
		}
	}
}

// TestEmphases: headline, lede, the shared claims each report puts first,
// and the share of its words on each.
func TestEmphases(t *testing.T) {
	ev := omLoad(t)
	em := Emphases(ev.arts, ev.claims)
	if len(em.Articles) != len(ev.arts) {
		t.Fatalf("%d articles, want %d", len(em.Articles), len(ev.arts))
	}
	for ai, ae := range em.Articles {
		a := ev.arts[ai]
		if ae.Article != ai || ae.Headline != a.Title || len(ae.Lede) != 2 || ae.Lede[0] != a.Sentences[0].Text || ae.Lede[1] != a.Sentences[1].Text {
			t.Errorf("%s: %+v", a.ID, ae)
		}
	}
	// Each carries the headline claim in its headline: that comes first.
	wantFirst := map[int][]int{
		ev.north: {ev.headline, ev.fund, ev.may}, // fund in sentence 0, mayor in 1
		ev.south: {ev.headline, ev.fund, ev.may}, // fund in 2, mayor in 3
		ev.wire:  {ev.headline, ev.fund},         // no mayor
	}
	for ai, want := range wantFirst {
		if got := em.Articles[ai].First; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: first %v, want %v", ev.arts[ai].ID, got, want)
		}
	}
	// Words: the members' words (plain words and numbers here, so a count
	// of fields) over the article's words; the headline-only claim spends
	// none of the body's words and is left out.
	words := func(ai, sentence int) int { return len(strings.Fields(ev.arts[ai].Sentences[sentence].Text)) }
	share := func(ai, n int) float64 { return math.Round(float64(n)/float64(ev.arts[ai].Words)*1000) / 1000 }
	northFund, northMayor := words(ev.north, 0), words(ev.north, 1)
	if northFund <= northMayor {
		t.Fatalf("fixture: north's funding sentence (%d words) should be longer than its mayor's (%d)", northFund, northMayor)
	}
	want := []ClaimWords{
		{Claim: ev.fund, Words: northFund, Share: share(ev.north, northFund)},
		{Claim: ev.may, Words: northMayor, Share: share(ev.north, northMayor)},
	}
	if got := em.Articles[ev.north].Words; !reflect.DeepEqual(got, want) {
		t.Errorf("north words %+v, want %+v", got, want)
	}
	wireFund := words(ev.wire, 4)
	if got, want := em.Articles[ev.wire].Words, []ClaimWords{{Claim: ev.fund, Words: wireFund, Share: share(ev.wire, wireFund)}}; !reflect.DeepEqual(got, want) {
		t.Errorf("wire words %+v, want %+v", got, want)
	}
	for ai, ae := range em.Articles {
		for i, cw := range ae.Words {
			if cw.Claim == ev.headline {
				t.Errorf("%s: headline-only claim in words", ev.arts[ai].ID)
			}
			if i > 0 && cw.Words > ae.Words[i-1].Words {
				t.Errorf("%s: words not largest first: %+v", ev.arts[ai].ID, ae.Words)
			}
		}
	}
	if again := Emphases(ev.arts, ev.claims); !reflect.DeepEqual(em, again) {
		t.Errorf("two runs differ")
	}
}

// omArts makes articles of the given outlets, for hand-built claims.
func omArts(outlets ...string) []*corpus.Article {
	arts := make([]*corpus.Article, len(outlets))
	for i, o := range outlets {
		arts[i] = &corpus.Article{ID: strings.ToLower(o), Outlet: o}
	}
	return arts
}

// TestOmissionsNear: a report that does not carry a claim but whose
// nearest sentence is of similar wording gets "similar:" and that
// sentence's position, not ""; one whose nearest sentence is not similar
// keeps "" — and both carry the nearest sentence, which a report that
// carries the claim has none of. Similar wording is not carrying.
func TestOmissionsNear(t *testing.T) {
	arts := omArts("Alpha", "Beta", "Gamma")
	const alpha, beta, gamma = 0, 1, 2
	member := func(a, s int, p align.Position, text string) align.Member {
		return align.Member{Article: a, Sentence: s, Start: 10 * s, End: 10*s + 9, Text: text, Position: p}
	}
	paraphrase := align.Near{Member: align.Member{Article: gamma, Sentence: 4, Start: 120, End: 171, Text: "The council gave the bridge its money on Tuesday.", Position: align.Body}, Score: 0.27, Similar: true}
	weaker := paraphrase
	weaker.Sentence, weaker.Text, weaker.Score, weaker.Position = 6, "The bridge was discussed.", 0.21, align.End
	unlike := align.Near{Member: align.Member{Article: beta, Sentence: 7, Start: 300, End: 340, Text: "Shops were closed in the afternoon.", Position: align.End}, Score: 0.08}
	claims := []align.Claim{
		{Members: []align.Member{member(alpha, 0, align.Lede, "The council approved the bridge funds."), member(beta, 3, align.Body, "Bridge funds approved by the council.")},
			Near: []align.Near{
				weaker, paraphrase, // two for one report: the nearer counts
				{Member: align.Member{Article: alpha, Sentence: 2, Text: "carried already: ignored"}, Score: 0.9, Similar: true},
				{Member: align.Member{Article: 7, Sentence: 0, Text: "no such article: ignored"}, Score: 0.9, Similar: true},
			}},
		{Members: []align.Member{member(alpha, 1, align.Lede, "Mayor Ortiz spoke."), member(gamma, 0, align.Lede, "Ortiz, the mayor, spoke.")},
			Near: []align.Near{unlike}},
		{Members: []align.Member{member(alpha, -1, align.Headline, "Bridge plan clears vote"), member(beta, -1, align.Headline, "Bridge plan clears vote"), member(gamma, -1, align.Headline, "Vote clears bridge plan")}},
		// Similar is the aligner's call: a score without it is no "≈".
		{Members: []align.Member{member(beta, 1, align.Lede, "Protests followed."), member(gamma, 1, align.Lede, "Protesters gathered.")},
			Near: []align.Near{{Member: align.Member{Article: alpha, Sentence: 3, Text: "People gathered.", Position: align.Body}, Score: 0.5}}},
	}
	om := Find(arts, claims)
	want := map[int][]Cell{
		0: {"lede", "body", "similar:body"},
		1: {"lede", "", "lede"},
		2: {"headline", "headline", "headline"},
		3: {"", "lede", "lede"},
	}
	wantNear := map[int][]*align.Near{
		0: {nil, nil, &paraphrase},
		1: {nil, &unlike, nil},
		2: {nil, nil, nil},
		3: {&claims[3].Near[0], nil, nil},
	}
	if len(om.Rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(om.Rows), len(want), om.Rows)
	}
	for _, r := range om.Rows {
		if !reflect.DeepEqual(r.Cells, want[r.Claim]) {
			t.Errorf("claim %d: cells %q, want %q", r.Claim, r.Cells, want[r.Claim])
		}
		if !reflect.DeepEqual(r.Near, wantNear[r.Claim]) {
			t.Errorf("claim %d: near %+v, want %+v", r.Claim, r.Near, wantNear[r.Claim])
		}
	}
	if r, _, _ := omRowOf(om, 0); r.Outlets != 2 {
		t.Errorf("similar wording counted as carrying: outlets %d, want 2", r.Outlets)
	}
	// Alpha carries 3 of the 4 shared claims, Beta 3, Gamma 3: the "≈"
	// does not count for Gamma.
	if want := []float64{0.75, 0.75, 0.75}; !reflect.DeepEqual(om.Share, want) {
		t.Errorf("shares %v, want %v", om.Share, want)
	}
	if p, ok := Cell("similar:body").Similar(); !ok || p != align.Body {
		t.Errorf(`"similar:body".Similar() = %q, %v`, p, ok)
	}
	for _, c := range []Cell{"", "similar:end"} {
		if p, ok := c.Carried(); ok {
			t.Errorf("%q.Carried() = %q, true", c, p)
		}
	}
}

// omSinglesFixture is claims of one report each from three outlets, of
// every salience, the outlets' rows given in a mixed order; the articles
// come in the order given by perm (perm[i] is the outlet of article i).
func omSinglesFixture(perm []int) ([]*corpus.Article, []align.Claim) {
	outlets := []string{"Alpha", "Beta", "Gamma"}
	names := make([]string, len(perm))
	at := make([]int, len(perm)) // outlet -> article
	for i, o := range perm {
		names[i] = outlets[o]
		at[o] = i
	}
	arts := omArts(names...)
	// Per outlet: sentence index, position, text. Alpha has a headline and
	// both lede sentences of its own, Beta only body facts, Gamma a mix.
	type s struct {
		sentence int
		pos      align.Position
		text     string
	}
	own := [][]s{
		{{-1, align.Headline, "Alpha headline"}, {0, align.Lede, "alpha lede one"}, {1, align.Lede, "alpha lede two"},
			{5, align.Body, "It cost 12 dollars."}, {3, align.Body, "Then Mayor Ortiz spoke."}, {8, align.End, "A fee of 3 dollars."},
			{4, align.Body, "colour without a name"}},
		{{9, align.Body, "Some 400 came."}, {2, align.Body, "Then Governor Park spoke."}, {6, align.Body, "It took 4 hours."},
			{4, align.Body, "It rained for 2 days."}, {7, align.End, "Then Judge Webb ruled."}, {3, align.Body, "colour again"}},
		{{1, align.Lede, "gamma lede"}, {6, align.Body, "Then Senator Vell spoke."}, {2, align.Body, "It cost 9 dollars."},
			{9, align.End, "By 2030, they said."}, {4, align.Body, "Then Chief Moss spoke."}},
	}
	var claims []align.Claim
	for o, ss := range own {
		for _, x := range ss {
			claims = append(claims, align.Claim{Members: []align.Member{{Article: at[o], Sentence: x.sentence, Start: 10 * (x.sentence + 1), End: 10*(x.sentence+1) + 9, Text: x.text, Position: x.pos}}, Score: 1})
		}
	}
	return arts, claims
}

// TestOmissionsSinglesBalanced: the rows one report alone carries take
// turns across outlets, by salience, so that the first k of them are the
// same rows whatever the order of the files, and no outlet has more than
// one row more than another among them while each has rows left.
func TestOmissionsSinglesBalanced(t *testing.T) {
	perms := [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}, {1, 0, 2}}
	type shown struct{ outlet, text string }
	var first [][]shown // per k: the first k single rows, sorted
	for pi, perm := range perms {
		arts, claims := omSinglesFixture(perm)
		om := Find(arts, claims)
		var singles []Row
		for _, r := range om.Rows {
			if r.Outlets == 1 {
				singles = append(singles, r)
			}
		}
		const kept = 7 + 6 + 5 - 2 // all but the two colour sentences
		if len(singles) != kept {
			t.Fatalf("perm %v: %d single rows, want %d", perm, len(singles), kept)
		}
		count := map[string]int{}
		for k, r := range singles {
			count[arts[r.Only].Outlet]++
			// Balanced while every outlet has rows left: each has 5 at
			// least.
			if k < 3*5 {
				lo, hi := k+1, 0
				for _, n := range count {
					hi = max(hi, n)
				}
				for _, o := range []string{"Alpha", "Beta", "Gamma"} {
					lo = min(lo, count[o])
				}
				if hi-lo > 1 {
					t.Errorf("perm %v: the first %d single rows are %v per outlet", perm, k+1, count)
				}
			}
			var set []shown
			for _, q := range singles[:k+1] {
				set = append(set, shown{arts[q.Only].Outlet, claims[q.Claim].Members[0].Text})
			}
			slices.SortFunc(set, func(a, b shown) int { return strings.Compare(a.outlet+"\x00"+a.text, b.outlet+"\x00"+b.text) })
			if pi == 0 {
				first = append(first, set)
			} else if !reflect.DeepEqual(set, first[k]) {
				t.Errorf("perm %v: the first %d single rows are %v, in file order %v: %v", perm, k+1, set, perms[0], first[k])
			}
		}
		// The most salient first: the first turn is Alpha's headline,
		// Gamma's lede, then Beta's fact that stands first.
		var turn []string
		for _, r := range singles[:3] {
			turn = append(turn, claims[r.Claim].Members[0].Text)
		}
		if want := []string{"Alpha headline", "gamma lede", "Then Governor Park spoke."}; !reflect.DeepEqual(turn, want) {
			t.Errorf("perm %v: first turn %q, want %q", perm, turn, want)
		}
	}
}

// TestSampleOmissions: on the sample, what a careful reader sees
// (corpus/sample/SOURCES.md) one report alone carries — the sanctions and
// Crimea, the INF treaty, the experts.
func TestSampleOmissions(t *testing.T) {
	arts, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	claims := align.Claims(arts, align.Options{Singletons: true})
	om := Find(arts, claims)
	only := map[string][]string{} // phrase -> the reports that alone carry a claim with it
	for _, row := range om.Rows {
		if row.Only < 0 {
			continue
		}
		text := claims[row.Claim].Members[0].Text
		for _, p := range []string{"sanctions", "Intermediate-Range Nuclear Forces Treaty", "the expert"} {
			if strings.Contains(text, p) {
				only[p] = append(only[p], arts[row.Only].ID)
			}
		}
	}
	for p, want := range map[string]string{"sanctions": "inforos", "Intermediate-Range Nuclear Forces Treaty": "kyodo-wire", "the expert": "rt-ru-translated"} {
		if !slices.Contains(only[p], want) {
			t.Errorf("%q: want a row only %s carries, got %v", p, want, only)
		}
	}
}
