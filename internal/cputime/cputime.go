// Package cputime reads the CPU time this process has used, so that
// benchmarks can report throughput per CPU second, which does not depend on
// how busy a shared machine is.
package cputime

// Seconds is the user+system CPU time of this process, in seconds (0 where
// the platform does not tell).
func Seconds() float64 { return seconds() }
