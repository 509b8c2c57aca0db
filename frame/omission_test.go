package frame

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
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
func omRowOf(om Omission, claim int) (OmissionRow, int, bool) {
	for i, r := range om.Rows {
		if r.Claim == claim {
			return r, i, true
		}
	}
	return OmissionRow{}, -1, false
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
	om := Omissions(ev.arts, ev.claims)
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
		if !reflect.DeepEqual(r.Cells, cells) {
			t.Errorf("%q: cells %v, want %v", omText(ev.claims, ci), r.Cells, cells)
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
// "only" rows follow the shared ones, by article then sentence.
func TestOmissionsOnly(t *testing.T) {
	ev := omLoad(t)
	om := Omissions(ev.arts, ev.claims)
	single := func(has string) (OmissionRow, bool) {
		for _, r := range om.Rows {
			if r.Outlets == 1 && strings.Contains(omText(ev.claims, r.Claim), has) {
				return r, true
			}
		}
		return OmissionRow{}, false
	}
	webb, ok := single("Marcus Webb")
	if !ok || webb.Only != ev.south || webb.Cells[ev.south] != align.Lede {
		t.Errorf("Webb (south's lede, a name): row %+v found %v, want only south, lede", webb, ok)
	}
	park, ok := single("Ellen Park")
	if !ok || park.Only != ev.wire || park.Cells[ev.wire] != align.Body {
		t.Errorf("Park (wire's body, a name): row %+v found %v, want only wire, body", park, ok)
	}
	if r, ok := single("four hours"); !ok || r.Cells[ev.wire] != align.Lede {
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
	singles := om.Rows[firstSingle:]
	for i := 1; i < len(singles); i++ {
		p, q := singles[i-1], singles[i]
		fp, _ := omFirst(ev.claims[p.Claim])
		fq, _ := omFirst(ev.claims[q.Claim])
		if p.Only > q.Only || (p.Only == q.Only && fp.Sentence >= fq.Sentence) {
			t.Errorf("single rows out of order: %q before %q", fp.Text, fq.Text)
		}
	}
	// Without singletons: the same shared rows, no "only" rows.
	plain := Omissions(ev.arts, align.Claims(ev.arts, align.Options{}))
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
	a := Omissions(ev.arts, ev.claims)
	if b := Omissions(ev.arts, ev.claims); !reflect.DeepEqual(a, b) {
		t.Fatalf("two runs differ:\n%+v\n%+v", a, b)
	}
	rev := slices.Clone(ev.claims)
	slices.Reverse(rev)
	b := Omissions(ev.arts, rev)
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
