package analysis

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/align"
	"github.com/biasdiff/biasdiff/frame"
	"github.com/biasdiff/biasdiff/frame/discrepancy"
)

// Question is one a teacher can ask a class about an event, made from a
// finding of the analysis; Section names the table that shows the finding
// ("terms", "omission", "discrepancies", "emphasis").
type Question struct {
	Text    string
	Section string
}

// maxQuestions is how many questions an event gets at most.
const maxQuestions = 5

// Questions are three to five questions on the event, from its strongest
// findings in turn: the strongest contrast of wording, a discrepancy, a
// claim some reports leave out, what the reports put first, and a second
// contrast; each only when the analysis found it (an event of identical
// reports may get none). They ask; they never say which report is right.
func Questions(e *Event) []Question {
	var out []Question
	add := func(q Question, ok bool) {
		if ok && len(out) < maxQuestions {
			out = append(out, q)
		}
	}
	contrasts := e.contrastQuestions()
	if len(contrasts) > 0 {
		add(contrasts[0], true)
	}
	add(e.discrepancyQuestion())
	add(e.omissionQuestion())
	add(e.emphasisQuestion())
	for _, q := range contrasts[min(1, len(contrasts)):] {
		add(q, true)
	}
	return out
}

// quoteWords shortens a text to at most n words, with an ellipsis when cut.
func quoteWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}

// outletsText names outlets: "A", "A and B", "A, B and C".
func outletsText(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// contrastQuestions ask, for each contrast of wording (strongest first),
// which outlets use which words and what each wording carries.
func (e *Event) contrastQuestions() []Question {
	var out []Question
	for _, ct := range e.Contrasts {
		if len(ct.Wordings) < 2 || ct.Concept < 0 || ct.Concept >= len(e.Concepts) {
			continue
		}
		c := e.Concepts[ct.Concept]
		a, b, ok := contrastPair(c.Label, ct.Wordings)
		if !ok {
			continue
		}
		var text string
		if c.Source == frame.Entity && c.Confidence == frame.Likely {
			// A person or body, named with different titles and descriptions.
			text = fmt.Sprintf("Some reports describe %s as “%s”, others as “%s”. Which outlets use each, and what does each description tell the reader?",
				c.Label, a.Text, b.Text)
		} else {
			text = fmt.Sprintf("Some reports say “%s”, others “%s”, for the same thing. Which outlets use each wording, and whose view does it carry?",
				a.Text, b.Text)
		}
		out = append(out, Question{Text: text, Section: "terms"})
	}
	return out
}

// discrepancyQuestion asks about the first discrepancy: the values the
// reports give, and how to check them.
func (e *Event) discrepancyQuestion() (Question, bool) {
	for _, d := range e.Discrepancies {
		var parts []string
		seen := map[string]bool{}
		for _, v := range d.Values {
			if v.Article < 0 || v.Article >= len(e.Articles) || seen[v.Text] {
				continue
			}
			seen[v.Text] = true
			parts = append(parts, fmt.Sprintf("%s “%s”", e.Articles[v.Article].Outlet, v.Text))
		}
		if len(parts) < 2 {
			continue
		}
		what := map[discrepancy.Kind]string{
			discrepancy.Number:  "a number",
			discrepancy.Date:    "a date",
			discrepancy.Name:    "who holds a role",
			discrepancy.Speaker: "who said it",
		}[d.Kind]
		if what == "" {
			what = "a detail"
		}
		return Question{
			Text:    fmt.Sprintf("The reports disagree on %s: %s. Where could each have it from, and how would you check which is right?", what, strings.Join(parts, ", ")),
			Section: "discrepancies",
		}, true
	}
	return Question{}, false
}

// omissionQuestion asks about the claim most reports carry that some
// report leaves out with no sentence of similar wording ("—").
func (e *Event) omissionQuestion() (Question, bool) {
	for _, r := range e.Omission.Rows {
		if r.Outlets < 2 || r.Claim < 0 || r.Claim >= len(e.Claims) {
			continue
		}
		var without []string
		for ai, c := range r.Cells {
			if c == "" && ai < len(e.Articles) {
				without = append(without, e.Articles[ai].Outlet)
			}
		}
		if len(without) == 0 || len(without) > len(e.Articles)/2 {
			continue
		}
		claim := claimText(e.Claims[r.Claim].Members)
		if claim == "" {
			continue
		}
		return Question{
			Text:    fmt.Sprintf("%d reports say “%s”; %s %s not. What does a reader of %s miss, and why might it be left out?", r.Outlets, strings.TrimRight(quoteWords(claim, 20), "."), outletsText(without), doesOrDo(len(without)), outletsText(without)),
			Section: "omission",
		}, true
	}
	return Question{}, false
}

func doesOrDo(n int) string {
	if n == 1 {
		return "does"
	}
	return "do"
}

// claimText is the shortest wording of a claim (its members') that quotes
// no one, so that the question quotes the plainest; "" when every wording
// is a quote.
func claimText(ms []align.Member) string {
	best := ""
	for _, m := range ms {
		t := strings.Join(strings.Fields(m.Text), " ")
		if strings.ContainsAny(t, "\"“”«»") {
			continue
		}
		if best == "" || utf8.RuneCountInString(t) < utf8.RuneCountInString(best) {
			best = t
		}
	}
	return best
}

// emphasisQuestion asks what each report puts first, from the headlines.
func (e *Event) emphasisQuestion() (Question, bool) {
	heads := 0
	var first string
	for _, a := range e.Emphasis.Articles {
		if a.Headline != "" && a.Article >= 0 && a.Article < len(e.Articles) {
			heads++
			if first == "" {
				first = fmt.Sprintf("%s leads with “%s”", e.Articles[a.Article].Outlet, quoteWords(a.Headline, 14))
			}
		}
	}
	if heads < 2 {
		return Question{}, false
	}
	return Question{
		Text:    first + ". Compare the headlines and first sentences: what does each report put first, and what does it leave for later?",
		Section: "emphasis",
	}, true
}

// contrastPair picks the two wordings a question sets against each other:
// the first pair (in the contrast's order) that shares no word root, so
// that "the sale" is set against "leasing out" rather than "selling";
// the first two when every pair shares one. For a thing with a name (a
// capitalised label), one of the two must be more than a form of a name
// ("Vell", "Mr. Vell", "Chair" are forms of "Omar Vell"; "the Grey Rocks"
// is not one of "Silver Isles"): the forms of one name are no framing to ask about, and
// that wording must be used by two outlets or more (a description one
// outlet alone gives may have been joined to the name wrongly); ok is
// false when no wording is so.
func contrastPair(label string, ws []Wording) (a, b Wording, ok bool) {
	if named(label) {
		for i, w := range ws {
			if nameForm(w.Text, label) || len(w.Outlets) < 2 {
				continue // a description one outlet alone gives may be joined to the name wrongly
			}
			for j, x := range ws {
				if j != i && !shareRoot(w.Text, x.Text) {
					return w, x, true
				}
			}
			return Wording{}, Wording{}, false
		}
		return Wording{}, Wording{}, false
	}
	for i := range ws {
		for j := i + 1; j < len(ws); j++ {
			if !shareRoot(ws[i].Text, ws[j].Text) {
				return ws[i], ws[j], true
			}
		}
	}
	return ws[0], ws[1], true
}

// named tells whether a label is a name: its first letter is a capital.
func named(label string) bool {
	r, _ := utf8.DecodeRuneInString(label)
	return unicode.IsUpper(r)
}

// nameForm tells whether a wording is a form of a name: its words (an
// article aside) all capitalised or abbreviated titles ("Mr."), and one
// word alone, or one of them a word of the label ("Mr. Kim", "President
// Kim Jong Un").
func nameForm(w, label string) bool {
	words := strings.Fields(w)
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) == 0 {
		return true
	}
	for _, x := range words {
		if r, _ := utf8.DecodeRuneInString(x); !unicode.IsUpper(r) {
			return false // a word in lower case describes
		}
	}
	return len(words) == 1 || shareWord(strings.Join(words, " "), label)
}

// shareWord tells whether two texts have a word in common, ignoring case
// and a possessive.
func shareWord(a, b string) bool {
	norm := func(w string) string {
		w = strings.ToLower(strings.Trim(w, ".,;:"))
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		return w
	}
	set := map[string]bool{}
	for _, w := range strings.Fields(a) {
		set[norm(w)] = true
	}
	for _, w := range strings.Fields(b) {
		if set[norm(w)] {
			return true
		}
	}
	return false
}

// rootLen is how many letters two words share at their start to count as
// one root ("return", "returning"; "Russia's", "Russian").
const rootLen = 4

// shareRoot tells whether two wordings have a word of rootLen letters or
// more that start alike.
func shareRoot(a, b string) bool {
	roots := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(a)) {
		if r := []rune(w); len(r) >= rootLen {
			roots[string(r[:rootLen])] = true
		}
	}
	for _, w := range strings.Fields(strings.ToLower(b)) {
		if r := []rune(w); len(r) >= rootLen && roots[string(r[:rootLen])] {
			return true
		}
	}
	return false
}
