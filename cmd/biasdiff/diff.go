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
wording differences marked word by word ([-only in A-]{+only in B+}), then
the sentences each has that the other lacks. A and B are files of one
article each, in any format biasdiff reads.

Examples:
  biasdiff diff wire.txt rewrite.html
  biasdiff diff --format md -o diff.md a.json b.json
`

func runDiff(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var c common
	var width int
	fs := newFlagSet("diff", diffUsage, stdout)
	c.register(fs, "text, md, json")
	fs.IntVar(&width, "width", 0, "width of text tables in columns (default: the terminal's, else 100)")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if !checkFormat("diff", c.format, report.Formats, stderr) {
		return exitInput
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "biasdiff diff: want two files, A and B\nRun 'biasdiff diff --help' for usage.")
		return exitInput
	}
	arts, code := load("diff", &c, fs.Args(), stdin, stderr)
	if code >= 0 {
		return code
	}
	if len(arts) != 2 {
		fmt.Fprintf(stderr, "biasdiff diff: want one article in each file, found %d in all\n", len(arts))
		return exitInput
	}
	opt := report.Options{Width: width}
	if isTTY, w := terminal(stdout); c.output == "" && isTTY && opt.Width == 0 {
		opt.Width = w
	}
	var buf bytes.Buffer
	if err := report.Render(&buf, report.Diff(arts[0], arts[1]), c.format, opt); err != nil {
		fmt.Fprintf(stderr, "biasdiff diff: %v\n", err)
		return exitError
	}
	return emit("diff", c.output, buf.Bytes(), stdout, stderr)
}
