package checks

import "testing"

func TestMR403(t *testing.T) {
	ds := findings(t, "MR403")
	wantDetail(t, ds, "service.reports is tier 2", "active-active in us-east-1 and eu-west-1")
}
