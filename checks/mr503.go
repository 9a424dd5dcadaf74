package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/planner"
)

type mr503 struct{}

func (mr503) Info() Info {
	return Info{
		ID:       "MR503",
		Name:     "dns-ttl-exceeds-rto",
		Severity: diag.Warning,
		Summary:  "The DNS ttl alone is longer than the RTO",
		Fix:      "Lower routing { dns_ttl } well below the RTO, or route with anycast or a global load balancer instead of DNS.",
	}
}

func (c mr503) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr503) collect(ctx *Context, out *collector) {
	for i, s := range ctx.Plan.Services {
		if !ttlExceedsRTO(s) {
			continue
		}
		pol, ttl := s.Objective, s.Block.Routing.DNSTTL
		subject := ctx.index().svcSubject[i]
		rng := attrRange(s.Block.Attrs, "routing.dns_ttl", attrRange(s.Block.Attrs, "routing", s.Block.DeclRange))
		out.add(subject, rng, "DNS ttl longer than the RTO",
			subject+"'s DNS ttl is "+dur(ttl)+", but it may be down for at most "+dur(pol.RTO)+" ("+objectiveName(s.Block, "rto")+
				"): resolvers keep sending users to the lost region for up to the ttl, whatever the failover does.")
	}
}

// ttlExceedsRTO reports whether a service that can fail over has a DNS ttl
// longer than its whole RTO objective.
func ttlExceedsRTO(s *planner.Service) bool {
	return s.Objective.HasRTO && multiRegion(s) && s.Block.Routing.DNSTTL > s.Objective.RTO
}
