package lang

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/providers"
)

var dependencySchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "kind", Required: true},
		{Name: "product"},
		{Name: "regions"},
		{Name: "global"},
		{Name: "fallback"},
	},
	Blocks: []hcl.BlockHeaderSchema{observeBlock},
}

// dependencyProductKinds says which product kinds fit a dependency kind;
// kinds not listed (third-party, runbook, other) take any product.
var dependencyProductKinds = map[DependencyKind][]providers.ProductKind{
	DepDNS:         {providers.KindDNS},
	DepIdentity:    {providers.KindIdentity},
	DepQueue:       {providers.KindQueue},
	DepCache:       {providers.KindCache},
	DepDatabase:    {providers.KindDatabase},
	DepObjectStore: {providers.KindObjectStore},
	DepSecrets:     {providers.KindSecrets, providers.KindIdentity},
	DepCDN:         {providers.KindCDN},
	DepCompute:     {providers.KindCompute},
}

func (l *loader) decodeDependencyBlock(block *hcl.Block) *Dependency {
	d := &Dependency{
		Name:      block.Labels[0],
		DeclRange: block.DefRange,
		NameRange: block.LabelRanges[0],
	}
	content := l.content(block.Body, dependencySchema)
	d.Attrs = attrRanges(content, "", nil)
	a := content.Attributes
	if i, ok := l.enum(a["kind"], dependencyKindNames); ok {
		d.Kind = DependencyKind(i)
	}
	d.Product, _ = l.str(a["product"])
	l.recordExpr(d.Addr(), a["product"])
	d.Regions, _ = l.refs(a["regions"], refRegion)
	d.Global, _ = l.boolean(a["global"])
	d.Fallback, _ = l.str(a["fallback"])
	d.Observe = l.decodeObserve(content, KindDependency, d.Attrs)
	return d
}

func (l *loader) resolveDependency(d *Dependency) {
	d.Regions = l.resolveAll(d.Regions, refRegion)
	if d.Product != "" {
		d.Catalog = l.resolveProduct(d.Product, l.exprRange(d.Addr(), "product", d.Attrs["product"]), "a "+d.Kind.String()+" dependency", dependencyProductKinds[d.Kind])
		if d.Catalog != nil {
			d.Product = d.Catalog.Ref() // an alias as written reads canonical from here on
		}
	}
}
