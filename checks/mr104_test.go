package checks

import (
	"path/filepath"
	"testing"
)

func TestMR104(t *testing.T) {
	ds := findings(t, "MR104")
	wantDetail(t, ds, "service.checkout depends on dependency.tax", "manifest no longer lists it")
	if r := ds[0].Range; r == nil || filepath.Base(r.Filename) != "main.mr.hcl" {
		t.Errorf("MR104 should point at the module's depends_on, got %v", r)
	}
}
