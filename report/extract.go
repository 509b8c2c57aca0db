package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/biasdiff/biasdiff/corpus"
)

// NotRead is an input the reader skipped, and why.
type NotRead struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Extract renders articles as `biasdiff extract` shows them: metadata,
// sentences with offsets, removed chrome with reasons, quotes; then the
// inputs not read, if any.
func Extract(w io.Writer, arts []*corpus.Article, notRead []NotRead, format string) error {
	switch format {
	case "json":
		return renderJSON(w, struct {
			Articles []*corpus.Article `json:"articles"`
			NotRead  []NotRead         `json:"not_read,omitempty"`
		}{arts, notRead})
	case "text":
		return extractText(w, arts, notRead)
	case "md":
		return extractMarkdown(w, arts, notRead)
	}
	return fmt.Errorf("unknown format %q (want text, md or json)", format)
}

func extractText(w io.Writer, arts []*corpus.Article, notRead []NotRead) error {
	var b bytes.Buffer
	for i, a := range arts {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "== %s  (%s, %s)\n", a.ID, a.Path, a.Format)
		fmt.Fprintf(&b, "outlet:   %s\ndate:     %s\nlanguage: %s\n", oneLine(a.Outlet), oneLine(a.Date), a.Language)
		if a.URL != "" {
			fmt.Fprintf(&b, "url:      %s\n", oneLine(a.URL))
		}
		fmt.Fprintf(&b, "title:    %s\n", oneLine(a.Title))
		fmt.Fprintf(&b, "\nsentences (%d):\n", len(a.Sentences))
		for _, s := range a.Sentences {
			fmt.Fprintf(&b, "  %5d-%-5d %s\n", s.Start, s.End, oneLine(s.Text))
		}
		fmt.Fprintf(&b, "\nremoved (%d):\n", len(a.Removed))
		for _, r := range a.Removed {
			fmt.Fprintf(&b, "  %5d-%-5d %-42s %s\n", r.Start, r.End, "["+r.Reason+"]", shorten(r.Text, 80))
		}
		fmt.Fprintf(&b, "\nquotes (%d):\n", len(a.Quotes))
		for _, q := range a.Quotes {
			who := q.Speaker
			if who == "" {
				who = "(speaker unknown)"
			}
			if q.Verb != "" {
				who += ", " + q.Verb
			}
			fmt.Fprintf(&b, "  %5d-%-5d %s: “%s”\n", q.Start, q.End, oneLine(who), oneLine(q.Text))
		}
	}
	if len(notRead) > 0 {
		fmt.Fprintf(&b, "\n== not read (%d)\n", len(notRead))
		for _, n := range notRead {
			fmt.Fprintf(&b, "  %s: %s\n", oneLine(n.Path), oneLine(n.Reason))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func extractMarkdown(w io.Writer, arts []*corpus.Article, notRead []NotRead) error {
	var b bytes.Buffer
	b.WriteString("# biasdiff extract\n\n")
	for _, a := range arts {
		fmt.Fprintf(&b, "<a id=\"%s\"></a>\n\n## %s\n\n", anchor(a.ID), MarkdownInline(a.Title))
		fmt.Fprintf(&b, "- id: %s\n- file: %s (%s)\n- outlet: %s\n- date: %s\n- language: %s\n",
			MarkdownInline(a.ID), MarkdownInline(a.Path), a.Format, MarkdownInline(a.Outlet), MarkdownInline(a.Date), MarkdownInline(a.Language))
		if a.URL != "" {
			fmt.Fprintf(&b, "- url: %s\n", MarkdownInline(a.URL))
		}
		b.WriteString("\n")
		sent := &Table{ID: a.ID + "-sentences", Title: fmt.Sprintf("Sentences (%d)", len(a.Sentences)),
			Columns: []Column{{Key: "start", Header: "start", Number: true}, {Key: "end", Header: "end", Number: true}, {Key: "text", Header: "sentence"}}}
		for _, s := range a.Sentences {
			sent.Rows = append(sent.Rows, []Cell{Int(s.Start), Int(s.End), Str(s.Text)})
		}
		rem := &Table{ID: a.ID + "-removed", Title: fmt.Sprintf("Removed chrome (%d)", len(a.Removed)),
			Columns: []Column{{Key: "start", Header: "start", Number: true}, {Key: "end", Header: "end", Number: true}, {Key: "reason", Header: "reason"}, {Key: "text", Header: "text"}}}
		for _, r := range a.Removed {
			rem.Rows = append(rem.Rows, []Cell{Int(r.Start), Int(r.End), Str(r.Reason), Str(r.Text)})
		}
		quo := &Table{ID: a.ID + "-quotes", Title: fmt.Sprintf("Quotes (%d)", len(a.Quotes)),
			Columns: []Column{{Key: "start", Header: "start", Number: true}, {Key: "end", Header: "end", Number: true}, {Key: "speaker", Header: "speaker"}, {Key: "verb", Header: "verb"}, {Key: "text", Header: "quote"}}}
		for _, q := range a.Quotes {
			quo.Rows = append(quo.Rows, []Cell{Int(q.Start), Int(q.End), Str(q.Speaker), Str(q.Verb), Str(q.Text)})
		}
		for _, t := range []*Table{sent, rem, quo} {
			writeMarkdownTable(&b, t, 3)
		}
	}
	if len(notRead) > 0 {
		fmt.Fprintf(&b, "## Not read (%d)\n\n", len(notRead))
		for _, n := range notRead {
			fmt.Fprintf(&b, "- %s: %s\n", MarkdownInline(n.Path), MarkdownInline(n.Reason))
		}
		b.WriteString("\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}
