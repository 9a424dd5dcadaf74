package checks

import (
	"strings"
	"testing"
)

func TestMR301(t *testing.T) {
	ds := findings(t, "MR301")
	wantDetail(t, ds, "service.ledger fails over automatically between us-east-1 and us-west-2", "no quorum")
}

// A class the provider fences does not excuse a sibling the module fails
// over itself; the finding names only the one that needs the quorum.
func TestMR301FencedSibling(t *testing.T) {
	var got []string
	for _, d := range check(t, "testdata/MR301/bad-fenced-sibling") {
		if d.Rule == "MR301" {
			got = append(got, d.Detail)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "with single-primary writes to data.payments, but has no quorum") || strings.Contains(got[0], "data.carts") {
		t.Errorf("MR301 = %q, want one finding naming data.payments only", got)
	}
}
