package title

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
)

// tiDoc is one report of a made-up event, read as a news-please JSON
// record: its headline in metadata, the body as paragraphs.
type tiDoc struct {
	id, outlet, title, body string
}

// tiLoad loads the docs with corpus.LoadFS, in the order given.
func tiLoad(t testing.TB, docs ...tiDoc) []*corpus.Article {
	t.Helper()
	fs := fstest.MapFS{}
	for _, d := range docs {
		data, err := json.Marshal(map[string]string{"title": d.title, "maintext": d.body, "source_domain": d.outlet, "language": "en"})
		if err != nil {
			t.Fatal(err)
		}
		fs[d.id+".json"] = &fstest.MapFile{Data: data}
	}
	arts, err := corpus.LoadFS(fs, corpus.Options{NoQuotes: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != len(docs) {
		t.Fatalf("loaded %d articles, want %d", len(arts), len(docs))
	}
	byID := map[string]*corpus.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	out := make([]*corpus.Article, len(docs))
	for i, d := range docs {
		if out[i] = byID[d.id]; out[i] == nil {
			t.Fatalf("no article %q among %d loaded", d.id, len(arts))
		}
	}
	return out
}

// The made-up event: the Harbor Council funds the Eastport bridge.
const (
	tiBodyNorth = "The Harbor Council approved 40 million dollars for the Eastport bridge on Tuesday. Mayor Linda Ortiz said the bridge would open in 2027.\n\nSome residents worried about noise from the work."
	tiBodySouth = "The Harbor Council voted on Tuesday to fund the new Eastport bridge with 40 million dollars. Opposition leader Marcus Webb called the vote a giveaway.\n\nProtesters gathered outside the hall."
	tiBodyWire  = "Councillors in Harbor backed funding for the Eastport bridge after a four-hour meeting. The bridge will replace the old ferry route.\n\nLocal shops closed early."
	tiBodyColum = "Nobody at City Hall has kept a promise in a decade. The Eastport bridge vote on Tuesday is only the latest example.\n\nVoters deserve better."
)

func TestOf(t *testing.T) {
	tests := []struct {
		name string
		docs []tiDoc
		want Title // AsWritten is not compared
		// wantID is the ID of the article the title comes from.
		wantID string
	}{
		{
			name: "shared wording wins over an outlier",
			docs: []tiDoc{
				{"a-column", "Harbor Voice", "Why nobody trusts City Hall anymore", tiBodyColum},
				{"b-north", "Northern Courier", "Harbor Council approves Eastport bridge funding", tiBodyNorth},
				{"c-south", "Southern Ledger", "Eastport bridge gets 40 million dollars as council votes", tiBodySouth},
				{"d-wire", "Coast Wire", "Council backs Eastport bridge funding", tiBodyWire},
			},
			want:   Title{Text: "Harbor Council approves Eastport bridge funding", Source: Headline, Sentence: -1, Shared: 3, Reports: 4},
			wantID: "b-north",
		},
		{
			name: "site suffix and label stripped",
			docs: []tiDoc{
				{"a", "Northern Courier", "Opinion: Harbor Council approves Eastport bridge funding - Northern Courier", tiBodyNorth},
				{"b", "southernledger.com", "Eastport bridge gets 40 million dollars | Southern Ledger", tiBodySouth},
			},
			want:   Title{Text: "Harbor Council approves Eastport bridge funding", Source: Headline, Sentence: -1, Shared: 2, Reports: 2},
			wantID: "a",
		},
		{
			name: "no headlines: the most shared lead sentence, shortened",
			docs: []tiDoc{
				{"a", "Northern Courier", "", "PORT ELLIS — The Harbor Council approved 40 million dollars on Tuesday for the long-delayed Eastport bridge, ending years of debate. Mayor Linda Ortiz said the bridge would open in 2027."},
				{"b", "Southern Ledger", "", "In a vote on Tuesday night, the Harbor Council approved funding for the Eastport bridge. Opposition leader Marcus Webb called it a giveaway."},
				{"c", "Coast Wire", "", "Local shops in Port Ellis closed early as the weather turned cold and wet across the region on Tuesday afternoon. The council met later."},
			},
			want:   Title{Text: "The Harbor Council approved funding for the Eastport bridge", Source: Lead, Sentence: 0, Shared: 2, Reports: 3},
			wantID: "b",
		},
		{
			name: "one report",
			docs: []tiDoc{
				{"only", "Coast Wire", "Council backs Eastport bridge funding", tiBodyWire},
			},
			want:   Title{Text: "Council backs Eastport bridge funding", Source: Headline, Sentence: -1, Shared: 1, Reports: 1},
			wantID: "only",
		},
		{
			name: "non-English headline kept as is",
			docs: []tiDoc{
				{"a", "Diario del Puerto", "El consejo de Harbor aprueba la financiación del puente de Eastport", "El consejo de Harbor aprobó el martes 40 millones de dólares para el puente de Eastport. La alcaldesa Linda Ortiz dijo que el puente abrirá en 2027."},
				{"b", "La Voz Costera", "Protestas en Harbor por el puente", "El consejo de Harbor aprobó la financiación del puente de Eastport entre protestas. Marcus Webb criticó la votación."},
			},
			want:   Title{Text: "El consejo de Harbor aprueba la financiación del puente de Eastport", Source: Headline, Sentence: -1, Shared: 2, Reports: 2},
			wantID: "a",
		},
		{
			name: "headline in capitals put in sentence case as the text writes its words",
			docs: []tiDoc{
				{"a", "Northern Courier", "HARBOR COUNCIL APPROVES EASTPORT BRIDGE FUNDING", tiBodyNorth},
				{"b", "Southern Ledger", "Eastport bridge vote", tiBodySouth},
			},
			want:   Title{Text: "Harbor Council approves Eastport bridge funding", Source: Headline, Sentence: -1, Shared: 2, Reports: 2},
			wantID: "a",
		},
		{
			name: "a long headline cut at a clause boundary",
			docs: []tiDoc{
				{"a", "Northern Courier", "Harbor Council approves Eastport bridge funding after a four-hour meeting, ending a decade of debate over the old ferry route", tiBodyNorth},
			},
			want:   Title{Text: "Harbor Council approves Eastport bridge funding after a four-hour meeting…", Source: Headline, Sentence: -1, Shared: 1, Reports: 1, Cut: true},
			wantID: "a",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := tiLoad(t, tt.docs...)
			got := Of(arts, Options{})
			if got.Article < 0 || got.Article >= len(arts) {
				t.Fatalf("Of = %+v: article out of range", got)
			}
			if id := arts[got.Article].ID; id != tt.wantID {
				t.Errorf("title from %q, want %q (%+v)", id, tt.wantID, got)
			}
			got.AsWritten, tt.want.Article = "", got.Article
			if got != tt.want {
				t.Errorf("Of =\n  %+v\nwant\n  %+v", got, tt.want)
			}
			if n := utf8.RuneCountInString(got.Text); n > defaultMaxChars {
				t.Errorf("title of %d characters, over %d", n, defaultMaxChars)
			}
		})
	}
}

func TestOfNone(t *testing.T) {
	for _, arts := range [][]*corpus.Article{nil, {nil}} {
		got := Of(arts, Options{})
		if got.Source != None || got.Article != -1 || got.Text != "" {
			t.Errorf("Of(%v) = %+v, want no title", arts, got)
		}
		if why := got.Why(arts); !strings.Contains(why, "no report") {
			t.Errorf("Why = %q", why)
		}
	}
}

// TestOfDeterministic: the title does not depend on the order the reports
// come in, and of two headlines that score the same the one of the lower
// article ID wins.
func TestOfDeterministic(t *testing.T) {
	docs := []tiDoc{
		{"c-twin", "Coast Wire", "Council backs Eastport bridge funding", tiBodyWire},
		{"a-column", "Harbor Voice", "Why nobody trusts City Hall anymore", tiBodyColum},
		{"b-twin", "Bay Wire", "Council backs Eastport bridge funding", tiBodyWire},
		{"d-south", "Southern Ledger", "Eastport bridge gets 40 million dollars as council votes", tiBodySouth},
	}
	arts := tiLoad(t, docs...)
	first := Of(arts, Options{})
	if id := arts[first.Article].ID; id != "b-twin" {
		t.Errorf("tie went to %q, want b-twin (the lower ID)", id)
	}
	for range 20 {
		perm := slices.Clone(arts)
		for i := len(perm) - 1; i > 0; i-- { // a fixed shuffle: rotate and swap
			j := (i*7 + 3) % (i + 1)
			perm[i], perm[j] = perm[j], perm[i]
		}
		arts = perm
		got := Of(perm, Options{})
		if got.Text != first.Text || perm[got.Article].ID != "b-twin" || got.Shared != first.Shared {
			t.Fatalf("order changed the title: %+v from %s, first %+v", got, perm[got.Article].ID, first)
		}
	}
}

func TestOptions(t *testing.T) {
	arts := tiLoad(t, tiDoc{"a", "Northern Courier", "Harbor Council approves Eastport bridge funding", tiBodyNorth})
	got := Of(arts, Options{MaxChars: 30})
	if got.Text != "Harbor Council approves…" || !got.Cut {
		t.Errorf("MaxChars 30: %+v", got)
	}
	lead := tiLoad(t, tiDoc{"a", "Northern Courier", "", "The Harbor Council approved 40 million dollars for the Eastport bridge on Tuesday."})
	got = Of(lead, Options{MaxLeadWords: 5})
	if got.Text != "The Harbor Council approved 40…" || got.Source != Lead {
		t.Errorf("MaxLeadWords 5: %+v", got)
	}
}

func TestWhy(t *testing.T) {
	arts := tiLoad(t,
		tiDoc{"a", "Northern Courier", "Harbor Council approves Eastport bridge funding", tiBodyNorth},
		tiDoc{"b", "Southern Ledger", "Eastport bridge gets 40 million dollars as council votes", tiBodySouth},
		tiDoc{"c", "Harbor Voice", "Why nobody trusts City Hall anymore", tiBodyColum},
	)
	tests := []struct {
		t    Title
		want string
	}{
		{Of(arts, Options{}), "the headline of Northern Courier, its words in the headline or lead of 2 of 3 reports"},
		{Title{Source: Lead, Article: 1, Cut: true, Shared: 1, Reports: 3}, "the lead sentence of Southern Ledger (no report has a headline), shortened, its words in the headline or lead of 1 of 3 reports"},
		{Title{Source: Headline, Article: 2, Shared: 1, Reports: 1}, "the headline of Harbor Voice"},
	}
	for _, tt := range tests {
		if got := tt.t.Why(arts); got != tt.want {
			t.Errorf("Why(%+v) =\n  %q\nwant\n  %q", tt.t, got, tt.want)
		}
	}
}

func TestCleanHeadline(t *testing.T) {
	tests := []struct {
		headline, outlet, want string
	}{
		{"Bridge plan clears vote - Harbor Tribune", "Harbor Tribune", "Bridge plan clears vote"},
		{"Bridge plan clears vote | Harbor Tribune", "harbortribune.com", "Bridge plan clears vote"},
		{"Bridge plan clears vote – The Harbor Tribune (Online)", "Harbor Tribune (Online News)", "Bridge plan clears vote"},
		{"Bridge plan clears vote — HT", "Harbor Tribune", "Bridge plan clears vote"},
		{"Bridge plan clears vote - harbortribune.co.uk", "Other Outlet", "Bridge plan clears vote"},
		{"Politics | Bridge plan clears vote | Metro", "Metro Daily", "Bridge plan clears vote"},
		{"Opinion: Bridge plan clears vote", "Harbor Tribune", "Bridge plan clears vote"},
		{"OPINION | Bridge plan clears vote", "Harbor Tribune", "Bridge plan clears vote"},
		{"EXCLUSIVE: WATCH: Bridge plan clears vote", "Harbor Tribune", "Bridge plan clears vote"},
		{"[VIDEO] Bridge plan clears vote", "Harbor Tribune", "Bridge plan clears vote"},
		{"Bridge plan clears vote (video)", "Harbor Tribune", "Bridge plan clears vote"},
		{"Bridge plan clears vote - live", "Harbor Tribune", "Bridge plan clears vote"},
		{"Bridge plan clears vote.", "Harbor Tribune", "Bridge plan clears vote"},
		{"Bridge plan clears vote in the U.S.", "Harbor Tribune", "Bridge plan clears vote in the U.S."},
		{"  Bridge plan\n clears   vote ", "", "Bridge plan clears vote"},
		// Kept: a speaker or topic before a colon, a dash inside the
		// headline, a segment that names no site.
		{"Ortiz: Bridge will open in 2027", "Harbor Tribune", "Ortiz: Bridge will open in 2027"},
		{"Bridge plan clears vote - but doubts remain", "Harbor Tribune", "Bridge plan clears vote - but doubts remain"},
		{"Port Ellis bridge-building plan clears vote", "Port Ellis News", "Port Ellis bridge-building plan clears vote"},
		// Kept: what would leave fewer than two words.
		{"Opinion: Bridges", "Harbor Tribune", "Opinion: Bridges"},
		{"Harbor Tribune", "Harbor Tribune", "Harbor Tribune"},
	}
	for _, tt := range tests {
		if got := cleanHeadline(tt.headline, tt.outlet); got != tt.want {
			t.Errorf("cleanHeadline(%q, %q) = %q, want %q", tt.headline, tt.outlet, got, tt.want)
		}
	}
}

func TestShortenLead(t *testing.T) {
	tests := []struct {
		sentence string
		want     string
		cut      bool
	}{
		{"The council approved the bridge.", "The council approved the bridge", false},
		{"PORT ELLIS, Norland — The council approved the bridge.", "The council approved the bridge", false},
		{"PORT ELLIS (Coast Wire) -- The council approved the bridge.", "The council approved the bridge", false},
		{"(Coast Wire) The council approved the bridge.", "The council approved the bridge", false},
		{"In a late-night vote on Tuesday, the council approved the bridge.", "The council approved the bridge", false},
		{"The Harbor Development Agency (HDA) approved the bridge.", "The Harbor Development Agency approved the bridge", false},
		{"Dana Lord, the director of the port, resigned on Friday.", "Dana Lord resigned on Friday", false},
		{"The council approved 40 million dollars for the Eastport bridge on Tuesday when the mayor returned from her trip.", "The council approved 40 million dollars for the Eastport bridge on Tuesday…", true},
		// Too few words before the comma: cut after twelve words.
		{"The council approved the bridge, ending years of debate over the crossing and the future of the old ferry route.", "The council approved the bridge, ending years of debate over the crossing…", true},
		{"The Harbor Council approved the new bridge, ending years of debate over the crossing and the ferry.", "The Harbor Council approved the new bridge…", true},
		{"Members of the council approved funding for the long delayed and much debated new bridge over the harbor.", "Members of the council approved funding for the long delayed and much…", true},
		{"PORT ELLIS —", "PORT ELLIS —", false},
	}
	for _, tt := range tests {
		got, cut := shortenLead(tt.sentence, defaultMaxLeadWords)
		if got != tt.want || cut != tt.cut {
			t.Errorf("shortenLead(%q) = %q, %v; want %q, %v", tt.sentence, got, cut, tt.want, tt.cut)
		}
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		text  string
		limit int
		want  string
	}{
		{"Council backs bridge", 90, "Council backs bridge"},
		{"Council backs bridge funding, ending a decade of debate", 40, "Council backs bridge funding…"},
		// A word cut drops the stopwords it would end in.
		{"Council backs bridge funding for the Eastport crossing", 40, "Council backs bridge funding…"},
		{"Supercalifragilisticexpialidocious", 10, "Supercali…"},
	}
	for _, tt := range tests {
		got, cut := fit(tt.text, tt.limit, false)
		if got != tt.want || cut != (got != tt.text) {
			t.Errorf("fit(%q, %d) = %q, %v; want %q", tt.text, tt.limit, got, cut, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.limit {
			t.Errorf("fit(%q, %d): %d characters", tt.text, tt.limit, n)
		}
	}
}

// FuzzText: cleaning, shortening and fitting any text do not panic, and a
// fitted title keeps to its limit.
func FuzzText(f *testing.F) {
	for _, s := range []string{"Opinion: Bridge plan clears vote - Harbor Tribune", "PORT ELLIS — (Wire) x", "[", "(a) b, c, d", "A, b, c", "…", "ÉTÉ À PARIS"} {
		f.Add(s, "Harbor Tribune", 20)
	}
	f.Fuzz(func(t *testing.T, text, outlet string, limit int) {
		limit = 1 + abs(limit)%200
		h := cleanHeadline(text, outlet)
		if allCaps(h) {
			_ = sentenceCase(h, nil) // no panic
		}
		shortenLead(text, 1+limit%20)
		got, _ := fit(text, limit, false)
		if n := utf8.RuneCountInString(got); n > limit && n > utf8.RuneCountInString(text) {
			t.Errorf("fit(%q, %d) = %q: %d characters", text, limit, got, n)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
