package checks

import "testing"

func TestMR101(t *testing.T) {
	ds := findings(t, "MR101")
	if len(ds) != 1 {
		t.Errorf("want the gateway reported once, got %d findings", len(ds))
	}
	wantDetail(t, ds, "service.payments runs in us-west-2 and eu-west-1, but dependency.gateway is reachable only from us-east-1",
		"after us-east-1 is lost, payments cannot serve, nor can service.checkout, which depends on it.")
}
