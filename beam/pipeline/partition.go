package pipeline

import (
	"slices"

	"github.com/biasdiff/biasdiff/align/group"
)

// Report is one report of the corpus as it travels through the pipeline:
// its place in the corpus (batch.Corpus.Articles), its dates and the
// event its metadata declares. The text stays on disk.
type Report struct {
	N      int    // index into batch.Corpus.Articles
	Lo, Hi int    // its date as days since 1970-01-01, [Lo, Hi] for a partial date
	Dated  bool   // Lo and Hi hold a date
	Event  string // as declared (manifest, sidecar, front matter), "" if not
	Home   bool   // in its partition: set on the copies sent to partitions
	// An undated report's partition, when the route step found one
	// (Routed), else its chunk of the undated.
	Routed bool
	Route  int
	Chunk  int
}

// dayRange is a report's date as the grouper reads it (group.Days).
func dayRange(s string) (lo, hi int, ok bool) { return group.Days(s) }

// DayCount is how many dated reports start on a day.
type DayCount struct {
	Day, N int
}

// Cuts splits time into partitions: partition 0 holds the days before
// Days[0], partition i the days from Days[i-1] to before Days[i], the last
// the days from the last cut on. An undated report, when there are cuts,
// is at home in the partition the route step found for it, else in its
// chunk of the undated, partitions of their own after the last
// (len(Days)+1+Chunk); with no cut all are in partition 0.
type Cuts struct {
	Days    []int
	Overlap int // days: reports this close to a partition are sent to it too
	// Spans are the first and last days of the dated reports at home in
	// each partition.
	Spans [][2]int
}

// newCuts chooses k partitions for the reports counted by day, and finds
// their spans.
func newCuts(counts []DayCount, k, overlap int) Cuts {
	c := Cuts{Days: cutDays(counts, k), Overlap: overlap}
	c.Spans = make([][2]int, len(c.Days)+1)
	seen := make([]bool, len(c.Spans))
	for _, d := range counts {
		p, _ := slices.BinarySearch(c.Days, d.Day+1)
		sp := &c.Spans[p]
		if !seen[p] || d.Day < sp[0] {
			sp[0] = d.Day
		}
		if !seen[p] || d.Day > sp[1] {
			sp[1] = d.Day
		}
		seen[p] = true
	}
	return c
}

// whole is the first partition within Overlap days of every dated
// report (an overlap longer than the corpus), -1 if none.
func (c Cuts) whole() int {
	if len(c.Spans) == 0 {
		return -1
	}
	lo, hi := c.Spans[0][0], c.Spans[len(c.Spans)-1][1]
	for p := range c.Spans {
		if plo, phi := c.span(p); lo >= plo-c.Overlap && hi <= phi+c.Overlap {
			return p
		}
	}
	return -1
}

// span is the days of the reports at home in partition p.
func (c Cuts) span(p int) (lo, hi int) {
	return c.Spans[p][0], c.Spans[p][1]
}

// cutDays chooses k-1 cuts (fewer when the reports start on fewer days)
// that split the dated reports into k partitions of sizes as equal as
// whole days allow. counts need not be sorted.
func cutDays(counts []DayCount, k int) []int {
	counts = slices.Clone(counts)
	slices.SortFunc(counts, func(a, b DayCount) int { return a.Day - b.Day })
	total := 0
	for _, c := range counts {
		total += c.N
	}
	var cuts []int
	cum, j := 0, 1
	for i, c := range counts {
		cum += c.N
		if j >= k || i == len(counts)-1 {
			break
		}
		if cum*k >= j*total {
			cuts = append(cuts, counts[i+1].Day)
			for j < k && cum*k >= j*total {
				j++
			}
		}
	}
	return cuts
}

// home is the partition of a report.
func (c Cuts) home(r Report) int {
	if !r.Dated {
		switch {
		case len(c.Days) == 0:
			return 0
		case r.Routed && r.Route <= len(c.Days):
			return r.Route
		}
		if p := c.whole(); p >= 0 {
			return p // a partition that sees every dated report
		}
		return len(c.Days) + 1 + r.Chunk // a chunk of the undated
	}
	p, _ := slices.BinarySearch(c.Days, r.Lo+1) // cuts at or before Lo
	return p
}

// partitions calls f with each partition the report is sent to: its home
// (home true), then each other partition whose reports' days it is within
// Overlap days of, so that every report the grouper could link to a report
// of a partition (it links none more than 7 days apart) is grouped with
// it. An undated report placed by the route step stands for its partition's
// days: it is sent to another partition only when all of them are within
// Overlap days of that one's (an overlap longer than the corpus sends
// every report to every partition); one not placed, to its home alone,
// a chunk of the undated, unless a partition sees every dated report:
// then it is at home in the first such and sent to the others.
func (c Cuts) partitions(r Report, f func(p int, home bool)) {
	h := c.home(r)
	f(h, true)
	if len(c.Days) == 0 {
		return // one partition
	}
	if !r.Dated {
		if h > len(c.Days) {
			return
		}
		lo, hi := c.span(h)
		if !r.Routed { // at home where every dated report is: as they are
			lo, hi = c.Spans[0][0], c.Spans[len(c.Spans)-1][1]
		}
		for p := 0; p <= len(c.Days); p++ {
			if plo, phi := c.span(p); p != h && lo >= plo-c.Overlap && hi <= phi+c.Overlap {
				f(p, false)
			}
		}
		return
	}
	for p := 0; p <= len(c.Days); p++ {
		// The days of partition p's reports are [plo, phi]; the report
		// [Lo, Hi] is within Overlap days of one of them when the gap
		// between the two ranges is at most that.
		if plo, phi := c.span(p); p != h && r.Hi >= plo-c.Overlap && r.Lo <= phi+c.Overlap {
			f(p, false)
		}
	}
}
