package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/providers"
)

// mr207: a product that replicates only to the region's fixed pair (Azure
// GRS) cannot put the copy where the plan has it. The copy lands in the
// pair, or, from a region without one, nowhere. SPEC §6 has no ID for this;
// MR207 is the next free one of the data series.
type mr207 struct{}

func (mr207) Info() Info {
	return Info{
		ID:       "MR207",
		Name:     "unpaired-replica-region",
		Severity: diag.Error,
		Summary:  "A paired-only product replicates to a region that is not the home region's pair",
		Fix:      "Run the data's other region in the home region's pair, or use a product that replicates to any region (object replication, a database's geo-replication).",
	}
}

func (c mr207) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ctx.Plan.Data {
		prod := d.Block.Catalog
		if prod == nil || !prod.PairedOnly || len(d.Regions) < 2 || !replicates(d) {
			continue
		}
		home := homeGeo(ctx, d)
		if home == nil || home.Provider != prod.Provider || home.Pair == "" && home.PairSource == "" {
			continue // no documented pairing to judge against (a custom catalog)
		}
		rng := attrRange(d.Block.Attrs, "product", d.Block.DeclRange)
		for _, name := range d.Regions {
			r := ctx.Module.Region(name)
			if r == nil || r.Geo == nil || r.Geo.Ref() == home.Ref() {
				continue
			}
			g := r.Geo
			switch {
			case home.Pair == "":
				out = append(out, c.Info().findingf(d.Addr, rng, "Paired-only replication from an unpaired region",
					"%s uses %s, which replicates only to a region's fixed pair, but its home region %s has no pair: the copy planned in %s is not made, and a loss of %s loses the data.",
					d.Addr, prod.Ref(), home.Code, g.Code, home.Code))
			case g.Provider == prod.Provider && g.Code != home.Pair:
				out = append(out, c.Info().findingf(d.Addr, rng, "Paired-only replication to an unpaired region",
					"%s uses %s, which replicates only to %s's pair, %s, but the plan keeps its copy in %s: after a loss of %s the data is in %s, where nothing of this module runs.",
					d.Addr, prod.Ref(), home.Code, home.Pair, g.Code, home.Code, home.Pair))
			}
			if home.Pair == "" {
				break // one finding says it
			}
		}
	}
	return out
}

// homeGeo is where a data class's writes go: its owner's primary, else the
// first region it lives in.
func homeGeo(ctx *Context, d *planner.Data) *providers.Region {
	name := ""
	if o := ownerPlan(ctx, d); o != nil {
		name = o.Primary
	}
	if name == "" && len(d.Regions) > 0 {
		name = d.Regions[0]
	}
	if r := ctx.Module.Region(name); r != nil {
		return r.Geo
	}
	return nil
}

func ownerPlan(ctx *Context, d *planner.Data) *planner.Service {
	if d.Block.Owner.Addr.Kind != lang.KindService {
		return nil
	}
	return ctx.Plan.Service(d.Block.Owner.Addr.Name)
}
