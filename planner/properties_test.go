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
	"github.com/mrplan/mrplan/providers"
)

// modules are every module the property tests run over: the examples and
// the decision tables.
func modules(t *testing.T) []string {
	t.Helper()
	var dirs []string
	for _, pat := range []string{"../examples/*", "testdata/decisions/*"} {
		ds, _ := filepath.Glob(pat)
		for _, d := range ds {
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				dirs = append(dirs, d)
			}
		}
	}
	if len(dirs) == 0 {
		t.Fatal("no modules to test")
	}
	return dirs
}

func TestPlanIsDeterministic(t *testing.T) {
	for _, dir := range modules(t) {
		m := load(t, dir)
		first := flatten(planner.PlanModule(m))
		for i := 0; i < 5; i++ {
			if again := flatten(planner.PlanModule(m)); !reflect.DeepEqual(first, again) {
				t.Fatalf("%s: two plans of the same module differ", dir)
			}
		}
		if !reflect.DeepEqual(first, flatten(planner.PlanModule(load(t, dir)))) {
			t.Fatalf("%s: plans of two loads of the same module differ", dir)
		}
	}
}

// Adding a region to a service never makes its achieved RTO worse.
func TestAddingARegionNeverWorsensRTO(t *testing.T) {
	for _, dir := range modules(t) {
		m := load(t, dir)
		base := planner.PlanModule(m)
		for _, s := range m.Services {
			before := base.Service(s.Name).RTO
			orig := s.Regions
			for _, r := range m.Regions {
				if hasRegion(orig, r.Name) {
					continue
				}
				s.Regions = append(append([]lang.Ref{}, orig...), lang.Ref{Addr: r.Addr()})
				after := planner.PlanModule(m).Service(s.Name).RTO
				if worse(after, before) {
					t.Errorf("%s: adding %s to service.%s makes its RTO worse: %v → %v", dir, r.Name, s.Name, show(before), show(after))
				}
			}
			s.Regions = orig
		}
	}
}

// Adding a region to a service never makes it cheaper: a region serves, or
// waits as a standby, and costs what it costs (SPEC §10). It may cost
// nothing more: a forced single-region topology leaves the region unused,
// and a cold standby where a replica of the service's data already was
// holds only that data.
func TestAddingARegionNeverLowersCost(t *testing.T) {
	for _, dir := range modules(t) {
		m := load(t, dir)
		base := planner.PlanModule(m)
		for _, s := range m.Services {
			before := base.Service(s.Name).Cost.Exact
			orig := s.Regions
			for _, r := range m.Regions {
				if hasRegion(orig, r.Name) {
					continue
				}
				s.Regions = append(append([]lang.Ref{}, orig...), lang.Ref{Addr: r.Addr()})
				if after := planner.PlanModule(m).Service(s.Name).Cost.Exact; after < before-1e-9 {
					t.Errorf("%s: adding %s to service.%s lowers its cost: %.3f → %.3f", dir, r.Name, s.Name, before, after)
				}
			}
			s.Regions = orig
		}
	}
}

func worse(after, before planner.RTO) bool {
	if before.Unbounded {
		return false
	}
	return after.Unbounded || after.Total > before.Total
}

func show(r planner.RTO) string {
	if r.Unbounded {
		return "unbounded"
	}
	return r.Total.String()
}

func hasRegion(refs []lang.Ref, name string) bool {
	for _, r := range refs {
		if r.Addr.Name == name {
			return true
		}
	}
	return false
}

// The planner never chooses a replication mode a product lacks, for every
// product of every built-in catalog and every data class.
func TestNeverChoosesAnUnofferedMode(t *testing.T) {
	reg := providers.NewRegistry()
	var b strings.Builder
	// Each cloud catalog's products run in its own regions (a product in
	// another provider's region is an error); generic ones run anywhere.
	sites := map[string][3]string{
		"aws":      {"us-east-1", "us-east-2", "eu-west-1"},
		"gcp":      {"us-east1", "us-east4", "europe-west1"},
		"azure":    {"eastus", "eastus2", "westeurope"},
		"alicloud": {"cn-hangzhou", "cn-shanghai", "eu-central-1"},
	}
	for _, cat := range []string{"alicloud", "aws", "azure", "gcp"} {
		r := sites[cat]
		fmt.Fprintf(&b, `
region "%[1]s-a" {
  provider = "%[1]s"
  code     = "%[2]s"
}
region "%[1]s-b" {
  provider = "%[1]s"
  code     = "%[3]s"
}
region "%[1]s-far" {
  provider = "%[1]s"
  code     = "%[4]s"
}
service "near-%[1]s" {
  criticality = "core"
  regions = [region.%[1]s-a, region.%[1]s-b]
}
service "far-%[1]s" {
  criticality = "core"
  regions = [region.%[1]s-a, region.%[1]s-far]
}
`, cat, r[0], r[1], r[2])
	}
	classes := []string{`loss_tolerance = "none"`, `realtime = true
  uniqueness = "global"`, `loss_tolerance = "100ms"`, `loss_tolerance = "30m"`,
		`loss_tolerance = "1d"
  write_rate = 1
  read_rate = 100`, `loss_tolerance = "1d"
  size = "5TiB"`}
	n := 0
	for _, name := range reg.Names() {
		c, _ := reg.Catalog(name)
		for _, prod := range c.Products {
			switch prod.Kind {
			case providers.KindDatabase, providers.KindCache, providers.KindQueue, providers.KindObjectStore, providers.KindSearch:
			default:
				continue
			}
			for ci, class := range classes {
				home := name
				if _, cloud := sites[name]; !cloud {
					home = "aws"
				}
				for _, owner := range []string{"near", "far"} {
					n++
					fmt.Fprintf(&b, "data \"d%d\" {\n  owner = service.%s-%s\n  product = %q\n  %s\n}\n", n, owner, home, prod.Ref(), class)
					_ = ci
				}
			}
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.mr.hcl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	m := load(t, dir)
	p := planner.PlanModule(m)
	if len(p.Data) != n {
		t.Fatalf("planned %d data classes, want %d", len(p.Data), n)
	}
	modes := map[lang.Mechanism]providers.Replication{
		lang.MechSyncReplication:     providers.ReplicationSync,
		lang.MechSemiSyncReplication: providers.ReplicationSemiSync,
		lang.MechAsyncReplication:    providers.ReplicationAsync,
	}
	for _, d := range p.Data {
		for _, mech := range d.Mechanisms {
			if mode, ok := modes[mech]; ok && !d.Block.Catalog.Offers(mode) {
				t.Errorf("%s on %s: chose %s, which the product does not offer", d.Addr, d.Block.Product, mech)
			}
		}
		if d.Class == planner.ClassCritical && d.WritePenalty > d.Block.Catalog.Lag+p.Assumptions.ShortHopOverhead*1000 {
			t.Errorf("%s: absurd write penalty %s", d.Addr, d.WritePenalty)
		}
		for _, note := range d.Notes {
			if note.Kind == planner.NoteSyncOverBudget && d.Replication == planner.ReplicationNone {
				t.Errorf("%s: over-budget note without a synchronous channel", d.Addr)
			}
		}
	}
}
