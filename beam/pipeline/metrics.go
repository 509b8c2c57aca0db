package pipeline

import (
	"context"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// What a run measures of itself, as Beam metrics (the runner sums them
// across workers): the partitions' sizes, the memory each took to group,
// and how many undated reports the route step placed.
var (
	partReports  = beam.NewDistribution("biasdiff", "partition-reports")
	partGrouping = beam.NewDistribution("biasdiff", "partition-grouping-heap-mib")
	placed       = beam.NewCounter("biasdiff", "undated-placed")
	notPlaced    = beam.NewCounter("biasdiff", "undated-not-placed")
)

// Stats are what a run measured of itself.
type Stats struct {
	// Partitions grouped, and the fewest and most reports one held
	// (overlapping and placed undated reports included).
	Partitions, MinReports, MaxReports int
	// GroupingMiB is the most the heap grew while a partition was grouped
	// (live objects and garbage not yet collected, sampled every few
	// milliseconds): the memory a worker needs to group one partition.
	GroupingMiB int
	// Placed and NotPlaced count the undated reports the route step
	// placed in a partition, and those it left among the undated.
	Placed, NotPlaced int
}

// statsOf reads a run's Stats from its metrics.
func statsOf(pr beam.PipelineResult) Stats {
	var s Stats
	if pr == nil {
		return s
	}
	q := pr.Metrics().Query(func(r beam.MetricResult) bool { return r.Namespace() == "biasdiff" })
	for _, d := range q.Distributions() {
		v := d.Result()
		switch d.Name() {
		case "partition-reports":
			s.Partitions += int(v.Count)
			if s.MinReports == 0 || int(v.Min) < s.MinReports {
				s.MinReports = int(v.Min)
			}
			s.MaxReports = max(s.MaxReports, int(v.Max))
		case "partition-grouping-heap-mib":
			s.GroupingMiB = max(s.GroupingMiB, int(v.Max))
		}
	}
	for _, c := range q.Counters() {
		switch c.Name() {
		case "undated-placed":
			s.Placed += int(c.Result())
		case "undated-not-placed":
			s.NotPlaced += int(c.Result())
		}
	}
	return s
}

// heapPeak samples the heap's size until stop is called, which returns
// how much it grew at most, in bytes.
func heapPeak() (stop func() int64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() int64 {
		metrics.Read(sample)
		return int64(sample[0].Value.Uint64())
	}
	start := read()
	peak := start
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				peak = max(peak, read())
			}
		}
	})
	return func() int64 {
		close(done)
		wg.Wait()
		return max(peak, read()) - start
	}
}

// measure runs group, and records the partition's size and the heap's
// growth while it ran.
func measure(ctx context.Context, reports int, group func()) {
	partReports.Update(ctx, int64(reports))
	stop := heapPeak()
	group()
	partGrouping.Update(ctx, stop()>>20)
}
