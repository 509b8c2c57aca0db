package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/frame"
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
the corpus. The input files are only read.

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
	fs.IntVarP(&f.jobs, "jobs", "j", 0, "files read and events analysed at once (default: the number of CPUs)")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "no progress on standard error")
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
	formats, err := corpusFormats(f.formats)
	if err != nil {
		return usage("%v", err)
	}
	if f.jobs < 0 {
		return usage("--jobs must be 0 (the number of CPUs) or more, not %d", f.jobs)
	}
	if f.jobs == 0 {
		f.jobs = runtime.GOMAXPROCS(0)
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
	dir, err := checkOutputDir(f.output, fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "biasdiff corpus: %v\n", err)
		return exitInput
	}
	out, err := newOutDir(dir, f.output)
	if err != nil {
		fmt.Fprintf(stderr, "biasdiff corpus: %v\n", err)
		return exitInput
	}
	defer out.discard() // a no-op once committed

	c := &corpusRun{
		flags:    &f,
		formats:  formats,
		lexicons: lexicons,
		out:      out,
		prog:     newProgress(stderr, f.quiet),
		stderr:   stderr,
	}
	return c.run(ctx, fs.Args(), stdin)
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

// formatExt is the file extension of each format.
var formatExt = map[string]string{"text": ".txt", "md": ".md", "json": ".json", "csv": ".csv", "html": ".html"}

// The index files, always written.
var indexFormats = []string{"md", "html", "json"}

// checkOutputDir checks that DIR can be replaced: it is new, an empty
// directory or the output of an earlier run, it is not a link, and it is
// neither inside an input directory (its files would be read as input by
// the next run) nor holding an input (the run would remove it). It returns
// DIR as an absolute path.
func checkOutputDir(output string, paths []string) (string, error) {
	dir, err := filepath.Abs(output)
	if err != nil {
		return "", fmt.Errorf("-o %s: %w", output, err)
	}
	parent := filepath.Dir(dir)
	if filepath.Base(dir) == string(filepath.Separator) || dir == parent {
		return "", fmt.Errorf("-o %s: cannot replace the root directory", output)
	}
	switch fi, err := os.Stat(parent); {
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("-o %s: the directory %s does not exist", output, filepath.Dir(output))
	case err != nil:
		return "", fmt.Errorf("-o %s: %v", output, cause(err))
	case !fi.IsDir():
		return "", fmt.Errorf("-o %s: %s is not a directory", output, filepath.Dir(output))
	}
	real := func(p string) string {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		return p
	}
	rdir := filepath.Join(real(parent), filepath.Base(dir))
	for _, p := range paths {
		if p == "-" {
			continue
		}
		ap, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		rp := real(ap)
		switch {
		case within(rdir, rp):
			return "", fmt.Errorf("-o %s: is inside the input %s, so that the next run would read the reports as input; give a directory outside the corpus", output, p)
		case within(rp, rdir):
			return "", fmt.Errorf("-o %s: holds the input %s, and the run replaces it; give another directory", output, p)
		}
	}
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("-o %s: %v", output, cause(err))
	case fi.Mode()&os.ModeSymlink != 0:
		return "", fmt.Errorf("-o %s: is a symbolic link; give the directory it points to", output)
	case !fi.IsDir():
		return "", fmt.Errorf("-o %s: exists and is not a directory", output)
	default:
		if !replaceable(dir) {
			return "", fmt.Errorf("-o %s: exists and is not the output of biasdiff corpus (it has files but no index.json of one); give a new or empty directory", output)
		}
	}
	return dir, nil
}

// within tells whether p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// replaceable tells whether an existing directory may be replaced: it is
// empty or holds the index.json of an earlier run.
func replaceable(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	if len(entries) == 0 {
		return true
	}
	data, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		return false
	}
	var idx struct {
		Title string `json:"title"`
	}
	return json.Unmarshal(data, &idx) == nil && strings.HasPrefix(idx.Title, "biasdiff corpus:")
}

// outDir is the hidden directory a run writes to, beside DIR, until it is
// renamed over DIR (commit) or removed (discard). Writes after a discard
// are dropped, so that a worker still running cannot leave files behind.
type outDir struct {
	dir, tmp string
	mu       sync.RWMutex
	closed   bool
}

// newOutDir makes the temporary directory for DIR (output as the user
// wrote it, for messages).
func newOutDir(dir, output string) (*outDir, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("-o %s: cannot write in %s: %v", output, filepath.Dir(filepath.Clean(output)), cause(err))
	}
	return &outDir{dir: dir, tmp: tmp}, nil
}

// write writes one file of the output.
func (o *outDir) write(name string, data []byte) error {
	o.mu.RLock()
	defer o.mu.RUnlock()
	if o.closed {
		return errors.New("output discarded")
	}
	if err := os.WriteFile(filepath.Join(o.tmp, name), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %v", filepath.Join(o.dir, name), cause(err))
	}
	return nil
}

// discard removes the temporary directory, unless committed.
func (o *outDir) discard() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return
	}
	o.closed = true
	os.RemoveAll(o.tmp)
}

// commit renames the temporary directory over DIR: the old DIR, if any,
// is first renamed aside, then removed.
func (o *outDir) commit() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return errors.New("output discarded")
	}
	if err := os.Chmod(o.tmp, 0o755); err != nil {
		return fmt.Errorf("write %s: %v", o.dir, cause(err))
	}
	old := ""
	if _, err := os.Lstat(o.dir); err == nil {
		old = o.tmp + ".old"
		if err := os.Rename(o.dir, old); err != nil {
			return fmt.Errorf("replace %s: %v", o.dir, cause(err))
		}
	}
	if err := os.Rename(o.tmp, o.dir); err != nil {
		if old != "" {
			os.Rename(old, o.dir)
		}
		return fmt.Errorf("replace %s: %v", o.dir, cause(err))
	}
	o.closed = true
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove the previous output (now %s): %v", old, cause(err))
		}
	}
	return nil
}

// cause strips the *PathError wrapper, whose path the message names itself.
func cause(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// corpusRun is one run of `biasdiff corpus`.
type corpusRun struct {
	flags    *corpusFlags
	formats  []string
	lexicons []*frame.Lexicon
	out      *outDir
	prog     *progress
	stderr   io.Writer
	index    *corpus.Index // the corpus read, without its text

	mu       sync.Mutex
	problems []report.IndexProblem // input files skipped
	fatal    error                 // the first write error
}

func (c *corpusRun) run(ctx context.Context, paths []string, stdin io.Reader) int {
	interrupted := func() int {
		c.out.discard()
		c.prog.abort()
		fmt.Fprintf(c.stderr, "biasdiff corpus: interrupted (%v); %s left as it was\n", context.Cause(ctx), c.flags.output)
		return exitInterrupted
	}

	// Read, collecting the grouping features and the fingerprints of
	// repeats as the articles are tokenized; their text is not kept, but
	// read again event by event.
	var (
		features group.Collector
		repeats  corpus.RepeatCollector
	)
	c.prog.start("reading", "read", -1, "reports")
	opt := corpus.Options{
		Manifest: c.flags.manifest,
		MaxBytes: c.flags.maxBytes,
		Stdin:    stdin,
		Warn:     c.warn,
		Skip:     true,
		Jobs:     c.flags.jobs,
		NoQuotes: true,
		Tokens: func(a *corpus.Article, s [][]token.Token) {
			features.Tokens(a, s)
			repeats.Tokens(a, s)
			c.prog.add(1)
		},
	}
	if err := wait(ctx, func() (err error) { c.index, err = corpus.Scan(paths, opt); return }); err != nil {
		if ctx.Err() != nil {
			return interrupted()
		}
		c.out.discard()
		c.prog.abort()
		fmt.Fprintf(c.stderr, "biasdiff corpus: %v\n", err)
		return exitInput
	}
	// Reports read twice (a copied file, a page saved in two formats) are
	// set aside before grouping, and listed.
	arts := c.index.Articles
	read := len(arts)
	if dups := repeats.Duplicates(arts); len(dups) > 0 {
		repeat := make([]bool, len(arts))
		for _, d := range dups {
			repeat[d.Article] = true
			c.problems = append(c.problems, report.IndexProblem{What: arts[d.Article].Path,
				Reason: fmt.Sprintf("repeats %s (%.0f%% of three-word runs shared): set aside", arts[d.Of].Path, 100*d.Shared)})
		}
		kept := arts[:0:0]
		for i, a := range arts {
			if !repeat[i] {
				kept = append(kept, a)
			}
		}
		arts = kept
	}
	outlets := map[string]bool{}
	for _, a := range arts {
		outlets[a.Outlet] = true
	}
	summary := fmt.Sprintf("read %s from %s", report.Plural(read, "report"), report.Plural(len(outlets), "outlet"))
	if n := read - len(arts); n > 0 {
		summary += fmt.Sprintf(", %s of another set aside", report.Plural(n, "repeat"))
	}
	c.prog.done(summary)

	// Group.
	c.prog.start("grouping", "grouped", -1, "")
	var events []group.Event
	if err := wait(ctx, func() error { events = group.Group(arts, group.Options{Features: &features}); return nil }); err != nil {
		return interrupted()
	}
	entries := make([]report.IndexEvent, len(events))
	var todo []int
	for i, e := range events {
		entries[i] = indexEvent(arts, e)
		if entries[i].Status == report.IndexCompared {
			todo = append(todo, i)
		}
	}
	c.prog.done(fmt.Sprintf("grouped them into %s: %d to compare", report.Plural(len(events), "event"), len(todo)))
	if afterGrouping != nil {
		afterGrouping()
	}

	// Analyse each event of two outlets or more, on a pool of workers;
	// each writes its event's files and its own entry. The analysis
	// allocates much and keeps little: twice the garbage collector's room
	// (GOGC=200, unless GOGC is set) cuts its time by a fifth, and the
	// peak of memory stays the grouping's.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	c.prog.start("analysing", "analysed", len(todo), "events")
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		forEach(ctx, len(todo), c.flags.jobs, func(k int) {
			i := todo[k]
			c.analyse(ctx, arts, events[i], &entries[i])
			c.prog.add(1)
		})
	}()
	select {
	case <-finished:
	case <-ctx.Done():
		return interrupted()
	}
	if ctx.Err() != nil {
		return interrupted()
	}
	if c.fatal != nil {
		c.out.discard()
		c.prog.abort()
		fmt.Fprintf(c.stderr, "biasdiff corpus: %v\n", c.fatal)
		return exitError
	}
	failed := 0
	for _, i := range todo {
		if entries[i].Status == report.IndexFailed {
			failed++
		}
	}
	c.prog.done(fmt.Sprintf("analysed %d/%d events, %d failed", len(todo), len(todo), failed))
	if len(todo) == failed {
		c.out.discard()
		c.nothing(entries)
		return exitInput
	}

	// The index, then the rename over DIR.
	idx := report.BuildIndex(entries, c.problems, report.IndexOptions{Top: c.flags.terms.top, Reports: len(arts), Outlets: len(outlets)})
	r := idx.Report()
	for _, format := range indexFormats {
		var b bytes.Buffer
		if err := report.Render(&b, r, format, report.Options{}); err != nil {
			c.out.discard()
			fmt.Fprintf(c.stderr, "biasdiff corpus: index: %v\n", err)
			return exitError
		}
		if err := c.out.write("index"+formatExt[format], b.Bytes()); err != nil {
			c.out.discard()
			fmt.Fprintf(c.stderr, "biasdiff corpus: %v\n", err)
			return exitError
		}
	}
	if ctx.Err() != nil {
		return interrupted()
	}
	if err := c.out.commit(); err != nil {
		c.out.discard()
		fmt.Fprintf(c.stderr, "biasdiff corpus: %v\n", err)
		return exitError
	}
	c.prog.line(fmt.Sprintf("wrote %s: %s compared, %s not compared, %d failed, %s skipped; open %s",
		c.flags.output, report.Plural(len(todo)-failed, "event"), report.Plural(len(events)-len(todo), "event"), failed,
		report.Plural(len(c.problems), "file"), filepath.Join(c.flags.output, "index.html")))
	return exitOK
}

// nothing explains why no event could be compared.
func (c *corpusRun) nothing(entries []report.IndexEvent) {
	counts := map[string]int{}
	reason := ""
	for _, e := range entries {
		counts[e.Status]++
		if e.Status == report.IndexFailed && reason == "" {
			reason = e.ID + ": " + e.Reason
		}
	}
	msg := fmt.Sprintf("biasdiff corpus: nothing to compare: %s, %s of one outlet only",
		report.Plural(counts[report.IndexSingle], "single report"), report.Plural(counts[report.IndexOneOutlet], "event"))
	if n := counts[report.IndexFailed]; n > 0 {
		msg += fmt.Sprintf(", %s whose analysis failed (%s)", report.Plural(n, "event"), reason)
	}
	fmt.Fprintf(c.stderr, "%s; %s left as it was\n", msg, c.flags.output)
}

// warn records an input file skipped.
func (c *corpusRun) warn(msg string) {
	what, reason, ok := strings.Cut(msg, ": skipped: ")
	if !ok {
		what, reason = "", msg
	}
	c.mu.Lock()
	c.problems = append(c.problems, report.IndexProblem{What: what, Reason: reason})
	c.mu.Unlock()
	c.prog.line("warning: " + msg)
}

// indexEvent is an event's entry in the index, with its status: compared
// when two outlets or more report it.
func indexEvent(arts []*corpus.Article, e group.Event) report.IndexEvent {
	ie := report.IndexEvent{ID: e.ID, Label: e.Label, From: e.From, To: e.To, Reports: len(e.Articles), Outlets: []string{}, Status: report.IndexCompared}
	for _, i := range e.Articles {
		if o := arts[i].Outlet; !slices.Contains(ie.Outlets, o) {
			ie.Outlets = append(ie.Outlets, o)
		}
	}
	switch {
	case len(e.Articles) < 2:
		ie.Status, ie.Reason = report.IndexSingle, "a single report: no other report covers it"
	case len(ie.Outlets) < 2:
		ie.Status, ie.Reason = report.IndexOneOutlet, fmt.Sprintf("%d reports, all from %s: no other outlet to compare with", len(e.Articles), ie.Outlets[0])
	}
	return ie
}

// analyse compares the reports of one event and writes its files. A panic
// or a render error fails the event alone (its entry says why); a write
// error fails the run.
func (c *corpusRun) analyse(ctx context.Context, arts []*corpus.Article, e group.Event, ie *report.IndexEvent) {
	defer func() {
		if p := recover(); p != nil {
			ie.Status, ie.Reason, ie.Files, ie.Contrast, ie.Concepts = report.IndexFailed, fmt.Sprintf("internal error: %v", p), nil, nil, nil
		}
	}()
	// The reports were grouped already: declaring the event keeps Compare
	// from splitting it again.
	name := e.Label
	if name == "" {
		name = e.ID
	}
	if failEvent != "" && failEvent == e.ID {
		panic("failed on purpose (" + failEnv + ")")
	}
	sub := make([]*corpus.Article, len(e.Articles))
	for k, i := range e.Articles {
		sub[k] = arts[i]
		sub[k].Event = name
	}
	// The event's text, read again for its analysis and dropped after it:
	// memory grows with the largest event, not with the corpus.
	defer func() {
		for _, a := range sub {
			a.DropText()
		}
	}()
	if err := c.index.Reload(sub); err != nil {
		ie.Status, ie.Reason = report.IndexFailed, err.Error()
		return
	}
	r := report.Compare(sub, report.CompareOptions{Lexicons: c.lexicons, Top: c.flags.terms.top, Sections: c.flags.terms.sections, RepeatsSetAside: true})
	base := e.ID
	if s := fileSlug(e.Label); s != "" {
		base += "-" + s
	}
	type file struct {
		name string
		data []byte
	}
	var files []file
	for _, format := range c.formats {
		if format == "csv" && report.CheckSection(r, c.flags.terms.section) != nil {
			continue // the event has no such table
		}
		var b bytes.Buffer
		if err := report.Render(&b, r, format, report.Options{Width: 100, Section: c.flags.terms.section}); err != nil {
			ie.Status, ie.Reason = report.IndexFailed, fmt.Sprintf("%s report: %v", format, err)
			return
		}
		files = append(files, file{base + formatExt[format], b.Bytes()})
	}
	ie.Contrast, ie.Concepts = report.Summarize(r)
	if ctx.Err() != nil {
		return
	}
	for _, f := range files {
		if err := c.out.write(f.name, f.data); err != nil {
			c.mu.Lock()
			if c.fatal == nil {
				c.fatal = err
			}
			c.mu.Unlock()
			return
		}
		ie.Files = append(ie.Files, f.name)
	}
}

// afterGrouping, when set (by tests), runs between grouping and analysis:
// where the input can change under a run.
var afterGrouping func()

// failEnv names an event whose analysis panics, for tests of the
// recovery.
const failEnv = "BIASDIFF_CORPUS_FAIL"

var failEvent = os.Getenv(failEnv)

// fileSlug makes a file-name part of an event's label: its ASCII words,
// lower-cased and joined by hyphens, 40 bytes at most.
func fileSlug(label string) string {
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

// forEach calls f for every i in [0, n) on at most jobs goroutines, and
// stops handing out work when ctx is done. Each call writes only its own
// results, so that they do not depend on the number of goroutines.
func forEach(ctx context.Context, n, jobs int, f func(int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(jobs, n)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
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

// start begins a stage of max steps (-1: unknown) of unit; past is the
// stage's verb in the past tense, for the plain lines.
func (p *progress) start(stage, past string, max int, unit string) {
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

// add counts k steps done.
func (p *progress) add(k int) {
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

// done ends the stage with a line that sums it up, and how long it took.
func (p *progress) done(summary string) {
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

// abort ends the stage without a summary, and the progress reports.
func (p *progress) abort() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	if p.bar != nil {
		p.bar.Exit()
		fmt.Fprintln(p.w)
		p.bar = nil
	}
}

// line writes a line, above the bar if there is one. Warnings show even
// when quiet.
func (p *progress) line(msg string) {
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
