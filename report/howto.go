package report

import "slices"

// readingKinds say, for a class, what each section of a report shows, in
// the order of Sections.
var readingKinds = []struct{ Kind, Line string }{
	{"overview", "Reports: the articles as read, and the page chrome taken out of each."},
	{"terms", "Term choice: one row per thing the reports name, with the words each uses for it. Different words for one thing are framing choices."},
	{"omission", "Omission: each claim against each report — where the report carries it, a similar sentence (≈), or nothing (—)."},
	{"emphasis", "Emphasis: each report's headline and first sentences, and what it spends most words on."},
	{"attribution", "Attribution: whom each report quotes, how often, and with which verbs; unnamed sources and hedges."},
	{"distinctive", "Distinctive words: the words each outlet uses much more than the others."},
	{"claims", "Claims: the statements the reports share, each in every report's wording, the differences marked."},
	{"quotes", "Quotes: the quotations the reports share, and how each report gives them."},
	{"discrepancies", "Disagreements: numbers, dates, names and speakers the reports give differently inside a statement they share."},
	{"reuse", "Reused copy: passages one report takes from another, such as agency copy."},
	{"choices", "Word choices: loaded words, labels, hedges, unnamed sources and scare quotes, each in its sentence with why it is marked."},
	{"questions", "Questions for a class: questions to ask, each made from a finding of the tables above."},
	{"fidelity", "Fidelity: each quote checked against the primary source."},
	{"single", "Single reports: reports no other report covers."},
}

// cannotKnow says what the tool cannot know, for the top of a report.
const cannotKnow = "What the tool cannot know: it compares the reports' wording with each other. It does not check facts, and it does not judge which report is true or fair. A \"—\" means it found no sentence that says the same, not that the report is wrong; a marked word is a place to look, not a verdict. Read the reports themselves before you conclude."

// howToRead is the short guide at the top of the Markdown and HTML
// reports: a line for "What differs", one for each kind of table the
// report has, and what the tool cannot know.
func howToRead(r *Report) []string {
	var out []string
	if len(r.Concepts) > 0 {
		out = append(out, "What differs: the things the reports name in the most different words, each linked to its term table.")
	}
	for _, k := range readingKinds {
		if slices.ContainsFunc(r.Tables, func(t *Table) bool { return t.Kind == k.Kind }) {
			out = append(out, k.Line)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return append(out, cannotKnow)
}
