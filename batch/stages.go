package batch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/biasdiff/biasdiff/align/group"
	"github.com/biasdiff/biasdiff/analysis"
	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/frame/lexicon"
	"github.com/biasdiff/biasdiff/internal/par"
	"github.com/biasdiff/biasdiff/report"
)

// The stages of a run, for Run and for a pipeline that runs them on other
// machines (the beam module): Read the corpus, Group its reports, take
// each event's Entry and Analyse it into its files, then Index the
// entries. Run is these stages in one process; a pipeline that groups the
// same reports into the same events writes the same bytes.

// ReadOptions configure Read.
type ReadOptions struct {
	// Manifest, MaxBytes, Stdin and Jobs are as in Options.
	Manifest string
	MaxBytes int64
	Stdin    io.Reader
	Jobs     int
	// Features keeps every report's grouping features as it is read, so
	// that Group need not read the text again: the memory of grouping the
	// whole corpus (about 50 KB a report), held from Read to Group.
	Features bool
	// Warn hears each warning of the reader (an input skipped, metadata
	// ignored), which Corpus.Problems lists too; nil: none.
	Warn func(msg string)
	// Added hears of each report read; nil: nothing. Both may be called
	// from several goroutines at once.
	Added func()
}

// Corpus is a corpus read by Read: its reports' metadata and counts, not
// their text, which Group (without features) and Analyse read again.
// Memory grows with the number of reports (their metadata and where to
// read them again), plus their grouping features with
// ReadOptions.Features.
type Corpus struct {
	// Articles are the reports kept, in input order, their text dropped:
	// the reports read less the repeats of another set aside. Event
	// member indexes (group.Event.Articles) index it.
	Articles []*corpus.Article
	// Read counts the reports read, repeats included; Outlets the
	// distinct outlets of Articles.
	Read, Outlets int
	// Problems are the inputs skipped and the repeats set aside, as the
	// index lists them; Skipped and Repeats count them.
	Problems         []report.IndexProblem
	Skipped, Repeats int

	index    *corpus.Index
	features *group.Collector // nil without ReadOptions.Features
}

// Read reads the corpus at paths as Run does: every report's metadata and
// counts, its text dropped, the repeats of another report set aside. An
// input that stops the run (no readable report) is an *InputError; a
// cancelled ctx returns its error while the reading goes on in the
// background.
//
// Cost: about nine times `wc -w` on the same files; memory as Corpus
// says, plus the fingerprints of repeats (a few hundred bytes a report)
// until it returns.
func Read(ctx context.Context, paths []string, opt ReadOptions) (*Corpus, error) {
	c := &Corpus{}
	var (
		mu      sync.Mutex
		repeats corpus.RepeatCollector
	)
	if opt.Features {
		c.features = new(group.Collector)
	}
	warn := func(msg string) {
		what, reason, skipped := strings.Cut(msg, ": skipped: ")
		if !skipped {
			what, reason = "", msg
		}
		mu.Lock()
		c.Problems = append(c.Problems, report.IndexProblem{What: what, Reason: reason})
		if skipped {
			c.Skipped++
		}
		mu.Unlock()
		if opt.Warn != nil {
			opt.Warn(msg)
		}
	}
	copt := corpus.Options{
		Manifest: opt.Manifest,
		MaxBytes: opt.MaxBytes,
		Stdin:    opt.Stdin,
		Warn:     warn,
		Skip:     true,
		Jobs:     opt.Jobs,
		NoQuotes: true,
		Tokens: func(a *corpus.Article, s [][]token.Token) {
			if c.features != nil {
				c.features.Tokens(a, s)
			}
			repeats.Tokens(a, s)
			if opt.Added != nil {
				opt.Added()
			}
		},
	}
	if err := wait(ctx, func() (err error) { c.index, err = corpus.Scan(paths, copt); return }); err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, &InputError{Err: err}
	}
	// Reports read twice (a copied file, a page saved in two formats) are
	// set aside before grouping, and listed.
	arts := c.index.Articles
	c.Read = len(arts)
	if dups := repeats.Duplicates(arts); len(dups) > 0 {
		repeat := make([]bool, len(arts))
		for _, d := range dups {
			repeat[d.Article] = true
			c.Problems = append(c.Problems, report.IndexProblem{What: arts[d.Article].Where(),
				Reason: fmt.Sprintf("repeats %s (%.0f%% of three-word runs shared): set aside", arts[d.Of].Where(), 100*d.Shared)})
		}
		kept := arts[:0:0]
		for i, a := range arts {
			if !repeat[i] {
				kept = append(kept, a)
			}
		}
		arts = kept
		c.Repeats = len(dups)
	}
	c.Articles = arts
	outlets := map[string]bool{}
	for _, a := range arts {
		outlets[a.Outlet] = true
	}
	c.Outlets = len(outlets)
	return c, nil
}

// Group groups reports into events with the grouper's defaults
// (align/group). sub are indexes into Articles, in increasing order (nil:
// all of them); the events' Articles index Articles too, and their IDs
// and order are those of group.Group over the reports of sub alone.
//
// Reports whose features Read kept are grouped from them; without them,
// each report is read again (as many at once as there are CPUs), its
// features taken and its text dropped: memory grows with the features of
// the reports of sub, as in Run. A report that cannot be read again (it
// vanished, or changed) is grouped without its text, and its error
// returned in unread.
func (c *Corpus) Group(sub []int) (events []group.Event, unread []error) {
	arts := c.Articles
	if sub != nil {
		arts = make([]*corpus.Article, len(sub))
		for k, i := range sub {
			arts[k] = c.Articles[i]
		}
	}
	features := c.features
	if features == nil {
		// Each report read again on every CPU, its features taken from its
		// tokens and its text dropped: what is held is the features, as
		// when Read keeps them.
		features = new(group.Collector)
		var mu sync.Mutex
		par.ForEach(context.Background(), len(arts), 0, func(k int) {
			a := arts[k]
			if err := c.index.Reload([]*corpus.Article{a}); err != nil {
				mu.Lock()
				unread = append(unread, err)
				mu.Unlock()
				return
			}
			sents := make([][]token.Token, len(a.Sentences))
			for i := range a.Sentences {
				sents[i] = a.PlainTokens(i)
			}
			features.Tokens(a, sents)
			a.DropText()
		})
		slices.SortFunc(unread, func(x, y error) int { return strings.Compare(x.Error(), y.Error()) })
	}
	events = group.Group(arts, group.Options{Features: features})
	if sub != nil {
		for k := range events {
			for j, i := range events[k].Articles {
				events[k].Articles[j] = sub[i]
			}
		}
	}
	return events, unread
}

// Entry is an event's entry in the index, with its status: compared when
// two outlets or more report it (then Analyse fills in the rest), else
// single or one-outlet, with the reason.
func (c *Corpus) Entry(e group.Event) report.IndexEvent {
	ie := report.IndexEvent{ID: e.ID, Label: e.Label, From: e.From, To: e.To, Reports: len(e.Articles), Outlets: []string{}, Status: report.IndexCompared}
	for _, i := range e.Articles {
		if o := c.Articles[i].Outlet; !slices.Contains(ie.Outlets, o) {
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

// Words is how many words the reports of event e have, for estimating
// the memory of its analysis (about bytesPerWord bytes a word).
func (c *Corpus) Words(e group.Event) int {
	n := 0
	for _, i := range e.Articles {
		n += c.Articles[i].Words
	}
	return n
}

// EventOptions configure Analyse; the fields are as in Options.
type EventOptions struct {
	Formats  []string
	Section  string
	Lexicons []*lexicon.Lexicon
	Top      int
	Sections []string
}

// File is one file of a run's output: its name in DIR and its bytes.
type File struct {
	Name string
	Data []byte
}

// Analyse compares the reports of event e (whose entry ie, from Entry, is
// compared) and returns the files of its report, one per format, filling
// in ie: its title, files, strongest contrast and concepts. A report that
// cannot be read again, a panic or a render error fails the event alone:
// ie says why, and no file is returned. A cancelled ctx returns no file.
//
// Cost: one analysis of the event's reports, read again from disk and
// dropped after; memory about bytesPerWord bytes a word of them at its
// peak.
func (c *Corpus) Analyse(ctx context.Context, e group.Event, ie *report.IndexEvent, opt EventOptions) (files []File) {
	defer func() {
		if p := recover(); p != nil {
			ie.Status, ie.Reason, ie.Files, ie.Contrast, ie.Concepts = report.IndexFailed, fmt.Sprintf("internal error: %v", p), nil, nil, nil
			files = nil
		}
	}()
	if failEvent != "" && failEvent == e.ID {
		panic("failed on purpose (" + failEnv + ")")
	}
	sub := make([]*corpus.Article, len(e.Articles))
	for k, i := range e.Articles {
		sub[k] = c.Articles[i]
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
		return nil
	}
	// The reports were grouped, and their repeats set aside, already: the
	// event is analysed as it is.
	one := group.Event{ID: e.ID, Label: e.Label, From: e.From, To: e.To, Articles: make([]int, len(sub))}
	for k := range sub {
		one.Articles[k] = k
	}
	res := analysis.Compare(analysis.Input{All: sub, Compared: sub, Events: []group.Event{one}}, analysis.Options{Lexicons: opt.Lexicons, Sections: opt.Sections})
	r := report.Build(res, report.BuildOptions{Top: opt.Top})
	if len(res.Events) == 1 {
		ie.Title = strings.Clone(res.Events[0].Name()) // the event's text is dropped after
	}
	base := e.ID
	if s := fileSlug(e.Label); s != "" {
		base += "-" + s
	}
	for _, format := range opt.Formats {
		if format == "csv" && report.CheckSection(r, opt.Section) != nil {
			continue // the event has no such table
		}
		var b bytes.Buffer
		if err := report.Render(&b, r, format, report.Options{Width: 100, Section: opt.Section}); err != nil {
			ie.Status, ie.Reason = report.IndexFailed, fmt.Sprintf("%s report: %v", format, err)
			return nil
		}
		files = append(files, File{base + FormatExt[format], b.Bytes()})
	}
	ie.Contrast, ie.Concepts = report.Summarize(r)
	if ctx.Err() != nil {
		return nil
	}
	for _, f := range files {
		ie.Files = append(ie.Files, f.Name)
	}
	return files
}

// AnalyseEach analyses the events todo (indexes into events and entries,
// whose entries are compared) as Analyse does, jobs at a time (0:
// GOMAXPROCS), and hands each event's files to write. The largest go
// first: a large event left to the end would run alone while the other
// workers idle. Events are analysed at once only while their estimates of
// memory (bytesPerWord a word) add up to three quarters of memory (0:
// DefaultMemory); one larger than that runs alone. done hears of each
// event. It returns ctx's error when ctx is done, else the first error of
// write (the other events are analysed all the same). The order changes
// no output: each event fills in its own entry.
func (c *Corpus) AnalyseEach(ctx context.Context, events []group.Event, entries []report.IndexEvent, todo []int, opt EventOptions, jobs int, memory int64, write func(File) error, done func()) error {
	if memory <= 0 {
		memory = DefaultMemory
	}
	words := make([]int, len(events))
	for _, i := range todo {
		words[i] = c.Words(events[i])
	}
	order := slices.Clone(todo)
	slices.SortStableFunc(order, func(x, y int) int { return words[y] - words[x] })
	budget := newBudget(memory * 3 / 4)
	var (
		mu    sync.Mutex
		fatal error
	)
	par.ForEach(ctx, len(order), jobs, func(k int) {
		i := order[k]
		need := budget.take(int64(words[i]) * bytesPerWord)
		defer budget.give(need)
		for _, f := range c.Analyse(ctx, events[i], &entries[i], opt) {
			if err := write(f); err != nil {
				mu.Lock()
				if fatal == nil {
					fatal = err
				}
				mu.Unlock()
				break
			}
		}
		if done != nil {
			done()
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	return fatal
}

// IndexOptions configure Index.
type IndexOptions struct {
	// Top bounds the index's table of labels (0: all), as Options.Top.
	Top int
	// Reports and Outlets are the corpus's counts (Corpus.Articles,
	// Corpus.Outlets).
	Reports, Outlets int
}

// Index makes the index of a run from every event's entry (Entry, then
// Analyse for those compared), in the order of the events, and the
// problems of the input (Corpus.Problems): index.md, index.html and
// index.json. The summary counts the events; Skipped and Repeats are left
// to the caller. When no event was compared, the error is an *InputError
// wrapping ErrNothing with the reason.
func Index(entries []report.IndexEvent, problems []report.IndexProblem, opt IndexOptions) ([]File, Summary, error) {
	var sum Summary
	for _, e := range entries {
		switch e.Status {
		case report.IndexCompared:
			sum.Compared++
		case report.IndexFailed:
			sum.Failed++
		default:
			sum.NotCompared++
		}
	}
	if sum.Compared == 0 {
		return nil, Summary{}, &InputError{Err: nothing(entries)}
	}
	idx := report.BuildIndex(entries, problems, report.IndexOptions{Top: opt.Top, Reports: opt.Reports, Outlets: opt.Outlets})
	r := idx.Report()
	var files []File
	for _, format := range indexFormats {
		var b bytes.Buffer
		if err := report.Render(&b, r, format, report.Options{}); err != nil {
			return nil, Summary{}, fmt.Errorf("index: %w", err)
		}
		files = append(files, File{"index" + FormatExt[format], b.Bytes()})
	}
	return files, sum, nil
}

// Features calls f with the grouping features of each report of sub
// (indexes into Articles), read again from its text, in the order of sub,
// from one goroutine: for a pipeline that weighs features across
// partitions (group.Extractor, group.Weight). The reports are read on
// every CPU. A report that can no longer be read is left out and its
// error returned.
//
// Cost: reading the reports again; memory of the features of sub.
func (c *Corpus) Features(sub []int, f func(i int, fs []group.Feature)) (unread []error) {
	fs := make([][]group.Feature, len(sub))
	errs := make([]error, len(sub))
	par.ForEachWorker(context.Background(), len(sub), 0, func() func(int) {
		var x group.Extractor
		return func(k int) {
			a := c.Articles[sub[k]]
			if err := c.index.Reload([]*corpus.Article{a}); err != nil {
				errs[k] = err
				return
			}
			sents := make([][]token.Token, len(a.Sentences))
			for i := range a.Sentences {
				sents[i] = a.PlainTokens(i)
			}
			fs[k] = x.Features(a, sents)
			a.DropText()
		}
	})
	for k, i := range sub {
		if errs[k] != nil {
			unread = append(unread, errs[k])
			continue
		}
		f(i, fs[k])
		fs[k] = nil
	}
	return unread
}
