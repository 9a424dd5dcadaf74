package planner

import (
	"cmp"
	"slices"
	"sort"

	"github.com/mrplan/mrplan/lang"
)

// Graph is the dependency graph of a module: services, data classes and
// dependency blocks, joined by depends_on, reads, writes and owner edges.
//
// Each node has the set of regions it is present in (its own regions);
// it is available in a region when it and everything it hard-depends on,
// transitively, are present there. Availability is computed once over the
// condensation (strongly connected components by an iterative Tarjan, so
// cycles and chains of any length are fine), with region sets as bitsets,
// in O((V + E) · R) time for R regions.
type Graph struct {
	Nodes []lang.Address // sorted
	Edges []Edge         // sorted by From, To, Kind
	// Regions are the module's regions; every region set of the graph is
	// over them.
	Regions []string

	index  nodeIndex
	region map[string]int
	edgeTo []int32
	from   []int32
	hard   [][]int32 // per node, its hard out-edges (indices into Edges)
	rhard  [][]int32 // per node, its hard in-edges
	own    []regionSet
	cp     []string  // control plane region code per node
	comp   []int32   // component of each node
	comps  [][]int32 // components, each sorted, sinks first
	avail  []regionSet
	// next[r*len(Nodes)+x] explains why node x is unavailable in region r:
	// the edge to follow towards what is missing, nextSelf when x itself is
	// missing there, nextOK when x is available.
	next  []int32
	memos []*pathMemo // per region, over next

	pending []pendingNode
	// added[k] is the node of the k-th node added, so that whoever added
	// them finds their nodes without looking their addresses up.
	added []int32
}

type pendingNode struct {
	addr lang.Address
	own  regionSet
	cp   string
	at   int32 // order added
}

const (
	nextOK         = -2
	nextSelf       = -1
	nextUnassigned = -3
)

// nodeIndex finds a node by address: a map by name for each kind, as
// string keys hash and compare faster than addresses.
type nodeIndex []map[string]int32

// newNodeIndex makes the maps for nodes, sorted by address, with room for
// each kind's.
func newNodeIndex(nodes []pendingNode) nodeIndex {
	var ix nodeIndex
	for i := 0; i < len(nodes); {
		k := nodes[i].addr.Kind
		j := i
		for j < len(nodes) && nodes[j].addr.Kind == k {
			j++
		}
		if k >= 0 {
			for int(k) >= len(ix) {
				ix = append(ix, nil)
			}
			ix[k] = make(map[string]int32, j-i)
		}
		i = j
	}
	return ix
}

func (ix nodeIndex) put(a lang.Address, x int32) {
	if a.Kind >= 0 && int(a.Kind) < len(ix) && ix[a.Kind] != nil {
		ix[a.Kind][a.Name] = x
	}
}

func (ix nodeIndex) find(a lang.Address) (int32, bool) {
	if a.Kind < 0 || int(a.Kind) >= len(ix) {
		return 0, false
	}
	x, ok := ix[a.Kind][a.Name]
	return x, ok
}

func newGraph(regions []string) *Graph {
	g := &Graph{Regions: regions, region: make(map[string]int, len(regions))}
	for i, r := range regions {
		g.region[r] = i
	}
	return g
}

func (g *Graph) regionSetOf(names []string) regionSet {
	s := newRegionSet(len(g.Regions))
	for _, n := range names {
		if i, ok := g.region[n]; ok {
			s.add(i)
		}
	}
	return s
}

func (g *Graph) addNode(a lang.Address, own regionSet, controlPlane string) {
	g.pending = append(g.pending, pendingNode{a, own, controlPlane, int32(len(g.pending))})
}

func (g *Graph) addEdge(e Edge) { g.Edges = append(g.Edges, e) }

// finish indexes the graph and computes components and availability.
// Edges to nodes that were never added are dropped (a partial module).
func (g *Graph) finish(par parallel) {
	sort.SliceStable(g.pending, func(i, j int) bool { return g.pending[i].addr.Less(g.pending[j].addr) })
	g.index = newNodeIndex(g.pending)
	g.added = make([]int32, len(g.pending))
	g.Nodes = make([]lang.Address, 0, len(g.pending))
	g.own = make([]regionSet, 0, len(g.pending))
	g.cp = make([]string, 0, len(g.pending))
	// Sorted, a node added twice is next to itself: the first stays.
	for _, p := range g.pending {
		if n := len(g.Nodes); n > 0 && g.Nodes[n-1] == p.addr {
			g.added[p.at] = int32(n - 1)
			continue
		}
		g.added[p.at] = int32(len(g.Nodes))
		g.index.put(p.addr, int32(len(g.Nodes)))
		g.Nodes = append(g.Nodes, p.addr)
		g.own = append(g.own, p.own)
		g.cp = append(g.cp, p.cp)
	}
	g.pending = nil

	// Nodes are sorted, so edges sort by their ends' indices: each end is
	// looked up once, and the sort compares integers, its tie-break on the
	// edge's position keeping it stable.
	// The lookups, one per end, run on all cores; edges with an end that
	// is not a node are marked and left out after.
	type end struct{ from, to, at int32 }
	ends := make([]end, len(g.Edges))
	par.each(len(g.Edges), func(lo, hi int) {
		// A node's edges were added together: its index is looked up
		// once for them all.
		var from lang.Address
		var f int32
		okFrom := false
		for i := lo; i < hi; i++ {
			e := &g.Edges[i]
			if i == lo || e.From != from {
				from = e.From
				f, okFrom = g.index.find(from)
			}
			t, okTo := g.index.find(e.To)
			if !okFrom || !okTo {
				f = -1
			}
			ends[i] = end{f, t, int32(i)}
		}
	})
	known := ends[:0]
	for _, x := range ends {
		if x.from >= 0 {
			known = append(known, x)
		}
	}
	ends = known
	slices.SortFunc(ends, func(a, b end) int {
		if c := cmp.Compare(a.from, b.from); c != 0 {
			return c
		}
		if c := cmp.Compare(a.to, b.to); c != 0 {
			return c
		}
		if c := cmp.Compare(g.Edges[a.at].Kind, g.Edges[b.at].Kind); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	// Put the edges in that order in place, following each cycle of the
	// permutation (an edge list is the graph's largest part), then merge
	// duplicates and drop the edges with an unknown end.
	at := make([]int32, len(g.Edges)) // at[k]: the edge to move to k
	placed := make([]bool, len(g.Edges))
	for k, x := range ends {
		at[k] = x.at
		placed[x.at] = true
	}
	k := len(ends)
	for i := range g.Edges {
		if !placed[i] {
			at[k] = int32(i)
			k++
		}
	}
	clear(placed)
	for i := range at {
		if placed[i] {
			continue
		}
		tmp := g.Edges[i]
		j := i
		for {
			placed[j] = true
			src := int(at[j])
			if src == i {
				g.Edges[j] = tmp
				break
			}
			g.Edges[j] = g.Edges[src]
			j = src
		}
	}
	kept := g.Edges[:0]
	g.edgeTo = make([]int32, 0, len(ends))
	g.from = make([]int32, 0, len(ends))
	for i, x := range ends {
		e := &g.Edges[i]
		if n := len(kept); n > 0 && g.from[n-1] == x.from && g.edgeTo[n-1] == x.to && kept[n-1].Kind == e.Kind {
			kept[n-1].Hard = kept[n-1].Hard || e.Hard
			continue
		}
		kept = append(kept, *e)
		g.from = append(g.from, x.from)
		g.edgeTo = append(g.edgeTo, x.to)
	}
	g.Edges = kept

	n := len(g.Nodes)
	// Each node's hard edges, out and in, are slices of two shared blocks.
	outN, inN := make([]int32, n), make([]int32, n)
	hard := 0
	for i, e := range g.Edges {
		if e.Hard {
			outN[g.from[i]]++
			inN[g.edgeTo[i]]++
			hard++
		}
	}
	g.hard, g.rhard = make([][]int32, n), make([][]int32, n)
	outs, ins := make([]int32, hard), make([]int32, hard)
	o, in := 0, 0
	for x := range n {
		g.hard[x] = outs[o : o : o+int(outN[x])]
		g.rhard[x] = ins[in : in : in+int(inN[x])]
		o += int(outN[x])
		in += int(inN[x])
	}
	for i, e := range g.Edges {
		if e.Hard {
			f, t := g.from[i], g.edgeTo[i]
			g.hard[f] = append(g.hard[f], int32(i))
			g.rhard[t] = append(g.rhard[t], int32(i))
		}
	}
	g.tarjan()
	g.computeAvailability(par)
}

// tarjan finds the strongly connected components of the hard edges without
// recursion. Components come out sinks first: a component is emitted only
// after every component it reaches.
func (g *Graph) tarjan() {
	n := len(g.Nodes)
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	g.comp = make([]int32, n)
	// The components partition the nodes: each is a slice of all.
	all := make([]int32, 0, n)
	var stack []int32
	type frame struct {
		v  int32
		ei int
	}
	var calls []frame
	var counter int32
	for root := int32(0); root < int32(n); root++ {
		if index[root] >= 0 {
			continue
		}
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		calls = append(calls, frame{root, 0})
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			v := f.v
			if f.ei < len(g.hard[v]) {
				w := g.edgeTo[g.hard[v][f.ei]]
				f.ei++
				switch {
				case index[w] < 0:
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					calls = append(calls, frame{w, 0})
				case onStack[w] && index[w] < low[v]:
					low[v] = index[w]
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				if p := calls[len(calls)-1].v; low[v] < low[p] {
					low[p] = low[v]
				}
			}
			if low[v] != index[v] {
				continue
			}
			id := int32(len(g.comps))
			start := len(all)
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				g.comp[w] = id
				all = append(all, w)
				if w == v {
					break
				}
			}
			members := all[start:len(all):len(all)]
			slices.Sort(members)
			g.comps = append(g.comps, members)
		}
	}
}

func (g *Graph) computeAvailability(par parallel) {
	R, n := len(g.Regions), len(g.Nodes)
	g.avail = make([]regionSet, len(g.comps))
	words := len(newRegionSet(R))
	sets := make([]uint64, words*len(g.comps)) // every component's set, in one block
	for c, members := range g.comps {
		a := regionSet(sets[c*words : (c+1)*words : (c+1)*words])
		a.fill(R)
		for _, x := range members {
			a.intersect(g.own[x])
			for _, e := range g.hard[x] {
				if y := g.edgeTo[e]; g.comp[y] != int32(c) {
					a.intersect(g.avail[g.comp[y]])
				}
			}
		}
		g.avail[c] = a
	}
	// Why a node is missing from one region depends on availability alone,
	// not on the other regions: each region's explanations, a column of
	// next of their own, are filled on all cores.
	g.next = make([]int32, n*R)
	g.memos = make([]*pathMemo, R)
	grain := 1
	if n < par.grain {
		grain = R
	}
	par.eachOf(R, grain, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			g.explain(r)
		}
	})
}

// explain fills region r's explanation slots and its path memo.
func (g *Graph) explain(r int) {
	n := len(g.Nodes)
	next := g.next[r*n : (r+1)*n : (r+1)*n]
	for i := range next {
		next[i] = nextOK
	}
	memo := newPathMemo(g, next, 1, 0)
	g.memos[r] = memo
	for c, members := range g.comps {
		a := g.avail[c]
		if a.has(r) {
			continue
		}
		// Each memo is filled as its slots are set, components sinks
		// first, so that Gap only reads and is safe to call from several
		// goroutines, and a node's memo entry is O(1) from the one its
		// edge leads to.
		if len(members) == 1 {
			// witness, for a component of one node, without its closures:
			// most nodes are missing from most regions.
			x := members[0]
			e := int32(nextSelf)
			if g.own[x].has(r) {
				for _, h := range g.hard[x] {
					if y := g.edgeTo[h]; g.comp[y] != int32(c) && !g.avail[g.comp[y]].has(r) {
						e = h
						break
					}
				}
			}
			next[x] = e
			memo.link(x)
			continue
		}
		g.witness(int32(c),
			func(x int32) bool { return !g.own[x].has(r) },
			func(y int32) bool { return !g.avail[g.comp[y]].has(r) },
			func(x int32) *int32 { return &next[x] })
		for _, x := range members {
			memo.fill(x)
		}
	}
}

// witness points every member of component c, all of which are "bad", at
// why: nextSelf when self(x) holds, else the first hard edge to a bad node
// outside c, else (inside a cycle) an edge to a member one step closer to
// such a node, by a breadth-first search backwards from them.
func (g *Graph) witness(c int32, self func(int32) bool, badOutside func(int32) bool, slot func(int32) *int32) {
	members := g.comps[c]
	var queue []int32
	for _, x := range members {
		p := slot(x)
		*p = nextUnassigned
		if self(x) {
			*p = nextSelf
			queue = append(queue, x)
			continue
		}
		for _, e := range g.hard[x] {
			if y := g.edgeTo[e]; g.comp[y] != c && badOutside(y) {
				*p = e
				queue = append(queue, x)
				break
			}
		}
	}
	if len(members) == 1 {
		return
	}
	for len(queue) > 0 {
		z := queue[0]
		queue = queue[1:]
		for _, e := range g.rhard[z] {
			x := g.from[e]
			if g.comp[x] != c {
				continue
			}
			if p := slot(x); *p == nextUnassigned {
				*p = e
				queue = append(queue, x)
			}
		}
	}
}

// Has reports whether a is a node of the graph.
func (g *Graph) Has(a lang.Address) bool { _, ok := g.index.find(a); return ok }

// ControlPlane returns the region a's product keeps its control plane in,
// when the module uses that region, or "". The node stays available
// everywhere its data plane is; only changes to it need that region.
func (g *Graph) ControlPlane(a lang.Address) string {
	i, ok := g.index.find(a)
	if !ok {
		return ""
	}
	return g.cp[i]
}

// Present lists the regions node a itself is present in, in module order.
func (g *Graph) Present(a lang.Address) []string {
	i, ok := g.index.find(a)
	if !ok {
		return nil
	}
	return g.names(g.own[i])
}

// Available lists the regions where a and everything it hard-depends on
// are present, in module order.
func (g *Graph) Available(a lang.Address) []string {
	i, ok := g.index.find(a)
	if !ok {
		return nil
	}
	return g.names(g.avail[g.comp[i]])
}

// Gap explains why a is not available in region: the first thing missing
// and the path to it. It reports false when a is available there (or is
// not in the graph, or region is unknown).
func (g *Graph) Gap(a lang.Address, region string) (Gap, bool) {
	x, ok := g.index.find(a)
	if !ok {
		return Gap{}, false
	}
	return g.gapAt(x, region)
}

// gapAt is Gap for node x.
func (g *Graph) gapAt(x int32, region string) (Gap, bool) {
	r, okR := g.region[region]
	if !okR || g.next[r*len(g.Nodes)+int(x)] == nextOK {
		return Gap{}, false
	}
	p, elided := g.memos[r].path(x)
	last, _ := g.index.find(p[len(p)-1].Addr)
	return Gap{Region: region, Missing: p[len(p)-1].Addr, Path: p, Elided: elided, ControlPlane: g.cp[last]}, true
}

// Cycles lists the groups of nodes that hard-depend on each other in a
// cycle, each sorted, in order of their first node.
func (g *Graph) Cycles() [][]lang.Address {
	var out [][]lang.Address
	for _, members := range g.comps {
		self := false
		if len(members) == 1 {
			for _, e := range g.hard[members[0]] {
				if g.edgeTo[e] == members[0] {
					self = true
				}
			}
		}
		if len(members) < 2 && !self {
			continue
		}
		c := make([]lang.Address, len(members))
		for i, x := range members {
			c[i] = g.Nodes[x]
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0].Less(out[j][0]) })
	return out
}

// From lists the edges leaving a, sorted.
func (g *Graph) From(a lang.Address) []Edge {
	i := sort.Search(len(g.Edges), func(i int) bool { return !g.Edges[i].From.Less(a) })
	j := i
	for j < len(g.Edges) && g.Edges[j].From == a {
		j++
	}
	return g.Edges[i:j]
}

func (g *Graph) names(s regionSet) []string {
	out := []string{}
	for i, r := range g.Regions {
		if s.has(i) {
			out = append(out, r)
		}
	}
	return out
}
