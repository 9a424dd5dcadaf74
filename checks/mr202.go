package checks

import (
	"strings"
	"time"

	"github.com/mrplan/mrplan/diag"
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

func (c mr202) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr202) collect(ctx *Context, out *collector) {
	for i, s := range ctx.Plan.Services {
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
		subject := ctx.index().svcSubject[i]
		head := subject + " may be down for at most " + dur(pol.RTO) + " (" + objectiveName(s.Block, "rto") + "), but "
		if s.RTO.Unbounded {
			out.add(subject, rng, "RTO objective unachievable",
				head+"it runs in "+list(s.Regions)+" only, with no standby elsewhere: losing that region keeps it down for as long as the outage lasts.")
			continue
		}
		out.add(subject, rng, "RTO objective unachievable",
			head+"recovering from a region loss takes "+dur(s.RTO.Total)+" ("+rtoTerms(s.RTO)+").")
	}
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
