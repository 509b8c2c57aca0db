package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "r.md")
	if err := os.WriteFile(file, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("r.md", link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.md")
	if err := os.Symlink("sub/new.md", dangling); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name, path, read string // write to path, then read read
		mode             os.FileMode
		wantErr          string
	}{
		{name: "new file", path: filepath.Join(dir, "new.md"), read: filepath.Join(dir, "new.md"), mode: 0o644},
		{name: "replaced file keeps its mode", path: file, read: file, mode: 0o600},
		{name: "link: its target is replaced", path: link, read: file, mode: 0o600},
		{name: "dangling link: its target is made", path: dangling, read: filepath.Join(dir, "sub/new.md"), mode: 0o644},
		{name: "directory", path: filepath.Join(dir, "sub"), wantErr: "is a directory"},
		{name: "missing directory", path: filepath.Join(dir, "nope/r.md"), wantErr: "no such file or directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(tc.path, []byte("new"))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Write: err %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(tc.read)
			if err != nil || string(b) != "new" {
				t.Fatalf("%s holds %q, %v; want %q", tc.read, b, err, "new")
			}
			fi, err := os.Stat(tc.read)
			if err != nil || fi.Mode() != tc.mode {
				t.Errorf("%s: mode %v, want %v", tc.read, fi.Mode(), tc.mode)
			}
		})
	}
	for _, l := range []string{link, dangling} {
		if fi, err := os.Lstat(l); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link", l)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*tmp-*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// TestWriteFIFO: a named pipe is written through, and stays a pipe.
func TestWriteFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if err := Write(fifo, []byte("report")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "report" {
		t.Errorf("the reader got %q", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
}

// TestWriteDevice: /dev/full is written through (and the failure is an
// error), /dev/null too; neither is replaced.
func TestWriteDevice(t *testing.T) {
	for _, dev := range []string{"/dev/null", "/dev/full"} {
		fi, err := os.Stat(dev)
		if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			t.Skipf("%s is not a character device here", dev)
		}
	}
	if err := Write("/dev/null", []byte("report")); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
	err := Write("/dev/full", []byte("report"))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("/dev/full: err %v, want ENOSPC", err)
	}
	for _, dev := range []string{"/dev/null", "/dev/full"} {
		if fi, err := os.Stat(dev); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("%s is no longer a character device", dev)
		}
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	must(t, os.MkdirAll(filepath.Join(in, "sub"), 0o755))
	a := filepath.Join(in, "a.txt")
	must(t, os.WriteFile(a, []byte("x"), 0o644))
	other := filepath.Join(dir, "other.txt")
	must(t, os.WriteFile(other, []byte("x"), 0o644))
	hard := filepath.Join(dir, "hard.txt")
	must(t, os.Link(other, hard))
	inLink := filepath.Join(dir, "in-link")
	must(t, os.Symlink("in", inLink))

	tests := []struct {
		name, output string
		inputs       []string
		wantErr      string
	}{
		{"the input itself", a, []string{a}, "is the input"},
		{"a hard link of an input", hard, []string{other}, "is the input"},
		{"inside an input directory", filepath.Join(in, "sub", "r.md"), []string{in}, "is inside the input directory"},
		{"inside it through a link", filepath.Join(inLink, "r.md"), []string{in}, "is inside the input directory"},
		{"an input directory given through a link", filepath.Join(in, "r.md"), []string{inLink}, "is inside the input directory"},
		{"a directory", in, nil, "is a directory"},
		{"beside the inputs", filepath.Join(dir, "r.md"), []string{in, other, "-"}, ""},
		{"a missing input is the reader's business", filepath.Join(dir, "r.md"), []string{filepath.Join(dir, "gone")}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.output, tc.inputs)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("Check: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("Check: err %v, want %q", err, tc.wantErr)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
