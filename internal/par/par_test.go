package par

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// TestForEach: every index is done exactly once, each writing its own
// result, whatever jobs and GOMAXPROCS; at most jobs workers are made
// (GOMAXPROCS for jobs <= 0) and none for no work.
func TestForEach(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, c := range []struct{ n, jobs int }{
			{0, 0}, {0, 3}, {1, 4}, {3, 8}, {5, 0}, {5, -1}, {1000, 1}, {1000, 3}, {1000, 0},
		} {
			var mu sync.Mutex
			made := 0
			done := make([]int32, c.n)
			out := make([]int, c.n)
			ForEachWorker(context.Background(), c.n, c.jobs, func() func(int) {
				mu.Lock()
				made++
				mu.Unlock()
				return func(i int) {
					atomic.AddInt32(&done[i], 1)
					out[i] = i * i
				}
			})
			for i, d := range done {
				if d != 1 || out[i] != i*i {
					t.Fatalf("procs %d n=%d jobs=%d: index %d done %d times, out %d", procs, c.n, c.jobs, i, d, out[i])
				}
			}
			if limit := min(Jobs(c.jobs), c.n); made > limit {
				t.Errorf("procs %d n=%d jobs=%d: %d workers made, want at most %d", procs, c.n, c.jobs, made, limit)
			}
			sum := int64(0)
			ForEach(context.Background(), c.n, c.jobs, func(i int) { atomic.AddInt64(&sum, int64(i)) })
			if want := int64(c.n * (c.n - 1) / 2); sum != want {
				t.Errorf("procs %d n=%d jobs=%d: ForEach sum %d, want %d", procs, c.n, c.jobs, sum, want)
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

func TestJobs(t *testing.T) {
	for _, c := range []struct{ in, want int }{{0, runtime.GOMAXPROCS(0)}, {-2, runtime.GOMAXPROCS(0)}, {1, 1}, {7, 7}} {
		if got := Jobs(c.in); got != c.want {
			t.Errorf("Jobs(%d) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestCancel: once the context is done no new call starts; a context done
// before the start runs nothing.
func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ForEach(ctx, 10, 2, func(int) { t.Error("call after cancel") })

	for _, jobs := range []int{1, 3} {
		ctx, cancel := context.WithCancel(context.Background())
		var calls atomic.Int32
		ForEach(ctx, 1000, jobs, func(i int) {
			switch c := calls.Add(1); {
			case c == 10:
				cancel()
			case c > 10:
				<-ctx.Done() // started before the cancel: let it finish after
			}
		})
		// Each other worker may have started one call after the tenth began
		// and before it cancelled.
		if got := calls.Load(); got < 10 || got > int32(10+jobs-1) {
			t.Errorf("jobs %d: %d calls, want 10 to %d", jobs, got, 10+jobs-1)
		}
		cancel()
	}
}
