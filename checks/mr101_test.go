package checks

import (
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
