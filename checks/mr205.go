package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

type mr205 struct{}

func (mr205) Info() Info {
	return Info{
		ID:       "MR205",
		Name:     "replicated-regenerable-data",
		Severity: diag.Notice,
		Summary:  "Regenerable data is being replicated",
		Fix:      "Drop the replication from the data's sync list and let it be regenerated (sessions re-issued, caches refilled) after failover.",
	}
}

func (c mr205) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ctx.Plan.Data {
		if d.Class != planner.ClassRegenerable || !replicates(d) {
			continue
		}
		rng := attrRange(d.Block.Attrs, "sync", attrRange(d.Block.Attrs, "regenerable", d.Block.DeclRange))
		for _, m := range d.Block.Sync {
			if m.Mechanism != lang.MechRegenerate && m.Mechanism != lang.MechBackupRestore && m.Mechanism != lang.MechOnDemandFetch {
				rng = m.Range
				break
			}
		}
		out = append(out, c.Info().findingf(d.Addr, rng, "Regenerable data replicated",
			"%s is regenerable, yet it is copied across regions by %s. Replicating it costs bandwidth and write latency and buys nothing: after a failover it can be rebuilt or re-issued.",
			d.Addr, list(mechanismWords(d.Mechanisms))))
	}
	return out
}
