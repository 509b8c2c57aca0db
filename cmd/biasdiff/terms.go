package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/biasdiff/biasdiff/analysis"
	"github.com/biasdiff/biasdiff/frame/lexicon"
	"github.com/biasdiff/biasdiff/report"
)

const termsUsage = `Usage: biasdiff terms [flags] [PATH...]

Reads the reports at PATH (none: the built-in sample corpus), groups them
into events and prints, for each event of two reports or more, the
term-choice table: one row per thing the reports name (a person, a place,
an act), one column per report with the words it uses for it and how often.
Rows where the reports' words differ come first, the surer first (one
wording, the forms of one name, a concept file; a name with the titles
the reports give it), and noun phrases joined only by their head noun
last, where a wrong merge would make the words differ.

The things are found in the text itself: names with their short forms,
titles and descriptions; noun phrases; wordings that replace each other in
sentences aligned across reports. A concept file (--concepts, YAML; see
examples/README.md) adds phrases the tool should group, with notes.

Examples:
  biasdiff terms
  biasdiff terms --concepts examples/sample-concepts.yaml
  biasdiff terms --format md --top 10 reports/
`

// termFlags are the flags of the term analysis.
type termFlags struct {
	concepts []string
	top      int
	sections []string
	section  string
}

func (t *termFlags) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&t.concepts, "concepts", nil, "a concept `FILE` (YAML: concepts with their phrases or patterns) to group phrases by; repeatable")
	fs.IntVar(&t.top, "top", 20, "show at most `N` rows of the term table (0: all)")
	fs.StringVar(&t.section, "section", "", "with --format csv: the table to write, by `ID` (terms, claims, e2-terms...)")
}

// checkSection: with --format csv, --section must name one table of r;
// the error says which there are (report.CheckSection).
func checkSection(cmd, format string, r *report.Report, section string, stderr io.Writer) int {
	if format != "csv" {
		return -1
	}
	if err := report.CheckSection(r, section); err != nil {
		flag := "--section"
		if section == "" {
			flag = "--format csv needs --section"
		}
		fmt.Fprintf(stderr, "biasdiff %s: %s: %v\n", cmd, flag, err)
		return exitInput
	}
	return -1
}

// load reads the concept files.
func (t *termFlags) load(cmd string, stderr io.Writer) ([]*lexicon.Lexicon, int) {
	if t.top < 0 {
		fmt.Fprintf(stderr, "biasdiff %s: --top must be 0 or more, not %d\n", cmd, t.top)
		return nil, exitInput
	}
	for _, s := range t.sections {
		if !slices.Contains(report.Sections, s) {
			fmt.Fprintf(stderr, "biasdiff %s: unknown --sections %q (want %s)\n", cmd, s, strings.Join(report.Sections, ", "))
			return nil, exitInput
		}
	}
	var out []*lexicon.Lexicon
	for _, p := range t.concepts {
		l, err := lexicon.Load(p)
		if err != nil {
			fmt.Fprintf(stderr, "biasdiff %s: %v\n", cmd, err)
			return nil, exitInput
		}
		out = append(out, l)
	}
	return out, -1
}

func runTerms(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var (
		c  common
		tx textFlags
		tf termFlags
	)
	fs := newFlagSet("terms", termsUsage, stdout)
	c.register(fs, strings.Join(report.Formats, ", "))
	tx.register(fs)
	tf.register(fs)
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if !checkFormat("terms", c.format, report.Formats, stderr) || !tx.check("terms", stderr) {
		return exitInput
	}
	c.inputs = tf.concepts
	lexicons, code := tf.load("terms", stderr)
	if code >= 0 {
		return code
	}
	arts, code := load("terms", &c, fs.Args(), stdin, stderr)
	if code >= 0 {
		return code
	}
	opt := tx.options(&c, stdout)
	opt.Section = tf.section
	// The term tables, with the concepts and the word-choice marks (JSON
	// flags) behind them; no other table, no event data.
	r := report.Build(analyse(arts, nil, analysis.Options{Lexicons: lexicons, Sections: []string{"terms", "choices"}}), report.BuildOptions{Top: tf.top})
	report.KeepTerms(r)
	c.noteSkipped(r)
	if code := checkSection("terms", c.format, r, tf.section, stderr); code >= 0 {
		return code
	}
	return finish("terms", &c, func(b *bytes.Buffer) error {
		return report.Render(b, r, c.format, opt)
	}, stdout, stderr)
}
