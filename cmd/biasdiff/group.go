package main

import (
	"bytes"
	"context"
	"io"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/report"
)

const groupUsage = `Usage: biasdiff group [flags] PATH...

Reads the reports at PATH (files, directories, - for stdin) and finds which
of them cover the same event, by the words, names, numbers and quotes they
share and how close their dates are. Prints one table per event (outlet,
date, headline, id) under a label of its most characteristic terms, then
the reports that stand alone, if any (no table is empty: a sentence says
when there is no event of two reports or no single report). Every report
is in exactly one event.

JSON shape: {"events":[{"id","label","from","to",
"articles":[{"id","path","outlet","title","date"}]}]}

Examples:
  biasdiff group captures/
  biasdiff group --format json -o events.json feeds/*.jsonl
  biasdiff group --format md a.html b.txt c.json
`

func runGroup(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var (
		c        common
		features group.Collector // grouping features, made as the articles are read
	)
	// Grouping needs each report's features and metadata only: its text
	// goes once the features are made, which halves the heap the garbage
	// collector walks.
	c.tokens = func(a *corpus.Article, sents [][]token.Token) {
		features.Tokens(a, sents)
		a.DropText()
	}
	c.noQuotes = true // grouping reads quotation marks from the tokens
	fs := newFlagSet("group", groupUsage, stdout)
	c.register(fs, "text, md, json")
	arts, code := start(fs, &c, args, stdin, stderr)
	if code >= 0 {
		return code
	}
	events := group.Group(arts, group.Options{Features: &features})
	return finish("group", &c, func(b *bytes.Buffer) error {
		if c.format == "json" {
			return report.GroupJSON(b, arts, events)
		}
		r := report.Groups(arts, events)
		c.noteSkipped(r)
		return report.Render(b, r, c.format, report.Options{})
	}, stdout, stderr)
}
