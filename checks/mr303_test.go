package checks

import "testing"

func TestMR303(t *testing.T) {
	ds := findings(t, "MR303")
	wantDetail(t, ds, "data.accounts must be unique", "service.signup-eu in eu-west-1 and service.signup-us in us-east-1")
}
