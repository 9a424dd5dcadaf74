package checks

import "testing"

func TestMR103(t *testing.T) {
	ds := findings(t, "MR103")
	wantDetail(t, ds, "manifest of service.checkout", "dependency.fraud-api", "depends_on does not list")
	wantDetail(t, ds, "dependency.geo-ip", "the module has no dependency.geo-ip block")
	yaml := check(t, "testdata/MR103/bad-backstage")
	if len(yaml) != 1 || yaml[0].Rule != "MR103" || yaml[0].Range.Start.Line != 15 || yaml[0].Range.Start.Column != 7 {
		t.Errorf("Backstage manifest: want one MR103 at 15:7, got %v", yaml)
	}
}
