package lang

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "type"},
		{Name: "default"},
		{Name: "description"},
	},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "validation"},
	},
}

var validationSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "condition", Required: true},
		{Name: "error_message", Required: true},
	},
}

// Variable is a `variable "NAME"` block: an input of its module, read as
// var.NAME. Value is what it was set to (or its default) once the module is
// loaded; it is cty.NilVal when a required variable was given no value.
type Variable struct {
	Name        string
	Description string
	// Type is the type constraint, cty.DynamicPseudoType ("any") when none
	// is given; Defaults are those of its optional(...) attributes.
	Type     cty.Type
	Defaults *typeexpr.Defaults
	// Default is cty.NilVal when the variable is required.
	Default     cty.Value
	Validations []*Validation

	Value cty.Value
	// From says where Value came from: "default", "-var", "environment",
	// a file's name or "module call".
	From string

	DeclRange hcl.Range
	NameRange hcl.Range
}

// Validation is one `validation { condition, error_message }` block.
type Validation struct {
	Condition    hcl.Expression
	ErrorMessage hcl.Expression
	DeclRange    hcl.Range
}

// Required reports whether the variable has no default.
func (v *Variable) Required() bool { return v.Default == cty.NilVal }

func (l *loader) decodeVariableBlock(block *hcl.Block) *Variable {
	v := &Variable{
		Name:      block.Labels[0],
		Type:      cty.DynamicPseudoType,
		DeclRange: block.DefRange,
		NameRange: block.LabelRanges[0],
	}
	content := l.content(block.Body, variableSchema)
	a := content.Attributes
	if attr := a["type"]; attr != nil {
		ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(attr.Expr)
		l.diags = append(l.diags, diags...)
		if !diags.HasErrors() {
			v.Type, v.Defaults = ty, defaults
		}
	}
	v.Description, _ = l.str(a["description"])
	if attr := a["default"]; attr != nil {
		// A default is a literal: it cannot read other variables.
		val, diags := attr.Expr.Value(&hcl.EvalContext{Functions: functions})
		l.diags = append(l.diags, diags...)
		if !diags.HasErrors() {
			if cv, err := convertVar(v, val); err != nil {
				v.Default = cty.DynamicVal // not required: what reads it is unknown, not an error again
				rng := attr.Expr.Range()
				l.diags = append(l.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid default value for variable",
					Detail:   fmt.Sprintf("The default of variable %q does not fit its type %s: %s.", v.Name, typeexpr.TypeString(v.Type), err),
					Subject:  &rng,
				})
			} else {
				v.Default = cv
			}
		}
	}
	for _, b := range content.Blocks {
		if b.Type != "validation" {
			continue
		}
		c := l.content(b.Body, validationSchema)
		cond, msg := c.Attributes["condition"], c.Attributes["error_message"]
		if cond == nil || msg == nil {
			continue
		}
		v.Validations = append(v.Validations, &Validation{Condition: cond.Expr, ErrorMessage: msg.Expr, DeclRange: b.DefRange})
	}
	return v
}

// convertVar converts a value given for v to v's type, with the defaults
// of its optional attributes filled in.
func convertVar(v *Variable, val cty.Value) (cty.Value, error) {
	if v.Defaults != nil {
		val = v.Defaults.Apply(val)
	}
	return convert.Convert(val, v.Type)
}

// takesString reports whether a value given on the command line or in the
// environment is taken as the string it is rather than parsed as HCL: as
// in Terraform, when the variable is a string or undeclared.
func (v *Variable) takesString() bool {
	return v == nil || v.Type == cty.String
}
