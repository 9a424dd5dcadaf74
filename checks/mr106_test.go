package checks

import (
	"strings"
	"testing"

	"github.com/mrplan/mrplan/diag"
)

func TestMR106(t *testing.T) {
	ds := findings(t, "MR106")
	wantDetail(t, ds, "service.checkout was observed calling api.stripe.com (a third party)", "1 call from eu-central-1", "first seen 2026-11-30T10:00:00Z", "resolver.jsonl")
	wantDetail(t, ds, `no service traced as "fraud-score"`, "7 calls", "dependencies.json")
	for _, d := range ds {
		switch {
		case d.Subject == "service.reports" && d.Severity != diag.Warning:
			t.Errorf("a tier 2 service's finding is a warning: %s", d.Detail)
		case d.Subject == "service.checkout" && strings.Contains(d.Detail, "cloudfront.net") && d.Severity != diag.Warning:
			t.Errorf("a global target's finding is a warning: %s", d.Detail)
		case d.Subject == "service.checkout" && strings.Contains(d.Detail, "stripe") && d.Severity != diag.Error:
			t.Errorf("a core service's undeclared third party is an error: %s", d.Detail)
		}
	}
	near := check(t, "testdata/MR107/bad")
	wantDetail(t, near, "dependency.secrets is aws.secrets-manager in eu-central-1 and eu-west-1, not us-east-1")
}
