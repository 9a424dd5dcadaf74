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
	c.indexAliases()
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

// CheckError is one way a catalog breaks the model's rules. It names the
// entry and the field at fault, so that lang can point at the attribute of a
// custom provider's block.
type CheckError struct {
	Catalog string
	Entry   EntryKind // EntryCatalog, EntryRegion or EntryProduct
	Name    string    // the region's code or the product's name; "" for the catalog
	Field   string    // the attribute at fault, as a module writes it ("lag", "lat"); "" for the whole entry
	Message string
}

// EntryKind says what a CheckError is about.
type EntryKind string

const (
	EntryCatalog EntryKind = "catalog"
	EntryRegion  EntryKind = "region"
	EntryProduct EntryKind = "product"
)

// Error reads "aws.dynamodb: offers async replication but gives no typical lag".
func (e *CheckError) Error() string {
	if e.Name == "" {
		return e.Catalog + ": " + e.Message
	}
	return e.Catalog + "." + e.Name + ": " + e.Message
}

// problem is one CheckError before it knows its entry.
type problem struct{ field, msg string }

type problems []problem

func (ps *problems) add(field, format string, args ...any) {
	*ps = append(*ps, problem{field, fmt.Sprintf(format, args...)})
}

// Check reports every way the catalog breaks the model's rules, as
// *CheckError values sorted by message. Built-in catalogs are held to more:
// the public source of each region and of each fact of each product, an
// explicit replication list (a custom product may leave it empty, meaning
// none), and conflict resolutions on multi-writer products only.
func (c *Catalog) Check() []error {
	var errs []error
	report := func(kind EntryKind, name string, ps problems) {
		for _, p := range ps {
			errs = append(errs, &CheckError{Catalog: c.Name, Entry: kind, Name: name, Field: p.field, Message: p.msg})
		}
	}
	if !catalogName.MatchString(c.Name) {
		report(EntryCatalog, "", problems{{"", "catalog name must be lower-case letters, digits, _ or -"}})
	}
	seen := map[string]bool{}
	for i, r := range c.Regions {
		var ps problems
		switch {
		case r.Code == "":
			ps.add("", "region %d has no code", i)
		case seen[r.Code]:
			ps.add("", "region declared twice")
		}
		seen[r.Code] = true
		if i > 0 && c.Regions[i-1].Code > r.Code {
			ps.add("", "regions are not sorted by code; build catalogs with NewCatalog")
		}
		r.check(c.Builtin, &ps)
		report(EntryRegion, r.Code, ps)
	}
	seen = map[string]bool{}
	for i, p := range c.Products {
		var ps problems
		if seen[p.Name] {
			ps.add("", "product declared twice")
		}
		seen[p.Name] = true
		if i > 0 && c.Products[i-1].Name > p.Name {
			ps.add("", "products are not sorted by name; build catalogs with NewCatalog")
		}
		p.check(c, &ps)
		c.checkAliases(p, &ps)
		report(EntryProduct, p.Name, ps)
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errs
}

func (r *Region) check(builtin bool, ps *problems) {
	if r.Lat < -90 || r.Lat > 90 {
		ps.add("lat", "latitude %g is outside -90..90", r.Lat)
	}
	if r.Lon < -180 || r.Lon > 180 {
		ps.add("lon", "longitude %g is outside -180..180", r.Lon)
	}
	if r.Zones < 0 {
		ps.add("zones", "zones %d is negative", r.Zones)
	}
	if r.Country != "" && !countryCode.MatchString(r.Country) {
		ps.add("country", "country %q is not an ISO 3166-1 alpha-2 code such as \"IE\"", r.Country)
	}
	if r.Continent != "" && !slices.Contains(Continents(), r.Continent) {
		ps.add("continent", "continent %q is not one of %s", r.Continent, joinAny(Continents()))
	}
	if builtin {
		if r.Name == "" || r.City == "" || r.Country == "" || r.Continent == "" {
			ps.add("", "a built-in region needs a name, city, country and continent")
		}
		if r.Lat == 0 && r.Lon == 0 {
			ps.add("", "a built-in region needs coordinates")
		}
		if !isAddress(r.Source) {
			ps.add("source", "a built-in region needs the public address it was checked against")
		}
	}
}

func (p *Product) check(c *Catalog, ps *problems) {
	if !kebab.MatchString(p.Name) {
		ps.add("", "product name must be kebab-case, such as \"aurora-postgresql\"")
	}
	if !slices.Contains(ProductKinds(), p.Kind) {
		ps.add(FactKind, "kind %q is not one of %s", p.Kind, joinAny(ProductKinds()))
	}
	if !slices.Contains(Scopes(), p.Scope) {
		ps.add(FactScope, "scope %q is not one of %s", p.Scope, joinAny(Scopes()))
	}
	if len(p.Replication) == 0 && c.Builtin {
		ps.add(FactReplication, "replication lists no mode; write [\"none\"] for a product that cannot replicate")
	}
	for i, m := range p.Replication {
		if !slices.Contains(ReplicationModes(), m) {
			ps.add(FactReplication, "replication %q is not one of %s", m, joinAny(ReplicationModes()))
		}
		if slices.Contains(p.Replication[:i], m) {
			ps.add(FactReplication, "replication lists %q twice", m)
		}
	}
	if p.Offers(ReplicationNone) && len(p.Replication) > 1 {
		ps.add(FactReplication, "replication \"none\" cannot be combined with other modes")
	}
	switch {
	case p.Lag < 0:
		ps.add(FactLag, "lag cannot be negative")
	case p.Offers(ReplicationAsync) && p.Lag == 0 && c.Builtin:
		// A custom product may not know its lag; the planner then assumes
		// the worst (its backup interval) and says so.
		ps.add(FactLag, "offers async replication but gives no typical lag")
	case !p.Offers(ReplicationAsync) && p.Lag != 0:
		ps.add(FactLag, "gives a lag of %s but offers no async replication: synchronous modes lose nothing", p.Lag)
	}
	switch {
	case p.LagBound < 0:
		ps.add(FactLagBound, "lag_bound cannot be negative")
	case p.LagBound > 0 && p.LagBound < p.Lag:
		ps.add(FactLagBound, "lag_bound %s is shorter than the typical lag %s", p.LagBound, p.Lag)
	case p.LagBound > 0 && !p.Offers(ReplicationAsync):
		ps.add(FactLagBound, "gives a lag bound but offers no async replication")
	}
	if p.Failover < 0 {
		ps.add(FactFailover, "failover cannot be negative")
	}
	switch {
	case p.FailoverBound < 0:
		ps.add(FactFailoverBnd, "failover_bound cannot be negative")
	case p.FailoverBound > 0 && p.FailoverBound < p.Failover:
		ps.add(FactFailoverBnd, "failover_bound %s is shorter than the typical failover %s", p.FailoverBound, p.Failover)
	}
	if p.FailoverBy != "" && !slices.Contains(FailoverTriggers(), p.FailoverBy) {
		ps.add(FactFailoverBy, "failover_by %q is not one of %s", p.FailoverBy, joinAny(FailoverTriggers()))
	}
	if p.Failover > 0 && p.FailoverBy == "" && c.Builtin {
		ps.add(FactFailoverBy, "gives a failover time but not who triggers it (customer, service or lease)")
	}
	if p.FailoverBy == TriggerLease && !p.Offers(ReplicationSync) {
		ps.add(FactFailoverBy, "a lease-based failover needs synchronous (consensus) replication")
	}
	if p.FailoverGrace < 0 {
		ps.add(FactFailoverGrc, "failover_grace cannot be negative")
	}
	if p.FailoverGrace > 0 && p.FailoverBy == TriggerLease {
		ps.add(FactFailoverGrc, "a lease-based failover has no grace period")
	}
	if p.Witness && !p.Offers(ReplicationSync) {
		ps.add(FactWitness, "a witness region votes in a synchronous quorum; the product offers none")
	}
	if p.PairedOnly && p.Offers(ReplicationNone) {
		ps.add(FactPairedOnly, "paired_only describes where replicas go; the product cannot replicate")
	}
	if p.MultiWriter && len(p.Conflict) == 0 {
		ps.add(FactConflict, "accepts writes in several regions but offers no conflict resolution")
	}
	if !p.MultiWriter && len(p.Conflict) > 0 && c.Builtin {
		// A custom product may name the resolution a two-way setup would
		// use; the built-in data keeps conflict for multi-writer products.
		ps.add(FactConflict, "offers conflict resolution but accepts writes in one region only")
	}
	if p.MultiWriter && p.Offers(ReplicationNone) {
		ps.add(FactMultiWriter, "accepts writes in several regions but cannot replicate")
	}
	for _, cr := range p.Conflict {
		if !slices.Contains(ConflictResolutions(), cr) {
			ps.add(FactConflict, "conflict resolution %q is not one of %s", cr, joinAny(ConflictResolutions()))
		}
	}
	if p.ControlPlane != "" {
		if p.Scope == ScopeRegional {
			ps.add(FactControlPlane, "a regional product has no control plane apart from its region")
		}
		if _, ok := c.Region(p.ControlPlane); !ok && len(c.Regions) > 0 {
			ps.add(FactControlPlane, "control plane region %q is not a region of %s", p.ControlPlane, c.Name)
		}
	}
	if c.Builtin {
		if p.Title == "" {
			ps.add("title", "a built-in product needs a title")
		}
		for _, f := range p.StatedFacts() {
			if !isAddress(p.Sources[f]) {
				ps.add(f, "fact %q has no public source address", f)
			}
		}
	}
	for _, f := range sortedKeys(p.Sources) {
		if !slices.Contains(Facts(), f) {
			ps.add("", "source given for unknown fact %q", f)
		} else if !isAddress(p.Sources[f]) {
			ps.add(f, "source of fact %q is not an http(s) address: %q", f, p.Sources[f])
		}
	}
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
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
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	// As a sentence lists them: a, b or c.
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
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
