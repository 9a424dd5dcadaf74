package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/checks/manifest"
	"github.com/mrplan/mrplan/diag"
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

func (c mr101) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr101) collect(ctx *Context, out *collector) {
	if !ctx.Lint() {
		c.module(ctx, out)
		return
	}
	for _, m := range ctx.Manifests {
		s := ctx.Plan.Service(m.Service)
		if s == nil || s.Objective.Survive == lang.DomainZone {
			continue // a region loss is beyond its objective (see module)
		}
		for _, dep := range m.Dependencies {
			if f, ok := c.manifestGap(ctx, s, dep); ok {
				out.add(f.Subject, *f.Range, f.Summary, f.Detail)
			}
		}
	}
}

// module judges the module's own edges, in one pass over the graph's
// sorted edges, in the order of the services and their edges.
//
// Every hard edge of every service is judged against the graph's
// availability. Where the target itself is not present in some of the
// service's regions, that is a finding on the edge. Where the target is
// present but unavailable, because of something further down, the problem
// is the finding of the service that calls the missing thing directly;
// this service is named there as going down too.
//
// A gap is a region loss, so only services whose objective must survive
// one (survive = "region" or "country") are judged: for survive = "zone"
// a region loss is beyond the objective, and the scenario matrix shows
// what it takes down. Control planes are MR105's.
func (c mr101) module(ctx *Context, gaps *collector) {
	p := ctx.Plan
	if p == nil || p.Graph == nil {
		return
	}
	x := ctx.index()
	gx := newGraphIndex(p, x)

	type gapKey struct{ service, target int32 } // graph nodes, by gx's ids
	// upstream are, per finding, the services whose edges reach its
	// missing target only through other services: they go down with it,
	// and are named in its finding instead of in findings of their own.
	upstream := map[gapKey][]lang.Address{}
	type gapRoot struct {
		key gapKey
		ok  bool
	}
	// roots memoises, per target and region, the root of the target's
	// gap there: Gap is memoised too, but builds a path on every call.
	roots := map[[2]int32]gapRoot{}

	// A service's edges to one target are adjacent (sorted by From, To,
	// Kind), so the regions it misses the target in are gathered over them
	// and the finding filed when the target changes; filed are the
	// findings, by key.
	type filed struct {
		key gapKey
		f   *diag.Diagnostic
	}
	var keys []filed
	svcRegions := "" // list(s.Regions) of the service at hand, once asked for
	var open struct {
		key     gapKey
		edge    *planner.Edge
		regions []string
	}
	flush := func(s *planner.Service) {
		if len(open.regions) == 0 {
			return
		}
		if !withinSurvive(ctx.Module, s, p.Graph.Present(open.edge.To)) {
			open.regions = open.regions[:0]
			return // only a failure beyond the objective takes it away: the scenario matrix shows it
		}
		// The target is missing from the region itself, so its gap there
		// is itself: a control plane pins it when it has one.
		controlPlane := ""
		if gx.regionIndex(open.regions[0]) >= 0 {
			controlPlane = gx.controlPlane(open.key.target)
		}
		var where placement
		if controlPlane != "" {
			where = placement{"has its control plane only in " + controlPlane, []string{controlPlane}}
		} else {
			where = gx.where(open.key.target)
		}
		subject := x.svcSubject[open.key.service]
		regions := ""
		if slices.Equal(open.regions, s.Regions) {
			if svcRegions == "" {
				svcRegions = list(s.Regions)
			}
			regions = svcRegions
		} else {
			regions = list(open.regions)
		}
		detail := c.detail(subject, s, open.regions, regions, gx.subject(open.key.target), where, ".")
		keys = append(keys, filed{open.key, gaps.add(subject, open.edge.Range, "Hidden single-region dependency", detail)})
		open.regions = open.regions[:0]
	}

	open.key.target = -1
	var ridx []int
	edges := p.Graph.Edges
	j := 0
	for si, s := range p.Services {
		for j < len(edges) && edges[j].From.Less(s.Addr) {
			j++
		}
		from := j
		for j < len(edges) && edges[j].From == s.Addr {
			j++
		}
		if from == j || s.Objective.Survive == lang.DomainZone {
			continue
		}
		ridx = gx.regionIndices(ridx[:0], s.Regions)
		svcRegions = ""
		for ei := from; ei < j; ei++ {
			e := &edges[ei]
			if !e.Hard {
				continue
			}
			t := gx.id(e.To)
			if t != open.key.target {
				flush(s)
			}
			avail := gx.available(t)
			for k, r := range s.Regions {
				ri := ridx[k]
				switch {
				case ri >= 0 && avail.has(ri):
				case ri < 0 || !gx.present(t).has(ri):
					if len(open.regions) == 0 {
						open.key, open.edge = gapKey{int32(si), t}, e
					}
					open.regions = append(open.regions, r)
				default:
					rk := [2]int32{t, int32(ri)}
					root, seen := roots[rk]
					if !seen {
						if gap, ok := p.Graph.Gap(e.To, r); ok && len(gap.Path) >= 2 {
							root = gapRoot{gapKey{gx.id(gap.Path[len(gap.Path)-2].Addr), gx.id(gap.Missing)}, true}
						}
						roots[rk] = root
					}
					// The services are visited one at a time, so s is
					// already named when it is the last one named: no
					// scan of a list that can hold most of the module.
					if up := upstream[root.key]; root.ok && (len(up) == 0 || up[len(up)-1] != s.Addr) {
						upstream[root.key] = append(up, s.Addr)
					}
				}
			}
		}
		flush(s)
		open.key.target = -1
	}

	// Name, in each finding about a missing target, the services that go
	// down with it.
	for _, k := range keys {
		up := upstream[k.key]
		if len(up) == 0 {
			continue
		}
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
		head, names := strings.TrimSuffix(k.f.Detail, ".")+", nor can ", addrList(up)
		k.f.Detail = head + names + ", which " + verb + " on it."
		k.f.List = diag.List{Start: len(head), End: len(head) + len(names), Count: len(up)}
	}
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
		if call := s.Block.Call(target); call != nil && call.Soft() {
			return diag.Diagnostic{}, false // a soft or scoped call: callers degrade
		}
		avail = g.Available(target)
		where = c.where(ctx.Plan, target, "")
	case len(dep.Regions) > 0:
		avail = manifestRegions(ctx.Module, dep)
		where = placement{"is reachable only from " + list(avail) + " (by its manifest)", avail}
	default:
		return diag.Diagnostic{}, false // unknown and unplaced: MR103's business
	}
	var missing []string
	for _, r := range s.Regions {
		if !slices.Contains(avail, r) {
			missing = append(missing, r)
		}
	}
	if len(missing) == 0 || !withinSurvive(ctx.Module, s, avail) {
		return diag.Diagnostic{}, false
	}
	if g != nil && g.Has(target) {
		if cause, ok := c.cause(ctx.Plan, target, missing); ok {
			where = cause
		}
	}
	return c.finding(s, dep.NameRange, missing, target, where), true
}

// withinSurvive reports whether a failure inside s's survive scope can take
// away every region in where (the regions a target is present in) while s
// keeps a region: one region for survive = "region", one city for "metro",
// one country for "country". A target in two regions of one country is
// lost only with that country, beyond a region-scoped objective.
func withinSurvive(m *lang.Module, s *planner.Service, where []string) bool {
	if len(where) <= 1 {
		return true
	}
	key := func(name string) string {
		r := m.Region(name)
		if r == nil || r.Geo == nil {
			return "region " + name
		}
		switch s.Objective.Survive {
		case lang.DomainCountry:
			return r.Geo.Country
		case lang.DomainMetro:
			return r.Geo.Country + "/" + r.Geo.City
		}
		return "region " + name
	}
	k := key(where[0])
	for _, r := range where[1:] {
		if key(r) != k {
			return false // no one failure in scope takes all of them
		}
	}
	for _, r := range s.Regions {
		if key(r) != k {
			return true // the service outlives the failure; its call does not
		}
	}
	return false // the failure takes the service too: MR402's, not a hidden dependency
}

// manifestRegions maps the regions a manifest names to the module's region
// names. A team writes the provider's code ("us-east-1"); the module may
// have declared that region under another name (region "virginia" {
// code = "us-east-1" }), and both mean one place. When the manifest names a
// product, regions of its provider are preferred. A name that matches no
// region of the module is kept as written.
func manifestRegions(m *lang.Module, dep *manifest.Dependency) []string {
	provider, _, _ := strings.Cut(dep.Product, ".")
	var out []string
	for _, r := range dep.Regions {
		if m.Region(r) != nil {
			out = append(out, r)
			continue
		}
		var byCode, ofProvider []string
		for _, mr := range m.Regions {
			if mr.Code == r {
				byCode = append(byCode, mr.Name)
				if mr.Provider == provider {
					ofProvider = append(ofProvider, mr.Name)
				}
			}
		}
		switch {
		case len(ofProvider) > 0:
			out = append(out, ofProvider...)
		case len(byCode) > 0:
			out = append(out, byCode...)
		default:
			out = append(out, r)
		}
	}
	return out
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
	return presentPlacement(a.Kind, present)
}

// presentPlacement says where a node of kind k is, present in the regions
// present.
func presentPlacement(k lang.Kind, present []string) placement {
	verb := "is reachable only from "
	switch k {
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
	subject := s.Addr.String()
	detail := c.detail(subject, s, regions, list(regions), missing.String(), where, ".")
	return c.Info().finding(s.Addr, rng, "Hidden single-region dependency", detail)
}

// detail says that s, which runs in regions (listed as regionList),
// cannot serve there because needs is not available; end closes its last
// sentence.
func (c mr101) detail(subject string, s *planner.Service, regions []string, regionList, needs string, where placement, end string) string {
	verb := "runs in"
	for _, r := range regions {
		if !slices.Contains(s.Active, r) {
			verb = "runs or fails over in"
		}
	}
	head := subject + " " + verb + " "
	name := s.Addr.Name
	switch len(where.regions) {
	case 0:
		return head + regionList + ", but " + needs + " " + where.phrase + ", so " + name + " cannot serve there" + end
	case 1:
		return head + regionList + ", but " + needs + " " + where.phrase + " — after " + where.regions[0] + " is lost, " + name + " cannot serve" + end
	default:
		return head + regionList + ", but " + needs + " " + where.phrase + " — after " + list(where.regions) + " are lost, " + name + " cannot serve" + end
	}
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
