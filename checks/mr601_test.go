package checks

import (
	"path/filepath"
	"testing"
)

func TestMR601(t *testing.T) {
	ds := findings(t, "MR601")
	wantDetail(t, ds, "data.customers may be kept only in EU", "a replica in us-east-1 (US, a failover target)", "service.accounts runs in us-east-1")
	var china []string
	for _, d := range check(t, filepath.Join("testdata", "MR601", "bad-china")) {
		if d.Rule == "MR601" {
			china = append(china, d.Detail)
		}
	}
	if len(china) != 1 {
		t.Fatalf("bad-china: %d MR601 findings, want 1: %q", len(china), china)
	}
}
