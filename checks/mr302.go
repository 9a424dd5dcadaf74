package checks

import (
	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

type mr302 struct{}

func (mr302) Info() Info {
	return Info{
		ID:       "MR302",
		Name:     "unresolved-write-conflicts",
		Severity: diag.Error,
		Summary:  "Multi-primary writes to data with no conflict resolution",
		Fix:      "Set the data's conflict to a resolution its product offers (lww, crdt, merge), give it a partition_key, or write it in one region (conflict = \"single-writer\").",
	}
}

func (c mr302) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ctx.Plan.Data {
		if d.WriteMode != planner.WriteMultiPrimary {
			continue
		}
		rng := attrRange(d.Block.Attrs, "conflict", d.Block.DeclRange)
		switch {
		case d.Conflict == lang.ConflictUnset:
			out = append(out, c.Info().findingf(d.Addr, rng, "Unresolved write conflicts",
				"%s is written in several regions at once (%s) by %s, but nothing says how two concurrent writes to the same record resolve, and %s offers no resolution: one of them is silently lost.",
				d.Addr, list(d.Regions), addrList(d.Writers), d.Block.Product))
		default:
			for _, n := range d.Notes {
				if n.Kind == planner.NoteConflictNotOffered && len(n.Args) >= 2 {
					out = append(out, c.Info().findingf(d.Addr, n.Range, "Unresolved write conflicts",
						"%s is written in several regions at once (%s), and its conflict resolution is %s, but %s does not offer %s: concurrent writes are not resolved as the module says.",
						d.Addr, list(d.Regions), n.Args[0], n.Args[1], n.Args[0]))
				}
			}
		}
	}
	return out
}
