package pipeline

import (
	"fmt"
	"slices"
	"testing"
)

func TestCutDays(t *testing.T) {
	for _, tc := range []struct {
		counts []DayCount
		k      int
		want   []int
	}{
		{[]DayCount{{3, 25}, {1, 25}, {2, 25}, {4, 25}}, 4, []int{2, 3, 4}},
		{[]DayCount{{1, 25}, {2, 25}, {3, 25}, {4, 25}}, 2, []int{3}},
		{[]DayCount{{1, 100}}, 4, nil},                     // one day: one partition
		{[]DayCount{{1, 90}, {2, 5}, {3, 5}}, 4, []int{2}}, // a heavy day
		{nil, 3, nil},
	} {
		if got := cutDays(tc.counts, tc.k); !slices.Equal(got, tc.want) {
			t.Errorf("cutDays(%v, %d) = %v, want %v", tc.counts, tc.k, got, tc.want)
		}
	}
}

func TestPartitionsOfReport(t *testing.T) {
	c := Cuts{Days: []int{10, 20}, Overlap: 3, Spans: [][2]int{{5, 9}, {10, 19}, {20, 26}}}
	for _, tc := range []struct {
		r    Report
		want string
	}{
		{Report{Lo: 5, Hi: 5, Dated: true}, "0 home"},
		{Report{Lo: 8, Hi: 8, Dated: true}, "0 home, 1"},
		{Report{Lo: 12, Hi: 12, Dated: true}, "1 home, 0"},
		{Report{Lo: 15, Hi: 15, Dated: true}, "1 home"},
		{Report{Lo: 19, Hi: 19, Dated: true}, "1 home, 2"},
		{Report{Lo: 0, Hi: 30, Dated: true}, "0 home, 1, 2"}, // a month
		{Report{}, "3 home"},                                 // undated, not placed: chunk 0 of the undated
		{Report{Chunk: 2}, "5 home"},                         // chunk 2
		{Report{Routed: true, Route: 1}, "1 home"},           // undated, placed by the route step
	} {
		got := ""
		c.partitions(tc.r, func(p int, home bool) {
			if got != "" {
				got += ", "
			}
			got += fmt.Sprint(p)
			if home {
				got += " home"
			}
		})
		if got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.r, got, tc.want)
		}
	}
	// An overlap as long as the corpus: every report in every partition.
	all := c
	all.Overlap = 100
	for _, r := range []Report{{Lo: 5, Hi: 5, Dated: true}, {Routed: true, Route: 0}, {Routed: true, Route: 2}, {Chunk: 1}} {
		var ps []int
		all.partitions(r, func(p int, _ bool) { ps = append(ps, p) })
		if slices.Sort(ps); !slices.Equal(ps, []int{0, 1, 2}) {
			t.Errorf("%+v, overlap 100: %v, want [0 1 2]", r, ps)
		}
	}
	// An overlap that covers one partition's days from the other's.
	wide := newCuts([]DayCount{{5, 10}, {9, 10}, {10, 10}, {16, 10}}, 2, 6)
	if want := [][2]int{{5, 9}, {10, 16}}; !slices.Equal(wide.Spans, want) {
		t.Fatalf("spans %v, want %v", wide.Spans, want)
	}
	for _, tc := range []struct {
		r    Report
		want []int
	}{
		{Report{Routed: true, Route: 0}, []int{0, 1}}, // days 5-9 within 6 of 10-16
		{Report{Routed: true, Route: 1}, []int{1}},    // days 10-16 not within 6 of 5-9
	} {
		var ps []int
		wide.partitions(tc.r, func(p int, _ bool) { ps = append(ps, p) })
		if !slices.Equal(ps, tc.want) {
			t.Errorf("%+v: %v, want %v", tc.r, ps, tc.want)
		}
	}
	var one []int
	Cuts{}.partitions(Report{}, func(p int, _ bool) { one = append(one, p) })
	if !slices.Equal(one, []int{0}) {
		t.Errorf("no cuts, undated: %v, want [0]", one)
	}
}

// part is a PartEvent of members m, those in home its own.
func part(p int, label string, m []int, home []int) PartEvent {
	pe := PartEvent{Part: p, Members: m, Label: label, Home: make([]bool, len(m))}
	for k, x := range m {
		pe.Home[k] = slices.Contains(home, x)
	}
	return pe
}

func TestReconcile(t *testing.T) {
	show := func(evs []Event) string {
		s := ""
		for _, e := range evs {
			s += fmt.Sprintf("%s %s %v; ", e.ID, e.Label, e.Members)
		}
		return s
	}
	for _, tc := range []struct {
		name  string
		parts []PartEvent
		want  string
	}{
		{"one partition: as given, by first report", []PartEvent{
			part(0, "b", []int{1, 4}, []int{1, 4}),
			part(0, "a", []int{0, 2, 3}, []int{0, 2, 3}),
		}, "e1 a [0 2 3]; e2 b [1 4]; "},
		{"across a border, both sides agree", []PartEvent{
			part(0, "x", []int{0, 1, 2}, []int{0, 1}),
			part(1, "y", []int{0, 1, 2, 3}, []int{2, 3}),
		}, "e1 y [0 1 2 3]; "},
		{"one side only links: not joined", []PartEvent{
			part(0, "x", []int{0, 1, 2}, []int{0, 1}),
			part(1, "y", []int{2, 3}, []int{2, 3}),
			part(1, "z", []int{0, 1}, nil), // overlapping reports only
		}, "e1 x [0 1]; e2 y [2 3]; "},
		{"an undated report placed in a partition is one of its own", []PartEvent{
			part(0, "x", []int{0, 5}, []int{0, 5}),
			part(1, "y", []int{1, 2}, []int{1, 2}),
			part(2, "u", []int{6}, []int{6}), // the undated not placed
		}, "e1 x [0 5]; e2 y [1 2]; e3 u [6]; "},
		{"declared events join across partitions", []PartEvent{
			{Part: 0, Members: []int{0}, Home: []bool{true}, Events: []string{"talks"}, Label: "talks"},
			{Part: 1, Members: []int{1}, Home: []bool{true}, Events: []string{"talks"}, Label: "talks"},
		}, "e1 talks [0 1]; "},
	} {
		if got := show(reconcile(tc.parts)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		rev := slices.Clone(tc.parts)
		slices.Reverse(rev)
		if got := show(reconcile(rev)); got != tc.want {
			t.Errorf("%s, parts reversed: %s, want %s", tc.name, got, tc.want)
		}
	}
}
