package lang

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/providers"
)

var providerSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "region", LabelNames: []string{"code"}},
		{Type: "product", LabelNames: []string{"name"}},
	},
}

var catalogRegionSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "city", Required: true},
		{Name: "country", Required: true},
		{Name: "lat", Required: true},
		{Name: "lon", Required: true},
		{Name: "zones"},
		{Name: "name"},
	},
}

var catalogProductSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "kind", Required: true},
		{Name: "scope"},
		{Name: "replication"},
		{Name: "lag"},
		{Name: "lag_bound"},
		{Name: "failover"},
		{Name: "failover_bound"},
		{Name: "failover_by"},
		{Name: "failover_grace"},
		{Name: "paired_only"},
		{Name: "witness"},
		{Name: "multi_writer"},
		{Name: "conflict"},
		{Name: "title"},
		{Name: "aliases"},
	},
}

// The words a custom product may use come from providers, so a custom
// catalog and a built-in one speak the same vocabulary.
var (
	productKindNames = withUnset(providers.ProductKinds())
	scopeNames       = withUnset(providers.Scopes())
	replicationNames = withUnset(providers.ReplicationModes())
	resolutionNames  = withUnset(providers.ConflictResolutions())
	triggerNames     = withUnset(providers.FailoverTriggers())
)

// withUnset turns a list of words into an enumeration table whose index 0
// stands for "not set", as the decoders' enum helpers expect.
func withUnset[T ~string](words []T) []string {
	out := []string{""}
	for _, w := range words {
		out = append(out, string(w))
	}
	return out
}

// decodeProviderBlock reads a provider block. Its inline regions and
// products, if any, become the custom catalog registered in finish.
func (l *loader) decodeProviderBlock(block *hcl.Block) *Provider {
	p := &Provider{
		Name:      block.Labels[0],
		DeclRange: block.DefRange,
		NameRange: block.LabelRanges[0],
	}
	content := l.content(block.Body, providerSchema)
	if len(content.Blocks) == 0 {
		return p
	}
	errorsBefore := len(l.diags)
	var regions []*providers.Region
	var products []*providers.Product
	// Where each entry and its attributes stand, to place catalog problems.
	entries := map[string]entrySource{}
	for _, b := range content.Blocks {
		key := b.Type + "." + b.Labels[0]
		if first, dup := entries[key]; dup {
			l.diags = append(l.diags, duplicateDiag(b.Type, fmt.Sprintf("%q", b.Labels[0]), b.DefRange, first.block))
			continue
		}
		var attrs hcl.Attributes
		switch b.Type {
		case "region":
			var r *providers.Region
			r, attrs = l.decodeCatalogRegion(p.Name, b)
			regions = append(regions, r)
		case "product":
			var pr *providers.Product
			pr, attrs = l.decodeCatalogProduct(p.Name, b)
			products = append(products, pr)
		}
		entries[key] = entrySource{block: b.DefRange, attrs: attrs}
	}
	p.Catalog = providers.NewCatalog(p.Name, p.Name, regions, products)
	if l.diags[errorsBefore:].HasErrors() {
		return p // a catalog that did not decode would only be judged twice
	}
	for _, err := range p.Catalog.Check() {
		l.catalogProblem(err, entries)
	}
	return p
}

// entrySource is where one inline region or product of a custom provider
// is declared.
type entrySource struct {
	block hcl.Range
	attrs hcl.Attributes
}

// catalogProblem reports what providers' Check found wrong with a custom
// catalog at the attribute (or else the block) it is about.
func (l *loader) catalogProblem(err error, entries map[string]entrySource) {
	ce, ok := err.(*providers.CheckError)
	if !ok {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid custom provider", Detail: err.Error()})
		return
	}
	src := entries[string(ce.Entry)+"."+ce.Name]
	rng := src.block
	if a, ok := src.attrs[ce.Field]; ok {
		rng = a.Range
	}
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid custom " + string(ce.Entry),
		Detail:   fmt.Sprintf("In provider %q, %s %q: %s.", ce.Catalog, ce.Entry, ce.Name, ce.Message),
		Subject:  &rng,
	})
}

func (l *loader) decodeCatalogRegion(provider string, block *hcl.Block) (*providers.Region, hcl.Attributes) {
	r := &providers.Region{Provider: provider, Code: block.Labels[0], Zones: 1}
	content := l.content(block.Body, catalogRegionSchema)
	a := content.Attributes
	r.Name, _ = l.str(a["name"])
	r.City, _ = l.str(a["city"])
	r.Country, _ = l.str(a["country"])
	r.Lat, _ = l.number(a["lat"], -90, 90)
	r.Lon, _ = l.number(a["lon"], -180, 180)
	if z, ok := l.integer(a["zones"], 0, 1000); ok {
		r.Zones = z
	}
	if r.Name == "" {
		r.Name = r.City
	}
	return r, a
}

func (l *loader) decodeCatalogProduct(provider string, block *hcl.Block) (*providers.Product, hcl.Attributes) {
	p := &providers.Product{Provider: provider, Name: block.Labels[0], Scope: providers.ScopeRegional}
	content := l.content(block.Body, catalogProductSchema)
	a := content.Attributes
	p.Title, _ = l.str(a["title"])
	if i, ok := l.enum(a["kind"], productKindNames); ok {
		p.Kind = providers.ProductKind(productKindNames[i])
	}
	if i, ok := l.enum(a["scope"], scopeNames); ok {
		p.Scope = providers.Scope(scopeNames[i])
	}
	for _, w := range l.wordsFrom(a["replication"], replicationNames) {
		p.Replication = append(p.Replication, providers.Replication(w))
	}
	p.Lag, _ = l.duration(a["lag"])
	p.Failover, _ = l.duration(a["failover"])
	p.LagBound, _ = l.duration(a["lag_bound"])
	p.FailoverBound, _ = l.duration(a["failover_bound"])
	p.FailoverGrace, _ = l.duration(a["failover_grace"])
	if i, ok := l.enum(a["failover_by"], triggerNames); ok {
		p.FailoverBy = providers.FailoverTrigger(triggerNames[i])
	}
	p.PairedOnly, _ = l.boolean(a["paired_only"])
	p.Witness, _ = l.boolean(a["witness"])
	p.MultiWriter, _ = l.boolean(a["multi_writer"])
	p.Conflict = l.wordsFrom(a["conflict"], resolutionNames)
	p.Aliases, _ = l.strings(a["aliases"])
	if p.Title == "" {
		p.Title = p.Name
	}
	return p, a
}

// wordsFrom reads a list of strings each of which must be one of names.
func (l *loader) wordsFrom(attr *hcl.Attribute, names []string) []string {
	list, ok := l.strings(attr)
	if !ok {
		return nil
	}
	allowed := enumWords(names)
	out := make([]string, 0, len(list))
	for _, w := range list {
		if !contains(allowed, w) {
			l.errorf(attr, "Invalid value", "Each element of the %s argument must be one of %s; %q is not.%s",
				attr.Name, wordList(allowed), w, didYouMean(w, allowed, ""))
			continue
		}
		out = append(out, w)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// registerProvider adds a custom provider's catalog to the module's
// registry, or selects the built-in catalog of that name.
func (l *loader) registerProvider(p *Provider) {
	reg := l.mod.Registry
	existing, isKnown := reg.Catalog(p.Name)
	if p.Catalog == nil {
		if isKnown {
			p.Catalog = existing
			return
		}
		// A custom provider with no inline regions or products: an empty
		// catalog, so regions name their geography themselves. A name a
		// typo away from a built-in catalog is most likely that catalog.
		if s := nearest(p.Name, l.builtinNames()); s != "" {
			rng := p.NameRange
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagWarning,
				Summary:  "Unknown provider",
				Detail: fmt.Sprintf("There is no built-in provider %q. Did you mean %q? A provider that is not built in is a custom provider, which declares its own regions and products in region and product blocks inside the provider block; this one declares none.",
					p.Name, s),
				Subject: &rng,
			})
		}
		p.Catalog = &providers.Catalog{Name: p.Name, Title: p.Name}
	} else if isKnown && existing.Builtin {
		rng := p.NameRange
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Built-in provider redefined",
			Detail: fmt.Sprintf("%q is a built-in catalog, so it cannot define its own regions or products. Give the custom provider another name, such as %q, or remove the inline blocks and override a region's geography in its region block.",
				p.Name, p.Name+"-custom"),
			Subject: &rng,
		})
		p.Catalog = existing
		return
	}
	if !reg.Add(p.Catalog) {
		// Only a duplicate provider block could take the name, and those
		// are reported when declared; keep the first.
		p.Catalog, _ = reg.Catalog(p.Name)
	}
}

// builtinNames are the names of the registry's built-in catalogs.
func (l *loader) builtinNames() []string {
	var out []string
	for _, n := range l.mod.Registry.Names() {
		if c, ok := l.mod.Registry.Catalog(n); ok && c.Builtin {
			out = append(out, n)
		}
	}
	return out
}

// checkDeclared warns when a module that declares its providers uses a
// built-in catalog it does not declare, as Terraform asks every provider a
// module uses to be required. A module that declares no provider at all
// draws on the built-in catalogs freely.
func (l *loader) checkDeclared(cat *providers.Catalog, rng hcl.Range, what string) {
	if len(l.mod.Providers) == 0 || !cat.Builtin {
		return
	}
	for _, p := range l.mod.Providers {
		if p.Name == cat.Name {
			return
		}
	}
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  "Provider not declared",
		Detail: fmt.Sprintf("%s comes from the built-in %s catalog, but the module declares no provider %q block. Add provider %q {} next to the module's other provider blocks, so that they list every catalog it uses.",
			what, cat.Name, cat.Name, cat.Name),
		Subject: &rng,
	})
}
