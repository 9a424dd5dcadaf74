package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/checks/manifest"
	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

type mr101 struct{}

func (mr101) Info() Info {
	return Info{
		ID:       "MR101",
		Name:     "hidden-single-region-dependency",
		Severity: diag.Error,
		Summary:  "A service runs, or fails over, in a region where something it depends on (directly or transitively) is not available",
		Fix:      "Make the dependency available in every region of the service (deploy or replicate it there, or choose a global product), or make the call soft with a fallback.",
	}
}

func (c mr101) Run(ctx *Context) []diag.Diagnostic {
	out := c.moduleGaps(ctx.Plan)
	for _, m := range ctx.Manifests {
		s := ctx.Plan.Service(m.Service)
		if s == nil {
			continue
		}
		for _, dep := range m.Dependencies {
			if f, ok := c.manifestGap(ctx, s, dep); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// gapGroup is one finding's worth of gaps: one service, the first hop of
// its path and what is missing, in every region it leaves.
type gapGroup struct {
	service *planner.Service
	gaps    []planner.Gap
	// upstream are the services whose own gaps run through this one to
	// the same missing node: they go down with it, and are named in its
	// finding instead of in findings of their own.
	upstream []lang.Address
}

// moduleGaps reports the planner's gaps, one finding per service, first
// hop and missing node. A gap whose path runs through another service that
// calls the missing node directly is the same problem: it is reported once,
// on that service's own depends_on element, naming the services above it.
func (c mr101) moduleGaps(p *planner.Plan) []diag.Diagnostic {
	type key struct{ service, hop, missing lang.Address }
	var order []key
	groups := map[key]*gapGroup{}
	for _, s := range p.Services {
		for _, g := range s.Gaps {
			k := key{service: s.Addr, missing: g.Missing}
			if len(g.Path) > 1 {
				k.hop = g.Path[1].Addr
			}
			if groups[k] == nil {
				order = append(order, k)
				groups[k] = &gapGroup{service: s}
			}
			groups[k].gaps = append(groups[k].gaps, g)
		}
	}
	var out []diag.Diagnostic
	for _, k := range order {
		g := groups[k]
		path := g.gaps[0].Path
		if len(path) > 2 {
			last := path[len(path)-2].Addr // the node that calls Missing directly
			if root := groups[key{service: last, hop: k.missing, missing: k.missing}]; root != nil && last.Kind == lang.KindService {
				if !slices.Contains(root.upstream, k.service) {
					root.upstream = append(root.upstream, k.service)
				}
				g.gaps = nil
			}
		}
	}
	for _, k := range order {
		g := groups[k]
		if g.gaps == nil {
			continue
		}
		first := g.gaps[0]
		rng := g.service.Block.DeclRange
		if len(first.Path) > 1 {
			rng = first.Path[1].Range
		}
		regions := make([]string, len(g.gaps))
		for i, gap := range g.gaps {
			regions[i] = gap.Region
		}
		var via []lang.Address
		for _, st := range first.Path[1 : len(first.Path)-1] {
			via = append(via, st.Addr)
		}
		slices.SortFunc(g.upstream, func(a, b lang.Address) int {
			if a.Less(b) {
				return -1
			}
			return 1
		})
		f := c.finding(g.service, rng, regions, first.Missing, via, c.where(p, first.Missing, first.ControlPlane))
		if len(g.upstream) > 0 {
			verb := "depends"
			if len(g.upstream) > 1 {
				verb = "depend"
			}
			f.Detail = strings.TrimSuffix(f.Detail, ".") + fmt.Sprintf(", nor can %s, which %s on it.", addrList(g.upstream), verb)
		}
		out = append(out, f)
	}
	return out
}

// manifestGap judges one edge of a service's manifest: where the target is
// available, by the module's graph when the module knows it, else by the
// regions the manifest gives.
func (c mr101) manifestGap(ctx *Context, s *planner.Service, dep *manifest.Dependency) (diag.Diagnostic, bool) {
	target := manifestTarget(ctx.Module, dep)
	g := ctx.Plan.Graph
	var avail []string
	var where placement
	switch {
	case g != nil && g.Has(target):
		if d := ctx.Module.Dependency(target.Name); target.Kind == lang.KindDependency && d != nil && d.Fallback != "" {
			return diag.Diagnostic{}, false // soft: callers degrade
		}
		avail = g.Available(target)
		where = c.where(ctx.Plan, target, "")
	case len(dep.Regions) > 0:
		avail = dep.Regions
		where = placement{"is reachable only from " + list(dep.Regions) + " (by its manifest)", dep.Regions}
	default:
		return diag.Diagnostic{}, false // unknown and unplaced: MR103's business
	}
	var missing []string
	for _, r := range s.Regions {
		if !slices.Contains(avail, r) {
			missing = append(missing, r)
		}
	}
	if len(missing) == 0 {
		return diag.Diagnostic{}, false
	}
	return c.finding(s, dep.NameRange, missing, target, nil, where), true
}

// placement says where a node is: the phrase for messages ("is reachable
// only from us-east-1") and the regions whose loss takes it away.
type placement struct {
	phrase  string
	regions []string
}

func (c mr101) where(p *planner.Plan, a lang.Address, controlPlane string) placement {
	if controlPlane != "" {
		return placement{"has its control plane only in " + controlPlane, []string{controlPlane}}
	}
	var present []string
	if p.Graph != nil {
		present = p.Graph.Present(a)
	}
	verb := "is reachable only from "
	switch a.Kind {
	case lang.KindService:
		verb = "runs only in "
	case lang.KindData:
		verb = "is kept only in "
	}
	if len(present) == 0 {
		return placement{phrase: "is reachable from none of the module's regions"}
	}
	return placement{verb + list(present), present}
}

func (c mr101) finding(s *planner.Service, rng hcl.Range, regions []string, missing lang.Address, via []lang.Address, where placement) diag.Diagnostic {
	needs := missing.String()
	if len(via) > 0 {
		needs = fmt.Sprintf("it needs %s (through %s), which", missing, addrList(via))
	}
	verb := "runs in"
	for _, r := range regions {
		if !slices.Contains(s.Active, r) {
			verb = "runs or fails over in"
		}
	}
	detail := fmt.Sprintf("%s %s %s, but %s %s", s.Addr, verb, list(regions), needs, where.phrase)
	switch len(where.regions) {
	case 0:
		detail += fmt.Sprintf(", so %s cannot serve there.", s.Addr.Name)
	case 1:
		detail += fmt.Sprintf(" — after %s is lost, %s cannot serve.", where.regions[0], s.Addr.Name)
	default:
		detail += fmt.Sprintf(" — after %s are lost, %s cannot serve.", list(where.regions), s.Addr.Name)
	}
	return c.Info().finding(s.Addr, rng, "Hidden single-region dependency", detail)
}

// manifestTarget is the module address a manifest dependency stands for: a
// service when the manifest says so, a dependency block for any other kind,
// and whichever exists when the manifest gives no kind.
func manifestTarget(m *lang.Module, dep *manifest.Dependency) lang.Address {
	svc := lang.Address{Kind: lang.KindService, Name: dep.Name}
	other := lang.Address{Kind: lang.KindDependency, Name: dep.Name}
	switch {
	case dep.IsService():
		return svc
	case dep.Kind != "":
		return other
	case m.Service(dep.Name) != nil:
		return svc
	}
	return other
}
