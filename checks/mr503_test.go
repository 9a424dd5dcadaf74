package checks

import "testing"

func TestMR503(t *testing.T) {
	ds := findings(t, "MR503")
	wantDetail(t, ds, "DNS ttl is 5m", "at most 1m")
}
