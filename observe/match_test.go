package observe

import (
	"strings"
	"testing"

	"github.com/mrplan/mrplan/lang"
)

const example = "../examples/observed-checkout"

func discoverExample(t *testing.T) *Discovery {
	t.Helper()
	mod, diags := lang.LoadDir(example)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	c := NewCollector()
	for _, f := range []string{"resolver.jsonl.gz", "dependencies.json", "state.json"} {
		if err := c.ReadFile(example+"/observed/"+f, FormatAuto); err != nil {
			t.Fatal(err)
		}
	}
	return Match(mod, c.Observations())
}

func dependency(d *Discovery, service, target string) *Dependency {
	for _, dep := range d.Dependencies {
		if dep.Service.Name == service && dep.Target == target {
			return dep
		}
	}
	return nil
}

func TestMatchExample(t *testing.T) {
	d := discoverExample(t)
	for _, c := range []struct {
		service, target, kind, product, region, declared, from string
	}{
		{"checkout", "secretsmanager.us-east-1.amazonaws.com", "cloud-service", "aws.secrets-manager", "us-east-1", "", "eu-central-1 eu-west-1"},
		{"checkout", "secretsmanager.eu-central-1.amazonaws.com", "cloud-service", "aws.secrets-manager", "eu-central-1", "dependency.secrets", "eu-central-1"},
		{"checkout", "dynamodb.eu-west-1.amazonaws.com", "cloud-service", "aws.dynamodb", "eu-west-1", "data.orders", "eu-west-1"},
		{"checkout", "api.stripe.com", "third-party", "", "", "dependency.stripe", "eu-central-1 eu-west-1"},
		{"checkout", "sts.amazonaws.com", "cloud-service", "", "us-east-1", "", "eu-central-1"},
		{"checkout", "payments", "service", "", "", "service.payments", ""},
		{"checkout", "fraud-score", "service", "", "", "", ""},
		{"frontend", "checkout", "service", "", "", "service.checkout", ""},
		{"frontend", "cognito-idp.eu-central-1.amazonaws.com", "cloud-service", "aws.cognito", "eu-central-1", "", "eu-central-1"},
		{"payments", "ledger.shop.internal", "internal", "", "", "", "eu-central-1"},
		{"recommendations", "api.openai.com", "third-party", "", "", "", "eu-central-1"},
	} {
		dep := dependency(d, c.service, c.target)
		if dep == nil {
			t.Errorf("%s → %s: not found", c.service, c.target)
			continue
		}
		declared := ""
		if dep.DeclaredAs != nil {
			declared = dep.DeclaredAs.String()
		}
		if dep.Kind.String() != c.kind || dep.Product != c.product || dep.Region != c.region || declared != c.declared || strings.Join(dep.FromRegions, " ") != c.from {
			t.Errorf("%s → %s: got %s %q %q declared %q from %v", c.service, c.target, dep.Kind, dep.Product, dep.Region, declared, dep.FromRegions)
		}
	}
	if dep := dependency(d, "checkout", "secretsmanager.us-east-1.amazonaws.com"); dep.Calls != 16 || dep.First.Format("15:04") != "00:01" || dep.Last.Format("15:04") != "21:06" {
		t.Errorf("evidence: %d calls, %v – %v", dep.Calls, dep.First, dep.Last)
	}
	var unattr []string
	for _, u := range d.Unattributed {
		unattr = append(unattr, u.Target+" from "+u.From)
	}
	if got := strings.Join(unattr, ", "); got != "ledger from batch-export, s3.eu-west-1.amazonaws.com from vpc-0ff1ce00" {
		t.Errorf("unattributed: %s", got)
	}
	var deployed []string
	for _, dep := range d.Deployed {
		deployed = append(deployed, dep.Address.String()+" "+strings.Join(dep.Regions, ",")+" / "+strings.Join(dep.DeclaredRegions, ","))
	}
	want := "data.orders eu-central-1,eu-west-1 / eu-central-1,eu-west-1; service.checkout eu-central-1,eu-west-1,us-east-1 / eu-central-1,eu-west-1; " +
		"service.ledger eu-central-1,eu-west-1 / eu-central-1,eu-west-1; service.payments eu-central-1 / eu-central-1,eu-west-1"
	if got := strings.Join(deployed, "; "); got != want {
		t.Errorf("deployed:\n got %s\nwant %s", got, want)
	}
	if len(d.Unplaced) != 1 || d.Unplaced[0].Address != "aws_iam_role.deploy" {
		t.Errorf("unplaced: %v", d.Unplaced)
	}
	if len(d.Skipped) != 1 || d.Skipped[0].Line != 21 {
		t.Errorf("skipped: %+v", d.Skipped)
	}
}
