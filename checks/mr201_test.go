package checks

import (
	"testing"

	"github.com/mrplan/mrplan/diag"
)

func TestMR201(t *testing.T) {
	ds := findings(t, "MR201")
	wantDetail(t, ds, "at most 0s of data (objective.zero-loss)", "can lose 1s", "data.entries (aws.dynamodb)")
}

// TestMR201Bound: an estimate on a product's typical lag says the
// documented bound beside it.
func TestMR201Bound(t *testing.T) {
	var ds []diag.Diagnostic
	for _, d := range check(t, "testdata/MR201/bad-bound") {
		if d.Rule == "MR201" {
			ds = append(ds, d)
		}
	}
	wantDetail(t, ds, "can lose 1s (typically; up to 15m, the documented bound)", "azure.cosmos-db-multi-write")
}
