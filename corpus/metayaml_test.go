package corpus

import (
	"slices"
	"testing"
)

func TestParseSidecar(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		want       Meta
		notes      []string
	}{
		{"plain", "outlet: A\ndate: 2019-01-14\n", Meta{Outlet: "A", Date: "2019-01-14"}, nil},
		{"a key twice keeps the first", "outlet: A\noutlet: B\n", Meta{Outlet: "A"},
			[]string{`line 2: key "outlet" is given again (first at line 1); the first is used`}},
		{"case and spaces", "Outlet : A\n", Meta{Outlet: "A"}, nil},
		{"unknown key", "autor: X\ntitle: T\n", Meta{Title: "T"},
			[]string{`line 1: unknown key "autor" (biasdiff reads title, outlet, date, url, lang, event); ignored`}},
		{"not a single value", "title: [a, b]\n", Meta{},
			[]string{`line 1: key "title" is not a single value; ignored`}},
		{"null is empty", "title: ~\n", Meta{}, nil},
		{"empty file", "", Meta{}, nil},
		{"not a mapping", "- a\n- b\n", Meta{}, []string{"line 1: ignored: not a mapping of keys (title, outlet, date, url, lang, event)"}},
		{"not YAML", "outlet: [x\n", Meta{}, []string{"ignored: invalid YAML: line 1: did not find expected ',' or ']'"}},
	} {
		got, _, notes := parseSidecar([]byte(tc.data))
		if got != tc.want || !slices.Equal(notes, tc.notes) {
			t.Errorf("%s: got %+v %q, want %+v %q", tc.name, got, notes, tc.want, tc.notes)
		}
	}
}

func TestParseManifestNotes(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		want             map[string]Meta
		notes            []string
		err              bool
	}{
		{"list", "m.yaml", "- path: a.txt\n  outlet: A\n  outlet: B\n  colour: red\n", map[string]Meta{"/d/a.txt": {Outlet: "A"}},
			[]string{`line 3: key "outlet" is given again (first at line 2); the first is used`,
				`line 4: unknown key "colour" (biasdiff reads path, title, outlet, date, url, lang, event); ignored`}, false},
		{"articles", "m.yaml", "title: x\narticles:\n  - path: b.txt\n    event: e\n", map[string]Meta{"/d/b.txt": {Event: "e"}},
			[]string{`line 1: unknown key "title" (a manifest is a list of entries, or "articles": a list); ignored`}, false},
		{"no path", "m.yaml", "- outlet: A\n", nil, nil, true},
		{"an entry not a mapping", "m.yaml", "- a.txt\n", nil, nil, true},
		{"csv", "m.csv", "path,outlet,outlet,colour\na.txt,A,B,red\n", map[string]Meta{"/d/a.txt": {Outlet: "A"}},
			[]string{`line 1: column "outlet" is given again (column 3); the first is used`,
				`line 1: unknown column "colour" (biasdiff reads path, title, outlet, date, url, lang, event); ignored`}, false},
	} {
		got, notes, err := parseManifest(tc.file, []byte(tc.data), "/d")
		if (err != nil) != tc.err {
			t.Errorf("%s: err %v, want error %v", tc.name, err, tc.err)
			continue
		}
		if tc.err {
			continue
		}
		if len(got) != len(tc.want) || !slices.Equal(notes, tc.notes) {
			t.Errorf("%s: got %v %q, want %v %q", tc.name, got, notes, tc.want, tc.notes)
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("%s: %s: %+v, want %+v", tc.name, k, got[k], v)
			}
		}
	}
}
