package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/biasdiff/biasdiff/corpus"
)

// TestGenerate checks that the generator is deterministic and that biasdiff
// reads every report it writes, without a warning.
func TestGenerate(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := run(300, 0, dir, nil); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(a, "*"))
	for _, f := range files {
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b, filepath.Base(f)))
		if err != nil || string(x) != string(y) {
			t.Fatalf("%s differs between two runs", filepath.Base(f))
		}
	}
	var warnings []string
	arts, err := corpus.Load([]string{a}, corpus.Options{Warn: func(m string) { warnings = append(warnings, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 300 || len(warnings) > 0 {
		t.Errorf("read %d reports of 300; warnings: %q", len(arts), warnings)
	}
}
