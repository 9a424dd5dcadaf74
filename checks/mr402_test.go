package checks

import "testing"

func TestMR402(t *testing.T) {
	ds := findings(t, "MR402")
	wantDetail(t, ds, "loss of a country (objective.regulated)", "country US lost", "us-east-1 and us-west-2")
}
