package main

import (
	"regexp"
	"testing"

	"github.com/biasdiff/biasdiff/report"
)

// TestCompareUsageTables: compare --help describes every table compare
// prints, each section on a line of its own (not only in the list of the
// --sections flag).
func TestCompareUsageTables(t *testing.T) {
	for _, s := range report.Sections {
		if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(s) + ` +\S`).MatchString(compareUsage) {
			t.Errorf("compare --help does not describe the %q table", s)
		}
	}
}
