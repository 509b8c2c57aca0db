package corpus

import (
	"regexp"
	"testing"
)

// noteForm is the form of every metadata note: it names the line, or says
// the file is ignored.
var noteForm = regexp.MustCompile(`^(line [0-9]+: |ignored: )`)

// FuzzMetadata reads arbitrary bytes as a sidecar and as a YAML and a CSV
// manifest: no panic, and every note names its line (or the whole file).
func FuzzMetadata(f *testing.F) {
	f.Add([]byte("outlet: A\ntitle: B\noutlet: C\nautor: D\n"))
	f.Add([]byte("- path: a.txt\n  outlet: A\n  outlett: B\n- path: b.txt\n  date: 2019-01-14\n  date: x\n"))
	f.Add([]byte("articles:\n  - path: a.txt\n    lang: en\nother: 1\narticles: []\n"))
	f.Add([]byte("path,outlet,outlet,lang,extra\na.txt,A,B,en,x\n"))
	f.Add([]byte("outlet: [unclosed\n"))
	f.Add([]byte("- [1, 2]\n- path: {a: b}\n  title: *x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, notes := parseSidecar(data)
		for _, n := range notes {
			if !noteForm.MatchString(n) {
				t.Errorf("sidecar note %q names no line", n)
			}
		}
		for _, name := range []string{"m.yaml", "m.csv"} {
			_, notes, _ := parseManifest(name, data, "/dir")
			for _, n := range notes {
				if !noteForm.MatchString(n) {
					t.Errorf("%s note %q names no line", name, n)
				}
			}
		}
	})
}
