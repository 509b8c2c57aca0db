package par

import (
	"runtime"
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
