// Package par runs independent work on every CPU.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// ForEach calls the function made by worker for every i in [0, n), on
// GOMAXPROCS goroutines. worker runs once per goroutine, so that each can
// keep scratch space of its own. The calls must be independent (each writes
// only its own results), so that results do not depend on the number of
// goroutines.
func ForEach(n int, worker func() func(int)) { ForEachN(n, 0, worker) }

// ForEachN is ForEach on at most jobs goroutines (0: GOMAXPROCS).
//
// Workers take the next index from a shared counter: handing each index
// over a channel cost more than the smallest calls it fed, and the feeding
// goroutine took a CPU from the workers. The caller's goroutine is one of
// the workers.
func ForEachN(n, jobs int, worker func() func(int)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, n)
	if jobs <= 0 {
		return
	}
	var next atomic.Int64
	run := func() {
		do := worker()
		for {
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
