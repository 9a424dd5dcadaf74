package checks

import "testing"

func TestMR404(t *testing.T) {
	ds := findings(t, "MR404")
	wantDetail(t, ds, "service.checkout is tier 0 but says nothing about compensation")
}
