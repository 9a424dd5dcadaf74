package checks

import "testing"

func TestMR301(t *testing.T) {
	ds := findings(t, "MR301")
	wantDetail(t, ds, "service.ledger fails over automatically between us-east-1 and us-west-2", "no quorum")
}
