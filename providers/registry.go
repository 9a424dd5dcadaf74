package providers

import "sort"

// Registry is the set of catalogs one module can use: the built-in ones plus
// the module's custom providers.
type Registry struct {
	catalogs map[string]*Catalog
}

// NewRegistry returns a registry holding every built-in catalog.
func NewRegistry() *Registry {
	r := &Registry{catalogs: map[string]*Catalog{}}
	for _, c := range Builtins() {
		r.catalogs[c.Name] = c
	}
	return r
}

// Add puts a custom catalog in the registry, replacing none: it reports false
// when the name is taken.
func (r *Registry) Add(c *Catalog) bool {
	if _, taken := r.catalogs[c.Name]; taken {
		return false
	}
	r.catalogs[c.Name] = c
	return true
}

// Catalog returns the catalog named name.
func (r *Registry) Catalog(name string) (*Catalog, bool) {
	c, ok := r.catalogs[name]
	return c, ok
}

// Names lists the catalogs, sorted.
func (r *Registry) Names() []string {
	out := make([]string, 0, len(r.catalogs))
	for n := range r.catalogs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Region finds a region of a catalog by code.
func (r *Registry) Region(provider, code string) (*Region, bool) {
	c, ok := r.catalogs[provider]
	if !ok {
		return nil, false
	}
	return c.Region(code)
}

// Product finds a product by its "PROVIDER.PRODUCT" reference; PRODUCT
// may be the canonical name or any alias, and the product returned always
// carries the canonical name.
func (r *Registry) Product(ref string) (*Product, bool) {
	for i := 0; i < len(ref); i++ {
		if ref[i] == '.' {
			c, ok := r.catalogs[ref[:i]]
			if !ok {
				return nil, false
			}
			return c.Product(ref[i+1:])
		}
	}
	return nil, false
}

// Region finds one of the catalog's regions by code.
func (c *Catalog) Region(code string) (*Region, bool) {
	i := sort.Search(len(c.Regions), func(i int) bool { return c.Regions[i].Code >= code })
	if i < len(c.Regions) && c.Regions[i].Code == code {
		return c.Regions[i], true
	}
	return nil, false
}

// Product finds one of the catalog's products by name or by one of its
// aliases (a former name, a short name, a Terraform resource type).
func (c *Catalog) Product(name string) (*Product, bool) {
	i := sort.Search(len(c.Products), func(i int) bool { return c.Products[i].Name >= name })
	if i < len(c.Products) && c.Products[i].Name == name {
		return c.Products[i], true
	}
	if p, ok := c.byAlias[name]; ok {
		return p, true
	}
	return nil, false
}
