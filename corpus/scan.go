package corpus

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/biasdiff/biasdiff/corpus/textmap"
	"github.com/biasdiff/biasdiff/internal/par"
)

// Index is a corpus read by Scan: every article's metadata and counts, and
// what it takes to read any of them again in full. Memory grows with the
// number of articles, not with their text.
type Index struct {
	// Articles are the articles read, in the order Load gives them, with
	// their metadata, ID, Words and TitleSpan; their text (Sentences, Body,
	// Removed, Quotes) is empty until Reload.
	Articles []*Article

	srcs     []source
	manifest map[string]Meta
	stats    *lineStats
	limit    int64
	mu       sync.Mutex // guards loc
	loc      map[*Article]locator
}

// locator is where an article comes from: its source and, in a JSON Lines
// file, its record's line.
type locator struct {
	src    int
	offset int64 // JSON Lines: byte offset of the line; -1 otherwise
}

// Scan reads the articles at paths as Load does, for a corpus too large to
// hold: each article is finished, handed to opt.Tokens (where a caller
// collects what it needs: grouping features, repeats), and its text
// dropped. The files are read and processed opt.Jobs at a time, so that
// what is held at once is a few files, the index and the counts of
// repeated lines. Captured text (.txt, .md) is read twice: once to count
// the lines repeated across files, then to clean it with those counts.
// Quotes are not looked for (Reload finds them).
func Scan(paths []string, opt Options) (*Index, error) {
	srcs, manifest, err := walkAll(paths, opt)
	if err != nil {
		return nil, err
	}
	for i, s := range srcs {
		if s.path == "-" { // standard input cannot be read twice: keep it
			data, err := s.read()
			srcs[i].read = func() ([]byte, error) { return data, err }
		}
	}
	x := &Index{srcs: srcs, manifest: manifest, stats: newLineStats(), limit: maxBytes(opt), loc: map[*Article]locator{}}

	// Pass 1: finish what is not a capture; count the lines of captures.
	type result struct {
		arts     []*Article
		keys     [][]string // per capture document: its lineKeys
		captures bool
		bad      []string // warnings: records skipped, metadata ignored
		err      error
	}
	res := make([]result, len(srcs))
	par.ForEachWorker(context.Background(), len(srcs), opt.Jobs, func() func(int) {
		var w worker
		return func(i int) {
			ds, err := readSource(srcs[i], x.limit)
			if err != nil {
				res[i].err = err
				return
			}
			r := &res[i]
			for _, d := range ds {
				if d.bad != nil {
					r.bad = append(r.bad, badRecord(srcs[i].path, d))
					continue
				}
				r.bad = append(r.bad, srcs[i].notes(d, len(r.arts) == 0)...)
				d = srcs[i].withMeta(d, manifest, absKey)
				a := &Article{Path: srcs[i].path, Record: d.record, Format: d.format}
				r.arts = append(r.arts, a)
				if d.capture {
					r.captures = true
					r.keys = append(r.keys, lineKeys(splitLines(d.text)))
					continue
				}
				x.finish(a, &d, nil, &w, opt)
				x.setLoc(a, locator{i, offsetOf(d)})
			}
		}
	})
	for i, r := range res {
		if r.err != nil {
			if srcs[i].named && !opt.Skip {
				return nil, &InputError{srcs[i].path, r.err}
			}
			warn(opt, fmt.Sprintf("%s: skipped: %v", srcs[i].path, r.err))
			continue
		}
		for _, b := range r.bad {
			warn(opt, b)
		}
		for _, k := range r.keys {
			x.stats.addKeys(k)
		}
	}

	// Pass 2: clean the captures with the counts of all of them.
	var capt []int
	for i, r := range res {
		if r.err == nil && r.captures {
			capt = append(capt, i)
		}
	}
	par.ForEachWorker(context.Background(), len(capt), opt.Jobs, func() func(int) {
		var w worker
		return func(k int) {
			i := capt[k]
			ds, err := readSource(srcs[i], x.limit)
			if err == nil && len(ds) != len(res[i].arts) {
				err = errors.New("changed while being read")
			}
			if err != nil {
				res[i].err = fmt.Errorf("read again: %w", err)
				return
			}
			for j, d := range ds {
				if !d.capture {
					continue
				}
				d = srcs[i].withMeta(d, manifest, absKey)
				x.finish(res[i].arts[j], &d, splitLines(d.text), &w, opt)
				x.setLoc(res[i].arts[j], locator{i, offsetOf(d)})
			}
		}
	})
	for _, i := range capt {
		if err := res[i].err; err != nil {
			if srcs[i].named && !opt.Skip {
				return nil, &InputError{srcs[i].path, err}
			}
			warn(opt, fmt.Sprintf("%s: skipped: %v", srcs[i].path, err))
		}
	}
	for _, r := range res {
		if r.err == nil {
			x.Articles = append(x.Articles, r.arts...)
		}
	}
	if len(x.Articles) == 0 {
		return nil, errors.New("no readable articles in the input")
	}
	assignIDs(x.Articles)
	return x, nil
}

// finish fills a from d, hands its tokens to opt.Tokens and drops its text.
func (x *Index) finish(a *Article, d *doc, ls []*line, w *worker, opt Options) {
	finish(a, d, ls, x.stats, w, false)
	if opt.Tokens != nil {
		opt.Tokens(a, w.sents)
	}
	a.DropText()
	// A headline found in the text is cut from it: a copy lets the text go.
	a.Title = strings.Clone(a.Title)
}

func (x *Index) setLoc(a *Article, l locator) {
	x.mu.Lock()
	x.loc[a] = l
	x.mu.Unlock()
}

func offsetOf(d doc) int64 {
	if d.format == "jsonl" {
		return d.offset
	}
	return -1
}

// Reload reads the given articles of the index again and fills in their
// text (sentences, removals, quotes), as Load makes them. A file that
// vanished or changed since Scan is an *InputError naming it. Call
// Article.DropText when done with them.
func (x *Index) Reload(arts []*Article) error {
	var w worker
	for _, a := range arts {
		x.mu.Lock()
		l, ok := x.loc[a]
		x.mu.Unlock()
		if !ok {
			return fmt.Errorf("%s: not an article of this index", a.Path)
		}
		d, err := x.readDoc(l, a.Record)
		if err != nil {
			return &InputError{a.Path, fmt.Errorf("read again: %w", err)}
		}
		var ls []*line
		if d.capture {
			ls = splitLines(d.text)
		}
		b := &Article{Path: a.Path, Record: a.Record, Format: a.Format}
		finish(b, &d, ls, x.stats, &w, true)
		if b.Words != a.Words || b.Title != a.Title {
			return &InputError{a.Path, errors.New("changed while the run went on")}
		}
		a.Sentences, a.Body, a.Removed, a.Quotes, a.TitleSpan = b.Sentences, b.Body, b.Removed, b.Quotes, b.TitleSpan
	}
	return nil
}

// readDoc reads the document of record rec (0 for a file of one) at l
// again, with its metadata.
func (x *Index) readDoc(l locator, rec int) (doc, error) {
	s := x.srcs[l.src]
	var ds []doc
	var err error
	if l.offset >= 0 && s.path != "-" {
		ds, err = readLine(s.path, l.offset, x.limit)
	} else {
		ds, err = readSource(s, x.limit)
	}
	if err != nil {
		return doc{}, err
	}
	for _, d := range ds {
		if d.bad == nil && (d.record == rec || l.offset >= 0) {
			d.record, d.offset = rec, l.offset
			return s.withMeta(d, x.manifest, absKey), nil
		}
	}
	return doc{}, errors.New("changed while the run went on")
}

// readLine parses the JSON Lines record at byte offset off of the file.
func readLine(path string, off, limit int64) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, cause(err)
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil, cause(err)
	}
	line, err := bufio.NewReader(io.LimitReader(f, limit+1)).ReadBytes('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, cause(err)
	}
	if len(bytes.TrimSpace(line)) == 0 {
		return nil, errors.New("changed while the run went on")
	}
	return parseJSONL(line, limit)
}

// DropText frees the article's text (sentences, body, removals, quotes,
// kept tokens); its metadata and counts stay.
func (a *Article) DropText() {
	a.Sentences, a.Body, a.Removed, a.Quotes = nil, textmap.Joined{}, nil, nil
	a.DropTokens()
}
