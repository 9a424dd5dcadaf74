package planner

import (
	"sort"
	"strconv"

	"github.com/mrplan/mrplan/lang"
)

// playScenarios plays the loss of every zone, region and country of the
// module, each in one pass over the graph's components.
func (p *planner) playScenarios() {
	g := p.out.Graph
	R := len(g.Regions)
	var countries []string
	byCountry := map[string]regionSet{}
	for i, r := range p.m.Regions {
		if r == nil {
			continue
		}
		zones := 1
		if r.Geo != nil && r.Geo.Zones > 1 {
			zones = r.Geo.Zones
		}
		for z := 1; z <= zones; z++ {
			lost := newRegionSet(R)
			if zones == 1 {
				lost.add(i)
			}
			p.play(lang.DomainZone, r.Name+"-z"+strconv.Itoa(z), lost).Region = r.Name
		}
		if r.Geo != nil && r.Geo.Country != "" {
			c := r.Geo.Country
			if byCountry[c] == nil {
				byCountry[c] = newRegionSet(R)
				countries = append(countries, c)
			}
			byCountry[c].add(i)
		}
	}
	for i, r := range p.m.Regions {
		if r == nil {
			continue
		}
		lost := newRegionSet(R)
		lost.add(i)
		p.play(lang.DomainRegion, r.Name, lost)
	}
	sort.Strings(countries)
	for _, c := range countries {
		p.play(lang.DomainCountry, c, byCountry[c])
	}
}

func (p *planner) play(domain lang.FailureDomain, target string, lost regionSet) *Scenario {
	g := p.out.Graph
	sc := &Scenario{Domain: domain, Target: target, Lost: g.names(lost),
		Services: make([]ServiceOutcome, 0, len(p.out.Services)), Exposed: []Exposure{}}
	p.out.Scenarios = append(p.out.Scenarios, sc)
	none := lost.count() == 0
	var alive []bool
	var memo *pathMemo
	if !none {
		var why []int32
		alive, why = g.outage(lost)
		memo = newPathMemo(g, func(y int32) int32 { return why[y] })
	}
	isLost := func(r string) bool {
		i, ok := g.region[r]
		return ok && lost.has(i)
	}
	for _, s := range p.out.Services {
		o := ServiceOutcome{Service: s.Addr, Regions: s.Active}
		x, inGraph := g.index[s.Addr]
		switch {
		case none || !inGraph:
		case !alive[x]:
			o.Outcome = OutcomeDown
			o.Regions = []string{}
			o.Cause, o.Elided = memo.path(x)
		default:
			p.survive(s, &o, isLost)
		}
		sc.Services = append(sc.Services, o)
	}
	if none {
		return sc
	}
	for _, d := range p.out.Data {
		if !d.Counts || len(d.Regions) == 0 {
			continue
		}
		hit := false
		for _, r := range p.writeRegions(d) {
			hit = hit || isLost(r)
		}
		if !hit {
			continue
		}
		e := Exposure{Data: d.Addr, RPO: d.RPO, AllCopiesLost: true}
		for _, r := range p.presence(d) {
			if !isLost(r) {
				e.AllCopiesLost = false
			}
		}
		if e.AllCopiesLost {
			e.RPO = p.backupInterval(d)
		}
		sc.Exposed = append(sc.Exposed, e)
	}
	return sc
}

// survive settles a service that is still up somewhere: untouched,
// rerouted away from a lost active region, or failed over from a lost
// primary to the first surviving region (one where everything it needs is
// present, when there is one).
func (p *planner) survive(s *Service, o *ServiceOutcome, isLost func(string) bool) {
	var activeLeft, left []string
	lostActive := false
	for _, r := range s.Active {
		if isLost(r) {
			lostActive = true
		} else {
			activeLeft = append(activeLeft, r)
		}
	}
	for _, r := range s.Regions {
		if !isLost(r) {
			left = append(left, r)
		}
	}
	primaryLost := isLost(s.Primary)
	multi := s.WriteMode == WriteMultiPrimary || s.WriteMode == WriteNone
	switch {
	case !lostActive:
		o.Outcome = OutcomeServing
		o.Regions = s.Active
	case len(activeLeft) > 0 && s.WriteMode == WritePartitioned:
		// The records homed in the lost region get a new home: a
		// promotion, whichever region was the nominal primary.
		o.Outcome = OutcomeFailedOver
		o.Regions = activeLeft
		o.RTO = s.RegionRTO.Total
	case len(activeLeft) > 0 && (!primaryLost || multi):
		o.Outcome = OutcomeRerouted
		o.Regions = activeLeft
		o.RTO = p.a.DetectionTime + s.Block.Routing.DNSTTL
	default:
		o.Outcome = OutcomeFailedOver
		o.RTO = s.RegionRTO.Total
		avail := p.out.Graph.Available(s.Addr)
		target := ""
		for _, r := range left {
			if contains(avail, r) {
				target = r
				break
			}
		}
		if target == "" && len(left) > 0 {
			target = left[0]
		}
		o.Regions = []string{target}
		for _, r := range activeLeft {
			if r != target {
				o.Regions = append(o.Regions, r)
			}
		}
	}
}

// writeRegions are where the data's writes are accepted: every region it
// lives in when written multi-primary or partitioned, else its home.
func (p *planner) writeRegions(d *Data) []string {
	if d.WriteMode == WriteMultiPrimary || d.WriteMode == WritePartitioned {
		return d.Regions
	}
	if h := p.homeRegion(d); h != "" {
		return []string{h}
	}
	return nil
}
