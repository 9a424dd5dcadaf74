package lang

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/mrplan/mrplan/providers"
)

// residency reads a data class's `residency` list: each element a country
// code or a named group of the jurisdiction table (SPEC §10). An unknown
// name is an error at the element, with a suggestion.
func (l *loader) residency(attr *hcl.Attribute) []JurisdictionRef {
	names, ok := l.strings(attr)
	if !ok {
		return nil
	}
	ranges := elementRanges(attr.Expr, len(names))
	var out []JurisdictionRef
	for i, name := range names {
		rng := ranges[i]
		j, ok := providers.LookupJurisdiction(name)
		if !ok {
			suggestion := ""
			if _, ok := providers.LookupJurisdiction(strings.ToUpper(name)); ok {
				suggestion = fmt.Sprintf(" Did you mean %q? Codes and group names are written in capitals.", strings.ToUpper(name))
			} else if c := countryNamed(name); c != nil {
				suggestion = fmt.Sprintf(" Did you mean %q (%s)? Countries are written as their ISO codes.", c.Name, c.Title)
			} else {
				suggestion = didYouMean(strings.ToUpper(name), providers.JurisdictionNames(), "")
			}
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unknown jurisdiction",
				Detail: fmt.Sprintf("%q is neither an ISO 3166-1 alpha-2 country code nor a named group (EU, EEA, EFTA, GCC, GDPR-ADEQUATE, UK).%s Run `mrplan providers jurisdictions` for the list.",
					name, suggestion),
				Subject: &rng,
				Context: attr.Range.Ptr(),
			})
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o.Jurisdiction == j
		}
		if !dup {
			out = append(out, JurisdictionRef{Jurisdiction: j, Range: rng})
		}
	}
	if len(names) == 0 {
		rng := attr.Expr.Range()
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Empty residency",
			Detail:   "A residency with no jurisdiction would allow no copy anywhere. List where the data may be kept, such as residency = [\"EU\"], or remove the argument to let it go anywhere.",
			Subject:  &rng,
		})
	}
	return out
}

// countryNamed finds the country whose name is written, in any case, or
// misspelt by a few letters ("Francee").
func countryNamed(name string) *providers.Jurisdiction {
	var titles []string
	byTitle := map[string]*providers.Jurisdiction{}
	for _, j := range providers.Jurisdictions() {
		if j.Group {
			continue
		}
		if strings.EqualFold(j.Title, name) {
			return j
		}
		t := strings.ToLower(j.Title)
		titles = append(titles, t)
		byTitle[t] = j
	}
	if len(name) <= 3 {
		return nil // too short to be a name: a code, and a code's suggestion is better
	}
	return byTitle[providers.Suggest(strings.ToLower(name), titles)]
}

// elementRanges returns the source range of each element of a list
// expression, or the whole expression's range for each when it is not a
// literal list.
func elementRanges(e hcl.Expression, n int) []hcl.Range {
	out := make([]hcl.Range, n)
	t, ok := e.(*hclsyntax.TupleConsExpr)
	for i := range out {
		if ok && len(t.Exprs) == n {
			out[i] = t.Exprs[i].Range()
		} else {
			out[i] = e.Range()
		}
	}
	return out
}

// decodeCapacity reads a service's `capacity { REGION = RPS }` block. The
// names are checked against the service's regions once they are resolved.
func (l *loader) decodeCapacity(block *hcl.Block, ranges map[string]hcl.Range) []Capacity {
	ranges["capacity"] = block.DefRange
	attrs, diags := block.Body.JustAttributes()
	l.diags = append(l.diags, diags...)
	var out []Capacity
	for _, a := range sortedAttrs(attrs) {
		v, ok := l.number(a, 0, inf)
		if !ok {
			continue
		}
		out = append(out, Capacity{Region: a.Name, RPS: v, Range: a.Range})
		ranges["capacity."+a.Name] = a.Range
	}
	return out
}

// checkCapacity reports capacity given for a region the service does not
// run in: a figure nothing would read, most likely a typo or a region
// since removed.
func (l *loader) checkCapacity(s *Service) {
	if len(s.Regions) == 0 {
		return // regions is missing or broken, and says so
	}
	var names []string
	for _, r := range s.Regions {
		names = append(names, r.Addr.Name)
	}
	for _, c := range s.Capacity {
		if contains(names, c.Region) {
			continue
		}
		rng := c.Range
		detail := fmt.Sprintf("Service %q gives capacity for %s, which is not one of its regions (%s).", s.Name, c.Region, strings.Join(names, ", "))
		if l.mod.Region(c.Region) == nil {
			detail = fmt.Sprintf("Service %q gives capacity for %s, which is not a region of the module.", s.Name, c.Region)
		}
		if sug := didYouMean(c.Region, names, ""); sug != "" {
			detail += sug
		} else {
			detail += " Add the region to regions, or remove its capacity."
		}
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Capacity for a region the service does not list",
			Detail:   detail,
			Subject:  &rng,
		})
	}
}
