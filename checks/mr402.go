package checks

import (
	"fmt"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/planner"
)

type mr402 struct{}

func (mr402) Info() Info {
	return Info{
		ID:       "MR402",
		Name:     "survival-goal-unmet",
		Severity: diag.Error,
		Summary:  "A failure inside the objective's survive scope leaves the service down",
		Fix:      "Add a region outside the failure domain the objective must survive (another region, or another country for survive = \"country\"), or narrow survive.",
	}
}

func (c mr402) Run(ctx *Context) []diag.Diagnostic {
	downIn := downScenarios(ctx)
	var out []diag.Diagnostic
	for i, s := range ctx.Plan.Services {
		pol := s.Objective
		if !pol.HasRPO && !pol.HasRTO && pol.From == nil {
			continue // no objective, nothing to survive
		}
		// Causes other checks name more precisely are left to them: a core
		// service in one region (MR401), an RTO that a single region makes
		// unbounded (MR202), a dependency missing from a region (MR101).
		if s.Tier == 0 && len(s.Block.Regions) == 1 || pol.HasRTO && s.RTO.Unbounded {
			continue
		}
		var down []string
		var cause *planner.ServiceOutcome
		for _, at := range downIn[i] {
			if at.sc.Domain > pol.Survive {
				continue
			}
			if at.o.Depth > 1 && len(s.Gaps) > 0 {
				continue
			}
			if cause == nil {
				cause = at.o
			}
			down = append(down, at.sc.Name())
		}
		if len(down) == 0 {
			continue
		}
		why := fmt.Sprintf("all its regions (%s) are lost with it", list(s.Regions))
		if cause.Depth > 1 {
			why = fmt.Sprintf("it needs %s, which goes down with it", cause.Root)
		}
		out = append(out, c.Info().findingf(s.Addr, attrRange(s.Block.Attrs, "regions", s.Block.DeclRange), "Survival goal unmet",
			"%s must survive the loss of a %s (%s), but with %s it is down: %s.",
			s.Addr, pol.Survive, objectiveName(s.Block, ""), list(down), why))
	}
	return out
}

// downAt is a scenario that leaves a service down, and its outcome there.
type downAt struct {
	sc *planner.Scenario
	o  *planner.ServiceOutcome
}

// downScenarios lists, per plan service index, the scenarios that leave it
// down, in scenario order. It reads only the services each scenario
// affects, so it costs the size of the scenarios' lists, not services
// times scenarios.
func downScenarios(ctx *Context) map[int][]downAt {
	x := ctx.index()
	out := map[int][]downAt{}
	for _, sc := range ctx.Plan.Scenarios {
		for k := range sc.Affected {
			o := &sc.Affected[k]
			if o.Outcome != planner.OutcomeDown {
				continue
			}
			if i := x.service(o.Service.Name); i >= 0 {
				out[i] = append(out[i], downAt{sc, o})
			}
		}
	}
	return out
}
