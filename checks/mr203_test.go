package checks

import "testing"

func TestMR203(t *testing.T) {
	ds := findings(t, "MR203")
	wantDetail(t, ds, "sync-replication between ap-southeast-2 and us-east-1", "budget of its writers is 50ms")
}

// TestMR203OnDemand: data that may lose a little is offered reads on demand
// instead of synchronous copies.
func TestMR203OnDemand(t *testing.T) {
	ds := check(t, "testdata/MR203/on-demand")
	wantDetail(t, ds, "Or read it on demand instead of replicating it", `sync = ["secondary-read"]`)
}
