package planner

import (
	"strings"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// estimateRPO: the worst achieved RPO over the data the service writes;
// regenerable data does not count (SPEC §5.5).
//
// Like the RTO, the RPO is judged within the objective's survive scope: an
// objective that survives zones only, in a primary region with several,
// is met by what a zone loss loses (Data.ZoneRPO).
func (p *planner) estimateRPO(s *Service) {
	zone := p.zoneRecovery(s)
	rpo := func(d *Data) time.Duration {
		if zone {
			return d.ZoneRPO
		}
		return d.RPO
	}
	var worst *Data
	for _, d := range p.writtenData(s) {
		if worst == nil || rpo(d) > rpo(worst) {
			worst = d
		}
	}
	if worst == nil {
		s.add(because(DecideRPO, RPONoData))
		return
	}
	s.RPO = rpo(worst)
	a := worst.Addr
	s.RPOFrom = &a
	code := RPOWorstData
	if zone {
		code = RPOWorstDataZone
	}
	s.add(because(DecideRPO, code, worst.Addr.String(), dur(s.RPO)))
}

// estimateRTO: detection + promotion or switch + DNS ttl, plus the decision
// time of a manual failover, the provisioning of a cold standby and the
// restore of data that only backups carry across (SPEC §5.5). RegionRTO is
// that failover to another region; RTO is the recovery from the largest
// failure the objective must survive, which for survive = "zone" in a region
// with several zones is a failover between zones behind the same endpoints.
func (p *planner) estimateRTO(s *Service) {
	s.RegionRTO = p.regionRTO(s)
	if p.zoneRecovery(s) {
		r := p.zoneRTO(s)
		s.RTO = r
		s.add(because(DecideRTO, RTOZone, rtoTerms(&r)...))
		p.explainNoPromotion(s)
		p.explainPromotion(s, r)
		return
	}
	s.RTO = s.RegionRTO
	if s.RTO.Unbounded {
		if z := p.zones(s.Primary); z >= 2 {
			// A region loss is unbounded, but the loss of one of its zones
			// is a zone-level recovery behind the same endpoints: say how
			// long that takes, so the reason is not read as "any outage".
			r := p.zoneRTO(s)
			s.add(because(DecideRTO, RTOUnboundedZones, s.Primary, itoa(z), dur(r.Total)))
			return
		}
		s.add(because(DecideRTO, RTOUnbounded, s.Primary))
		return
	}
	s.add(because(DecideRTO, RTOSum, rtoTerms(&s.RTO)...))
	p.explainNoPromotion(s)
	p.explainPromotion(s, s.RTO)
}

// explainPromotion says who triggers the failover whose time set the
// promotion term, when the catalog says more than a figure: a lease moves
// by itself, a service-managed failover waits its grace period first, and a
// customer-triggered one would wait that grace if left to the vendor.
func (p *planner) explainPromotion(s *Service, r RTO) {
	if r.PromotionFrom == "" {
		return
	}
	for _, d := range p.writtenData(s) {
		c := d.Block.Catalog
		if c == nil || c.Ref() != r.PromotionFrom {
			continue
		}
		switch {
		case c.FailoverBy == providers.TriggerLease:
			s.add(because(DecideRTO, RTOPromotionLease, c.Ref(), dur(c.Failover)))
		case c.FailoverBy == providers.TriggerService && c.FailoverGrace > 0:
			s.add(because(DecideRTO, RTOPromotionGrace, c.Ref(), dur(c.FailoverGrace), dur(c.Failover)))
		case c.FailoverBy == providers.TriggerCustomer && c.FailoverGrace > 0:
			s.add(because(DecideRTO, RTOPromotionByYou, c.Ref(), dur(c.Failover), dur(c.FailoverGrace)))
		}
		return
	}
}

// zoneRecovery reports whether the service's RTO is a zone-level recovery:
// its objective survives zones only and its primary region has several.
func (p *planner) zoneRecovery(s *Service) bool {
	return s.Objective.Survive == lang.DomainZone && p.zones(s.Primary) >= 2
}

// regionRTO estimates a failover to another region with the service's
// current decisions; it has no side effects, so the escalation of
// escalateForRTO can try a warmer design and compare.
func (p *planner) regionRTO(s *Service) RTO {
	var rt RTO
	r := &rt
	if len(s.Regions) < 2 {
		r.Unbounded = true
		return rt
	}
	r.Detection = p.a.DetectionTime
	if s.HasPrimary() {
		r.Promotion, r.PromotionFrom = p.promotion(s)
	}
	r.DNSTTL = s.Block.Routing.DNSTTL
	// People decide to promote a store or wake a standby; health-checked
	// routing between active regions that all take writes needs no one.
	moves := s.Topology != lang.TopologyActiveActive || r.Promotion > 0 || s.HasPrimary()
	if s.Failover == lang.FailoverManual && moves {
		r.Decision = p.a.ManualDecisionTime
	}
	if s.Standby == StandbyCold {
		r.Provision = p.a.ColdStandbyProvision
	}
	for _, d := range p.writtenData(s) {
		if d.Replication != ReplicationNone || d.Block.Size == nil || p.a.RestoreThroughput <= 0 {
			continue
		}
		hours := float64(*d.Block.Size) / float64(p.a.RestoreThroughput)
		r.Restore += time.Duration(hours * float64(time.Hour)).Round(time.Second)
	}
	r.Total = r.Detection + r.Promotion + r.DNSTTL + r.Decision + r.Provision + r.Restore
	return rt
}

// promotion is the slowest failover among the stores of the data the
// service writes, or the default promotion time when a store has none.
// Partitioned writes to a store that takes writes in every region promote
// nothing: each lost partition's home moves to a surviving region, which
// already accepts writes, so that data adds no promotion time.
func (p *planner) promotion(s *Service) (time.Duration, string) {
	var worst time.Duration
	from := ""
	for _, d := range p.writtenData(s) {
		leased := d.Block.Catalog != nil && d.Block.Catalog.FailoverBy == providers.TriggerLease
		if p.partitionMoves(s, d) || d.InFlight || d.DualPublish || s.ModeFor(d.Addr) == WriteMultiPrimary && !leased {
			// Nothing to promote: a queue's producers publish to the
			// surviving region's queue, and multi-primary writes go
			// everywhere already. A consensus store still waits for the
			// leases its lost region held to expire, whoever writes.
			continue
		}
		t, ref := p.a.DefaultPromotionTime, ""
		if c := d.Block.Catalog; c != nil && c.Promotion() > 0 {
			t, ref = c.Promotion(), c.Ref()
		}
		if t > worst || from == "" && t == worst {
			worst, from = t, ref
		}
	}
	return worst, from
}

// zoneRTO is the recovery from the loss of one zone of the primary
// region: detection, then the promotion of the stores' replicas in another
// zone, behind the same endpoints (no DNS change).
func (p *planner) zoneRTO(s *Service) RTO {
	r := RTO{Detection: p.a.DetectionTime}
	if s.WriteMode != WriteNone {
		r.Promotion, r.PromotionFrom = p.promotion(s)
	}
	r.Total = r.Detection + r.Promotion
	return r
}

// partitionMoves reports whether a failover moves the homes of d's lost
// partitions instead of promoting a store: s writes d partitioned, and d's
// store takes writes in every region.
func (p *planner) partitionMoves(s *Service, d *Data) bool {
	return s.ModeFor(d.Addr) == WritePartitioned && d.Block.Catalog != nil && d.Block.Catalog.MultiWriter
}

// explainNoPromotion says why the data a service writes partitioned to a
// multi-writer store adds no promotion time, which the sum of terms alone
// leaves a reviewer to guess.
func (p *planner) explainNoPromotion(s *Service) {
	var names []string
	for _, d := range p.writtenData(s) {
		if p.partitionMoves(s, d) {
			names = append(names, d.Addr.String()+" ("+d.Block.Catalog.Ref()+")")
		}
	}
	if len(names) > 0 {
		s.add(because(DecideRTO, RTOPartitionsMove, strings.Join(names, ", ")))
	}
}

func (p *planner) zones(region string) int {
	if g := p.geo(region); g != nil {
		return g.Zones
	}
	return 0
}

// rtoTerms lists the non-zero terms of an RTO as name, value pairs; the
// first pair is always detection.
func rtoTerms(r *RTO) []string {
	terms := []string{"detection", dur(r.Detection)}
	add := func(name string, d time.Duration) {
		if d > 0 {
			terms = append(terms, name, dur(d))
		}
	}
	promo := "promotion (default)"
	if r.PromotionFrom != "" {
		promo = "promotion (" + r.PromotionFrom + ")"
	}
	add(promo, r.Promotion)
	add("dns ttl", r.DNSTTL)
	add("decision", r.Decision)
	add("provisioning", r.Provision)
	add("restore", r.Restore)
	return terms
}
