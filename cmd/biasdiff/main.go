// Command biasdiff compares how different outlets report the same events.
//
// Run `biasdiff --help` for the manual.
package main

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
)

func main() {
	os.Exit(profiled(func() int {
		code := run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		heapProfile()
		return code
	}))
}

// heapProfile writes the heap profile at the end of a run to
// $BIASDIFF_MEMPROFILE when set (go tool pprof -sample_index=alloc_space
// shows where a run allocates).
func heapProfile() {
	name := os.Getenv("BIASDIFF_MEMPROFILE")
	if name == "" {
		return
	}
	out, err := os.Create(name)
	if err != nil {
		os.Stderr.WriteString("biasdiff: heap profile: " + err.Error() + "\n")
		return
	}
	defer out.Close()
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(out, 0); err != nil {
		os.Stderr.WriteString("biasdiff: heap profile: " + err.Error() + "\n")
	}
}

// profiled runs f, writing a CPU profile to $BIASDIFF_CPUPROFILE when set
// (for `go tool pprof`; used by scripts/bench.sh when asked).
func profiled(f func() int) int {
	name := os.Getenv("BIASDIFF_CPUPROFILE")
	if name == "" {
		return f()
	}
	out, err := os.Create(name)
	if err != nil {
		os.Stderr.WriteString("biasdiff: cpu profile: " + err.Error() + "\n")
		return 1
	}
	defer out.Close()
	if err := pprof.StartCPUProfile(out); err != nil {
		os.Stderr.WriteString("biasdiff: cpu profile: " + err.Error() + "\n")
		return 1
	}
	defer pprof.StopCPUProfile()
	return f()
}
