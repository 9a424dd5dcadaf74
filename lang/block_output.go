package lang

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

var outputSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "value", Required: true},
		{Name: "description"},
	},
}

// Output is an `output "NAME" { value }` block: what a module hands up to
// its caller as module.CALL.NAME. The value may be a reference
// (value = service.api), which the caller can use where a reference goes.
type Output struct {
	Name        string
	Description string
	Expr        hcl.Expression
	Value       cty.Value

	DeclRange hcl.Range
	NameRange hcl.Range
}

func (l *loader) decodeOutputBlock(block *hcl.Block) *Output {
	o := &Output{Name: block.Labels[0], DeclRange: block.DefRange, NameRange: block.LabelRanges[0], Value: cty.DynamicVal}
	content := l.content(block.Body, outputSchema)
	if a := content.Attributes["value"]; a != nil {
		o.Expr = a.Expr
	}
	o.Description, _ = l.str(content.Attributes["description"])
	return o
}
