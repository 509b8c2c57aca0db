// Package english holds the English word lists of biasdiff as data: one
// text file a list in lists/, embedded in the binary and read once.
//
// A list file has one word or phrase a line, in lower case, sorted, each
// once; lines starting with # say what the list is and where it is used,
// and blank lines are ignored. A list is named by its file name without
// ".txt" ("determiners" is lists/determiners.txt).
//
// Set and List panic on a name with no file: the packages that use a list
// ask for it when they are initialised, so a wrong name fails every test
// of theirs, and TestNamesAskedExist checks every name the code spells.
package english

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

//go:embed lists/*.txt
var files embed.FS

// lists are the parsed list files by name.
var lists = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	names, err := fs.Glob(files, "lists/*.txt")
	if err != nil {
		panic(err)
	}
	for _, p := range names {
		data, err := files.ReadFile(p)
		if err != nil {
			panic(err)
		}
		out[strings.TrimSuffix(path.Base(p), ".txt")] = parse(string(data))
	}
	return out
})

// parse returns the entries of a list file: its lines that are neither
// blank nor comments, trimmed, in file order.
func parse(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, line)
	}
	return out
}

// Names lists the names of the lists, sorted.
func Names() []string {
	var out []string
	for n := range lists() {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// List returns the entries of the named list, in file order (sorted); the
// caller may keep and change the slice. It panics if there is no such list.
func List(name string) []string {
	ws, ok := lists()[name]
	if !ok {
		panic(fmt.Sprintf("english: no word list %q (internal/english/lists/%s.txt)", name, name))
	}
	return slices.Clone(ws)
}

// Set returns the entries of the named lists as one set, a new map the
// caller may keep and change. It panics if a list does not exist.
func Set(names ...string) map[string]bool {
	out := map[string]bool{}
	for _, n := range names {
		for _, w := range List(n) {
			out[w] = true
		}
	}
	return out
}
