package checks

import (
	"strings"
	"time"

	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/planner"
)

type mr202 struct{}

func (mr202) Info() Info {
	return Info{
		ID:       "MR202",
		Name:     "rto-unachievable",
		Severity: diag.Error,
		Summary:  "The achieved RTO is worse than the objective",
		Fix:      "Shorten recovery: a warmer standby or active-active, automatic failover, a lower DNS ttl, a faster-promoting store; or relax the objective's rto.",
	}
}

func (c mr202) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, s := range ctx.Plan.Services {
		pol := s.Objective
		if !pol.HasRTO || !s.RTO.Worse(pol.RTO) {
			continue
		}
		// Causes that other checks name more precisely are left to them: a
		// core service in one region (MR401), a DNS ttl longer than the
		// whole RTO (MR503).
		if s.RTO.Unbounded && s.Tier == 0 && len(s.Block.Regions) == 1 || ttlExceedsRTO(s) {
			continue
		}
		rng := objectiveRange(s.Block, "rto")
		if s.RTO.Unbounded {
			out = append(out, c.Info().findingf(s.Addr, rng, "RTO objective unachievable",
				"%s may be down for at most %s (%s), but it runs in %s only, with no standby elsewhere: losing that region keeps it down for as long as the outage lasts.",
				s.Addr, dur(pol.RTO), objectiveName(s.Block, "rto"), list(s.Regions)))
			continue
		}
		out = append(out, c.Info().findingf(s.Addr, rng, "RTO objective unachievable",
			"%s may be down for at most %s (%s), but recovering from a region loss takes %s (%s).",
			s.Addr, dur(pol.RTO), objectiveName(s.Block, "rto"), dur(s.RTO.Total), rtoTerms(s.RTO)))
	}
	return out
}

// rtoTerms lists what an achieved RTO adds up from.
func rtoTerms(r planner.RTO) string {
	var terms []string
	for _, t := range []struct {
		name string
		d    time.Duration
	}{
		{"detection", r.Detection},
		{"promotion", r.Promotion},
		{"DNS ttl", r.DNSTTL},
		{"manual decision", r.Decision},
		{"provisioning", r.Provision},
		{"restore", r.Restore},
	} {
		if t.d > 0 {
			terms = append(terms, t.name+" "+dur(t.d))
		}
	}
	return strings.Join(terms, " + ")
}
