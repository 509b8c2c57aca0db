package pipeline

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/batch"
	"github.com/biasdiff/biasdiff/frame/lexicon"
	"github.com/biasdiff/biasdiff/report"
)

// Options configure a run; the fields the CLI shares with `biasdiff
// corpus` mean what its flags do.
type Options struct {
	// Output is the directory to replace, as the user wrote it; Force
	// lets a run replace one holding files no run wrote. "": no reports,
	// only Events.
	Output string
	Force  bool
	// Events is a file to write the events to, each with its reports, as
	// `biasdiff group --format json` writes them ("": none). It is
	// written whole when the run succeeds, else not at all.
	Events string
	// Formats of each event's report (report.Formats order, once each),
	// and the table csv writes.
	Formats []string
	Section string
	// Manifest and MaxBytes are as in corpus.Options.
	Manifest string
	MaxBytes int64
	// Concepts are concept files (lexicon.Load), read by each worker.
	Concepts []string
	// Top and Sections are as in batch.Options.
	Top      int
	Sections []string
	// Partitions is how many time partitions the reports are grouped in
	// (0 or 1: one, exactly as `biasdiff corpus` groups them).
	Partitions int
	// Overlap is how many days beyond its own a partition also groups
	// (0: 7, the grouper's window; negative: none).
	Overlap int
	// Memory is the memory, in bytes, each worker process aims to stay
	// under (0: batch.DefaultMemory), its soft memory limit unless
	// GOMEMLIMIT is set. On Prism, where the runner and its data share the
	// process, it bounds the analysis alone and sets no limit.
	Memory int64
	// Runner is the Beam runner ("": prism, in this process); its other
	// flags (--endpoint, --environment_type, ...) are Beam's.
	Runner string
}

// Spec is what every step of a run needs: where the corpus is, where the
// output goes and how to analyse. It travels with the steps (as JSON), so
// that a worker on another machine opens the same corpus and output:
// paths must name the same files there.
type Spec struct {
	Paths    []string
	Manifest string
	MaxBytes int64
	Run      string // names the run: a worker keeps one run's state
	Shared   bool   // the runner runs in the workers' process (Prism)
	Dir, Tmp string // the output (batch.Output); "" when only Events
	Events   string // the events file's temporary name; "": none
	Formats  []string
	Section  string
	Concepts []string
	Top      int
	Sections []string
	Parts    int
	Overlap  int
	Memory   int64
}

// Run runs the pipeline on the corpus at paths and replaces Options.Output
// with its reports and index, as `biasdiff corpus` does, and returns what
// it measured of itself. On any error the
// directory is left as it was. beam.Init must have run (the binary's main
// calls it, after flag.Parse).
func Run(ctx context.Context, paths []string, opt Options) (Stats, error) {
	if len(paths) == 0 {
		return Stats{}, errors.New("no corpus path given")
	}
	if slices.Contains(paths, "-") {
		return Stats{}, errors.New("standard input cannot be read by a pipeline: give files or directories")
	}
	if opt.Output == "" && opt.Events == "" {
		return Stats{}, errors.New("nothing to write: no output directory and no events file")
	}
	var out *batch.Output
	if opt.Output != "" {
		o, _, err := batch.OpenOutput(opt.Output, paths, opt.Force)
		if err != nil {
			return Stats{}, err
		}
		out = o
	}
	var events string
	if opt.Events != "" {
		f, err := os.CreateTemp(filepath.Dir(opt.Events), "."+filepath.Base(opt.Events)+".tmp-*")
		if err != nil {
			if out != nil {
				out.Discard()
			}
			return Stats{}, fmt.Errorf("events file: %w", err)
		}
		events = f.Name()
		f.Close()
		defer os.Remove(events) // renamed over opt.Events when the run succeeds
	}
	committed := false
	defer func() {
		if !committed && out != nil {
			out.Discard()
		}
	}()
	spec := Spec{
		Paths: paths, Manifest: opt.Manifest, MaxBytes: opt.MaxBytes,
		Run: runID(), Events: events,
		Formats: opt.Formats, Section: opt.Section, Concepts: opt.Concepts, Top: opt.Top, Sections: opt.Sections,
		Parts: max(opt.Partitions, 1), Overlap: opt.Overlap, Memory: opt.Memory,
	}
	if out != nil {
		spec.Dir, spec.Tmp = out.Dir(), out.Tmp()
	}
	if spec.Memory <= 0 {
		spec.Memory = batch.DefaultMemory
	}
	if spec.Overlap == 0 {
		spec.Overlap = 7
	}
	spec.Overlap = max(spec.Overlap, 0)
	for _, c := range opt.Concepts {
		if _, err := lexicon.Load(c); err != nil {
			return Stats{}, &batch.InputError{Err: err}
		}
	}
	runner := opt.Runner
	if runner == "" {
		runner = "prism"
	}
	spec.Shared = runner == "prism"
	p, s := beam.NewPipelineWithRoot()
	Build(s, spec)
	defer forget(spec) // what this process kept of the run
	pr, err := beam.Run(ctx, runner, p)
	if err != nil {
		if msg, ok := inputCause(err); ok {
			return Stats{}, &batch.InputError{Err: errors.New(msg)}
		}
		return Stats{}, fmt.Errorf("pipeline on %s: %w", runner, err)
	}
	st := statsOf(pr)
	committed = true // the last step renamed it over DIR
	if events != "" {
		if err := os.Chmod(events, 0o644); err != nil {
			return Stats{}, fmt.Errorf("events file: %w", err)
		}
		if err := os.Rename(events, opt.Events); err != nil {
			return Stats{}, fmt.Errorf("events file: %w", err)
		}
	}
	return st, nil
}

// inputMark starts the error of a step that found the input unusable (no
// readable report): the runner passes a worker's error on as text.
const inputMark = "biasdiff input error: "

// inputCause finds, in the runner's error, a step's input error, and
// returns its message alone.
func inputCause(err error) (string, bool) {
	s := err.Error()
	i := strings.LastIndex(s, inputMark)
	if i < 0 {
		return "", false
	}
	msg, _, _ := strings.Cut(s[i+len(inputMark):], "\n")
	return strings.TrimSpace(msg), true
}

// runID names a run: unique in this process and across machines.
func runID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Build adds the steps of a run to s: read, partition by time, group each
// partition, reconcile, analyse each event, index and commit.
func Build(s beam.Scope, spec Spec) {
	reports, meta := beam.ParDo2(s.Scope("read"), &readFn{Spec: spec}, beam.Impulse(s))

	// The partitions' days, from the number of reports of each day.
	ps := s.Scope("partition")
	days := stats.Count(ps, beam.ParDo(ps, dayOf, reports))
	counts := beam.GroupByKey(ps, beam.AddFixedKey(ps, beam.ParDo(ps, toDayCount, days)))
	cuts := beam.ParDo(ps, &cutsFn{Parts: spec.Parts, Overlap: spec.Overlap}, counts)
	if spec.Parts > 1 {
		reports = route(s.Scope("route"), spec, reports, cuts, meta)
	}
	sent := beam.ParDo(ps, assign, reports, beam.SideInput{Input: cuts})

	gs := s.Scope("group")
	parts := beam.ParDo(gs, &groupFn{Spec: spec}, beam.GroupByKey(gs, sent))
	events := beam.ParDo(gs, reconcileFn, beam.GroupByKey(gs, beam.AddFixedKey(gs, parts)))
	if spec.Events != "" {
		es := s.Scope("events")
		beam.ParDo(es, &eventsFn{Spec: spec}, beam.GroupByKey(es, beam.AddFixedKey(es, events)))
	}
	if spec.Dir == "" {
		return
	}

	as := s.Scope("analyse")
	entries := beam.ParDo(as, &analyseFn{Spec: spec}, beam.Reshuffle(as, events))
	// The index step's one output (its counts) is not read: a step with
	// none keeps a CPU busy on Prism while it runs (its runner loop
	// polls a closed channel).
	beam.ParDo(s.Scope("index"), &indexFn{Spec: spec}, beam.GroupByKey(s, beam.AddFixedKey(s, entries)), beam.SideInput{Input: meta})
}

func init() {
	register.DoFn4x1[context.Context, []byte, func(Report), func(Meta), error](&readFn{})
	register.Emitter1[Report]()
	register.Emitter1[Meta]()
	register.Function2x0[Report, func(int)](dayOf)
	register.Emitter1[int]()
	register.Function2x1[int, int, DayCount](toDayCount)
	register.DoFn3x0[int, func(*DayCount) bool, func(Cuts)](&cutsFn{})
	register.Iter1[DayCount]()
	register.Emitter1[Cuts]()
	register.Function3x0[Report, Cuts, func(int, Report)](assign)
	register.Emitter2[int, Report]()
	register.DoFn4x1[context.Context, int, func(*Report) bool, func(PartEvent), error](&groupFn{})
	register.Iter1[Report]()
	register.Emitter1[PartEvent]()
	register.Function3x0[int, func(*PartEvent) bool, func(Event)](reconcileFn)
	register.Iter1[PartEvent]()
	register.Emitter1[Event]()
	register.DoFn3x0[context.Context, Event, func(Entry)](&analyseFn{})
	register.Emitter1[Entry]()
	register.DoFn5x1[context.Context, int, func(*Entry) bool, Meta, func(Counts), error](&indexFn{})
	register.Emitter1[Counts]()
	register.DoFn4x1[context.Context, int, func(*Event) bool, func(int), error](&eventsFn{})
	register.Iter1[Event]()
	register.Iter1[Entry]()
}

// Meta is what the index needs of the reading: the counts and problems
// of batch.Corpus (Problems as JSON).
type Meta struct {
	Reports, Outlets int
	Skipped, Repeats int
	Problems         []byte
}

// Entry is an event's entry in the index (as JSON, its concepts
// included), and its place among the events.
type Entry struct {
	Index int
	Data  []byte
}

// entryJSON carries a report.IndexEvent whole: its concepts, which its
// JSON leaves out, beside it.
type entryJSON struct {
	Event    report.IndexEvent
	Concepts []report.IndexConcept
}

// readFn reads the corpus once, on one worker, and sends on its reports
// and the counts and problems of the reading.
type readFn struct{ Spec Spec }

func (f *readFn) ProcessElement(ctx context.Context, _ []byte, emit func(Report), meta func(Meta)) error {
	c, err := open(ctx, f.Spec)
	var input *batch.InputError
	if errors.As(err, &input) {
		return errors.New(inputMark + err.Error()) // Run finds it in the runner's error
	}
	if err != nil {
		return err
	}
	problems, err := json.Marshal(c.Problems)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	meta(Meta{Reports: len(c.Articles), Outlets: c.Outlets, Skipped: c.Skipped, Repeats: c.Repeats, Problems: problems})
	for i, a := range c.Articles {
		r := Report{N: i, Event: a.Event}
		r.Lo, r.Hi, r.Dated = dayRange(a.Date)
		emit(r)
	}
	return nil
}

// dayOf is the first day of a dated report.
func dayOf(r Report, emit func(int)) {
	if r.Dated {
		emit(r.Lo)
	}
}

func toDayCount(day, n int) DayCount { return DayCount{day, n} }

// cutsFn chooses the partitions' days.
type cutsFn struct{ Parts, Overlap int }

func (f *cutsFn) ProcessElement(_ int, counts func(*DayCount) bool, emit func(Cuts)) {
	var all []DayCount
	var c DayCount
	for counts(&c) {
		all = append(all, c)
	}
	emit(newCuts(all, f.Parts, f.Overlap))
}

// assign sends a report to its home partition, and to those it is close
// to.
func assign(r Report, cuts Cuts, emit func(int, Report)) {
	cuts.partitions(r, func(p int, home bool) {
		r.Home = home
		emit(p, r)
	})
}

// groupFn groups the reports of one partition.
type groupFn struct{ Spec Spec }

func (f *groupFn) ProcessElement(ctx context.Context, part int, reports func(*Report) bool, emit func(PartEvent)) error {
	c, err := open(ctx, f.Spec)
	if err != nil {
		return err
	}
	var rs []Report
	var r Report
	for reports(&r) {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(a, b Report) int { return a.N - b.N })
	sub := make([]int, len(rs))
	home := map[int]bool{}
	declared := false
	for k, r := range rs {
		sub[k] = r.N
		home[r.N] = r.Home
		declared = declared || r.Event != ""
	}
	// The partitions of a worker are grouped one at a time: their reports
	// overlap, and each holds the text of its reports while it is grouped.
	grouping.Lock()
	var events []group.Event
	var unread []error
	measure(ctx, len(sub), func() { events, unread = c.Group(sub) })
	grouping.Unlock()
	for _, err := range unread {
		log.Warnf(ctx, "partition %d: %v: grouped without its text", part, err)
	}
	for _, e := range events {
		pe := PartEvent{Part: part, Members: e.Articles, Home: make([]bool, len(e.Articles)), Label: e.Label}
		if declared {
			pe.Events = make([]string, len(e.Articles))
		}
		for k, i := range e.Articles {
			pe.Home[k] = home[i]
			if declared {
				pe.Events[k] = c.Articles[i].Event
			}
		}
		emit(pe)
	}
	return nil
}

// grouping is held while a partition is grouped.
var grouping sync.Mutex

// reconcileFn makes the events of the whole corpus.
func reconcileFn(_ int, parts func(*PartEvent) bool, emit func(Event)) {
	var all []PartEvent
	var p PartEvent
	for parts(&p) {
		all = append(all, p)
		p = PartEvent{}
	}
	for _, e := range reconcile(all) {
		emit(e)
	}
}

// analyseFn compares the reports of each event and writes its files. A
// bundle's events are analysed at its end, together, as batch.Run
// analyses a corpus's (Corpus.AnalyseEach): on every CPU of the worker,
// the largest first, within its memory. A runner that gives a worker one
// bundle at a time (Prism does) gets no parallelism from one event per
// call.
type analyseFn struct {
	Spec Spec

	events []Event
}

func (f *analyseFn) StartBundle(context.Context, func(Entry)) { f.events = f.events[:0] }

func (f *analyseFn) ProcessElement(_ context.Context, ev Event, _ func(Entry)) {
	f.events = append(f.events, ev)
}

func (f *analyseFn) FinishBundle(ctx context.Context, emit func(Entry)) error {
	if len(f.events) == 0 {
		return nil
	}
	c, err := open(ctx, f.Spec)
	if err != nil {
		return err
	}
	s := st(f.Spec)
	w, err := s.output()
	if err != nil {
		return err
	}
	lex, err := s.lexicons()
	if err != nil {
		return err
	}
	events := make([]group.Event, len(f.events))
	entries := make([]report.IndexEvent, len(f.events))
	var todo []int
	for k, ev := range f.events {
		e := ev.group(c)
		events[k] = e
		entries[k] = c.Entry(e)
		if entries[k].Status == report.IndexCompared {
			todo = append(todo, k)
		}
	}
	opt := batch.EventOptions{Formats: f.Spec.Formats, Section: f.Spec.Section, Lexicons: lex, Top: f.Spec.Top, Sections: f.Spec.Sections}
	if err := c.AnalyseEach(ctx, events, entries, todo, opt, 0, f.Spec.Memory, w.Write, nil); err != nil {
		return err
	}
	for k, ie := range entries {
		data, err := json.Marshal(entryJSON{ie, ie.Concepts})
		if err != nil {
			return fmt.Errorf("event %s: %w", ie.ID, err)
		}
		emit(Entry{Index: eventIndex(f.events[k].ID), Data: data})
	}
	f.events = f.events[:0]
	return nil
}

// group is the event as the grouper gives one: with its dates.
func (ev Event) group(c *batch.Corpus) group.Event {
	e := group.Event{ID: ev.ID, Label: ev.Label, Articles: ev.Members}
	for _, i := range e.Articles {
		if dt := c.Articles[i].Date; dt != "" {
			if e.From == "" || dt < e.From {
				e.From = dt
			}
			e.To = max(e.To, dt)
		}
	}
	return e
}

// eventsFn writes the events file (under its temporary name, which Run
// renames when the run succeeds).
type eventsFn struct{ Spec Spec }

func (f *eventsFn) ProcessElement(ctx context.Context, _ int, events func(*Event) bool, emit func(int)) error {
	c, err := open(ctx, f.Spec)
	if err != nil {
		return err
	}
	var all []group.Event
	var ev Event
	for events(&ev) {
		all = append(all, ev.group(c))
		ev = Event{}
	}
	slices.SortFunc(all, func(a, b group.Event) int { return eventIndex(a.ID) - eventIndex(b.ID) })
	var b bytes.Buffer
	if err := report.GroupJSON(&b, c.Articles, all); err != nil {
		return fmt.Errorf("events file: %w", err)
	}
	if err := os.WriteFile(f.Spec.Events, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("events file: %w", err)
	}
	emit(len(all)) // not read: a step with an output, as indexFn
	return nil
}

// eventIndex is the place of event "eN" among the events: N-1.
func eventIndex(id string) int {
	n := 0
	for _, r := range id[1:] {
		n = n*10 + int(r-'0')
	}
	return n - 1
}

// indexFn writes the index and puts the output in DIR's place.
type indexFn struct{ Spec Spec }

// Counts are the events of a run by status, as batch.Summary.
type Counts struct {
	Compared, NotCompared, Failed int
}

func (f *indexFn) ProcessElement(ctx context.Context, _ int, entries func(*Entry) bool, meta Meta, emit func(Counts)) error {
	var all []Entry
	var e Entry
	for entries(&e) {
		all = append(all, e)
	}
	slices.SortFunc(all, func(a, b Entry) int { return a.Index - b.Index })
	events := make([]report.IndexEvent, len(all))
	for i, e := range all {
		var ej entryJSON
		if err := json.Unmarshal(e.Data, &ej); err != nil {
			return fmt.Errorf("index: entry %d: %w", e.Index, err)
		}
		ej.Event.Concepts = ej.Concepts
		events[i] = ej.Event
	}
	var problems []report.IndexProblem
	if err := json.Unmarshal(meta.Problems, &problems); err != nil {
		return fmt.Errorf("index: problems: %w", err)
	}
	files, sum, err := batch.Index(events, problems, batch.IndexOptions{Top: f.Spec.Top, Reports: meta.Reports, Outlets: meta.Outlets})
	if err != nil {
		return err
	}
	w, err := st(f.Spec).output()
	if err != nil {
		return err
	}
	for _, file := range files {
		if err := w.Write(file); err != nil {
			return err
		}
	}
	if err := w.Commit(); err != nil {
		return err
	}
	emit(Counts{sum.Compared, sum.NotCompared, sum.Failed})
	return nil
}
