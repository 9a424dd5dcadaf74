package manifest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseHCL(t *testing.T) {
	src := `service = "checkout"

dependency "payments" { kind = "service" }
dependency "stripe" {
  kind    = "third-party"
  regions = ["us-east-1", region.eu-west-1]
  product = "aws.dynamodb"
}
`
	ms, diags := Parse("checkout.deps.hcl", []byte(src))
	if diags.HasErrors() || len(ms) != 1 {
		t.Fatalf("Parse: %v", diags)
	}
	m := ms[0]
	if m.Service != "checkout" || m.ServiceRange.Start.Line != 1 || len(m.Dependencies) != 2 || string(m.Src) != src {
		t.Fatalf("manifest %+v", m)
	}
	pay, stripe := m.Dependencies[0], m.Dependencies[1]
	if !pay.IsService() || pay.NameRange.Start.Line != 3 || pay.NameRange.Start.Column != 12 {
		t.Errorf("payments: %+v", pay)
	}
	if stripe.Kind != "third-party" || !slices.Equal(stripe.Regions, []string{"us-east-1", "eu-west-1"}) || stripe.Product != "aws.dynamodb" {
		t.Errorf("stripe: %+v", stripe)
	}
}

func TestParseHCLErrors(t *testing.T) {
	for _, c := range []struct{ src, summary string }{
		{`dependency "a" {}`, "Missing required argument"},
		{"service = \"a\"\ndependency \"x\" { kind = \"api\" }", "Unknown dependency kind"},
		{"service = \"a\"\ndependency \"x\" {}\ndependency \"x\" {}", "Duplicate dependency"},
		{"service = 3", "Incorrect attribute value type"},
		{"service = \"a\"\ndependency \"x\" { colour = \"red\" }", "Unsupported argument"},
		{"service = ", "Missing expression"},
	} {
		_, diags := Parse("x.deps.hcl", []byte(c.src))
		if !diags.HasErrors() || !strings.Contains(diags.Error(), c.summary) {
			t.Errorf("%q: want %q, got %v", c.src, c.summary, diags)
		}
	}
}

func TestParseBackstage(t *testing.T) {
	src := `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: shop
---
kind: Component
metadata:
  name: checkout
spec:
  dependsOn:
    - component:payments
    - "resource:default/stripe"
    - api:tax
---
kind: Component
metadata:
  name: payments
`
	ms, diags := Parse("catalog-info.yaml", []byte(src))
	if diags.HasErrors() || len(ms) != 2 {
		t.Fatalf("Parse: %d manifests, %v", len(ms), diags)
	}
	co := ms[0]
	if co.Service != "checkout" || co.ServiceRange.Start.Line != 8 || co.ServiceRange.Start.Column != 9 {
		t.Errorf("checkout: %+v", co)
	}
	var got []string
	for _, d := range co.Dependencies {
		got = append(got, d.Name+"/"+d.Kind)
	}
	if !slices.Equal(got, []string{"payments/service", "stripe/other", "tax/"}) {
		t.Errorf("dependencies %v", got)
	}
	// The quoted entry's range covers its quotes.
	if r := co.Dependencies[1].NameRange; r.Start.Line != 12 || r.Start.Column != 7 || r.End.Column != 32 {
		t.Errorf("stripe range %v", r)
	}
	if ms[1].Service != "payments" || len(ms[1].Dependencies) != 0 {
		t.Errorf("payments: %+v", ms[1])
	}
}

func TestParseBackstageErrors(t *testing.T) {
	for _, c := range []struct{ src, summary string }{
		{"kind: Component\nspec: {}\n", "Component without a name"},
		{"kind: Component\nmetadata:\n  name: a\nspec:\n  dependsOn:\n    - {a: b}\n", "Invalid entity reference"},
		{"kind: [unclosed\n", "Invalid YAML"},
	} {
		_, diags := Parse("catalog-info.yaml", []byte(c.src))
		if !diags.HasErrors() || !strings.Contains(diags.Error(), c.summary) {
			t.Errorf("%q: want %q, got %v", c.src, c.summary, diags)
		}
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b/checkout.deps.hcl", "a/catalog-info.yaml", "a/catalog-info.yml", "a/other.yaml",
		".hidden/x.deps.hcl", "node_modules/y/catalog-info.yaml", "vendor/z.deps.hcl", "main.mr.hcl", "c/payments.deps.hcl"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Files([]string{dir, filepath.Join(dir, "c/payments.deps.hcl")})
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i], _ = filepath.Rel(dir, got[i])
	}
	want := []string{"a/catalog-info.yaml", "a/catalog-info.yml", "b/checkout.deps.hcl", "c/payments.deps.hcl"}
	if !slices.Equal(got, want) {
		t.Errorf("Files = %v, want %v", got, want)
	}
	if _, err := Files([]string{filepath.Join(dir, "nope")}); err == nil {
		t.Error("a missing path is no error")
	}
}
