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
	if !ctx.Lint() {
		return append(c.moduleGaps(ctx.Plan), c.controlPlanes(ctx)...)
	}
	var out []diag.Diagnostic
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

// controlPlanes reports, at warning level, each hard call a service makes
// to a product whose control plane lives in one region of the module while
// the service also runs or fails over elsewhere. The data plane keeps
// serving when that region is lost (so this is no gap), but nothing that
// changes the product does, which a failover runbook must not rely on.
func (c mr101) controlPlanes(ctx *Context) []diag.Diagnostic {
	p := ctx.Plan
	if p == nil || p.Graph == nil {
		return nil
	}
	var out []diag.Diagnostic
	for _, s := range p.Services {
		for _, e := range p.Graph.From(s.Addr) {
			cp := p.Graph.ControlPlane(e.To)
			if !e.Hard || cp == "" || !slices.ContainsFunc(s.Regions, func(r string) bool { return r != cp }) {
				continue
			}
			product := ""
			if d := ctx.Module.Dependency(e.To.Name); e.To.Kind == lang.KindDependency && d != nil {
				product = " (" + d.Product + ")"
			} else if dc := ctx.Module.DataClass(e.To.Name); e.To.Kind == lang.KindData && dc != nil {
				product = " (" + dc.Product + ")"
			}
			f := c.Info().finding(s.Addr, e.Range, "Control plane in one region",
				fmt.Sprintf("%s runs in %s and calls %s%s, whose control plane is only in %s. "+
					"Its data plane keeps serving when %s is lost, but nothing that changes it does: "+
					"records, roles, keys or health checks cannot be edited until %s is back.",
					s.Addr, list(s.Regions), e.To, product, cp, cp, cp))
			f.Severity = diag.Warning
			f.Fix = "Keep changes to it out of the failover path: create beforehand the records, health checks and roles a failover needs, and let the data plane switch."
			out = append(out, f)
		}
	}
	return out
}

// edgeGap is one finding's worth: a service's hard edge to something not
// present in some of the service's regions.
type edgeGap struct {
	service *planner.Service
	edge    planner.Edge
	regions []string // of the service, where the target is not present
}

// moduleGaps judges every hard edge of every service (depends_on, reads,
// writes) against the graph's availability. Where the target itself is
// not present in some of the service's regions, that is a finding on the
// edge. Where the target is present but unavailable, because of something
// further down, the problem is the finding of the service that calls the
// missing thing directly; this service is named there as going down too.
func (c mr101) moduleGaps(p *planner.Plan) []diag.Diagnostic {
	g := p.Graph
	if g == nil {
		return nil
	}
	type key struct{ service, target lang.Address }
	var order []key
	gaps := map[key]*edgeGap{}
	// upstream are, per finding, the services whose edges reach its
	// missing target only through other services: they go down with it,
	// and are named in its finding instead of in findings of their own.
	upstream := map[key][]lang.Address{}
	for _, s := range p.Services {
		for _, e := range g.From(s.Addr) {
			if !e.Hard {
				continue
			}
			present, available := g.Present(e.To), g.Available(e.To)
			for _, r := range s.Regions {
				switch {
				case slices.Contains(available, r):
				case !slices.Contains(present, r):
					k := key{s.Addr, e.To}
					if gaps[k] == nil {
						order = append(order, k)
						gaps[k] = &edgeGap{service: s, edge: e}
					}
					gaps[k].regions = append(gaps[k].regions, r)
				default:
					gap, ok := g.Gap(e.To, r)
					if !ok || len(gap.Path) < 2 {
						continue
					}
					root := key{gap.Path[len(gap.Path)-2].Addr, gap.Missing}
					if !slices.Contains(upstream[root], s.Addr) {
						upstream[root] = append(upstream[root], s.Addr)
					}
				}
			}
		}
	}
	var out []diag.Diagnostic
	for _, k := range order {
		eg := gaps[k]
		controlPlane := ""
		if gap, ok := g.Gap(k.target, eg.regions[0]); ok && gap.Missing == k.target {
			controlPlane = gap.ControlPlane
		}
		f := c.finding(eg.service, eg.edge.Range, eg.regions, k.target, c.where(p, k.target, controlPlane))
		if up := upstream[k]; len(up) > 0 {
			slices.SortFunc(up, func(a, b lang.Address) int {
				if a.Less(b) {
					return -1
				}
				return 1
			})
			verb := "depends"
			if len(up) > 1 {
				verb = "depend"
			}
			f.Detail = strings.TrimSuffix(f.Detail, ".") + fmt.Sprintf(", nor can %s, which %s on it.", addrList(up), verb)
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
	if g != nil && g.Has(target) {
		if cause, ok := c.cause(ctx.Plan, target, missing); ok {
			where = cause
		}
	}
	return c.finding(s, dep.NameRange, missing, target, where), true
}

// cause names what really makes a manifest edge's target unavailable in
// the caller's regions when the target itself is there but something it
// needs, further down, is not: the path from the target to that thing and
// where that thing is, as validate's finding on the edge that misses it
// says. ok is false when the target is itself absent from one of those
// regions: then the target's own placement is the cause.
func (c mr101) cause(p *planner.Plan, target lang.Address, regions []string) (placement, bool) {
	g := p.Graph
	present := g.Present(target)
	var gap planner.Gap
	for i, r := range regions {
		if !slices.Contains(present, r) {
			return placement{}, false
		}
		gp, ok := g.Gap(target, r)
		if !ok || len(gp.Path) < 2 {
			return placement{}, false
		}
		if i == 0 {
			gap = gp
		}
	}
	controlPlane := gap.ControlPlane
	root := c.where(p, gap.Missing, controlPlane)
	steps := make([]string, 0, len(gap.Path)+1)
	for i, st := range gap.Path {
		steps = append(steps, st.Addr.String())
		if i == 7 && gap.Elided > 0 {
			steps = append(steps, fmt.Sprintf("… %d more …", gap.Elided))
		}
	}
	phrase := fmt.Sprintf("needs %s (%s), which %s", gap.Missing, strings.Join(steps, " → "), root.phrase)
	return placement{phrase: phrase, regions: root.regions}, true
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

func (c mr101) finding(s *planner.Service, rng hcl.Range, regions []string, missing lang.Address, where placement) diag.Diagnostic {
	needs := missing.String()
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
