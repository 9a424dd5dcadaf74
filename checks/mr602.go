package checks

import (
	"fmt"

	"github.com/mrplan/mrplan/diag"
)

type mr602 struct{}

func (mr602) Info() Info {
	return Info{
		ID:       "MR602",
		Name:     "residency-unsatisfiable",
		Severity: diag.Error,
		Summary:  "No region the owning service may run in satisfies the data class's residency",
		Fix:      "Add a region inside the residency to the owning service's regions, or correct residency.",
	}
}

func (c mr602) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr602) collect(ctx *Context, out *collector) {
	for i, d := range ctx.Plan.Data {
		if !d.ResidencyUnsatisfiable {
			continue
		}
		owner := d.Block.Owner.Addr
		var where []string
		if s := ctx.Plan.Service(owner.Name); s != nil {
			for _, r := range s.Regions {
				c := "country unknown"
				if m := ctx.Module.Region(r); m != nil && m.Geo != nil && m.Geo.Country != "" {
					c = m.Geo.Country
				}
				where = append(where, r+" ("+c+")")
			}
		}
		subject := ctx.index().dataSubject[i]
		out.add(subject, residencyRange(d.Block), "Residency unsatisfiable",
			fmt.Sprintf("%s may be kept only in %s, but its owner %s runs in %s only: every copy, the primary included, would be outside.",
				subject, residencyList(d.Block), owner, list(where)))
	}
}
