package checks

import (
	"github.com/mrplan/mrplan/internal/diag"
)

type mr401 struct{}

func (mr401) Info() Info {
	return Info{
		ID:       "MR401",
		Name:     "core-service-single-region",
		Severity: diag.Error,
		Summary:  "A tier 0 service has one region only",
		Fix:      "List a second region in the service's regions, or lower its criticality if the business can live with it down.",
	}
}

func (c mr401) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, s := range ctx.Plan.Services {
		if s.Tier != 0 || len(s.Block.Regions) != 1 {
			continue
		}
		region := s.Block.Regions[0].Addr.Name
		out = append(out, c.Info().findingf(s.Addr, attrRange(s.Block.Attrs, "regions", s.Block.DeclRange), "Core service in one region",
			"%s is tier 0, the business's core, but runs in %s only: losing %s stops it, with nowhere to fail over to.",
			s.Addr, region, region))
	}
	return out
}
