package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// mr206 judges a data class against its own loss_tolerance, which MR201
// cannot: MR201 compares the services' objectives, and a service whose rpo
// is 30s accepts the 1s lag of data whose owners wrote loss_tolerance =
// "none". Only a written loss_tolerance is judged; a derived one is the
// writers' rpo, which MR201 already holds the plan to.
type mr206 struct{}

func (mr206) Info() Info {
	return Info{
		ID:       "MR206",
		Name:     "data-loss-tolerance-unmet",
		Severity: diag.Error,
		Summary:  "The achieved RPO of a data class is worse than its own loss_tolerance",
		Fix:      "Give the data a channel that loses less (synchronous replication, dual publish or an outbox for a queue, a product with a shorter lag), or relax its loss_tolerance.",
	}
}

func (c mr206) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ctx.Plan.Data {
		lt := d.Block.LossTolerance
		if lt == nil || !d.Counts {
			continue
		}
		zone := zoneScoped(ctx.Plan, d)
		rpo, domain := d.RPO, "a region"
		if zone {
			rpo, domain = d.ZoneRPO, "a zone"
		}
		if rpo <= *lt {
			continue
		}
		want := dur(*lt)
		if *lt == 0 {
			want = "nothing (loss_tolerance = \"none\")"
		}
		out = append(out, c.Info().findingf(d.Addr, attrRange(d.Block.Attrs, "loss_tolerance", d.Block.DeclRange),
			"Data loss tolerance unmet",
			"%s may lose %s, but losing %s can lose about %s: %s.", d.Addr, want, domain, dur(rpo), lossHow(d)))
	}
	return out
}

// zoneScoped: every service that writes d, and has an objective, only has
// to survive the loss of a zone, so d is judged on a zone loss too.
func zoneScoped(p *planner.Plan, d *planner.Data) bool {
	n := 0
	for _, w := range d.Writers {
		s := p.Service(w.Name)
		if s == nil || !s.Objective.HasRPO && !s.Objective.HasRTO {
			continue
		}
		if s.Objective.Survive != lang.DomainZone {
			return false
		}
		n++
	}
	return n > 0
}

// lossHow says what sets a data class's RPO, in the catalog's own terms.
func lossHow(d *planner.Data) string {
	prod := d.Block.Product
	switch {
	case d.InFlight:
		return prod + " keeps no backups, so the messages in flight are lost with the region (publish to two regions, or use an outbox)"
	case d.Replication == planner.ReplicationAsync && d.Lag > 0:
		s := prod + " replicates asynchronously with a typical lag of " + dur(d.Lag)
		if d.LagBound > d.Lag {
			s += " (documented bound " + dur(d.LagBound) + ")"
		}
		return s
	case len(d.Mechanisms) == 0:
		return prod + " is not copied to another region"
	}
	return "it is kept by " + mechanismList(d.Mechanisms) + ", and only the last backup is sure"
}
