package checks

import (
	"slices"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/providers"
)

type mr105 struct{}

func (mr105) Info() Info {
	return Info{
		ID:       "MR105",
		Name:     "single-region-control-plane",
		Severity: diag.Warning,
		Summary:  "Failover relies on a control plane that lives in one region, though its data plane is global",
		Fix:      "Keep changes out of the failover path: create beforehand the records, health checks, roles and standby capacity a failover needs, and let the data plane switch (health checks, routing controls).",
	}
}

func (c mr105) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

// collect warns, for every service that can fail over (two regions or
// more), about each hard call to a product whose control plane lives in
// one region, whether or not the module runs in that region; and about
// a standby on Azure, which is scaled or started through Resource Manager,
// pinned to its resource group's region. Control planes come from the
// catalogs (providers/data/NAME/control_planes.json, with sources).
func (c mr105) collect(ctx *Context, out *collector) {
	p := ctx.Plan
	if p == nil || p.Graph == nil || ctx.Module == nil || ctx.Module.Registry == nil || ctx.Lint() {
		return
	}
	reg := ctx.Module.Registry
	x := ctx.index()
	for si, s := range p.Services {
		if len(s.Regions) < 2 {
			continue
		}
		subject := x.svcSubject[si]
		for _, e := range p.Graph.From(s.Addr) {
			if !e.Hard {
				continue
			}
			prod, ref := c.product(ctx.Module, e.To)
			if prod == nil {
				continue
			}
			for _, cp := range reg.ControlPlanesOf(prod) {
				if cp.Region == "" {
					// Global (Google Cloud's global resources, Entra ID): no
					// one region's loss stops a change, so there is nothing
					// to warn of (docs/checks/MR105.md). Azure Resource
					// Manager, pinned by the resource group, is resourceManager's.
					continue
				}
				where := cp.Region
				if !slices.ContainsFunc(ctx.Module.Regions, func(r *lang.Region) bool {
					return r.Geo != nil && r.Geo.Provider == cp.Provider && r.Geo.Code == cp.Region
				}) {
					where += ", a region this module does not run in"
				}
				dataPlane := "Its data plane keeps serving when " + cp.Region + " is lost"
				if cp.DataPlane != "" {
					dataPlane = "When " + cp.Region + " is lost, " + cp.DataPlane
				}
				f := out.add(subject, e.Range, "Control plane in one region",
					subject+" can fail over between "+list(s.Regions)+" and calls "+x.subjectOf(e.To)+" ("+ref+"), whose control plane ("+cp.Name+": "+cp.Operations+") lives only in "+where+". "+
						dataPlane+", but a failover step that changes it waits until "+cp.Region+" is back. Source: "+cp.Source)
				f.Severity = diag.Warning
			}
		}
		c.resourceManager(ctx, out, subject, s)
	}
}

// resourceManager warns about a standby in an Azure region that must be
// scaled or started to take over: Resource Manager makes that change, and
// it keeps a resource group's metadata in the group's region.
func (c mr105) resourceManager(ctx *Context, out *collector, subject string, s *planner.Service) {
	if len(s.Standbys) == 0 || s.Standby == planner.StandbyHot {
		return
	}
	var azure []string
	for _, name := range s.Standbys {
		if r := ctx.Module.Region(name); r != nil && r.Geo != nil && r.Geo.Provider == "azure" {
			azure = append(azure, name)
		}
	}
	if len(azure) == 0 {
		return
	}
	cat, ok := ctx.Module.Registry.Catalog("azure")
	if !ok {
		return
	}
	for _, cp := range cat.ControlPlanes() {
		if !cp.Implicit || cp.PinnedTo != "resource-group" {
			continue
		}
		f := out.add(subject, attrRange(s.Block.Attrs, "regions", s.Block.DeclRange), "Control plane in one region",
			subject+" fails over to a "+s.Standby.String()+" standby in "+list(azure)+", which must be scaled out or started through "+cp.Name+" ("+cp.Operations+"). "+
				cp.Name+" keeps a resource group's metadata in the group's region: if the standby's resources belong to a resource group homed in "+s.Primary+", they cannot be changed while "+s.Primary+" is lost. Put each region's resources in a resource group of that region. Source: "+cp.Source)
		f.Severity = diag.Warning
	}
}

// product is the catalog product behind a dependency or data class, with
// its canonical reference.
func (mr105) product(m *lang.Module, a lang.Address) (*providers.Product, string) {
	switch a.Kind {
	case lang.KindDependency:
		if d := m.Dependency(a.Name); d != nil && d.Catalog != nil {
			return d.Catalog, d.Catalog.Ref()
		}
	case lang.KindData:
		if d := m.DataClass(a.Name); d != nil && d.Catalog != nil {
			return d.Catalog, d.Catalog.Ref()
		}
	}
	return nil, ""
}
