package pipeline

import (
	"cmp"
	"slices"
	"strconv"
)

// PartEvent is an event as the grouper found it in one partition: its
// reports (indexes into batch.Corpus.Articles, increasing), which of them
// are the partition's own (Home, parallel to Members) and the event each
// declares, and the grouper's label.
type PartEvent struct {
	Part    int
	Members []int
	Home    []bool
	Events  []string // declared events, parallel to Members; nil: none
	Label   string
}

// Event is an event of the whole corpus: its id (e1, e2, ... by first
// report), the grouper's label, and its reports, increasing.
type Event struct {
	ID      string
	Label   string
	Members []int
}

// reconcile makes the events of the corpus from those of the partitions.
//
// Each report is in its home partition's events once, and in the events of
// the partitions it overlaps: those decide nothing alone. An event of a
// partition stands for its home reports. Two such events of different
// partitions are one event when each holds home reports of the other: both
// partitions saw the reports on both sides of their border and put them
// together. Reports declaring the same event are in one event whatever
// their partitions, as the grouper puts them. The label is the first
// report's declared event if any, else the grouper's label of the part
// that holds the most of the event's reports in any role (then the
// earliest partition, the undated reports' last).
//
// An undated report is at home in the partition the route step placed it
// in, and overlaps others as a dated report does (partition.go); one not
// placed is at home among the undated, and in no other partition.
//
// With one partition, the events and labels are the grouper's, in its
// order. The order of parts does not matter.
func reconcile(parts []PartEvent) []Event {
	parts = slices.Clone(parts)
	slices.SortFunc(parts, func(a, b PartEvent) int {
		return cmp.Or(cmp.Compare(a.Part, b.Part), cmp.Compare(a.Members[0], b.Members[0]))
	})
	// Each report's event in its home partition.
	homeOf := map[int]int{} // report → index into parts
	for i, p := range parts {
		for k, m := range p.Members {
			if p.Home[k] {
				homeOf[m] = i
			}
		}
	}
	// Union-find over parts.
	root := make([]int, len(parts))
	for i := range root {
		root[i] = i
	}
	find := func(i int) int {
		for root[i] != i {
			root[i] = root[root[i]]
			i = root[i]
		}
		return i
	}
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a != b {
			root[max(a, b)] = min(a, b)
		}
	}
	holds := func(p PartEvent, m int) bool {
		_, ok := slices.BinarySearch(p.Members, m)
		return ok
	}
	declared := map[string]int{}
	for i, p := range parts {
		for k, m := range p.Members {
			if !p.Home[k] {
				// The report's own partition's event: one with this one if
				// it holds a home report of this one.
				j, ok := homeOf[m]
				if !ok || find(i) == find(j) {
					continue
				}
				for kk, mm := range p.Members {
					if p.Home[kk] && holds(parts[j], mm) {
						union(i, j)
						break
					}
				}
				continue
			}
			if p.Events != nil && p.Events[k] != "" {
				if j, ok := declared[p.Events[k]]; ok {
					union(i, j)
				} else {
					declared[p.Events[k]] = i
				}
			}
		}
	}
	// The events: the home reports of each set of parts.
	type acc struct {
		members []int
	}
	in := map[int][]int{} // report → the parts that hold it
	for i, p := range parts {
		for _, m := range p.Members {
			in[m] = append(in[m], i)
		}
	}
	byRoot := map[int]*acc{}
	var out []*acc
	for i, p := range parts {
		r := find(i)
		a := byRoot[r]
		if a == nil {
			a = &acc{}
			byRoot[r] = a
			out = append(out, a)
		}
		for k, m := range p.Members {
			if p.Home[k] {
				a.members = append(a.members, m)
			}
		}
	}
	events := make([]Event, 0, len(out))
	for _, a := range out {
		if len(a.members) == 0 {
			continue // a part of overlapping reports only
		}
		slices.Sort(a.members)
		// The label of the part that holds most of the event's reports,
		// whatever their role there.
		count := map[int]int{}
		for _, m := range a.members {
			for _, i := range in[m] {
				count[i]++
			}
		}
		best, bi := -1, -1
		for i, n := range count {
			if n > best || n == best && i < bi {
				best, bi = n, i
			}
		}
		label := parts[bi].Label
		events = append(events, Event{Label: label, Members: a.members})
	}
	// The first report's declared event names the event, as the grouper
	// does.
	first := map[int]string{}
	for _, p := range parts {
		for k, m := range p.Members {
			if p.Home[k] && p.Events != nil {
				first[m] = p.Events[k]
			}
		}
	}
	slices.SortFunc(events, func(a, b Event) int { return cmp.Compare(a.Members[0], b.Members[0]) })
	for i := range events {
		events[i].ID = "e" + strconv.Itoa(i+1)
		if name := first[events[i].Members[0]]; name != "" {
			events[i].Label = name
		}
	}
	return events
}
