package checks

import (
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/observe"
	"github.com/mrplan/mrplan/providers"
)

type mr107 struct{}

func (mr107) Info() Info {
	return Info{
		ID:       "MR107",
		Name:     "observed-cross-region-call",
		Severity: diag.Error,
		Summary:  "A service's instances in one region were observed calling a regional endpoint in another region: a hidden single-region dependency in reality",
		Fix:      "Point the client at the endpoint of the region it runs in (a regional SDK client, the regional STS endpoint, a replica), or declare the dependency with its one region so the plan shows what its loss takes down.",
	}
}

func (c mr107) Run(ctx *Context) []diag.Diagnostic {
	if ctx.Observed == nil {
		return nil
	}
	var out []diag.Diagnostic
	for _, d := range ctx.Observed.Dependencies {
		// Resolver logs come from AWS VPCs, so the callers' regions are AWS
		// codes; a call to another cloud is cross-cloud, not cross-region.
		if d.Kind != observe.TargetCloudService || d.Provider != "aws" || d.Region == "" {
			continue
		}
		if d.Scope != providers.ScopeRegional && !d.Homed {
			continue
		}
		var away []string
		for _, r := range d.FromRegions {
			if r != d.Region {
				away = append(away, r)
			}
		}
		if len(away) == 0 {
			continue
		}
		s := ctx.Module.Service(d.Service.Name)
		if s == nil {
			continue
		}
		declared := "The call is not declared."
		if d.DeclaredAs != nil {
			declared = "It is declared as " + d.DeclaredAs.String() + ", but the instances do not call it where they run."
		}
		if d.Homed {
			f := c.Info().findingf(s.Addr(), callRange(s), "Observed cross-region call",
				"%s's instances in %s were observed calling %s. Every one of those calls depends on %s: when it is lost, so is the call, wherever the caller runs. %s%s Evidence: %s.",
				s.Addr(), list(away), targetPhrase(ctx.Module, d), d.Region, declared, noteSentence(d), evidence(d))
			f.Severity = diag.Warning // a global endpoint usually has a regional twin; the choice is the caller's
			out = append(out, f)
			continue
		}
		out = append(out, c.Info().findingf(s.Addr(), callRange(s), "Observed cross-region call",
			"%s's instances in %s were observed calling %s: a loss of %s takes them down although their own region is up. %s Evidence: %s.",
			s.Addr(), list(away), targetPhrase(ctx.Module, d), d.Region, declared, evidence(d)))
	}
	return out
}

func noteSentence(d *observe.Dependency) string {
	if d.Note == "" {
		return ""
	}
	return " Note: " + d.Note + "."
}
