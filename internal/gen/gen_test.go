package gen_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mrplan/mrplan/internal/gen"
	"github.com/mrplan/mrplan/lang"
)

// A generated module of 1,000 services loads with no language error, in
// both shapes, and has what the options asked for.
func TestGeneratedModuleLoads(t *testing.T) {
	for _, shape := range []gen.Shape{gen.Shallow, gen.Chain} {
		t.Run(shape.String(), func(t *testing.T) {
			dir := t.TempDir()
			if err := gen.Write(dir, gen.Options{Services: 1000, Shape: shape}); err != nil {
				t.Fatal(err)
			}
			m, diags := lang.LoadDir(dir)
			if diags.HasErrors() {
				t.Fatalf("generated module does not load:\n%s", diags.Error())
			}
			if len(diags) > 0 {
				t.Errorf("generated module has warnings:\n%s", diags.Error())
			}
			if len(m.Services) != 1000 || len(m.Data) != 1000 || len(m.Dependencies) != 100 || len(m.Regions) != gen.Regions || len(m.Files) != 100 {
				t.Fatalf("%d services, %d data, %d dependencies, %d regions, %d files; want 1000, 1000, 100, %d, 100",
					len(m.Services), len(m.Data), len(m.Dependencies), len(m.Regions), len(m.Files), gen.Regions)
			}
			refs := 0
			for _, s := range m.Services {
				refs += len(s.DependsOn)
			}
			if refs < 2500 || refs > 3500 {
				t.Errorf("%d depends_on references, want about 3,000", refs)
			}
		})
	}
}

// The same options give the same bytes.
func TestGenerateIsSeeded(t *testing.T) {
	today := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	a := gen.Generate(gen.Options{Services: 300, Seed: 7, Today: today})
	b := gen.Generate(gen.Options{Services: 300, Seed: 7, Today: today})
	c := gen.Generate(gen.Options{Services: 300, Seed: 8, Today: today})
	same := func(x, y []gen.File) bool {
		for i := range x {
			if x[i].Name != y[i].Name || !bytes.Equal(x[i].Src, y[i].Src) {
				return false
			}
		}
		return len(x) == len(y)
	}
	if !same(a, b) {
		t.Fatal("two runs with one seed differ")
	}
	if same(a, c) {
		t.Fatal("two seeds give one module")
	}
}

// The for_each form is the same module: every service and data class is
// there, as an instance, with the same regions, references and data.
func TestForEachIsTheSameModule(t *testing.T) {
	today := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	load := func(fe bool) *lang.Module {
		dir := t.TempDir()
		if err := gen.Write(dir, gen.Options{Services: 1000, ForEach: fe, Today: today}); err != nil {
			t.Fatal(err)
		}
		m, diags := lang.LoadDir(dir)
		if len(diags) > 0 {
			t.Fatalf("for_each %v: %s", fe, diags.Error())
		}
		return m
	}
	flat, fe := load(false), load(true)
	if len(fe.Services) != len(flat.Services) || len(fe.Data) != len(flat.Data) || len(fe.Dependencies) != len(flat.Dependencies) {
		t.Fatalf("for_each: %d services, %d data, %d dependencies; flat: %d, %d, %d",
			len(fe.Services), len(fe.Data), len(fe.Dependencies), len(flat.Services), len(flat.Data), len(flat.Dependencies))
	}
	// service.svc-00042 is service.svc["svc-00042"], data.svc-00042-data
	// is data.store["svc-00042"].
	name := func(a lang.Address) string {
		s := a.String()
		s = strings.NewReplacer(`service.svc["`, "service.", `data.store["`, "data.", `"]`, "").Replace(s)
		return strings.TrimSuffix(s, "-data")
	}
	for _, s := range flat.Services {
		i := fe.Service(fmt.Sprintf("svc[%q]", s.Name))
		if i == nil {
			t.Fatalf("no instance for service.%s", s.Name)
		}
		ip, sp := i.Policy, s.Policy
		ip.From, sp.From, ip.Availability, sp.Availability = nil, nil, nil, nil
		if i.Description != s.Description || i.Criticality != s.Criticality || ip != sp || len(i.Regions) != len(s.Regions) || i.Topology != s.Topology {
			t.Errorf("service.%s differs from its instance: %q %v %+v %d %v / %q %v %+v %d %v", s.Name, s.Description, s.Criticality, sp, len(s.Regions), s.Topology, i.Description, i.Criticality, ip, len(i.Regions), i.Topology)
		}
		var a, b []string
		for _, r := range s.DependsOn {
			a = append(a, name(r.Addr))
		}
		for _, r := range i.DependsOn {
			b = append(b, name(r.Addr))
		}
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("service.%s depends on %v, its instance on %v", s.Name, a, b)
		}
	}
}
