package checks

import (
	"github.com/mrplan/mrplan/diag"
)

type mr502 struct{}

func (mr502) Info() Info {
	return Info{
		ID:       "MR502",
		Name:     "replication-unobserved",
		Severity: diag.Warning,
		Summary:  "Replicated data with no replication_lag_alert on its owner",
		Fix:      "Set observability { replication_lag_alert = \"…\" } on the data's owner, at or below the data's loss tolerance.",
	}
}

func (c mr502) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr502) collect(ctx *Context, out *collector) {
	x := ctx.index()
	for _, d := range ctx.Plan.Data {
		if !replicates(d) {
			continue
		}
		oi := x.service(d.Block.Owner.Addr.Name)
		if oi < 0 || ctx.Plan.Services[oi].Block.Observability.ReplicationLagAlert != nil {
			continue
		}
		subject := d.Addr.String()
		out.add(subject, attrRange(d.Block.Attrs, "owner", d.Block.DeclRange), "Replication not observed",
			subject+" is replicated across "+list(d.Regions)+" by "+mechanismList(d.Mechanisms)+", but its owner "+x.svcSubject[oi]+
				" has no replication_lag_alert. Lag grows silently until a failover shows how much data was never copied.")
	}
}
