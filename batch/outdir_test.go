package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// commit replaces an earlier output as a whole, leaving neither the
// temporary directory nor the mark of the run behind.
func TestCommitReplaces(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	for i, files := range [][]string{{"index.json", "e1-old.md"}, {"index.json", "e1-new.md"}} {
		o, err := newOutDir(dir, "out")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := o.write(f, []byte(fmt.Sprint(i))); err != nil {
				t.Fatal(err)
			}
		}
		if err := o.commit(); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadDir(dir)
		var names []string
		for _, e := range got {
			names = append(names, e.Name())
		}
		slices.Sort(files)
		if !slices.Equal(names, files) {
			t.Errorf("run %d: DIR holds %v, want %v", i, names, files)
		}
	}
	left, _ := os.ReadDir(parent)
	if len(left) != 1 {
		t.Errorf("beside DIR: %v, want DIR alone", left)
	}
}

// A temporary directory of a run that was killed is removed by the next
// run; one of a run still going, or not a run's, is left alone.
func TestRemoveStale(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out[1]")
	host, _ := os.Hostname()
	mk := func(name, mark string) string {
		p := filepath.Join(parent, name)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if mark != "" {
			if err := os.WriteFile(filepath.Join(p, runMark), []byte(mark), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	dead := mk(".out[1].tmp-111", fmt.Sprintf("%d %s\n", deadPID(t), host))
	aside := mk(".out[1].tmp-222.old", "")
	running := mk(".out[1].tmp-333", fmt.Sprintf("%d %s\n", os.Getpid(), host))
	elsewhere := mk(".out[1].tmp-444", fmt.Sprintf("%d %s\n", deadPID(t), host+"-other"))
	unmarked := mk(".out[1].tmp-555", "")
	otherDir := mk(".out.tmp-666", fmt.Sprintf("%d %s\n", deadPID(t), host))

	got := removeStale(dir)
	slices.Sort(got)
	if want := []string{dead, aside}; !slices.Equal(got, want) {
		t.Errorf("removed %v, want %v", got, want)
	}
	for _, p := range []string{running, elsewhere, unmarked, otherDir} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", p)
		}
	}
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	for pid := 1 << 22; pid > 1<<20; pid-- {
		if !alive(pid) {
			return pid
		}
	}
	t.Skip("no free process id")
	return 0
}

// An earlier output that holds files no run writes is refused, unless
// forced; the files are named.
func TestCheckDirForeignFiles(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	os.MkdirAll(filepath.Join(dir, "pics"), 0o755)
	for _, f := range []string{"index.json", "index.md", "e1-talks.md", "e12.html", "notes.txt", runMark} {
		data := "x"
		if f == "index.json" {
			data = `{"title": "biasdiff corpus: 2 events"}`
		}
		os.WriteFile(filepath.Join(dir, f), []byte(data), 0o644)
	}
	_, err := checkDir(dir, nil, false)
	if err == nil || !strings.Contains(err.Error(), "(notes.txt, pics/)") || !strings.Contains(err.Error(), "--force") {
		t.Errorf("checkDir: %v, want notes.txt and pics/ named", err)
	}
	if _, err := checkDir(dir, nil, true); err != nil {
		t.Errorf("checkDir with force: %v", err)
	}
}
