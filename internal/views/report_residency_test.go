package views

import (
	"strings"
	"testing"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// The residency table has a column per country of the module, and marks
// the copy a mainland-China data class keeps in Hong Kong as outside.
func TestReportResidency(t *testing.T) {
	m, diags := lang.LoadDir("../../checks/testdata/MR601/bad-china")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	r := &report{}
	r.buildResidency(planner.PlanModule(m))
	rs := r.Residency
	if got := strings.Join(rs.Countries, ","); got != "CN,HK,SG" {
		t.Fatalf("columns %s, want CN,HK,SG", got)
	}
	if rs.Outside != 1 {
		t.Errorf("%d copies outside, want 1", rs.Outside)
	}
	var row *residencyRow
	for i := range rs.Rows {
		if rs.Rows[i].Name == "cn-players" {
			row = &rs.Rows[i]
		}
	}
	if row == nil || row.Residency != "CN" {
		t.Fatalf("no cn-players row with residency CN: %+v", rs.Rows)
	}
	kinds := []string{row.Cells[0].Kind, row.Cells[1].Kind, row.Cells[2].Kind}
	if strings.Join(kinds, ",") != "ok,outside,none" {
		t.Errorf("cells %v, want ok,outside,none", kinds)
	}
	if len(row.RemoteReads) != 1 || !strings.Contains(row.RemoteReads[0], "leaderboard in ap-southeast-1 reads from cn-shanghai") {
		t.Errorf("remote reads %q", row.RemoteReads)
	}
}
