// Command biasdiff compares how different outlets report the same events.
//
// Run `biasdiff --help` for the manual.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
