package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/providers"
)

type mr302 struct{}

func (mr302) Info() Info {
	return Info{
		ID:       "MR302",
		Name:     "unresolved-write-conflicts",
		Severity: diag.Error,
		Summary:  "Multi-primary writes to data with no conflict resolution",
		Fix:      "Set the data's conflict to a resolution its product offers (lww, crdt, merge), give it a partition_key, or have one service in one region write it.",
	}
}

func (c mr302) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ctx.Plan.Data {
		b := d.Block
		for _, n := range d.Notes {
			switch {
			case n.Kind == planner.NoteConflictNotOffered && len(n.Args) >= 2:
				want := n.Args[0]
				out = append(out, c.Info().findingf(d.Addr, n.Range, "Unresolved write conflicts",
					"%s is written in several regions at once (%s), and its conflict resolution is %s, but %s does not offer %s: concurrent writes are not resolved as the module says.%s",
					d.Addr, list(d.Regions), n.Args[0], n.Args[1], n.Args[0],
					alternative(ctx, b.Catalog, func(p *providers.Product) bool { return p.MultiWriter && p.OffersConflict(want) }, "offers "+want)))
			case n.Kind == planner.NoteLWWSinglePrimary && len(n.Args) >= 1:
				unique := ""
				if b.Uniqueness == lang.UniquenessGlobal {
					unique = " Its values are globally unique (idempotency keys, ledger entries), and under last writer wins a second write of the same key silently replaces the first: if it is ever written in two regions, keep the single writer." +
						alternative(ctx, b.Catalog, strongMultiRegion, "takes writes in several regions ordered by consensus, so a duplicate key is refused instead of overwritten")
				}
				f := c.Info().findingf(d.Addr, n.Range, "Conflict resolution that never runs",
					"%s declares conflict = \"lww\", but every write goes to one primary (%s), so no two writes ever race: either the design expects writes in several regions that the plan does not give it, or the attribute is stale.%s",
					d.Addr, n.Args[0], unique)
				f.Severity = diag.Warning
				f.Fix = "Set conflict = \"single-writer\" to say what the plan does, or give its writers active-active regions (and a partition_key for unique values) if it must take writes everywhere."
				out = append(out, f)
			}
		}
		// Globally unique data written everywhere is MR303's: no conflict
		// resolution repairs a duplicate.
		if b.Uniqueness == lang.UniquenessGlobal {
			continue
		}
		if d.WriteMode == planner.WriteMultiPrimary && d.Conflict != lang.ConflictUnset {
			continue // the writers' own multi-primary writes, resolved
		}
		if d.WriteMode != planner.WriteMultiPrimary && b.Conflict != lang.ConflictUnset && b.Conflict != lang.ConflictSingleWriter {
			continue // several writers, and a resolution the module chose
		}
		if !multiWriter(ctx.Plan, ctx.index(), d) {
			continue
		}
		regions, writers := writeSites(ctx.Plan, ctx.index(), d)
		out = append(out, c.Info().findingf(d.Addr, attrRange(b.Attrs, "conflict", b.DeclRange), "Unresolved write conflicts",
			"%s is written by %s at the same time, but nothing resolves two concurrent writes to the same record: one of them is silently lost.%s",
			d.Addr, sitesPhrase(regions, writers),
			alternative(ctx, b.Catalog, func(p *providers.Product) bool { return p.MultiWriter }, "takes writes in several regions and resolves them")))
	}
	return out
}
