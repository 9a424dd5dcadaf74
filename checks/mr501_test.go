package checks

import "testing"

func TestMR501(t *testing.T) {
	ds := findings(t, "MR501")
	wantDetail(t, ds, "service.payments", "no failover_drill is recorded")
	wantDetail(t, ds, "service.orders last drilled its failover on 2026-03-02, 265 days ago", "older than 90 days")
}
