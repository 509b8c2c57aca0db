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
func ForEach(n int, worker func() func(int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
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
