package planner_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrplan/mrplan/internal/views"
	"github.com/mrplan/mrplan/planner"
)

// reasonsOf renders the reasons filed under one decision of an entry.
func reasonsOf(rs []planner.Reason, d planner.Decision) []string {
	var out []string
	for _, r := range rs {
		if r.Decision == d {
			out = append(out, views.ExplainReason(r))
		}
	}
	return out
}

// Semi-sync replication's RPO of zero holds only while a replica
// acknowledges in time; its reason must say so rather than claim zero loss
// unconditionally.
func TestSemiSyncRPOReasonNamesTheFallback(t *testing.T) {
	p := planner.PlanModule(load(t, filepath.Join("testdata", "decisions", "mechanisms")))
	d := p.DataClass("semi-near")
	if d == nil {
		t.Fatal("no data.semi-near")
	}
	got := strings.Join(reasonsOf(d.Reasons, planner.DecideRPO), " | ")
	want := "semi-sync-replication on t.semidb loses nothing acknowledged while a replica acknowledges in time; " +
		"past the source's timeout"
	if !strings.Contains(got, want) || !strings.Contains(got, "falls back to asynchronous replication") {
		t.Errorf("data.semi-near rpo reasons = %q, want the fallback named", got)
	}
}

// The escalation's reasons read as the brief of the decision they replace.
func TestEscalationReasonWords(t *testing.T) {
	p := planner.PlanModule(load(t, filepath.Join("testdata", "decisions", "escalation")))
	for _, c := range []struct {
		service string
		d       planner.Decision
		want    string
	}{
		{"explicit-ap", planner.DecideStandby, "a cold one would take 1h32m30s, over the rto of 45m"},
		{"rto-20m", planner.DecideFailover, "a manual one would take 32m30s, over the rto of 20m"},
		{"ttl-bound", planner.DecideRTO, "not escalated: even automatic failover would take 26m30s, over the rto of 20m"},
	} {
		got := reasonsOf(p.Service(c.service).Reasons, c.d)
		if !strings.Contains(strings.Join(got, " | "), c.want) {
			t.Errorf("service.%s %s reasons = %q, want %q", c.service, c.d, got, c.want)
		}
	}
}

// A single-region service's unbounded RTO says, when its region has several
// zones, that a zone loss is a zone-level recovery and how long it takes;
// in a one-zone region there is no such recovery to name.
func TestSingleRegionRTOReasonNamesZoneRecovery(t *testing.T) {
	p := planner.PlanModule(load(t, filepath.Join("testdata", "decisions", "topology")))
	got := reasonsOf(p.Service("tier2-one").Reasons, planner.DecideRTO)
	want := "one region (a) and no standby: a region loss lasts as long as the outage; losing one of its 3 zones is a zone-level recovery of 30s"
	if len(got) != 1 || got[0] != want {
		t.Errorf("service.tier2-one rto reasons = %q, want %q", got, want)
	}
	p = planner.PlanModule(load(t, filepath.Join("testdata", "decisions", "scenarios")))
	got = reasonsOf(p.Service("batch").Reasons, planner.DecideRTO)
	want = "one region (a2) and no standby: a region loss lasts as long as the outage"
	if len(got) != 1 || got[0] != want {
		t.Errorf("service.batch rto reasons = %q, want %q", got, want)
	}
}
