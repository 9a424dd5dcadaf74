package checks

import "testing"

func TestMR101(t *testing.T) {
	ds := findings(t, "MR101")
	wantDetail(t, ds, "service.checkout runs in us-west-2 and eu-west-1", "it needs dependency.gateway (through service.payments)", "reachable only from us-east-1", "after us-east-1 is lost, checkout cannot serve")
	wantDetail(t, ds, "service.payments runs in us-west-2 and eu-west-1, but dependency.gateway is reachable only from us-east-1")
}
