package checks

import (
	"github.com/mrplan/mrplan/diag"
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

func (c mr401) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr401) collect(ctx *Context, out *collector) {
	for i, s := range ctx.Plan.Services {
		if s.Tier != 0 || len(s.Block.Regions) != 1 {
			continue
		}
		subject, region := ctx.index().svcSubject[i], s.Block.Regions[0].Addr.Name
		out.add(subject, attrRange(s.Block.Attrs, "regions", s.Block.DeclRange), "Core service in one region",
			subject+" is tier 0, the business's core, but runs in "+region+" only: losing "+region+" stops it, with nowhere to fail over to.")
	}
}
