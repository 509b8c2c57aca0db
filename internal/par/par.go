// Package par runs independent work on every CPU.
package par

import (
	"runtime"
	"sync"
)

// ForEach calls the function made by worker for every i in [0, n), on
// GOMAXPROCS goroutines. worker runs once per goroutine, so that each can
// keep scratch space of its own. The calls must be independent (each writes
// only its own results), so that results do not depend on the number of
// goroutines.
func ForEach(n int, worker func() func(int)) { ForEachN(n, 0, worker) }

// ForEachN is ForEach on at most jobs goroutines (0: GOMAXPROCS).
func ForEachN(n, jobs int, worker func() func(int)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			do := worker()
			for i := range next {
				do(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
