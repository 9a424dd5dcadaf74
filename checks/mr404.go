package checks

import (
	"github.com/mrplan/mrplan/diag"
)

type mr404 struct{}

func (mr404) Info() Info {
	return Info{
		ID:       "MR404",
		Name:     "no-compensation-plan",
		Severity: diag.Warning,
		Summary:  "A tier 0 service has no compensation",
		Fix:      "Set the service's compensation: how users hit by a failure are told, retried or compensated.",
	}
}

func (c mr404) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr404) collect(ctx *Context, out *collector) {
	for i, s := range ctx.Plan.Services {
		if s.Tier != 0 || s.Block.Compensation != "" {
			continue
		}
		subject := ctx.index().svcSubject[i]
		out.add(subject, s.Block.DeclRange, "No compensation plan",
			subject+" is tier 0 but says nothing about compensation. No multi-region design is 100% available: some requests fail during a failover, and users hit by them need to be told, retried or compensated.")
	}
}
