package lang

import (
	"fmt"
	"path"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

var moduleCallSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "source", Required: true},
	},
}

// ModuleCall is a `module "NAME" { source = "./dir", ... }` block: a child
// module loaded from a local directory, its variables set by the other
// arguments. The child's blocks join the module under the address prefix
// module.NAME (Path); they see the root's provider and region blocks.
type ModuleCall struct {
	Name   string
	Source string // as written, "./cells/cell"
	// Dir is the child's directory: the caller's directory joined with Source.
	Dir string
	// Path is the call's address, "module.cells" or, nested,
	// "module.a.module.b".
	Path   string
	Inputs hcl.Attributes
	// ForEach and Count repeat the call: its instances are
	// module.NAME["KEY"] and module.NAME[0], each a copy of the child.
	ForEach, Count *hcl.Attribute

	DeclRange   hcl.Range
	NameRange   hcl.Range
	SourceRange hcl.Range
}

func (l *loader) decodeModuleBlock(block *hcl.Block) *ModuleCall {
	c := &ModuleCall{Name: block.Labels[0], DeclRange: block.DefRange, NameRange: block.LabelRanges[0]}
	content, rest, diags := block.Body.PartialContent(moduleCallSchema)
	l.diags = append(l.diags, diags...)
	if a := content.Attributes["source"]; a != nil {
		c.SourceRange = a.Expr.Range()
		if s, ok := l.str(a); ok {
			if err := checkSource(s); err != "" {
				rng := c.SourceRange
				l.diags = append(l.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid module source",
					Detail:   err,
					Subject:  &rng,
				})
			} else {
				c.Source = s
			}
		}
	}
	inputs, diags := rest.JustAttributes()
	l.diags = append(l.diags, diags...)
	for name, a := range inputs {
		switch name {
		case "for_each":
			c.ForEach = a
			delete(inputs, name)
		case "count":
			c.Count = a
			delete(inputs, name)
		case "depends_on", "providers", "version":
			rng := a.NameRange
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unsupported argument",
				Detail:   fmt.Sprintf("A module block does not take %s: a child sees the root's providers and regions already, and its blocks' references say what they depend on.", name),
				Subject:  &rng,
			})
			delete(inputs, name)
		}
	}
	c.Inputs = inputs
	return c
}

// checkSource says what is wrong with a module source, or "": only a
// local path that starts with ./ or ../ is allowed, never a registry
// address or URL (mrplan never touches the network).
func checkSource(s string) string {
	switch {
	case strings.Contains(s, "://") || strings.Contains(s, "::"):
		return fmt.Sprintf("The module source %q is a URL; mrplan loads only local directories and never the network. Copy the module into the repository and give its path, such as \"./modules/cell\".", s)
	case !strings.HasPrefix(s, "./") && !strings.HasPrefix(s, "../"):
		return fmt.Sprintf("The module source %q is not a local path. A source must start with ./ or ../, such as \"./modules/cell\"; registry modules are not supported.", s)
	case path.Clean(s) == ".":
		return "A module cannot call its own directory."
	}
	return ""
}
