package gen_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mrplan/mrplan/checks"
	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/internal/gen"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// A generated module passes validate: no error-severity finding, and
// warnings and notices on fewer than 2% of its services, at two sizes, in
// both shapes, for two seeds. The chain shape's longest depends_on path
// runs through at least 90% of the services.
func TestGeneratedModuleValidates(t *testing.T) {
	today := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	for _, n := range []int{200, 2000} {
		for _, shape := range []gen.Shape{gen.Shallow, gen.Chain} {
			for _, seed := range []uint64{1, 42} {
				t.Run(fmt.Sprintf("%d/%s/seed%d", n, shape, seed), func(t *testing.T) {
					if testing.Short() && n > 200 {
						t.Skip("a large module in -short mode")
					}
					t.Parallel()
					dir := t.TempDir()
					if err := gen.Write(dir, gen.Options{Services: n, Shape: shape, Seed: seed, Files: 10, Today: today}); err != nil {
						t.Fatal(err)
					}
					m, diags := lang.LoadDir(dir)
					if len(diags) > 0 {
						t.Fatalf("generated module has language diagnostics:\n%s", diags.Error())
					}
					p := planner.PlanModule(m)
					cfg, cdiags, err := checks.NewConfig(m.Settings, checks.Flags{})
					if err != nil || len(cdiags) > 0 {
						t.Fatalf("check config: %v %v", err, cdiags)
					}
					findings := checks.Run(&checks.Context{Module: m, Plan: p, Today: today}, cfg)
					byRule := map[string]int{}
					others := 0
					for _, f := range findings {
						if f.Severity >= diag.Error {
							t.Errorf("error: %s %s: %s", f.Rule, f.Subject, f.Detail)
							continue
						}
						byRule[f.Rule]++
						others++
					}
					if n >= 2000 && others == 0 {
						t.Errorf("no warning or notice on %d services: the sprinkle of findings is gone", n)
					}
					if others*50 >= n {
						t.Errorf("%d warnings and notices on %d services (%v), want under 2%%", others, n, byRule)
					}
					t.Logf("%d warnings and notices: %v", others, byRule)
					if shape == gen.Chain {
						if l := longestPath(t, m); l*10 < n*9 {
							t.Errorf("longest depends_on path has %d services of %d, want at least 90%%", l, n)
						}
					}
				})
			}
		}
	}
}

// longestPath is the number of services on the longest depends_on path
// between services of m, which must be acyclic.
func longestPath(t *testing.T, m *lang.Module) int {
	t.Helper()
	index := map[string]int{}
	for i, s := range m.Services {
		index[s.Name] = i
	}
	out := make([][]int, len(m.Services))
	indeg := make([]int, len(m.Services))
	for i, s := range m.Services {
		for _, ref := range s.DependsOn {
			if j, ok := index[ref.Addr.Name]; ok && ref.Addr.Kind == lang.KindService {
				out[i] = append(out[i], j)
				indeg[j]++
			}
		}
	}
	// Kahn's order; then the longest path ending at each node.
	var order []int
	for i, d := range indeg {
		if d == 0 {
			order = append(order, i)
		}
	}
	for k := 0; k < len(order); k++ {
		for _, j := range out[order[k]] {
			if indeg[j]--; indeg[j] == 0 {
				order = append(order, j)
			}
		}
	}
	if len(order) != len(m.Services) {
		t.Fatalf("depends_on has a cycle")
	}
	depth := make([]int, len(m.Services))
	best := 0
	for _, i := range order {
		depth[i] = max(depth[i], 1)
		best = max(best, depth[i])
		for _, j := range out[i] {
			depth[j] = max(depth[j], depth[i]+1)
		}
	}
	return best
}

// With Flawed, a generated module still loads cleanly but fails its gate:
// every kind of seeded finding shows, and in the chain shape one MR101
// names every service of the chain whose objective survives a region loss
// (tiers 0 and 1, about 40% of the chain) as going down with its end.
func TestFlawedModuleHasFindings(t *testing.T) {
	today := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	for _, shape := range []gen.Shape{gen.Shallow, gen.Chain} {
		t.Run(shape.String(), func(t *testing.T) {
			t.Parallel()
			const n = 500
			dir := t.TempDir()
			if err := gen.Write(dir, gen.Options{Services: n, Shape: shape, Flawed: 100, Files: 10, Today: today}); err != nil {
				t.Fatal(err)
			}
			m, diags := lang.LoadDir(dir)
			if len(diags) > 0 {
				t.Fatalf("flawed module has language diagnostics:\n%s", diags.Error())
			}
			p := planner.PlanModule(m)
			cfg, _, err := checks.NewConfig(m.Settings, checks.Flags{})
			if err != nil {
				t.Fatal(err)
			}
			byRule := map[string]int{}
			longest := 0
			for _, f := range checks.Run(&checks.Context{Module: m, Plan: p, Today: today}, cfg) {
				byRule[f.Rule]++
				if f.Rule == "MR101" {
					longest = max(longest, strings.Count(f.Detail, "service.svc-"))
				}
			}
			want := []string{"MR101", "MR403", "MR404", "MR501", "MR502"}
			if shape == gen.Shallow {
				want = append(want, "MR102")
			}
			total := 0
			for _, r := range want {
				if byRule[r] == 0 {
					t.Errorf("no %s finding: %v", r, byRule)
				}
			}
			for _, c := range byRule {
				total += c
			}
			if total < n/2 {
				t.Errorf("%d findings on %d services, want at least one on every other service: %v", total, n, byRule)
			}
			if shape == gen.Chain && longest < n*30/100 {
				t.Errorf("the chain's MR101 names %d services, want the chain's tier-0 and tier-1 ones, over 30%% of %d", longest, n)
			}
			t.Logf("%d findings: %v; an MR101 names %d services", total, byRule, longest)
		})
	}
}
