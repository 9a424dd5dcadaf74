package planner

// Paths through the graph are kept short: a path of more than
// pathHead+pathTail nodes keeps its first pathHead and last pathTail nodes
// and counts the ones left out. A module with a chain of 10,000 services
// would otherwise hold 10,000 paths of up to 10,000 steps per region and
// per scenario.
const (
	pathHead = 8
	pathTail = 8
)

// pathMemo answers, for explanation slots that point every bad node
// one edge closer to what is at fault, how long each node's path is and
// where its tail starts, in O(1) after an O(V) fill.
type pathMemo struct {
	g *Graph
	// next[x*stride+off] is the edge to follow from x, < 0 at the end of
	// a path.
	next        []int32
	stride, off int
	depth       []int32 // nodes on the path from x, 0 when not known
	tail        []int32 // first node of the last pathTail nodes
	into        []int32 // edge into tail[x], -1 when tail[x] == x
}

func newPathMemo(g *Graph, next []int32, stride, off int) *pathMemo {
	n := len(g.Nodes)
	return &pathMemo{g: g, next: next, stride: stride, off: off, depth: make([]int32, n), tail: make([]int32, n), into: make([]int32, n)}
}

func (pm *pathMemo) slot(y int32) int32 { return pm.next[int(y)*pm.stride+pm.off] }

// fill computes depth, tail and into for x and every node after it,
// without recursion.
func (pm *pathMemo) fill(x int32) {
	var stack []int32
	for y := x; pm.depth[y] == 0; {
		stack = append(stack, y)
		e := pm.slot(y)
		if e < 0 {
			break
		}
		y = pm.g.edgeTo[e]
	}
	for i := len(stack) - 1; i >= 0; i-- {
		pm.link(stack[i])
	}
}

// link computes depth, tail and into for y from those of the node its
// slot leads to, which must be known.
func (pm *pathMemo) link(y int32) {
	e := pm.slot(y)
	if e < 0 {
		pm.depth[y], pm.tail[y], pm.into[y] = 1, y, -1
		return
	}
	z := pm.g.edgeTo[e]
	pm.depth[y] = pm.depth[z] + 1
	switch {
	case pm.depth[y] <= pathTail:
		pm.tail[y], pm.into[y] = y, -1
	case pm.depth[y] == pathTail+1:
		pm.tail[y], pm.into[y] = z, e
	default:
		pm.tail[y], pm.into[y] = pm.tail[z], pm.into[z]
	}
}

// path returns x's path, shortened, and how many nodes were left out of
// its middle.
func (pm *pathMemo) path(x int32) (steps []Step, elided int) {
	pm.fill(x)
	g := pm.g
	n := int(pm.depth[x])
	// Each path gets its own steps, so that path only reads the memo once
	// it is filled, and Gap is safe from several goroutines.
	steps = make([]Step, 0, min(n, pathHead+pathTail))
	steps = append(steps, Step{Addr: g.Nodes[x]})
	walk := func(y int32, count int) {
		for ; count > 0; count-- {
			e := pm.slot(y)
			if e < 0 {
				return
			}
			y = g.edgeTo[e]
			steps = append(steps, g.step(e))
		}
	}
	if n <= pathHead+pathTail {
		walk(x, n)
		return steps, 0
	}
	walk(x, pathHead-1)
	t := pm.tail[x]
	steps = append(steps, g.step(pm.into[x]))
	walk(t, pathTail-1)
	return steps, n - pathHead - pathTail
}

func (g *Graph) step(e int32) Step {
	return Step{Addr: g.Nodes[g.edgeTo[e]], Kind: g.Edges[e].Kind, Range: g.Edges[e].Range}
}
