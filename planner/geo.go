package planner

import (
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/mrplan/mrplan/providers"
)

func (p *planner) geo(region string) *providers.Region {
	if r := p.m.Region(region); r != nil {
		return r.Geo
	}
	return nil
}

// pattern is the geographic shape of a set of regions (SPEC §5.4), as
// providers.PatternOf sees it, with the reason that names the cities or
// countries it rests on.
func (p *planner) pattern(regions []string) (providers.Pattern, Reason) {
	if len(regions) == 0 {
		return providers.PatternSingleRegion, because(DecidePattern, PatternOneRegion, "")
	}
	var unknown []string
	geos := make([]*providers.Region, 0, len(regions))
	cities := map[string]bool{}
	countries := map[string]bool{}
	for _, r := range regions {
		g := p.geo(r)
		if g == nil || g.Country == "" {
			unknown = append(unknown, r)
			continue
		}
		geos = append(geos, g)
		cities[g.City+"\x00"+g.Country] = true
		countries[g.Country] = true
	}
	if len(unknown) > 0 {
		if len(regions) == 1 {
			return providers.PatternSingleRegion, because(DecidePattern, PatternOneRegion, regions[0])
		}
		return providers.PatternCrossCountry, because(DecidePattern, PatternUnknownGeo, strings.Join(unknown, ", "))
	}
	pat := providers.PatternOf(geos)
	switch {
	case pat == providers.PatternSingleRegion:
		return pat, because(DecidePattern, PatternOneRegion, regions[0])
	case pat == providers.PatternSameCity && len(regions) == 1:
		return pat, because(DecidePattern, PatternZones, regions[0], itoa(geos[0].Zones), cityNames(cities))
	case pat == providers.PatternSameCity:
		return pat, because(DecidePattern, PatternSameCity, cityNames(cities))
	case pat == providers.PatternCrossCity:
		return pat, because(DecidePattern, PatternCrossCity, cityNames(cities), keys(countries))
	}
	return providers.PatternCrossCountry, because(DecidePattern, PatternCrossCountry, keys(countries))
}

func cityNames(m map[string]bool) string {
	var out []string
	for k := range m {
		city, _, _ := strings.Cut(k, "\x00")
		out = append(out, city)
	}
	sort.Strings(out)
	return joinAnd(out)
}

func keys(m map[string]bool) string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return joinAnd(out)
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// rtt estimates the round trip between two of the module's regions with
// providers.EstimateRTT (a published measurement when there is one, never
// below the light-in-fibre floor); ok is false when either region has no
// geography.
//
// Estimates are kept per pair of the module's regions: thousands of data
// classes ask about the same few dozen regions. The decisions about data
// run on several goroutines: each pair's entry is published whole, and two
// goroutines that both miss it compute the same estimate.
func (p *planner) rtt(a, b string) (providers.RTTEstimate, bool) {
	i, okA := p.regionIndex[a]
	j, okB := p.regionIndex[b]
	if !okA || !okB || p.rtts == nil {
		return p.estimateRTT(a, b)
	}
	c := &p.rtts[i*len(p.m.Regions)+j]
	e := c.Load()
	if e == nil {
		e = &rttEntry{}
		e.est, e.ok = p.estimateRTT(a, b)
		c.Store(e)
	}
	return e.est, e.ok
}

// prepareRTTs makes room to keep an estimate per pair of regions, before
// the decisions that ask for them start.
func (p *planner) prepareRTTs() {
	if n := len(p.m.Regions); p.rtts == nil && n > 0 {
		p.rtts = make([]atomic.Pointer[rttEntry], n*n)
	}
}

type rttEntry struct {
	ok  bool
	est providers.RTTEstimate
}

func (p *planner) estimateRTT(a, b string) (providers.RTTEstimate, bool) {
	ga, gb := p.geo(a), p.geo(b)
	if ga == nil || gb == nil {
		return providers.RTTEstimate{}, false
	}
	est := providers.EstimateRTT(ga, gb, p.a.Geo())
	est.RTT = est.RTT.Round(100 * time.Microsecond)
	est.Floor = est.Floor.Round(100 * time.Microsecond)
	return est, true
}

// farthest returns the pair of regions with the longest round trip, and
// the estimate; ok is false with fewer than two regions with geography.
func (p *planner) farthest(regions []string) (a, b string, est providers.RTTEstimate, ok bool) {
	for i := 0; i < len(regions); i++ {
		for j := i + 1; j < len(regions); j++ {
			e, okE := p.rtt(regions[i], regions[j])
			if okE && (!ok || e.RTT > est.RTT) {
				a, b, est, ok = regions[i], regions[j], e, true
			}
		}
	}
	return
}

// nearest returns the region of regions, other than from, with the
// shortest round trip from it.
func (p *planner) nearest(from string, regions []string) (b string, est providers.RTTEstimate, ok bool) {
	for _, r := range regions {
		if r == from {
			continue
		}
		e, okE := p.rtt(from, r)
		if okE && (!ok || e.RTT < est.RTT) {
			b, est, ok = r, e, true
		}
	}
	return
}

// quorumRTT is what a synchronous write to a consensus store waits for: a
// majority of the voters, the leader among them, so the round trip from
// the leader to the nearest voters that make the majority up, not to the
// farthest one. It returns the voter that completes the majority, the
// estimate, and the majority size; ok is false when fewer than two voters
// have geography.
func (p *planner) quorumRTT(leader string, voters []string) (b string, est providers.RTTEstimate, majority int, ok bool) {
	type hop struct {
		region string
		est    providers.RTTEstimate
	}
	var hops []hop
	for _, v := range voters {
		if v == leader {
			continue
		}
		if e, okE := p.rtt(leader, v); okE {
			hops = append(hops, hop{v, e})
		}
	}
	if len(hops) == 0 {
		return "", providers.RTTEstimate{}, 0, false
	}
	sort.SliceStable(hops, func(i, j int) bool { return hops[i].est.RTT < hops[j].est.RTT })
	n := len(hops) + 1
	majority = n/2 + 1
	h := hops[majority-2] // the leader is one vote; majority-1 others acknowledge
	return h.region, h.est, majority, true
}
