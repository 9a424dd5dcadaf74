package planner

import (
	"math"
	mathbits "math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// playScenarios plays the loss of every zone, region and country of the
// module, each visiting only what it touches (see play). Scenarios are
// independent, so they are played on all cores and kept in this order.
func (p *planner) playScenarios() {
	g := p.out.Graph
	R := len(g.Regions)
	type job struct {
		domain lang.FailureDomain
		target string
		region string // a zone's region
		lost   regionSet
		// nodes are graph nodes lost whatever their regions: a provider's
		// global products, or the one dependency a scenario takes away.
		nodes []int32
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
			jobs = append(jobs, job{lang.DomainZone, r.Name + "-z" + strconv.Itoa(z), r.Name, lost, nil})
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
		jobs = append(jobs, job{lang.DomainRegion, r.Name, "", lost, nil})
	}
	for _, m := range p.metros() {
		lost := newRegionSet(R)
		for _, r := range m.regions {
			if i, ok := g.region[r]; ok {
				lost.add(i)
			}
		}
		jobs = append(jobs, job{domain: lang.DomainMetro, target: m.name, lost: lost})
	}
	sort.Strings(countries)
	for _, c := range countries {
		jobs = append(jobs, job{lang.DomainCountry, c, "", byCountry[c], nil})
	}
	// A whole provider lost: its regions, and its products wherever the
	// module reaches them (a global IAM or DNS of that provider).
	byProvider := map[string]regionSet{}
	var provs []string
	for i, r := range p.m.Regions {
		if r == nil || r.Provider == "" {
			continue
		}
		if byProvider[r.Provider] == nil {
			byProvider[r.Provider] = newRegionSet(R)
			provs = append(provs, r.Provider)
		}
		byProvider[r.Provider].add(i)
	}
	sort.Strings(provs)
	for _, pv := range provs {
		var nodes []int32
		for x, a := range g.Nodes {
			if prod := p.productOf(a); prod != nil && prod.Provider == pv {
				nodes = append(nodes, int32(x))
			}
		}
		jobs = append(jobs, job{lang.DomainProvider, pv, "", byProvider[pv], nodes})
	}
	// One dependency lost: every third-party dependency, and every one
	// that lives in a single region, whatever takes it away.
	for _, d := range p.m.Dependencies {
		if d == nil {
			continue
		}
		x, ok := g.index.find(d.Addr())
		if !ok {
			continue
		}
		if d.Kind != lang.DepThirdParty && g.own[x].count() != 1 {
			continue
		}
		jobs = append(jobs, job{lang.DomainDependency, d.Name, "", newRegionSet(R), []int32{x}})
	}

	// Scenarios that lose the same regions (a country of one region, the
	// only zone of a region) play out alike: each set of lost regions is
	// played once, and its scenarios share the result.
	v := p.scenarioViews()
	var sets []regionSet
	setOf := make([]int, len(jobs))
	seen := map[string]int{}
	var setNodes [][]int32
	for i, j := range jobs {
		k := j.lost.key()
		if len(j.nodes) > 0 {
			var b strings.Builder
			b.WriteString(k)
			for _, n := range j.nodes {
				b.WriteByte(',')
				b.WriteString(strconv.Itoa(int(n)))
			}
			k = b.String()
		}
		x, ok := seen[k]
		if !ok {
			x = len(sets)
			seen[k] = x
			sets = append(sets, j.lost)
			setNodes = append(setNodes, j.nodes)
		}
		setOf[i] = x
	}
	played := make([]playResult, len(sets))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(p.par.scenarioWorkers, len(sets))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sp *scratch
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sets) {
					return
				}
				if sp == nil && (sets[i].count() > 0 || len(setNodes[i]) > 0) {
					sp = newScratch(len(g.Nodes), len(p.out.Services))
				}
				played[i] = p.play(v, sp, sets[i], setNodes[i])
			}
		}()
	}
	wg.Wait()
	out := make([]Scenario, len(jobs))
	zoneMoves := map[string][]ServiceOutcome{}
	for i, j := range jobs {
		r := &played[setOf[i]]
		out[i] = Scenario{Domain: j.domain, Target: j.target, Region: j.region, Lost: r.lost, Affected: r.affected, Exposed: r.exposed}
		if j.domain == lang.DomainZone && j.lost.count() == 0 {
			moves, ok := zoneMoves[j.region]
			if !ok {
				moves = p.zoneFailovers(j.region)
				zoneMoves[j.region] = moves
			}
			out[i].Affected = moves
		}
		p.usersAffected(&out[i])
		p.out.Scenarios = append(p.out.Scenarios, &out[i])
	}
}

// usersAffected fills the audiences a scenario reaches and their share of
// users: those whose nearest region it loses (they are rerouted, wait for a
// failover, or are cut off), and those a scoped call that lost its target
// serves.
func (p *planner) usersAffected(sc *Scenario) {
	hit := map[string]bool{}
	sc.UsersKnown = len(p.m.Audiences) > 0
	for _, a := range p.m.Audiences {
		if a != nil && a.Near != nil && slices.Contains(sc.Lost, a.Near.Addr.Name) {
			hit[a.Name] = true
		}
	}
	for _, o := range sc.Affected {
		if len(o.DegradedBy) == 0 {
			continue // most of them: no service looked up
		}
		s := p.out.Service(o.Service.Name)
		if s == nil {
			continue
		}
		for _, t := range o.DegradedBy {
			if c := s.Block.Call(t); c != nil {
				for _, r := range c.Audiences {
					hit[r.Addr.Name] = true
				}
			}
		}
	}
	for _, a := range p.m.Audiences {
		if a != nil && hit[a.Name] {
			sc.Audiences = append(sc.Audiences, a.Addr())
			sc.UsersAffected += a.Share
		}
	}
	sc.UsersAffected = math.Round(sc.UsersAffected*1e4) / 1e4 // shares are given to a few digits
}

// zoneFailovers is what the loss of one zone of region does when the
// region has others: nothing moves between regions, but a service whose
// primary is there and that writes data promotes its stores' replicas in
// another zone (the zone it lost may have held the primary instance), in
// its zone-level RTO. Sorted by service address.
func (p *planner) zoneFailovers(region string) []ServiceOutcome {
	out := []ServiceOutcome{}
	for _, s := range p.out.Services {
		if s.Primary != region || !s.HasPrimary() {
			continue
		}
		r := p.zoneRTO(s)
		if r.Promotion == 0 {
			continue // nothing to promote: its stores keep every zone writable
		}
		out = append(out, ServiceOutcome{Service: s.Addr, Outcome: OutcomeFailedOver, Regions: []string{region},
			RTO: r.Total, tail: -1})
	}
	return out
}

// scenarioViews are what every scenario asks of the services and data,
// computed once: region sets as bitsets and indexes by region, so that a
// scenario visits only what has a region it loses and what depends on
// that, never every service.
type scenarioViews struct {
	services []serviceView // parallel to Plan.Services
	data     []dataView    // the data that counts and lives somewhere
	// nodeService is the index in Plan.Services of each graph node, -1
	// for nodes that are not services.
	nodeService []int32
	// firstIn lists, per region, the nodes whose first own region it is;
	// nowhere the nodes present in no region, which every loss takes down.
	firstIn [][]int32
	nowhere []int32
	// activeIn lists, per region, the services active there; writtenIn
	// the data (indices into data) written there.
	activeIn  [][]int32
	writtenIn [][]int32
	// softIn lists, per graph node, its soft depends_on in-edges (calls
	// with a fallback or a scope) from services.
	softIn map[int32][]int32
}

type serviceView struct {
	node   int32 // -1 when not in the graph
	active regionSet
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
	R := len(g.Regions)
	set := func(names []string) (regionSet, bool) {
		s := newRegionSet(R)
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
	v := &scenarioViews{
		services:    make([]serviceView, len(p.out.Services)),
		nodeService: make([]int32, len(g.Nodes)),
		activeIn:    make([][]int32, R),
		writtenIn:   make([][]int32, R),
	}
	for x := range v.nodeService {
		v.nodeService[x] = -1
	}
	v.firstIn, v.nowhere = g.byFirstRegion()
	v.softIn = map[int32][]int32{}
	for i, e := range g.Edges {
		if !e.Hard && e.Kind == EdgeDependsOn && e.From.Kind == lang.KindService {
			t := g.edgeTo[i]
			v.softIn[t] = append(v.softIn[t], int32(i))
		}
	}
	// Each service's and data class's view is its own: they are computed
	// on all cores, then indexed by region in order.
	p.par.each(len(p.out.Services), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			sv := &v.services[i]
			sv.node = g.added[i] // the services were the graph's first nodes added
			sv.active, _ = set(p.out.Services[i].Active)
		}
	})
	for i := range v.services {
		sv := &v.services[i]
		if sv.node >= 0 {
			v.nodeService[sv.node] = int32(i)
		}
		sv.active.each(func(r int) { v.activeIn[r] = append(v.activeIn[r], int32(i)) })
	}
	views := make([]dataView, len(p.out.Data))
	p.par.each(len(p.out.Data), func(lo, hi int) {
		for j := lo; j < hi; j++ {
			d := p.out.Data[j]
			if !d.Counts || len(d.Regions) == 0 {
				continue
			}
			dv := dataView{d: d, backup: p.backupInterval(d)}
			dv.write, _ = set(p.writeRegions(d))
			dv.presence, dv.elsewhere = set(p.presence(d))
			views[j] = dv
		}
	})
	for _, dv := range views {
		if dv.d == nil {
			continue
		}
		k := int32(len(v.data))
		dv.write.each(func(r int) { v.writtenIn[r] = append(v.writtenIn[r], k) })
		v.data = append(v.data, dv)
	}
	return v
}

// byFirstRegion lists, per region, the nodes whose first own region it
// is, and the nodes present in no region.
func (g *Graph) byFirstRegion() (firstIn [][]int32, nowhere []int32) {
	firstIn = make([][]int32, len(g.Regions))
	for x, own := range g.own {
		if r := own.first(); r >= 0 {
			firstIn[r] = append(firstIn[r], int32(x))
		} else {
			nowhere = append(nowhere, int32(x))
		}
	}
	return firstIn, nowhere
}

// scratch is one worker's memory for playing scenarios, reused from one
// scenario to the next: a node or service is marked for the current
// scenario when its stamp equals epoch, so nothing is cleared between
// scenarios.
type scratch struct {
	epoch uint32
	down  []uint32 // per node: down in this scenario
	seen  []uint32 // per service: visited in this scenario
	// affected has a bit per service, set for those the scenario lists
	// while it sorts them, clear otherwise.
	affected []uint64
	// Per node, valid when down: why (the edge towards what is at fault,
	// nextSelf at the fault), and from the Via forest, depth, root and pre
	// (the node, depth pathTail+1, whose edge leads into the path's tail;
	// -1 for shorter paths). depth is 0 until computed.
	why   []int32
	depth []int32
	root  []int32
	pre   []int32
	pos   []int32 // per service: index in the scenario's Affected
	queue []int32 // the down nodes, in the order found
	stack []int32
	svcs  []int32 // the affected services
	data  []int32 // the exposed data
	// moved are the outcomes of the affected services that are not down,
	// while play sorts them.
	moved []ServiceOutcome
}

func newScratch(nodes, services int) *scratch {
	return &scratch{
		down: make([]uint32, nodes), seen: make([]uint32, services), affected: make([]uint64, (services+63)/64),
		why: make([]int32, nodes), depth: make([]int32, nodes), root: make([]int32, nodes), pre: make([]int32, nodes),
		pos: make([]int32, services),
	}
}

// playResult is what playing one set of lost regions gives the scenarios
// that lose it.
type playResult struct {
	lost     []string
	affected []ServiceOutcome
	exposed  []Exposure
}

// play plays the loss of the regions in lost. A node goes down when it is
// present in no region outside lost, or when something it hard-depends on
// is down (calls may cross regions): the nodes that go down are found by a
// breadth-first search backwards over the hard edges from the first kind.
// Only services with an active region lost, or something down, are
// visited.
func (p *planner) play(v *scenarioViews, sp *scratch, lost regionSet, nodes []int32) playResult {
	g := p.out.Graph
	res := playResult{lost: g.names(lost), exposed: []Exposure{}}
	if lost.count() == 0 && len(nodes) == 0 {
		return res
	}
	q := sp.outage(g, v.firstIn, v.nowhere, lost, nodes...)
	ep := sp.epoch
	// The affected services: those down, and those with an active region
	// lost, in address order.
	svcs := sp.svcs[:0]
	for _, x := range q {
		if i := v.nodeService[x]; i >= 0 {
			sp.seen[i] = ep
			svcs = append(svcs, i)
		}
	}
	down := len(svcs)
	isLost := func(r string) bool {
		i, ok := g.region[r]
		return ok && lost.has(i)
	}
	moved := sp.moved[:0]
	lost.each(func(r int) {
		for _, i := range v.activeIn[r] {
			if sp.seen[i] == ep {
				continue
			}
			sp.seen[i] = ep
			if v.services[i].node < 0 {
				continue
			}
			s := p.out.Services[i]
			o := ServiceOutcome{Service: s.Addr, tail: -1}
			p.survive(s, &o, isLost)
			if o.Outcome != OutcomeServing {
				svcs = append(svcs, i)
				moved = append(moved, o)
			}
		}
	})
	// Services up (serving or moved) whose soft calls lost their target
	// are degraded; a moved one keeps its outcome and says what it lost.
	if len(v.softIn) > 0 {
		at := make(map[int32]int, len(moved)) // service index → its entry in moved
		for k, i := range svcs[down:] {
			at[i] = k
		}
		for _, x := range q {
			for _, e := range v.softIn[x] {
				f := g.from[e]
				i := v.nodeService[f]
				if i < 0 || sp.down[f] == ep {
					continue
				}
				target := g.Nodes[x]
				if sp.seen[i] != ep {
					sp.seen[i] = ep
					s := p.out.Services[i]
					svcs = append(svcs, i)
					at[i] = len(moved)
					moved = append(moved, ServiceOutcome{Service: s.Addr, Outcome: OutcomeDegraded, Regions: s.Active, tail: -1})
				}
				if k, ok := at[i]; ok && !slices.Contains(moved[k].DegradedBy, target) {
					moved[k].DegradedBy = append(moved[k].DegradedBy, target)
					slices.SortFunc(moved[k].DegradedBy, compareAddrs)
				}
			}
		}
	}
	// moved[k] is the outcome of svcs[down+k].
	for k, i := range svcs[down:] {
		sp.pos[i] = int32(k)
	}
	// In service order, by a bitmap rather than a sort: a 10,000-service
	// module's map is 157 words, read and cleared once.
	for _, i := range svcs {
		sp.affected[i/64] |= 1 << (uint(i) % 64)
	}
	svcs = svcs[:0]
	for w, bits := range sp.affected {
		for bits != 0 {
			svcs = append(svcs, int32(w*64+mathbits.TrailingZeros64(bits)))
			bits &= bits - 1
		}
		sp.affected[w] = 0
	}
	sp.svcs = svcs
	res.affected = make([]ServiceOutcome, len(svcs))
	for k, i := range svcs {
		if sp.down[v.services[i].node] != ep {
			res.affected[k] = moved[sp.pos[i]]
		}
		sp.pos[i] = int32(k)
	}
	clear(moved) // what they point to is the plan's, not the scratch's
	sp.moved = moved[:0]
	for k, i := range svcs {
		x := v.services[i].node
		if x < 0 || sp.down[x] != ep {
			continue
		}
		// Field by field into zeroed memory: a deep module has hundreds of
		// thousands of these, and a composite literal would copy each
		// twice.
		o := &res.affected[k]
		o.Service = p.out.Services[i].Addr
		o.Outcome = OutcomeDown
		o.Regions = noRegions
		o.Root = g.Nodes[sp.root[x]]
		o.Depth = sp.depth[x]
		o.tail = -1
		if e := sp.why[x]; e >= 0 {
			o.Via.Addr = g.Nodes[g.edgeTo[e]]
			o.Via.Kind = g.Edges[e].Kind
			o.Via.Range = g.Edges[e].Range
		}
		if o.Depth > pathHead+pathTail {
			if j := v.nodeService[sp.pre[x]]; j >= 0 {
				o.tail = sp.pos[j]
			}
		}
	}

	dx := sp.data[:0]
	lost.each(func(r int) {
		dx = append(dx, v.writtenIn[r]...)
	})
	slices.Sort(dx)
	dx = slices.Compact(dx)
	sp.data = dx
	res.exposed = make([]Exposure, 0, len(dx))
	for _, k := range dx {
		dv := &v.data[k]
		d := dv.d
		e := Exposure{Data: d.Addr, RPO: d.RPO, Bound: max(d.RPOBound, d.RPO), AllCopiesLost: !dv.elsewhere && !dv.presence.anyOutside(lost)}
		if e.AllCopiesLost {
			e.RPO, e.Bound = dv.backup, dv.backup
		}
		if e.RPO == 0 && !e.AllCopiesLost {
			continue // a zero-loss channel: no acknowledged write is lost, so nothing is exposed
		}
		res.exposed = append(res.exposed, e)
	}
	return res
}

// outage finds the nodes the loss of lost takes down, in a new epoch of
// sp: those present in no region outside lost (firstIn lists, per region,
// the nodes whose first own region it is; nowhere those present nowhere),
// then by a breadth-first search backwards over the hard edges everything
// that hard-depends on them. It points each at why, as Graph.witness does,
// fills depth, root and pre, and returns the down nodes in the order found.
// Its cost is in what goes down and what has a lost region, not in the
// graph's size.
func (sp *scratch) outage(g *Graph, firstIn [][]int32, nowhere []int32, lost regionSet, nodes ...int32) []int32 {
	sp.epoch++
	ep := sp.epoch
	q := sp.queue[:0]
	gone := func(x int32) bool { return !g.own[x].anyOutside(lost) || slices.Contains(nodes, x) }
	markSelf := func(x int32) {
		if sp.down[x] != ep && gone(x) {
			sp.down[x], sp.why[x], sp.depth[x] = ep, nextSelf, 0
			q = append(q, x)
		}
	}
	for _, x := range nowhere {
		markSelf(x)
	}
	for _, x := range nodes {
		markSelf(x)
	}
	lost.each(func(r int) {
		for _, x := range firstIn[r] {
			markSelf(x)
		}
	})
	for h := 0; h < len(q); h++ {
		for _, e := range g.rhard[q[h]] {
			if x := g.from[e]; sp.down[x] != ep {
				sp.down[x], sp.why[x], sp.depth[x] = ep, nextUnassigned, 0
				q = append(q, x)
			}
		}
	}
	// Each down node's edge towards the fault, as Graph.witness picks it.
	isDown := func(y int32) bool { return sp.down[y] == ep }
	for _, x := range q {
		if sp.why[x] != nextUnassigned {
			continue
		}
		c := g.comp[x]
		if len(g.comps[c]) > 1 {
			g.witness(c, gone, isDown,
				func(y int32) *int32 { return &sp.why[y] })
			continue
		}
		for _, e := range g.hard[x] {
			if y := g.edgeTo[e]; g.comp[y] != c && isDown(y) {
				sp.why[x] = e
				break
			}
		}
	}
	for _, x := range q {
		sp.fill(g, x)
	}

	sp.queue = q
	return q
}

// noRegions is where a down service serves: shared, never written.
var noRegions = []string{}

// fill computes depth, root and pre for the down node x and every node on
// its path, without recursion: each node once per scenario.
func (sp *scratch) fill(g *Graph, x int32) {
	stack := sp.stack[:0]
	for y := x; sp.depth[y] == 0; {
		stack = append(stack, y)
		e := sp.why[y]
		if e < 0 {
			break
		}
		y = g.edgeTo[e]
	}
	for i := len(stack) - 1; i >= 0; i-- {
		y := stack[i]
		e := sp.why[y]
		if e < 0 {
			sp.depth[y], sp.root[y], sp.pre[y] = 1, y, -1
			continue
		}
		z := g.edgeTo[e]
		sp.depth[y], sp.root[y] = sp.depth[z]+1, sp.root[z]
		switch {
		case sp.depth[y] == pathTail+1:
			sp.pre[y] = y
		case sp.depth[y] > pathTail+1:
			sp.pre[y] = sp.pre[z]
		default:
			sp.pre[y] = -1
		}
	}
	sp.stack = stack
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
	multi := !s.HasPrimary()
	switch {
	case !lostActive:
		o.Outcome = OutcomeServing
		o.Regions = s.Active
	case len(activeLeft) > 0 && s.Writes(WritePartitioned) && (!primaryLost || !s.Writes(WriteSinglePrimary)):
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

// metro is the regions of different providers in one city: a power, fibre
// or weather event there takes them all, whichever cloud they belong to.
type metro struct {
	name    string // "Ashburn, US"
	regions []string
}

// metroRadiusKm is how close two regions of different providers must be,
// when their catalogs name different cities, to share a metro.
const metroRadiusKm = 50

// metros finds the module's metros: regions of at least two providers in
// one country and one city (or within metroRadiusKm), sorted by name.
func (p *planner) metros() []metro {
	var rs []*lang.Region
	for _, r := range p.m.Regions {
		if r != nil && r.Geo != nil && r.Provider != "" && r.Geo.Country != "" {
			rs = append(rs, r)
		}
	}
	var out []metro
	used := map[string]bool{}
	for i, a := range rs {
		if used[a.Name] {
			continue
		}
		m := metro{name: a.Geo.City + ", " + a.Geo.Country, regions: []string{a.Name}}
		provs := map[string]bool{a.Provider: true}
		for _, b := range rs[i+1:] {
			if used[b.Name] || b.Geo.Country != a.Geo.Country {
				continue
			}
			near := b.Geo.City != "" && b.Geo.City == a.Geo.City ||
				providers.DistanceKm(a.Geo.Lat, a.Geo.Lon, b.Geo.Lat, b.Geo.Lon) <= metroRadiusKm
			if near {
				m.regions = append(m.regions, b.Name)
				provs[b.Provider] = true
			}
		}
		if len(provs) < 2 {
			continue
		}
		for _, r := range m.regions {
			used[r] = true
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// productOf is the catalog product behind a dependency or data node, nil
// for services and blocks without one.
func (p *planner) productOf(a lang.Address) *providers.Product {
	switch a.Kind {
	case lang.KindDependency:
		if d := p.m.Dependency(a.Name); d != nil {
			return d.Catalog
		}
	case lang.KindData:
		if d := p.m.DataClass(a.Name); d != nil {
			return d.Catalog
		}
	}
	return nil
}
