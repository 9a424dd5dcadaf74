package providers

import "testing"

func TestMatchHost(t *testing.T) {
	for _, c := range []struct {
		host                             string
		provider, product, region, scope string
		internal                         bool
	}{
		{"secretsmanager.us-east-1.amazonaws.com.", "aws", "secrets-manager", "us-east-1", "regional", false},
		{"DynamoDB.eu-west-1.amazonaws.com", "aws", "dynamodb", "eu-west-1", "regional", false},
		{"sts.amazonaws.com", "aws", "", "us-east-1", "global", false},
		{"sts.eu-central-1.amazonaws.com", "aws", "", "eu-central-1", "regional", false},
		{"iam.amazonaws.com", "aws", "iam", "us-east-1", "global", false},
		{"orders.cluster-c9akciq32.eu-west-1.rds.amazonaws.com", "aws", "rds-postgresql", "eu-west-1", "regional", false},
		{"my-bucket.s3.eu-central-1.amazonaws.com", "aws", "s3", "eu-central-1", "regional", false},
		{"my-bucket.s3.amazonaws.com", "aws", "s3", "us-east-1", "global", false},
		{"sqs.cn-north-1.amazonaws.com.cn", "aws", "sqs", "cn-north-1", "regional", false},
		{"vpce-0a1-xyz.secretsmanager.eu-central-1.vpce.amazonaws.com", "aws", "secrets-manager", "eu-central-1", "regional", false},
		{"ip-10-0-1-5.eu-west-1.compute.internal", "aws", "", "", "", true},
		{"spanner.googleapis.com", "gcp", "spanner", "", "global", false},
		{"us-central1-aiplatform.googleapis.com", "gcp", "", "us-central1", "regional", false},
		{"storage.europe-west3.rep.googleapis.com", "gcp", "", "europe-west3", "regional", false},
		{"login.microsoftonline.com", "azure", "entra-id", "", "global", false},
		{"ledger-prod.database.windows.net", "azure", "sql-database", "", "regional", false},
		{"ecs.cn-hangzhou.aliyuncs.com", "alicloud", "", "cn-hangzhou", "regional", false},
		{"assets.oss-cn-shanghai.aliyuncs.com", "alicloud", "oss", "cn-shanghai", "regional", false},
		{"media.s3.dualstack.eu-west-1.amazonaws.com", "aws", "s3", "eu-west-1", "regional", false},
		{"abc123.iot.eu-west-1.amazonaws.com", "aws", "", "eu-west-1", "regional", false},
		{"x.y.z.amazonaws.com", "aws", "", "", "", false},
		{"contoso.table.core.windows.net", "azure", "", "", "", false},
	} {
		h, ok := MatchHost(c.host)
		if !ok {
			t.Errorf("%s: no match", c.host)
			continue
		}
		if h.Provider != c.provider || h.Product != c.product || h.Region != c.region || string(h.Scope) != c.scope || h.Internal != c.internal {
			t.Errorf("%s: got %s %q %q %q internal=%v (pattern %s), want %s %q %q %q internal=%v", c.host,
				h.Provider, h.Product, h.Region, h.Scope, h.Internal, h.Endpoint.Pattern, c.provider, c.product, c.region, c.scope, c.internal)
		}
	}
	for _, host := range []string{"api.stripe.com", "", "amazonaws.com", "example.internal.corp"} {
		if h, ok := MatchHost(host); ok {
			t.Errorf("%s: want no match, got %s (%s)", host, h.Provider, h.Endpoint.Pattern)
		}
	}
}

func TestTerraformProduct(t *testing.T) {
	if p, prod, ok := TerraformProduct("aws_dynamodb_table"); !ok || p != "aws" || prod != "dynamodb" {
		t.Errorf("aws_dynamodb_table: got %s %s %v", p, prod, ok)
	}
	if _, _, ok := TerraformProduct("aws_iam_role_policy"); ok {
		t.Error("aws_iam_role_policy: want no product")
	}
	if len(TerraformTypes()) < 20 {
		t.Errorf("TerraformTypes: %d", len(TerraformTypes()))
	}
}

// TestEndpointData: every built-in pattern has an https source; the
// generic catalog, whose stores answer on the users' own names, has none.
func TestEndpointData(t *testing.T) {
	for _, c := range Builtins() {
		for _, ep := range Endpoints(c.Name) {
			if len(ep.Source) < 9 || ep.Source[:8] != "https://" {
				t.Errorf("%s %s: source %q", c.Name, ep.Pattern, ep.Source)
			}
		}
	}
	if len(Endpoints("aws")) < 20 || Endpoints("generic") != nil {
		t.Errorf("aws has %d patterns, generic %d", len(Endpoints("aws")), len(Endpoints("generic")))
	}
}
