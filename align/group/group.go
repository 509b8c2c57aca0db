// Package group finds which reports in a corpus cover the same event.
//
// In: articles as read by package corpus (any mix of full texts and short
// excerpts, dated or not). Out: a partition of them into Events — every
// article in exactly one, singletons included — ordered by their first
// article, with IDs e1, e2, ..., a label of the event's most characteristic
// terms and the range of its dates. Same input, same output.
//
// Method: each article becomes a unit vector of IDF-weighted features
// (computed over the input): content-word stems (title words count extra),
// named entities (capitalised word runs not at a sentence start), numbers,
// and word trigrams of its direct quotes. An inverted index over the rarer
// features (postings of very common ones are not walked) proposes for each
// article its best few candidates; candidates are scored by cosine,
// discounted when both dates are known and some days apart and forbidden
// when far apart. Average-link agglomeration over the candidate edges
// (missing edges count zero, so a cluster cannot chain through one member)
// merges while the best link is above a threshold.
//
// Cost: O(total tokens) to build the vectors, then about
// N × QueryFeatures × MaxPostings for the candidates and O(E log E) for
// the clustering over the E candidate edges; memory linear in the input.
package group

import (
	"cmp"
	"container/heap"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/par"
)

// Event is a set of reports on one event.
type Event struct {
	ID       string
	Label    string
	Articles []int  // indexes into the input, in input order
	From, To string // date range of the articles (YYYY-MM-DD or as given), "" if unknown
}

// Options tune the grouping; the zero value means the defaults.
type Options struct {
	// Threshold is the average-link similarity above which two groups
	// merge (default 0.10).
	Threshold float64
	// MaxDays forbids linking two reports whose known dates are more than
	// this many days apart (default 7). Negative: dates are ignored.
	MaxDays int
	// GraceDays is the date gap up to which no discount applies (default 0:
	// any gap of a day or more lowers the score).
	GraceDays int
	// Candidates is how many candidate neighbours each article keeps
	// (default 20).
	Candidates int
	// MaxPostings caps the postings lists walked for candidates: features
	// in more articles than this are used for scoring only (default 100).
	MaxPostings int
	// QueryFeatures is how many of an article's heaviest features are
	// looked up in the index (default 60).
	QueryFeatures int
}

func (o Options) withDefaults() Options {
	if o.Threshold == 0 {
		o.Threshold = 0.10
	}
	if o.MaxDays == 0 {
		o.MaxDays = 7
	}
	if o.GraceDays < 0 {
		o.GraceDays = 0
	}
	if o.Candidates == 0 {
		o.Candidates = 20
	}
	if o.MaxPostings == 0 {
		o.MaxPostings = 100
	}
	if o.QueryFeatures == 0 {
		o.QueryFeatures = 60
	}
	return o
}

// Feature weights by kind, relative to a content-word stem.
const (
	titleBoost   = 3.0 // a title occurrence counts as this many body ones
	entityWeight = 1.5
	numberWeight = 1.0
	quoteWeight  = 1.0
)

type feat struct {
	id int32
	w  float32
}

// dict interns feature keys and keeps, for labels, their commonest surface form.
type dict struct {
	ids     map[string]int32
	surface []map[string]int
	df      []int32
	quote   []bool // a quote trigram: never in a label
}

func (d *dict) id(key string) int32 {
	if id, ok := d.ids[key]; ok {
		return id
	}
	id := int32(len(d.df))
	d.ids[key] = id
	d.df = append(d.df, 0)
	d.surface = append(d.surface, nil)
	d.quote = append(d.quote, strings.HasPrefix(key, "q:"))
	return id
}

// Group partitions arts into events.
func Group(arts []*corpus.Article, opt Options) []Event {
	opt = opt.withDefaults()
	n := len(arts)
	if n == 0 {
		return nil
	}
	d := &dict{ids: map[string]int32{}}
	raw := make([]map[int32]float64, n)
	// Tokenizing is per article and runs on every CPU; numbering the
	// features is sequential, in input order, so ids do not depend on it.
	found := make([][]featRef, n)
	par.ForEach(n, func() func(int) {
		return func(i int) { found[i] = features(arts[i]) }
	})
	for i := range arts {
		raw[i] = d.add(found[i])
		found[i] = nil
		for id := range raw[i] {
			d.df[id]++
		}
	}
	vecs := make([][]feat, n)
	for i := range arts {
		vecs[i] = weigh(raw[i], d.df, n)
	}
	dates := make([]dayRange, n)
	for i, a := range arts {
		dates[i] = parseDate(a.Date)
	}
	edges := candidates(vecs, len(d.df), dates, opt)
	clusters := cluster(n, edges, opt.Threshold)
	// Reports whose event the user declared (corpus.Article.Event) go to
	// that event whatever their features say; the rest keep theirs.
	declared := map[string]int{}
	for i, a := range arts {
		if a.Event == "" {
			continue
		}
		r, ok := declared[a.Event]
		if !ok {
			r = n + len(declared)
			declared[a.Event] = r
		}
		clusters[i] = r
	}
	evs := events(arts, clusters, raw, d, n)
	for k := range evs {
		if name := arts[evs[k].Articles[0]].Event; name != "" {
			evs[k].Label = name
		}
	}
	return evs
}

// features counts an article's raw features (title occurrences weighted).
// featRef is one occurrence of a feature in an article: its key, the form
// it was written in, and its weight.
type featRef struct {
	key, surf string
	w         float64
}

// add numbers an article's feature occurrences and returns its raw counts.
func (d *dict) add(refs []featRef) map[int32]float64 {
	tf := map[int32]float64{}
	for _, r := range refs {
		id := d.id(r.key)
		tf[id] += r.w
		if d.surface[id] == nil {
			d.surface[id] = map[string]int{}
		}
		if len(d.surface[id]) < 8 || d.surface[id][r.surf] > 0 {
			d.surface[id][r.surf]++
		}
	}
	return tf
}

func features(a *corpus.Article) []featRef {
	var refs []featRef
	add := func(key, surf string, w float64) { refs = append(refs, featRef{key, surf, w}) }
	for _, tk := range token.Tokenize(a.Title) {
		if term(tk) {
			add("t:"+tk.Stem, tk.Norm, titleBoost)
		} else if tk.Kind == token.Number {
			add("n:"+tk.Norm, tk.Text, titleBoost*numberWeight)
		}
	}
	for i := range a.Sentences {
		toks := a.SentenceTokens(i)
		first := true // the next word starts the sentence
		var run []corpus.Token
		flush := func() {
			if len(run) > 0 {
				norms := make([]string, len(run))
				texts := make([]string, len(run))
				for k, t := range run {
					norms[k], texts[k] = t.Norm, t.Text
				}
				add("e:"+strings.Join(norms, " "), strings.Join(texts, " "), entityWeight)
			}
			run = run[:0]
		}
		for _, tk := range toks {
			switch {
			case tk.Kind == token.Word:
				startsSentence := first
				first = false
				if capitalised(tk.Text) && !startsSentence {
					run = append(run, tk)
				} else {
					flush()
				}
				if term(tk.Token) {
					add("t:"+tk.Stem, tk.Norm, 1)
				}
			case tk.Kind == token.Number:
				flush()
				first = false
				add("n:"+tk.Norm, tk.Text, numberWeight)
			default:
				flush()
			}
		}
		flush()
	}
	for _, q := range a.Quotes {
		var words []string
		for _, tk := range token.Tokenize(q.Text) {
			if tk.Kind == token.Word || tk.Kind == token.Number {
				words = append(words, tk.Stem)
			}
		}
		for k := 0; k+3 <= len(words); k++ {
			g := strings.Join(words[k:k+3], " ")
			add("q:"+g, g, quoteWeight)
		}
	}
	return refs
}

func term(tk token.Token) bool {
	return tk.Kind == token.Word && !tk.Stop && utf8.RuneCountInString(tk.Norm) > 1
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// weigh turns raw counts into a unit vector sorted by feature id.
func weigh(tf map[int32]float64, df []int32, n int) []feat {
	v := make([]feat, 0, len(tf))
	var norm float64
	for id, c := range tf {
		w := (1 + math.Log(c)) * idf(n, int(df[id]))
		if w <= 0 {
			continue
		}
		v = append(v, feat{id, float32(w)})
		norm += w * w
	}
	norm = math.Sqrt(norm)
	for k := range v {
		v[k].w /= float32(norm)
	}
	slices.SortFunc(v, func(a, b feat) int { return cmp.Compare(a.id, b.id) })
	return v
}

func cosine(a, b []feat) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}

type edge struct {
	a, b int // a < b
	s    float64
}

// candidates proposes, for each article, its best neighbours through the
// inverted index, and scores them exactly.
func candidates(vecs [][]feat, nfeat int, dates []dayRange, opt Options) []edge {
	n := len(vecs)
	post := make([][]int32, nfeat)
	for i, v := range vecs {
		for _, f := range v {
			post[f.id] = append(post[f.id], int32(i))
		}
	}
	// Each article's candidates are found and scored on every CPU; a pair
	// found from both ends scores the same and is kept once.
	per := make([][]edge, n)
	par.ForEach(n, func() func(int) {
		acc := make([]float64, n)
		var touched []int32
		return func(i int) {
			per[i] = query(i, vecs, post, acc, &touched, dates, opt)
		}
	})
	var out []edge
	for _, es := range per {
		out = append(out, es...)
	}
	slices.SortFunc(out, func(x, y edge) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	return slices.CompactFunc(out, func(x, y edge) bool { return x.a == y.a && x.b == y.b })
}

// query finds article i's best candidates through the postings of its
// heaviest features and scores them. acc and touched are the caller's
// scratch space.
func query(i int, vecs [][]feat, post [][]int32, acc []float64, touched *[]int32, dates []dayRange, opt Options) []edge {
	var out []edge
	v := vecs[i]
	q := slices.Clone(v)
	slices.SortFunc(q, func(a, b feat) int {
		return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.id, b.id))
	})
	if len(q) > opt.QueryFeatures {
		q = q[:opt.QueryFeatures]
	}
	for _, f := range q {
		p := post[f.id]
		if len(p) < 2 || len(p) > opt.MaxPostings {
			continue
		}
		for _, j := range p {
			if int(j) == i {
				continue
			}
			if acc[j] == 0 {
				*touched = append(*touched, j)
			}
			acc[j] += float64(f.w)
		}
	}
	slices.SortFunc(*touched, func(a, b int32) int {
		return cmp.Or(cmp.Compare(acc[b], acc[a]), cmp.Compare(a, b))
	})
	for k, j := range *touched {
		if k < opt.Candidates {
			a, b := int32(i), j
			if a > b {
				a, b = b, a
			}
			if s := score(vecs, dates, int(a), int(b), opt); s > 0 {
				out = append(out, edge{int(a), int(b), s})
			}
		}
		acc[j] = 0
	}
	*touched = (*touched)[:0]
	return out
}

func score(vecs [][]feat, dates []dayRange, a, b int, opt Options) float64 {
	s := cosine(vecs[a], vecs[b])
	if opt.MaxDays < 0 {
		return s
	}
	if gap, ok := dates[a].gap(dates[b]); ok {
		if gap > opt.MaxDays {
			return 0
		}
		if gap > opt.GraceDays {
			s *= 1 - float64(gap-opt.GraceDays)/float64(opt.MaxDays-opt.GraceDays+1)
		}
	}
	return s
}

// dayRange is a date as days since the epoch, [lo, hi] for partial dates.
type dayRange struct {
	lo, hi int
	ok     bool
}

func parseDate(s string) dayRange {
	s = strings.TrimSpace(s)
	for _, l := range []struct {
		layout string
		years  int
		months int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		if len(s) < len(l.layout) {
			continue
		}
		t, err := time.Parse(l.layout, s[:len(l.layout)])
		if err != nil || (len(s) > len(l.layout) && l.layout != "2006-01-02") {
			continue
		}
		lo := int(t.Unix() / 86400)
		hi := lo
		if l.years > 0 || l.months > 0 {
			hi = int(t.AddDate(l.years, l.months, -1).Unix() / 86400)
		}
		return dayRange{lo, hi, true}
	}
	return dayRange{}
}

// gap is the number of days between two date ranges (0 if they overlap).
func (r dayRange) gap(o dayRange) (int, bool) {
	if !r.ok || !o.ok {
		return 0, false
	}
	return max(0, o.lo-r.hi, r.lo-o.hi), true
}

// cluster runs average-link agglomeration over the edges; it returns the
// root cluster of each article.
func cluster(n int, edges []edge, threshold float64) []int {
	size := make([]int, n)
	parent := make([]int, n)
	adj := make([]map[int]float64, n) // summed similarity between live clusters
	for i := range n {
		size[i], parent[i] = 1, i
	}
	h := &linkHeap{}
	for _, e := range edges {
		if adj[e.a] == nil {
			adj[e.a] = map[int]float64{}
		}
		if adj[e.b] == nil {
			adj[e.b] = map[int]float64{}
		}
		adj[e.a][e.b] += e.s
		adj[e.b][e.a] += e.s
	}
	for _, e := range edges {
		if e.s >= threshold {
			*h = append(*h, link{e.a, e.b, e.s, 1, 1})
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		l := heap.Pop(h).(link)
		if parent[l.a] != l.a || parent[l.b] != l.b || size[l.a] != l.sa || size[l.b] != l.sb {
			continue // stale
		}
		a, b := l.a, l.b // merge b into a (a < b)
		parent[b] = a
		size[a] += size[b]
		for c, s := range adj[b] {
			delete(adj[c], b)
			if c == a {
				continue
			}
			adj[a][c] += s
			adj[c][a] += s
		}
		delete(adj[a], b)
		adj[b] = nil
		for _, c := range slices.Sorted(mapsKeys(adj[a])) {
			avg := adj[a][c] / float64(size[a]*size[c])
			if avg >= threshold {
				x, y := min(a, c), max(a, c)
				heap.Push(h, link{x, y, avg, size[x], size[y]})
			}
		}
	}
	root := make([]int, n)
	for i := range n {
		r := i
		for parent[r] != r {
			r = parent[r]
		}
		root[i] = r
	}
	return root
}

func mapsKeys(m map[int]float64) func(func(int) bool) {
	return func(yield func(int) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

type link struct {
	a, b   int
	avg    float64
	sa, sb int // sizes when computed, to spot stale entries
}

type linkHeap []link

func (h linkHeap) Len() int { return len(h) }
func (h linkHeap) Less(i, j int) bool {
	if h[i].avg != h[j].avg {
		return h[i].avg > h[j].avg
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h linkHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *linkHeap) Push(x any)   { *h = append(*h, x.(link)) }
func (h *linkHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// events orders the clusters by first article and labels them.
func events(arts []*corpus.Article, root []int, raw []map[int32]float64, d *dict, n int) []Event {
	byRoot := map[int]int{}
	var out []Event
	for i, r := range root {
		k, ok := byRoot[r]
		if !ok {
			k = len(out)
			byRoot[r] = k
			out = append(out, Event{ID: "e" + strconv.Itoa(k+1)})
		}
		out[k].Articles = append(out[k].Articles, i)
	}
	for k := range out {
		e := &out[k]
		e.Label = label(e.Articles, raw, d, n)
		for _, i := range e.Articles {
			dt := arts[i].Date
			if dt == "" {
				continue
			}
			if e.From == "" || dt < e.From {
				e.From = dt
			}
			if dt > e.To {
				e.To = dt
			}
		}
	}
	return out
}

// label gives the 3-5 features with the highest summed TF-IDF over the
// event, as surface forms, skipping ones already covered by a chosen one.
func label(members []int, raw []map[int32]float64, d *dict, n int) string {
	sum := map[int32]float64{}
	for _, i := range members {
		for id, c := range raw[i] {
			if d.quote[id] || (d.df[id] < 2 && len(members) > 1) {
				continue
			}
			sum[id] += (1 + math.Log(c)) * idf(n, int(d.df[id]))
		}
	}
	ids := slices.Collect(func(yield func(int32) bool) {
		for id := range sum {
			if !yield(id) {
				return
			}
		}
	})
	surf := map[int32]string{} // surface is costly: once per feature
	surfaceOf := func(id int32) string {
		s, ok := surf[id]
		if !ok {
			s = surface(d, id)
			surf[id] = s
		}
		return s
	}
	slices.SortFunc(ids, func(a, b int32) int {
		return cmp.Or(cmp.Compare(sum[b], sum[a]), strings.Compare(surfaceOf(a), surfaceOf(b)))
	})
	var picked []string
	for _, id := range ids {
		if len(picked) == 5 {
			break
		}
		s := surfaceOf(id)
		if s == "" {
			continue
		}
		ls := " " + strings.ToLower(s) + " "
		dup, at := false, -1
		kept := picked[:0]
		for _, p := range picked {
			lp := " " + strings.ToLower(p) + " "
			switch {
			case strings.Contains(lp, ls):
				dup = true
				kept = append(kept, p)
			case strings.Contains(ls, lp): // s is a longer form of p: s replaces it
				if at < 0 {
					at = len(kept)
					kept = append(kept, s)
				}
			default:
				kept = append(kept, p)
			}
		}
		picked = kept
		if !dup && at < 0 {
			picked = append(picked, s)
		}
	}
	return strings.Join(picked, ", ")
}

// surface is the commonest written form of a feature (ties: the smallest).
func surface(d *dict, id int32) string {
	best, bn := "", 0
	for s, c := range d.surface[id] {
		if c > bn || (c == bn && s < best) {
			best, bn = s, c
		}
	}
	return best
}

// idf is the inverse document frequency of a feature in df of n articles,
// smoothed so that in a small input a feature all share still counts.
func idf(n, df int) float64 {
	return math.Log(1 + float64(n)/float64(df))
}
