package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
)

type mr303 struct{}

func (mr303) Info() Info {
	return Info{
		ID:       "MR303",
		Name:     "unique-data-multi-writer",
		Severity: diag.Error,
		Summary:  "Globally unique data written in several regions without a partition key or single writer",
		Fix:      "Give the data a partition_key so each value has one home region, or have one service in one region write it and the others call that service.",
	}
}

func (c mr303) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ctx.Plan.Data {
		b := d.Block
		if b.Uniqueness != lang.UniquenessGlobal || !multiWriter(ctx.Plan, ctx.index(), d) {
			continue
		}
		regions, writers := writeSites(ctx.Plan, ctx.index(), d)
		lww := ""
		if pd := ctx.Plan.DataClass(d.Addr.Name); pd != nil && pd.Conflict == lang.ConflictLWW {
			lww = " Under last writer wins the second write of a key (an idempotency key, a ledger entry) silently replaces the first, and nobody is told."
		}
		out = append(out, c.Info().findingf(d.Addr, attrRange(b.Attrs, "uniqueness", b.DeclRange), "Unique data with several writers",
			"%s must be unique across all regions, but it is written by %s at the same time, with no partition key: two regions can hand out the same value (an account id, an order number) before replication tells either of them.%s%s",
			d.Addr, sitesPhrase(regions, writers), lww,
			alternative(ctx, b.Catalog, strongMultiRegion, "orders writes in several regions by consensus, so a duplicate is refused instead of merged")))
	}
	return out
}
