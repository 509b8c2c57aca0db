//go:build unix

package quote

import "syscall"

// cpuSeconds is the user+system CPU time of this process, so that the
// benchmark can report a throughput that does not depend on how busy a
// shared machine is.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
