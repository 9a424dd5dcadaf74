package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/providers"
)

type mr201 struct{}

func (mr201) Info() Info {
	return Info{
		ID:       "MR201",
		Name:     "rpo-unachievable",
		Severity: diag.Error,
		Summary:  "The achieved RPO is worse than the objective",
		Fix:      "Replicate the data that sets the RPO with a faster channel (synchronous, or a lower-lag product), or relax the objective's rpo.",
	}
}

func (c mr201) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr201) collect(ctx *Context, out *collector) {
	for i, s := range ctx.Plan.Services {
		pol := s.Objective
		if !pol.HasRPO || s.RPO <= pol.RPO {
			continue
		}
		why, bound, alt := "", "", ""
		if s.RPOFrom != nil {
			if d := ctx.Plan.DataClass(s.RPOFrom.Name); d != nil {
				if d.RPOBound > s.RPO && d.RPO == s.RPO {
					bound = " (typically; up to " + dur(d.RPOBound) + ", the documented bound)"
				}
				how := "has no replication"
				if len(d.Mechanisms) > 0 {
					how = "is kept in sync by " + list(mechanismWords(d.Mechanisms))
				}
				why = ": it writes " + d.Addr.String() + " (" + d.Block.Product + "), which " + how
				rpo := pol.RPO
				alt = alternative(ctx, d.Block.Catalog, func(p *providers.Product) bool {
					return p.Offers(providers.ReplicationSync) || p.Offers(providers.ReplicationSemiSync) || p.Offers(providers.ReplicationAsync) && p.Lag > 0 && p.Lag <= rpo
				}, "replicates within "+dur(pol.RPO))
			}
		}
		subject := ctx.index().svcSubject[i]
		domain := "a region"
		if r, ok := s.Reason(planner.DecideRPO); ok && r.Code == planner.RPOWorstDataZone {
			domain = "a zone"
		}
		out.add(subject, objectiveRange(s.Block, "rpo"), "RPO objective unachievable",
			subject+" may lose at most "+dur(pol.RPO)+" of data ("+objectiveName(s.Block, "rpo")+"), but losing "+domain+" can lose "+dur(s.RPO)+bound+why+"."+alt)
	}
}
