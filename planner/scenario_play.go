package planner

import (
	"runtime"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mrplan/mrplan/lang"
)

// playScenarios plays the loss of every zone, region and country of the
// module, each in one pass over the graph's components. Scenarios are
// independent, so they are played on all cores and kept in this order.
func (p *planner) playScenarios() {
	g := p.out.Graph
	R := len(g.Regions)
	type job struct {
		domain lang.FailureDomain
		target string
		region string // a zone's region
		lost   regionSet
	}
	var jobs []job
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
			jobs = append(jobs, job{lang.DomainZone, r.Name + "-z" + strconv.Itoa(z), r.Name, lost})
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
		jobs = append(jobs, job{lang.DomainRegion, r.Name, "", lost})
	}
	sort.Strings(countries)
	for _, c := range countries {
		jobs = append(jobs, job{lang.DomainCountry, c, "", byCountry[c]})
	}

	v := p.scenarioViews()
	out := make([]*Scenario, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(scenarioWorkers(), len(jobs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				j := jobs[i]
				out[i] = p.play(v, j.domain, j.target, j.lost)
				out[i].Region = j.region
			}
		}()
	}
	wg.Wait()
	p.out.Scenarios = append(p.out.Scenarios, out...)
}

// scenarioWorkers is how many scenarios are played at once; tests set it
// to compare a serial plan with a parallel one.
var scenarioWorkers = func() int { return runtime.GOMAXPROCS(0) }

// scenarioViews are what every scenario asks of the services and data,
// computed once: graph nodes and region sets as bitsets, so a scenario is
// one pass over the services and data with no map lookups or allocations
// for what it leaves untouched.
type scenarioViews struct {
	services []serviceView // parallel to Plan.Services
	data     []dataView    // the data that counts and lives somewhere
	// untouched is every service's outcome when nothing is lost (a zone of
	// a region with several): one slice that those scenarios share.
	untouched []ServiceOutcome
}

type serviceView struct {
	node    int32 // -1 when not in the graph
	active  regionSet
	regions regionSet
}

type dataView struct {
	d        *Data
	write    regionSet // where writes are accepted (writeRegions)
	presence regionSet // where copies live (presence)
	// elsewhere is set when a copy lives in a region the graph does not
	// know, which no scenario loses.
	elsewhere bool
	backup    time.Duration
}

func (p *planner) scenarioViews() *scenarioViews {
	g := p.out.Graph
	set := func(names []string) (regionSet, bool) {
		s := newRegionSet(len(g.Regions))
		unknown := false
		for _, r := range names {
			if i, ok := g.region[r]; ok {
				s.add(i)
			} else {
				unknown = true
			}
		}
		return s, unknown
	}
	v := &scenarioViews{services: make([]serviceView, len(p.out.Services)), untouched: make([]ServiceOutcome, len(p.out.Services))}
	for i, s := range p.out.Services {
		sv := &v.services[i]
		sv.node = -1
		if x, ok := g.index[s.Addr]; ok {
			sv.node = x
		}
		sv.active, _ = set(s.Active)
		sv.regions, _ = set(s.Regions)
		v.untouched[i] = ServiceOutcome{Service: s.Addr, Regions: s.Active}
	}
	for _, d := range p.out.Data {
		if !d.Counts || len(d.Regions) == 0 {
			continue
		}
		dv := dataView{d: d, backup: p.backupInterval(d)}
		dv.write, _ = set(p.writeRegions(d))
		dv.presence, dv.elsewhere = set(p.presence(d))
		v.data = append(v.data, dv)
	}
	return v
}

// meets reports whether s and t share a member.
func (s regionSet) meets(t regionSet) bool {
	for i := range s {
		if s[i]&t[i] != 0 {
			return true
		}
	}
	return false
}

func (p *planner) play(v *scenarioViews, domain lang.FailureDomain, target string, lost regionSet) *Scenario {
	g := p.out.Graph
	sc := &Scenario{Domain: domain, Target: target, Lost: g.names(lost), Exposed: []Exposure{}}
	if lost.count() == 0 {
		sc.Services = v.untouched
		return sc
	}
	sc.Services = make([]ServiceOutcome, len(p.out.Services))
	alive, why := g.outage(lost)
	memo := newPathMemo(g, func(y int32) int32 { return why[y] })
	isLost := func(r string) bool {
		i, ok := g.region[r]
		return ok && lost.has(i)
	}
	for i, s := range p.out.Services {
		o := &sc.Services[i]
		o.Service, o.Regions = s.Addr, s.Active
		sv := &v.services[i]
		switch x := sv.node; {
		case x < 0:
		case !alive[x]:
			o.Outcome = OutcomeDown
			o.Regions = []string{}
			o.Cause, o.Elided = memo.path(x)
		case !sv.active.meets(lost):
			o.Outcome = OutcomeServing
		default:
			p.survive(s, o, isLost)
		}
	}
	for i := range v.data {
		dv := &v.data[i]
		if !dv.write.meets(lost) {
			continue
		}
		d := dv.d
		e := Exposure{Data: d.Addr, RPO: d.RPO, AllCopiesLost: !dv.elsewhere && !dv.presence.anyOutside(lost)}
		if e.AllCopiesLost {
			e.RPO = dv.backup
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
