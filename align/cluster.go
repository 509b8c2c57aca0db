package align

import (
	"math"
	"slices"
	"sort"
)

// link is a scored pair of units (a < b).
type link struct {
	a, b  int
	score float64
}

// cluster merges units along links, strongest first, by average link: the units of two clusters must score on average at
// least minAvg across reports (pairs never scored count 0), so that a chain
// of pairwise links cannot join two different statements; and a cluster
// never holds more than maxPer units of one report. scored holds every pair
// scored (a superset of links). It returns the clusters (unit indexes,
// ascending; clusters ordered by their first unit) and the weakest link
// that joined each (1 for a single unit).
func cluster(article []int, links, scored []link, minAvg float64, maxPer int) ([][]int, []float64) {
	return clusterGlued(article, nil, links, scored, minAvg, maxPer)
}

// clusterGlued is cluster where some units are glued into statements
// beforehand (stmt[i] is unit i's statement, the lowest unit index in it;
// nil: every unit its own): a statement is never split; it counts once
// towards maxPer; and cohesion is averaged over pairs of statements of
// different reports, a pair scoring its best pair of units.
func clusterGlued(article, stmt []int, links, scored []link, minAvg float64, maxPer int) ([][]int, []float64) {
	links = slices.Clone(links)
	sort.Slice(links, func(x, y int) bool {
		if links[x].score != links[y].score {
			return links[x].score > links[y].score
		}
		if links[x].a != links[y].a {
			return links[x].a < links[y].a
		}
		return links[x].b < links[y].b
	})
	n := len(article)
	sim := make(map[[2]int]float64, len(scored))
	for _, l := range scored {
		sim[[2]int{l.a, l.b}] = l.score
	}
	pair := func(i, j int) float64 {
		if i > j {
			i, j = j, i
		}
		return sim[[2]int{i, j}]
	}
	if stmt == nil {
		stmt = make([]int, n)
		for i := range stmt {
			stmt[i] = i
		}
	}
	parent := make([]int, n)
	members := make([][]int, n)
	count := make([]map[int]int, n) // root -> report -> statements
	weakest := make([]float64, n)
	for i := range parent {
		parent[i] = stmt[i]
		weakest[i] = 1
	}
	for i := range parent {
		r := stmt[i]
		members[r] = append(members[r], i)
		if count[r] == nil {
			count[r] = map[int]int{article[i]: 1}
		}
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	// the units of each statement (by its root), and each cluster's
	// statements, ascending
	unitsOf := make([][]int, n)
	stmts := make([][]int, n)
	for r := range members {
		if members[r] != nil {
			unitsOf[r] = slices.Clone(members[r])
			stmts[r] = []int{r}
		}
	}
	cohesive := func(ra, rb int) bool {
		var sum float64 // in one order, statements ascending: the same bits every run
		k := 0
		for _, sa := range stmts[ra] {
			for _, sb := range stmts[rb] {
				if article[sa] == article[sb] {
					continue
				}
				best := 0.0 // the statements' best pair of units
				for _, i := range unitsOf[sa] {
					for _, j := range unitsOf[sb] {
						best = max(best, pair(i, j))
					}
				}
				sum += best
				k++
			}
		}
		return k > 0 && sum/float64(k) >= minAvg
	}
	for _, l := range links {
		ra, rb := find(l.a), find(l.b)
		if ra == rb {
			continue
		}
		ok := true
		for art, k := range count[rb] {
			if count[ra][art]+k > maxPer {
				ok = false
				break
			}
		}
		if !ok || !cohesive(ra, rb) {
			continue
		}
		if ra > rb {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		for art, k := range count[rb] {
			count[ra][art] += k
		}
		members[ra] = append(members[ra], members[rb]...)
		stmts[ra] = append(stmts[ra], stmts[rb]...)
		slices.Sort(stmts[ra])
		weakest[ra] = math.Min(math.Min(weakest[ra], weakest[rb]), l.score)
	}
	var groups [][]int
	var weak []float64
	for i := range parent {
		if find(i) == i {
			g := append([]int(nil), members[i]...)
			sort.Ints(g)
			groups = append(groups, g)
			weak = append(weak, weakest[i])
		}
	}
	return groups, weak
}
