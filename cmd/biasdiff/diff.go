package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/biasdiff/biasdiff/report"
)

const diffUsage = `Usage: biasdiff diff [flags] A B

Shows two reports side by side: the statements both make, each with its
wording differences marked word by word ([-only in A-]{+only in B+}, in
red and green on a terminal), then
the sentences each has that the other lacks. A and B are files of one
article each, in any format biasdiff reads.

Examples:
  biasdiff diff wire.txt rewrite.html
  biasdiff diff --format md -o diff.md a.json b.json
`

func runDiff(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var c common
	var tx textFlags
	fs := newFlagSet("diff", diffUsage, stdout)
	c.register(fs, "text, md, json")
	tx.register(fs)
	arts, code := start(fs, &c, args, stdin, stderr)
	if code >= 0 {
		return code
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "biasdiff diff: want two files, A and B\nRun 'biasdiff diff --help' for usage.")
		return exitInput
	}
	if len(arts) != 2 {
		fmt.Fprintf(stderr, "biasdiff diff: want one article in each file, found %d in all\n", len(arts))
		return exitInput
	}
	if !tx.check("diff", stderr) {
		return exitInput
	}
	opt := tx.options(&c, stdout)
	return finish("diff", &c, func(b *bytes.Buffer) error {
		return report.Render(b, report.Diff(arts[0], arts[1]), c.format, opt)
	}, stdout, stderr)
}
