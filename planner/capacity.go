package planner

import (
	"math"
	"slices"
	"strconv"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// RegionLoad is the traffic one region of a service carries, against what
// it can carry, in requests per second.
type RegionLoad struct {
	Region   string
	Load     float64
	Capacity float64
}

// Short reports whether the region is asked for more than it can carry.
func (l RegionLoad) Short() bool { return l.Load > l.Capacity+1e-9 }

// CapacityUse is one service's traffic on the regions that serve it in a
// failure scenario (SPEC §10's capacity list).
type CapacityUse struct {
	Service lang.Address
	// Needed is the service's traffic.rps; Available is what its serving
	// regions can carry together, a lost zone's share taken off.
	Needed, Available float64
	// Regions are the serving regions, each with the traffic routed to it:
	// audiences go to the nearest serving region, the rest is spread evenly.
	Regions []RegionLoad
}

// Headroom is what is left once the traffic is carried: negative when short.
func (c CapacityUse) Headroom() float64 { return c.Available - c.Needed }

// Short reports whether the serving regions cannot carry the traffic, in
// total or in any one region (routing sends users to the nearest region,
// not to the one with room).
func (c CapacityUse) Short() bool {
	if c.Needed > c.Available+1e-9 {
		return true
	}
	for _, r := range c.Regions {
		if r.Short() {
			return true
		}
	}
	return false
}

// capacityOf is what region can carry of s: the service's own figure, else
// the region's; ok is false when neither gives one.
func (p *planner) capacityOf(s *Service, region string) (float64, bool) {
	for _, c := range s.Block.Capacity {
		if c.Region == region {
			return c.RPS, true
		}
	}
	if r := p.m.Region(region); r != nil && r.Capacity != nil {
		return *r.Capacity, true
	}
	return 0, false
}

// hasCapacity reports whether the module says what s can carry anywhere,
// and s has traffic to carry.
func (p *planner) hasCapacity(s *Service) bool {
	if s.Block.Traffic == nil || s.Block.Traffic.RPS <= 0 {
		return false
	}
	for _, r := range s.Regions {
		if _, ok := p.capacityOf(s, r); ok {
			return true
		}
	}
	return false
}

// capacityUse spreads s's traffic over serving (the regions that take
// users), with each region's capacity scaled by keep (1 unless a zone of it
// is lost). ok is false when a serving region has no capacity figure: the
// plan then claims nothing.
func (p *planner) capacityUse(s *Service, serving []string, keep map[string]float64) (CapacityUse, bool) {
	use := CapacityUse{Service: s.Addr, Needed: s.Block.Traffic.RPS}
	if len(serving) == 0 {
		return use, false
	}
	loads := p.spread(s.Block.Traffic.RPS, serving)
	for i, r := range serving {
		c, ok := p.capacityOf(s, r)
		if !ok {
			return use, false
		}
		if k, lost := keep[r]; lost {
			c *= k
		}
		use.Available += c
		use.Regions = append(use.Regions, RegionLoad{Region: r, Load: loads[i], Capacity: c})
	}
	return use, true
}

// spread divides rps over regions: each audience's share goes to the
// nearest of them (its `near` region when that is one), the share no
// audience claims is spread evenly.
func (p *planner) spread(rps float64, regions []string) []float64 {
	out := make([]float64, len(regions))
	rest := 1.0
	for _, a := range p.m.Audiences {
		if a == nil || a.Share <= 0 {
			continue
		}
		i := p.nearestTo(a, regions)
		if i < 0 {
			continue
		}
		share := math.Min(a.Share, rest)
		out[i] += rps * share
		rest -= share
	}
	if rest > 1e-9 {
		for i := range out {
			out[i] += rps * rest / float64(len(regions))
		}
	}
	return out
}

// nearestTo is the index of the region of regions closest to the audience,
// -1 when nothing says where it or they are.
func (p *planner) nearestTo(a *lang.Audience, regions []string) int {
	var lat, lon float64
	switch {
	case a.Near != nil:
		if i := slices.Index(regions, a.Near.Addr.Name); i >= 0 {
			return i
		}
		g := p.geo(a.Near.Addr.Name)
		if g == nil {
			return -1
		}
		lat, lon = g.Lat, g.Lon
	case a.Lat != nil && a.Lon != nil:
		lat, lon = *a.Lat, *a.Lon
	default:
		return -1
	}
	best, bestKm := -1, 0.0
	for i, r := range regions {
		g := p.geo(r)
		if g == nil {
			continue
		}
		if km := providers.DistanceKm(lat, lon, g.Lat, g.Lon); best < 0 || km < bestKm {
			best, bestKm = i, km
		}
	}
	return best
}

// servingRegions are the regions that take users once o has played out:
// all of them for an active-active service, the new primary alone for an
// active-passive one.
func servingRegions(s *Service, o ServiceOutcome) []string {
	if o.Outcome == OutcomeDown || len(o.Regions) == 0 {
		return nil
	}
	if s.Topology == lang.TopologyActiveActive {
		return o.Regions
	}
	return o.Regions[:1]
}

// decideCapacity sets each service's load before any failure, and each
// scenario's capacity list: the services with a capacity figure that lose
// a serving region, or a zone of one.
func (p *planner) decideCapacity() {
	var with []*Service
	for _, s := range p.out.Services {
		if !p.hasCapacity(s) {
			continue
		}
		with = append(with, s)
		for _, r := range s.Regions {
			if _, ok := p.capacityOf(s, r); !ok {
				s.CapacityMissing = append(s.CapacityMissing, r)
			}
		}
		o := ServiceOutcome{Service: s.Addr, Outcome: OutcomeServing, Regions: s.Active}
		if use, ok := p.capacityUse(s, servingRegions(s, o), nil); ok {
			s.Capacity = &use
		}
	}
	if len(with) == 0 {
		return
	}
	for _, sc := range p.out.Scenarios {
		for _, s := range with {
			keep := map[string]float64{}
			touched := false
			for _, r := range s.Active {
				if slices.Contains(sc.Lost, r) {
					touched = true
				}
			}
			if sc.Domain == lang.DomainZone && len(sc.Lost) == 0 && slices.Contains(s.Active, sc.Region) {
				if g := p.geo(sc.Region); g != nil && g.Zones > 1 {
					keep[sc.Region] = float64(g.Zones-1) / float64(g.Zones)
					touched = true
				}
			}
			if !touched {
				continue
			}
			if use, ok := p.capacityUse(s, servingRegions(s, sc.OutcomeOf(s)), keep); ok {
				sc.Capacity = append(sc.Capacity, use)
			}
		}
	}
}

// RPS prints requests per second as messages do: whole numbers, "1200".
func RPS(f float64) string { return strconv.FormatFloat(math.Round(f), 'f', -1, 64) }
