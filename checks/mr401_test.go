package checks

import "testing"

func TestMR401(t *testing.T) {
	ds := findings(t, "MR401")
	wantDetail(t, ds, "service.login is tier 0", "runs in us-east-1 only")
}
