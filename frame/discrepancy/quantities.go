package discrepancy

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

//go:embed quantities.txt
var quantitiesTxt string

// phrase is an entry of quantities.txt: its words and what it stands for.
type phrase struct {
	words  []string
	lo, hi float64 // value: the range; modifier: the factors
	unit   string  // unit
}

// quantities is quantities.txt, indexed by the first word of each phrase
// (longest phrases first, so that "a dozen" wins over "a").
type quantities struct {
	values, modifiers, units map[string][]phrase
	scales                   map[string]float64 // "hundred" and "hundreds"
	vocab                    map[string]bool    // every word of them
}

var loadQuantities = sync.OnceValue(func() *quantities {
	q, err := parseQuantities(quantitiesTxt)
	if err != nil {
		panic("discrepancy: quantities.txt: " + err.Error())
	}
	return q
})

func parseQuantities(src string) (*quantities, error) {
	q := &quantities{values: map[string][]phrase{}, modifiers: map[string][]phrase{}, units: map[string][]phrase{}, scales: map[string]float64{}, vocab: map[string]bool{}}
	add := func(m map[string][]phrase, p phrase) {
		k := p.words[0]
		m[k] = append(m[k], p)
		// longest first; stable for phrases of one length
		for i := len(m[k]) - 1; i > 0 && len(m[k][i].words) > len(m[k][i-1].words); i-- {
			m[k][i], m[k][i-1] = m[k][i-1], m[k][i]
		}
	}
	num := func(s string) (float64, error) {
		if s == "inf" {
			return math.Inf(1), nil
		}
		return strconv.ParseFloat(s, 64)
	}
	for no, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, " | ")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		bad := func(why string) error { return fmt.Errorf("line %d: %s: %q", no+1, why, line) }
		if len(f) < 3 {
			return nil, bad("want KIND | PHRASE | ...")
		}
		p := phrase{words: strings.Fields(f[1])}
		if len(p.words) == 0 {
			return nil, bad("no phrase")
		}
		for _, w := range p.words {
			q.vocab[w] = true
			q.vocab[w+"s"] = true
		}
		switch f[0] {
		case "value", "modifier":
			if len(f) != 4 {
				return nil, bad("want " + f[0] + " | PHRASE | LO | HI")
			}
			var err1, err2 error
			p.lo, err1 = num(f[2])
			p.hi, err2 = num(f[3])
			if err1 != nil || err2 != nil || p.lo > p.hi || p.lo < 0 {
				return nil, bad("bad range")
			}
			if f[0] == "value" {
				add(q.values, p)
			} else {
				add(q.modifiers, p)
			}
		case "scale":
			x, err := num(f[2])
			if len(f) != 3 || len(p.words) != 1 || err != nil || x <= 1 || math.IsInf(x, 1) {
				return nil, bad("want scale | WORD | FACTOR")
			}
			q.scales[p.words[0]] = x
			q.scales[p.words[0]+"s"] = x
		case "unit":
			if len(f) != 3 || f[2] == "" {
				return nil, bad("want unit | PHRASE | UNIT")
			}
			p.unit = f[2]
			add(q.units, p)
		default:
			return nil, bad("unknown kind " + strconv.Quote(f[0]))
		}
	}
	return q, nil
}

// match finds the longest phrase of m that starts at token k of norms
// and returns it with the number of tokens it covers.
func match(m map[string][]phrase, norms func(int) string, k int) (phrase, int) {
	for _, p := range m[norms(k)] {
		ok := true
		for i, w := range p.words[1:] {
			if norms(k+1+i) != w {
				ok = false
				break
			}
		}
		if ok {
			return p, len(p.words)
		}
	}
	return phrase{}, 0
}
