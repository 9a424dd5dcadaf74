package providers

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// NewCatalog builds a catalog from regions and products in any order: it
// sets each entry's Provider and sorts both lists, as Catalog's lookups need.
// It checks nothing; call Check.
func NewCatalog(name, title string, regions []*Region, products []*Product) *Catalog {
	c := &Catalog{Name: name, Title: title, Regions: regions, Products: products}
	for _, r := range c.Regions {
		r.Provider = name
	}
	for _, p := range c.Products {
		p.Provider = name
	}
	c.sort()
	return c
}

func (c *Catalog) sort() {
	sort.SliceStable(c.Regions, func(i, j int) bool { return c.Regions[i].Code < c.Regions[j].Code })
	sort.SliceStable(c.Products, func(i, j int) bool { return c.Products[i].Name < c.Products[j].Name })
}

var (
	catalogName = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	kebab       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	countryCode = regexp.MustCompile(`^[A-Z]{2}$`)
)

// Check reports every way the catalog breaks the model's rules. Built-in
// catalogs must also give the public source of each region and of each fact
// of each product; custom catalogs need not. Errors name the entry at fault
// ("aws.dynamodb: ...") and are sorted.
func (c *Catalog) Check() []error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !catalogName.MatchString(c.Name) {
		fail("%s: catalog name must be lower-case letters, digits, _ or -", c.Name)
	}
	seen := map[string]bool{}
	for i, r := range c.Regions {
		id := c.Name + "." + r.Code
		switch {
		case r.Code == "":
			fail("%s: region %d has no code", c.Name, i)
		case seen[r.Code]:
			fail("%s: region declared twice", id)
		}
		seen[r.Code] = true
		if i > 0 && c.Regions[i-1].Code > r.Code {
			fail("%s: regions are not sorted by code", id)
		}
		for _, e := range r.check(c.Builtin) {
			fail("%s: %s", id, e)
		}
	}
	seen = map[string]bool{}
	for i, p := range c.Products {
		id := c.Name + "." + p.Name
		if seen[p.Name] {
			fail("%s: product declared twice", id)
		}
		seen[p.Name] = true
		if i > 0 && c.Products[i-1].Name > p.Name {
			fail("%s: products are not sorted by name", id)
		}
		for _, e := range p.check(c) {
			fail("%s: %s", id, e)
		}
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errs
}

func (r *Region) check(builtin bool) []string {
	var out []string
	if r.Lat < -90 || r.Lat > 90 {
		out = append(out, fmt.Sprintf("latitude %g is outside -90..90", r.Lat))
	}
	if r.Lon < -180 || r.Lon > 180 {
		out = append(out, fmt.Sprintf("longitude %g is outside -180..180", r.Lon))
	}
	if r.Zones < 0 {
		out = append(out, fmt.Sprintf("zones %d is negative", r.Zones))
	}
	if r.Country != "" && !countryCode.MatchString(r.Country) {
		out = append(out, fmt.Sprintf("country %q is not an ISO 3166-1 alpha-2 code such as \"IE\"", r.Country))
	}
	if r.Continent != "" && !slices.Contains(Continents(), r.Continent) {
		out = append(out, fmt.Sprintf("continent %q is not one of %s", r.Continent, strings.Join(Continents(), ", ")))
	}
	if builtin {
		if r.Name == "" || r.City == "" || r.Country == "" || r.Continent == "" {
			out = append(out, "a built-in region needs a name, city, country and continent")
		}
		if r.Lat == 0 && r.Lon == 0 {
			out = append(out, "a built-in region needs coordinates")
		}
		if !isAddress(r.Source) {
			out = append(out, "a built-in region needs the public address it was checked against")
		}
	}
	return out
}

func (p *Product) check(c *Catalog) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if !kebab.MatchString(p.Name) {
		bad("product name must be kebab-case, such as \"aurora-postgresql\"")
	}
	if !slices.Contains(ProductKinds(), p.Kind) {
		bad("kind %q is not one of %s", p.Kind, joinAny(ProductKinds()))
	}
	if !slices.Contains(Scopes(), p.Scope) {
		bad("scope %q is not one of %s", p.Scope, joinAny(Scopes()))
	}
	if len(p.Replication) == 0 {
		bad("replication lists no mode; write [\"none\"] for a product that cannot replicate")
	}
	for i, m := range p.Replication {
		if !slices.Contains(ReplicationModes(), m) {
			bad("replication %q is not one of %s", m, joinAny(ReplicationModes()))
		}
		if slices.Contains(p.Replication[:i], m) {
			bad("replication lists %q twice", m)
		}
	}
	if p.Offers(ReplicationNone) && len(p.Replication) > 1 {
		bad("replication \"none\" cannot be combined with other modes")
	}
	switch {
	case p.Lag < 0 || p.Failover < 0:
		bad("lag and failover cannot be negative")
	case p.Offers(ReplicationAsync) && p.Lag == 0:
		bad("offers async replication but gives no typical lag")
	case !p.Offers(ReplicationAsync) && p.Lag != 0:
		bad("gives a lag of %s but offers no async replication: synchronous modes lose nothing", p.Lag)
	}
	if p.MultiWriter && len(p.Conflict) == 0 {
		bad("accepts writes in several regions but offers no conflict resolution")
	}
	if !p.MultiWriter && len(p.Conflict) > 0 {
		bad("offers conflict resolution but accepts writes in one region only")
	}
	if p.MultiWriter && p.Offers(ReplicationNone) {
		bad("accepts writes in several regions but cannot replicate")
	}
	for _, cr := range p.Conflict {
		if !slices.Contains(ConflictResolutions(), cr) {
			bad("conflict resolution %q is not one of %s", cr, strings.Join(ConflictResolutions(), ", "))
		}
	}
	if p.ControlPlane != "" {
		if p.Scope == ScopeRegional {
			bad("a regional product has no control plane apart from its region")
		}
		if _, ok := c.Region(p.ControlPlane); !ok && len(c.Regions) > 0 {
			bad("control plane region %q is not a region of %s", p.ControlPlane, c.Name)
		}
	}
	if c.Builtin {
		if p.Title == "" {
			bad("a built-in product needs a title")
		}
		for _, f := range p.StatedFacts() {
			if !isAddress(p.Sources[f]) {
				bad("fact %q has no public source address", f)
			}
		}
	}
	for f, src := range p.Sources {
		if !slices.Contains(Facts(), f) {
			bad("source given for unknown fact %q", f)
		} else if !isAddress(src) {
			bad("source of fact %q is not an http(s) address: %q", f, src)
		}
	}
	return out
}

func isAddress(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

func joinAny[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// RegionCodes lists the catalog's region codes, sorted.
func (c *Catalog) RegionCodes() []string {
	out := make([]string, len(c.Regions))
	for i, r := range c.Regions {
		out[i] = r.Code
	}
	return out
}

// ProductNames lists the catalog's product names, sorted.
func (c *Catalog) ProductNames() []string {
	out := make([]string, len(c.Products))
	for i, p := range c.Products {
		out[i] = p.Name
	}
	return out
}
