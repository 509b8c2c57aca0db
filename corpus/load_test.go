package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeFiles writes name → text files under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Files that vanish, or turn into a directory, between the walk of a
// directory and their reading are skipped with a warning naming them; the
// rest is read.
func TestLoadFilesVanishing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "Talks resume\n\nThe ministers met on Monday to resume the talks.\n",
		"b.txt": "Talks go on\n\nThe talks went on for a second day on Tuesday.\n",
		"c.txt": "Talks end\n\nThe talks ended on Wednesday without a deal.\n",
	})
	afterWalk = func() {
		os.Remove(filepath.Join(dir, "b.txt"))
		os.Remove(filepath.Join(dir, "c.txt"))
		os.Mkdir(filepath.Join(dir, "c.txt"), 0o755)
	}
	defer func() { afterWalk = nil }()
	var warnings []string
	arts, err := Load([]string{dir}, Options{Warn: func(m string) { warnings = append(warnings, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Path != filepath.Join(dir, "a.txt") {
		t.Fatalf("read %d articles, want a.txt alone", len(arts))
	}
	slices.Sort(warnings)
	want := []string{
		filepath.Join(dir, "b.txt") + ": skipped: no such file or directory",
		filepath.Join(dir, "c.txt") + ": skipped: is a directory",
	}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
}

// A named file that cannot be read is an error, unless Options.Skip makes
// it a warning like the files of a directory; with nothing left to read,
// Load fails either way.
func TestLoadSkipNamed(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"good.txt":    "Talks resume\n\nThe ministers met on Monday to resume the talks.\n",
		"bad.json":    "{\"title\": ",
		"empty/.keep": "",
	})
	good, bad, missing, empty := filepath.Join(dir, "good.txt"), filepath.Join(dir, "bad.json"), filepath.Join(dir, "missing.txt"), filepath.Join(dir, "empty")
	for _, p := range []string{bad, missing, empty} {
		if _, err := Load([]string{good, p}, Options{}); err == nil || !strings.HasPrefix(err.Error(), p+": ") {
			t.Errorf("Load(good, %s) = %v, want an error naming it", p, err)
		}
	}
	var warnings []string
	arts, err := Load([]string{good, bad, missing, empty}, Options{Skip: true, Warn: func(m string) { warnings = append(warnings, m) }})
	if err != nil || len(arts) != 1 {
		t.Fatalf("with Skip: %d articles, %v; want good.txt alone", len(arts), err)
	}
	if len(warnings) != 4 {
		t.Errorf("with Skip: warnings %q, want one for each bad input and one for the hidden file", warnings)
	}
	for i, p := range []string{missing, empty, bad} {
		if i < len(warnings) && !strings.Contains(strings.Join(warnings, "\n"), p+": skipped: ") {
			t.Errorf("no warning names %s: %q", p, warnings)
		}
	}
	if _, err := Load([]string{bad, missing}, Options{Skip: true}); err == nil {
		t.Error("with Skip and nothing readable: no error")
	}
}

// Sidecars, NAME.yaml or NAME.yml beside NAME.txt in a directory, give
// their file's metadata; a file without one keeps its own.
func TestLoadSidecars(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":  "Talks resume\n\nThe ministers met on Monday to resume the talks.\n",
		"a.yaml": "outlet: Wire One\ndate: 2019-01-14\n",
		"b.txt":  "Talks go on\n\nThe talks went on for a second day on Tuesday.\n",
		"b.yml":  "outlet: Wire Two\n",
		"c.txt":  "Talks end\n\nThe talks ended on Wednesday without a deal.\n",
	})
	arts, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range arts {
		got[filepath.Base(a.Path)] = a.Outlet + "|" + a.Date
	}
	want := map[string]string{"a.txt": "Wire One|2019-01-14", "b.txt": "Wire Two|", "c.txt": "c|"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: outlet|date %q, want %q", k, got[k], v)
		}
	}
}
