package checks

import (
	"fmt"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
	"github.com/mrplan/mrplan/providers"
)

type mr106 struct{}

func (mr106) Info() Info {
	return Info{
		ID:       "MR106",
		Name:     "observed-undeclared-dependency",
		Severity: diag.Error,
		Summary:  "A service was observed calling something the module does not declare; a warning when the service is tier 2 or the target is global",
		Fix:      "Declare what it calls (mrplan discover --write FILE drafts the dependency blocks) and add it to the service's depends_on, reads or writes, or stop the call.",
	}
}

func (c mr106) Run(ctx *Context) []diag.Diagnostic {
	if ctx.Observed == nil {
		return nil
	}
	tiers := map[lang.Address]int{}
	for _, s := range ctx.Plan.Services {
		tiers[s.Addr] = s.Tier
	}
	var out []diag.Diagnostic
	for _, d := range ctx.Observed.Dependencies {
		if !d.Undeclared() {
			continue
		}
		s := ctx.Module.Service(d.Service.Name)
		if s == nil {
			continue
		}
		what := "nothing in its depends_on, reads or writes matches it"
		switch {
		case d.Kind == observe.TargetService && d.Callee != nil:
			what = fmt.Sprintf("its depends_on does not list %s", d.Callee)
		case d.Kind == observe.TargetService:
			what = fmt.Sprintf("the module has no service traced as %q", printable(d.Target))
		case d.Callee != nil:
			what = fmt.Sprintf("its depends_on does not list %s", d.Callee)
		}
		if near := nearMiss(ctx.Module, s, d); near != "" {
			what += "; " + near
		}
		f := c.Info().findingf(s.Addr(), callRange(s), "Observed undeclared dependency",
			"%s was observed calling %s, but %s. The architecture does not know about the call, so no check can tell whether it survives a region loss. Evidence: %s.",
			s.Addr(), targetPhrase(ctx.Module, d), what, evidence(d))
		if tiers[s.Addr()] == 2 || d.Scope == providers.ScopeGlobal {
			f.Severity = diag.Warning
		}
		out = append(out, f)
	}
	return out
}

// nearMiss names a block the service does declare of the same product but
// in other regions: the usual cause, a client pinned to the wrong region.
func nearMiss(m *lang.Module, s *lang.Service, d *observe.Dependency) string {
	if d.Product == "" || d.Region == "" {
		return ""
	}
	var refs []lang.Ref
	refs = append(append(append(refs, s.DependsOn...), s.Reads...), s.Writes...)
	for _, r := range refs {
		var product string
		var regions []lang.Ref
		switch b := m.Lookup(r.Addr).(type) {
		case *lang.Dependency:
			if b.Catalog != nil {
				product, regions = b.Catalog.Ref(), b.Regions
			}
		case *lang.Data:
			if b.Catalog != nil {
				if owner := m.Service(b.Owner.Addr.Name); owner != nil {
					product, regions = b.Catalog.Ref(), owner.Regions
				}
			}
		}
		if product == "" || !observe.SameProduct(product, d.Product) || len(regions) == 0 {
			continue
		}
		var codes []string
		for _, reg := range regions {
			code := reg.Addr.Name
			if rb := m.Region(code); rb != nil && rb.Code != "" {
				code = rb.Code
			}
			codes = append(codes, code)
		}
		return fmt.Sprintf("%s is %s in %s, not %s", r.Addr, product, list(codes), d.Region)
	}
	return ""
}
