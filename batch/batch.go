// Package batch is corpus mode: it reads a whole corpus (directories,
// JSON Lines of news-please articles, any mix of the formats package
// corpus reads), groups it into events (align/group), compares each event
// that two outlets or more report (analysis.Compare, report.Build) and writes into one
// directory a report per event in each format asked for, and an index of
// them all: index.md, index.html and index.json.
//
// Run is its stages in one process; they are exported for a pipeline that
// runs them on other machines (the beam module) and writes the same bytes
// for the same events: Read, Corpus.Group, Corpus.Entry, Corpus.Analyse,
// Index, and the output directory (OpenOutput, OutputAt).
//
// The directory is replaced as a whole: Run writes a hidden directory
// beside it and swaps the two at the end (in one step on Linux, else two
// renames), so that an error or a cancelled context leaves it as it was;
// it refuses a directory holding files no run writes unless
// Options.Force, and removes the hidden directories of runs that were
// killed. Input files are only read. The output is the same bytes
// whatever Options.Jobs.
//
// Cost: reading and grouping take about nine times `wc -w` on the same
// files and grow as n^0.9 with the number of reports; then each event
// costs one analysis of its reports, read again from disk. Memory
// grows with the corpus's index (grouping features and metadata, not its
// text) and the events being analysed.
//
// Memory: analysing an event holds about bytesPerWord bytes per word of its
// reports at its peak (their tokens, twice, and the mentions found), so
// events are analysed at once only while their estimates add up to three
// quarters of Options.Memory (default DefaultMemory); an event larger than
// that is analysed alone, and the largest go first, so that none is left
// to run alone at the end. Options.Memory is also the Go runtime's soft
// memory limit for the run, unless GOMEMLIMIT is set: the collector works
// harder near it rather than let the heap double. 300 reports of 220 KB
// (66 MB) peaked at 1.8 GB with two jobs (in 98 s) and now at 0.93 GB in
// about the same time (make bench); a budget of 768 MiB kept them at 0.80
// GB but took 116-140 s, its events waiting for each other. 20,000 short
// reports peak at 0.73 GB, not 1.05, in the same time. The output does not
// depend on it.
package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/frame/lexicon"
	"github.com/biasdiff/biasdiff/internal/par"
	"github.com/biasdiff/biasdiff/report"
)

// Options configure a run.
type Options struct {
	// Output is the directory to replace, as the user wrote it (for
	// messages).
	Output string
	// Force lets a run replace an earlier run's output that holds files
	// no run wrote (by default an error naming them).
	Force bool
	// Formats are the formats of each event's report (see report.Formats),
	// once each; Section is the table written in csv (see
	// report.CheckSection): events without it have no csv file.
	Formats []string
	Section string
	// Manifest, MaxBytes and Stdin are as in corpus.Options.
	Manifest string
	MaxBytes int64
	Stdin    io.Reader
	// Jobs is how many files are read and events analysed at once (0:
	// GOMAXPROCS, as in package par).
	Jobs int
	// Memory is the memory, in bytes, the run aims to stay under (0:
	// DefaultMemory): see the package documentation.
	Memory int64
	// Lexicons and Sections are as in analysis.Options, Top as in report.BuildOptions; Top also
	// bounds the index's table of labels.
	Lexicons []*lexicon.Lexicon
	Top      int
	Sections []string
	// Progress hears of each stage; nil: nothing is reported.
	Progress Progress
	// AfterGrouping, when set, runs between grouping and analysis (tests
	// use it to change the input under a run).
	AfterGrouping func()
}

// Progress hears how a run goes. Its methods may be called from several
// goroutines at once.
type Progress interface {
	// Start begins a stage ("reading") of max steps (-1: not known) of
	// unit ("reports"); past is its verb in the past tense ("read").
	Start(stage, past string, max int, unit string)
	// Add counts k steps of the stage done.
	Add(k int)
	// Done ends the stage with a line summing it up.
	Done(summary string)
	// Abort ends the stage without a summary: the run stops.
	Abort()
	// Line tells something: a warning (it starts with "warning: ") or the
	// end of the run.
	Line(msg string)
}

// Summary is what a run wrote.
type Summary struct {
	Compared    int // events compared
	NotCompared int // events of a single report or of one outlet only
	Failed      int // events whose analysis failed
	Skipped     int // input files and records skipped
	Repeats     int // reports set aside as repeats of another
}

var (
	// ErrInterrupted is the error of a run whose context was cancelled.
	ErrInterrupted = errors.New("interrupted")
	// ErrNothing is the error of a run that found no event to compare.
	ErrNothing = errors.New("nothing to compare")
)

// An InputError is a run stopped by its input: no readable article,
// nothing to compare, or an output directory it cannot use.
type InputError struct {
	Err error
	// Dir: the problem is the output directory; Err's message starts with
	// Options.Output.
	Dir bool
}

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Run reads the corpus at paths and writes its reports into
// Options.Output. On any error the directory is left as it was.
func Run(ctx context.Context, paths []string, opt Options) (Summary, error) {
	if opt.Progress == nil {
		opt.Progress = quiet{}
	}
	opt.Jobs = par.Jobs(opt.Jobs)
	out, removed, err := OpenOutput(opt.Output, paths, opt.Force)
	for _, m := range removed {
		opt.Progress.Line("removed " + m + ", left by an earlier run that was killed")
	}
	if err != nil {
		return Summary{}, err
	}
	defer out.Discard() // a no-op once committed
	if opt.Memory <= 0 {
		opt.Memory = DefaultMemory
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(opt.Memory))
	}
	r := &run{opt: opt, out: out, prog: opt.Progress}
	sum, err := r.run(ctx, paths)
	if err != nil {
		out.Discard()
		r.prog.Abort()
		if ctx.Err() != nil {
			return Summary{}, fmt.Errorf("%w (%v)", ErrInterrupted, context.Cause(ctx))
		}
	}
	return sum, err
}

// quiet is the Progress that reports nothing.
type quiet struct{}

func (quiet) Start(string, string, int, string) {}
func (quiet) Add(int)                           {}
func (quiet) Done(string)                       {}
func (quiet) Abort()                            {}
func (quiet) Line(string)                       {}

// run is one run.
type run struct {
	opt  Options
	out  *Output
	prog Progress
}

func (c *run) run(ctx context.Context, paths []string) (Summary, error) {
	// Read, collecting the grouping features and the fingerprints of
	// repeats as the articles are tokenized; their text is not kept, but
	// read again event by event.
	c.prog.Start("reading", "read", -1, "reports")
	cp, err := Read(ctx, paths, ReadOptions{
		Manifest: c.opt.Manifest,
		MaxBytes: c.opt.MaxBytes,
		Stdin:    c.opt.Stdin,
		Jobs:     c.opt.Jobs,
		Features: true,
		Warn:     func(msg string) { c.prog.Line("warning: " + msg) },
		Added:    func() { c.prog.Add(1) },
	})
	if err != nil {
		return Summary{}, err
	}
	summary := fmt.Sprintf("read %s from %s", report.Plural(cp.Read, "report"), report.Plural(cp.Outlets, "outlet"))
	if n := cp.Read - len(cp.Articles); n > 0 {
		summary += fmt.Sprintf(", %s of another set aside", report.Plural(n, "repeat"))
	}
	c.prog.Done(summary)

	// Group.
	c.prog.Start("grouping", "grouped", -1, "")
	var events []group.Event
	if err := wait(ctx, func() error { events, _ = cp.Group(nil); return nil }); err != nil {
		return Summary{}, err
	}
	entries := make([]report.IndexEvent, len(events))
	var todo []int
	for i, e := range events {
		entries[i] = cp.Entry(e)
		if entries[i].Status == report.IndexCompared {
			todo = append(todo, i)
		}
	}
	c.prog.Done(fmt.Sprintf("grouped them into %s: %d to compare", report.Plural(len(events), "event"), len(todo)))
	if c.opt.AfterGrouping != nil {
		c.opt.AfterGrouping()
	}

	// Analyse each event of two outlets or more, on a pool of workers;
	// each writes its event's files and its own entry. The analysis
	// allocates much and keeps little: twice the garbage collector's room
	// (GOGC=200, unless GOGC is set) cuts its time by a fifth, and the
	// peak of memory stays the grouping's.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	c.prog.Start("analysing", "analysed", len(todo), "events")
	eopt := EventOptions{Formats: c.opt.Formats, Section: c.opt.Section, Lexicons: c.opt.Lexicons, Top: c.opt.Top, Sections: c.opt.Sections}
	err = wait(ctx, func() error {
		return cp.AnalyseEach(ctx, events, entries, todo, eopt, c.opt.Jobs, c.opt.Memory, c.out.Write, func() { c.prog.Add(1) })
	})
	if err != nil {
		return Summary{}, err
	}
	failed := 0
	for _, i := range todo {
		if entries[i].Status == report.IndexFailed {
			failed++
		}
	}
	c.prog.Done(fmt.Sprintf("analysed %d/%d events, %d failed", len(todo), len(todo), failed))
	files, sum, err := Index(entries, cp.Problems, IndexOptions{Top: c.opt.Top, Reports: len(cp.Articles), Outlets: cp.Outlets})
	if err != nil {
		return Summary{}, err
	}

	// The index, then the rename over DIR.
	for _, f := range files {
		if err := c.out.Write(f); err != nil {
			return Summary{}, err
		}
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, err
	}
	if err := c.out.Commit(); err != nil {
		return Summary{}, err
	}
	sum.Skipped = cp.Skipped
	sum.Repeats = cp.Repeats
	return sum, nil
}

// FormatExt is the file extension of each format.
var FormatExt = map[string]string{"text": ".txt", "md": ".md", "json": ".json", "csv": ".csv", "html": ".html"}

// The index files, always written.
var indexFormats = []string{"md", "html", "json"}

// nothing explains why no event could be compared.
func nothing(entries []report.IndexEvent) error {
	counts := map[string]int{}
	reason := ""
	for _, e := range entries {
		counts[e.Status]++
		if e.Status == report.IndexFailed && reason == "" {
			reason = e.ID + ": " + e.Reason
		}
	}
	msg := fmt.Sprintf("%s, %s of one outlet only",
		report.Plural(counts[report.IndexSingle], "single report"), report.Plural(counts[report.IndexOneOutlet], "event"))
	if n := counts[report.IndexFailed]; n > 0 {
		msg += fmt.Sprintf(", %s whose analysis failed (%s)", report.Plural(n, "event"), reason)
	}
	return fmt.Errorf("%w: %s", ErrNothing, msg)
}

// failEnv names an event whose analysis panics, for tests of the
// recovery.
const failEnv = "BIASDIFF_CORPUS_FAIL"

var failEvent = os.Getenv(failEnv)

// fileSlug makes a file-name part of an event's label: its ASCII words
// (letters stripped of their accents: "Škoda" is "skoda"), lower-cased and
// joined by hyphens, 40 bytes at most.
func fileSlug(label string) string {
	label = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(label))
	words := strings.FieldsFunc(strings.ToLower(label), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	var b strings.Builder
	for _, w := range words {
		if b.Len()+1+len(w) > 40 {
			if b.Len() == 0 {
				b.WriteString(w[:40])
			}
			break
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	return b.String()
}

// DefaultMemory is the memory a run aims to stay under by default.
const DefaultMemory = 896 << 20

// bytesPerWord estimates the memory analysing an event holds at its peak,
// per word of its reports (measured: 342 MB for 21 reports of 36,000
// words each, 450 bytes a word).
const bytesPerWord = 512

// budget is a weighted semaphore: events take their estimate of memory
// from it while they are analysed.
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	max  int64
	used int64
}

func newBudget(max int64) *budget {
	b := &budget{max: max}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// take waits until n bytes are free, or nothing is taken (an estimate
// larger than the budget runs alone), takes them and returns how much it
// took.
func (b *budget) take(n int64) int64 {
	n = min(n, b.max)
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.used > 0 && b.used+n > b.max {
		b.cond.Wait()
	}
	b.used += n
	return n
}

// give returns n bytes taken.
func (b *budget) give(n int64) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// wait runs f and waits for it, or for ctx to be done (then f goes on in
// the background, its result unused, and wait returns ctx's error).
func wait(ctx context.Context, f func() error) error {
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
