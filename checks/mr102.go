package checks

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/internal/diag"
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

func (c mr102) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	if !ctx.Lint() {
		for _, s := range ctx.Plan.Services {
			for _, ref := range s.Block.DependsOn {
				if f, ok := c.inversion(ctx.Plan, s, ref.Addr, ref.Range, "depends on"); ok {
					out = append(out, f)
				}
			}
		}
		return out
	}
	for _, m := range ctx.Manifests {
		s := ctx.Plan.Service(m.Service)
		if s == nil {
			continue
		}
		for _, dep := range m.Dependencies {
			if f, ok := c.inversion(ctx.Plan, s, manifestTarget(ctx.Module, dep), dep.NameRange, "calls, by its manifest,"); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// inversion judges one edge from s to target, made at rng; verb says how
// the edge is known ("depends on", "calls, by its manifest,").
func (c mr102) inversion(p *planner.Plan, s *planner.Service, target lang.Address, rng hcl.Range, verb string) (diag.Diagnostic, bool) {
	if target.Kind != lang.KindService {
		return diag.Diagnostic{}, false
	}
	t := p.Service(target.Name)
	if t == nil || t.Tier <= s.Tier {
		return diag.Diagnostic{}, false
	}
	return c.Info().findingf(s.Addr, rng, "Tier inversion",
		"%s is %s but %s %s, which is %s (%s, failover %s). When %s is down, %s fails with it, so %s is no more available than a %s service.",
		s.Addr, tierWord(s.Tier), verb, t.Addr, tierWord(t.Tier), t.Topology, t.Failover,
		t.Addr.Name, s.Addr.Name, s.Addr.Name, tierWord(t.Tier)), true
}
