package planner

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/mrplan/mrplan/lang"
)

// planner holds one run's state. Decisions run in the order of SPEC §5:
// tiers, data classes, topology, write modes, sync mechanisms, routing and
// failover, estimates, then the graph and the scenarios that rest on them.
type planner struct {
	m   *lang.Module
	a   lang.Assumptions
	out *Plan

	par         parallel
	regionIndex map[string]int // module order
	svc         map[string]*Service
	data        map[string]*Data
	// rtts caches rtt per pair of regions, by module index; see rtt.
	rtts []atomic.Pointer[rttEntry]
}

func newPlanner(m *lang.Module, o Options) *planner {
	if m == nil {
		m = &lang.Module{}
	}
	p := &planner{
		m:           m,
		par:         o.parallel(),
		a:           lang.DefaultAssumptions(),
		regionIndex: map[string]int{},
		svc:         map[string]*Service{},
		data:        map[string]*Data{},
	}
	if m.Settings != nil {
		p.a = m.Settings.Assumptions
	}
	for i, r := range m.Regions {
		if r != nil {
			p.regionIndex[r.Name] = i
		}
	}
	return p
}

func (p *planner) plan() *Plan {
	p.out = &Plan{Module: p.m, Assumptions: p.a}
	// The decisions file about ten reasons per service and six per data
	// class: each gets room for a few more in one shared block, and grows
	// on its own beyond.
	const serviceReasons, dataReasons = 12, 8
	p.svc = make(map[string]*Service, len(p.m.Services))
	p.data = make(map[string]*Data, len(p.m.Data))
	// The services and the data classes are made, indexed and sorted at
	// once, on two cores.
	p.par.both(len(p.m.Services)+len(p.m.Data), func() {
		services := make([]Service, 0, len(p.m.Services))
		reasons := make([]Reason, serviceReasons*len(p.m.Services))
		p.out.Services = make([]*Service, 0, len(p.m.Services))
		for _, s := range p.m.Services {
			if s == nil {
				continue
			}
			k := len(services) * serviceReasons
			services = append(services, Service{Addr: s.Addr(), Block: s, Objective: s.Policy, HealthCheck: s.Routing.HealthCheck,
				Reasons: reasons[k:k:min(k+serviceReasons, len(reasons))]})
			sp := &services[len(services)-1]
			p.svc[s.Name] = sp
			p.out.Services = append(p.out.Services, sp)
		}
		sort.Slice(p.out.Services, func(i, j int) bool { return p.out.Services[i].Addr.Less(p.out.Services[j].Addr) })
	}, func() {
		data := make([]Data, 0, len(p.m.Data))
		reasons := make([]Reason, dataReasons*len(p.m.Data))
		p.out.Data = make([]*Data, 0, len(p.m.Data))
		for _, d := range p.m.Data {
			if d == nil {
				continue
			}
			k := len(data) * dataReasons
			data = append(data, Data{Addr: d.Addr(), Block: d, Reasons: reasons[k:k:min(k+dataReasons, len(reasons))]})
			dp := &data[len(data)-1]
			p.data[d.Name] = dp
			p.out.Data = append(p.out.Data, dp)
		}
		sort.Slice(p.out.Data, func(i, j int) bool { return p.out.Data[i].Addr.Less(p.out.Data[j].Addr) })
	})
	p.indexUses()

	// Each phase decides one thing for every service or data class from
	// what the phases before it decided (SPEC §5's order), and writes only
	// the entity it decides for, so each runs on all cores.
	svcs, datas := p.out.Services, p.out.Data
	eachService := func(f func(s *Service)) {
		p.par.each(len(svcs), func(lo, hi int) {
			for _, s := range svcs[lo:hi] {
				f(s)
			}
		})
	}
	eachData := func(f func(d *Data)) {
		p.par.each(len(datas), func(lo, hi int) {
			for _, d := range datas[lo:hi] {
				f(d)
			}
		})
	}
	eachService(p.decideTier)
	eachData(func(d *Data) {
		p.decideLossTolerance(d) // from its writers' objectives
		p.decideClass(d)
	})
	eachService(func(s *Service) {
		p.decideTopology(s) // from its tier
		p.decidePattern(s)
	})
	eachData(p.decideFootprint)    // from its users' regions
	eachService(p.decideWriteMode) // from its data's classes
	p.prepareRTTs()
	eachData(func(d *Data) {
		p.decideConflict(d) // from its writers' write modes
		p.decideMechanisms(d)
		p.estimateData(d)
		p.decideCopies(d)
	})
	// Escalation reads only the service's own decisions and its data's.
	eachService(func(s *Service) {
		p.decideRouting(s)
		p.decideFailover(s)
		p.escalateForRTO(s)
		p.decideGuards(s)
		p.estimateRPO(s)
		p.estimateRTO(s)
	})
	p.buildGraph()
	// Gap only reads the finished graph. The services were its first
	// nodes added.
	g := p.out.Graph
	p.par.each(len(svcs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s := svcs[i]
			for _, r := range s.Regions {
				if gap, ok := g.gapAt(g.added[i], r); ok {
					s.Gaps = append(s.Gaps, gap)
				}
			}
		}
	})
	p.composeAvailability()
	p.playScenarios()
	p.decideCapacity()
	eachService(p.decideCost) // from its data's copies
	p.out.Changes = make([]Change, 0, len(p.out.Services)+len(p.out.Data))
	for _, s := range p.out.Services {
		p.out.Changes = append(p.out.Changes, Change{Addr: s.Addr, Action: ActionCreate})
	}
	for _, d := range p.out.Data {
		p.out.Changes = append(p.out.Changes, Change{Addr: d.Addr, Action: ActionCreate})
	}
	return p.out
}

// indexUses records who writes and reads each data class. The owner counts
// as a writer. What each service and data class uses is found on all
// cores; the lists that gather several entities are joined in order.
func (p *planner) indexUses() {
	svcs, data := p.out.Services, p.out.Data
	ws, rs := make([][]*Data, len(svcs)), make([][]*Data, len(svcs))
	p.par.each(len(svcs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			// A service uses a handful of data classes: a list is its own set.
			for _, ref := range svcs[i].Block.Writes {
				if d := p.data[ref.Addr.Name]; d != nil && ref.Addr.Kind == lang.KindData && !slices.Contains(ws[i], d) {
					ws[i] = append(ws[i], d)
				}
			}
			for _, ref := range svcs[i].Block.Reads {
				if d := p.data[ref.Addr.Name]; d != nil && ref.Addr.Kind == lang.KindData && !slices.Contains(rs[i], d) {
					rs[i] = append(rs[i], d)
				}
			}
		}
	})
	// Services of one name (a module in error may repeat one) share the
	// list of the last of them that writes anything, in one slot, and
	// stand for the plan that name finds.
	slots := make([][]*Data, 0, len(svcs))
	var named map[int]*Service // by index, when it is not the service's own
	for i := 0; i < len(svcs); {
		j := i
		var w []*Data
		for ; j < len(svcs) && svcs[j].Addr.Name == svcs[i].Addr.Name; j++ {
			if ws[j] != nil {
				w = ws[j]
			}
		}
		slots = append(slots, w)
		for k := i; k < j; k++ {
			svcs[k].writes = &slots[len(slots)-1]
			if j-i > 1 {
				if named == nil {
					named = map[int]*Service{}
				}
				named[k] = p.svc[svcs[k].Addr.Name]
			}
		}
		i = j
	}
	// The users of all data classes are slices of two shared blocks, with
	// room for the owner among the writers.
	for i := range svcs {
		for _, d := range ws[i] {
			d.nWriters++
		}
		for _, d := range rs[i] {
			d.nReaders++
		}
	}
	total := 0
	for _, d := range data {
		total += int(d.nWriters) + 1 + int(d.nReaders)
	}
	addrs, plans := make([]lang.Address, total), make([]*Service, total)
	at := 0
	for _, d := range data {
		if w := int(d.nWriters) + 1; d.nWriters > 0 {
			d.Writers, d.writers = addrs[at:at:at+w], plans[at:at:at+w]
		}
		at += int(d.nWriters) + 1
		if r := int(d.nReaders); r > 0 {
			d.Readers, d.readers = addrs[at:at:at+r], plans[at:at:at+r]
		}
		at += int(d.nReaders)
	}
	for i, s := range svcs {
		plan := s
		if named != nil && named[i] != nil {
			plan = named[i]
		}
		for _, d := range ws[i] {
			d.Writers = append(d.Writers, s.Addr)
			d.writers = append(d.writers, plan)
		}
		for _, d := range rs[i] {
			d.Readers = append(d.Readers, s.Addr)
			d.readers = append(d.readers, plan)
		}
	}
	added := make([]bool, len(data)) // the owner was not among the writers
	p.par.each(len(data), func(lo, hi int) {
		for j := lo; j < hi; j++ {
			d := data[j]
			if d.Block.Owner.Addr.Kind == lang.KindService {
				d.owner = p.svc[d.Block.Owner.Addr.Name]
			}
			if d.owner == nil {
				continue
			}
			if !slices.Contains(d.Writers, d.owner.Addr) {
				d.Writers = append(d.Writers, d.owner.Addr)
				d.writers = append(d.writers, d.owner)
				added[j] = true
			}
			sortUsers(d.Writers, d.writers)
			sortUsers(d.Readers, d.readers)
		}
	})
	for j, d := range data {
		if added[j] {
			*d.owner.writes = append(*d.owner.writes, d)
		}
	}
}

// owner is the plan of the service that owns d, or nil.
func (p *planner) owner(d *Data) *Service { return d.owner }

// writtenData lists the data a service writes that counts for its
// recovery: regenerable data is rebuilt, not recovered.
func (p *planner) writtenData(s *Service) []*Data {
	var out []*Data
	if s.writes == nil {
		return nil
	}
	for _, d := range *s.writes {
		if d.Class != ClassRegenerable {
			out = append(out, d)
		}
	}
	return out
}

// sortUsers sorts the plans of the services that use a data class by
// address, and their addresses as, which name them, with them.
func sortUsers(as []lang.Address, plans []*Service) {
	slices.SortFunc(plans, func(a, b *Service) int { return compareAddrs(a.Addr, b.Addr) })
	for k, s := range plans {
		as[k] = s.Addr
	}
}

func compareAddrs(a, b lang.Address) int {
	if a.Kind != b.Kind {
		return cmp.Compare(a.Kind, b.Kind)
	}
	return strings.Compare(a.Name, b.Name)
}

// sortRegions orders region names by module order, unknown names last by
// name, and drops duplicates.
func (p *planner) sortRegions(names []string) []string {
	// A list of regions is short: a scan finds duplicates.
	out := make([]string, 0, len(names))
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(x, y string) int {
		a, okA := p.regionIndex[x]
		b, okB := p.regionIndex[y]
		switch {
		case okA && okB:
			return cmp.Compare(a, b)
		case okA != okB:
			if okA {
				return -1
			}
			return 1
		}
		return strings.Compare(x, y)
	})
	return out
}
