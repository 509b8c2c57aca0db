package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/biasdiff/biasdiff/internal/outfile"
)

// checkDir checks that DIR can be replaced: it is new, an empty
// directory or the output of an earlier run holding nothing else (with
// force, anything else it holds is removed too), it is not a link, and it
// is neither inside an input directory (its files would be read as input
// by the next run) nor holding an input (the run would remove it). It
// returns DIR as an absolute path.
func checkDir(output string, paths []string, force bool) (string, error) {
	dir, err := filepath.Abs(output)
	if err != nil {
		return "", fmt.Errorf("%s: %w", output, err)
	}
	parent := filepath.Dir(dir)
	if filepath.Base(dir) == string(filepath.Separator) || dir == parent {
		return "", fmt.Errorf("%s: cannot replace the root directory", output)
	}
	switch fi, err := os.Stat(parent); {
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("%s: the directory %s does not exist", output, filepath.Dir(output))
	case err != nil:
		return "", fmt.Errorf("%s: %v", output, outfile.Cause(err))
	case !fi.IsDir():
		return "", fmt.Errorf("%s: %s is not a directory", output, filepath.Dir(output))
	}
	real := func(p string) string {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		return p
	}
	rdir := filepath.Join(real(parent), filepath.Base(dir))
	for _, p := range paths {
		if p == "-" {
			continue
		}
		ap, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		rp := real(ap)
		switch {
		case outfile.Within(rdir, rp):
			return "", fmt.Errorf("%s: is inside the input %s, so that the next run would read the reports as input; give a directory outside the corpus", output, p)
		case outfile.Within(rp, rdir):
			return "", fmt.Errorf("%s: holds the input %s, and the run replaces it; give another directory", output, p)
		}
	}
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("%s: %v", output, outfile.Cause(err))
	case fi.Mode()&os.ModeSymlink != 0:
		return "", fmt.Errorf("%s: is a symbolic link; give the directory it points to", output)
	case !fi.IsDir():
		return "", fmt.Errorf("%s: exists and is not a directory", output)
	default:
		if !replaceable(dir) {
			return "", fmt.Errorf("%s: exists and is not the output of biasdiff corpus (it has files but no index.json of one); give a new or empty directory", output)
		}
		if others := notOurs(dir); len(others) > 0 && !force {
			if len(others) > 5 {
				others = append(others[:5], fmt.Sprintf("and %d more", len(others)-5))
			}
			return "", fmt.Errorf("%s: holds files that an earlier run did not write (%s), which the run would remove; move them elsewhere, or give --force to remove them", output, strings.Join(others, ", "))
		}
	}
	return dir, nil
}

// ourFile matches the names of the files a run writes in DIR: the index
// and each event's reports, named by its id and label (e1-LABEL.md).
var ourFile = regexp.MustCompile(`^(index|e[0-9]+(-[^/]*)?)\.(md|html|json|csv|txt)$`)

// notOurs lists the entries of an earlier run's DIR that no run writes
// (a user's notes, a folder), in sorted order.
func notOurs(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var others []string
	for _, e := range entries {
		if e.Name() == runMark {
			continue // left by a run killed as it replaced DIR
		}
		if !e.Type().IsRegular() || !ourFile.MatchString(e.Name()) {
			name := e.Name()
			if e.IsDir() {
				name += "/"
			}
			others = append(others, name)
		}
	}
	return others
}

// replaceable tells whether an existing directory may be replaced: it is
// empty or holds the index.json of an earlier run.
func replaceable(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	if len(entries) == 0 {
		return true
	}
	data, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		return false
	}
	var idx struct {
		Title string `json:"title"`
	}
	return json.Unmarshal(data, &idx) == nil && strings.HasPrefix(idx.Title, "biasdiff corpus:")
}

// outDir is the hidden directory a run writes to, beside DIR, until it is
// renamed over DIR (commit) or removed (discard). Writes after a discard
// are dropped, so that a worker still running cannot leave files behind.
type outDir struct {
	dir, tmp string
	mark     []byte // the runMark of this run
	mu       sync.RWMutex
	closed   bool
}

// newOutDir makes the temporary directory for DIR (output as the user
// wrote it, for messages).
func newOutDir(dir, output string) (*outDir, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write in %s: %v", output, filepath.Dir(filepath.Clean(output)), outfile.Cause(err))
	}
	host, _ := os.Hostname()
	mark := fmt.Appendf(nil, "%d %s\n", os.Getpid(), host)
	if err := os.WriteFile(filepath.Join(tmp, runMark), mark, 0o644); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("%s: cannot write in %s: %v", output, filepath.Dir(filepath.Clean(output)), outfile.Cause(err))
	}
	return &outDir{dir: dir, tmp: tmp, mark: mark}, nil
}

// write writes one file of the output.
func (o *outDir) write(name string, data []byte) error {
	o.mu.RLock()
	defer o.mu.RUnlock()
	if o.closed {
		return errors.New("output discarded")
	}
	if err := os.WriteFile(filepath.Join(o.tmp, name), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %v", filepath.Join(o.dir, name), outfile.Cause(err))
	}
	return nil
}

// discard removes the temporary directory, unless committed.
func (o *outDir) discard() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return
	}
	o.closed = true
	os.RemoveAll(o.tmp)
}

// commit puts the temporary directory in DIR's place. Where DIR exists,
// the two are swapped in one step where the platform can (see exchange),
// else DIR is renamed aside first; the old output is then removed.
func (o *outDir) commit() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return errors.New("output discarded")
	}
	if err := os.Chmod(o.tmp, 0o755); err != nil {
		return fmt.Errorf("write %s: %v", o.dir, outfile.Cause(err))
	}
	old := ""
	if _, err := os.Lstat(o.dir); err == nil {
		// The previous output is marked as this run's, so that a later
		// run removes it if this one is killed before it does.
		_ = os.WriteFile(filepath.Join(o.dir, runMark), o.mark, 0o644)
		if exchange(o.tmp, o.dir) == nil {
			old = o.tmp // now the previous output
		} else {
			old = o.tmp + ".old"
			if err := os.Rename(o.dir, old); err != nil {
				return fmt.Errorf("replace %s: %v", o.dir, outfile.Cause(err))
			}
			if err := os.Rename(o.tmp, o.dir); err != nil {
				os.Rename(old, o.dir)
				return fmt.Errorf("replace %s: %v", o.dir, outfile.Cause(err))
			}
		}
	} else if err := os.Rename(o.tmp, o.dir); err != nil {
		return fmt.Errorf("replace %s: %v", o.dir, outfile.Cause(err))
	}
	o.closed = true
	os.Remove(filepath.Join(o.dir, runMark))
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove the previous output (now %s): %v", old, outfile.Cause(err))
		}
	}
	return nil
}

// runMark is the file in a run's temporary directory that names the
// process writing it ("PID HOST"), so that a later run can tell a
// directory left by a killed run from one still being written.
const runMark = ".biasdiff-run"

// removeStale removes the temporary directories beside DIR that earlier
// runs on this host left when they were killed (their process is gone),
// and those renamed aside by a run killed while replacing DIR. It returns
// the names removed.
func removeStale(dir string) []string {
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	matches, _ := filepath.Glob(filepath.Join(parent, "."+globEscape(base)+".tmp-*"))
	host, _ := os.Hostname()
	var removed []string
	for _, m := range matches {
		fi, err := os.Lstat(m)
		if err != nil || !fi.IsDir() {
			continue
		}
		stale := strings.HasSuffix(m, ".old")
		if !stale {
			data, err := os.ReadFile(filepath.Join(m, runMark))
			if err != nil {
				continue // not a run's, or one just begun
			}
			var pid int
			var h string
			if n, _ := fmt.Sscan(string(data), &pid, &h); n == 2 && h == host && !alive(pid) {
				stale = true
			}
		}
		if stale && os.RemoveAll(m) == nil {
			removed = append(removed, m)
		}
	}
	return removed
}

// globEscape escapes the metacharacters of filepath.Match in s.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Output is the directory a run replaces as a whole: files are written
// into a hidden directory beside it, which Commit renames over it and
// Discard removes. A pipeline opens it where it starts (OpenOutput), and
// its workers, which may be other processes on a shared file system,
// write into it through OutputAt.
type Output struct{ o *outDir }

// OpenOutput checks that DIR (output, as the user wrote it) can be
// replaced by a run reading paths, as Run does, removes the hidden
// directories that killed runs left beside it (their names are returned)
// and makes this run's. Its errors are *InputError about the directory.
func OpenOutput(output string, paths []string, force bool) (*Output, []string, error) {
	dir, err := checkDir(output, paths, force)
	if err != nil {
		return nil, nil, &InputError{Err: err, Dir: true}
	}
	removed := removeStale(dir)
	o, err := newOutDir(dir, output)
	if err != nil {
		return nil, removed, &InputError{Err: err, Dir: true}
	}
	return &Output{o}, removed, nil
}

// OutputAt is a handle on the output that OpenOutput made, from its Dir
// and Tmp, for another process: it writes and commits as the first.
func OutputAt(dir, tmp string) (*Output, error) {
	mark, err := os.ReadFile(filepath.Join(tmp, runMark))
	if err != nil {
		return nil, fmt.Errorf("open the output of a run: %v", outfile.Cause(err))
	}
	return &Output{&outDir{dir: dir, tmp: tmp, mark: mark}}, nil
}

// Dir is the directory replaced, as an absolute path; Tmp the hidden
// directory written until Commit.
func (o *Output) Dir() string { return o.o.dir }
func (o *Output) Tmp() string { return o.o.tmp }

// Write writes one file of the output; writing it again replaces it.
func (o *Output) Write(f File) error { return o.o.write(f.Name, f.Data) }

// Commit puts the files written in DIR's place, in one step where the
// platform can; Discard removes them, unless committed. After either,
// writes fail.
func (o *Output) Commit() error { return o.o.commit() }
func (o *Output) Discard()      { o.o.discard() }
