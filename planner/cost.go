package planner

import (
	"math"
	"strconv"
	"strings"

	"github.com/mrplan/mrplan/providers"
)

// Cost is a service's infrastructure cost relative to the same service in
// one region with no standby (SPEC §10), and the terms it adds up from.
type Cost struct {
	Relative float64 // rounded to a tenth
	// Exact is the unrounded sum, which totals are weighted from.
	Exact   float64
	Reasons []Reason // Decision DecideCost, one per term, in the order added
}

// secondsPerMonth is 30 days: what monthly prices count.
const secondsPerMonth = 30 * 24 * 3600

// decideCost adds up a service's relative cost: its active regions, its
// standbys by warmth, and for each data class it owns the copies kept
// where it does not run, the writes sent to other regions, and the premium
// a synchronous product charges. Every factor is an assumption (5.6).
func (p *planner) decideCost(s *Service) {
	a := p.a
	c := &s.Cost
	defer func() { c.Relative = math.Round(c.Exact*10) / 10 }()
	term := func(v float64, code ReasonCode, args ...string) {
		if v == 0 {
			return
		}
		c.Exact += v
		c.Reasons = append(c.Reasons, because(DecideCost, code, append(args, costNum(v))...))
	}
	n := max(1, len(s.Active))
	term(float64(n)*a.CostActiveRegion, CostActive, count(n, "active region", "active regions"), num(a.CostActiveRegion))
	if k := len(s.Standbys); k > 0 {
		f := a.CostColdStandby
		switch s.Standby {
		case StandbyHot:
			f = a.CostHotStandby
		case StandbyWarm:
			f = a.CostWarmStandby
		}
		term(float64(k)*f, CostStandby, count(k, s.Standby.String()+" standby region", s.Standby.String()+" standby regions"), s.Standby.String(), num(f))
	}
	if s.writes == nil {
		return
	}
	for _, d := range *s.writes {
		// Regenerated data is rebuilt where it is used, not sent there.
		if d.owner != s || d.Class == ClassRegenerable {
			continue
		}
		home := p.homeRegion(d)
		var away, remote int
		syncRegions := 0
		for _, cp := range d.Copies {
			if cp.Region == home || cp.Kind == CopyBackup {
				continue
			}
			remote++ // each receives the writes
			if cp.Kind == CopyQueue {
				continue
			}
			if !containsStr(s.Regions, cp.Region) {
				away++
			}
			if cp.Kind == CopyReplica && (d.Replication == ReplicationSync || d.Replication == ReplicationSemiSync) {
				syncRegions++
			}
		}
		term(float64(away)*a.CostReplica, CostReplicas, d.Addr.String(), count(away, "copy", "copies"), num(a.CostReplica))
		if d.Block.WriteRate != nil && remote > 0 && a.CostRegionMonth > 0 {
			gb := *d.Block.WriteRate * float64(a.CostWriteSize) * secondsPerMonth * float64(remote) / 1e9
			term(gb*a.CostTransferPerGB/a.CostRegionMonth, CostTransfer, d.Addr.String(), num(math.Round(gb)), count(remote, "other region", "other regions"), num(a.CostTransferPerGB))
		}
		if d.Block.Catalog != nil && syncRegions > 0 {
			if f, ok := providers.Cost(d.Block.Catalog.Ref()); ok && f.SyncPremium > 0 {
				term(float64(syncRegions)*f.SyncPremium, CostSyncPremium, d.Addr.String(), d.Block.Catalog.Ref(), count(syncRegions, "synchronous region", "synchronous regions"), num(f.SyncPremium), f.Source)
			}
		}
	}
}

// count is "1 copy" or "3 copies".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// costNum prints a cost term to two decimals, trailing zeros dropped
// (1, 0.5, 0.03), or two significant digits below 0.01 (0.00027).
func costNum(f float64) string {
	if f > 0 && f < 0.01 {
		// Small, but not nothing: two significant digits, no exponent.
		prec := int(-math.Floor(math.Log10(f))) + 1
		s := strconv.FormatFloat(f, 'f', prec, 64)
		s = strings.TrimRight(s, "0")
		return strings.TrimSuffix(s, ".")
	}
	return num(math.Round(f*100) / 100)
}

// TotalCost is the plan's relative cost over all services, weighted by
// traffic: a service without traffic.rps weighs as much as the average of
// those with one (or all weigh alike when none has). 0 when there are no
// services.
func (p *Plan) TotalCost() float64 {
	var sum, n float64
	for _, s := range p.Services {
		if t := s.Block.Traffic; t != nil && t.RPS > 0 {
			sum += t.RPS
			n++
		}
	}
	avg := 1.0
	if n > 0 {
		avg = sum / n
	}
	var num, den float64
	for _, s := range p.Services {
		w := avg
		if t := s.Block.Traffic; t != nil && t.RPS > 0 {
			w = t.RPS
		}
		num += w * s.Cost.Exact
		den += w
	}
	if den == 0 {
		return 0
	}
	return math.Round(num/den*10) / 10
}
