package checks

import (
	"slices"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

type mr301 struct{}

func (mr301) Info() Info {
	return Info{
		ID:       "MR301",
		Name:     "split-brain-risk",
		Severity: diag.Error,
		Summary:  "Automatic failover of single-primary or partitioned writes without quorum and fencing",
		Fix:      "Give the failover decision a quorum (a third region, or a witness region) and fence the old primary with fencing tokens; or fail over manually.",
	}
}

func (c mr301) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, s := range ctx.Plan.Services {
		if s.Failover != lang.FailoverAutomatic || !multiRegion(s) {
			continue
		}
		if !s.HasPrimary() {
			continue
		}
		var missing []string
		for _, g := range []planner.Guard{planner.GuardQuorum, planner.GuardFencing} {
			if g == planner.GuardQuorum && !s.NeedsQuorum {
				continue // nothing is elected, so there is no vote to hold
			}
			if !slices.Contains(s.Guards, g) {
				missing = append(missing, g.String())
			}
		}
		if len(missing) == 0 {
			continue
		}
		rng := attrRange(s.Block.Attrs, "failover", attrRange(s.Block.Attrs, "regions", s.Block.DeclRange))
		for _, n := range s.Notes {
			if n.Kind == planner.NoteNoQuorum {
				rng = n.Range
			}
		}
		writes := s.WriteMode.String() + " writes"
		if len(s.SelfElected) > 0 && len(s.SelfElected) < len(s.DataWrites) {
			// Name the classes the module elects a primary for; the
			// others bring their own election (a store's quorum, the
			// provider's failover) or move by routing.
			var primaries []string
			for _, w := range s.DataWrites {
				if slices.Contains(s.SelfElected, w.Data) {
					primaries = append(primaries, w.Mode.String()+" writes to "+w.Data.String())
				}
			}
			writes = list(primaries)
		} else if s.WriteMode == planner.WriteMixed {
			var primaries []string
			for _, w := range s.DataWrites {
				if w.Mode == planner.WritePartitioned {
					if d := ctx.Plan.DataClass(w.Data.Name); d != nil && d.Block.Catalog != nil && d.Block.Catalog.MultiWriter {
						continue // no primary is elected for it: its partitions' homes move
					}
				}
				if w.Mode == planner.WriteSinglePrimary || w.Mode == planner.WritePartitioned {
					primaries = append(primaries, w.Mode.String()+" writes to "+w.Data.String())
				}
			}
			writes = list(primaries)
		}
		out = append(out, c.Info().findingf(s.Addr, rng, "Split-brain risk",
			"%s fails over automatically between %s with %s, but has no %s. When the link between regions breaks, each side can decide the other is dead and accept writes: two primaries, and diverging data to reconcile by hand.",
			s.Addr, list(s.Regions), writes, list(missing)))
	}
	return out
}
