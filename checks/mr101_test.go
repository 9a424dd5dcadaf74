package checks

import (
	"github.com/mrplan/mrplan/internal/diag"
	"path/filepath"
	"testing"
)

func TestMR101(t *testing.T) {
	ds := findings(t, "MR101")
	if len(ds) != 1 {
		t.Errorf("want the gateway reported once, got %d findings", len(ds))
	}
	wantDetail(t, ds, "service.payments runs in us-west-2 and eu-west-1, but dependency.gateway is reachable only from us-east-1",
		"after us-east-1 is lost, payments cannot serve, nor can service.checkout, which depends on it.")
}

// Under lint, a manifest edge to a service that runs everywhere but needs
// something single-region further down names that cause and its path, as
// validate does, rather than the service's own regions.
func TestMR101LintNamesCauseDownThePath(t *testing.T) {
	ds := check(t, filepath.Join("testdata", "MR101", "bad-lint-path"))
	if len(ds) != 1 {
		t.Fatalf("want one finding, got %d: %v", len(ds), ds)
	}
	wantDetail(t, ds, "service.checkout runs in us-west-2 and eu-west-1, but service.payments needs dependency.gateway "+
		"(service.payments → dependency.gateway), which is reachable only from us-east-1 — after us-east-1 is lost, checkout cannot serve.")
}

// A product whose control plane sits in one region (aws.route53) is no
// gap: its data plane serves everywhere. The call is reported once, as a
// warning that changes to it need that region.
func TestMR101ControlPlaneIsAWarning(t *testing.T) {
	ds := check(t, filepath.Join("testdata", "MR101", "control-plane"))
	if len(ds) != 1 {
		t.Fatalf("want one finding, got %d: %v", len(ds), ds)
	}
	if ds[0].Severity != diag.Warning || ds[0].Summary != "Control plane in one region" {
		t.Errorf("got %s %q, want a warning about the control plane", ds[0].Severity, ds[0].Summary)
	}
	wantDetail(t, ds, "service.checkout runs in us-east-1 and eu-west-1 and calls dependency.dns (aws.route53), whose control plane is only in us-east-1.",
		"Its data plane keeps serving when us-east-1 is lost")
}
