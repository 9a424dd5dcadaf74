package checks

import (
	"testing"

	"github.com/mrplan/mrplan/internal/diag"
)

// MR105 reports control planes from the catalogs: pinned to a region the
// module declares or not, each a warning with its source.
func TestMR105(t *testing.T) {
	ds := findings(t, "MR105")
	for _, d := range ds {
		if d.Severity != diag.Warning || d.Summary != "Control plane in one region" {
			t.Errorf("got %s %q, want a warning about the control plane", d.Severity, d.Summary)
		}
	}
	wantDetail(t, ds, "calls dependency.dns (aws.route53), whose control plane", "lives only in us-east-1.", "Source: https://")
}

func TestMR105UndeclaredHome(t *testing.T) {
	ds := check(t, "testdata/MR105/undeclared-home")
	wantDetail(t, ds, "dependency.dns (aws.route53)", "lives only in us-east-1, a region this module does not run in")
	wantDetail(t, ds, "dependency.roles (aws.iam)", "sts.amazonaws.com")
}

func TestMR105AzureStandby(t *testing.T) {
	ds := check(t, "testdata/MR105/azure-standby")
	wantDetail(t, ds, "warm standby in northeurope", "Azure Resource Manager", "resource group homed in westeurope")
}
