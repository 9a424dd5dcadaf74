package command

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// writeLargeModule writes a module of n services over six AWS regions in
// dir: each service owns one data class, depends on up to two services
// before it and on a shared dependency; every seventh runs in one region
// only, and a third-party API reachable from one region makes some of
// them hidden single-region dependencies.
func writeLargeModule(t testing.TB, dir string, n int) {
	t.Helper()
	regions := []string{"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2"}
	crit := []string{"core", "important", "auxiliary"}
	var b strings.Builder
	b.WriteString("provider \"aws\" {}\n\n")
	for _, r := range regions {
		fmt.Fprintf(&b, "region %q {}\n", r)
	}
	b.WriteString(`
dependency "secrets" {
  kind   = "secrets"
  global = true
}

dependency "partner-api" {
  kind    = "third-party"
  regions = [region.us-east-1]
}
`)
	for i := 0; i < n; i++ {
		var rs []string
		switch {
		case i%7 == 0:
			rs = []string{regions[i%len(regions)]}
		case i%3 == 0:
			rs = regions
		default:
			rs = []string{regions[i%len(regions)], regions[(i+1)%len(regions)]}
		}
		refs := make([]string, len(rs))
		for j, r := range rs {
			refs[j] = "region." + r
		}
		deps := []string{"dependency.secrets"}
		if i > 0 {
			deps = append(deps, fmt.Sprintf("service.svc-%03d", (i*7)%i))
		}
		if i > 1 && i%2 == 0 {
			deps = append(deps, fmt.Sprintf("service.svc-%03d", i/2))
		}
		if i%25 == 5 {
			deps = append(deps, "dependency.partner-api")
		}
		fmt.Fprintf(&b, `
service "svc-%03d" {
  criticality = %q
  regions     = [%s]
  depends_on  = [%s]
  writes      = [data.data-%03d]
}

data "data-%03d" {
  owner   = service.svc-%03d
  product = "aws.dynamodb"
}
`, i, crit[i%3], strings.Join(refs, ", "), strings.Join(dedupe(deps), ", "), i, i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// A 300-service module still lays out, grouped by region and by tier, and
// its report renders.
func TestGraphLargeModule(t *testing.T) {
	dir := t.TempDir()
	writeLargeModule(t, dir, 300)
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatalf("the generated module does not load: %s", diags.Error())
	}
	p := planner.PlanModule(m)
	if len(p.Services) != 300 {
		t.Fatalf("planned %d services, want 300", len(p.Services))
	}
	for _, group := range []views.GroupBy{views.GroupByRegion, views.GroupByTier} {
		start := time.Now()
		svg, err := views.GraphSVG(context.Background(), p, group, false)
		if err != nil {
			t.Fatalf("group by %s: %v", group, err)
		}
		if !strings.HasPrefix(string(svg), "<svg") || strings.Count(string(svg), `class="node`) < 600 {
			t.Errorf("group by %s: the SVG lacks nodes (%d bytes)", group, len(svg))
		}
		t.Logf("group by %s: %d bytes of SVG in %s", group, len(svg), time.Since(start).Round(time.Millisecond))
	}
	for _, group := range []string{"region", "tier"} {
		out, errOut, code := runCLI(t, "graph", dir, "--condense", "--group-by", group)
		if code != ExitOK {
			t.Fatalf("graph --condense --group-by %s: exit %d\n%s", group, code, errOut)
		}
		if n := strings.Count(out, "[label="); n > 60 {
			t.Errorf("graph --condense --group-by %s draws %d nodes, want at most 60", group, n)
		}
	}
	out, errOut, code := runCLI(t, "graph", dir, "--format", "mermaid", "--group-by", "tier")
	if code != ExitOK || !strings.Contains(out, "subgraph") {
		t.Errorf("graph --format mermaid: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runCLI(t, "report", dir, "-o", filepath.Join(t.TempDir(), "large.html"))
	if code != ExitOK {
		t.Errorf("report of the large module: exit %d\n%s", code, errOut)
	}
}
