package corpus

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// manifestEntry is one row of a manifest: a file and the metadata to use for it.
type manifestEntry struct {
	Path string `yaml:"path"`
	Meta `yaml:",inline"`
}

// readManifestFile reads a manifest and keys its entries by absolute path,
// resolving relative paths against the manifest's directory. Its notes
// (keys ignored) go to warn, each naming the file and the line.
func readManifestFile(p string, warn func(string)) (map[string]Meta, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, &InputError{p, cause(err)}
	}
	dir, err := filepath.Abs(filepath.Dir(p))
	if err != nil {
		return nil, &InputError{p, err}
	}
	m, notes, err := parseManifest(p, data, dir)
	if err != nil {
		return nil, &InputError{p, err}
	}
	for _, n := range notes {
		warn(p + ": " + n)
	}
	return m, nil
}

// parseManifest reads a manifest in YAML (a list of entries, or a mapping
// with an "articles" list) or CSV (a header row naming path, outlet, date,
// title, url, lang). Entry paths are joined to dir. A key given twice in
// an entry keeps its first value and a key biasdiff does not read is
// ignored, each with a note "line N: ..." (see metaMapping); an entry
// without a path is an error.
func parseManifest(name string, data []byte, dir string) (map[string]Meta, []string, error) {
	var entries []manifestEntry
	var notes []string
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		var err error
		if entries, notes, err = parseManifestCSV(data); err != nil {
			return nil, nil, err
		}
	} else {
		var err error
		if entries, notes, err = parseManifestYAML(data); err != nil {
			return nil, nil, fmt.Errorf("invalid manifest: %v", err)
		}
	}
	out := map[string]Meta{}
	for i, e := range entries {
		if strings.TrimSpace(e.Path) == "" {
			return nil, nil, fmt.Errorf("invalid manifest: entry %d has no path", i+1)
		}
		p := filepath.FromSlash(e.Path)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		out[filepath.Clean(p)] = e.Meta
	}
	return out, notes, nil
}

// parseManifestYAML reads the entries of a YAML manifest.
func parseManifestYAML(data []byte) ([]manifestEntry, []string, error) {
	n, err := yamlRoot(data)
	if err != nil || n == nil {
		return nil, nil, err
	}
	var notes []string
	if n.Kind == yaml.MappingNode {
		var list *yaml.Node
		at := 0
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch k := n.Content[i]; {
			case k.Value == "articles" && list == nil:
				list, at = n.Content[i+1], k.Line
			case k.Value == "articles":
				notes = append(notes, fmt.Sprintf("line %d: key \"articles\" is given again (first at line %d); the first is used", k.Line, at))
			default:
				notes = append(notes, fmt.Sprintf("line %d: unknown key %q (a manifest is a list of entries, or \"articles\": a list); ignored", k.Line, k.Value))
			}
		}
		if list == nil {
			return nil, notes, nil
		}
		n = list
	}
	if n.Kind != yaml.SequenceNode {
		return nil, nil, fmt.Errorf("line %d: want a list of entries (path, outlet, date, title, url, lang, event)", n.Line)
	}
	var entries []manifestEntry
	for i, e := range n.Content {
		if e.Kind != yaml.MappingNode {
			return nil, nil, fmt.Errorf("line %d: entry %d is not a mapping of keys (path, outlet, ...)", e.Line, i+1)
		}
		m, got, _, ns := metaMapping(e, "path")
		notes = append(notes, ns...)
		entries = append(entries, manifestEntry{Path: got["path"], Meta: m})
	}
	return entries, notes, nil
}

func parseManifestCSV(data []byte) ([]manifestEntry, []string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, nil, fmt.Errorf("invalid manifest CSV: %v", err)
	}
	if len(rows) == 0 {
		return nil, nil, errors.New("invalid manifest CSV: no header row")
	}
	col := map[string]int{}
	var notes []string
	for i, h := range rows[0] {
		h = strings.ToLower(strings.TrimSpace(h))
		switch _, dup := col[h]; {
		case dup:
			notes = append(notes, fmt.Sprintf("line 1: column %q is given again (column %d); the first is used", h, i+1))
			continue
		case h != "path" && h != "language" && metaField(&Meta{}, h) == nil:
			notes = append(notes, fmt.Sprintf("line 1: unknown column %q (biasdiff reads path, %s); ignored", h, strings.Join(metaKeys, ", ")))
		}
		col[h] = i
	}
	if _, ok := col["path"]; !ok {
		return nil, nil, errors.New(`invalid manifest CSV: the header row has no "path" column`)
	}
	get := func(row []string, names ...string) string {
		for _, n := range names {
			if i, ok := col[n]; ok && i < len(row) {
				return strings.TrimSpace(row[i])
			}
		}
		return ""
	}
	var out []manifestEntry
	for _, row := range rows[1:] {
		out = append(out, manifestEntry{Path: get(row, "path"), Meta: Meta{
			Outlet: get(row, "outlet"), Date: get(row, "date"), Title: get(row, "title"),
			URL: get(row, "url"), Language: get(row, "lang", "language"), Event: get(row, "event"),
		}})
	}
	return out, notes, nil
}
