package providers

import "testing"

// TestAliases: the names the issue names resolve to their canonical
// product, and Terraform resource types map to products through the
// registry, for the discovery of Terraform state.
func TestAliases(t *testing.T) {
	reg := NewRegistry()
	for ref, want := range map[string]string{
		"aws.aws_dynamodb_table":            "aws.dynamodb",
		"aws.s3":                            "aws.s3",
		"aws.redis":                         "aws.elasticache-redis",
		"aws.elasticsearch":                 "aws.opensearch",
		"gcp.cloud-storage":                 "gcp.gcs",
		"gcp.google_storage_bucket":         "gcp.gcs",
		"gcp.datastore":                     "gcp.firestore",
		"azure.azurerm_cosmosdb_account":    "azure.cosmos-db",
		"azure.azure-ad":                    "azure.entra-id",
		"alicloud.alicloud_polardb_cluster": "alicloud.polardb-mysql",
		"generic.postgres":                  "generic.postgresql",
	} {
		p, viaAlias, ok := reg.ResolveProduct(ref)
		if !ok || p.Ref() != want {
			t.Errorf("%s: got %v, want %s", ref, p, want)
			continue
		}
		if viaAlias != (ref != want) {
			t.Errorf("%s: viaAlias = %v", ref, viaAlias)
		}
	}
	if p, ok := reg.ProductForTerraformType("google_spanner_instance"); !ok || p.Ref() != "gcp.spanner" {
		t.Errorf("google_spanner_instance: got %v", p)
	}
	if _, ok := reg.ProductForTerraformType("aws_db_instance"); ok {
		t.Error("aws_db_instance creates several products; it must not resolve to one")
	}
	if _, ok := reg.Product("gcp.aws_dynamodb_table"); ok {
		t.Error("an alias resolves only in its own catalog")
	}
	aws, _ := reg.Catalog("aws")
	if types := aws.TerraformTypes(); len(types) < 20 || types[0].Type > types[1].Type {
		t.Errorf("aws Terraform types: %d, unsorted or too few", len(types))
	}
}

// TestAliasClashes: an alias must name one product only.
func TestAliasClashes(t *testing.T) {
	c := NewCatalog("corp", "Corp", nil, []*Product{
		{Name: "tidb", Kind: KindDatabase, Scope: ScopeRegional, Aliases: []string{"sql", "kv"}},
		{Name: "kv", Kind: KindDatabase, Scope: ScopeRegional, Aliases: []string{"sql"}},
	})
	errs := c.Check()
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	want := []string{`corp.tidb: alias "kv" is the name of corp.kv`, `corp.tidb: alias "sql" also names corp.kv`}
	if len(msgs) != 2 || msgs[0] != want[0] || msgs[1] != want[1] {
		t.Errorf("got %q, want %q", msgs, want)
	}
}

// TestControlPlanes: the control planes the issue names are known from the
// catalogs, each with its region (or what pins it) and its source.
func TestControlPlanes(t *testing.T) {
	reg := NewRegistry()
	for ref, region := range map[string]string{
		"aws.route53": "us-east-1", "aws.cloudfront": "us-east-1", "aws.iam": "us-east-1", "aws.arc": "us-west-2",
	} {
		p, _ := reg.Product(ref)
		cps := reg.ControlPlanesOf(p)
		if len(cps) != 1 || cps[0].Region != region || cps[0].Source == "" {
			t.Errorf("%s: got %+v, want one control plane in %s", ref, cps, region)
		}
	}
	az, _ := reg.Catalog("azure")
	var arm *ControlPlane
	for _, cp := range az.ControlPlanes() {
		if cp.Implicit {
			arm = cp
		}
	}
	if arm == nil || arm.PinnedTo != "resource-group" {
		t.Errorf("azure: Resource Manager is not known as an implicit control plane pinned to the resource group: %+v", arm)
	}
	if p, _ := reg.Product("gcp.cloud-dns"); len(reg.ControlPlanesOf(p)) != 1 {
		t.Error("gcp.cloud-dns: no global control plane")
	}
}
