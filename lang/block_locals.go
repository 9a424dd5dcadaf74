package lang

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Local is one entry of a `locals { ... }` block, read as local.NAME.
// Expr and Value serve the evaluator; Module.Locals keeps neither, only
// each local's name and place.
type Local struct {
	Name  string
	Expr  hcl.Expression
	Value cty.Value

	DeclRange hcl.Range // the whole NAME = expression
	NameRange hcl.Range
}

// decodeLocalsBlock reads a locals block: any number of NAME = expression
// entries, each evaluated later in its module's scope.
func (l *loader) decodeLocalsBlock(block *hcl.Block) []*Local {
	attrs, diags := block.Body.JustAttributes()
	l.diags = append(l.diags, diags...)
	out := make([]*Local, 0, len(attrs))
	for _, a := range sortedAttrs(attrs) {
		if !validIdentifier(a.Name) {
			rng := a.NameRange
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid local value name",
				Detail:   "A local value's name must start with a letter or underscore and contain only letters, digits, underscores and dashes.",
				Subject:  &rng,
			})
			continue
		}
		out = append(out, &Local{Name: a.Name, Expr: a.Expr, DeclRange: a.Range, NameRange: a.NameRange})
	}
	return out
}
