package checks

import (
	"testing"

	"github.com/mrplan/mrplan/diag"
)

func TestMR206(t *testing.T) {
	wantDetail(t, findings(t, "MR206"), "data.balances may lose nothing", "typical lag of 1s")
	var queue []diag.Diagnostic
	for _, d := range check(t, "testdata/MR206/bad-queue") {
		if d.Rule == "MR206" {
			queue = append(queue, d)
		}
	}
	wantDetail(t, queue, "data.payouts may lose 1m", "about 5m", "keeps no backups")
}
