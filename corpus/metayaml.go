package corpus

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// metaKeys are the keys of a sidecar or a manifest entry, with the field
// each fills; a manifest entry has "path" besides.
var metaKeys = []string{"title", "outlet", "date", "url", "lang", "event"}

// metaField returns the field of m a key names, or nil.
func metaField(m *Meta, key string) *string {
	switch key {
	case "title":
		return &m.Title
	case "outlet":
		return &m.Outlet
	case "date":
		return &m.Date
	case "url":
		return &m.URL
	case "lang", "language":
		return &m.Language
	case "event":
		return &m.Event
	}
	return nil
}

// metaMapping reads a YAML mapping of metadata keys (a sidecar, a manifest
// entry) into m. One rule for every metadata file: a key given twice keeps
// its first value, and a key biasdiff does not read is ignored, each with
// a note "line N: ..." naming the key; extra are further keys the caller
// reads itself (a manifest's "path"), returned by name. lines gets the
// line of each field set, by key.
func metaMapping(n *yaml.Node, extra ...string) (m Meta, got map[string]string, lines map[string]int, notes []string) {
	lines = map[string]int{}
	got = map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := strings.ToLower(strings.TrimSpace(k.Value))
		if at, dup := lines[key]; dup {
			notes = append(notes, fmt.Sprintf("line %d: key %q is given again (first at line %d); the first is used", k.Line, key, at))
			continue
		}
		val := ""
		if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			val = strings.TrimSpace(v.Value)
		} else if v.Kind != yaml.ScalarNode {
			notes = append(notes, fmt.Sprintf("line %d: key %q is not a single value; ignored", k.Line, key))
			continue
		}
		switch f := metaField(&m, key); {
		case f != nil:
			*f = val
		case containsString(extra, key):
			got[key] = val
		default:
			notes = append(notes, fmt.Sprintf("line %d: unknown key %q (biasdiff reads %s); ignored", k.Line, key, strings.Join(append(extra, metaKeys...), ", ")))
			continue
		}
		lines[key] = k.Line
	}
	return m, got, lines, notes
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// yamlRoot parses data and returns its top node (nil for an empty file).
func yamlRoot(data []byte) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		return root.Content[0], nil
	}
	return nil, nil
}

// parseSidecar reads a NAME.yaml sidecar: a mapping of metadata keys. A
// sidecar that is not one is ignored, with a note saying why.
func parseSidecar(data []byte) (Meta, map[string]int, []string) {
	n, err := yamlRoot(data)
	switch {
	case err != nil:
		return Meta{}, nil, []string{"ignored: " + err.Error()}
	case n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return Meta{}, nil, nil
	case n.Kind != yaml.MappingNode:
		return Meta{}, nil, []string{fmt.Sprintf("line %d: ignored: not a mapping of keys (title, outlet, date, url, lang, event)", n.Line)}
	}
	m, _, lines, notes := metaMapping(n)
	return m, lines, notes
}
