package ops

import (
	"strings"
	"testing"
	"time"
)

func TestDrillSchedule(t *testing.T) {
	p := planDir(t, "testdata/chain5")
	rb := BuildRunbook(p)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

	drills := BuildDrills(p, rb, day("2026-11-22"))
	if len(drills) != 5 {
		t.Fatalf("%d drills, want one per tier 1 service", len(drills))
	}
	last := drills[len(drills)-1]
	if last.Service.Addr.Name != "accounts" || last.Status != DrillDue || last.Due.Format(time.DateOnly) != "2026-12-30" {
		t.Errorf("accounts: %+v, want due on 2026-12-30 (2026-10-01 + 90 days), listed last", last)
	}
	for _, d := range drills[:4] {
		if d.Status != DrillNever || !d.Due.Equal(day("2026-11-22")) {
			t.Errorf("%s: %s due %s, want never drilled, due today", d.Service.Addr, d.Status, d.Due)
		}
		if d.Scenario != "region us-east-1 lost" {
			t.Errorf("%s: scenario %q, want its primary region's loss", d.Service.Addr, d.Scenario)
		}
	}
	for _, d := range BuildDrills(p, rb, day("2027-01-15")) {
		if d.Service.Addr.Name == "accounts" && (d.Status != DrillOverdue || !d.Due.Equal(day("2027-01-15"))) {
			t.Errorf("on 2027-01-15 accounts is %s, due %s; want overdue, due now", d.Status, d.Due)
		}
	}

	days := GameDays(rb, drills)
	if len(days) != 1 || days[0].Section.Name() != "region us-east-1 lost" || len(days[0].Services) != 5 {
		t.Fatalf("game days: %+v", days)
	}
	g := days[0]
	if len(g.Inject) < 2 || !strings.HasPrefix(g.Inject[1], "Isolate us-east-1") {
		t.Errorf("inject %q", g.Inject)
	}
	pass := strings.Join(g.Pass, "\n")
	for _, want := range []string{"service.accounts serves from eu-west-1 within 2m30s (the plan's RTO), and never later than its objective of 10m.", "loses at most 5s of writes"} {
		if !strings.Contains(pass, want) {
			t.Errorf("pass criteria lack %q:\n%s", want, pass)
		}
	}
	if !strings.Contains(strings.Join(g.Abort, "\n"), "after 10m without recovery") {
		t.Errorf("abort %q", g.Abort)
	}
}

// TestGameDayOfDependency: a drill of a dependency scenario blackholes the
// dependency, isolates no region, and passes when its callers degrade.
func TestGameDayOfDependency(t *testing.T) {
	rb := Index(planDir(t, "testdata/multicloud"))
	sec, ok := rb.Find("dependency tax-api")
	if !ok {
		t.Fatal("no dependency tax-api section")
	}
	g := BuildGameDay(rb, sec, nil)
	inject := strings.Join(g.Inject, "\n")
	if !strings.Contains(inject, "Blackhole dependency.tax-api") || strings.Contains(inject, "Isolate") {
		t.Errorf("inject:\n%s", inject)
	}
	if pass := strings.Join(g.Pass, "\n"); !strings.Contains(pass, "service.web keeps serving from us-east-1, us-central1 without dependency.tax-api") {
		t.Errorf("pass:\n%s", pass)
	}
	if g.Abort[1] != "To abort: remove the blackhole of dependency.tax-api." {
		t.Errorf("abort: %q", g.Abort[1])
	}
	aws, _ := rb.Find("provider aws")
	if inject := strings.Join(BuildGameDay(rb, aws, nil).Inject, "\n"); !strings.Contains(inject, "Isolate every region of aws (us-east-1, us-west-2)") {
		t.Errorf("provider inject:\n%s", inject)
	}
}
