package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/providers"
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
			prod := d.Block.Catalog
			alt := alternative(ctx, prod, func(p *providers.Product) bool {
				return p.Offers(providers.ReplicationSemiSync) && sameFamily(p, prod) // another engine is no fix for latency
			}, "waits only for the nearest replica")
			if d.Class != planner.ClassCritical {
				// Data that may lose a little need not be copied on every write:
				// readers elsewhere can fetch it from the origin on a miss.
				alt += " Or read it on demand instead of replicating it: sync = [\"secondary-read\"] (or \"on-demand-fetch\") reads from the origin region when the local copy misses, and adds nothing to writes."
			}
			out = append(out, c.Info().findingf(d.Addr, n.Range, "Synchronous replication over the latency budget",
				"%s uses %s between %s and %s, which adds at least %s to every write (the round trip between them); the write latency budget of its writers is %s.%s",
				d.Addr, mech, a, b, penalty, budget, alt))
		}
	}
	return out
}
