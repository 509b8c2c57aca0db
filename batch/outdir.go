package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// checkDir checks that DIR can be replaced: it is new, an empty
// directory or the output of an earlier run, it is not a link, and it is
// neither inside an input directory (its files would be read as input by
// the next run) nor holding an input (the run would remove it). It returns
// DIR as an absolute path.
func checkDir(output string, paths []string) (string, error) {
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
		return "", fmt.Errorf("%s: %v", output, cause(err))
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
		case within(rdir, rp):
			return "", fmt.Errorf("%s: is inside the input %s, so that the next run would read the reports as input; give a directory outside the corpus", output, p)
		case within(rp, rdir):
			return "", fmt.Errorf("%s: holds the input %s, and the run replaces it; give another directory", output, p)
		}
	}
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("%s: %v", output, cause(err))
	case fi.Mode()&os.ModeSymlink != 0:
		return "", fmt.Errorf("%s: is a symbolic link; give the directory it points to", output)
	case !fi.IsDir():
		return "", fmt.Errorf("%s: exists and is not a directory", output)
	default:
		if !replaceable(dir) {
			return "", fmt.Errorf("%s: exists and is not the output of biasdiff corpus (it has files but no index.json of one); give a new or empty directory", output)
		}
	}
	return dir, nil
}

// within tells whether p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
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
	mu       sync.RWMutex
	closed   bool
}

// newOutDir makes the temporary directory for DIR (output as the user
// wrote it, for messages).
func newOutDir(dir, output string) (*outDir, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write in %s: %v", output, filepath.Dir(filepath.Clean(output)), cause(err))
	}
	return &outDir{dir: dir, tmp: tmp}, nil
}

// write writes one file of the output.
func (o *outDir) write(name string, data []byte) error {
	o.mu.RLock()
	defer o.mu.RUnlock()
	if o.closed {
		return errors.New("output discarded")
	}
	if err := os.WriteFile(filepath.Join(o.tmp, name), data, 0o644); err != nil {
		return fmt.Errorf("write %s: %v", filepath.Join(o.dir, name), cause(err))
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

// commit renames the temporary directory over DIR: the old DIR, if any,
// is first renamed aside, then removed.
func (o *outDir) commit() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return errors.New("output discarded")
	}
	if err := os.Chmod(o.tmp, 0o755); err != nil {
		return fmt.Errorf("write %s: %v", o.dir, cause(err))
	}
	old := ""
	if _, err := os.Lstat(o.dir); err == nil {
		old = o.tmp + ".old"
		if err := os.Rename(o.dir, old); err != nil {
			return fmt.Errorf("replace %s: %v", o.dir, cause(err))
		}
	}
	if err := os.Rename(o.tmp, o.dir); err != nil {
		if old != "" {
			os.Rename(old, o.dir)
		}
		return fmt.Errorf("replace %s: %v", o.dir, cause(err))
	}
	o.closed = true
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove the previous output (now %s): %v", old, cause(err))
		}
	}
	return nil
}

// cause strips the *PathError wrapper, whose path the message names itself.
func cause(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
