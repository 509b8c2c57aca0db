package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"

	"github.com/biasdiff/biasdiff/batch"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/report"
)

const corpusUsage = `Usage: biasdiff corpus [flags] PATH... -o DIR

Reads a whole corpus at PATH (directories, read recursively; JSON Lines of
news-please articles; any mix of the formats biasdiff reads), groups it into
events and writes, in DIR, one report per event that two outlets or more
report (DIR/e1-LABEL.md, DIR/e1-LABEL.html, ...: one file per --format), and
an index of it all: index.md, index.html and index.json. The index lists the
events by date, then size, with their outlets, their files and the strongest
contrast of wording of each; the labels each outlet uses for the things
named in several events; the events not compared (a single report, one
outlet only) and the problems (files skipped, events whose analysis failed),
each with the reason. A file that cannot be read, whether named or found
in a directory, is skipped with a warning and listed there.

DIR is replaced as a whole: the run writes a hidden directory beside it and
renames it over DIR at the end, so that DIR is always a complete output. An
interrupted run (Ctrl-C, SIGTERM) removes what it wrote and leaves DIR as it
was. DIR must be new, empty, or the output of an earlier run, and outside
the corpus. A file in DIR that no run writes (your notes, a folder) stops
the run with its name, unless --force is given: then it is removed with the
rest. The input files are only read.

Progress goes to standard error: bars on a terminal, a line every few
seconds otherwise, nothing with --quiet.

Exit status: 0 when at least one event was compared; 2 when the flags or the
input are wrong or nothing could be compared (DIR is left as it was); 1 when
the output could not be written; 130 when interrupted.

Examples:
  biasdiff corpus captures/ -o out
  biasdiff corpus --format md,html,json feeds/*.jsonl -o /tmp/month
  biasdiff corpus --jobs 2 --quiet --concepts my-story.yaml archive/ -o out
`

// corpusFlags are the flags of `biasdiff corpus`.
type corpusFlags struct {
	formats  []string
	output   string
	manifest string
	maxBytes int64
	jobs     int
	quiet    bool
	force    bool
	memory   int64
	terms    termFlags
}

// Exit status of an interrupted run (128 + SIGINT, as shells report it).
const exitInterrupted = 130

func runCorpus(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	var f corpusFlags
	fs := newFlagSet("corpus", corpusUsage, stdout)
	fs.StringSliceVarP(&f.formats, "format", "f", []string{"md", "html"}, "the formats of each event's report, repeatable or comma-separated: "+strings.Join(report.Formats, ", ")+" (the index is always md, html and json)")
	fs.StringVarP(&f.output, "output", "o", "", "the output `DIR` (required; replaced as a whole)")
	fs.StringVar(&f.manifest, "manifest", "", "metadata manifest `FILE` (YAML or CSV: path, outlet, date, title, url, lang, event)")
	fs.Int64Var(&f.maxBytes, "max-bytes", corpus.DefaultMaxBytes, "largest input file to read, in bytes (JSON Lines: per line)")
	fs.IntVarP(&f.jobs, "jobs", "j", 0, "files read and events analysed at once (0: GOMAXPROCS, the number of CPUs)")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "no progress on standard error")
	fs.Int64Var(&f.memory, "memory", batch.DefaultMemory>>20, "the memory in `MiB` the run aims to stay under: fewer events are analysed at once near it")
	fs.BoolVar(&f.force, "force", false, "replace DIR even when it holds files an earlier run did not write (they are removed)")
	f.terms.register(fs)
	fs.StringSliceVar(&f.terms.sections, "sections", nil, "the tables of each event's report, comma-separated: "+strings.Join(report.Sections, ", ")+" (default: all)")
	fs.Lookup("top").Usage = "show at most `N` rows of each term table and of the index's labels (0: all)"
	fs.Lookup("section").Usage = "with --format csv: the table of each event to write, by `ID` (default: terms)"

	fs.SetOutput(io.Discard)
	switch err := fs.Parse(args); {
	case errors.Is(err, pflag.ErrHelp):
		return exitOK
	case err != nil:
		fmt.Fprintf(stderr, "biasdiff corpus: %v\nRun 'biasdiff corpus --help' for usage.\n", err)
		return exitInput
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "biasdiff corpus: "+format+"\nRun 'biasdiff corpus --help' for usage.\n", a...)
		return exitInput
	}
	if err := checkSizes(fs); err != nil {
		return usage("%v", err)
	}
	if f.memory <= 0 || f.memory > 1<<30 {
		return usage("--memory must be a number of MiB more than 0, not %d", f.memory)
	}
	formats, err := corpusFormats(f.formats)
	if err != nil {
		return usage("%v", err)
	}
	if f.jobs < 0 {
		return usage("--jobs must be 0 (the number of CPUs) or more, not %d", f.jobs)
	}
	if fs.NArg() == 0 {
		return usage("no PATH given")
	}
	if f.output == "" {
		return usage("no output directory given (-o DIR)")
	}
	if f.terms.section == "" {
		f.terms.section = "terms"
	}
	lexicons, code := f.terms.load("corpus", stderr)
	if code >= 0 {
		return code
	}
	prog := newProgress(stderr, f.quiet)
	sum, err := batch.Run(ctx, fs.Args(), batch.Options{
		Output:   f.output,
		Force:    f.force,
		Memory:   f.memory << 20,
		Formats:  formats,
		Section:  f.terms.section,
		Manifest: f.manifest,
		MaxBytes: f.maxBytes,
		Stdin:    stdin,
		Jobs:     f.jobs,
		Lexicons: lexicons,
		Top:      f.terms.top,
		Sections: f.terms.sections,
		Progress: prog,
	})
	var input *batch.InputError
	switch {
	case err == nil:
		prog.Line(fmt.Sprintf("wrote %s: %s compared, %s not compared, %d failed, %s skipped, %s set aside; open %s",
			f.output, report.Plural(sum.Compared, "event"), report.Plural(sum.NotCompared, "event"), sum.Failed,
			report.Plural(sum.Skipped, "input"), report.Plural(sum.Repeats, "repeat"), filepath.Join(f.output, "index.html")))
		return exitOK
	case errors.Is(err, batch.ErrInterrupted):
		fmt.Fprintf(stderr, "biasdiff corpus: %v; %s left as it was\n", err, f.output)
		return exitInterrupted
	case errors.Is(err, batch.ErrNothing):
		fmt.Fprintf(stderr, "biasdiff corpus: %v; %s left as it was\n", err, f.output)
		return exitInput
	case errors.As(err, &input) && input.Dir:
		fmt.Fprintf(stderr, "biasdiff corpus: -o %v\n", err)
		return exitInput
	case input != nil:
		fmt.Fprintf(stderr, "biasdiff corpus: %v\n", err)
		return exitInput
	default:
		fmt.Fprintf(stderr, "biasdiff corpus: %v\n", err)
		return exitError
	}
}

// corpusFormats checks the formats asked for and puts them in the order of
// report.Formats, once each.
func corpusFormats(asked []string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range asked {
		f = strings.TrimSpace(f)
		if !slices.Contains(report.Formats, f) {
			return nil, fmt.Errorf("unknown --format %q (want %s)", f, strings.Join(report.Formats, ", "))
		}
		want[f] = true
	}
	var out []string
	for _, f := range report.Formats {
		if want[f] {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no --format given")
	}
	return out, nil
}

// progress reports the stages of a run on standard error: a progress bar
// on a terminal, otherwise a line every few seconds and one at the end of
// each stage; nothing when quiet (warnings still show).
type progress struct {
	w     io.Writer
	quiet bool
	tty   bool

	mu     sync.Mutex
	bar    *progressbar.ProgressBar
	stage  string // "analysing", for the bar
	past   string // "analysed", for the lines
	unit   string
	n, max int
	begun  time.Time
	last   time.Time
	// stopped: the run was interrupted; workers still finishing report
	// nothing more.
	stopped bool
}

// progressEvery is how often plain progress lines come.
const progressEvery = 2 * time.Second

func newProgress(w io.Writer, quiet bool) *progress {
	tty, _ := terminal(w)
	return &progress{w: w, quiet: quiet, tty: tty}
}

// Start begins a stage of max steps (-1: unknown) of unit; past is the
// stage's verb in the past tense, for the plain lines.
func (p *progress) Start(stage, past string, max int, unit string) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage, p.past, p.unit, p.n, p.max = stage, past, unit, 0, max
	p.begun, p.last = time.Now(), time.Now()
	if p.tty {
		opts := []progressbar.Option{
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("corpus: " + stage),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100 * time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetRenderBlankState(true),
			progressbar.OptionSpinnerType(14),
		}
		if unit != "" {
			opts = append(opts, progressbar.OptionShowCount(), progressbar.OptionSetItsString(unit), progressbar.OptionShowIts())
		}
		p.bar = progressbar.NewOptions(max, opts...)
	}
}

// Add counts k steps done.
func (p *progress) Add(k int) {
	if p.quiet {
		return
	}
	if p.tty {
		if b := p.current(); b != nil {
			b.Add(k)
		}
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.n += k
	if now := time.Now(); now.Sub(p.last) >= progressEvery {
		p.last = now
		if p.max >= 0 {
			fmt.Fprintf(p.w, "corpus: %s %d/%d %s\n", p.past, p.n, p.max, p.unit)
		} else {
			fmt.Fprintf(p.w, "corpus: %s %d %s\n", p.past, p.n, p.unit)
		}
	}
}

func (p *progress) current() *progressbar.ProgressBar {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.bar
}

// Done ends the stage with a line that sums it up, and how long it took.
func (p *progress) Done(summary string) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
		p.bar = nil
	}
	fmt.Fprintf(p.w, "corpus: %s (%.1f s)\n", summary, time.Since(p.begun).Seconds())
}

// Abort ends the stage without a summary, and the progress reports.
func (p *progress) Abort() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	if p.bar != nil {
		p.bar.Exit()
		fmt.Fprintln(p.w)
		p.bar = nil
	}
}

// Line writes a line, above the bar if there is one. Warnings show even
// when quiet.
func (p *progress) Line(msg string) {
	if p.quiet && !strings.HasPrefix(msg, "warning: ") {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintf(p.w, "corpus: %s\n", msg)
}
