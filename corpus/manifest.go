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

func yamlUnmarshal(data []byte, v any) error { return yaml.Unmarshal(data, v) }

// readManifestFile reads a manifest and keys its entries by absolute path,
// resolving relative paths against the manifest's directory.
func readManifestFile(p string) (map[string]Meta, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, &InputError{p, cause(err)}
	}
	dir, err := filepath.Abs(filepath.Dir(p))
	if err != nil {
		return nil, &InputError{p, err}
	}
	m, err := parseManifest(p, data, dir)
	if err != nil {
		return nil, &InputError{p, err}
	}
	return m, nil
}

// parseManifest reads a manifest in YAML (a list of entries, or a mapping
// with an "articles" list) or CSV (a header row naming path, outlet, date,
// title, url, lang). Entry paths are joined to dir.
func parseManifest(name string, data []byte, dir string) (map[string]Meta, error) {
	var entries []manifestEntry
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		var err error
		if entries, err = parseManifestCSV(data); err != nil {
			return nil, err
		}
	} else {
		t := bytes.TrimSpace(data)
		var err error
		if len(t) > 0 && t[0] != '-' && t[0] != '[' {
			var doc struct {
				Articles []manifestEntry `yaml:"articles"`
			}
			err = yaml.Unmarshal(data, &doc)
			entries = doc.Articles
		} else {
			err = yaml.Unmarshal(data, &entries)
		}
		if err != nil {
			return nil, fmt.Errorf("invalid manifest: %v", err)
		}
	}
	out := map[string]Meta{}
	for i, e := range entries {
		if strings.TrimSpace(e.Path) == "" {
			return nil, fmt.Errorf("invalid manifest: entry %d has no path", i+1)
		}
		p := filepath.FromSlash(e.Path)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		out[filepath.Clean(p)] = e.Meta
	}
	return out, nil
}

func parseManifestCSV(data []byte) ([]manifestEntry, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("invalid manifest CSV: %v", err)
	}
	if len(rows) == 0 {
		return nil, errors.New("invalid manifest CSV: no header row")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	if _, ok := col["path"]; !ok {
		return nil, errors.New(`invalid manifest CSV: the header row has no "path" column`)
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
	return out, nil
}
