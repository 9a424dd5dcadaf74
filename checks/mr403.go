package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
)

type mr403 struct{}

func (mr403) Info() Info {
	return Info{
		ID:       "MR403",
		Name:     "non-core-active-active",
		Severity: diag.Notice,
		Summary:  "A tier 2 service is made active-active (cost without need)",
		Fix:      "Let the planner choose the topology (active-passive with a cold standby, or single-region), or raise the service's criticality if it really is core.",
	}
}

func (c mr403) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr403) collect(ctx *Context, out *collector) {
	for i, s := range ctx.Plan.Services {
		if s.Tier != 2 || s.Topology != lang.TopologyActiveActive {
			continue
		}
		subject := ctx.index().svcSubject[i]
		rng := attrRange(s.Block.Attrs, "topology", attrRange(s.Block.Attrs, "regions", s.Block.DeclRange))
		out.add(subject, rng, "Auxiliary service made active-active",
			subject+" is tier 2, yet it runs active-active in "+list(s.Regions)+". Active-active pays for every region at full size and for cross-region data sync; an auxiliary service can wait for a cold standby.")
	}
}
