package views

import (
	"fmt"
	"sort"
	"strings"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// GroupBy is how a graph view gathers its nodes into clusters.
type GroupBy int

const (
	// GroupByRegion puts each node in the cluster of its footprint: the set
	// of regions it is present in (a service's regions, where a data class
	// lives, where a dependency is available). A dependency pinned to one
	// region sits with the services that run there only; what runs in every
	// region sits together.
	GroupByRegion GroupBy = iota
	// GroupByTier puts services and the data they own in one cluster per
	// tier, and dependencies in a cluster of their own.
	GroupByTier
	// GroupByNone draws no clusters.
	GroupByNone
)

var groupByNames = []string{"region", "tier", "none"}

func (g GroupBy) String() string {
	if g < 0 || int(g) >= len(groupByNames) {
		return fmt.Sprintf("GroupBy(%d)", int(g))
	}
	return groupByNames[g]
}

// ParseGroupBy reads "region", "tier" or "none".
func ParseGroupBy(s string) (GroupBy, bool) {
	for i, n := range groupByNames {
		if n == s {
			return GroupBy(i), true
		}
	}
	return 0, false
}

// graphView is the dependency graph as the graph views draw it: nodes in
// clusters, edges between them, and what is on a single-region dependency's
// path marked. Everything is sorted, so every rendering is deterministic.
type graphView struct {
	Clusters []*graphCluster // in module region order, or tier order
	Loose    []*graphNode    // nodes in no cluster (GroupByNone)
	Edges    []graphEdge     // sorted by from, to, kind
	// Gaps counts the hidden single-region dependency paths drawn in red.
	Gaps int
}

type graphCluster struct {
	ID    string // "region_us-east-1", "tier_0"
	Label string
	Nodes []*graphNode
}

type graphNode struct {
	Addr  lang.Address
	Lines []string // first is the name
	// Gap: something on a single-region dependency path (a service that
	// cannot work in one of its regions, or what it is missing).
	Gap bool
	// Missing: the node a single-region dependency path ends at.
	Missing bool
	Tier    int // services only
}

type graphEdge struct {
	From, To lang.Address
	Kind     planner.EdgeKind
	Label    string
	Hard     bool
	Gap      bool
}

// ID is the node's identifier in DOT: its address, which users know.
func (n *graphNode) ID() string { return nodeID(n.Addr) }

// nodeID is an address as DOT names it; a condensed group's pseudo-address
// (KindInvalid) is its name alone.
func nodeID(a lang.Address) string {
	if a.Kind == lang.KindInvalid {
		return a.Name
	}
	return a.String()
}

// Class is the node's kind as the views style it: "service", "data",
// "dependency", or "group" for a condensed cluster.
func (n *graphNode) Class() string {
	if n.Addr.Kind == lang.KindInvalid {
		return "group"
	}
	return n.Addr.Kind.String()
}

// condensed folds each cluster into one node that counts what it holds,
// keeping apart only what a hidden single-region dependency ends at, so a
// graph of hundreds of services reads at a glance: which groups call
// which, and which of them lean on something that lives in one region.
// Edges between the same two nodes become one, labelled with their count.
func (gv *graphView) condensed() *graphView {
	out := &graphView{Gaps: gv.Gaps}
	where := map[lang.Address]lang.Address{}
	for _, c := range gv.Clusters {
		group := lang.Address{Kind: lang.KindInvalid, Name: "group:" + c.ID}
		nc := &graphCluster{ID: c.ID, Label: c.Label}
		var counts [3]int
		for _, n := range c.Nodes {
			if n.Missing {
				nc.Nodes = append(nc.Nodes, n)
				where[n.Addr] = n.Addr
				continue
			}
			where[n.Addr] = group
			switch n.Addr.Kind {
			case lang.KindService:
				counts[0]++
			case lang.KindData:
				counts[1]++
			default:
				counts[2]++
			}
		}
		if counts != [3]int{} {
			var parts []string
			for i, word := range [][2]string{{"service", "services"}, {"data class", "data classes"}, {"dependency", "dependencies"}} {
				if counts[i] > 0 {
					parts = append(parts, fmt.Sprintf("%d %s", counts[i], plural(counts[i], word[0], word[1])))
				}
			}
			nc.Nodes = append([]*graphNode{{Addr: group, Lines: parts}}, nc.Nodes...)
		}
		out.Clusters = append(out.Clusters, nc)
	}
	type key struct{ from, to lang.Address }
	index := map[key]int{}
	counts := map[key]int{}
	for _, e := range gv.Edges {
		from, to := where[e.From], where[e.To]
		if from == (lang.Address{}) || to == (lang.Address{}) || from == to {
			continue
		}
		k := key{from, to}
		counts[k]++
		if i, ok := index[k]; ok {
			out.Edges[i].Gap = out.Edges[i].Gap || e.Gap
			out.Edges[i].Hard = out.Edges[i].Hard || e.Hard
			continue
		}
		index[k] = len(out.Edges)
		out.Edges = append(out.Edges, graphEdge{From: from, To: to, Kind: planner.EdgeDependsOn, Hard: e.Hard, Gap: e.Gap})
	}
	for k, i := range index {
		if n := counts[k]; n > 1 {
			out.Edges[i].Label = fmt.Sprintf("%d uses", n)
		}
	}
	return out
}

func buildGraphView(p *planner.Plan, group GroupBy) *graphView {
	gv := &graphView{}
	nodes := map[lang.Address]*graphNode{}
	var order []*graphNode
	add := func(n *graphNode) {
		nodes[n.Addr] = n
		order = append(order, n)
	}

	for _, s := range p.Services {
		lines := []string{s.Addr.Name, fmt.Sprintf("tier %d · %s", s.Tier, s.Topology)}
		if len(s.Regions) > 0 && group != GroupByRegion {
			lines = append(lines, strings.Join(s.Regions, ", "))
		}
		add(&graphNode{Addr: s.Addr, Lines: lines, Tier: s.Tier})
	}
	for _, d := range p.Data {
		lines := []string{d.Addr.Name, d.Class.String()}
		if len(d.Mechanisms) > 0 {
			lines[1] += " · " + d.Mechanisms[0].String()
		}
		add(&graphNode{Addr: d.Addr, Lines: lines})
	}
	if p.Graph != nil {
		for _, a := range p.Graph.Nodes {
			if a.Kind != lang.KindDependency {
				continue
			}
			lines := []string{a.Name}
			present := p.Graph.Present(a)
			switch {
			case group == GroupByRegion:
			case len(p.Graph.Regions) > 0 && len(present) == len(p.Graph.Regions) && len(present) > 1:
				lines = append(lines, "every region")
			case len(present) > 0:
				lines = append(lines, strings.Join(present, ", "))
			default:
				lines = append(lines, "no region")
			}
			add(&graphNode{Addr: a, Lines: lines})
		}
	}

	// Paths of hidden single-region dependencies: every edge on one is red.
	type pair struct{ from, to lang.Address }
	redEdges := map[pair]bool{}
	for _, s := range p.Services {
		for _, g := range s.Gaps {
			gv.Gaps++
			for i := 1; i < len(g.Path); i++ {
				redEdges[pair{g.Path[i-1].Addr, g.Path[i].Addr}] = true
			}
			for _, st := range g.Path {
				if n := nodes[st.Addr]; n != nil {
					n.Gap = true
				}
			}
			if n := nodes[g.Missing]; n != nil {
				n.Missing = true
			}
		}
	}

	if p.Graph != nil {
		// The owner of a data class almost always writes it too: one edge
		// "writes (owner)" says both.
		// A service that reads and writes a class gets one edge for both.
		writes, reads := map[pair]bool{}, map[pair]bool{}
		for _, e := range p.Graph.Edges {
			switch e.Kind {
			case planner.EdgeWrites:
				writes[pair{e.From, e.To}] = true
			case planner.EdgeReads:
				reads[pair{e.From, e.To}] = true
			}
		}
		for _, e := range p.Graph.Edges {
			if nodes[e.From] == nil || nodes[e.To] == nil {
				continue
			}
			ge := graphEdge{From: e.From, To: e.To, Kind: e.Kind, Hard: e.Hard, Label: e.Kind.String()}
			switch e.Kind {
			case planner.EdgeDependsOn:
				ge.Label = ""
				if !e.Hard {
					ge.Label = "has fallback"
				}
			case planner.EdgeOwner:
				if writes[pair{e.To, e.From}] {
					continue
				}
				// Drawn from the owner to its data, as people say it.
				ge.From, ge.To, ge.Label = e.To, e.From, "owns"
			case planner.EdgeReads:
				if writes[pair{e.From, e.To}] {
					continue // said by the writes edge
				}
			case planner.EdgeWrites:
				if reads[pair{e.From, e.To}] {
					ge.Label = "reads, writes"
				}
				if d := p.DataClass(e.To.Name); d != nil && d.Block != nil && d.Block.Owner.Addr == e.From {
					ge.Label += " (owner)"
				}
			}
			ge.Gap = e.Hard && redEdges[pair{e.From, e.To}]
			gv.Edges = append(gv.Edges, ge)
		}
	}
	sort.SliceStable(gv.Edges, func(i, j int) bool {
		a, b := gv.Edges[i], gv.Edges[j]
		if a.From != b.From {
			return a.From.Less(b.From)
		}
		if a.To != b.To {
			return a.To.Less(b.To)
		}
		return a.Kind < b.Kind
	})

	gv.group(p, group, order)
	return gv
}

func (gv *graphView) group(p *planner.Plan, group GroupBy, order []*graphNode) {
	if group == GroupByNone {
		gv.Loose = order
		return
	}
	clusters := map[string]*graphCluster{}
	var keys []string
	cluster := func(id, label string) *graphCluster {
		c := clusters[id]
		if c == nil {
			c = &graphCluster{ID: id, Label: label}
			clusters[id] = c
			keys = append(keys, id)
		}
		return c
	}
	rank := map[string]int{}
	if group == GroupByTier {
		rank["dependencies"] = 10
		rank["unowned"] = 11
	}
	tier := map[lang.Address]int{}
	for _, s := range p.Services {
		tier[s.Addr] = s.Tier
	}
	all := len(p.Module.Regions)
	for _, n := range order {
		var c *graphCluster
		switch group {
		case GroupByRegion:
			regions := canonicalRegions(p.Module, footprint(p, n.Addr))
			id := "regions_" + strings.Join(regions, "+")
			if _, ok := rank[id]; !ok {
				// Widest footprints first, then by the module's region order.
				r := (all - len(regions)) * (all + 1) * (all + 1)
				if len(regions) > 0 {
					r += regionIndex(p.Module, regions[0])
				} else {
					r = 1 << 30
				}
				rank[id] = r
			}
			c = cluster(id, footprintLabel(p.Module, regions))
		case GroupByTier:
			t, ok := -1, false
			switch n.Addr.Kind {
			case lang.KindService:
				t, ok = tier[n.Addr], true
			case lang.KindData:
				if d := p.DataClass(n.Addr.Name); d != nil && d.Block != nil {
					t, ok = tier[d.Block.Owner.Addr]
				}
			}
			switch {
			case n.Addr.Kind == lang.KindDependency:
				c = cluster("dependencies", "dependencies")
			case ok:
				id := fmt.Sprintf("tier_%d", t)
				rank[id] = t
				c = cluster(id, tierLabel(t))
			default:
				c = cluster("unowned", "data with no owner")
			}
		}
		c.Nodes = append(c.Nodes, n)
	}
	sort.SliceStable(keys, func(i, j int) bool { return rank[keys[i]] < rank[keys[j]] })
	for _, k := range keys {
		gv.Clusters = append(gv.Clusters, clusters[k])
	}
}

// graphFor builds the graph view of p, condensed when asked. Condensing
// needs clusters: with GroupByNone there is nothing to fold.
func graphFor(p *planner.Plan, group GroupBy, condense bool) *graphView {
	gv := buildGraphView(p, group)
	if condense && group != GroupByNone {
		gv = gv.condensed()
	}
	return gv
}

func regionLabel(m *lang.Module, name string) string {
	r := m.Region(name)
	if r == nil || r.Geo == nil {
		return name
	}
	where := flatText(r.Geo.City)
	if where == "" {
		where = flatText(r.Geo.Name)
	}
	if where == "" {
		return name
	}
	return name + " (" + where + ")"
}

// tierLabel names a tier as SPEC §5.1 does.
func tierLabel(t int) string {
	switch t {
	case 0:
		return "tier 0 · core"
	case 1:
		return "tier 1 · important"
	case 2:
		return "tier 2 · auxiliary"
	}
	return fmt.Sprintf("tier %d", t)
}

func sortAddresses(as []lang.Address) {
	sort.Slice(as, func(i, j int) bool { return as[i].Less(as[j]) })
}

// footprint lists the regions a node is present in, in module order.
func footprint(p *planner.Plan, a lang.Address) []string {
	switch a.Kind {
	case lang.KindService:
		if s := p.Service(a.Name); s != nil {
			return s.Regions
		}
	case lang.KindData:
		if d := p.DataClass(a.Name); d != nil {
			return d.Regions
		}
	}
	if p.Graph != nil {
		return p.Graph.Present(a)
	}
	return nil
}

// canonicalRegions sorts a copy of regions in the module's order, so one
// set of regions always has one spelling.
func canonicalRegions(m *lang.Module, regions []string) []string {
	out := append([]string(nil), regions...)
	sort.SliceStable(out, func(i, j int) bool { return regionIndex(m, out[i]) < regionIndex(m, out[j]) })
	return out
}

func regionIndex(m *lang.Module, name string) int {
	for i, r := range m.Regions {
		if r.Name == name {
			return i
		}
	}
	return len(m.Regions)
}

func footprintLabel(m *lang.Module, regions []string) string {
	switch {
	case len(regions) == 0:
		return "in no region"
	case len(regions) == 1:
		return regionLabel(m, regions[0]) + " only"
	case len(regions) == len(m.Regions):
		return fmt.Sprintf("every region (%d)", len(regions))
	}
	return strings.Join(regions, " · ")
}
