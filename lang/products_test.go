package lang

import (
	"strings"
	"testing"
)

// TestProductAliasesResolveCanonical: a module may write any alias; the
// model holds the canonical reference, which is what every output shows.
func TestProductAliasesResolveCanonical(t *testing.T) {
	m, diags := LoadDir("testdata/valid/product-aliases")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	for name, want := range map[string]string{
		"sessions": "aws.elasticache-redis",
		"orders":   "aws.dynamodb",
		"exports":  "gcp.gcs",
		"archive":  "gcp.gcs",
		"tenants":  "azure.cosmos-db",
		"players":  "alicloud.polardb-mysql",
		"shared":   "generic.postgresql",
	} {
		d := m.DataClass(name)
		if d == nil || d.Catalog == nil || d.Product != want || d.Catalog.Ref() != want {
			t.Errorf("data.%s: got %+v, want %s", name, d, want)
		}
	}
	if d := m.Dependency("edge"); d == nil || d.Product != "gcp.cloud-cdn" || d.Kind != DepCDN {
		t.Errorf("dependency.edge: got %+v", d)
	}
}

// TestProductPlacementMessages pins what the errors say: the product by its
// canonical name, the regions with their providers, and who put it there;
// a near miss of an alias suggests the alias with the product it names.
func TestProductPlacementMessages(t *testing.T) {
	_, diags := LoadDir("testdata/errors/product-placement")
	var all []string
	for _, d := range diags {
		all = append(all, d.Summary+": "+d.Detail)
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		`data.authorizations uses aws.dynamodb, an aws product, which runs only in aws regions, but it is placed in region.us-central1 (gcp, its writer service.authorizer runs there).`,
		`dependency.kms uses aws.kms, an aws product, which runs only in aws regions, but it is placed in region.us-central1 (gcp, listed in its regions).`,
		`Did you mean "aws.aws_s3_bucket" (aws.s3)?`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
}
