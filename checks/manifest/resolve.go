package manifest

import (
	"fmt"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/lang"
)

// Resolve reports the manifests whose service the module does not declare,
// with the closest service name as a suggestion: nothing else about such a
// manifest can be judged.
func Resolve(m *lang.Module, ms []*Manifest) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, man := range ms {
		if man.Service == "" || m.Service(man.Service) != nil {
			continue
		}
		detail := fmt.Sprintf("The manifest is about service %q, but the module has no service.%s block.", man.Service, man.Service)
		if s := closestService(m, man.Service); s != "" {
			detail += fmt.Sprintf(" Did you mean %q?", s)
		}
		rng := man.ServiceRange
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unknown service",
			Detail:   detail,
			Subject:  &rng,
		})
	}
	return diags
}

func closestService(m *lang.Module, name string) string {
	best, bestDist := "", 0
	for _, s := range m.Services {
		d := levenshtein.Distance(name, s.Name, nil)
		if d <= max(2, len(name)/3) && (best == "" || d < bestDist) {
			best, bestDist = s.Name, d
		}
	}
	return best
}
