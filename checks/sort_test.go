package checks

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
)

// sortDiagnostics must give diag.Sort's order, ties and nil ranges
// included.
func TestSortDiagnosticsIsDiagSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	for round := range 200 {
		n := rng.IntN(300)
		ds := make([]diag.Diagnostic, n)
		for i := range ds {
			ds[i] = diag.Diagnostic{
				Rule:    pick("MR101", "MR102", ""),
				Subject: pick("service.a", "service.b", ""),
				Summary: pick("x", "y"),
				Detail:  strconv.Itoa(i),
			}
			if rng.IntN(10) > 0 {
				ds[i].Range = &hcl.Range{
					Filename: pick("a.mr.hcl", "b.mr.hcl", "", "c.mr.json"),
					Start:    hcl.Pos{Line: rng.IntN(5), Column: rng.IntN(4)},
				}
			}
		}
		want := append([]diag.Diagnostic(nil), ds...)
		diag.Sort(want)
		sortDiagnostics(ds)
		for i := range ds {
			if ds[i].Range != want[i].Range || ds[i].Detail != want[i].Detail || ds[i].Rule != want[i].Rule {
				t.Fatalf("round %d: at %d got %+v, want %+v", round, i, ds[i], want[i])
			}
		}
	}
}
