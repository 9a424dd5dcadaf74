package checks

import "testing"

func TestMR204(t *testing.T) {
	ds := findings(t, "MR204")
	wantDetail(t, ds, "data.orders is critical", "sync-replication alone")
}
