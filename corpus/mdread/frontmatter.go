package mdread

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// FrontMatterError reports malformed front matter: "line 3:
// invalid front matter yaml: ...". Line is the line of the file where YAML
// found the problem, 1 (the opening "---") for an unterminated block or a
// YAML error that names no line, and the line where the value starts for
// front matter that is not a mapping.
type FrontMatterError struct {
	Line int    // 1-based line of the file
	Msg  string // what is wrong, lower case
}

func (e *FrontMatterError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

var bom = []byte("\ufeff")

// frontMatter splits off the front matter of src, if any, and decodes it.
// body is the byte offset where the Markdown starts.
func frontMatter(src []byte) (meta Meta, body int, err error) {
	if bytes.HasPrefix(src, bom) {
		body = len(bom)
	}
	first, next := line(src, body)
	if !isFence(first, false) {
		return Meta{}, body, nil
	}
	start := next // first byte of the YAML
	for p := next; p < len(src); {
		l, q := line(src, p)
		if isFence(l, true) {
			meta, err := decodeFrontMatter(src[start:p])
			return meta, q, err
		}
		p = q
	}
	return Meta{}, 0, &FrontMatterError{Line: 1,
		Msg: "unterminated front matter: no closing '---' or '...' line"}
}

// line returns the line starting at byte p without its line ending, and the
// offset of the next line.
func line(src []byte, p int) (l []byte, next int) {
	i := bytes.IndexByte(src[p:], '\n')
	if i < 0 {
		return src[p:], len(src)
	}
	return src[p : p+i], p + i + 1
}

// isFence reports whether l is "---" (or "...", when closing is set),
// ignoring trailing blanks and a carriage return.
func isFence(l []byte, closing bool) bool {
	l = bytes.TrimRight(l, " \t\r")
	return string(l) == "---" || closing && string(l) == "..."
}

// decodeFrontMatter decodes the YAML between the fences; its first line is
// line 2 of the file.
func decodeFrontMatter(y []byte) (Meta, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(y, &root); err != nil {
		line, msg := yamlErrorLine(err.Error())
		if line > 0 {
			line++ // the opening fence is line 1
		} else {
			line = 1
		}
		return Meta{}, &FrontMatterError{Line: line, Msg: "invalid front matter yaml: " + msg}
	}
	n := &root
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return Meta{}, nil
		}
		n = n.Content[0]
	}
	switch {
	case n.Kind == 0: // empty or comments only
		return Meta{}, nil
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return Meta{}, nil
	case n.Kind != yaml.MappingNode:
		return Meta{}, &FrontMatterError{Line: n.Line + 1,
			Msg: "front matter is not a mapping (found " + kindName(n.Kind) + ")"}
	}
	var m Meta
	seen := map[string]int{} // the line of each key, and of each field set
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(k.Value))
		line := k.Line + 1 // the opening fence is line 1
		if at, dup := seen[key]; dup {
			m.Warnings = append(m.Warnings, fmt.Sprintf("line %d: front matter key %q is given again (first at line %d); the first is used", line, key, at))
			continue
		}
		seen[key] = line
		v = deref(v)
		val, ok := value(v)
		if !ok {
			continue
		}
		if f := m.field(key); f != nil && v.Kind == yaml.ScalarNode {
			name := "field:" + separators.Replace(m.fieldName(key))
			if at, set := seen[name]; set && *f != val {
				m.Warnings = append(m.Warnings, fmt.Sprintf("line %d: front matter key %q gives the %s again (first at line %d); the first is used", line, key, m.fieldName(key), at))
			}
			if *f == "" {
				*f, seen[name] = val, line
				continue
			}
		}
		if m.Extra == nil {
			m.Extra = make(map[string]string)
		}
		m.Extra[key] = val
	}
	return m, nil
}

var separators = strings.NewReplacer("_", "", "-", "")

// field returns the Meta field a lower-cased key names, or nil.
func (m *Meta) field(key string) *string {
	switch separators.Replace(key) {
	case "title":
		return &m.Title
	case "outlet", "source", "publisher", "site", "sitename":
		return &m.Outlet
	case "date", "published", "datepublished", "pubdate":
		return &m.Date
	case "url", "link", "sourceurl", "canonical":
		return &m.URL
	case "lang", "language":
		return &m.Language
	}
	return nil
}

// fieldName names the field a key fills (see field), for messages.
func (m *Meta) fieldName(key string) string {
	switch f := m.field(key); f {
	case &m.Title:
		return "title"
	case &m.Outlet:
		return "outlet"
	case &m.Date:
		return "date"
	case &m.URL:
		return "url"
	}
	return "language"
}

// value renders a YAML value: a scalar as written, a sequence of scalars
// joined with ", ". It reports false for nulls, empty values and anything
// else.
func value(v *yaml.Node) (string, bool) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return "", false
		}
		s := strings.TrimSpace(v.Value)
		return s, s != ""
	case yaml.SequenceNode:
		parts := make([]string, 0, len(v.Content))
		for _, c := range v.Content {
			c = deref(c)
			if c.Kind != yaml.ScalarNode {
				return "", false
			}
			if s := strings.TrimSpace(c.Value); s != "" && c.Tag != "!!null" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", "), len(parts) > 0
	}
	return "", false
}

func deref(v *yaml.Node) *yaml.Node {
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		return v.Alias
	}
	return v
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.SequenceNode:
		return "a sequence"
	case yaml.ScalarNode:
		return "a scalar"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a document"
}

// yamlErrorLine splits a yaml.v3 error message "yaml: line 3: problem" into
// the line (0 when there is none) and the problem.
func yamlErrorLine(msg string) (int, string) {
	msg = strings.TrimPrefix(msg, "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, problem, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return n, problem
			}
		}
	}
	return 0, msg
}
