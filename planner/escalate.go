package planner

import (
	"strings"

	"github.com/mrplan/mrplan/lang"
)

// escalateForRTO is a deliberate reading of SPEC §5.4. Its standby and
// failover rules are starting points: taken literally, a tier 1 service
// with an rto between 15m and about 1h32m could never meet it (manual
// failover adds the decision time, a cold standby its provisioning). A plan
// that misses its own objective when a warmer choice would meet it is not
// defensible, so where the starting point's estimated RTO is over the
// objective and the module does not constrain the choice, the planner
// escalates, one step at a time and only as far as needed:
//
//  1. a cold standby becomes warm (no provisioning);
//  2. manual failover becomes automatic (no decision time), which then
//     needs split-brain guards like any automatic failover (decideGuards).
//
// An explicit failover = "manual" is never overridden, and neither is an
// explicit topology (a single-region or active-active service has no
// standby to warm); MR202 then reports the miss. Escalation is kept only
// when the escalated design meets the objective: when even a warm standby
// with automatic failover would miss it, the starting point stays and a
// reason says so, so that MR202 names the real gap (restore, promotion, dns
// ttl) rather than a costlier design that still fails.
func (p *planner) escalateForRTO(s *Service) {
	if !s.Objective.HasRTO || len(s.Regions) < 2 || p.zoneRecovery(s) {
		return
	}
	want := s.Objective.RTO
	start := p.regionRTO(s)
	if !start.Worse(want) {
		return
	}
	standby, failover := s.Standby, s.Failover
	var reasons []Reason
	cur := start
	if cur.Worse(want) && s.Topology == lang.TopologyActivePassive && s.Standby == StandbyCold {
		s.Standby = StandbyWarm
		reasons = append(reasons, because(DecideStandby, StandbyEscalated, StandbyCold.String(), dur(cur.Total), dur(want)))
		cur = p.regionRTO(s)
	}
	if cur.Worse(want) && s.Block.Failover == lang.FailoverAuto && s.Failover == lang.FailoverManual && cur.Decision > 0 {
		s.Failover = lang.FailoverAutomatic
		reasons = append(reasons, because(DecideFailover, FailoverEscalated, lang.FailoverManual.String(), dur(cur.Total), dur(want)))
		cur = p.regionRTO(s)
	}
	if len(reasons) == 0 {
		return
	}
	if cur.Worse(want) {
		var design []string
		if s.Standby != standby {
			design = append(design, "a "+s.Standby.String()+" standby")
		}
		if s.Failover != failover {
			design = append(design, s.Failover.String()+" failover")
		}
		s.Standby, s.Failover = standby, failover
		s.add(because(DecideRTO, RTONotEscalated, strings.Join(design, " with "), dur(cur.Total), dur(want)))
		return
	}
	for _, r := range reasons {
		s.dropReasons(r.Decision)
	}
	s.Reasons = append(s.Reasons, reasons...)
}

// dropReasons removes the reasons filed under d, when a later step
// replaces that decision.
func (s *Service) dropReasons(d Decision) {
	kept := s.Reasons[:0]
	for _, r := range s.Reasons {
		if r.Decision != d {
			kept = append(kept, r)
		}
	}
	s.Reasons = kept
}
