package lang

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mrplan/mrplan/providers"
)

func loadClean(t *testing.T, dir string) *Module {
	t.Helper()
	m, diags := LoadDir(dir)
	if diags.HasErrors() || len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %s", diags.Error())
	}
	return m
}

func TestLoadDecodesAndDefaults(t *testing.T) {
	m := loadClean(t, "testdata/valid/custom-provider")

	orders := m.Service("orders")
	if orders == nil {
		t.Fatal("service.orders missing")
	}
	p := orders.Policy
	if !p.HasRPO || p.RPO != 0 || !p.HasRTO || p.RTO != 2*time.Minute {
		t.Errorf("policy rpo/rto = %v/%v (%v/%v), want 0s/2m from the objective and the inline rto", p.RPO, p.RTO, p.HasRPO, p.HasRTO)
	}
	if p.From == nil || p.From.Addr.String() != "objective.core" || p.Availability == nil || *p.Availability != 99.99 {
		t.Errorf("policy does not come from objective.core: %+v", p)
	}
	if p.Survive != DomainRegion || p.WriteLatencyBudget != 50*time.Millisecond {
		t.Errorf("policy defaults: survive %v, budget %v", p.Survive, p.WriteLatencyBudget)
	}
	if orders.Primary.Addr.String() != "region.sh-a" {
		t.Errorf("primary defaults to the first region, got %v", orders.Primary.Addr)
	}
	if orders.Witness == nil || orders.Witness.Addr.String() != "region.gz-a" {
		t.Errorf("witness = %v", orders.Witness)
	}
	if orders.Routing.Policy != RoutingLatency || orders.Routing.DNSTTL != time.Minute || !orders.Routing.HealthCheck {
		t.Errorf("routing = %+v", orders.Routing)
	}
	if orders.Traffic == nil || orders.Traffic.RPS != 1200 || orders.Traffic.ReadRatio != 0.8 {
		t.Errorf("traffic = %+v", orders.Traffic)
	}
	if orders.FailoverDrill == nil || orders.FailoverDrill.Format(time.DateOnly) != "2026-10-01" {
		t.Errorf("failover_drill = %v", orders.FailoverDrill)
	}
	if _, ok := orders.Attrs["routing.policy"]; !ok {
		t.Error("Attrs lacks routing.policy")
	}
	if got := m.Service("payments").Primary.Addr.String(); got != "region.bj-a" {
		t.Errorf("payments primary = %s", got)
	}

	d := m.DataClass("orders")
	if d.Consistency != ConsistencyStrong || d.LossTolerance == nil || *d.LossTolerance != 0 {
		t.Errorf("realtime data: consistency %v, loss tolerance %v", d.Consistency, d.LossTolerance)
	}
	if d.BackupInterval != 24*time.Hour || d.Size == nil || *d.Size != 2<<40 {
		t.Errorf("data defaults: backup %v size %v", d.BackupInterval, d.Size)
	}
	if d.Catalog == nil || d.Catalog.Ref() != "corp.tidb" || !d.Catalog.Offers(providers.ReplicationSync) {
		t.Errorf("product not resolved: %+v", d.Catalog)
	}
	if len(d.Sync) != 1 || d.Sync[0].Mechanism != MechSyncReplication {
		t.Errorf("sync = %+v", d.Sync)
	}

	sh := m.Region("sh-a")
	if sh.Geo == nil || sh.Geo.City != "Shanghai" || sh.Geo.Zones != 2 || sh.Provider != "corp" {
		t.Errorf("region sh-a geo = %+v", sh.Geo)
	}
	if gz := m.Region("gz-a"); gz.Geo == nil || gz.Geo.City != "Guangzhou" || gz.Geo.Provider != "corp" {
		t.Errorf("a region the catalog lacks takes its own geography: %+v", gz.Geo)
	}
	if _, ok := m.Registry.Catalog("corp"); !ok {
		t.Error("the custom catalog is not in the registry")
	}

	s := m.Settings
	if s.State != DefaultStateFile || s.Assumptions.DetectionTime != 20*time.Second || s.Assumptions.RouteFactor != 1.4 {
		t.Errorf("settings = %+v", s)
	}
	if s.Assumptions.ManualDecisionTime != 30*time.Minute {
		t.Error("assumptions not overridden keep their defaults")
	}
	if len(s.Checks) != 1 || s.Checks[0].ID != "MR404" || s.Checks[0].Enabled == nil || *s.Checks[0].Enabled {
		t.Errorf("checks = %+v", s.Checks)
	}
}

func TestLoadResolvesAcrossFiles(t *testing.T) {
	m := loadClean(t, "testdata/valid/cross-file")
	if len(m.Files) != 3 {
		t.Errorf("loaded %d files, want 3", len(m.Files))
	}
	a := m.Service("a")
	if len(a.DependsOn) != 2 || a.Policy.RTO != 10*time.Minute || a.Policy.Survive != DomainZone {
		t.Errorf("service.a = %+v", a)
	}
	if m.Dependency("idp").Catalog == nil || m.DataClass("ledger").Owner.Addr != a.Addr() {
		t.Error("data and dependency did not resolve")
	}
	for i, want := range []string{"a", "b", "c"} {
		if m.Services[i].Name != want {
			t.Errorf("services not sorted by name: %d is %s", i, m.Services[i].Name)
		}
	}
	if m.Lookup(Address{KindRegion, "west"}) != m.Region("west") {
		t.Error("Lookup and Region disagree")
	}
}

func TestLoadJSONSyntax(t *testing.T) {
	m := loadClean(t, "testdata/valid/json-syntax")
	a := m.Service("a")
	if a.Primary.Addr.String() != "region.west" || a.Policy.RTO != 5*time.Minute || a.Policy.RPO != time.Minute {
		t.Errorf("service.a = %+v", a)
	}
	if a.Routing.DNSTTL != 30*time.Second || a.Traffic == nil || a.Traffic.ReadRatio != 0.9 {
		t.Errorf("nested blocks: %+v %+v", a.Routing, a.Traffic)
	}
	if r := a.Regions[1].Range; r.Filename == "" || r.Start.Line != 10 {
		t.Errorf("a reference in JSON keeps its range: %+v", r)
	}
}

// TestLoadCycles: depends_on cycles are legal and must not hang loading.
func TestLoadCycles(t *testing.T) {
	done := make(chan *Module)
	go func() {
		m, _ := LoadDir("testdata/valid/cross-file")
		done <- m
	}()
	select {
	case m := <-done:
		if c := m.Service("c"); len(c.DependsOn) != 2 {
			t.Errorf("service.c depends_on = %v", c.DependsOn)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("loading a module with a depends_on cycle did not finish")
	}
}

func TestLoadDirProblems(t *testing.T) {
	_, diags := LoadDir(filepath.Join(t.TempDir(), "nope"))
	if len(diags) != 1 || diags[0].Summary != "Module directory not found" {
		t.Errorf("missing directory: %v", diags)
	}
	_, diags = LoadDir("testdata/valid/cross-file/a-services.mr.hcl")
	if len(diags) != 1 || diags[0].Summary != "Not a directory" {
		t.Errorf("a file: %v", diags)
	}
	empty := t.TempDir()
	if err := os.Mkdir(filepath.Join(empty, "sub.mr.hcl"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, diags = LoadDir(empty)
	if len(diags) != 1 || diags[0].Summary != "No module files" {
		t.Errorf("no module files: %v", diags)
	}
}

// TestLoadTwice guards against a shared parser: a second load of the same
// files must report the same problems.
func TestLoadTwice(t *testing.T) {
	_, first := LoadDir("testdata/errors/references")
	_, second := LoadDir("testdata/errors/references")
	if len(first) == 0 || len(first) != len(second) {
		t.Errorf("first load %d diagnostics, second %d", len(first), len(second))
	}
}

func TestIsModuleFile(t *testing.T) {
	for name, want := range map[string]bool{
		"main.mr.hcl":     true,
		"main.mr.json":    true,
		"main.tf":         false,
		"main.mr.hcl~":    false,
		".main.mr.hcl":    false,
		".#main.mr.hcl":   false,
		"#main.mr.hcl#":   false,
		"main.mr.hcl.bak": false,
	} {
		if got := IsModuleFile(name); got != want {
			t.Errorf("IsModuleFile(%q) = %v", name, got)
		}
	}
}
