// Package par is biasdiff's one worker pool: it runs independent calls
// f(0), ..., f(n-1) on at most a given number of goroutines.
//
// jobs <= 0 means GOMAXPROCS (the number of CPUs unless the environment
// says otherwise), in every package and in the CLI's --jobs 0. The calls
// must be independent (each writes only its own results), so that what they
// compute does not depend on jobs or on the order they run in. When the
// context is done, no new call starts; the calls under way finish, and
// ForEach returns when they have.
package par

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Jobs is the number of goroutines jobs stands for: jobs itself if more
// than 0, GOMAXPROCS otherwise.
func Jobs(jobs int) int {
	if jobs <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return jobs
}

// ForEach calls f(i) for every i in [0, n) on at most jobs goroutines
// (jobs <= 0: GOMAXPROCS), until ctx is done.
func ForEach(ctx context.Context, n, jobs int, f func(i int)) {
	ForEachWorker(ctx, n, jobs, func() func(int) { return f })
}

// ForEachWorker is ForEach with a worker set up once per goroutine: the
// function made by worker is called for the indices that goroutine takes,
// so that each can keep scratch space of its own.
//
// Workers take the next index from a shared counter: handing each index
// over a channel cost more than the smallest calls it fed, and the feeding
// goroutine took a CPU from the workers. The caller's goroutine is one of
// the workers. No worker is made for no work.
func ForEachWorker(ctx context.Context, n, jobs int, worker func() func(int)) {
	jobs = min(Jobs(jobs), n)
	if jobs <= 0 || ctx.Err() != nil {
		return
	}
	done := ctx.Done() // nil for a context that is never done
	var next atomic.Int64
	run := func() {
		do := worker()
		for {
			select {
			case <-done:
				return
			default:
			}
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			do(i)
		}
	}
	var wg sync.WaitGroup
	for range jobs - 1 {
		wg.Go(run)
	}
	run()
	wg.Wait()
}
