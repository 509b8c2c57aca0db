//go:build unix

package batch

import (
	"errors"
	"syscall"
)

// alive tells whether the process pid still runs (or may: a process of
// another user counts as running).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
