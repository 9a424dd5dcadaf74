package checks

import (
	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/planner"
)

type mr203 struct{}

func (mr203) Info() Info {
	return Info{
		ID:       "MR203",
		Name:     "sync-latency-over-budget",
		Severity: diag.Error,
		Summary:  "Synchronous replication adds more than the write latency budget",
		Fix:      "Replicate synchronously only between nearby regions (same city or country), use asynchronous replication with a second channel, or raise write_latency_budget.",
	}
}

func (c mr203) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ctx.Plan.Data {
		for _, n := range d.Notes {
			if n.Kind != planner.NoteSyncOverBudget || len(n.Args) < 5 {
				continue
			}
			mech, penalty, budget, a, b := n.Args[0], n.Args[1], n.Args[2], n.Args[3], n.Args[4]
			out = append(out, c.Info().findingf(d.Addr, n.Range, "Synchronous replication over the latency budget",
				"%s uses %s between %s and %s, which adds at least %s to every write (the round trip between them); the write latency budget of its writers is %s.",
				d.Addr, mech, a, b, penalty, budget))
		}
	}
	return out
}
