package checks

import (
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// graphIndex answers, per node of the dependency graph, the questions
// MR101 asks once per edge and region (is the target present there,
// available there, where is its control plane) from region bitsets and
// slices indexed by node, each computed once, the first time a node is
// asked about. It belongs to one run of one check: it is not safe for
// concurrent use.
type graphIndex struct {
	g      *planner.Graph
	nodes  map[lang.Address]int32
	region map[string]int
	words  int // per region set

	state       []uint8 // per node, which of the below are known
	availBits   []uint64
	presentBits []uint64
	cps         []string
	wheres      []placement
}

const (
	knowAvail uint8 = 1 << iota
	knowPresent
	knowCP
	knowWhere
)

// regionBits is a set of regions of the graph, by their index in Regions.
type regionBits []uint64

func (s regionBits) has(i int) bool { return s[i/64]&(1<<(uint(i)%64)) != 0 }

func newGraphIndex(g *planner.Graph) *graphIndex {
	n := len(g.Nodes)
	x := &graphIndex{
		g:      g,
		nodes:  make(map[lang.Address]int32, n),
		region: make(map[string]int, len(g.Regions)),
		words:  (len(g.Regions) + 63) / 64,
		state:  make([]uint8, n),
		cps:    make([]string, n),
	}
	for i, a := range g.Nodes {
		x.nodes[a] = int32(i)
	}
	for i, r := range g.Regions {
		x.region[r] = i
	}
	x.availBits = make([]uint64, n*x.words)
	x.presentBits = make([]uint64, n*x.words)
	return x
}

// node is a's index in the graph's Nodes; a must be a node.
func (x *graphIndex) node(a lang.Address) int32 {
	i, ok := x.nodes[a]
	if !ok {
		panic("checks: " + a.String() + " is not a node of the graph")
	}
	return i
}

// regionIndex is the index of region in the graph's Regions, or -1.
func (x *graphIndex) regionIndex(region string) int {
	if i, ok := x.region[region]; ok {
		return i
	}
	return -1
}

// regionIndices appends the index of each of names to dst, -1 for a
// region the graph does not know.
func (x *graphIndex) regionIndices(dst []int, names []string) []int {
	for _, r := range names {
		dst = append(dst, x.regionIndex(r))
	}
	return dst
}

func (x *graphIndex) bits(all []uint64, t int32, names func(lang.Address) []string, flag uint8) regionBits {
	s := regionBits(all[int(t)*x.words : int(t+1)*x.words])
	if x.state[t]&flag == 0 {
		x.state[t] |= flag
		for _, r := range names(x.g.Nodes[t]) {
			if i := x.regionIndex(r); i >= 0 {
				s[i/64] |= 1 << (uint(i) % 64)
			}
		}
	}
	return s
}

// available is the set of regions where node t is available.
func (x *graphIndex) available(t int32) regionBits {
	return x.bits(x.availBits, t, x.g.Available, knowAvail)
}

// present is the set of regions node t itself is present in.
func (x *graphIndex) present(t int32) regionBits {
	return x.bits(x.presentBits, t, x.g.Present, knowPresent)
}

// controlPlane is the region of node t's control plane, or "".
func (x *graphIndex) controlPlane(t int32) string {
	if x.state[t]&knowCP == 0 {
		x.state[t] |= knowCP
		x.cps[t] = x.g.ControlPlane(x.g.Nodes[t])
	}
	return x.cps[t]
}

// where says where node t is present, for messages (see mr101.where).
func (x *graphIndex) where(t int32) placement {
	if x.wheres == nil {
		x.wheres = make([]placement, len(x.g.Nodes))
	}
	if x.state[t]&knowWhere == 0 {
		x.state[t] |= knowWhere
		a := x.g.Nodes[t]
		x.wheres[t] = presentPlacement(a.Kind, x.g.Present(a))
	}
	return x.wheres[t]
}
