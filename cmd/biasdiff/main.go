// Command biasdiff compares how different outlets report the same events.
//
// Run `biasdiff --help` for the manual.
package main

import (
	"context"
	"os"
	"runtime/pprof"
)

func main() {
	os.Exit(profiled(func() int {
		return run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	}))
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
