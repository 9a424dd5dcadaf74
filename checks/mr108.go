package checks

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/observe"
)

type mr108 struct{}

func (mr108) Info() Info {
	return Info{
		ID:       "MR108",
		Name:     "deployed-region-drift",
		Severity: diag.Warning,
		Summary:  "What is deployed (Terraform state) runs in other regions than the module declares, or lacks a declared region",
		Fix:      "Make the module say where the block really runs, or deploy it where the module says (a missing replica, a forgotten region); then plan again.",
	}
}

func (c mr108) Run(ctx *Context) []diag.Diagnostic {
	if ctx.Observed == nil {
		return nil
	}
	var out []diag.Diagnostic
	for _, d := range ctx.Observed.Deployed {
		extra, missing := d.Drift()
		if len(extra) == 0 && len(missing) == 0 {
			continue
		}
		rng, ok := c.blockRange(ctx.Module, d.Address)
		if !ok {
			continue
		}
		var where []string
		for _, r := range d.Resources {
			if len(r.Regions) > 0 {
				where = append(where, fmt.Sprintf("%s in %s", r.Address, list(r.Regions)))
			}
		}
		var said []string
		if len(extra) > 0 {
			said = append(said, fmt.Sprintf("runs in %s, which the module does not declare", list(extra)))
		}
		if len(missing) > 0 {
			said = append(said, fmt.Sprintf("is not deployed in %s, which the module declares", list(missing)))
		}
		out = append(out, c.Info().findingf(d.Address, rng, "Deployed region drift",
			"The Terraform state (%s) shows %s deployed as %s. It %s: the plan and its failure scenarios judge an architecture that is not the one running.",
			list(sources(d.Resources)), d.Address, strings.Join(where, "; "), strings.Join(said, ", and ")))
	}
	return out
}

// blockRange is where a drift finding points: the observe terraform
// attribute that ties the block to its resources, else where its regions
// are declared, else the block.
func (mr108) blockRange(m *lang.Module, a lang.Address) (hcl.Range, bool) {
	switch b := m.Lookup(a).(type) {
	case *lang.Service:
		return attrRange(b.Attrs, "observe.terraform", attrRange(b.Attrs, "regions", b.DeclRange)), true
	case *lang.Data:
		return attrRange(b.Attrs, "observe.terraform", b.DeclRange), true
	case *lang.Dependency:
		return attrRange(b.Attrs, "observe.terraform", attrRange(b.Attrs, "regions", b.DeclRange)), true
	}
	return hcl.Range{}, false
}

func sources(rs []*observe.Resource) []string {
	var out []string
	for _, r := range rs {
		found := false
		for _, f := range out {
			found = found || f == r.File
		}
		if !found {
			out = append(out, r.File)
		}
	}
	return out
}
