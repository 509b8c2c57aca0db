package report

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/analysis"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame/choice"
)

// choiceKinds name the kinds of word-choice mark for a reader, in the
// order a legend lists them.
var choiceKinds = []struct{ Kind, Name string }{
	{choice.KindLabel, "label"},
	{choice.KindLoaded, "loaded word"},
	{choice.KindVerb, "loaded reporting verb"},
	{choice.KindHedge, "hedge"},
	{choice.KindAnonymous, "unnamed source"},
	{choice.KindQuoted, "scare quotes"},
	{choice.KindDistinctive, "distinctive word"},
}

// choiceKindName is the reader's name of a kind of mark.
func choiceKindName(kind string) string {
	for _, k := range choiceKinds {
		if k.Kind == kind {
			return k.Name
		}
	}
	return kind
}

// contextWords is how many words a mark's context keeps on each side.
const contextWords = 8

// ChoicesTable lists the word choices marked in each report (choice.Find),
// report by report in the reports' order, each in its place in the text:
// the kind of mark, the words, the words around them with the mark in
// bold (Markdown) or highlighted (HTML), and why it is marked. top bounds
// the rows (0: all), the reports taking turns (keptChoices); the table's
// Cut says so. The HTML page's marked texts show every mark whatever top.
func ChoicesTable(arts []*corpus.Article, choices []choice.Choice, top int) *Table {
	t := &Table{
		ID:    "choices",
		Title: "Word choices",
		HowTo: "The words each report chose that the tool marks: a label for a thing the reports name differently, a loaded word or reporting verb, a hedge, an unnamed source, a word set in scare quotes, a word that sets the report apart. Each is shown in its sentence, with why it is marked. A mark is a place to look, not a verdict: read the sentence.",
		Columns: []Column{
			{Key: "report", Header: "report"},
			{Key: "kind", Header: "kind"},
			{Key: "words", Header: "words"},
			{Key: "context", Header: "in context"},
			{Key: "why", Header: "why"},
		},
		marked: markTexts(arts, choices),
	}
	sorted := keptChoices(arts, choices, top)
	if len(sorted) < len(choices) {
		t.Cut = &Cut{Shown: len(sorted), Total: len(choices), Noun: "word choices", Detail: "the reports taking turns, labels and loaded words first", JSON: "flags"}
	}
	slices.SortStableFunc(sorted, func(a, b choice.Choice) int {
		return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Sentence, b.Sentence), cmp.Compare(a.Start, b.Start))
	})
	for _, c := range sorted {
		if c.Article < 0 || c.Article >= len(arts) {
			continue
		}
		a := arts[c.Article]
		text, sentence, mark := choiceContext(a, c)
		t.Rows = append(t.Rows, []Cell{
			{Text: a.Outlet, Value: a.ID},
			Str(choiceKindName(c.Kind)),
			Str(oneLine(c.Text)),
			{Text: text, Value: sentence, Full: sentence, Mark: mark},
			Str(c.Why),
		})
	}
	return t
}

// kindRank orders the kinds of mark by what they tell a reader, for a cut:
// the legend's order.
func kindRank(kind string) int {
	for i, k := range choiceKinds {
		if k.Kind == kind {
			return i
		}
	}
	return len(choiceKinds)
}

// keptChoices are the choices a table of at most top rows shows (all when
// top is 0 or more than there are): the reports take turns, each giving
// its next mark by kind (kindRank), then by place; a turn goes by kind,
// then by outlet name, so that no report is favoured for its file name.
func keptChoices(arts []*corpus.Article, choices []choice.Choice, top int) []choice.Choice {
	if top <= 0 || len(choices) <= top {
		return slices.Clone(choices)
	}
	per := map[int][]choice.Choice{}
	var reports []int
	for _, c := range choices {
		if _, ok := per[c.Article]; !ok {
			reports = append(reports, c.Article)
		}
		per[c.Article] = append(per[c.Article], c)
	}
	byPlace := func(a, b choice.Choice) int {
		return cmp.Or(cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), cmp.Compare(a.Sentence, b.Sentence), cmp.Compare(a.Start, b.Start))
	}
	outlet := func(a int) string {
		if a >= 0 && a < len(arts) {
			return arts[a].Outlet
		}
		return ""
	}
	for _, a := range reports {
		slices.SortStableFunc(per[a], byPlace)
	}
	var out []choice.Choice
	for turn := 0; len(out) < top; turn++ {
		var this []choice.Choice
		for _, a := range reports {
			if turn < len(per[a]) {
				this = append(this, per[a][turn])
			}
		}
		if len(this) == 0 {
			break
		}
		slices.SortStableFunc(this, func(x, y choice.Choice) int {
			return cmp.Or(cmp.Compare(kindRank(x.Kind), kindRank(y.Kind)), cmp.Compare(outlet(x.Article), outlet(y.Article)), byPlace(x, y))
		})
		out = append(out, this[:min(len(this), top-len(out))]...)
	}
	return out
}

// choiceContext is the sentence of a mark cut to contextWords words
// either side of it, the whole sentence, and the mark's byte range in the
// cut text (zero when the mark is not found in its sentence).
func choiceContext(a *corpus.Article, c choice.Choice) (string, string, [2]int) {
	sent, start := a.Title, -1
	if c.Sentence >= 0 && c.Sentence < len(a.Sentences) {
		s := a.Sentences[c.Sentence]
		sent, start = s.Text, s.Start
	}
	sent = oneLine(sent)
	word := oneLine(c.Text)
	at := -1
	if start >= 0 && c.Start >= start {
		// The mark's source offsets, in runes from the sentence's start.
		if b := runeByte(sent, c.Start-start); b >= 0 && strings.HasPrefix(sent[b:], word) {
			at = b
		}
	}
	if at < 0 {
		at = strings.Index(sent, word)
	}
	if at < 0 || word == "" {
		return shorten(sent, 2*contextWords*7), sent, [2]int{}
	}
	before, after := sent[:at], sent[at+len(word):]
	if f := strings.Fields(before); len(f) > contextWords {
		spaced := strings.HasSuffix(before, " ") // else the last field holds the mark's opening quote, say
		before = "… " + strings.Join(f[len(f)-contextWords:], " ")
		if spaced {
			before += " "
		}
	}
	if f := strings.Fields(after); len(f) > contextWords {
		lead := ""
		if after != "" && after[0] != ' ' {
			lead = f[0]
			f = f[1:]
		}
		after = lead + " " + strings.Join(f[:contextWords], " ") + " …"
	}
	return before + word + after, sent, [2]int{len(before), len(before) + len(word)}
}

// runeByte is the byte offset of the n-th rune of s; -1 past its end.
func runeByte(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	if n == 0 {
		return len(s)
	}
	return -1
}

// markedParts splits a cell's text around its Mark: before, marked, after;
// ok is false when the cell has no mark (or one outside its text).
func markedParts(c Cell) (before, mark, after string, ok bool) {
	m := c.Mark
	if m[1] <= m[0] || m[1] > len(c.Text) || !utf8.ValidString(c.Text[:m[0]]) {
		return "", "", "", false
	}
	return c.Text[:m[0]], c.Text[m[0]:m[1]], c.Text[m[1]:], true
}

// markedText is one report's text with its word choices marked, for the
// HTML page: paragraphs of segments, a segment plain (Kind "") or marked.
type markedText struct {
	ID, Outlet, Title string
	Paras             [][]markSeg
	Marks             int
}

type markSeg struct{ Text, Kind, Name, Why string }

// markTexts lays out each report's sentences by paragraph, each choice
// marked where it stands in its sentence (a choice not found in its
// sentence, or overlapping one marked before it, stays in the table
// alone).
func markTexts(arts []*corpus.Article, choices []choice.Choice) []markedText {
	type span struct {
		at, end int
		c       choice.Choice
	}
	per := map[[2]int][]choice.Choice{} // (article, sentence) → its choices
	for _, c := range choices {
		per[[2]int{c.Article, c.Sentence}] = append(per[[2]int{c.Article, c.Sentence}], c)
	}
	out := make([]markedText, 0, len(arts))
	for ai, a := range arts {
		mt := markedText{ID: a.ID, Outlet: a.Outlet, Title: a.Title}
		para := -1
		for si, s := range a.Sentences {
			text := oneLine(s.Text)
			var spans []span
			for _, c := range per[[2]int{ai, si}] {
				word := oneLine(c.Text)
				at := -1
				if b := runeByte(text, c.Start-s.Start); c.Start >= s.Start && b >= 0 && strings.HasPrefix(text[b:], word) {
					at = b
				} else {
					at = strings.Index(text, word)
				}
				if at >= 0 && word != "" {
					spans = append(spans, span{at, at + len(word), c})
				}
			}
			slices.SortStableFunc(spans, func(x, y span) int { return cmp.Compare(x.at, y.at) })
			var segs []markSeg
			pos := 0
			for _, sp := range spans {
				if sp.at < pos {
					continue // overlaps the mark before it
				}
				if sp.at > pos {
					segs = append(segs, markSeg{Text: text[pos:sp.at]})
				}
				segs = append(segs, markSeg{Text: text[sp.at:sp.end], Kind: sp.c.Kind, Name: choiceKindName(sp.c.Kind), Why: sp.c.Why})
				mt.Marks++
				pos = sp.end
			}
			if pos < len(text) {
				segs = append(segs, markSeg{Text: text[pos:]})
			}
			if s.Para != para || len(mt.Paras) == 0 {
				mt.Paras = append(mt.Paras, nil)
				para = s.Para
			} else {
				segs = append([]markSeg{{Text: " "}}, segs...)
			}
			mt.Paras[len(mt.Paras)-1] = append(mt.Paras[len(mt.Paras)-1], segs...)
		}
		out = append(out, mt)
	}
	return out
}

// QuestionsTable lists the questions a teacher can ask about the event
// (analysis.Questions), each with the table that shows what it is made
// from; event is the event's id, which prefixes the tables' ids when
// several is set.
func QuestionsTable(qs []analysis.Question, event string, several bool) *Table {
	t := &Table{
		ID:    "questions",
		Title: "Questions for a class",
		HowTo: "Questions to ask about these reports, each made from a finding in the table named beside it. They ask; the tool does not know which report is right.",
		Columns: []Column{
			{Key: "question", Header: "question", Whole: true},
			{Key: "table", Header: "see"},
		},
	}
	for _, q := range qs {
		id := q.Section
		if several {
			id = event + "-" + id
		}
		t.Rows = append(t.Rows, []Cell{Str(q.Text), {Text: id, Value: id, Anchor: id}})
	}
	return t
}
