package manifest

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

var fileSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "service", Required: true}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "dependency", LabelNames: []string{"name"}}},
}

var dependencySchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "kind"},
		{Name: "regions"},
		{Name: "product"},
	},
}

// kinds are the words a manifest's `kind` accepts: a modelled service, or a
// dependency kind of SPEC §3.
var kinds = []string{KindService, "third-party", "dns", "identity", "queue", "cache", "database",
	"object-store", "secrets", "runbook", "other"}

func parseHCL(filename string, src []byte) (*Manifest, hcl.Diagnostics) {
	f, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	content, more := f.Body.Content(fileSchema)
	diags = append(diags, more...)
	m := &Manifest{Filename: filename}
	if attr, ok := content.Attributes["service"]; ok {
		m.ServiceRange = attr.Expr.Range()
		var d hcl.Diagnostics
		m.Service, d = stringValue(attr.Expr, "service")
		diags = append(diags, d...)
	}
	seen := map[string]hcl.Range{}
	for _, b := range content.Blocks {
		dep := &Dependency{Name: b.Labels[0], DeclRange: b.DefRange, NameRange: b.LabelRanges[0]}
		if first, dup := seen[dep.Name]; dup {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Duplicate dependency",
				Detail:   fmt.Sprintf("The manifest already lists %q at %s.", dep.Name, first),
				Subject:  dep.NameRange.Ptr(),
			})
			continue
		}
		seen[dep.Name] = dep.DeclRange
		diags = append(diags, decodeDependency(b.Body, dep)...)
		m.Dependencies = append(m.Dependencies, dep)
	}
	return m, diags
}

func decodeDependency(body hcl.Body, dep *Dependency) hcl.Diagnostics {
	content, diags := body.Content(dependencySchema)
	if attr, ok := content.Attributes["kind"]; ok {
		var d hcl.Diagnostics
		dep.Kind, d = stringValue(attr.Expr, "kind")
		diags = append(diags, d...)
		if dep.Kind != "" && !contains(kinds, dep.Kind) {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unknown dependency kind",
				Detail:   fmt.Sprintf("The kind must be one of %s.", strings.Join(kinds, ", ")),
				Subject:  attr.Expr.Range().Ptr(),
			})
		}
	}
	if attr, ok := content.Attributes["product"]; ok {
		var d hcl.Diagnostics
		dep.Product, d = stringValue(attr.Expr, "product")
		diags = append(diags, d...)
	}
	if attr, ok := content.Attributes["regions"]; ok {
		regions, d := regionList(attr.Expr)
		dep.Regions = regions
		diags = append(diags, d...)
	}
	return diags
}

// regionList reads a list of region names, written as strings
// ("us-east-1") or as references (region.us-east-1).
func regionList(expr hcl.Expression) ([]string, hcl.Diagnostics) {
	exprs, diags := hcl.ExprList(expr)
	if diags.HasErrors() {
		return nil, diags
	}
	var out []string
	for _, e := range exprs {
		if tr, d := hcl.AbsTraversalForExpr(e); !d.HasErrors() && len(tr) == 2 && tr.RootName() == "region" {
			if attr, ok := tr[1].(hcl.TraverseAttr); ok {
				out = append(out, attr.Name)
				continue
			}
		}
		s, d := stringValue(e, "regions")
		diags = append(diags, d...)
		if s != "" {
			out = append(out, s)
		}
	}
	return out, diags
}

func stringValue(expr hcl.Expression, what string) (string, hcl.Diagnostics) {
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		return "", diags
	}
	if v.IsNull() || !v.Type().Equals(cty.String) || !v.IsKnown() {
		return "", hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Incorrect attribute value type",
			Detail:   fmt.Sprintf("The %s must be a string.", what),
			Subject:  expr.Range().Ptr(),
		}}
	}
	return v.AsString(), nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
