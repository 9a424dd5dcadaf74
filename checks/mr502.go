package checks

import (
	"github.com/mrplan/mrplan/internal/diag"
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

func (c mr502) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ctx.Plan.Data {
		if !replicates(d) {
			continue
		}
		owner := ctx.Plan.Service(d.Block.Owner.Addr.Name)
		if owner == nil || owner.Block.Observability.ReplicationLagAlert != nil {
			continue
		}
		out = append(out, c.Info().findingf(d.Addr, attrRange(d.Block.Attrs, "owner", d.Block.DeclRange), "Replication not observed",
			"%s is replicated across %s by %s, but its owner %s has no replication_lag_alert. Lag grows silently until a failover shows how much data was never copied.",
			d.Addr, list(d.Regions), list(mechanismWords(d.Mechanisms)), owner.Addr))
	}
	return out
}
