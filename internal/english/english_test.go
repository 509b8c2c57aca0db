package english

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestListFiles: every list file says what it is in a comment, holds
// entries, and its entries are trimmed, in lower case (unless the list is
// case-sensitive), with single spaces, sorted and each once.
func TestListFiles(t *testing.T) {
	paths, err := fs.Glob(files, "lists/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no list files: %v", err)
	}
	for _, p := range paths {
		data, err := files.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if !strings.HasPrefix(text, "# ") {
			t.Errorf("%s: starts with no comment saying what the list is", p)
		}
		if !strings.HasSuffix(text, "\n") {
			t.Errorf("%s: no final newline", p)
		}
		cased := strings.HasPrefix(text, "# case-sensitive") || strings.Contains(text, "\n# case-sensitive")
		for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			switch {
			case line != strings.TrimSpace(line):
				t.Errorf("%s:%d: %q: spaces around the entry", p, i+1, line)
			case strings.Contains(line, "  ") || strings.ContainsAny(line, "\t\r"):
				t.Errorf("%s:%d: %q: words are one space apart", p, i+1, line)
			case !cased && strings.ContainsFunc(line, unicode.IsUpper):
				t.Errorf("%s:%d: %q: not in lower case", p, i+1, line)
			}
		}
		ws := parse(text)
		if len(ws) == 0 {
			t.Errorf("%s: no entries", p)
		}
		ordered := strings.HasPrefix(text, "# in order") || strings.Contains(text, "\n# in order")
		seen := map[string]bool{}
		for i := range ws {
			switch {
			case seen[ws[i]]:
				t.Errorf("%s: %q twice: entries are each once", p, ws[i])
			case !ordered && i > 0 && ws[i-1] >= ws[i]:
				t.Errorf("%s: %q before %q: entries are sorted (or the list says \"# in order\")", p, ws[i-1], ws[i])
			}
			seen[ws[i]] = true
		}
	}
}

// asked matches a call of Set, List or Map with its arguments.
var asked = regexp.MustCompile(`english\.(Set|List|Map)\(([^)]*)\)`)

// TestNamesAskedExist: every list name spelt in a call of Set, List or Map in
// the module's Go files has a file, and every list file is asked for; a
// list is read with Map if and only if its comment says so.
func TestNamesAskedExist(t *testing.T) {
	have := Names()
	used := map[string]bool{}
	byMap := map[string]bool{} // the lists read with Map: true; with Set or List: false
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasPrefix(p, filepath.Join(root, "internal", "english")+string(filepath.Separator)) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range asked.FindAllStringSubmatch(string(data), -1) {
			for _, arg := range strings.Split(m[2], ",") {
				name, ok := strings.CutPrefix(strings.TrimSpace(arg), `"`)
				name, ok2 := strings.CutSuffix(name, `"`)
				if !ok || !ok2 {
					t.Errorf("%s: %s: name the list with a string literal", p, m[0])
					continue
				}
				if mapped, seen := byMap[name]; seen && mapped != (m[1] == "Map") {
					t.Errorf("%s: %s: list %q is read both with Map and with Set or List", p, m[0], name)
				}
				used[name], byMap[name] = true, m[1] == "Map"
				if !slices.Contains(have, name) {
					t.Errorf("%s: asks for list %q, which has no file", p, name)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range have {
		if !used[n] {
			t.Errorf("lists/%s.txt: no code asks for it", n)
		}
		data, err := files.ReadFile("lists/" + n + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		if says := strings.Contains(string(data), "read with english.Map"); used[n] && says != byMap[n] {
			t.Errorf("lists/%s.txt: read with Map: %v; its comment says so: %v", n, byMap[n], says)
		}
	}
}

func TestSetUnknownPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Set of an unknown list did not panic")
		}
	}()
	Set("no-such-list")
}

func TestSetUnion(t *testing.T) {
	s := Set("days", "months")
	if !s["monday"] || !s["may"] || s["jan"] || len(s) != 19 {
		t.Errorf("Set(days, months) = %v", s)
	}
	l := List("days")
	l[0] = "changed"
	if List("days")[0] == "changed" {
		t.Error("List shares its slice with the caller")
	}
}

func TestVerbForms(t *testing.T) {
	for line, want := range map[string]string{
		"say said says saying": "say said says saying",
		"note":                 "note notes noted noting",
		"reply":                "reply replies replied replying",
		"stress":               "stress stresses stressed stressing",
		"slam":                 "slam slams slamed slaming", // hence its line in reporting-verbs
		"add":                  "add adds added adding",
	} {
		if got := strings.Join(VerbForms(line), " "); got != want {
			t.Errorf("VerbForms(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestMap(t *testing.T) {
	// a made-up list, parsed as a list file is
	lists()["test-map"] = parse("# a test\nisn't is not\nsen senator\nsenator\n")
	defer delete(lists(), "test-map")
	m := Map("test-map")
	want := map[string]string{"isn't": "is not", "sen": "senator", "senator": "senator"}
	if !maps.Equal(m, want) {
		t.Errorf("Map = %v, want %v", m, want)
	}
	defer func() {
		if recover() == nil {
			t.Error("Map of two lists that both start a line with one word did not panic")
		}
	}()
	Map("test-map", "test-map")
}
