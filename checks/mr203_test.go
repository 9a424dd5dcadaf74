package checks

import "testing"

func TestMR203(t *testing.T) {
	ds := findings(t, "MR203")
	wantDetail(t, ds, "sync-replication between ap-southeast-2 and us-east-1", "budget of its writers is 50ms")
}
