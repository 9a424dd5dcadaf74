package checks

import "testing"

func TestMR405(t *testing.T) {
	ds := findings(t, "MR405")
	wantDetail(t, ds, "service.checkout takes 3000 rps", "us-west-2 gets 3000 rps and can carry 1000", "region us-east-1 lost")
}
