package fuzz

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mrplan/mrplan/checks/manifest"
)

// seed adds every manifest of the checks' and commands' testdata matching
// pattern to f's corpus.
func seed(f *testing.F, pattern string) {
	for _, root := range []string{"../../testdata/*/*/", "../../../internal/command/testdata/lint/*/*/"} {
		files, _ := filepath.Glob(root + pattern)
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
}

// FuzzParseHCL: any bytes give manifests or diagnostics, never a panic, and
// every dependency has a name and a range in the file.
func FuzzParseHCL(f *testing.F) {
	seed(f, "*.deps.hcl")
	f.Add([]byte(`service = "a"` + "\n" + `dependency "b" { kind = "service", regions = [region.x, "y"] }`))
	f.Fuzz(func(t *testing.T, src []byte) {
		ms, _ := manifest.Parse("x.deps.hcl", src)
		for _, m := range ms {
			for _, d := range m.Dependencies {
				if d.NameRange.Filename != "x.deps.hcl" {
					t.Fatalf("dependency %q has no range", d.Name)
				}
			}
		}
	})
}

// FuzzParseBackstage: the same for Backstage catalog files.
func FuzzParseBackstage(f *testing.F) {
	seed(f, "catalog-info.yaml")
	f.Add([]byte("kind: Component\nmetadata: {name: a}\nspec: {dependsOn: [component:b, 'resource:ns/c']}\n---\nkind: API\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		ms, _ := manifest.Parse("catalog-info.yaml", src)
		for _, m := range ms {
			if m.Service == "" {
				t.Fatal("a manifest without a service")
			}
		}
	})
}
