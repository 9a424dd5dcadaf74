package checks

import (
	"fmt"
	"strconv"
	"time"

	"github.com/mrplan/mrplan/diag"
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

func (c mr501) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr501) collect(ctx *Context, out *collector) {
	maxAge := ctx.Plan.Assumptions.FailoverDrillMaxAge
	for i, s := range ctx.Plan.Services {
		if s.Tier > 1 || !multiRegion(s) {
			continue
		}
		drill := s.Block.FailoverDrill
		switch {
		case drill == nil:
			subject := ctx.index().svcSubject[i]
			out.add(subject, s.Block.DeclRange, "Failover never drilled",
				subject+" is "+tierWord(s.Tier)+" and fails over between "+list(s.Regions)+", but no failover_drill is recorded. A failover that has never been exercised tends to fail when it is needed.")
		case ctx.Today.Sub(*drill) > maxAge:
			subject := ctx.index().svcSubject[i]
			days := int(ctx.Today.Sub(*drill) / (24 * time.Hour))
			out.add(subject, attrRange(s.Block.Attrs, "failover_drill", s.Block.DeclRange), "Failover drill out of date",
				subject+" last drilled its failover on "+drill.Format(time.DateOnly)+", "+strconv.Itoa(days)+" days ago; a drill older than "+age(maxAge)+" no longer counts: configuration, capacity and runbooks drift.")
		}
	}
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
