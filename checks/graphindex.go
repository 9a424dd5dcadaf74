package checks

import (
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// graphIndex answers, per node of the dependency graph, the questions
// MR101 asks once per edge and region (is the target present there,
// available there, where is its control plane) from region bitsets and
// slices indexed by node, each computed once, the first time a node is
// asked about. Nodes are numbered by the run's index: the plan's services,
// then its data classes, then any other node (dependency blocks), so no
// map of the whole graph is built. It belongs to one run of one check: it
// is not safe for concurrent use.
type graphIndex struct {
	g        *planner.Graph
	p        *planner.Plan
	x        *index
	region   map[string]int
	words    int                    // per region set
	others   map[lang.Address]int32 // ids of nodes neither service nor data
	otherIDs []lang.Address

	state       []uint8 // per id, which of the below are known
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

func newGraphIndex(p *planner.Plan, x *index) *graphIndex {
	g := p.Graph
	gx := &graphIndex{
		g: g, p: p, x: x,
		region: make(map[string]int, len(g.Regions)),
		words:  (len(g.Regions) + 63) / 64,
		others: map[lang.Address]int32{},
	}
	for i, r := range g.Regions {
		gx.region[r] = i
	}
	n := len(p.Services) + len(p.Data)
	for _, a := range g.Nodes {
		if a.Kind != lang.KindService && a.Kind != lang.KindData {
			gx.others[a] = int32(n + len(gx.otherIDs))
			gx.otherIDs = append(gx.otherIDs, a)
		}
	}
	n += len(gx.otherIDs)
	gx.state = make([]uint8, n)
	gx.cps = make([]string, n)
	gx.availBits = make([]uint64, n*gx.words)
	gx.presentBits = make([]uint64, n*gx.words)
	return gx
}

func (gx *graphIndex) grow(n int) {
	for len(gx.state) < n {
		gx.state = append(gx.state, 0)
		gx.cps = append(gx.cps, "")
		for range gx.words {
			gx.availBits = append(gx.availBits, 0)
			gx.presentBits = append(gx.presentBits, 0)
		}
	}
}

// id numbers node a.
func (gx *graphIndex) id(a lang.Address) int32 {
	switch a.Kind {
	case lang.KindService:
		if i := gx.x.service(a.Name); i >= 0 {
			return int32(i)
		}
	case lang.KindData:
		if i := gx.x.dataClass(a.Name); i >= 0 {
			return int32(len(gx.p.Services) + i)
		}
	}
	if i, ok := gx.others[a]; ok {
		return i
	}
	i := int32(len(gx.p.Services) + len(gx.p.Data) + len(gx.otherIDs))
	gx.others[a] = i
	gx.otherIDs = append(gx.otherIDs, a)
	gx.grow(int(i) + 1)
	return i
}

// addr is the node numbered id.
func (gx *graphIndex) addr(id int32) lang.Address {
	nS, nD := int32(len(gx.p.Services)), int32(len(gx.p.Data))
	switch {
	case id < nS:
		return gx.p.Services[id].Addr
	case id < nS+nD:
		return gx.p.Data[id-nS].Addr
	}
	return gx.otherIDs[id-nS-nD]
}

// subject is node id's String, shared with the index for services and
// data classes.
func (gx *graphIndex) subject(id int32) string {
	nS, nD := int32(len(gx.p.Services)), int32(len(gx.p.Data))
	switch {
	case id < nS:
		return gx.x.svcSubject[id]
	case id < nS+nD:
		return gx.x.dataSubject[id-nS]
	}
	return gx.otherIDs[id-nS-nD].String()
}

// regionIndex is the index of region in the graph's Regions, or -1.
func (gx *graphIndex) regionIndex(region string) int {
	if i, ok := gx.region[region]; ok {
		return i
	}
	return -1
}

// regionIndices appends the index of each of names to dst, -1 for a
// region the graph does not know.
func (gx *graphIndex) regionIndices(dst []int, names []string) []int {
	for _, r := range names {
		dst = append(dst, gx.regionIndex(r))
	}
	return dst
}

func (gx *graphIndex) bits(all []uint64, t int32, names func(lang.Address) []string, flag uint8) regionBits {
	s := regionBits(all[int(t)*gx.words : int(t+1)*gx.words])
	if gx.state[t]&flag == 0 {
		gx.state[t] |= flag
		// The graph lists a node's regions in module order, the order of
		// its Regions: one walk along them finds every index, without a
		// lookup per name.
		k := 0
		for _, r := range names(gx.addr(t)) {
			for k < len(gx.g.Regions) && gx.g.Regions[k] != r {
				k++
			}
			i := k
			if i == len(gx.g.Regions) { // out of order after all
				if i = gx.regionIndex(r); i < 0 {
					k = 0
					continue
				}
			}
			s[i/64] |= 1 << (uint(i) % 64)
			k = i + 1
		}
	}
	return s
}

// available is the set of regions where node t is available.
func (gx *graphIndex) available(t int32) regionBits {
	return gx.bits(gx.availBits, t, gx.g.Available, knowAvail)
}

// present is the set of regions node t itself is present in.
func (gx *graphIndex) present(t int32) regionBits {
	return gx.bits(gx.presentBits, t, gx.g.Present, knowPresent)
}

// controlPlane is the region of node t's control plane, or "".
func (gx *graphIndex) controlPlane(t int32) string {
	if gx.state[t]&knowCP == 0 {
		gx.state[t] |= knowCP
		// Only products have control planes; a service is none.
		if t >= int32(len(gx.p.Services)) {
			gx.cps[t] = gx.g.ControlPlane(gx.addr(t))
		}
	}
	return gx.cps[t]
}

// where says where node t is present, for messages (see mr101.where).
func (gx *graphIndex) where(t int32) placement {
	if gx.wheres == nil {
		gx.wheres = make([]placement, len(gx.state))
	}
	for len(gx.wheres) < len(gx.state) {
		gx.wheres = append(gx.wheres, placement{})
	}
	if gx.state[t]&knowWhere == 0 {
		gx.state[t] |= knowWhere
		a := gx.addr(t)
		gx.wheres[t] = presentPlacement(a.Kind, gx.g.Present(a))
	}
	return gx.wheres[t]
}
