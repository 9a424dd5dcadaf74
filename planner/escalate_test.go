package planner_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/units"
)

// For every tier 1 or 2 service with no explicit topology or failover and
// more than one region, the achieved RTO meets the objective whenever a
// warm (or hot) standby with automatic failover would: the planner never
// keeps a colder or manual design that misses its own objective. A warmer
// standby and automatic failover remove exactly the provisioning and
// decision terms, so that design's RTO is Total - Provision - Decision.
func TestEscalationMeetsRTOWhenPossible(t *testing.T) {
	dirs := append(modules(t), sweepModule(t))
	n := 0
	for _, dir := range dirs {
		p := planner.PlanModule(load(t, dir))
		for _, s := range p.Services {
			b := s.Block
			if s.Tier == 0 || !s.Objective.HasRTO || len(s.Regions) < 2 ||
				b.Topology != lang.TopologyAuto || b.Failover != lang.FailoverAuto {
				continue
			}
			n++
			best := s.RTO.Total - s.RTO.Provision - s.RTO.Decision
			if best <= s.Objective.RTO && s.RTO.Worse(s.Objective.RTO) {
				t.Errorf("%s: %s achieves rto %s (standby %s, failover %s) over its objective %s, but a warm standby with automatic failover would take %s",
					dir, s.Addr, units.FormatDuration(s.RTO.Total), s.Standby, s.Failover,
					units.FormatDuration(s.Objective.RTO), units.FormatDuration(best))
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d services checked", n)
	}
}

// sweepModule writes a module of tier 1 and 2 services over a range of rto
// values, with and without written data, in two and three regions.
func sweepModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	prov, err := os.ReadFile(sharedProvider)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("data \"rows\" {\n  owner = service.s0\n  product = \"t.asyncdb\"\n}\n")
	b.WriteString("data \"big\" {\n  owner = service.s0\n  product = \"t.asyncdb\"\n  loss_tolerance = \"1d\"\n  size = \"200GiB\"\n}\n")
	i := 0
	for rto := time.Minute; rto <= 3*time.Hour; rto += 7 * time.Minute {
		for _, tier := range []string{`criticality = "important"`, `tier = 2`} {
			for _, writes := range []string{"", "writes = [data.rows]", "writes = [data.big]"} {
				for _, regions := range []string{"[region.a, region.b]", "[region.a, region.b, region.c]"} {
					for _, ttl := range []string{"", "routing {\n    dns_ttl = \"10m\"\n  }"} {
						fmt.Fprintf(&b, "service \"s%d\" {\n  %s\n  rto = %q\n  regions = %s\n  %s\n  %s\n}\n",
							i, tier, units.FormatDuration(rto), regions, writes, ttl)
						i++
					}
				}
			}
		}
	}
	for name, text := range map[string]string{"provider.mr.hcl": string(prov), "main.mr.hcl": b.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The escalation says what it replaced and why, and replaces the reasons of
// the starting point rather than adding to them.
func TestEscalationReasons(t *testing.T) {
	p := planner.PlanModule(load(t, filepath.Join("testdata", "decisions", "escalation")))
	codes := func(name string, d planner.Decision) []planner.Reason {
		var out []planner.Reason
		for _, r := range p.Service(name).Reasons {
			if r.Decision == d {
				out = append(out, r)
			}
		}
		return out
	}
	for _, c := range []struct {
		service  string
		decision planner.Decision
		want     planner.Reason
	}{
		{"rto-1h", planner.DecideStandby, planner.Reason{Decision: planner.DecideStandby, Code: planner.StandbyEscalated, Args: []string{"cold", "1h32m30s", "1h"}}},
		{"rto-20m", planner.DecideFailover, planner.Reason{Decision: planner.DecideFailover, Code: planner.FailoverEscalated, Args: []string{"manual", "32m30s", "20m"}}},
		{"rto-31m", planner.DecideStandby, planner.Reason{Decision: planner.DecideStandby, Code: planner.StandbyEscalated, Args: []string{"cold", "1h32m30s", "31m"}}},
		{"rto-31m", planner.DecideFailover, planner.Reason{Decision: planner.DecideFailover, Code: planner.FailoverEscalated, Args: []string{"manual", "32m30s", "31m"}}},
	} {
		got := codes(c.service, c.decision)
		if len(got) != 1 || fmt.Sprint(got[0]) != fmt.Sprint(c.want) {
			t.Errorf("service.%s %s reasons = %v, want only %v", c.service, c.decision, got, c.want)
		}
	}
	got := codes("ttl-bound", planner.DecideRTO)
	if len(got) == 0 || got[0].Code != planner.RTONotEscalated || fmt.Sprint(got[0].Args) != "[automatic failover 26m30s 20m]" {
		t.Errorf("service.ttl-bound rto reasons = %v, want RTONotEscalated first", got)
	}
}
