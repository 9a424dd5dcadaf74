package checks

import "testing"

func TestMR102(t *testing.T) {
	ds := findings(t, "MR102")
	wantDetail(t, ds, "service.checkout is tier 0", "service.recommendations, which is tier 2")
}
