package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/analysis"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/outfile"
	"github.com/biasdiff/biasdiff/report"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the run failed for a reason other than its input (a write error)
	exitInput = 2 // bad input or bad usage
)

const manual = `biasdiff compares how different outlets report the same events.

Give it several reports of one story (web pages saved as text, Markdown with
front matter, saved HTML, news-please JSON or JSON Lines) and it reads them,
strips the page chrome, groups them into events, and shows what differs: the
words each outlet uses for the same thing, who it quotes and how, what it
leaves out and puts first, and its claims side by side with the wording
differences marked; as text, Markdown, one HTML page, JSON or CSV.

Usage:
  biasdiff compare [flags] [PATH...]   the reports compared: term choice, omission, emphasis, attribution,
                                       distinctive words, claims, quotes, disagreements, reused copy
                                       (no PATH: the built-in sample)
  biasdiff terms [flags] [PATH...]     the term-choice table alone: what each outlet calls the same thing
  biasdiff extract [flags] PATH...     each report as read: metadata, sentences, removed chrome, quotes
  biasdiff group [flags] PATH...       which reports cover the same event
  biasdiff diff [flags] A B            two reports side by side, wording differences marked word by word
  biasdiff corpus [flags] PATH... -o DIR
                                       a whole corpus: one report per event, and an index
  biasdiff help [COMMAND]              this manual, or a command's
  biasdiff --version

A PATH is a file, a directory (read recursively, in sorted order), or - for
one article on standard input. Files are read by extension:
  .txt         text captured from a web page; page chrome is removed
  .md          Markdown, optionally with YAML front matter (title, outlet, date, url, lang, event)
  .html .htm   saved web page; the main text is extracted
  .json        one news-please article (title, maintext, date_publish, source_domain, url, language)
  .jsonl       news-please articles, one a line (a bad line is skipped with a warning)
Metadata: NAME.yaml next to NAME.txt, or a manifest (biasdiff.yaml in a
directory, or --manifest FILE in YAML or CSV with columns path, outlet, date,
title, url, lang, event) overrides what the files say; a metadata key
unknown or given twice is a warning naming file, line and key.

Examples:
  biasdiff compare                          the sample: five reports of Russia-Japan talks
  biasdiff compare --format md -o report.md reports/
  biasdiff extract --format json story.html wire.txt
  curl -s https://example.org/a.json | biasdiff extract -

Exit status: 0 on success, 2 when the input or the flags are wrong (nothing is
written then), 1 when the output could not be written.
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, manual)
		return exitInput
	}
	switch args[0] {
	case "-h", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return run(ctx, []string{args[1], "--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, manual)
		return exitOK
	case "--version", "version":
		fmt.Fprintln(stdout, "biasdiff", version())
		return exitOK
	case "compare":
		return runCompare(ctx, args[1:], stdin, stdout, stderr)
	case "extract":
		return runExtract(ctx, args[1:], stdin, stdout, stderr)
	case "diff":
		return runDiff(ctx, args[1:], stdin, stdout, stderr)
	case "group":
		return runGroup(ctx, args[1:], stdin, stdout, stderr)
	case "terms":
		return runTerms(ctx, args[1:], stdin, stdout, stderr)
	case "corpus":
		return runCorpus(ctx, args[1:], stdin, stdout, stderr)
	}
	fmt.Fprintf(stderr, "biasdiff: unknown command %q\nRun 'biasdiff --help' for usage.\n", args[0])
	return exitInput
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "v0.1.0-dev"
}

// common holds the flags every command has.
type common struct {
	format   string
	output   string
	manifest string
	maxBytes int64
	// tokens, if set, sees each article's sentence tokens as it is read.
	tokens func(*corpus.Article, [][]token.Token)
	// noQuotes: the command does not use quotes.
	noQuotes bool
	// inputs are the paths the command reads besides its PATHs (concept
	// files): -o may name none of them.
	inputs []string
	// stdinRead: a PATH "-" was loaded already.
	stdinRead bool
	// skipped are the inputs the reader skipped, in the order warned of.
	skipped []report.NotRead
}

// noteSkipped adds the inputs skipped to the summary of r.
func (c *common) noteSkipped(r *report.Report) {
	if line := report.SkippedLine(c.skipped); line != "" {
		r.Summary = append(r.Summary, line)
	}
}

func (c *common) register(fs *pflag.FlagSet, formats string) {
	fs.StringVarP(&c.format, "format", "f", "text", "output format: "+formats)
	fs.StringVarP(&c.output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
	fs.StringVar(&c.manifest, "manifest", "", "metadata manifest `FILE` (YAML or CSV: path, outlet, date, title, url, lang, event)")
	fs.Int64Var(&c.maxBytes, "max-bytes", corpus.DefaultMaxBytes, "largest input file to read, in bytes (JSON Lines: per line)")
}

// newFlagSet makes a command's FlagSet whose --help prints usage text.
func newFlagSet(name, usage string, stdout io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprint(stdout, usage)
		fmt.Fprintln(stdout, "\nFlags:")
		fmt.Fprint(stdout, fs.FlagUsages())
	}
	return fs
}

// parse parses args; it returns a non-negative exit status when the
// command should stop (after --help, or on a usage error).
func parse(fs *pflag.FlagSet, args []string, stderr io.Writer) int {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		return exitOK // pflag has printed the usage
	case err != nil:
		fmt.Fprintf(stderr, "biasdiff %s: %v\nRun 'biasdiff %s --help' for usage.\n", fs.Name(), err, fs.Name())
		return exitInput
	}
	if err := checkSizes(fs); err != nil {
		fmt.Fprintf(stderr, "biasdiff %s: %v\nRun 'biasdiff %s --help' for usage.\n", fs.Name(), err, fs.Name())
		return exitInput
	}
	// -o FILE names the format by its extension when --format does not.
	if f, o := fs.Lookup("format"), fs.Lookup("output"); f != nil && o != nil && !f.Changed && o.Changed {
		ext := strings.ToLower(filepath.Ext(o.Value.String()))
		format, ok := formatOfExt[ext]
		switch {
		case ok:
			_ = f.Value.Set(format)
		case ext != "" && o.Value.String() != "-":
			fmt.Fprintf(stderr, "biasdiff %s: -o %s: biasdiff does not write %s files (name the file .txt .md .json .csv or .html, or give --format)\n", fs.Name(), o.Value.String(), ext)
			return exitInput
		}
	}
	return -1
}

// checkSizes refuses a --width or --max-bytes given as zero or less.
func checkSizes(fs *pflag.FlagSet) error {
	for _, name := range []string{"width", "max-bytes"} {
		f := fs.Lookup(name)
		if f == nil || !f.Changed {
			continue
		}
		if n, err := strconv.ParseInt(f.Value.String(), 10, 64); err == nil && n <= 0 {
			return fmt.Errorf("--%s must be more than 0, not %d", name, n)
		}
	}
	return nil
}

// formatOfExt maps an output file's extension to its format.
var formatOfExt = map[string]string{".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv", ".txt": "text", ".html": "html", ".htm": "html"}

// tableFormats are the formats of the commands that print a few tables;
// compare and terms also write csv and html (report.Formats).
var tableFormats = []string{"text", "md", "json"}

func checkFormat(cmd, format string, allowed []string, stderr io.Writer) bool {
	for _, f := range allowed {
		if f == format {
			return true
		}
	}
	fmt.Fprintf(stderr, "biasdiff %s: unknown --format %q (want %s)\n", cmd, format, strings.Join(allowed, ", "))
	return false
}

// load reads the articles of paths, or the embedded sample when there are none.
func load(cmd string, c *common, paths []string, stdin io.Reader, stderr io.Writer) ([]*corpus.Article, int) {
	opt := corpus.Options{
		Manifest: c.manifest,
		MaxBytes: c.maxBytes,
		Stdin:    stdin,
		Warn: func(msg string) {
			fmt.Fprintf(stderr, "biasdiff %s: warning: %s\n", cmd, msg)
			if what, why, ok := strings.Cut(msg, ": skipped: "); ok {
				c.skipped = append(c.skipped, report.NotRead{Path: what, Reason: why})
			}
		},
		Tokens:   c.tokens,
		NoQuotes: c.noQuotes,
	}
	for _, p := range paths {
		if p != "-" {
			continue
		}
		if c.stdinRead {
			fmt.Fprintf(stderr, "biasdiff %s: - (standard input) is given twice; it holds one article\n", cmd)
			return nil, exitInput
		}
		c.stdinRead = true
	}
	if c.output != "" && c.output != "-" {
		if err := outfile.Check(c.output, slices.Concat(paths, []string{c.manifest}, c.inputs)); err != nil {
			fmt.Fprintf(stderr, "biasdiff %s: -o %v\n", cmd, err)
			return nil, exitInput
		}
	}
	var arts []*corpus.Article
	var err error
	if len(paths) == 0 {
		arts, err = corpus.LoadFS(sample.FS, opt)
	} else {
		arts, err = corpus.Load(paths, opt)
	}
	if err != nil {
		fmt.Fprintf(stderr, "biasdiff %s: %v\n", cmd, err)
		return nil, exitInput
	}
	return arts, -1
}

// start parses a command's flags, checks --format and reads its PATHs (at
// least one). It returns the articles, or an exit status >= 0 when the
// command must stop.
func start(fs *pflag.FlagSet, c *common, args []string, stdin io.Reader, stderr io.Writer) ([]*corpus.Article, int) {
	cmd := fs.Name()
	if code := parse(fs, args, stderr); code >= 0 {
		return nil, code
	}
	if !checkFormat(cmd, c.format, tableFormats, stderr) {
		return nil, exitInput
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "biasdiff %s: no PATH given (use - for standard input)\nRun 'biasdiff %s --help' for usage.\n", cmd, cmd)
		return nil, exitInput
	}
	return load(cmd, c, fs.Args(), stdin, stderr)
}

// finish renders with write into a buffer and emits it (see emit).
func finish(cmd string, c *common, write func(*bytes.Buffer) error, stdout, stderr io.Writer) int {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		fmt.Fprintf(stderr, "biasdiff %s: %v\n", cmd, err)
		return exitError
	}
	return emit(cmd, c.output, buf.Bytes(), stdout, stderr)
}

// emit writes out to the output file (see outfile.Write) or to stdout.
func emit(cmd, output string, out []byte, stdout, stderr io.Writer) int {
	if output == "" || output == "-" {
		if _, err := stdout.Write(out); err != nil {
			fmt.Fprintf(stderr, "biasdiff %s: write: %v\n", cmd, err)
			return exitError
		}
		return exitOK
	}
	if err := outfile.Write(output, out); err != nil {
		fmt.Fprintf(stderr, "biasdiff %s: %v\n", cmd, err)
		return exitError
	}
	return exitOK
}

// terminal reports whether w is a terminal, and its width.
func terminal(w io.Writer) (bool, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		width = 0
	}
	return true, width
}

const compareUsage = `Usage: biasdiff compare [flags] [PATH...]

Reads the reports at PATH (files, directories, - for stdin; none: the built-in
sample corpus), groups them into events and prints these tables (--sections
picks some; --top N bounds the long ones):

  overview      the input: one row per report as read
and for each event of two reports or more:
  terms         term choice: what each outlet calls the same thing
  omission      each claim against each report: headline, lede, body, end;
                ≈ body where a sentence of similar wording stands; or —
  emphasis      each report's headline and lede, what it puts first and
                spends most words on
  attribution   who each report lets speak, with which verbs; unnamed
                sources and hedges
  distinctive   each outlet's own words against the others'
  claims        statements aligned across reports, in each one's wording
  quotes        quotes aligned across reports
  discrepancies numbers, dates, names and speakers that reports give
                differently inside a claim or quote they share (when
                there are any)
  reuse         passages one report reuses from another (when there are any)
  choices       the word choices marked in each report, each in its
                sentence with why: labels, loaded words and verbs, hedges,
                unnamed sources, scare quotes
  questions     three to five questions for a class, from the strongest
                contrasts, omissions and disagreements
then:
  fidelity      with --primary: each quote against the primary source, and
                the qualifiers ("not", "only") it drops
  single        with several events: the reports no other report covers

Examples:
  biasdiff compare
  biasdiff compare --format md -o report.md captures/
  biasdiff compare --manifest sources.csv a.txt b.html c.json
  biasdiff compare --primary transcript.txt reports/   # are the quotes faithful?
  biasdiff compare --concepts examples/sample-concepts.yaml
`

func runCompare(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var c common
	var tx textFlags
	var primary []string
	var tf termFlags
	fs := newFlagSet("compare", compareUsage, stdout)
	c.register(fs, strings.Join(report.Formats, ", "))
	tx.register(fs)
	tf.register(fs)
	fs.Lookup("top").Usage = "show at most `N` rows of the term, omission and attribution tables, and N words an outlet in the distinctive table; a cut table says so (0: all)"
	fs.StringSliceVar(&tf.sections, "sections", nil, "the tables to show, comma-separated: "+strings.Join(report.Sections, ", ")+" (default: all)")
	fs.StringArrayVar(&primary, "primary", nil, "a primary source (transcript, statement) to check the quotes against, in any format biasdiff reads; repeatable")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	c.inputs = tf.concepts
	lexicons, code := tf.load("compare", stderr)
	if code >= 0 {
		return code
	}
	if !checkFormat("compare", c.format, report.Formats, stderr) || !tx.check("compare", stderr) {
		return exitInput
	}
	arts, code := load("compare", &c, fs.Args(), stdin, stderr)
	if code >= 0 {
		return code
	}
	var primaries []*corpus.Article
	if len(primary) > 0 {
		if primaries, code = load("compare", &c, primary, stdin, stderr); code >= 0 {
			return code
		}
	}
	opt := tx.options(&c, stdout)
	opt.Section = tf.section
	res := analyse(arts, primaries, analysis.Options{Lexicons: lexicons, Sections: tf.sections})
	r := report.Build(res, report.BuildOptions{Top: tf.top})
	c.noteSkipped(r)
	if code := checkSection("compare", c.format, r, tf.section, stderr); code >= 0 {
		return code
	}
	return finish("compare", &c, func(b *bytes.Buffer) error {
		return report.Render(b, r, c.format, opt)
	}, stdout, stderr)
}

// textFlags are the flags of commands that draw text tables.
type textFlags struct {
	color string
	width int
}

func (t *textFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&t.color, "color", "auto", "colour in text output: auto (on a terminal, unless NO_COLOR is set), always, never")
	fs.IntVar(&t.width, "width", 0, "width of text tables in columns (default: the terminal's, else 100)")
}

func (t *textFlags) check(cmd string, stderr io.Writer) bool {
	switch t.color {
	case "auto", "always", "never":
		return true
	}
	fmt.Fprintf(stderr, "biasdiff %s: unknown --color %q (want auto, always or never)\n", cmd, t.color)
	return false
}

// options sizes tables to the terminal and colours them only on a terminal
// (never with NO_COLOR or --color=never, always with --color=always).
func (t *textFlags) options(c *common, stdout io.Writer) report.Options {
	opt := report.Options{Width: t.width}
	if isTTY, w := terminal(stdout); c.output == "" && isTTY {
		if opt.Width == 0 {
			opt.Width = w
		}
		opt.Color = t.color != "never" && os.Getenv("NO_COLOR") == ""
	}
	if t.color == "always" {
		opt.Color = true
	}
	return opt
}

const extractUsage = `Usage: biasdiff extract [flags] PATH...

Shows each report as biasdiff reads it: metadata (outlet, title, date, url,
language), the kept text as sentences with their offsets, every line or
fragment removed as page chrome with the reason, and the direct quotes with
speaker and reporting verb. Offsets count characters (not bytes) of the source
file, or of the "maintext" field for news-please JSON.

JSON shape: {"articles":[{"id","path","outlet","title","date","url","language",
"sentences":[{"text","start","end"}],"removed":[{"text","start","end","reason"}],
"quotes":[{"text","speaker","speaker_as_written","speaker_start","speaker_end","verb",
"start","end"}]}],"not_read":[{"path","reason"}]} (speaker: who said it, a pronoun or
title resolved to the person; speaker_as_written: the attribution as the text writes it;
speaker_start/end: where the mention the speaker was read from stands)
(not_read: the inputs skipped, when there are any; text and md list them last)

Examples:
  biasdiff extract page.txt
  biasdiff extract --format json captures/ > articles.json
  biasdiff extract --format md -o extract.md story.html
`

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var c common
	fs := newFlagSet("extract", extractUsage, stdout)
	c.register(fs, "text, md, json")
	arts, code := start(fs, &c, args, stdin, stderr)
	if code >= 0 {
		return code
	}
	return finish("extract", &c, func(b *bytes.Buffer) error { return report.Extract(b, arts, c.skipped, c.format) }, stdout, stderr)
}

// analyse sets the repeats aside, groups the reports into events and
// analyses each event: what compare and terms report.
func analyse(arts, primaries []*corpus.Article, opt analysis.Options) *analysis.Result {
	kept, repeats := analysis.SetAside(arts)
	events := group.Group(kept, group.Options{})
	return analysis.Compare(analysis.Input{All: arts, Compared: kept, Repeats: repeats, Events: events, Primaries: primaries}, opt)
}
