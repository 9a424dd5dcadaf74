package checks

import (
	"fmt"
	"strings"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

type mr405 struct{}

func (mr405) Info() Info {
	return Info{
		ID:       "MR405",
		Name:     "survivor-capacity-short",
		Severity: diag.Error,
		Summary:  "After a failure inside the survive scope, the regions left cannot carry the service's traffic",
		Fix:      "Raise the capacity of the surviving regions to carry the traffic without the lost one (static stability), or add a region.",
	}
}

func (c mr405) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr405) collect(ctx *Context, out *collector) {
	x := ctx.index()
	type short struct {
		scenario string
		use      planner.CapacityUse
	}
	byService := map[int][]short{}
	for _, sc := range ctx.Plan.Scenarios {
		for _, use := range sc.Capacity {
			if !use.Short() {
				continue
			}
			i := x.service(use.Service.Name)
			if i < 0 {
				continue
			}
			s := ctx.Plan.Services[i]
			survive := s.Objective.Survive
			if survive == 0 {
				survive = lang.DomainRegion
			}
			if sc.Domain > survive {
				continue
			}
			byService[i] = append(byService[i], short{sc.Name(), use})
		}
	}
	for i, s := range ctx.Plan.Services {
		subject := x.svcSubject[i]
		rng := attrRange(s.Block.Attrs, "capacity", attrRange(s.Block.Attrs, "traffic.rps", s.Block.DeclRange))
		if s.Capacity != nil && s.Capacity.Short() {
			out.add(subject, rng, "Capacity short before any failure",
				fmt.Sprintf("%s takes %s rps, but even with every region up %s.", subject, planner.RPS(s.Capacity.Needed), shortWords(*s.Capacity)))
			continue
		}
		shorts := byService[i]
		if len(shorts) == 0 {
			continue
		}
		first := shorts[0]
		var names []string
		for _, sh := range shorts {
			names = append(names, sh.scenario)
		}
		also := ""
		if len(names) > 1 {
			also = " Also short with " + list(names[1:]) + "."
		}
		out.add(subject, rng, "Survivors short of capacity",
			fmt.Sprintf("%s takes %s rps; with %s, %s.%s", subject, planner.RPS(first.use.Needed), first.scenario, shortWords(first.use), also))
	}
}

// shortWords says where the regions fall short: "eu-central-1 gets 3000 rps
// and carries 2000".
func shortWords(u planner.CapacityUse) string {
	var parts []string
	for _, r := range u.Regions {
		if r.Short() {
			parts = append(parts, fmt.Sprintf("%s gets %s rps and can carry %s", r.Region, planner.RPS(r.Load), planner.RPS(r.Capacity)))
		}
	}
	if len(parts) == 0 {
		return fmt.Sprintf("the regions left carry %s rps together", planner.RPS(u.Available))
	}
	return strings.Join(parts, ", ")
}
