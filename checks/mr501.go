package checks

import (
	"fmt"
	"time"

	"github.com/mrplan/mrplan/internal/diag"
)

type mr501 struct{}

func (mr501) Info() Info {
	return Info{
		ID:       "MR501",
		Name:     "failover-untested",
		Severity: diag.Warning,
		Summary:  "A tier 0 or 1 service's failover_drill is missing or older than 90 days",
		Fix:      "Run a failover drill and record its date in failover_drill.",
	}
}

func (c mr501) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	maxAge := ctx.Plan.Assumptions.FailoverDrillMaxAge
	for _, s := range ctx.Plan.Services {
		if s.Tier > 1 || !multiRegion(s) {
			continue
		}
		drill := s.Block.FailoverDrill
		switch {
		case drill == nil:
			out = append(out, c.Info().findingf(s.Addr, s.Block.DeclRange, "Failover never drilled",
				"%s is %s and fails over between %s, but no failover_drill is recorded. A failover that has never been exercised tends to fail when it is needed.",
				s.Addr, tierWord(s.Tier), list(s.Regions)))
		case ctx.Today.Sub(*drill) > maxAge:
			days := int(ctx.Today.Sub(*drill) / (24 * time.Hour))
			out = append(out, c.Info().findingf(s.Addr, attrRange(s.Block.Attrs, "failover_drill", s.Block.DeclRange), "Failover drill out of date",
				"%s last drilled its failover on %s, %d days ago; a drill older than %s no longer counts: configuration, capacity and runbooks drift.",
				s.Addr, drill.Format(time.DateOnly), days, age(maxAge)))
		}
	}
	return out
}

// age words a maximum age in days when it is whole days: "90 days".
func age(d time.Duration) string {
	const day = 24 * time.Hour
	if d%day == 0 && d >= day {
		if d == day {
			return "1 day"
		}
		return fmt.Sprintf("%d days", d/day)
	}
	return dur(d)
}
