package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/attribution"
)

// Labels of the two rows that close the attribution table.
const (
	attrAnonymousRow = "anonymous sources"
	attrHedgesRow    = "hedges"
)

// attrSpeakerJSON is a speaker cell's JSON value.
type attrSpeakerJSON struct {
	Quotes int            `json:"quotes"`
	Words  int            `json:"words"`
	Verbs  []attrVerbJSON `json:"verbs"`
}

type attrVerbJSON struct {
	Verb        string `json:"verb"`
	Connotation string `json:"connotation,omitempty"`
}

// attrPhraseJSON is one phrase of an "anonymous sources" or "hedges" cell.
type attrPhraseJSON struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
	Kind  string `json:"kind,omitempty"` // hedges: "hedge" or "certainty"
}

// AttributionTable is the attribution table (ID "attribution"): one row per
// speaker of a (in a's order: most quotes first), top of them (0: all;
// the table's Cut says how many it leaves out),
// with per report "n quotes, m words; verbs" — the reporting verbs that
// introduce the speaker's quotes, each non-neutral one followed by its
// connotation, "stressed (emphatic)" — or "—" when the report does not
// quote the speaker. Two rows follow: "anonymous sources" and "hedges", per
// report the number of mentions and the phrases, commonest first with
// counts (×n); certainty markers are among the hedges, marked
// "(certainty)". The JSON value of a speaker cell is {quotes, words,
// verbs: [{verb, connotation}]}; of the last two rows' cells [{text, count,
// kind}]; "—" is null.
func AttributionTable(arts []*corpus.Article, a attribution.Attribution, top int) *Table {
	t := &Table{
		ID:    "attribution",
		Title: "Attribution",
		HowTo: "Who each report lets speak: direct quotes and quoted words per speaker, the verbs that introduce them (neutral said/told, emphatic stressed, doubting claimed, attacking blasted...), and the anonymous sources and hedges each report uses.",
	}
	t.Columns = append([]Column{{Key: "speaker", Header: "Speaker"}}, reportColumns(arts)...)

	// The connotation of each verb as used for a speaker in an article.
	type verbKey struct {
		art           int
		speaker, verb string
	}
	conn := map[verbKey]string{}
	for _, v := range a.Verbs {
		k := verbKey{v.Article, v.Speaker, strings.ToLower(strings.Join(strings.Fields(v.Verb), " "))}
		if _, ok := conn[k]; !ok {
			conn[k] = v.Connotation
		}
	}

	if top > 0 && len(a.Speakers) > top {
		t.Cut = &Cut{Shown: top, Total: len(a.Speakers), Noun: "speakers", JSON: "events[].attribution"}
	}
	for _, sp := range a.Speakers {
		if top > 0 && len(t.Rows) == top {
			break
		}
		row := []Cell{Str(sp.Speaker)}
		for ai := range arts {
			if ai >= len(sp.Quotes) || sp.Quotes[ai] == 0 {
				row = append(row, Cell{Text: "—", Value: nil})
				continue
			}
			val := attrSpeakerJSON{Quotes: sp.Quotes[ai], Verbs: []attrVerbJSON{}}
			if ai < len(sp.Words) {
				val.Words = sp.Words[ai]
			}
			var verbs []string
			if ai < len(sp.Verbs) {
				for _, v := range sp.Verbs[ai] {
					c := conn[verbKey{ai, sp.Speaker, strings.ToLower(strings.Join(strings.Fields(v), " "))}]
					val.Verbs = append(val.Verbs, attrVerbJSON{v, c})
					if c != "" && c != "neutral" {
						v += " (" + c + ")"
					}
					verbs = append(verbs, v)
				}
			}
			text := attrCount(val.Quotes, "quote") + ", " + attrCount(val.Words, "word")
			if len(verbs) > 0 {
				text += "; " + strings.Join(verbs, ", ")
			}
			row = append(row, Cell{Text: shorten(text, 110), Value: val, Full: text})
		}
		t.Rows = append(t.Rows, row)
	}

	t.Rows = append(t.Rows,
		append([]Cell{Str(attrAnonymousRow)}, attrPhraseCells(len(arts), a.Anonymous, false)...),
		append([]Cell{Str(attrHedgesRow)}, attrPhraseCells(len(arts), a.Hedges, true)...),
	)
	return t
}

// attrCount is "1 quote", "2 quotes".
func attrCount(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}

// attrPhraseCells makes one cell per report from mentions: "n: phrase ×k;
// phrase", phrases commonest first (ties: first used), "—" when none. With
// kinds, a mention noted "certainty" is shown "phrase (certainty)".
func attrPhraseCells(n int, ms []frame.Mention, kinds bool) []Cell {
	type phrase struct {
		attrPhraseJSON
		first int
	}
	byArt := make([][]phrase, n)
	at := make([]map[string]int, n)
	for i, m := range ms {
		if m.Article < 0 || m.Article >= n || m.Nested {
			continue
		}
		kind := ""
		if kinds {
			kind = m.Note
		}
		k := kind + "\x00" + frame.Norm(m.Text)
		if at[m.Article] == nil {
			at[m.Article] = map[string]int{}
		}
		if j, ok := at[m.Article][k]; ok {
			byArt[m.Article][j].Count++
			continue
		}
		at[m.Article][k] = len(byArt[m.Article])
		byArt[m.Article] = append(byArt[m.Article], phrase{attrPhraseJSON{Text: oneLine(m.Text), Count: 1, Kind: kind}, i})
	}
	cells := make([]Cell, n)
	for ai, ps := range byArt {
		if len(ps) == 0 {
			cells[ai] = Cell{Text: "—", Value: nil}
			continue
		}
		slices.SortFunc(ps, func(x, y phrase) int { return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.first, y.first)) })
		total := 0
		texts := make([]string, len(ps))
		vals := make([]attrPhraseJSON, len(ps))
		for i, p := range ps {
			total += p.Count
			s := p.Text
			if p.Kind == "certainty" {
				s += " (certainty)"
			}
			if p.Count > 1 {
				s += " ×" + strconv.Itoa(p.Count)
			}
			texts[i] = s
			vals[i] = p.attrPhraseJSON
		}
		full := strconv.Itoa(total) + ": " + strings.Join(texts, "; ")
		cells[ai] = Cell{Text: shorten(full, 110), Value: vals, Full: full}
	}
	return cells
}
