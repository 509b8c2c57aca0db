package par

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

func TestForEach(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		out := make([]int, 1000)
		ForEach(len(out), func() func(int) {
			return func(i int) { out[i] = i * i }
		})
		runtime.GOMAXPROCS(old)
		for i, v := range out {
			if v != i*i {
				t.Fatalf("procs %d: out[%d] = %d", procs, i, v)
			}
		}
	}
	ForEach(0, func() func(int) { t.Fatal("worker made for no work"); return nil })
}

// TestForEachN: every index is done exactly once, by at most jobs workers.
func TestForEachN(t *testing.T) {
	for _, c := range []struct{ n, jobs int }{{1, 4}, {3, 8}, {1000, 1}, {1000, 3}, {5, 0}} {
		var mu sync.Mutex
		made := 0
		done := make([]int32, c.n)
		ForEachN(c.n, c.jobs, func() func(int) {
			mu.Lock()
			made++
			mu.Unlock()
			return func(i int) { atomic.AddInt32(&done[i], 1) }
		})
		for i, d := range done {
			if d != 1 {
				t.Fatalf("n=%d jobs=%d: index %d done %d times", c.n, c.jobs, i, d)
			}
		}
		limit := c.jobs
		if limit <= 0 {
			limit = runtime.GOMAXPROCS(0)
		}
		if made > min(limit, c.n) {
			t.Errorf("n=%d jobs=%d: %d workers made", c.n, c.jobs, made)
		}
	}
}
