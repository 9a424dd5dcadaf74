package providers

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
)

// ControlPlane is a control plane a catalog's products rely on for
// changes, while their data plane keeps serving: Route 53 record changes
// are made in us-east-1 though DNS answers everywhere. A failover that
// must change something through it waits for it.
type ControlPlane struct {
	Provider string
	Name     string   // "Amazon Route 53 control plane"
	Products []string // canonical names of the products it governs
	// Implicit: every resource of the provider relies on it, whether or not
	// the module names a product (Azure Resource Manager).
	Implicit bool
	// Region is the code of the one region it lives in, or "" when it is
	// not pinned to a region the catalog can name.
	Region string
	// PinnedTo says what pins it when Region is "": "resource-group" for
	// Azure Resource Manager, which keeps a resource group's metadata in
	// the group's region. "" for a global control plane.
	PinnedTo   string
	Operations string // what needs it
	DataPlane  string // what keeps working without it
	Source     string
}

type controlPlaneJSON struct {
	Name       string   `json:"name"`
	Products   []string `json:"products"`
	Implicit   bool     `json:"implicit"`
	Region     string   `json:"region"`
	PinnedTo   string   `json:"pinned_to"`
	Operations string   `json:"operations"`
	DataPlane  string   `json:"data_plane"`
	Source     string   `json:"source"`
}

// decodeControlPlanes reads data/NAME/control_planes.json when the catalog
// has one, and checks it against the catalog: products and regions exist,
// and every entry has its public source.
func decodeControlPlanes(fsys fs.FS, c *Catalog) ([]*ControlPlane, error) {
	name := path.Join("data", c.Name, "control_planes.json")
	if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var cs []controlPlaneJSON
	if err := decodeFile(fsys, name, &cs); err != nil {
		return nil, err
	}
	var out []*ControlPlane
	var errs []error
	for _, j := range cs {
		cp := &ControlPlane{Provider: c.Name, Name: j.Name, Products: j.Products, Implicit: j.Implicit,
			Region: j.Region, PinnedTo: j.PinnedTo, Operations: j.Operations, DataPlane: j.DataPlane, Source: j.Source}
		fail := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("%s: %s: %s", name, j.Name, fmt.Sprintf(format, args...)))
		}
		if j.Name == "" || j.Operations == "" {
			fail("a control plane needs a name and the operations that need it")
		}
		if !isAddress(j.Source) {
			fail("no public source address")
		}
		if j.Region != "" {
			if _, ok := c.Region(j.Region); !ok {
				fail("region %q is not in the catalog", j.Region)
			}
		}
		for _, p := range j.Products {
			if q, ok := c.productByName(p); !ok || q.Name != p {
				fail("product %q is not a canonical product name of the catalog", p)
			}
		}
		if !j.Implicit && len(j.Products) == 0 {
			fail("names no product and is not implicit")
		}
		out = append(out, cp)
	}
	return out, errors.Join(errs...)
}

// ControlPlanes lists the catalog's known control planes, in file order.
func (c *Catalog) ControlPlanes() []*ControlPlane { return c.controlPlanes }

// ControlPlanesOf lists the control planes product p relies on: those of
// its catalog's file that name it, and, when the catalog entry pins one
// (Product.ControlPlane) that no file entry covers, that one.
func (r *Registry) ControlPlanesOf(p *Product) []*ControlPlane {
	if p == nil {
		return nil
	}
	var out []*ControlPlane
	if c, ok := r.catalogs[p.Provider]; ok {
		for _, cp := range c.controlPlanes {
			if slices.Contains(cp.Products, p.Name) {
				out = append(out, cp)
			}
		}
	}
	if p.ControlPlane != "" && !slices.ContainsFunc(out, func(cp *ControlPlane) bool { return cp.Region == p.ControlPlane }) {
		out = append(out, &ControlPlane{Provider: p.Provider, Name: p.Title + " control plane", Products: []string{p.Name},
			Region: p.ControlPlane, Operations: "changes to it", Source: p.Sources[FactControlPlane]})
	}
	return out
}
