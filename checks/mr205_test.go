package checks

import "testing"

func TestMR205(t *testing.T) {
	ds := findings(t, "MR205")
	wantDetail(t, ds, "data.sessions is regenerable", "async-replication")
}
