package checks

import (
	"github.com/mrplan/mrplan/internal/diag"
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

func (c mr503) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, s := range ctx.Plan.Services {
		if !ttlExceedsRTO(s) {
			continue
		}
		pol, ttl := s.Objective, s.Block.Routing.DNSTTL
		rng := attrRange(s.Block.Attrs, "routing.dns_ttl", attrRange(s.Block.Attrs, "routing", s.Block.DeclRange))
		out = append(out, c.Info().findingf(s.Addr, rng, "DNS ttl longer than the RTO",
			"%s's DNS ttl is %s, but it may be down for at most %s (%s): resolvers keep sending users to the lost region for up to the ttl, whatever the failover does.",
			s.Addr, dur(ttl), dur(pol.RTO), objectiveName(s.Block, "rto")))
	}
	return out
}

// ttlExceedsRTO reports whether a service that can fail over has a DNS ttl
// longer than its whole RTO objective.
func ttlExceedsRTO(s *planner.Service) bool {
	return s.Objective.HasRTO && multiRegion(s) && s.Block.Routing.DNSTTL > s.Objective.RTO
}
