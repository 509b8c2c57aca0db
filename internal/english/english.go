// Package english holds the English word lists of biasdiff as data: one
// text file a list in lists/, embedded in the binary and read once.
//
// A list file has one word or phrase a line, in lower case, sorted, each
// once (a list whose order means something says "# in order" and keeps
// it: the days of the week from Monday, the months from January); lines
// starting with # say what the list is and where it is used,
// and blank lines are ignored. A list is named by its file name without
// ".txt" ("determiners" is lists/determiners.txt). A list whose comment
// has a line starting "# case-sensitive" keeps its entries as they are
// written and matched ("No" and "no" are different abbreviations); the
// packages that match capitalised words in lower-case lists capitalise
// them themselves. reporting-verbs has a verb a line: the lemma, then its
// forms if they are not regular (see VerbForms).
//
// A list read with Map pairs each word with what it stands for: a line of
// one word is a word that stands for itself, a line of more is a word, then
// what it stands for: its full form ("sen senator", in role-titles), the
// words it is short for ("isn't is not", in contractions) or its value
// ("twenty 20", in cardinals). Such a list says so in its comment
// ("read with english.Map"), and is read with Map only.
//
// Every English word list of biasdiff is here, each once; segment, quote,
// frame and align read them when they are initialised. Two lists that
// differ a little are one list and a small list of what one reader adds
// (name-ends and organisation-words); lists whose meanings differ say in
// their comments how. Tables of other formats stay with their readers: the
// Snowball stop words (corpus/token, vendored with their licence), the web
// boilerplate of several languages (corpus), the concept packs and the
// loaded words (frame/lexicon) and the quantities (frame/discrepancy).
//
// Set, List and Map panic on a name with no file: the packages that use a list
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

// List returns the entries of the named lists, list after list, each in
// file order (sorted); the caller may keep and change the slice. It panics
// if a list does not exist.
func List(names ...string) []string {
	var out []string
	for _, name := range names {
		ws, ok := lists()[name]
		if !ok {
			panic(fmt.Sprintf("english: no word list %q (internal/english/lists/%s.txt)", name, name))
		}
		out = append(out, ws...)
	}
	return out
}

// Set returns the entries of the named lists as one set, a new map the
// caller may keep and change. It panics if a list does not exist.
func Set(names ...string) map[string]bool {
	out := map[string]bool{}
	for _, w := range List(names...) {
		out[w] = true
	}
	return out
}

// Map returns the entries of the named lists as a map from each line's
// first word to what it stands for: the rest of the line, or for a line
// of one word the word itself ("sen senator": "sen" stands for "senator";
// "senator": "senator"). It is a new map the caller may keep and change.
// It panics if a list does not exist or a word starts two lines.
func Map(names ...string) map[string]string {
	out := map[string]string{}
	for _, line := range List(names...) {
		w, rest, ok := strings.Cut(line, " ")
		if !ok {
			rest = w
		}
		if _, dup := out[w]; dup {
			panic(fmt.Sprintf("english: %q starts two lines of %v", w, names))
		}
		out[w] = rest
	}
	return out
}

// VerbForms returns a verb's forms from a line of a verb list such as
// reporting-verbs: the lemma, then the forms the line gives, or, for a line
// of one word, its regular -s, -ed and -ing forms.
func VerbForms(line string) []string {
	forms := strings.Fields(line)
	if len(forms) != 1 {
		return forms
	}
	v := forms[0]
	n := len(v)
	switch {
	case strings.HasSuffix(v, "e"):
		return append(forms, v+"s", v+"d", v[:n-1]+"ing")
	case strings.HasSuffix(v, "y") && n > 1 && !strings.ContainsRune("aeiou", rune(v[n-2])):
		return append(forms, v[:n-1]+"ies", v[:n-1]+"ied", v+"ing")
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z"):
		return append(forms, v+"es", v+"ed", v+"ing")
	default:
		return append(forms, v+"s", v+"ed", v+"ing")
	}
}
