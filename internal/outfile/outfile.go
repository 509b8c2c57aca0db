// Package outfile writes a command's report to the file given with -o
// without ever destroying a user's data.
//
// In: the output path as the user wrote it, and the paths the command reads
// (files and directories). Out: Check refuses an output that is one of the
// inputs (the same file, through any link), lies inside an input directory
// that the command walks, or is a directory; Write replaces a regular file
// atomically (a temporary file beside it, renamed over it, keeping its
// mode), follows a symbolic link and replaces its target the same way, and
// writes straight through to a character device or a FIFO (/dev/null, a
// pipe), reporting a failed write (ENOSPC on /dev/full) as an error.
//
// Cost: a few stat calls per input path; Write holds nothing but the bytes
// it is given.
package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// maxLinks bounds the symbolic links followed from the output path.
const maxLinks = 40

// Check refuses an output path that would overwrite or be read as one of
// inputs ("-" is standard input and never clashes), or that names a
// directory. Inputs may name files the command reads besides its reports
// (a manifest, a concept file): an output is never one of them.
func Check(output string, inputs []string) error {
	target, err := resolve(output)
	if err != nil {
		return fmt.Errorf("%s: %w", output, err)
	}
	fi, statErr := os.Stat(target)
	if statErr == nil && fi.IsDir() {
		return fmt.Errorf("%s: is a directory; give a file name", output)
	}
	for _, in := range inputs {
		if in == "-" || in == "" {
			continue
		}
		ii, err := os.Stat(in)
		if err != nil {
			continue // the reader names a missing input itself
		}
		if statErr == nil && os.SameFile(fi, ii) {
			return fmt.Errorf("%s: is the input %s; the report would replace it (give another file)", output, in)
		}
		if !ii.IsDir() {
			continue
		}
		rin, err := realPath(in)
		if err != nil {
			continue
		}
		if Within(target, rin) {
			return fmt.Errorf("%s: is inside the input directory %s, whose files are read as reports; give a file outside it", output, in)
		}
	}
	return nil
}

// Write writes data to path: atomically for a regular file (new or
// replaced), through a symbolic link to its target, and directly to a
// character device or a FIFO. A directory is an error.
func Write(path string, data []byte) error {
	target, err := resolve(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return writeAtomic(path, target, data, 0o644)
	case err != nil:
		return fmt.Errorf("write %s: %w", path, Cause(err))
	case fi.IsDir():
		return fmt.Errorf("write %s: is a directory", path)
	case fi.Mode()&(os.ModeCharDevice|os.ModeNamedPipe|os.ModeDevice|os.ModeSocket) != 0:
		return writeThrough(path, target, data)
	}
	return writeAtomic(path, target, data, fi.Mode().Perm())
}

// writeThrough writes to a device or a FIFO as it is.
func writeThrough(path, target string, data []byte) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, Cause(err))
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, Cause(err))
	}
	return nil
}

// writeAtomic writes a temporary file beside target and renames it over
// target, so that target is always whole: the old file or the new one.
func writeAtomic(path, target string, data []byte, perm os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, Cause(err))
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, perm)
	}
	if err == nil {
		err = os.Rename(tmp, target)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, Cause(err))
	}
	return nil
}

// resolve follows the symbolic links of path itself (a link may point to a
// file not yet made) and returns the absolute path of the file finally
// named, with the links of its directory resolved too.
func resolve(path string) (string, error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	for range maxLinks {
		dir, err := realPath(filepath.Dir(p))
		if err != nil {
			return "", fmt.Errorf("the directory %s: %w", filepath.Dir(path), Cause(err))
		}
		p = filepath.Join(dir, filepath.Base(p))
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", Cause(err)
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(dir, link)
		}
		p = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// realPath is the absolute path of an existing file with every link resolved.
func realPath(p string) (string, error) {
	a, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(a)
}

// Within tells whether the path p is dir or inside it (both absolute and
// clean, their links resolved by the caller).
func Within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Cause strips the *PathError or *LinkError wrapper of err, for a message
// that names the path itself.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
