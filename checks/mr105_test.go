package checks

import (
	"slices"
	"sort"
	"testing"

	"github.com/mrplan/mrplan/diag"
	"github.com/mrplan/mrplan/providers"
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

// TestMR105GlobalControlPlanes: a control plane with no home region (Google
// Cloud's global resources, Entra ID) survives the loss of any one region,
// so a failover that needs it gets no MR105; the pinned ones still do. The
// list of unpinned control planes is spelled out so that a new one is
// looked at before it is let through (docs/checks/MR105.md says why).
func TestMR105GlobalControlPlanes(t *testing.T) {
	for _, d := range check(t, "testdata/MR105/clean-global-control-planes") {
		if d.Rule == "MR105" {
			t.Errorf("a global control plane got MR105: %s", d.Detail)
		}
	}
	var unpinned []string
	reg := providers.NewRegistry()
	for _, name := range reg.Names() {
		cat, _ := reg.Catalog(name)
		for _, cp := range cat.ControlPlanes() {
			if cp.Region == "" && cp.PinnedTo == "" {
				unpinned = append(unpinned, name+": "+cp.Name)
			}
		}
	}
	sort.Strings(unpinned)
	want := []string{"azure: Microsoft Entra ID", "gcp: Google Cloud global resource control plane"}
	if !slices.Equal(unpinned, want) {
		t.Errorf("unpinned control planes %q, want %q: decide whether MR105 should warn about a new one", unpinned, want)
	}
}
