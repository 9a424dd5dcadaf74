package checks

import "testing"

func TestMR202(t *testing.T) {
	ds := findings(t, "MR202")
	wantDetail(t, ds, "at most 15m (objective.orders)", "takes 30m40s", "manual decision 30m")
	wantDetail(t, ds, "service.reports", "runs in us-east-1 only")
}
