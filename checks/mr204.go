package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/planner"
)

type mr204 struct{}

func (mr204) Info() Info {
	return Info{
		ID:       "MR204",
		Name:     "single-channel-critical-data",
		Severity: diag.Warning,
		Summary:  "Critical data has one sync channel only",
		Fix:      "Add an independent second channel to the data's sync list: a message queue, secondary reads from the origin, or on-demand fetch.",
	}
}

func (c mr204) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ctx.Plan.Data {
		for _, n := range d.Notes {
			if n.Kind != planner.NoteSingleChannel || len(n.Args) < 1 {
				continue
			}
			out = append(out, c.Info().findingf(d.Addr, n.Range, "Critical data with one sync channel",
				"%s is critical data, but %s alone carries its writes to the other regions: when that channel breaks or falls behind, nothing else does, and a region loss then loses data the objective says must not be lost.",
				d.Addr, n.Args[0]))
		}
	}
	return out
}
