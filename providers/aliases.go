package providers

import (
	"sort"
	"strings"
)

// terraformPrefixes maps the resource-type prefix of each Terraform provider
// that creates built-in products to the catalog that holds them. Entra ID
// resources come from the separate azuread provider.
var terraformPrefixes = map[string]string{
	"aws_":      "aws",
	"google_":   "gcp",
	"azurerm_":  "azure",
	"azuread_":  "azure",
	"alicloud_": "alicloud",
}

// IsTerraformType reports whether name is written like a Terraform resource
// type of one of the built-in providers ("aws_dynamodb_table").
func IsTerraformType(name string) bool {
	_, ok := terraformCatalog(name)
	return ok
}

func terraformCatalog(name string) (string, bool) {
	for prefix, cat := range terraformPrefixes {
		if strings.HasPrefix(name, prefix) && len(name) > len(prefix) {
			return cat, true
		}
	}
	return "", false
}

// indexAliases builds the alias lookup. A clash (an alias naming two
// products, or equal to a product's name) keeps the first and is reported
// by Check.
func (c *Catalog) indexAliases() {
	c.byAlias = map[string]*Product{}
	for _, p := range c.Products {
		for _, a := range p.Aliases {
			if _, taken := c.byAlias[a]; !taken {
				c.byAlias[a] = p
			}
		}
	}
}

// checkAliases reports aliases that would make a reference ambiguous.
func (c *Catalog) checkAliases(p *Product, ps *problems) {
	for i, a := range p.Aliases {
		switch {
		case a == "" || strings.ContainsAny(a, ". \t"):
			ps.add("aliases", "alias %q is not a name a reference can use", a)
		case a == p.Name || contains(p.Aliases[:i], a):
			ps.add("aliases", "alias %q is listed twice", a)
		case c.byAlias[a] != nil && c.byAlias[a] != p:
			ps.add("aliases", "alias %q also names %s", a, c.byAlias[a].Ref())
		default:
			if other, ok := c.productByName(a); ok && other != p {
				ps.add("aliases", "alias %q is the name of %s", a, other.Ref())
			}
			if cat, ok := terraformCatalog(a); ok && c.Builtin && cat != c.Name {
				ps.add("aliases", "alias %q is a resource type of the %s catalog's Terraform provider", a, cat)
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (c *Catalog) productByName(name string) (*Product, bool) {
	i := sort.Search(len(c.Products), func(i int) bool { return c.Products[i].Name >= name })
	if i < len(c.Products) && c.Products[i].Name == name {
		return c.Products[i], true
	}
	return nil, false
}

// ReferenceNames lists every name the catalog's products answer to, the
// canonical names and the aliases, sorted: the candidates of a "did you
// mean" suggestion.
func (c *Catalog) ReferenceNames() []string {
	out := c.ProductNames()
	for a := range c.byAlias {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// TerraformTypes lists the Terraform resource types of the catalog's
// products, sorted, each with the product it creates.
func (c *Catalog) TerraformTypes() []TerraformType {
	var out []TerraformType
	for _, p := range c.Products {
		for _, a := range p.Aliases {
			if IsTerraformType(a) {
				out = append(out, TerraformType{Type: a, Product: p})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Type < out[j].Type })
	return out
}

// TerraformType is a Terraform resource type and the catalog product it
// creates.
type TerraformType struct {
	Type    string // "aws_dynamodb_table"
	Product *Product
}

// ProductForTerraformType names the catalog product a Terraform resource
// type creates ("aws_dynamodb_table" is aws.dynamodb), from the catalogs'
// aliases. Types that create several products depending on their arguments
// (aws_db_instance, google_sql_database_instance) are not aliases and are
// not found.
func (r *Registry) ProductForTerraformType(resourceType string) (*Product, bool) {
	cat, ok := terraformCatalog(resourceType)
	if !ok {
		return nil, false
	}
	c, ok := r.catalogs[cat]
	if !ok {
		return nil, false
	}
	p, ok := c.byAlias[resourceType]
	return p, ok
}

// ResolveProduct is Product with the canonical reference: it returns the
// product a "PROVIDER.PRODUCT" reference names and whether the reference
// used an alias rather than the canonical name.
func (r *Registry) ResolveProduct(ref string) (p *Product, viaAlias bool, ok bool) {
	p, ok = r.Product(ref)
	if !ok {
		return nil, false, false
	}
	return p, p.Ref() != ref, true
}
