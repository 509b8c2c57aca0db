package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"unicode"

	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/par"
)

// DefaultMaxBytes bounds the size of one input file that is not JSON Lines.
const DefaultMaxBytes = 32 << 20

// ManifestName is the manifest file looked for in each directory given.
const ManifestName = "biasdiff.yaml"

// Options control Load.
type Options struct {
	// Manifest is a manifest file (YAML or CSV) whose entries override the
	// metadata of the files they name. Empty: biasdiff.yaml in each
	// directory walked, if present.
	Manifest string
	// MaxBytes bounds one input file (0: DefaultMaxBytes); JSON Lines files
	// are bounded per line instead.
	MaxBytes int64
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Warn receives a line for each file of a directory that was skipped.
	Warn func(msg string)
	// Tokens, when set, is called once for each article as soon as it is
	// finished, with the tokens of each of its sentences, so that a later
	// stage (grouping) need not tokenize the text again. Calls come from
	// several goroutines at once; the slices are reused after the call.
	Tokens func(a *Article, sentences [][]token.Token)
	// Skip makes every input that cannot be read a warning, the files
	// named in paths too (by default an error), so that one bad file of a
	// large corpus does not stop the run; Load fails only when no article
	// is left.
	Skip bool
	// Jobs bounds the files read and processed at once (0: GOMAXPROCS,
	// as everywhere: see package par). With 0, Load, whose reading waits
	// on the disk as much as it parses, reads 4×GOMAXPROCS files at once.
	Jobs int
	// NoQuotes skips finding quotes (Article.Quotes stays empty), for
	// callers that do not use them: grouping.
	NoQuotes bool
}

// InputError is an input that could not be read, naming the path.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// source is one input file found by the walk, not yet read.
type source struct {
	path  string // as shown to the user
	read  func() ([]byte, error)
	size  int64
	named bool     // named on the command line (errors are fatal) rather than found in a directory
	sc    *sidecar // NAME.yaml, if any
	stat  bool     // size unknown (-1): look it up before reading
}

// Load reads the articles at paths (files, directories walked recursively
// in sorted order, "-" for stdin), cleans them and splits them. A named file
// that cannot be read is an *InputError; unreadable files found in a
// directory are skipped with a warning, and it is an error only when no
// article is left.
func Load(paths []string, opt Options) ([]*Article, error) {
	srcs, manifest, err := walkAll(paths, opt)
	if err != nil {
		return nil, err
	}
	return build(srcs, manifest, opt, absKey)
}

// walkAll lists the sources at paths, with the manifest that applies:
// --manifest, else those found in the directories walked.
func walkAll(paths []string, opt Options) ([]source, map[string]Meta, error) {
	var (
		srcs     []source
		manifest map[string]Meta
	)
	if opt.Manifest != "" {
		m, err := readManifestFile(opt.Manifest, func(msg string) { warn(opt, msg) })
		if err != nil {
			return nil, nil, err
		}
		manifest = m
	}
	dirManifests := map[string]map[string]Meta{}
	for _, p := range paths {
		got, man, err := walkOS(p, opt, dirManifests)
		var ie *InputError
		if opt.Skip && errors.As(err, &ie) {
			warn(opt, fmt.Sprintf("%s: skipped: %v", ie.Path, ie.Err))
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		srcs = append(srcs, got...)
		if opt.Manifest == "" {
			for k, v := range man {
				if manifest == nil {
					manifest = map[string]Meta{}
				}
				manifest[k] = v
			}
		}
	}
	if afterWalk != nil {
		afterWalk()
	}
	return srcs, manifest, nil
}

// docFile tells whether a file found in a directory documents the
// directory rather than reporting news: README, SOURCES, LICENSE and the
// like, in any case and with any extension. Named on the command line,
// such a file is read like any other.
func docFile(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	return docNames[base]
}

var docNames = map[string]bool{"README": true, "SOURCES": true, "LICENSE": true, "LICENCE": true, "COPYING": true,
	"CHANGELOG": true, "AUTHORS": true, "CONTRIBUTING": true}

// absKey is the manifest key of a path on disk: its absolute form.
func absKey(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// afterWalk, when set (by tests), runs between listing the files and
// reading them: where a file can vanish under a run.
var afterWalk func()

// LoadFS reads every article in fsys (the embedded sample), with the
// manifest biasdiff.yaml at its root if present.
func LoadFS(fsys fs.FS, opt Options) ([]*Article, error) {
	var srcs []source
	var manifest map[string]Meta
	if data, err := fs.ReadFile(fsys, ManifestName); err == nil {
		m, notes, err := parseManifest(ManifestName, data, ".")
		if err != nil {
			return nil, err
		}
		for _, n := range notes {
			warn(opt, ManifestName+": "+n)
		}
		manifest = m
	}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || formatOf(p) == "" {
			return err
		}
		srcs = append(srcs, source{path: p, read: func() ([]byte, error) { return fs.ReadFile(fsys, p) }, named: true})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return build(srcs, manifest, opt, path.Clean)
}

// walkOS lists the sources at one command-line path, and the manifest of a
// directory (keyed by absolute path).
//
// dirManifests holds the manifests of the directories of files named alone,
// read once each.
func walkOS(p string, opt Options, dirManifests map[string]map[string]Meta) ([]source, map[string]Meta, error) {
	if p == "-" {
		in := opt.Stdin
		if in == nil {
			in = os.Stdin
		}
		return []source{{path: "-", named: true, read: func() ([]byte, error) {
			return io.ReadAll(io.LimitReader(in, maxBytes(opt)+1))
		}}}, nil, nil
	}
	fi, err := os.Stat(p)
	if err != nil {
		return nil, nil, &InputError{p, cause(err)}
	}
	if !fi.IsDir() {
		if formatOf(p) == "" && path.Ext(p) != "" {
			return nil, nil, &InputError{p, unsupported(p)}
		}
		// A file named alone takes the manifest of its directory, as it
		// does when the directory is read.
		var manifest map[string]Meta
		if man := filepath.Join(filepath.Dir(p), ManifestName); opt.Manifest == "" && filepath.Base(p) != ManifestName {
			var done bool
			if manifest, done = dirManifests[man]; !done {
				if _, err := os.Stat(man); err == nil {
					if manifest, err = readManifestFile(man, func(msg string) { warn(opt, msg) }); err != nil {
						return nil, nil, err
					}
				}
				dirManifests[man] = manifest
			}
		}
		return []source{osSource(p, fi.Size(), true)}, manifest, nil
	}
	var srcs []source
	var manifest map[string]Meta
	entries := 0               // the files of the directory, whatever they are
	yamls := map[string]bool{} // the YAML files seen, for sidecars
	err = filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
		if err != nil {
			warn(opt, fmt.Sprintf("%s: skipped: %v", fp, cause(err)))
			if d != nil && d.IsDir() && fp != p {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if fp != p && strings.HasPrefix(name, ".") {
				warn(opt, fmt.Sprintf("%s: skipped: a hidden directory (name it to read it)", fp))
				return fs.SkipDir
			}
			return nil
		}
		entries++
		if strings.HasPrefix(name, ".") {
			warn(opt, fmt.Sprintf("%s: skipped: a hidden file (name it to read it)", fp))
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(fp); err == nil && fi.IsDir() {
				warn(opt, fmt.Sprintf("%s: skipped: a link to a directory, not followed (name it to read it)", fp))
				return nil
			}
		}
		if name == ManifestName && opt.Manifest == "" {
			m, err := readManifestFile(fp, func(msg string) { warn(opt, msg) })
			if err != nil {
				return err
			}
			if manifest == nil {
				manifest = map[string]Meta{}
			}
			for k, v := range m {
				manifest[k] = v
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		if ext == ".yaml" || ext == ".yml" || ext == ".csv" {
			if ext != ".csv" {
				yamls[fp] = true
			}
			return nil // sidecars and manifests
		}
		if docFile(name) {
			warn(opt, fmt.Sprintf("%s: skipped: a documentation file, not an article (name it to read it)", fp))
			return nil
		}
		if formatOf(name) == "" {
			warn(opt, fmt.Sprintf("%s: skipped: %v", fp, unsupported(fp)))
			return nil
		}
		// The size is looked up when the file is read, on every CPU.
		srcs = append(srcs, source{path: fp, size: -1, read: readOS(fp), stat: true})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	// Sidecars are looked for only where the walk saw one: a file open
	// that fails costs as much as one that reads.
	for i := range srcs {
		stem := strings.TrimSuffix(srcs[i].path, filepath.Ext(srcs[i].path))
		if yamls[stem+".yaml"] || yamls[stem+".yml"] {
			srcs[i].sc = readSidecar(srcs[i].path)
		}
	}
	if len(srcs) == 0 {
		what := "no article files (.txt .md .html .htm .json .jsonl)"
		if entries == 0 {
			what = "no article files: the directory is empty"
		}
		return nil, nil, &InputError{p, errors.New(what)}
	}
	return srcs, manifest, nil
}

func osSource(p string, size int64, named bool) source {
	return source{path: p, size: size, named: named, read: readOS(p), sc: readSidecar(p)}
}

func readOS(p string) func() ([]byte, error) {
	return func() ([]byte, error) { return os.ReadFile(p) }
}

// sidecar is a NAME.yaml (or NAME.yml) file next to NAME.ext: metadata
// for every article file of that name.
type sidecar struct {
	path  string
	meta  Meta
	lines map[string]int // the line of each key set
	notes []string       // "line N: ..." for keys ignored, or the file
}

// readSidecar reads the sidecar of p, if there is one.
func readSidecar(p string) *sidecar {
	stem := strings.TrimSuffix(p, filepath.Ext(p))
	for _, ext := range []string{".yaml", ".yml"} {
		data, err := os.ReadFile(stem + ext)
		if err != nil {
			continue
		}
		m, lines, notes := parseSidecar(data)
		return &sidecar{path: stem + ext, meta: m, lines: lines, notes: notes}
	}
	return nil
}

// sideNotes are the warnings a source's sidecar gives, if any: its keys
// ignored, and each value it sets over a different one the file itself
// gives (file is the metadata the file's reader found).
func (s source) sideNotes(file Meta) []string {
	sc := s.sc
	if sc == nil {
		return nil
	}
	var out []string
	for _, n := range sc.notes {
		out = append(out, sc.path+": "+n)
	}
	for _, key := range metaKeys {
		own, side := metaField(&file, key), metaField(&sc.meta, key)
		if *own != "" && *side != "" && *own != *side {
			out = append(out, fmt.Sprintf("%s: line %d: %s %q is used for %s, over the %q the file gives", sc.path, sc.lines[key], key, *side, s.path, *own))
		}
	}
	return out
}

func unsupported(p string) error {
	if filepath.Ext(p) == "" {
		return errors.New("no file extension to tell its format (biasdiff reads .txt .md .html .htm .json .jsonl)")
	}
	return fmt.Errorf("unsupported file type %q (biasdiff reads .txt .md .html .htm .json .jsonl)", filepath.Ext(p))
}

// cause strips the *PathError wrapper, whose path the caller names itself.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func warn(opt Options, msg string) {
	if opt.Warn != nil {
		opt.Warn(msg)
	}
}

func maxBytes(opt Options) int64 {
	if opt.MaxBytes > 0 {
		return opt.MaxBytes
	}
	return DefaultMaxBytes
}

// build reads every source, applies metadata, and runs the pipeline.
func build(srcs []source, manifest map[string]Meta, opt Options, key func(string) string) ([]*Article, error) {
	var arts []*Article
	var docs []doc
	limit := maxBytes(opt)
	type result struct {
		ds  []doc
		err error
	}
	read := make([]result, len(srcs))
	// Reading waits on the disk as much as it parses: more readers than
	// CPUs keep the CPUs busy.
	readers := opt.Jobs
	if readers <= 0 {
		readers = 4 * runtime.GOMAXPROCS(0)
	}
	par.ForEachWorker(context.Background(), len(srcs), readers, func() func(int) {
		return func(i int) { read[i].ds, read[i].err = readSource(srcs[i], limit) }
	})
	for i, s := range srcs {
		ds, err := read[i].ds, read[i].err
		if err != nil {
			if s.named && !opt.Skip {
				return nil, &InputError{s.path, err}
			}
			warn(opt, fmt.Sprintf("%s: skipped: %v", s.path, err))
			continue
		}
		first := true
		for _, d := range ds {
			if d.bad != nil {
				warn(opt, badRecord(s.path, d))
				continue
			}
			for _, n := range s.notes(d, first) {
				warn(opt, n)
			}
			first = false
			d = s.withMeta(d, manifest, key)
			a := &Article{Path: s.path, Record: d.record, Format: d.format}
			arts = append(arts, a)
			docs = append(docs, d)
		}
	}
	if len(arts) == 0 {
		return nil, errors.New("no readable articles in the input")
	}
	process(arts, docs, opt)
	assignIDs(arts)
	return arts, nil
}

// withMeta overlays the source's sidecar and manifest entry on the
// metadata the document carries.
func (s source) withMeta(d doc, manifest map[string]Meta, key func(string) string) doc {
	if s.sc != nil {
		d.meta = d.meta.overlay(s.sc.meta)
	}
	if over, ok := manifest[key(s.path)]; ok {
		d.meta = d.meta.overlay(over)
	}
	if d.meta.Title != "" {
		d.titleFromText = false
	}
	return d
}

func readSource(s source, limit int64) ([]doc, error) {
	format := formatOf(s.path)
	if s.stat {
		fi, err := os.Stat(s.path)
		if err != nil {
			return nil, cause(err)
		}
		if fi.IsDir() {
			return nil, errors.New("is a directory")
		}
		s.size = fi.Size()
	}
	if format != "jsonl" && s.size > limit {
		return nil, fmt.Errorf("file is %s, over the %s limit for one article (raise it with --max-bytes)", humanBytes(s.size), humanBytes(limit))
	}
	data, err := s.read()
	if err != nil {
		return nil, cause(err)
	}
	if format != "jsonl" && int64(len(data)) > limit {
		return nil, fmt.Errorf("input is over the %s limit for one article (raise it with --max-bytes)", humanBytes(limit))
	}
	if format == "" {
		format = sniff(data)
	}
	if err := checkText(data, format); err != nil {
		return nil, err
	}
	return parse(data, format, limit)
}

// notes are the warnings about a document: its reader's (front matter
// keys given twice, a guessed charset) and, for the first document read
// from the source (first), its sidecar's.
func (s source) notes(d doc, first bool) []string {
	var out []string
	for _, n := range d.notes {
		out = append(out, s.path+": "+n)
	}
	if first {
		out = append(out, s.sideNotes(d.meta)...)
	}
	return out
}

// badRecord is the warning for a record of a file skipped: "PATH:LINE:
// skipped: why".
func badRecord(path string, d doc) string {
	return fmt.Sprintf("%s:%d: skipped: %v", path, d.record, d.bad)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// assignIDs gives each article a short readable id from its file name,
// made unique in order of input.
func assignIDs(arts []*Article) {
	seen := map[string]bool{}
	for _, a := range arts {
		base := "stdin"
		if a.Path != "-" {
			base = strings.TrimSuffix(filepath.Base(a.Path), filepath.Ext(a.Path))
		}
		if a.Record > 0 {
			base += "-" + strconv.Itoa(a.Record)
		}
		base = slug(base)
		id := base
		for n := 2; seen[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		seen[id] = true
		a.ID = id
	}
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		case unicode.IsLetter(r):
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "article"
	}
	return b.String()
}
