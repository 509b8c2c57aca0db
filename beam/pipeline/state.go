package pipeline

import (
	"context"
	"os"
	"runtime/debug"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/biasdiff/biasdiff/batch"
	"github.com/biasdiff/biasdiff/frame/lexicon"
)

// state is what a worker process keeps of the run it works for: the
// corpus read (its reports' metadata and where to read them again, not
// their text), the output and the concept files. A worker reads the
// corpus once, when a step first needs it; on Prism the steps share one
// process, so the corpus is read once a run.
type state struct {
	spec Spec

	readOnce sync.Once
	corpus   *batch.Corpus
	readErr  error

	outOnce sync.Once
	out     *batch.Output
	outErr  error

	lexOnce sync.Once
	lex     []*lexicon.Lexicon
	lexErr  error
}

// current is the state of the run this process works for: one run at a
// time, the last asked for (Spec.Run names it).
var current struct {
	mu sync.Mutex
	s  *state
}

// st is the process's state for the run of spec.
func st(spec Spec) *state {
	current.mu.Lock()
	defer current.mu.Unlock()
	if current.s == nil || current.s.spec.Run != spec.Run {
		current.s = &state{spec: spec}
		// The run's memory, as batch.Run sets it: the collector works
		// harder near it rather than let the heap double. Not when the
		// runner shares the process (Prism): its data would keep the heap
		// at the limit, and the collector running without end.
		if spec.Memory > 0 && !spec.Shared && os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(spec.Memory)
		}
		// The analysis allocates much and keeps little: twice the
		// collector's room, as batch.Run gives it, under that limit.
		if !spec.Shared && os.Getenv("GOGC") == "" {
			debug.SetGCPercent(200)
		}
	}
	return current.s
}

// forget drops the state of the run of spec, once it is over.
func forget(spec Spec) {
	current.mu.Lock()
	defer current.mu.Unlock()
	if current.s != nil && current.s.spec.Run == spec.Run {
		current.s = nil
	}
}

// open is the corpus of the run of spec, read on first use.
func open(ctx context.Context, spec Spec) (*batch.Corpus, error) {
	s := st(spec)
	s.readOnce.Do(func() {
		// Read once for every step of the worker: not stopped with the
		// bundle that asked first.
		s.corpus, s.readErr = batch.Read(context.WithoutCancel(ctx), spec.Paths, batch.ReadOptions{
			Manifest: spec.Manifest,
			MaxBytes: spec.MaxBytes,
			// One partition is the whole corpus: its features are kept as
			// it is read, as by batch.Run, rather than read again.
			Features: spec.Parts == 1,
			Warn:     func(msg string) { log.Warn(ctx, "warning: "+msg) },
		})
	})
	return s.corpus, s.readErr
}

// output is the run's output, as its workers write it.
func (s *state) output() (*batch.Output, error) {
	s.outOnce.Do(func() { s.out, s.outErr = batch.OutputAt(s.spec.Dir, s.spec.Tmp) })
	return s.out, s.outErr
}

// lexicons are the run's concept files, read on first use.
func (s *state) lexicons() ([]*lexicon.Lexicon, error) {
	s.lexOnce.Do(func() {
		for _, p := range s.spec.Concepts {
			l, err := lexicon.Load(p)
			if err != nil {
				s.lexErr = err
				return
			}
			s.lex = append(s.lex, l)
		}
	})
	return s.lex, s.lexErr
}
