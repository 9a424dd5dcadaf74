package checks

import (
	"strings"
	"testing"

	"github.com/mrplan/mrplan/diag"
)

func TestMR107(t *testing.T) {
	ds := findings(t, "MR107")
	wantDetail(t, ds, "instances in eu-central-1 and eu-west-1 were observed calling secretsmanager.us-east-1.amazonaws.com (aws.secrets-manager, served from us-east-1)",
		"a loss of us-east-1 takes them down", "2 calls from eu-central-1 and eu-west-1")
	wantDetail(t, ds, "sts.amazonaws.com", "a global endpoint served from us-east-1", "It is declared as dependency.sts")
	for _, d := range ds {
		if want := map[bool]diag.Severity{true: diag.Warning, false: diag.Error}[len(d.Detail) > 0 && strings.Contains(d.Detail, "global endpoint")]; d.Severity != want {
			t.Errorf("severity %v for %s", d.Severity, d.Detail)
		}
	}
}

func TestMR108(t *testing.T) {
	ds := findings(t, "MR108")
	wantDetail(t, ds, "service.checkout deployed as module.checkout.aws_ecs_service.app in eu-central-1; module.checkout.aws_instance.cron in us-east-1",
		"runs in us-east-1, which the module does not declare", "is not deployed in eu-west-1")
	wantDetail(t, ds, "data.orders deployed as aws_dynamodb_table.orders in eu-central-1", "state.json")
}
