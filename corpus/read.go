package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/htmlread"
	"github.com/biasdiff/biasdiff/corpus/mdread"
	"github.com/biasdiff/biasdiff/corpus/textenc"
	"github.com/biasdiff/biasdiff/corpus/textmap"
)

// Meta is an article's metadata as a reader, a sidecar or a manifest gives it.
type Meta struct {
	Title    string `yaml:"title"`
	Outlet   string `yaml:"outlet"`
	Date     string `yaml:"date"`
	URL      string `yaml:"url"`
	Language string `yaml:"lang"`
	// Event names the event or story the report belongs to, when the user
	// says so; reports with the same Event are grouped together.
	Event string `yaml:"event"`
}

// overlay returns m with every non-empty field of o put over it.
func (m Meta) overlay(o Meta) Meta {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&m.Title, o.Title)
	set(&m.Outlet, o.Outlet)
	set(&m.Date, o.Date)
	set(&m.URL, o.URL)
	set(&m.Language, o.Language)
	set(&m.Event, o.Event)
	return m
}

// doc is what a reader returns: metadata and the text, one block per line,
// mapped to the source.
type doc struct {
	meta   Meta
	text   textmap.Text
	format string
	record int
	offset int64 // JSON Lines: the byte offset of the record's line in the file
	// capture is true for text that still carries page chrome (plain text and
	// Markdown captured from the web); extracted HTML and news-please
	// maintext were cleaned by their extractor already.
	capture bool
	// titleFromText is true when the reader did not get a title from
	// metadata, so the cleaner looks for the headline in the text.
	titleFromText bool
	// notes are warnings about the reading ("line N: ..."): metadata keys
	// given twice, a guessed charset.
	notes []string
	// bad is why a record of a file of several (a JSON Lines line) could
	// not be read: the record is skipped with a warning, the others kept.
	bad error
}

// formats maps file extensions to the reader that takes them.
var formats = map[string]string{
	".txt": "txt", ".text": "txt",
	".md": "md", ".markdown": "md",
	".html": "html", ".htm": "html", ".xhtml": "html",
	".json":  "json",
	".jsonl": "jsonl", ".ndjson": "jsonl",
}

// formatOf returns the format for name by its extension, or "" if unknown.
func formatOf(name string) string {
	return formats[strings.ToLower(path.Ext(name))]
}

// sniff guesses the format of data with no telling extension.
func sniff(data []byte) string {
	if bom, n := textenc.BOM(data); strings.HasPrefix(bom, "utf-16") {
		data = []byte(textenc.DecodeUTF16(data[n:min(len(data), n+1024)], bom == "utf-16be"))
	}
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	switch {
	case bytes.HasPrefix(t, []byte("{")):
		if bytes.Count(bytes.TrimSpace(t), []byte("\n")) > 0 && json.Valid(firstLine(t)) {
			return "jsonl"
		}
		return "json"
	case bytes.HasPrefix(t, []byte("[")):
		return "json"
	case bytes.HasPrefix(t, []byte("---")):
		return "md"
	case bytes.HasPrefix(t, []byte("<")):
		low := bytes.ToLower(t[:min(len(t), 512)])
		if bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<!doctype html")) || bytes.Contains(low, []byte("<body")) {
			return "html"
		}
	}
	return "txt"
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

// checkText rejects data that is not text: empty, binary, or (but for
// HTML, which declares its charset, and UTF-16 with a byte order mark) not
// UTF-8; the error names the encoding the text looks like.
func checkText(data []byte, format string) error {
	if bom, n := textenc.BOM(data); strings.HasPrefix(bom, "utf-16") {
		if format == "json" || format == "jsonl" {
			name := strings.ToUpper(bom)
			return fmt.Errorf("%s, not UTF-8; convert it first, e.g. iconv -f %s -t UTF-8", name, name)
		}
		if strings.TrimSpace(strings.Trim(textenc.DecodeUTF16(data[n:], bom == "utf-16be"), "\ufeff")) == "" {
			return errors.New("empty file")
		}
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("empty file")
	}
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return errors.New("binary file (NUL bytes), not text")
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*20 > len(head) {
		return errors.New("binary file (control bytes), not text")
	}
	if format != "html" && !utf8.Valid(data) {
		off := validPrefix(data)
		line := bytes.Count(data[:off], []byte("\n")) + 1
		enc := textenc.Detect(data).Name
		return fmt.Errorf("not valid UTF-8 (line %d, byte %d); looks like %s; convert it first, e.g. iconv -f %s -t UTF-8", line, off, enc, enc)
	}
	return nil
}

func validPrefix(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// parse reads one file's bytes in the given format. Offsets count the
// characters of the file as decoded, a byte order mark included: text and
// Markdown after one are read without it and their offsets moved on by
// one; UTF-16 is decoded first. HTML is decoded by its reader.
// limit bounds one JSON Lines record (0: none).
func parse(data []byte, format string, limit int64) ([]doc, error) {
	skip := 0
	if format != "html" {
		switch bom, n := textenc.BOM(data); bom {
		case "utf-8":
			data, skip = data[n:], 1
		case "utf-16le", "utf-16be": // checkText let through only text and Markdown
			data, skip = []byte(textenc.DecodeUTF16(data[n:], bom == "utf-16be")), 1
		}
		if format != "txt" && format != "md" {
			skip = 0 // JSON offsets count runes of the "maintext" field
		}
	}
	switch format {
	case "txt":
		return []doc{{text: lines(string(data)).Shift(skip), format: "txt", capture: true, titleFromText: true}}, nil
	case "md":
		d, err := mdread.Read(data)
		if err != nil {
			return nil, err
		}
		m := d.Meta
		return []doc{{
			meta: Meta{Title: m.Title, Outlet: m.Outlet, Date: normDate(m.Date), URL: m.URL, Language: m.Language, Event: m.Extra["event"]},
			text: d.Text.Shift(skip), format: "md", capture: true, titleFromText: m.Title == "",
			notes: m.Warnings,
		}}, nil
	case "html":
		d, err := htmlread.Extract(data, "")
		if err != nil {
			return nil, err
		}
		m := d.Meta
		return []doc{{
			meta: Meta{Title: m.Title, Outlet: m.SiteName, Date: normDate(m.Published), URL: m.URL, Language: m.Language},
			text: d.Text, format: "html", titleFromText: m.Title == "", notes: d.Warnings,
		}}, nil
	case "json":
		return parseJSON(data)
	case "jsonl":
		return parseJSONL(data, limit)
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// newsPlease is the part of a news-please record biasdiff reads.
type newsPlease struct {
	Title        *string `json:"title"`
	Maintext     *string `json:"maintext"`
	Description  *string `json:"description"`
	DatePublish  *string `json:"date_publish"`
	SourceDomain *string `json:"source_domain"`
	URL          *string `json:"url"`
	Language     *string `json:"language"`
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func (n newsPlease) doc(format string, record int) (doc, error) {
	text := str(n.Maintext)
	if strings.TrimSpace(text) == "" {
		text = str(n.Description)
	}
	if strings.TrimSpace(text) == "" && strings.TrimSpace(str(n.Title)) == "" {
		return doc{}, errors.New(`no "maintext", "description" or "title"`)
	}
	return doc{
		meta: Meta{
			Title:    strings.TrimSpace(str(n.Title)),
			Outlet:   str(n.SourceDomain),
			Date:     normDate(str(n.DatePublish)),
			URL:      str(n.URL),
			Language: str(n.Language),
		},
		text:   lines(text),
		format: format, record: record,
	}, nil
}

func parseJSON(data []byte) ([]doc, error) {
	t := bytes.TrimSpace(data)
	if len(t) > 0 && t[0] == '[' {
		var recs []newsPlease
		if err := json.Unmarshal(t, &recs); err != nil {
			return nil, jsonError(data, err)
		}
		var docs []doc
		for i, r := range recs {
			d, err := r.doc("json", i+1)
			if err != nil {
				return nil, fmt.Errorf("record %d: %w", i+1, err)
			}
			docs = append(docs, d)
		}
		if len(docs) == 0 {
			return nil, errors.New("empty JSON array")
		}
		return docs, nil
	}
	var r newsPlease
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&r); err != nil {
		return nil, jsonError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("invalid JSON: more than one value (use .jsonl for one article a line)")
	}
	d, err := r.doc("json", 0)
	if err != nil {
		return nil, err
	}
	return []doc{d}, nil
}

// parseJSONL reads one news-please record a line. A line that is not a
// record, or is over limit bytes, is returned as a doc with bad set (and
// its line number as record), so that the caller skips it with a warning
// and keeps the others; the file is an error only when no line is good.
func parseJSONL(data []byte, limit int64) ([]doc, error) {
	var docs []doc
	var off int64
	good := 0
	var first error
	for i, line := range bytes.Split(data, []byte("\n")) {
		at := off
		off += int64(len(line)) + 1
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		d, err := jsonlRecord(line, i+1, limit)
		if err != nil {
			if first == nil {
				first = fmt.Errorf("line %d: %w", i+1, err)
			}
			docs = append(docs, doc{format: "jsonl", record: i + 1, offset: at, bad: err})
			continue
		}
		d.offset = at
		docs = append(docs, d)
		good++
	}
	switch {
	case good == 0 && first != nil:
		return nil, first
	case good == 0:
		return nil, errors.New("no JSON records")
	}
	return docs, nil
}

// jsonlRecord reads the record on line no of a JSON Lines file.
func jsonlRecord(line []byte, no int, limit int64) (doc, error) {
	if limit > 0 && int64(len(line)) > limit {
		return doc{}, fmt.Errorf("the record is %s, over the %s limit for one article (raise it with --max-bytes)", humanBytes(int64(len(line))), humanBytes(limit))
	}
	var r newsPlease
	if err := json.Unmarshal(line, &r); err != nil {
		return doc{}, jsonError(line, err)
	}
	return r.doc("jsonl", no)
}

// jsonError turns a decoding error into one that names the line and column.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		return fmt.Errorf("invalid news-please JSON: field %q must be a %s, not %s", te.Field, te.Type, te.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("invalid JSON: unexpected end of input")
	}
	if off < 0 || off > int64(len(data)) {
		return fmt.Errorf("invalid JSON: %v", err)
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1)
	if bytes.IndexByte(data, '\n') < 0 {
		return fmt.Errorf("invalid JSON at column %d: %v", col, err) // one line: its number is the caller's
	}
	return fmt.Errorf("invalid JSON at line %d, column %d: %v", line, col, err)
}

// normDate keeps the date part of common timestamp layouts ("2019-01-14
// 10:22:00", RFC 3339) and returns anything else as given.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return s
}

// lines turns raw text into one block per line, mapped to runes of src. Line ends are kept as "\n"; a soft wrap (a line that ends
// mid-sentence followed by one starting in lower case) is joined with a
// space that maps to the line break; "\r" is dropped.
func lines(src string) textmap.Text {
	var b textmap.Builder
	b.Grow(len(src))
	pos := 0
	for len(src) > 0 {
		line, rest, hasNL := strings.Cut(src, "\n")
		body := strings.TrimSuffix(line, "\r")
		pos = b.Copy(body, pos)
		if len(body) < len(line) {
			pos++ // the dropped "\r"
		}
		if hasNL {
			if softWrap(body, rest) {
				b.Replace(" ", pos, pos+1)
			} else {
				b.Replace("\n", pos, pos+1)
			}
			pos++
		}
		src = rest
	}
	return b.Text()
}

// softWrap reports whether the line break after line is a wrap inside a
// paragraph: line ends without closing punctuation and next starts with a
// lower-case letter.
func softWrap(line, next string) bool {
	line = strings.TrimRight(line, " \t\r")
	if line == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?:;…\"”»)]", r) {
		return false
	}
	next = strings.TrimLeft(next, " \t")
	if next == "" {
		return false
	}
	n, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(n)
}
