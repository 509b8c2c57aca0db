//go:build !unix

package quote

func cpuSeconds() float64 { return 0 }
