package checks

import (
	"fmt"
	"slices"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
)

type mr103 struct{}

func (mr103) Info() Info {
	return Info{
		ID:       "MR103",
		Name:     "undeclared-dependency",
		Severity: diag.Error,
		Summary:  "A manifest names a dependency the module does not declare (lint)",
		Fix:      "Declare the dependency in the module (a dependency block if needed) and add it to the service's depends_on, so the planner and MR101 can judge it.",
	}
}

func (c mr103) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, m := range ctx.Manifests {
		s := ctx.Module.Service(m.Service)
		if s == nil {
			continue // reported by lint as an unknown service
		}
		for _, dep := range m.Dependencies {
			target := manifestTarget(ctx.Module, dep)
			if slices.ContainsFunc(s.DependsOn, func(r lang.Ref) bool { return r.Addr == target }) {
				continue
			}
			what := fmt.Sprintf("the module has no %s block", target)
			if ctx.Module.Lookup(target) != nil {
				what = fmt.Sprintf("%s's depends_on does not list %s", s.Addr(), target)
			}
			out = append(out, c.Info().findingf(s.Addr(), dep.NameRange, "Undeclared dependency",
				"The manifest of %s says it calls %s, but %s. The architecture does not know about the call: validate, plans and failure scenarios leave it out, and only lint, reading this manifest, judges where it is reachable.",
				s.Addr(), target, what))
		}
	}
	return out
}
