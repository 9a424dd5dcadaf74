package checks

import "testing"

func TestMR502(t *testing.T) {
	ds := findings(t, "MR502")
	wantDetail(t, ds, "data.orders is replicated across us-east-1 and us-west-2", "service.orders has no replication_lag_alert")
}
