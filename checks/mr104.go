package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
)

type mr104 struct{}

func (mr104) Info() Info {
	return Info{
		ID:       "MR104",
		Name:     "stale-dependency",
		Severity: diag.Warning,
		Summary:  "The module declares a dependency that the service's manifest no longer has (lint)",
		Fix:      "Remove the dependency from the service's depends_on, or add it back to the manifest if the code still calls it.",
	}
}

func (c mr104) Run(ctx *Context) []diag.Diagnostic {
	var out []diag.Diagnostic
	// A service may have several manifests (an HCL one and a Backstage
	// one): an edge is stale only when none of them has it.
	listed := map[string]map[lang.Address]bool{}
	var services []string
	for _, m := range ctx.Manifests {
		if listed[m.Service] == nil {
			listed[m.Service] = map[lang.Address]bool{}
			services = append(services, m.Service)
		}
		for _, dep := range m.Dependencies {
			listed[m.Service][manifestTarget(ctx.Module, dep)] = true
		}
	}
	for _, name := range services {
		s := ctx.Module.Service(name)
		if s == nil {
			continue
		}
		for _, ref := range s.DependsOn {
			if listed[name][ref.Addr] {
				continue
			}
			out = append(out, c.Info().findingf(s.Addr(), ref.Range, "Stale dependency",
				"%s depends on %s in the module, but its manifest no longer lists it. The plan keeps its regions and failover tied to a call the code may no longer make.",
				s.Addr(), ref.Addr))
		}
	}
	return out
}
