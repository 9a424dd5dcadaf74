package views

import (
	"strconv"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/ops"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/units"
)

// reportDrill is one row of the report's drill schedule.
type reportDrill struct {
	Service, Last, Next, Scenario string
	Tier                          int
	Late                          bool // never drilled or overdue
}

// reportRunbook is the short form of one scenario's runbook in the report:
// the services to act on, in the order to act, each with its expected
// recovery time. `mrplan runbook` writes the steps.
type reportRunbook struct {
	Scenario string
	Lines    []string
}

// buildOps fills the drill schedule (as of meta.Today; none when it is
// unset) and the runbook summaries of the region and country scenarios.
func (r *report) buildOps(p *planner.Plan, today time.Time) {
	rb := ops.Outline(p)
	for _, sec := range rb.Sections {
		if sec.Domain == lang.DomainZone && len(sec.Lost) == 0 || len(sec.Services) == 0 {
			continue
		}
		rr := reportRunbook{Scenario: sec.Name()}
		for _, sr := range sec.Services {
			line := sr.Service.Addr.String() + ": " + runbookAction(sr)
			if sr.Bounded {
				line += " (" + units.FormatDuration(sr.RTO) + ")"
			}
			rr.Lines = append(rr.Lines, line)
		}
		r.Runbooks = append(r.Runbooks, rr)
	}
	if today.IsZero() {
		return
	}
	for _, d := range ops.BuildDrills(p, rb, today) {
		row := reportDrill{Service: d.Service.Addr.String(), Tier: d.Service.Tier, Scenario: d.Scenario, Last: "never", Next: d.Due.Format(time.DateOnly)}
		if d.Last != nil {
			row.Last = d.Last.Format(time.DateOnly)
		}
		switch d.Status {
		case ops.DrillNever:
			row.Next, row.Late = "now (never drilled)", true
		case ops.DrillOverdue:
			row.Next, row.Late = "now (overdue since "+d.Last.Add(d.MaxAge).Format(time.DateOnly)+")", true
		}
		r.Drills = append(r.Drills, row)
	}
}

// runbookAction is what a runbook's Order list says a service does.
func runbookAction(sr *ops.ServiceRunbook) string { return action(sr) }

func (md *mdWriter) opsSections(r *report) {
	if len(r.Drills) > 0 {
		md.printf("## Drill schedule\n\n")
		md.printf("The next failover drill of each tier 0 and 1 service, from its failover_drill and the 90-day rule (failover_drill_max_age). `mrplan runbook --drill` writes the game-day scripts.\n\n")
		md.row("service", "tier", "last drill", "next drill", "scenario to exercise")
		md.rule("---", "---:", "---", "---", "---")
		for _, d := range r.Drills {
			md.row(mdCell(d.Service), strconv.Itoa(d.Tier), d.Last, mdCell(d.Next), mdCell(d.Scenario))
		}
		md.printf("\n")
	}
	if len(r.Runbooks) > 0 {
		md.printf("## Runbooks\n\n")
		md.printf("What to do when a region or country is lost, in order: dependencies first, each service with its expected recovery time. `mrplan runbook --scenario NAME` writes the steps.\n\n")
		for _, rr := range r.Runbooks {
			md.printf("<details><summary>%s</summary>\n\n", mdText(upperFirst(rr.Scenario)))
			for i, l := range rr.Lines {
				md.printf("%d. %s\n", i+1, mdText(l))
			}
			md.printf("\n</details>\n\n")
		}
	}
}
