package checks

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

type mr102 struct{}

func (mr102) Info() Info {
	return Info{
		ID:       "MR102",
		Name:     "tier-inversion",
		Severity: diag.Warning,
		Summary:  "A service depends on a service of a lower tier, which is less available than it is",
		Fix:      "Raise the dependency's tier (criticality, regions, failover), or make the call soft: cache, queue or degrade when it fails.",
	}
}

func (c mr102) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr102) collect(ctx *Context, out *collector) {
	x := ctx.index()
	if !ctx.Lint() {
		for i, s := range ctx.Plan.Services {
			for _, ref := range s.Block.DependsOn {
				if call := s.Block.Call(ref.Addr); call != nil && call.Soft() {
					continue // a soft call degrades the caller; it does not take it down
				}
				c.inversion(out, ctx.Plan, x, i, ref.Addr, ref.Range, "depends on")
			}
		}
		return
	}
	for _, m := range ctx.Manifests {
		i := x.service(m.Service)
		if i < 0 {
			continue
		}
		for _, dep := range m.Dependencies {
			target := manifestTarget(ctx.Module, dep)
			if call := ctx.Plan.Services[i].Block.Call(target); call != nil && call.Soft() {
				continue // the module describes the call as soft
			}
			c.inversion(out, ctx.Plan, x, i, target, dep.NameRange, "calls, by its manifest,")
		}
	}
}

// inversion judges one edge from the plan's i-th service to target, made
// at rng; verb says how the edge is known ("depends on", "calls, by its
// manifest,").
func (c mr102) inversion(out *collector, p *planner.Plan, x *index, i int, target lang.Address, rng hcl.Range, verb string) {
	if target.Kind != lang.KindService {
		return
	}
	ti := x.service(target.Name)
	if ti < 0 {
		return
	}
	s, t := p.Services[i], p.Services[ti]
	if t.Tier <= s.Tier {
		return
	}
	subject, tier := x.svcSubject[i], tierWord(t.Tier)
	out.add(subject, rng, "Tier inversion",
		subject+" is "+tierWord(s.Tier)+" but "+verb+" "+x.svcSubject[ti]+", which is "+tier+" ("+t.Topology.String()+", failover "+t.Failover.String()+"). "+
			"When "+t.Addr.Name+" is down, "+s.Addr.Name+" fails with it, so "+s.Addr.Name+" is no more available than a "+tier+" service.")
}
