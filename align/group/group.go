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
// and word trigrams of the words it sets in quotation marks. An inverted index over the rarer
// features (postings of very common ones are not walked) proposes for each
// article its best few candidates (a feature in too many articles is
// looked up among those dated within MaxDays only); candidates are scored by cosine,
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
	"context"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
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
	// Features holds features collected while the articles were read;
	// articles it lacks are tokenized again. Nil: all are.
	Features *Collector
}

// Collector gathers the features of articles while package corpus reads
// them, from the tokens it has made anyway: pass its Tokens method as
// corpus.Options.Tokens and the Collector as Options.Features. The zero
// value is ready to use; it is safe for concurrent use.
type Collector struct {
	mu   sync.Mutex
	got  map[*corpus.Article]found
	once sync.Once
	// extractors between calls, their tokenizers' caches warm (a
	// sync.Pool would drop them at each garbage collection)
	free chan *extractor
}

func (c *Collector) idle() chan *extractor {
	c.once.Do(func() { c.free = make(chan *extractor, runtime.GOMAXPROCS(0)) })
	return c.free
}

// Tokens computes the features of a from the tokens of its sentences.
func (c *Collector) Tokens(a *corpus.Article, sentences [][]token.Token) {
	var x *extractor
	select {
	case x = <-c.idle():
	default:
		x = new(extractor)
	}
	f := x.features(a, sentences)
	select {
	case c.idle() <- x:
	default:
	}
	c.mu.Lock()
	if c.got == nil {
		c.got = map[*corpus.Article]found{}
	}
	c.got[a] = f
	c.mu.Unlock()
}

// take returns and forgets the features collected for a.
func (c *Collector) take(a *corpus.Article) (found, bool) {
	if c == nil {
		return found{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	f, ok := c.got[a]
	delete(c.got, a)
	return f, ok
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

// occ is one feature of an article as one written form: its summed weight
// (title occurrences count extra) and how often that form occurs.
//
// A feature is known by a 64-bit hash of its kind ('t' term stem, 'e'
// entity, 'n' number, 'q' quote trigram) and matching form, a form by the
// hash of its text: with a million distinct features in a corpus, the odds
// that two share a hash are about one in ten million.
//
// An occ holds no pointers, so that the garbage collector never walks the
// millions of them a large corpus has; its written form is in found.surf.
type occ struct {
	key, form uint64 // hashes
	w         float32
	n         int32
	id        int32 // its number in its shard, once interned
	surf      int32 // its written form: found.surf[surf]
	quote     bool
}

// form is one written form of a feature and how often it occurs.
type form struct {
	h uint64
	s string
	n int32
}

// maxForms bounds the written forms kept per feature; a form first seen
// after that is not counted.
const maxForms = 8

// dict holds the features of the input: document frequencies and, for
// labels, their commonest written forms. Ids are dense and do not depend
// on the number of CPUs.
type dict struct {
	df    []int32
	forms [][]form
	quote []bool // a quote trigram: never in a label
	best  []string
	// idf by document frequency, made once: a logarithm for every feature
	// of every article was a tenth of grouping's time
	idf []float64
}

// shards splits the interning of features, so that it runs on every CPU;
// a feature's shard is a hash of its key.
const shards = 64

// found is an article's features as its extractor left them, grouped by
// shard: occs[at[s]:at[s+1]] belong to shard s.
type found struct {
	occs []occ
	surf []string // written forms, in order of first occurrence
	at   [shards + 1]int32
}

// shard numbers the features of one shard in input order.
type shard struct {
	ids   map[uint64]int32
	df    []int32
	forms [][]form
	quote []bool
	last  []int32 // the last article counted in df, +1
}

// intern numbers the features of every article (each shard walks the
// articles in input order, so the numbering is fixed) and returns the
// dictionary and each article's raw counts, sorted by id.
func intern(fs []found) (*dict, [][]feat) {
	var sh [shards]shard
	par.ForEachWorker(context.Background(), shards, 0, func() func(int) {
		return func(k int) {
			s := &sh[k]
			s.ids = map[uint64]int32{}
			for i := range fs {
				f := &fs[i]
				for j := f.at[k]; j < f.at[k+1]; j++ {
					o := &f.occs[j]
					id, ok := s.ids[o.key]
					if !ok {
						id = int32(len(s.df))
						s.ids[o.key] = id
						s.df = append(s.df, 0)
						s.forms = append(s.forms, nil)
						s.quote = append(s.quote, o.quote)
						s.last = append(s.last, 0)
					}
					o.id = id
					if s.last[id] != int32(i+1) {
						s.last[id] = int32(i + 1)
						s.df[id]++
					}
					if o.quote {
						continue // never in a label: no forms needed
					}
					fm := s.forms[id]
					at := slices.IndexFunc(fm, func(x form) bool { return x.h == o.form })
					switch {
					case at >= 0:
						fm[at].n += o.n
					case len(fm) < maxForms:
						s.forms[id] = append(fm, form{o.form, f.surf[o.surf], o.n})
					}
				}
			}
			s.ids, s.last = nil, nil
		}
	})
	var off [shards + 1]int32
	d := &dict{}
	for k := range sh {
		off[k+1] = off[k] + int32(len(sh[k].df))
		d.df = append(d.df, sh[k].df...)
		d.forms = append(d.forms, sh[k].forms...)
		d.quote = append(d.quote, sh[k].quote...)
	}
	raw := make([][]feat, len(fs))
	par.ForEachWorker(context.Background(), len(fs), 0, func() func(int) {
		return func(i int) {
			f := &fs[i]
			tf := make([]feat, 0, len(f.occs))
			for k := range shards {
				for _, o := range f.occs[f.at[k]:f.at[k+1]] {
					tf = append(tf, feat{off[k] + o.id, o.w})
				}
			}
			// An article's written forms of one feature are adjacent once
			// sorted; their weights add up.
			slices.SortFunc(tf, func(a, b feat) int { return cmp.Compare(a.id, b.id) })
			out := tf[:0]
			for _, t := range tf {
				if len(out) > 0 && out[len(out)-1].id == t.id {
					out[len(out)-1].w += t.w
					continue
				}
				out = append(out, t)
			}
			raw[i] = slices.Clip(out)
			f.occs, f.surf = nil, nil
		}
	})
	return d, raw
}

// hash is the 64-bit FNV-1a hash of kind followed by s.
func hash(kind byte, s string) uint64 {
	h := uint64(14695981039346656037)
	h = (h ^ uint64(kind)) * 1099511628211
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// shardOf is the shard of a feature.
func shardOf(key uint64) int { return int((key >> 32) % shards) }

// fillBest finds the commonest written form of each feature (ties: the
// smallest).
func (d *dict) fillBest() {
	d.best = make([]string, len(d.df))
	for i, f := range d.forms {
		best, bn := "", int32(0)
		for _, x := range f {
			if x.n > bn || (x.n == bn && x.s < best) {
				best, bn = x.s, x.n
			}
		}
		d.best[i] = best
	}
}

// tfidf is the weight of raw count f: (1 + ln tf) × idf.
func (d *dict) tfidf(f feat) float64 {
	return (1 + math.Log(float64(f.w))) * d.idf[d.df[f.id]]
}

// surface is the commonest written form of a feature; fillBest must have run.
func (d *dict) surface(id int32) string { return d.best[id] }

// Group partitions arts into events.
func Group(arts []*corpus.Article, opt Options) []Event {
	opt = opt.withDefaults()
	n := len(arts)
	if n == 0 {
		return nil
	}
	if declaredAll(arts) {
		// The user declared every report's event (corpus.Article.Event):
		// nothing to weigh.
		evs := eventsOf(arts, declaredEvents(arts, make([]int, n)))
		for k := range evs {
			evs[k].Label = arts[evs[k].Articles[0]].Event
		}
		return evs
	}
	fs := make([]found, n)
	par.ForEachWorker(context.Background(), n, 0, func() func(int) {
		var x extractor
		return func(i int) {
			if f, ok := opt.Features.take(arts[i]); ok {
				fs[i] = f
			} else {
				fs[i] = x.features(arts[i], nil)
			}
		}
	})
	d, raw := intern(fs)
	d.idf = make([]float64, n+1)
	for df := 1; df <= n; df++ {
		d.idf[df] = idf(n, df)
	}
	vecs := make([][]feat, n)
	par.ForEachWorker(context.Background(), n, 0, func() func(int) {
		return func(i int) { vecs[i] = weigh(raw[i], d) }
	})
	dates := make([]dayRange, n)
	for i, a := range arts {
		dates[i] = parseDate(a.Date)
	}
	edges := candidates(vecs, len(d.df), dates, opt)
	clusters := clusterParts(n, edges, opt.Threshold)
	evs := events(arts, declaredEvents(arts, clusters), raw, d)
	for k := range evs {
		if name := arts[evs[k].Articles[0]].Event; name != "" {
			evs[k].Label = name
		}
	}
	return evs
}

// extractor finds articles' features; each worker has its own, so that
// the tokenizer's cache and the scratch space stay warm.
type extractor struct {
	tz     token.Tokenizer
	toks   []token.Token
	index  map[occKey]int
	keys   []occKey // of occs, in order
	quoted []string
	occs   []occ
	surf   []string // of occs
	norms  []string
	texts  []string
}

// occKey is a feature and a written form of it, while an article's
// features are counted.
type occKey struct {
	kind      byte
	key, surf string
}

// features returns the article's features, one entry per written form,
// grouped by shard and in order of first occurrence inside a shard. sents
// are the tokens of a's sentences if known, nil to tokenize them here.
func (x *extractor) features(a *corpus.Article, sents [][]token.Token) found {
	if x.index == nil {
		x.index = map[occKey]int{}
	}
	clear(x.index)
	x.occs, x.surf = x.occs[:0], x.surf[:0]
	// Occurrences are counted by their strings; the hashes that stand for
	// them later are computed once per distinct feature and form.
	add := func(kind byte, key, surf string, w float32) {
		k := occKey{kind, key, surf}
		if i, ok := x.index[k]; ok {
			x.occs[i].w += w
			x.occs[i].n++
			return
		}
		x.index[k] = len(x.occs)
		x.occs = append(x.occs, occ{surf: int32(len(x.surf)), w: w, n: 1, quote: kind == 'q'})
		x.surf = append(x.surf, surf)
		x.keys = append(x.keys, k)
	}
	x.keys = x.keys[:0]
	x.toks = x.tz.Append(x.toks[:0], a.Title)
	for _, tk := range x.toks {
		if term(tk) {
			add('t', tk.Stem, tk.Norm, titleBoost)
		} else if tk.Kind == token.Number {
			add('n', tk.Norm, tk.Text, titleBoost*numberWeight)
		}
	}
	// Words in quotation marks give trigrams: a quote that two reports
	// carry is strong evidence of one event. A paragraph break closes a
	// quote left open.
	quoted := x.quoted[:0]
	open, para := false, -1
	quote := func() {
		for k := 0; k+3 <= len(quoted); k++ {
			g := strings.Join(quoted[k:k+3], " ")
			add('q', g, g, quoteWeight)
		}
		quoted = quoted[:0]
	}
	for i, s := range a.Sentences {
		if s.Para != para {
			if open {
				quote()
			}
			open, para = false, s.Para
		}
		toks := x.toks[:0]
		if sents != nil {
			toks = sents[i]
		} else {
			toks = x.tz.Append(toks, s.Text)
			x.toks = toks
		}
		first := true // the next word starts the sentence
		x.norms, x.texts = x.norms[:0], x.texts[:0]
		flush := func() {
			if len(x.norms) > 0 {
				add('e', strings.Join(x.norms, " "), strings.Join(x.texts, " "), entityWeight)
			}
			x.norms, x.texts = x.norms[:0], x.texts[:0]
		}
		for _, tk := range toks {
			if tk.Kind == token.Punct && tk.Norm == `"` {
				if open {
					quote()
				}
				open = !open
				continue
			}
			if open && (tk.Kind == token.Word || tk.Kind == token.Number) {
				quoted = append(quoted, tk.Stem)
			}
			switch {
			case tk.Kind == token.Word:
				startsSentence := first
				first = false
				if capitalised(tk.Text) && !startsSentence {
					x.norms = append(x.norms, tk.Norm)
					x.texts = append(x.texts, tk.Text)
				} else {
					flush()
				}
				if term(tk) {
					add('t', tk.Stem, tk.Norm, 1)
				}
			case tk.Kind == token.Number:
				flush()
				first = false
				add('n', tk.Norm, tk.Text, numberWeight)
			default:
				flush()
			}
		}
		flush()
	}
	if open {
		quote()
	}
	x.quoted = quoted[:0]
	for i, k := range x.keys {
		x.occs[i].key = hash(k.kind, k.key)
		x.occs[i].form = x.occs[i].key
		if k.surf != k.key {
			x.occs[i].form = hash(0, k.surf)
		}
	}
	var f found
	sh := make([]uint8, len(x.occs))
	for i, o := range x.occs {
		k := shardOf(o.key)
		sh[i] = uint8(k)
		f.at[k+1]++
	}
	for k := range shards {
		f.at[k+1] += f.at[k]
	}
	f.occs = make([]occ, len(x.occs))
	f.surf = slices.Clone(x.surf)
	next := f.at
	for i, o := range x.occs {
		f.occs[next[sh[i]]] = o
		next[sh[i]]++
	}
	return f
}

func term(tk token.Token) bool {
	return tk.Kind == token.Word && !tk.Stop && utf8.RuneCountInString(tk.Norm) > 1
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// weigh turns raw counts (sorted by id) into a unit vector sorted by id.
func weigh(tf []feat, d *dict) []feat {
	v := make([]feat, 0, len(tf))
	var norm float64
	for _, f := range tf {
		w := d.tfidf(f)
		if w <= 0 {
			continue
		}
		v = append(v, feat{f.id, float32(w)})
		norm += w * w
	}
	norm = math.Sqrt(norm)
	for k := range v {
		v[k].w /= float32(norm)
	}
	return v
}

type edge struct {
	a, b int // a < b
	s    float64
}

// candidates proposes, for each article, its best neighbours through the
// inverted index, and scores them exactly.
func candidates(vecs [][]feat, nfeat int, dates []dayRange, opt Options) []edge {
	n := len(vecs)
	// The postings, in one block: counted first, then filled in order.
	count := make([]int32, nfeat+1)
	for _, v := range vecs {
		for _, f := range v {
			count[f.id+1]++
		}
	}
	for k := 1; k <= nfeat; k++ {
		count[k] += count[k-1]
	}
	block := make([]int32, count[nfeat])
	post := make([][]int32, nfeat)
	for k := range post {
		post[k] = block[count[k]:count[k]:count[k+1]]
	}
	for i, v := range vecs {
		for _, f := range v {
			post[f.id] = append(post[f.id], int32(i))
		}
	}
	// The postings too long to walk whole are put in order of day (the
	// undated last): a dated article walks the part of them within MaxDays
	// of its date, if that part is short enough. A word in many reports of
	// a year may be in few of a week.
	if opt.MaxDays >= 0 {
		par.ForEachWorker(context.Background(), nfeat, 0, func() func(int) {
			return func(k int) {
				if len(post[k]) > opt.MaxPostings {
					slices.SortStableFunc(post[k], func(a, b int32) int { return cmp.Compare(dayKey(dates[a]), dayKey(dates[b])) })
				}
			}
		})
	}
	// Each article's candidates are found and scored on every CPU; a pair
	// found from both ends scores the same and is kept once.
	per := make([][]edge, n)
	par.ForEachWorker(context.Background(), n, 0, func() func(int) {
		q := &querier{vecs: vecs, post: post, dates: dates, opt: opt, acc: make([]float64, n), dense: make([]float32, nfeat)}
		return func(i int) { per[i] = q.query(i) }
	})
	// Sorted by (a, b): bucketed by a, each bucket sorted by b.
	at := make([]int, n+1)
	for _, es := range per {
		for _, e := range es {
			at[e.a+1]++
		}
	}
	for k := 1; k <= n; k++ {
		at[k] += at[k-1]
	}
	all := make([]edge, at[n])
	next := slices.Clone(at[:n])
	for _, es := range per {
		for _, e := range es {
			all[next[e.a]] = e
			next[e.a]++
		}
	}
	out := all[:0]
	for a := range n {
		b := all[at[a]:at[a+1]]
		slices.SortFunc(b, func(x, y edge) int { return cmp.Compare(x.b, y.b) })
		for k, e := range b {
			if k == 0 || e.b != b[k-1].b {
				out = append(out, e)
			}
		}
	}
	return out
}

// querier finds candidates for one article at a time; each worker has its
// own scratch space.
type querier struct {
	vecs    [][]feat
	post    [][]int32 // those longer than MaxPostings by day (dayKey)
	dates   []dayRange
	opt     Options
	acc     []float64 // weight accumulated per article from shared features
	touched []int32   // articles with acc > 0
	dense   []float32 // the query's vector by feature id
	q       []feat
}

// query finds article i's best candidates through the postings of its
// heaviest features and scores them.
func (x *querier) query(i int) []edge {
	var out []edge
	v := x.vecs[i]
	x.q = append(x.q[:0], v...)
	q := topK(x.q, x.opt.QueryFeatures, func(a, b feat) bool {
		return a.w < b.w || (a.w == b.w && a.id > b.id)
	})
	for _, f := range q {
		p := x.post[f.id]
		if len(p) > x.opt.MaxPostings {
			p = x.window(f.id, i)
		}
		if len(p) < 2 || len(p) > x.opt.MaxPostings {
			continue
		}
		for _, j := range p {
			if int(j) == i {
				continue
			}
			if x.acc[j] == 0 {
				x.touched = append(x.touched, j)
			}
			x.acc[j] += float64(f.w)
		}
	}
	// The best opt.Candidates by accumulated weight (ties: lower index).
	acc := x.acc
	top := topK(x.touched, x.opt.Candidates, func(a, b int32) bool {
		return acc[a] < acc[b] || (acc[a] == acc[b] && a > b)
	})
	for _, f := range v {
		x.dense[f.id] = f.w
	}
	for _, j := range top {
		a, b := i, int(j)
		if a > b {
			a, b = b, a
		}
		// The cosine of two unit vectors. Summed over j's vector in id
		// order, it adds the same non-zero terms in the same order as from
		// the other end: the pair scores the same either way.
		var s float64
		for _, f := range x.vecs[j] {
			s += float64(x.dense[f.id]) * float64(f.w)
		}
		if s = x.discount(s, a, b); s > 0 {
			out = append(out, edge{a, b, s})
		}
	}
	for _, f := range v {
		x.dense[f.id] = 0
	}
	for _, j := range x.touched {
		acc[j] = 0
	}
	x.touched = x.touched[:0]
	return out
}

// window is the part of feature id's long postings dated within MaxDays
// of article i, nil if i is undated or dates are ignored.
func (x *querier) window(id int32, i int) []int32 {
	dp, d := x.post[id], x.dates[i]
	if x.opt.MaxDays < 0 || !d.ok {
		return nil
	}
	from, _ := slices.BinarySearchFunc(dp, d.lo-x.opt.MaxDays, func(j int32, day int) int { return cmp.Compare(dayKey(x.dates[j]), day) })
	to, _ := slices.BinarySearchFunc(dp, d.hi+x.opt.MaxDays+1, func(j int32, day int) int { return cmp.Compare(dayKey(x.dates[j]), day) })
	return dp[from:to]
}

// dayKey orders postings by first day, the undated after every date.
func dayKey(d dayRange) int {
	if !d.ok {
		return math.MaxInt
	}
	return d.lo
}

// topK moves the k best elements of s (by worse, a strict order) to its
// front, in no particular order, and returns them: a bounded heap whose
// root is the worst kept, O(len(s) log k).
func topK[T any](s []T, k int, worse func(a, b T) bool) []T {
	if len(s) <= k {
		return s
	}
	h := s[:k]
	down := func(p int) {
		for {
			c := 2*p + 1
			if c >= k {
				return
			}
			if c+1 < k && worse(h[c+1], h[c]) {
				c++
			}
			if !worse(h[c], h[p]) {
				return
			}
			h[c], h[p] = h[p], h[c]
			p = c
		}
	}
	for p := k/2 - 1; p >= 0; p-- {
		down(p)
	}
	for j := k; j < len(s); j++ {
		if worse(h[0], s[j]) {
			h[0], s[j] = s[j], h[0]
			down(0)
		}
	}
	return h
}

func (x *querier) discount(s float64, a, b int) float64 {
	return discount(s, x.dates, a, b, x.opt)
}

// discount lowers the similarity s of articles a and b by the days
// between them, to zero beyond opt.MaxDays.
func discount(s float64, dates []dayRange, a, b int, opt Options) float64 {
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

// clusterParts runs cluster on each connected component of the edges that
// pass the threshold, on every CPU. Two groups merge only through a link
// above the threshold, so components never merge and edges between them
// never count; the result is that of cluster over all edges.
func clusterParts(n int, edges []edge, threshold float64) []int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range edges {
		if e.s >= threshold {
			if a, b := find(e.a), find(e.b); a != b {
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	// Components of two articles or more, each with its articles and edges
	// renumbered from 0 (in input order, so the result does not depend on
	// the split).
	comp := map[int]int{}
	var members [][]int
	for i := range n {
		r := find(i)
		k, ok := comp[r]
		if !ok {
			k = len(members)
			comp[r] = k
			members = append(members, nil)
		}
		members[k] = append(members[k], i)
	}
	local := make([]int, n)
	for _, ms := range members {
		for j, i := range ms {
			local[i] = j
		}
	}
	parts := make([][]edge, len(members))
	for _, e := range edges {
		if ka, kb := comp[find(e.a)], comp[find(e.b)]; ka == kb {
			parts[ka] = append(parts[ka], edge{local[e.a], local[e.b], e.s})
		}
	}
	root := make([]int, n)
	par.ForEachWorker(context.Background(), len(members), 0, func() func(int) {
		return func(k int) {
			ms := members[k]
			if len(ms) == 1 {
				root[ms[0]] = ms[0]
				return
			}
			for j, r := range cluster(len(ms), parts[k], threshold) {
				root[ms[j]] = ms[r]
			}
		}
	})
	return root
}

// cluster runs average-link agglomeration over the edges; it returns the
// root cluster of each article.
//
// Each live cluster keeps its best link (highest average, then lowest
// pair); a heap holds those, so that its top is the best link overall. A
// merge changes the links of the merged cluster and its neighbours only:
// a neighbour looks through all its links again only when its best one
// was to either merged cluster, and otherwise compares its new link to
// the merged cluster with the best it has.
func cluster(n int, edges []edge, threshold float64) []int {
	size := make([]int32, n)
	parent := make([]int32, n)
	adj := make([]map[int32]float64, n) // summed similarity between live clusters
	for i := range n {
		size[i], parent[i] = 1, int32(i)
	}
	for _, e := range edges {
		a, b := int32(e.a), int32(e.b)
		if adj[a] == nil {
			adj[a] = map[int32]float64{}
		}
		if adj[b] == nil {
			adj[b] = map[int32]float64{}
		}
		adj[a][b] += e.s
		adj[b][a] += e.s
	}
	linkOf := func(x, c int32, sum float64) link {
		return link{sum / float64(int(size[x])*int(size[c])), min(x, c), max(x, c)}
	}
	best := make([]link, n) // a cluster's best link; avg < 0: none
	stamp := make([]int32, n)
	var h linkHeap
	offer := func(x int32) { // x's best changed: into the heap
		stamp[x]++
		if best[x].avg >= threshold {
			h.push(entry{best[x], x, stamp[x]})
		}
	}
	rescan := func(x int32) {
		b := link{avg: -1}
		for c, sum := range adj[x] {
			if l := linkOf(x, c, sum); l.before(b) {
				b = l
			}
		}
		best[x] = b
		offer(x)
	}
	for x := range int32(n) {
		best[x] = link{avg: -1}
		if adj[x] != nil {
			rescan(x)
		}
	}
	for len(h) > 0 {
		top := h.pop()
		if x := top.owner; parent[x] != x || stamp[x] != top.stamp {
			continue // stale
		}
		a, b := top.a, top.b // merge b into a (a < b)
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
		stamp[b]++
		rescan(a)
		// Iterating a map is fine: each neighbour's update depends on its
		// own links only.
		for c, sum := range adj[a] {
			switch cb := best[c]; {
			case cb.a == a || cb.b == a || cb.a == b || cb.b == b:
				rescan(c)
			case linkOf(c, a, sum).before(cb):
				best[c] = linkOf(c, a, sum)
				offer(c)
			}
		}
	}
	root := make([]int, n)
	for i := range n {
		r := int32(i)
		for parent[r] != r {
			r = parent[r]
		}
		root[i] = int(r)
	}
	return root
}

// link is the average similarity of two clusters, a < b.
type link struct {
	avg  float64
	a, b int32
}

// entry is a cluster's best link in the heap, with the cluster's stamp
// then: a later stamp means the entry is stale.
type entry struct {
	link
	owner, stamp int32
}

// before orders links best first: higher average, then lower a, lower b.
func (l link) before(m link) bool {
	if l.avg != m.avg {
		return l.avg > m.avg
	}
	if l.a != m.a {
		return l.a < m.a
	}
	return l.b < m.b
}

// linkHeap is a binary heap of entries, the best link at the root.
type linkHeap []entry

func (h linkHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *linkHeap) push(l entry) {
	*h = append(*h, l)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !s[i].before(s[p].link) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *linkHeap) pop() entry {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	*h = s[:last]
	h.down(0)
	return top
}

func (h linkHeap) down(i int) {
	n := len(h)
	for {
		c := 2*i + 1
		if c >= n {
			return
		}
		if c+1 < n && h[c+1].before(h[c].link) {
			c++
		}
		if !h[c].before(h[i].link) {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// declaredAll tells whether the user declared the event of every report.
func declaredAll(arts []*corpus.Article) bool {
	for _, a := range arts {
		if a.Event == "" {
			return false
		}
	}
	return true
}

// declaredEvents puts the reports whose event the user declared
// (corpus.Article.Event) in that event, whatever their features say; the
// others keep their cluster in root (cluster numbers below len(arts)).
func declaredEvents(arts []*corpus.Article, root []int) []int {
	n := len(arts)
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
		root[i] = r
	}
	return root
}

// events orders the clusters by first article and labels them.
func events(arts []*corpus.Article, root []int, raw [][]feat, d *dict) []Event {
	out := eventsOf(arts, root)
	d.fillBest() // before the workers read it
	par.ForEachWorker(context.Background(), len(out), 0, func() func(int) {
		return func(k int) { out[k].Label = label(out[k].Articles, raw, d) }
	})
	return out
}

// eventsOf makes the events of the clusters in root, in order of their
// first article, with their dates.
func eventsOf(arts []*corpus.Article, root []int) []Event {
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
func label(members []int, raw [][]feat, d *dict) string {
	type cand struct {
		id  int32
		sum float64
	}
	var cands []cand
	if len(members) == 1 {
		for _, f := range raw[members[0]] {
			if !d.quote[f.id] {
				cands = append(cands, cand{f.id, d.tfidf(f)})
			}
		}
	} else {
		sum := map[int32]float64{}
		for _, i := range members {
			for _, f := range raw[i] {
				if d.quote[f.id] || d.df[f.id] < 2 {
					continue
				}
				sum[f.id] += d.tfidf(f)
			}
		}
		for id, v := range sum {
			cands = append(cands, cand{id, v})
		}
	}
	byWeight := func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.sum, a.sum), strings.Compare(d.surface(a.id), d.surface(b.id)), cmp.Compare(a.id, b.id))
	}
	// Five labels seldom need more than a few dozen candidates: sort the
	// heaviest first, and the rest only if they run out.
	const head = 32
	if len(cands) > head {
		slices.SortFunc(cands, func(a, b cand) int { return cmp.Compare(b.sum, a.sum) })
		cut := head
		for cut < len(cands) && cands[cut].sum == cands[head-1].sum {
			cut++ // keep ties with the last one together
		}
		slices.SortFunc(cands[:cut], byWeight)
		slices.SortFunc(cands[cut:], byWeight)
	} else {
		slices.SortFunc(cands, byWeight)
	}
	var picked []string
	for _, c := range cands {
		if len(picked) == 5 {
			break
		}
		s := d.surface(c.id)
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

// idf is the inverse document frequency of a feature in df of n articles,
// smoothed so that in a small input a feature all share still counts.
func idf(n, df int) float64 {
	return math.Log(1 + float64(n)/float64(df))
}
