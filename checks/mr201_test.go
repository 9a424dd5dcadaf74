package checks

import "testing"

func TestMR201(t *testing.T) {
	ds := findings(t, "MR201")
	wantDetail(t, ds, "at most 0s of data (objective.zero-loss)", "can lose 1s", "data.entries (aws.dynamodb)")
}
