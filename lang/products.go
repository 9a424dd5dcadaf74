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
		names := make([]string, len(cat.Products))
		for i, p := range cat.Products {
			names[i] = p.Name
		}
		return fail("Unknown product", fmt.Sprintf("The %s catalog has no product %q.%s Run mrplan providers %s to list its products.", provName, prodName, didYouMean(prodName, names, provName+"."), provName))
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
