package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/frame/omission"
)

// OmissionTable is the claim × report matrix of omission.Find: one row
// per claim (its first member's wording, shortened; whole in JSON), one
// column per report with where it carries the claim (headline, lede, body,
// end); where it does not, "≈ body" when its nearest sentence is of
// similar wording ("similar:body" in JSON; that sentence, with where it
// stands and its score, is the cell's Detail), else "—" (null in JSON);
// and a "carried by" count, which counts no "≈". top bounds the claim rows
// (0: all), and the table's Cut says how many it leaves out. A last row,
// "share of the N shared claims", gives each report's om.Share as a
// percentage, over all shared claims whatever top (its "carried by" cell
// is empty, null in JSON). claims are those om was computed from (aligned
// with Singletons).
func OmissionTable(arts []*corpus.Article, claims []align.Claim, om omission.Omission, top int) *Table {
	t := &Table{
		ID:    "omission",
		Title: "Omission: who carries which claim",
		HowTo: "Each row is a claim; each cell says where the report carries it — headline, lede (first two sentences), body, end (last fifth) — or, where it does not: " +
			"≈ and where a sentence of similar wording stands, which may say it in other words (the HTML report shows that sentence under the ≈, the Markdown report in a note under the table), " +
			"or — when no sentence of the report comes close (the JSON report gives the nearest sentence of every ≈ and —, with its score). " +
			"Claims most reports carry come first, then what one report alone says, the reports taking turns, headlines, ledes, names and numbers first. " +
			"The last row is each report's share of the claims two reports or more carry (≈ does not count).",
	}
	t.Columns = append([]Column{{Key: "claim", Header: "claim"}}, reportColumns(arts)...)
	t.Columns = append(t.Columns, Column{Key: "carried_by", Header: "carried by", Number: true})
	shared := 0
	for _, r := range om.Rows {
		if r.Outlets >= 2 {
			shared++
		}
	}
	for _, r := range om.Rows {
		if top > 0 && len(t.Rows) == top {
			break
		}
		text := omClaimText(claims, r.Claim)
		row := []Cell{{Text: shorten(text, 90), Value: text}}
		for ai := range arts {
			var c omission.Cell
			if ai < len(r.Cells) {
				c = r.Cells[ai]
			}
			var near *align.Near
			if ai < len(r.Near) {
				near = r.Near[ai]
			}
			row = append(row, omCell(c, near))
		}
		t.Rows = append(t.Rows, append(row, Int(r.Outlets)))
	}
	if shown := len(t.Rows); shown < len(om.Rows) {
		var parts []string
		if n := shared - shown; n > 0 {
			parts = append(parts, plural(n, "claim")+" that two reports or more carry")
		}
		if n := len(om.Rows) - max(shared, shown); n > 0 {
			parts = append(parts, plural(n, "claim")+" that one report alone carries")
		}
		t.Cut = &Cut{Shown: shown, Total: len(om.Rows), Noun: "claims", Detail: "left out: " + strings.Join(parts, " and "), JSON: "events[].omission"}
	}
	if len(arts) > 0 {
		row := []Cell{Str(fmt.Sprintf("share of the %s", plural(shared, "shared claim")))}
		for ai := range arts {
			s := 0.0
			if ai < len(om.Share) {
				s = om.Share[ai]
			}
			row = append(row, pct(s))
		}
		t.Rows = append(t.Rows, append(row, Cell{Text: "", Value: nil}))
	}
	return t
}

// omCell is one report's cell of the omission table: where it carries the
// claim; "≈ position", with its nearest sentence one click away, where
// that sentence is of similar wording; else "—".
func omCell(c omission.Cell, near *align.Near) Cell {
	if p, ok := c.Carried(); ok {
		return Str(string(p))
	}
	if p, ok := c.Similar(); ok {
		cell := Cell{Text: "≈ " + string(p), Value: string(c)}
		if near != nil {
			cell.Detail = sentenceName(near.Sentence) + ", similarity " + strconv.FormatFloat(near.Score, 'f', -1, 64) + ": " + oneLine(near.Text)
		}
		return cell
	}
	return Cell{Text: "—", Value: nil}
}

// EmphasisTable shows what each report foregrounds (omission.Emphases): one
// row per report with its outlet, headline and lede (shortened; whole in
// JSON), the shared claims it puts first and the two shared claims it
// spends most of its words on, each in the report's own wording, with the
// share of its words.
func EmphasisTable(arts []*corpus.Article, claims []align.Claim, em omission.Emphasis) *Table {
	t := &Table{
		ID:    "emphasis",
		Title: "Emphasis: what each report puts first",
		HowTo: "One row per report: its headline and lede (first two sentences), the claims shared with other reports that it puts first, and the shared claims it spends most of its words on, with their share of its text.",
		Columns: []Column{
			{Key: "outlet", Header: "outlet"},
			{Key: "headline", Header: "headline"},
			{Key: "lede", Header: "lede"},
			{Key: "puts_first", Header: "puts first"},
			{Key: "most_words_on", Header: "most words on"},
		},
	}
	type wordsJSON struct {
		Text  string `json:"text"`
		Words int    `json:"words"`
		Share string `json:"share"`
	}
	for _, ae := range em.Articles {
		if ae.Article < 0 || ae.Article >= len(arts) {
			continue
		}
		a := arts[ae.Article]
		lede := strings.Join(ae.Lede, " ")
		first := []string{}
		var firstShown []string
		for _, ci := range ae.First {
			s := omClaimTextIn(claims, ci, ae.Article)
			first = append(first, s)
			firstShown = append(firstShown, shorten(s, 60))
		}
		most := []wordsJSON{}
		var mostShown, mostFull []string
		for _, cw := range ae.Words[:min(2, len(ae.Words))] {
			s := omClaimTextIn(claims, cw.Claim, ae.Article)
			p := pct(cw.Share).Text
			most = append(most, wordsJSON{Text: s, Words: cw.Words, Share: p})
			mostShown = append(mostShown, shorten(s, 50)+" ("+p+")")
			mostFull = append(mostFull, s+" ("+p+")")
		}
		// Full: Markdown and CSV show each cell whole (Value is a list).
		t.Rows = append(t.Rows, []Cell{
			Str(a.Outlet),
			{Text: shorten(ae.Headline, 70), Value: ae.Headline},
			{Text: shorten(lede, 110), Value: ae.Lede, Full: lede},
			{Text: omOrDash(strings.Join(firstShown, "; ")), Value: first, Full: omOrDash(joinSentences(first))},
			{Text: omOrDash(strings.Join(mostShown, "; ")), Value: most, Full: omOrDash(strings.Join(mostFull, "; "))},
		})
	}
	return t
}

// joinSentences joins texts with "; ", or with a space after one that ends
// a sentence ("…held on Monday. Talks…", not "…Monday.; Talks…").
func joinSentences(texts []string) string {
	var b strings.Builder
	for i, s := range texts {
		if i > 0 {
			if endsSentence(texts[i-1]) {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(s)
	}
	return b.String()
}

// endsSentence tells whether s ends with a full stop, question or
// exclamation mark, or one of them inside closing quotation marks.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "”’\"')» ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// omClaimText is the wording of a claim's first member (lowest article,
// then sentence).
func omClaimText(claims []align.Claim, ci int) string {
	if ci < 0 || ci >= len(claims) || len(claims[ci].Members) == 0 {
		return ""
	}
	f := claims[ci].Members[0]
	for _, m := range claims[ci].Members[1:] {
		if m.Article < f.Article || (m.Article == f.Article && m.Sentence < f.Sentence) {
			f = m
		}
	}
	return f.Text
}

// omClaimTextIn is article ai's wording of a claim: its members' texts in
// the order given, one space apart; the first member's wording if it has
// none.
func omClaimTextIn(claims []align.Claim, ci, ai int) string {
	if ci < 0 || ci >= len(claims) {
		return ""
	}
	var parts []string
	for _, m := range claims[ci].Members {
		if m.Article == ai {
			parts = append(parts, m.Text)
		}
	}
	if len(parts) == 0 {
		return omClaimText(claims, ci)
	}
	return strings.Join(parts, " ")
}

func omOrDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
