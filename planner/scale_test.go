package planner_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// generated writes a module of n services: chains of depends_on 50 long,
// every tenth service writing its own data class, every chain's last
// service calling a dependency that lives in one region, and a cycle in
// each chain. It returns the module, loaded.
func generated(tb testing.TB, n, chain int) *lang.Module {
	tb.Helper()
	var b strings.Builder
	b.WriteString(`
region "us-east-1" { provider = "aws" }
region "us-west-2" { provider = "aws" }
region "eu-west-1" { provider = "aws" }
dependency "gateway" {
  kind    = "third-party"
  regions = [region.us-east-1]
}
`)
	tiers := []string{"core", "important", "auxiliary"}
	for i := 0; i < n; i++ {
		var deps []string
		if i%chain != chain-1 && i+1 < n {
			deps = append(deps, fmt.Sprintf("service.s%05d", i+1))
		} else {
			deps = append(deps, "dependency.gateway")
		}
		if i%chain == chain-2 && i >= 1 {
			deps = append(deps, fmt.Sprintf("service.s%05d", i-1)) // a cycle of two
		}
		fmt.Fprintf(&b, "service \"s%05d\" {\n  criticality = %q\n  regions = [region.us-east-1, region.us-west-2, region.eu-west-1]\n  depends_on = [%s]\n",
			i, tiers[i%3], strings.Join(deps, ", "))
		if i%10 == 0 {
			fmt.Fprintf(&b, "  writes = [data.d%05d]\n", i)
		}
		b.WriteString("}\n")
		if i%10 == 0 {
			loss := []string{`"none"`, `"30s"`, `"1d"`}[i/10%3]
			fmt.Fprintf(&b, "data \"d%05d\" {\n  owner = service.s%05d\n  product = \"aws.aurora-postgresql\"\n  size = \"100GB\"\n  loss_tolerance = %s\n}\n", i, i, loss)
		}
	}
	dir := tb.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		tb.Fatalf("generated module does not load: %s", diags.Error())
	}
	return m
}

// A 10,000-long chain must neither overflow a stack nor take quadratic
// time, and the gap of its head keeps the ends of the path.
func TestLongChain(t *testing.T) {
	const n = 10000
	m := generated(t, n, n)
	p := planner.PlanModule(m)
	head := p.Service("s00000")
	if len(head.Gaps) != 2 {
		t.Fatalf("head has %d gaps, want 2 (us-west-2, eu-west-1)", len(head.Gaps))
	}
	g := head.Gaps[0]
	if g.Missing.String() != "dependency.gateway" || len(g.Path) != 16 || g.Elided != n+1-16 {
		t.Fatalf("gap: missing %s, path of %d eliding %d, want dependency.gateway, 16 and %d", g.Missing, len(g.Path), g.Elided, n+1-16)
	}
	if a, b := g.Path[7].Addr.Name, g.Path[8].Addr.Name; a != "s00007" || b != "s09993" {
		t.Fatalf("path around the elision: %s, %s; want s00007, s09993", a, b)
	}
	if g.Path[8].Kind != planner.EdgeDependsOn || g.Path[8].Range.Filename == "" {
		t.Fatalf("the step after the elision lost its edge: %+v", g.Path[8])
	}
	var sc *planner.Scenario
	for _, x := range p.Scenarios {
		if x.Domain == lang.DomainRegion && x.Target == "us-east-1" {
			sc = x
		}
	}
	o := sc.OutcomeOf(head)
	if o.Outcome != planner.OutcomeDown || o.Root.String() != "dependency.gateway" || o.Depth != n+1 || o.Via.Addr.Name != "s00001" {
		t.Fatalf("head in region us-east-1 lost: %s via %s, root %s, depth %d; want down via s00001, root dependency.gateway, depth %d",
			o.Outcome, o.Via.Addr, o.Root, o.Depth, n+1)
	}
	path, elided := sc.CausePath(head.Addr)
	if len(path) != 16 || elided != n+1-16 || path[7].Addr.Name != "s00007" || path[8].Addr.Name != "s09993" || path[15].Addr.String() != "dependency.gateway" {
		t.Fatalf("cause path: %d steps eliding %d, around the elision %s, %s; want 16, %d, s00007, s09993", len(path), elided, path[7].Addr, path[8].Addr, n+1-16)
	}
	if path[8].Kind != planner.EdgeDependsOn || path[8].Range.Filename == "" {
		t.Fatalf("the cause step after the elision lost its edge: %+v", path[8])
	}
	// Appended to a buffer that holds something already, the path and its
	// elision are the same.
	buf := []planner.Step{{}, {}}
	appended, appendedElided := sc.AppendCausePath(buf, head.Addr)
	if !reflect.DeepEqual(appended[2:], path) || appendedElided != elided {
		t.Fatalf("appended cause path differs: %d steps eliding %d, want %d eliding %d", len(appended)-2, appendedElided, len(path), elided)
	}
	if len(p.Graph.Cycles()) != 1 {
		t.Fatalf("cycles: %d, want 1", len(p.Graph.Cycles()))
	}
}

// BenchmarkPlan1000 plans a generated module of 1,000 services.
func BenchmarkPlan1000(b *testing.B) {
	m := generated(b, 1000, 50)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		planner.PlanModule(m)
	}
}
