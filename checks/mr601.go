package checks

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

type mr601 struct{}

func (mr601) Info() Info {
	return Info{
		ID:       "MR601",
		Name:     "data-residency-violation",
		Severity: diag.Error,
		Summary:  "A copy of a data class lands outside its residency",
		Fix:      "Take the region out of the services that write the data, move their primary inside the residency, or widen residency if the law allows it.",
	}
}

func (c mr601) Run(ctx *Context) []diag.Diagnostic { return collectAll(c, ctx) }

func (c mr601) collect(ctx *Context, out *collector) {
	for i, d := range ctx.Plan.Data {
		if len(d.Block.Residency) == 0 || d.ResidencyUnsatisfiable {
			continue // MR602 says it once
		}
		var bad []string
		for _, cp := range d.Copies {
			if !cp.Allowed {
				bad = append(bad, copyWords(cp))
			}
		}
		if len(bad) == 0 {
			continue
		}
		subject := ctx.index().dataSubject[i]
		why := whoPutsItThere(d)
		out.add(subject, residencyRange(d.Block), "Data outside its residency",
			fmt.Sprintf("%s may be kept only in %s, but the plan keeps %s%s.", subject, residencyList(d.Block), list(bad), why))
	}
}

// copyWords names a copy for a finding: "a replica in us-east-1 (US, a
// failover target)".
func copyWords(c planner.Copy) string {
	kind := map[planner.CopyKind]string{
		planner.CopyPrimary: "the primary", planner.CopyReplica: "a replica", planner.CopyBackup: "the backups",
		planner.CopyQueue: "a queue channel", planner.CopySecondaryRead: "read-through copies",
	}[c.Kind]
	where := c.Country
	if where == "" {
		where = "country unknown"
	}
	if c.FailoverTarget {
		where += ", a failover target"
	}
	return fmt.Sprintf("%s in %s (%s)", kind, c.Region, where)
}

// whoPutsItThere names the writers whose regions bring the copies outside,
// the owner first: ": service.accounts runs in us-east-1".
func whoPutsItThere(d *planner.Data) string {
	var parts []string
	outside := map[string]bool{}
	for _, c := range d.Copies {
		if !c.Allowed {
			outside[c.Region] = true
		}
	}
	for _, s := range d.WriterPlans() {
		var rs []string
		for _, r := range s.Regions {
			if outside[r] {
				rs = append(rs, r)
			}
		}
		if len(rs) > 0 {
			parts = append(parts, fmt.Sprintf("%s runs in %s", s.Addr, strings.Join(rs, ", ")))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, "; ")
}

func residencyRange(d *lang.Data) hcl.Range { return attrRange(d.Attrs, "residency", d.DeclRange) }

func residencyList(d *lang.Data) string {
	var names []string
	for _, j := range d.Residency {
		if j.Jurisdiction != nil {
			names = append(names, j.Jurisdiction.Name)
		}
	}
	return strings.Join(names, ", ")
}
