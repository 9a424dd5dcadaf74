package checks

import (
	"fmt"

	"github.com/mrplan/mrplan/internal/diag"
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

func (c mr201) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, s := range ctx.Plan.Services {
		pol := s.Objective
		if !pol.HasRPO || s.RPO <= pol.RPO {
			continue
		}
		why := ""
		if s.RPOFrom != nil {
			if d := ctx.Plan.DataClass(s.RPOFrom.Name); d != nil {
				how := "has no replication"
				if len(d.Mechanisms) > 0 {
					how = "is kept in sync by " + list(mechanismWords(d.Mechanisms))
				}
				why = fmt.Sprintf(": it writes %s (%s), which %s", d.Addr, d.Block.Product, how)
			}
		}
		out = append(out, c.Info().findingf(s.Addr, objectiveRange(s.Block, "rpo"), "RPO objective unachievable",
			"%s may lose at most %s of data (%s), but losing a region can lose %s%s.",
			s.Addr, dur(pol.RPO), objectiveName(s.Block, "rpo"), dur(s.RPO), why))
	}
	return out
}
