package gen_test

import (
	"bytes"
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
