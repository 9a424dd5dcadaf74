package planner

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/mrplan/mrplan/lang"
)

// randomGraph builds a graph of n nodes over r regions with random present
// sets and random edges, a third of them soft, cycles included.
func randomGraph(rng *rand.Rand, n, r int) *Graph {
	regions := make([]string, r)
	for i := range regions {
		regions[i] = fmt.Sprintf("r%d", i)
	}
	g := newGraph(regions)
	addr := func(i int) lang.Address { return lang.Address{Kind: lang.KindService, Name: fmt.Sprintf("n%03d", i)} }
	for i := 0; i < n; i++ {
		own := newRegionSet(r)
		for j := 0; j < r; j++ {
			if rng.Intn(5) > 0 {
				own.add(j)
			}
		}
		g.addNode(addr(i), own, "")
	}
	for e := 0; e < 2*n; e++ {
		a, b := rng.Intn(n), rng.Intn(n)
		g.addEdge(Edge{From: addr(a), To: addr(b), Kind: EdgeDependsOn, Hard: rng.Intn(3) > 0})
	}
	g.finish(Options{}.parallel())
	return g
}

// reach lists the nodes x reaches by hard edges, x included.
func (g *Graph) reach(x int32) []int32 {
	seen := map[int32]bool{x: true}
	stack := []int32{x}
	for len(stack) > 0 {
		y := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range g.hard[y] {
			if z := g.edgeTo[e]; !seen[z] {
				seen[z] = true
				stack = append(stack, z)
			}
		}
	}
	out := make([]int32, 0, len(seen))
	for y := range seen {
		out = append(out, y)
	}
	return out
}

// The condensation gives what a search from every node gives: a node is
// available where everything it reaches is present; a gap's path follows
// hard edges to a node absent there; and a scenario kills exactly the nodes
// that reach one whose regions are all lost, each pointed where the
// condensation points it.
func TestGraphAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 200; round++ {
		n, r := 1+rng.Intn(30), 1+rng.Intn(4)
		g := randomGraph(rng, n, r)
		lost := newRegionSet(r)
		lost.add(rng.Intn(r))
		if rng.Intn(3) == 0 {
			lost.add(rng.Intn(r))
		}
		alive, why := outageReference(g, lost)
		sp := newScratch(n, 0)
		firstIn, nowhere := g.byFirstRegion()
		for range 2 { // a second epoch reuses the scratch
			down := sp.outage(g, firstIn, nowhere, lost)
			checkOutage(t, round, g, sp, down, alive, why)
		}
		for x := int32(0); x < int32(n); x++ {
			want := newRegionSet(r)
			want.fill(r)
			wantAlive := true
			for _, y := range g.reach(x) {
				want.intersect(g.own[y])
				if !g.own[y].anyOutside(lost) {
					wantAlive = false
				}
			}
			a := g.Nodes[x]
			if got := g.Available(a); !slices.Equal(got, g.names(want)) {
				t.Fatalf("round %d: %s available in %v, want %v", round, a, got, g.names(want))
			}
			if alive[x] != wantAlive {
				t.Fatalf("round %d: %s alive %v, want %v", round, a, alive[x], wantAlive)
			}
			for ri, region := range g.Regions {
				gap, ok := g.Gap(a, region)
				if ok == want.has(ri) {
					t.Fatalf("round %d: %s gap in %s: %v, but available %v", round, a, region, ok, want.has(ri))
				}
				if !ok {
					continue
				}
				checkPath(t, g, gap.Path, gap.Elided)
				if last, _ := g.index.find(gap.Missing); g.own[last].has(ri) {
					t.Fatalf("round %d: %s's gap in %s ends at %s, which is present there", round, a, region, gap.Missing)
				}
			}
		}
	}
}

func checkPath(t *testing.T, g *Graph, path []Step, elided int) {
	t.Helper()
	for i := 1; i < len(path); i++ {
		if elided > 0 && i == pathHead {
			continue
		}
		ok := false
		prev, _ := g.index.find(path[i-1].Addr)
		for _, e := range g.hard[prev] {
			if g.Nodes[g.edgeTo[e]] == path[i].Addr && g.Edges[e].Kind == path[i].Kind {
				ok = true
			}
		}
		if !ok {
			t.Fatalf("path step %s → %s is not a hard edge", path[i-1].Addr, path[i].Addr)
		}
	}
}

func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// checkOutage compares what scratch.outage found with the reference: the
// same nodes down, each pointed at the same edge, and a depth and root that
// follow those edges.
func checkOutage(t *testing.T, round int, g *Graph, sp *scratch, down []int32, alive []bool, why []int32) {
	t.Helper()
	ep := sp.epoch
	if len(down) != len(alive)-countTrue(alive) {
		t.Fatalf("round %d: %d nodes down, want %d", round, len(down), len(alive)-countTrue(alive))
	}
	for x := range alive {
		if isDown := sp.down[x] == ep; isDown == alive[x] {
			t.Fatalf("round %d: %s down %v, want %v", round, g.Nodes[x], isDown, !alive[x])
		}
		if alive[x] {
			continue
		}
		if sp.why[x] != why[x] {
			t.Fatalf("round %d: %s down via %d, want %d", round, g.Nodes[x], sp.why[x], why[x])
		}
		depth, y := int32(1), int32(x)
		for why[y] >= 0 {
			y = g.edgeTo[why[y]]
			depth++
		}
		if sp.depth[x] != depth || sp.root[x] != y {
			t.Fatalf("round %d: %s depth %d root %s, want %d and %s", round, g.Nodes[x], sp.depth[x], g.Nodes[sp.root[x]], depth, g.Nodes[y])
		}
	}
}

// outageReference plays the loss of the regions in lost over the whole
// condensation, as the planner once did: a node survives when it is
// present in a region outside lost and everything it hard-depends on
// survives. It returns, per node, whether it survives and, for those that
// do not, the edge towards why.
func outageReference(g *Graph, lost regionSet) (alive []bool, why []int32) {
	n := len(g.Nodes)
	alive = make([]bool, n)
	why = make([]int32, n)
	compAlive := make([]bool, len(g.comps))
	for c, members := range g.comps {
		ok := true
		for _, x := range members {
			if !g.own[x].anyOutside(lost) {
				ok = false
				break
			}
			for _, e := range g.hard[x] {
				if y := g.edgeTo[e]; g.comp[y] != int32(c) && !compAlive[g.comp[y]] {
					ok = false
					break
				}
			}
			if !ok {
				break
			}
		}
		compAlive[c] = ok
		for _, x := range members {
			alive[x] = ok
			why[x] = nextOK
		}
		if !ok {
			g.witness(int32(c),
				func(x int32) bool { return !g.own[x].anyOutside(lost) },
				func(y int32) bool { return !compAlive[g.comp[y]] },
				func(x int32) *int32 { return &why[x] })
		}
	}
	return alive, why
}
