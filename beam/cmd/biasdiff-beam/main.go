// Command biasdiff-beam is `biasdiff corpus` as an Apache Beam pipeline
// (package pipeline): it reads a corpus, groups it into events in time
// partitions, compares each event on the runner's workers and writes the
// reports and the index into DIR, replaced as a whole.
//
// Usage:
//
//	biasdiff-beam [flags] -o DIR PATH...
//	biasdiff-beam [flags] --events FILE PATH...
//
// It runs on Prism, in this process, unless --runner says otherwise; the
// other flags of Beam (--endpoint, --environment_type, --project, ...)
// are Beam's. See beam/README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx" // every runner and file system

	"github.com/biasdiff/biasdiff/batch"
	"github.com/biasdiff/biasdiff/beam/pipeline"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/report"
)

const usage = `Usage: biasdiff-beam [flags] -o DIR PATH...
       biasdiff-beam [flags] --events FILE PATH...

Does what 'biasdiff corpus PATH... -o DIR' does, as an Apache Beam
pipeline: reads the corpus, groups it into events (in --partitions time
partitions, reconciled across their borders), compares each event of two
outlets or more on the runner's workers, and replaces DIR with a report per
event in each --format and the index (index.md, index.html, index.json).
With one partition (the default) the output is byte for byte that of
'biasdiff corpus'; with more, which reports make an event and its label
are approximate (see beam/README.md). --events FILE also writes the
events and their reports as 'biasdiff group --format json' does; without
-o, the pipeline groups and writes only that.

The pipeline runs on Prism in this process by default (--runner=prism);
--runner=universal --endpoint=HOST:PORT submits it to a Flink or Spark job
server, --runner=dataflow to Dataflow. PATH, DIR and the --manifest and
--concepts files must be readable (DIR writable) at the same paths on
every worker.

Flags (Beam's own flags are also accepted):
`

func main() {
	// An interrupt stops the run; the output is left as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses, as biasdiff's.
const (
	exitOK    = 0
	exitError = 1
	exitInput = 2
	// An interrupted run (128 + SIGINT, as shells report it).
	exitInterrupted = 130
)

// list is a flag of comma-separated values, repeatable.
type list []string

func (l *list) String() string { return strings.Join(*l, ",") }
func (l *list) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

func run(ctx context.Context, args []string, stderr io.Writer) int {
	var (
		output, manifest, section string
		eventsFile, cpuProfile    string
		formats, sections         list
		concepts                  list
		maxBytes, memory          int64
		top, parts, overlap       int
		force, verbose            bool
	)
	fs := flag.CommandLine
	fs.StringVar(&output, "o", "", "the output `DIR` (replaced as a whole; required unless --events is given)")
	fs.StringVar(&eventsFile, "events", "", "also write the events and their reports to `FILE`, as 'biasdiff group --format json' does; with no -o, only that")
	fs.Var(&formats, "format", "the formats of each event's report, comma-separated: "+strings.Join(report.Formats, ", ")+" (default md,html; the index is always md, html and json)")
	fs.StringVar(&manifest, "manifest", "", "metadata manifest `FILE` (YAML or CSV: path, outlet, date, title, url, lang, event)")
	fs.Int64Var(&maxBytes, "max-bytes", corpus.DefaultMaxBytes, "largest input file to read, in bytes (JSON Lines: per line)")
	fs.Var(&concepts, "concepts", "a concept `FILE` (YAML) to group phrases by; repeatable")
	fs.IntVar(&top, "top", 20, "show at most `N` rows of each term table and of the index's labels (0: all)")
	fs.Var(&sections, "sections", "the tables of each event's report, comma-separated: "+strings.Join(report.Sections, ", ")+" (default: all)")
	fs.StringVar(&section, "section", "terms", "with --format csv: the table of each event to write, by `ID`")
	fs.BoolVar(&force, "force", false, "replace DIR even when it holds files an earlier run did not write (they are removed)")
	fs.IntVar(&parts, "partitions", 1, "group the reports in `K` time partitions, reconciled across their borders (1: exactly as biasdiff corpus)")
	fs.IntVar(&overlap, "overlap", 7, "`DAYS` beyond its own that a partition also groups (the grouper links no reports further apart than 7)")
	fs.Int64Var(&memory, "memory", batch.DefaultMemory>>20, "the memory in `MiB` each worker process aims to stay under (its Go soft memory limit, unless GOMEMLIMIT is set; on Prism, the analysis's alone)")
	fs.BoolVar(&verbose, "verbose", false, "the runner's own log lines too")
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of this process to `FILE` (on Prism: the whole run)")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.SetOutput(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitInput
	}
	// On a cluster the same binary runs the workers: Init takes over then.
	beam.Init()

	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "biasdiff-beam: "+format+"\nRun 'biasdiff-beam -h' for usage.\n", a...)
		return exitInput
	}
	if len(formats) == 0 {
		formats = list{"md", "html"}
	}
	for _, f := range formats {
		if !slices.Contains(report.Formats, f) {
			return fail("unknown --format %q (want %s)", f, strings.Join(report.Formats, ", "))
		}
	}
	var ordered []string // in the order of report.Formats, once each
	for _, f := range report.Formats {
		if slices.Contains(formats, f) {
			ordered = append(ordered, f)
		}
	}
	for _, s := range sections {
		if !slices.Contains(report.Sections, s) {
			return fail("unknown --sections %q (want %s)", s, strings.Join(report.Sections, ", "))
		}
	}
	switch {
	case fs.NArg() == 0:
		return fail("no PATH given")
	case output == "" && eventsFile == "":
		return fail("no output directory given (-o DIR), and no --events FILE")
	case top < 0:
		return fail("--top must be 0 or more, not %d", top)
	case parts < 1:
		return fail("--partitions must be 1 or more, not %d", parts)
	case overlap < 0:
		return fail("--overlap must be 0 or more days, not %d", overlap)
	case memory <= 0 || memory > 1<<30:
		return fail("--memory must be a number of MiB more than 0, not %d", memory)
	case maxBytes <= 0:
		return fail("--max-bytes must be more than 0, not %d", maxBytes)
	}
	if !verbose {
		// The warnings of the reading (a file skipped, and why); the
		// runner's own errors are the run's error, printed once below.
		slog.SetDefault(slog.New(warnings{stderr}))
	}
	if overlap == 0 {
		overlap = -1 // none (0 in Options is the default)
	}
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return fail("--cpuprofile: %v", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail("--cpuprofile: %v", err)
		}
		defer pprof.StopCPUProfile()
	}
	begun := time.Now()
	st, err := pipeline.Run(ctx, fs.Args(), pipeline.Options{
		Output: output, Force: force, Events: eventsFile,
		Formats: ordered, Section: section,
		Manifest: manifest, MaxBytes: maxBytes,
		Concepts: concepts, Top: top, Sections: sections,
		Partitions: parts, Overlap: overlap, Memory: memory << 20,
		Runner: *runners.Runner,
	})
	var input *batch.InputError
	if err == nil && st.Partitions > 1 {
		fmt.Fprintf(stderr, "biasdiff-beam: %d partitions of %s to %s reports (overlapping ones included); grouping one grew the heap by at most %d MiB\n",
			st.Partitions, thousands(st.MinReports), thousands(st.MaxReports), st.GroupingMiB)
		if st.Placed+st.NotPlaced > 0 {
			fmt.Fprintf(stderr, "biasdiff-beam: %s undated reports: %s placed in the partition that shares most of their words, %s grouped among themselves\n",
				thousands(st.Placed+st.NotPlaced), thousands(st.Placed), thousands(st.NotPlaced))
		}
	}
	switch {
	case err == nil && output == "":
		fmt.Fprintf(stderr, "biasdiff-beam: wrote %s in %.1f s\n", eventsFile, time.Since(begun).Seconds())
		return exitOK
	case err == nil:
		fmt.Fprintf(stderr, "biasdiff-beam: wrote %s in %.1f s; open %s/index.html\n", output, time.Since(begun).Seconds(), strings.TrimSuffix(output, "/"))
		return exitOK
	case ctx.Err() != nil:
		kept := output
		if output == "" {
			kept = eventsFile
		}
		fmt.Fprintf(stderr, "biasdiff-beam: interrupted; %s left as it was\n", kept)
		return exitInterrupted
	case errors.As(err, &input) && input.Dir:
		fmt.Fprintf(stderr, "biasdiff-beam: -o %v\n", err)
		return exitInput
	case errors.As(err, &input):
		kept := output
		if output == "" {
			kept = eventsFile
		}
		fmt.Fprintf(stderr, "biasdiff-beam: %v; %s left as it was\n", err, kept)
		return exitInput
	default:
		kept := output
		if output == "" {
			kept = eventsFile
		}
		fmt.Fprintf(stderr, "biasdiff-beam: %v; %s left as it was\n", err, kept)
		return exitError
	}
}

// thousands writes n with commas: 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// warnings writes the log records of level WARN only, as lines of their
// own: "biasdiff-beam: warning: PATH: skipped: ...".
type warnings struct{ w io.Writer }

func (w warnings) Enabled(_ context.Context, l slog.Level) bool { return l == slog.LevelWarn }

func (w warnings) Handle(_ context.Context, r slog.Record) error {
	_, err := fmt.Fprintf(w.w, "biasdiff-beam: %s\n", strings.TrimPrefix(r.Message, "[SDK] "))
	return err
}

func (w warnings) WithAttrs([]slog.Attr) slog.Handler { return w }
func (w warnings) WithGroup(string) slog.Handler      { return w }
