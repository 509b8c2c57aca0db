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

// TestGenerateWords checks that -words makes reports of about that many
// words.
func TestGenerateWords(t *testing.T) {
	dir := t.TempDir()
	if err := run(20, 3000, dir, nil); err != nil {
		t.Fatal(err)
	}
	arts, err := corpus.Load([]string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	words := 0
	for _, a := range arts {
		words += a.Words
	}
	if avg := words / len(arts); len(arts) != 20 || avg < 2000 || avg > 4500 {
		t.Errorf("%d reports of %d words on average, want 20 of about 3000", len(arts), avg)
	}
}
