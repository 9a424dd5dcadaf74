package lang

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/providers"
)

// resolveProduct looks a "PROVIDER.PRODUCT" string up in the module's
// registry and checks that its kind is one of kinds (any, when kinds is
// empty). use names what holds the product, for messages.
func (l *loader) resolveProduct(ref string, rng hcl.Range, use string, kinds []providers.ProductKind) *providers.Product {
	reg := l.mod.Registry
	fail := func(summary, detail string) *providers.Product {
		l.lookupError(rng, summary, detail)
		return nil
	}
	provName, prodName, ok := strings.Cut(ref, ".")
	if !ok || provName == "" || prodName == "" {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &rng, Summary: "Invalid product",
			Detail: fmt.Sprintf("A product is written \"PROVIDER.PRODUCT\", such as \"aws.dynamodb\"; %q is not.", ref)})
		return nil
	}
	cat, ok := reg.Catalog(provName)
	if !ok {
		names := reg.Names()
		return fail("Unknown provider", fmt.Sprintf("There is no provider %q for product %q.%s Declare a provider block for a custom catalog.", provName, ref, didYouMean(provName, names, "")))
	}
	l.checkDeclared(cat, rng, fmt.Sprintf("Product %q", ref))
	p, ok := cat.Product(prodName)
	if !ok {
		// Aliases are candidates too: "dynamdb_table" is nearest to
		// aws_dynamodb_table, and the suggestion says which product that is.
		hint := didYouMean(prodName, cat.ReferenceNames(), provName+".")
		if s := nearest(prodName, cat.ReferenceNames()); s != "" {
			if q, ok := cat.Product(s); ok && q.Name != s {
				hint = fmt.Sprintf(" Did you mean %q (%s)?", provName+"."+s, q.Ref())
			}
		}
		return fail("Unknown product", fmt.Sprintf("The %s catalog has no product %q.%s Run mrplan providers %s to list its products.", provName, prodName, hint, provName))
	}
	// A custom product whose kind did not decode has been reported already;
	// judging its fit would only blame an empty kind.
	if len(kinds) > 0 && p.Kind != "" {
		for _, k := range kinds {
			if p.Kind == k {
				return p
			}
		}
		words := make([]string, len(kinds))
		for i, k := range kinds {
			words[i] = string(k)
		}
		return fail("Product does not fit", fmt.Sprintf("%s is %s product, which cannot serve as %s; that needs %s product.", ref, strings.ToLower(article(string(p.Kind))), use, strings.ToLower(article(orList(words)))))
	}
	return p
}

// foreignPlacement reports a product of a cloud provider's catalog placed in
// regions of another provider: an Aurora cluster cannot run in a GCP
// region. Products of generic and custom catalogs (self-hosted software)
// run anywhere and are not judged. holder names what holds the product
// ("data.ledger"), where lists each region with who put the product there
// ("its owner service.payments"); the error goes on the reference.
func (l *loader) foreignPlacement(p *providers.Product, rng hcl.Range, holder string, where []placement) {
	if p == nil {
		return
	}
	cat, ok := l.mod.Registry.Catalog(p.Provider)
	if !ok || !cat.Builtin || cat.Name == "generic" {
		return
	}
	var bad []string
	seen := map[string]bool{}
	for _, w := range where {
		r := l.mod.Region(w.region)
		if r == nil || r.Provider == "" || r.Provider == p.Provider || seen[r.Name] {
			continue
		}
		seen[r.Name] = true
		code := ""
		if r.Code != r.Name {
			code = " " + r.Code
		}
		bad = append(bad, fmt.Sprintf("region.%s (%s%s, %s)", r.Name, r.Provider, code, w.by))
	}
	if len(bad) == 0 {
		return
	}
	l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &rng,
		Summary: "Product in another provider's region",
		Detail: fmt.Sprintf("%s uses %s, %s product, which runs only in %s regions, but it is placed in %s. "+
			"Give each provider's regions a store of their own (a separate data class or dependency with a product of that catalog), "+
			"keep the data in %s regions, or use a self-hosted product from the generic catalog, which runs anywhere.",
			holder, p.Ref(), strings.ToLower(article(p.Provider)), p.Provider, andList(bad), p.Provider)})
}

// placement is one region a product is placed in, and who put it there.
type placement struct{ region, by string }

// checkPlacements runs foreignPlacement over every data class (the regions
// of its owner and writers, where the planner puts its copies) and every
// dependency (the regions it is reachable in).
func (l *loader) checkPlacements() {
	m := l.mod
	writers := map[string][]*Service{}
	for _, s := range m.Services {
		for _, w := range s.Writes {
			writers[w.Addr.Name] = append(writers[w.Addr.Name], s)
		}
	}
	for _, d := range m.Data {
		if d.Catalog == nil {
			continue
		}
		var where []placement
		add := func(s *Service, role string) {
			if s == nil {
				return
			}
			for _, r := range s.Regions {
				where = append(where, placement{r.Addr.Name, role + " service." + s.Name + " runs there"})
			}
		}
		if d.Owner != (Ref{}) {
			add(m.Service(d.Owner.Addr.Name), "its owner")
		}
		for _, s := range writers[d.Name] {
			if d.Owner.Addr.Name != s.Name {
				add(s, "its writer")
			}
		}
		l.foreignPlacement(d.Catalog, l.exprRange(d.Addr(), "product", d.Attrs["product"]), d.Addr().String(), where)
	}
	for _, d := range m.Dependencies {
		if d.Catalog == nil {
			continue
		}
		var where []placement
		for _, r := range d.Regions {
			where = append(where, placement{r.Addr.Name, "listed in its regions"})
		}
		l.foreignPlacement(d.Catalog, l.exprRange(d.Addr(), "product", d.Attrs["product"]), d.Addr().String(), where)
	}
}
