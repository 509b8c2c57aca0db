package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGolden runs commands on the embedded sample and on the second story
// (testdata/story2) and compares their output
// with testdata/golden/*; run `go test ./cmd/biasdiff -run Golden -update`
// to accept a change after reading its diff.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"compare.md", []string{"compare", "--format", "md"}},
		{"compare.json", []string{"compare", "--format", "json"}},
		{"compare.txt", []string{"compare", "--format", "text", "--width", "120"}},
		// A second story, written for the tests (testdata/story2/README.md
		// lists the differences written into it).
		{"story2.md", []string{"compare", "--format", "md", "--top", "12", "../../testdata/story2"}},
		{"story2.html", []string{"compare", "--format", "html", "--top", "12", "../../testdata/story2"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(context.Background(), c.args, strings.NewReader(""), &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			path := filepath.Join("testdata", "golden", c.name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("output differs from %s (run with -update to accept):\n%s", path, out.String())
			}
		})
	}
}
