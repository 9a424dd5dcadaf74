package planner

import (
	"slices"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// buildGraph puts every service, data class and dependency block in the
// graph with the regions it is present in, and every use as an edge.
func (p *planner) buildGraph() {
	names := make([]string, 0, len(p.m.Regions))
	for _, r := range p.m.Regions {
		if r != nil {
			names = append(names, r.Name)
		}
	}
	g := newGraph(names)
	// Every service and data class is a node with its edges in a place of
	// its own, worked out first, so that they are filled on all cores in
	// the order a serial run appends them.
	svcs, data := p.out.Services, p.out.Data
	at := make([]int, len(svcs)+len(data)+1) // first edge of each entity
	p.par.each(len(svcs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			b := svcs[i].Block
			n := len(b.Reads) + len(b.Writes)
			for _, ref := range b.DependsOn {
				if k := ref.Addr.Kind; k == lang.KindDependency || k == lang.KindService {
					n++
				}
			}
			at[i+1] = n
		}
	})
	for j, d := range data {
		if d.Block.Owner.Addr.Kind == lang.KindService {
			at[len(svcs)+j+1] = 1
		}
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	g.Edges = make([]Edge, at[len(at)-1])
	g.pending = make([]pendingNode, len(svcs)+len(data), len(svcs)+len(data)+len(p.m.Dependencies))
	p.par.each(len(svcs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s := svcs[i]
			g.pending[i] = pendingNode{s.Addr, g.regionSetOf(s.Regions), "", int32(i)}
			edges := g.Edges[at[i]:at[i]]
			for _, ref := range s.Block.DependsOn {
				hard := true
				switch ref.Addr.Kind {
				case lang.KindDependency:
					if dep := p.m.Dependency(ref.Addr.Name); dep != nil && dep.Fallback != "" {
						hard = false
					}
				case lang.KindService:
				default:
					continue
				}
				if c := s.Block.Call(ref.Addr); c != nil && c.Soft() {
					hard = false // the call has a fallback, or only some callers make it
				}
				edges = append(edges, Edge{From: s.Addr, To: ref.Addr, Kind: EdgeDependsOn, Hard: hard, Range: ref.Range})
			}
			for _, ref := range s.Block.Reads {
				edges = append(edges, Edge{From: s.Addr, To: ref.Addr, Kind: EdgeReads, Hard: true, Range: ref.Range})
			}
			for _, ref := range s.Block.Writes {
				edges = append(edges, Edge{From: s.Addr, To: ref.Addr, Kind: EdgeWrites, Hard: true, Range: ref.Range})
			}
		}
	})
	p.par.each(len(data), func(lo, hi int) {
		for j := lo; j < hi; j++ {
			d := data[j]
			own := g.regionSetOf(p.presence(d))
			cp := p.controlPlaneOf(d.Block.Catalog)
			g.pending[len(svcs)+j] = pendingNode{d.Addr, own, cp, int32(len(svcs) + j)}
			if d.Block.Owner.Addr.Kind == lang.KindService {
				g.Edges[at[len(svcs)+j]] = Edge{From: d.Addr, To: d.Block.Owner.Addr, Kind: EdgeOwner, Range: d.Block.Owner.Range}
			}
		}
	})
	for _, dep := range p.m.Dependencies {
		if dep == nil {
			continue
		}
		own := newRegionSet(len(names))
		switch {
		case dep.Global:
			own.fill(len(names))
		case len(dep.Regions) > 0:
			for _, r := range dep.Regions {
				if i, ok := g.region[r.Addr.Name]; ok {
					own.add(i)
				}
			}
		default:
			// A multi-region or global product is everywhere; for anything
			// else nothing says where it is, so it is taken to be outside
			// every failure the planner can play rather than missing
			// everywhere.
			own.fill(len(names))
		}
		cp := p.controlPlaneOf(dep.Catalog)
		g.addNode(dep.Addr(), own, cp)
	}
	g.finish(p.par)
	p.out.Graph = g
}

// controlPlaneOf returns the region code a product's control plane is
// pinned to, when the module uses that region, or "". It does not narrow
// where the node is available: a global product such as aws.route53 keeps
// answering (DNS resolution, health-check failover, STS) from every region
// when its control-plane region is lost; only changes to it (records,
// roles, health checks) wait for that region. Checks report the pin.
func (p *planner) controlPlaneOf(prod *providers.Product) string {
	if prod == nil || prod.ControlPlane == "" {
		return ""
	}
	for _, r := range p.m.Regions {
		if r != nil && r.Geo != nil && r.Geo.Provider == prod.Provider && r.Geo.Code == prod.ControlPlane {
			return prod.ControlPlane
		}
	}
	return ""
}

// presence is where a data class is there to be used: everywhere it lives
// when it is replicated or regenerated; otherwise its home region, plus the
// standby regions of its writers, which restore it from backups as part of
// their failover (and their RTO counts the restore). A queue published to
// in every region (dual publish) is there in every region.
func (p *planner) presence(d *Data) []string {
	regions := d.Regions
	if d.Class != ClassRegenerable && d.Replication == ReplicationNone && !d.DualPublish {
		regions = []string{p.homeRegion(d)}
		for _, s := range d.writers {
			if s != nil {
				regions = append(regions, s.Standbys...)
			}
		}
		regions = p.sortRegions(regions)
	}
	return p.withRemoteReads(d, regions)
}

// withRemoteReads adds the regions whose readers residency keeps reading
// from afar (keepResident), when the data is kept in two or more regions
// they may read from: no single region's loss then cuts them off. With one
// such region they depend on it alone, and MR101 says so.
func (p *planner) withRemoteReads(d *Data, regions []string) []string {
	if len(d.RemoteReads) == 0 {
		return regions
	}
	if len(regions) < 2 {
		return regions
	}
	out := slices.Clone(regions)
	for _, rr := range d.RemoteReads {
		out = append(out, rr.Region)
	}
	return p.sortRegions(out)
}
