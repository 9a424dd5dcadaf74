package views

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// A down service's cause is rebuilt from the scenario's Via links: in full
// when short, as its first eight and last eight nodes when long, and the
// JSON names only the first step.
func TestDownCauseFromVia(t *testing.T) {
	var b strings.Builder
	b.WriteString(`
region "us-east-1" { provider = "aws" }
region "us-west-2" { provider = "aws" }
dependency "gateway" {
  kind    = "third-party"
  regions = [region.us-east-1]
}
service "solo" {
  regions = [region.us-east-1]
}
`)
	for i := 0; i < 20; i++ {
		dep := fmt.Sprintf("service.s%02d", i+1)
		if i == 19 {
			dep = "dependency.gateway"
		}
		fmt.Fprintf(&b, "service \"s%02d\" {\n  regions = [region.us-east-1, region.us-west-2]\n  depends_on = [%s]\n}\n", i, dep)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	m, diags := lang.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	p := planner.PlanModule(m)
	var sc *planner.Scenario
	for _, x := range p.Scenarios {
		if x.Domain == lang.DomainRegion && x.Target == "us-east-1" {
			sc = x
		}
	}
	if sc == nil {
		t.Fatal("no scenario for region us-east-1")
	}
	addr := func(name string) lang.Address { return lang.Address{Kind: lang.KindService, Name: name} }
	for _, c := range []struct{ service, want string }{
		{"solo", "all its regions are lost"},
		{"s16", "needs dependency.gateway, which is lost (service.s16 → service.s17 → service.s18 → service.s19 → dependency.gateway)"},
		{"s00", "needs dependency.gateway, which is lost (service.s00 → service.s01 → service.s02 → service.s03 → service.s04 → service.s05 → service.s06 → service.s07 → … 5 more … → " +
			"service.s13 → service.s14 → service.s15 → service.s16 → service.s17 → service.s18 → service.s19 → dependency.gateway)"},
	} {
		if got := downCause(sc, addr(c.service)); got != c.want {
			t.Errorf("%s: %s\nwant %s", c.service, got, c.want)
		}
	}
	js := jsonScenario(sc)
	if len(js.Down) != 21 {
		t.Fatalf("%d down, want 21", len(js.Down))
	}
	for _, d := range js.Down {
		switch d.Address {
		case "service.solo":
			if d.Via != nil {
				t.Errorf("solo down via %s, want null", *d.Via)
			}
		case "service.s19":
			if d.Via == nil || *d.Via != "dependency.gateway" {
				t.Errorf("s19 down via %v, want dependency.gateway", d.Via)
			}
		case "service.s03":
			if d.Via == nil || *d.Via != "service.s04" {
				t.Errorf("s03 down via %v, want service.s04", d.Via)
			}
		}
	}
}
