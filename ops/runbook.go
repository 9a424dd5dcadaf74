package ops

import (
	"sort"
	"strings"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
	"github.com/mrplan/mrplan/providers"
)

// Runbook is the failover runbook of a plan: one section per failure
// scenario, in the plan's order (zones, regions, metros, countries,
// providers, dependencies). The zones of a region that loses no region when
// one of them goes share one section.
type Runbook struct {
	Plan     *planner.Plan
	Sections []*Section
	b        *builder
}

// Section is what to do when one scenario happens.
type Section struct {
	// Names are the scenarios the section covers, as the planner names
	// them ("region us-east-1 lost"); the first is the section's title.
	Names  []string
	Domain lang.FailureDomain
	// Targets are what is lost: zones, regions, metros, countries,
	// providers or dependencies.
	Targets []string
	// Region is the region a lost zone belongs to, "" otherwise.
	Region string
	// Lost are the regions that go down entirely; empty for the loss of a
	// zone in a region with several, and for a dependency lost.
	Lost []string
	// Dependencies are the dependencies the scenario takes away: the one
	// a dependency scenario is about, those on a lost provider's products,
	// and those reachable only in the lost regions.
	Dependencies []LostDependency
	Exposed      []ExposedData
	Signals      []Signal
	// Services are the services the scenario touches, each with its steps,
	// dependencies before the services that call them.
	Services []*ServiceRunbook
	// Serving counts the services that keep serving untouched.
	Serving int

	sc       *planner.Scenario // the first scenario the section covers
	zoneOnly bool              // a zone loss that loses no region
	filled   bool
}

// Name is the section's title.
func (s *Section) Name() string { return s.Names[0] }

// LostDependency is a dependency a scenario takes away.
type LostDependency struct {
	Dependency *lang.Dependency
	Product    string         // canonical product, "" when none
	Callers    []lang.Address // the services that call it, sorted
}

// Addr is the dependency's address.
func (d LostDependency) Addr() lang.Address { return d.Dependency.Addr() }

// ExposedData is a data class whose recent writes the scenario can lose.
type ExposedData struct {
	Data    *planner.Data
	RPO     time.Duration
	Product string // canonical product, "" when unknown
	// AllCopiesLost: only backups remain.
	AllCopiesLost bool
}

// Signal is an alert that fires when the scenario happens: how the on-call
// engineer learns of it.
type Signal struct {
	Alert  string
	Labels []Label // exact matches, sorted by name
	// Match is the label whose value is one of Values: the services or
	// data classes the alert fires for.
	Match  string
	Values []string
	// After is the alert's `for`: how long after the failure it fires.
	After   time.Duration
	Meaning string
}

// Label is one name="value" pair of an alert.
type Label struct{ Name, Value string }

// ServiceRunbook is what one scenario asks of one service.
type ServiceRunbook struct {
	Service *planner.Service
	Outcome planner.Outcome
	// From are the service's regions the scenario loses; To is where it
	// serves afterwards, the new primary first.
	From []string
	To   []string
	// Automatic: nobody decides; the failover runs on health checks.
	Automatic bool
	// Steps are in order; their durations add up to RTO.
	Steps []Step
	// RTO is the plan's recovery time for this service in this scenario;
	// Bounded is false for a service that stays down.
	RTO     time.Duration
	Bounded bool
	// Objective is the service's RTO objective, zero when it has none.
	Objective time.Duration
	// Cause is, for a down service, the path to what took it down.
	Cause []string
	// DegradedBy are, for a service that stays up, the soft calls'
	// targets the scenario takes down, sorted; Fallbacks says, for each,
	// what the service does without it.
	DegradedBy []lang.Address
	Fallbacks  []Fallback
	// FailBack lists, in order, how to return once the lost regions are
	// back.
	FailBack []string
}

// Fallback is how a service does without one soft call's target.
type Fallback struct {
	To lang.Address
	// Text is the declared fallback, "" when the call has none (it is
	// scoped: the requests that make it fail); Source is where it is
	// declared: "call" (the service's call block) or "dependency" (the
	// dependency's own fallback).
	Text, Source string
	// Audiences and Partition are the call's scope: only those requests
	// make the call.
	Audiences []lang.Address
	Partition string
}

// StepKind is what a step does.
type StepKind int

const (
	StepDetect StepKind = iota + 1
	StepDecide
	StepFence
	StepProvision
	StepRestore
	StepPromote
	StepShift
	StepRegenerate
	StepVerify
	StepCommunicate
	StepFallback
)

var stepNames = []string{"", "detect", "decide", "fence", "provision", "restore", "promote", "shift-traffic", "regenerate", "verify", "communicate", "fallback"}

func (k StepKind) String() string {
	if k < 0 || int(k) >= len(stepNames) {
		return "StepKind(?)"
	}
	return stepNames[k]
}

// Step is one numbered step of a service's runbook.
type Step struct {
	Kind StepKind
	// Do are the imperative lines of the step, each one action naming
	// exactly what to act on.
	Do []string
	// Duration is how long the plan budgets for the step; Budget names the
	// RTO term it comes from, "" for a step that takes none of the budget
	// (it runs inside another step's time, or after the recovery).
	Duration time.Duration
	Budget   string
	Links    []Link
	// Promotes lists, for a promote step, the data classes it promotes,
	// in order; a class promoted with an earlier service is not repeated.
	Promotes []lang.Address
}

// Link is a vendor page a step relies on.
type Link struct{ Title, URL string }

// StepsTotal is the sum of the steps' durations.
func (s *ServiceRunbook) StepsTotal() time.Duration {
	var t time.Duration
	for _, st := range s.Steps {
		t += st.Duration
	}
	return t
}

// BuildRunbook writes the runbook of every scenario of p.
func BuildRunbook(p *planner.Plan) *Runbook {
	rb := Index(p)
	for _, s := range rb.Sections {
		rb.Fill(s)
	}
	return rb
}

// Index lists the runbook's sections, names only, without writing any:
// enough to Find one by name, and then Fill just that one, which on a large
// module is far cheaper than the whole runbook.
func Index(p *planner.Plan) *Runbook { return index(newBuilder(p)) }

// Outline is the runbook as a summary shows it, much cheaper on large
// modules: the region, metro and country sections only, each service with its
// outcome, RTO and the data it promotes (one promote step, whose duration
// is the whole RTO), and no step wording or signals.
func Outline(p *planner.Plan) *Runbook {
	b := newBuilder(p)
	b.outlineOnly = true
	rb := index(b)
	for _, s := range rb.Sections {
		rb.Fill(s)
	}
	return rb
}

func index(b *builder) *Runbook {
	p := b.p
	rb := &Runbook{Plan: p, b: b}
	zoneSection := map[string]*Section{} // region → its shared zone section
	for _, sc := range p.Scenarios {
		if b.outlineOnly && (sc.Domain == lang.DomainProvider || sc.Domain == lang.DomainDependency) {
			continue // the summary shows what fails over between regions
		}
		zoneOnly := sc.Domain == lang.DomainZone && len(sc.Lost) == 0
		if zoneOnly {
			if b.outlineOnly {
				continue
			}
			if s, ok := zoneSection[sc.Region]; ok {
				s.Names = append(s.Names, sc.Name())
				s.Targets = append(s.Targets, sc.Target)
				continue
			}
		}
		s := &Section{
			Names: []string{sc.Name()}, Domain: sc.Domain, Targets: []string{sc.Target},
			Region: sc.Region, Lost: sc.Lost, sc: sc, zoneOnly: zoneOnly,
		}
		if zoneOnly {
			zoneSection[sc.Region] = s
		}
		rb.Sections = append(rb.Sections, s)
	}
	return rb
}

// Fill writes section s of the runbook, once.
func (rb *Runbook) Fill(s *Section) {
	if s.filled {
		return
	}
	s.filled = true
	if s.zoneOnly {
		rb.b.zoneSection(s)
	} else {
		rb.b.section(s)
	}
}

// Filled reports whether Fill has written the section.
func (s *Section) Filled() bool { return s.filled }

// Release forgets what Fill wrote for s, so that a writer that renders one
// section at a time holds one at a time; Fill writes it again.
func (rb *Runbook) Release(s *Section) {
	s.Exposed, s.Dependencies, s.Signals, s.Services, s.Serving = nil, nil, nil, nil, 0
	s.filled = false
}

// Counts are how many services section s acts on and how many data
// classes it puts at risk, what its Services and Exposed will hold, without
// writing the section: for a table of contents.
func (rb *Runbook) Counts(s *Section) (acting, exposed int) {
	if s.filled {
		return len(s.Services), len(s.Exposed)
	}
	if s.zoneOnly {
		return len(rb.b.zoneTouched(s.sc.Region)), 0
	}
	for _, e := range s.sc.Exposed {
		if rb.Plan.DataClass(e.Data.Name) != nil {
			exposed++
		}
	}
	return len(s.sc.Affected), exposed
}

// LostDependencies are the dependencies section s takes away, what its
// Dependencies will hold, without writing the section.
func (rb *Runbook) LostDependencies(s *Section) []LostDependency {
	if s.filled || s.zoneOnly {
		return s.Dependencies
	}
	return rb.b.lostDependencies(s)
}

// Find returns the section a user names with --scenario: a scenario's
// name ("region us-east-1 lost", "dependency stripe lost"), the same
// without "lost", as an address ("dependency.stripe"), or its target alone
// ("us-east-1", "stripe") when no other scenario has that target.
func (rb *Runbook) Find(name string) (*Section, bool) {
	name = strings.Join(strings.Fields(strings.ToLower(name)), " ")
	for _, d := range []lang.FailureDomain{lang.DomainZone, lang.DomainRegion, lang.DomainMetro, lang.DomainCountry, lang.DomainProvider, lang.DomainDependency} {
		if rest, ok := strings.CutPrefix(name, d.String()+"."); ok {
			name = d.String() + " " + rest
			break
		}
	}
	var byTarget []*Section
	for _, s := range rb.Sections {
		for i, n := range s.Names {
			n = strings.ToLower(n)
			if name == n || name == strings.TrimSuffix(n, " lost") {
				return s, true
			}
			if name == strings.ToLower(s.Targets[i]) {
				byTarget = append(byTarget, s)
			}
		}
	}
	if len(byTarget) == 1 {
		return byTarget[0], true
	}
	return nil, false
}

// Names lists every scenario name the runbook covers, in order.
func (rb *Runbook) Names() []string {
	var out []string
	for _, s := range rb.Sections {
		out = append(out, s.Names...)
	}
	return out
}

type builder struct {
	// outlineOnly: no step wording, signals or zone sections (Outline).
	outlineOnly bool
	p           *planner.Plan
	a           lang.Assumptions
	// writes and regen index, per service, the data it writes (regenerable
	// excluded) and the regenerable data it reads or writes.
	writes map[lang.Address][]*planner.Data
	regen  map[lang.Address][]*planner.Data
	// callers lists each dependency's callers, made on first use.
	callers map[string][]*planner.Service
}

func newBuilder(p *planner.Plan) *builder {
	b := &builder{
		p: p, a: p.Assumptions,
		writes: map[lang.Address][]*planner.Data{},
		regen:  map[lang.Address][]*planner.Data{},
	}
	for _, d := range p.Data {
		if d.Class == planner.ClassRegenerable {
			seen := map[lang.Address]bool{}
			for _, s := range append(append([]lang.Address{}, d.Writers...), d.Readers...) {
				if !seen[s] {
					seen[s] = true
					b.regen[s] = append(b.regen[s], d)
				}
			}
			continue
		}
		for _, s := range d.Writers {
			b.writes[s] = append(b.writes[s], d)
		}
	}
	return b
}

func (b *builder) section(s *Section) {
	sc := s.sc
	lost := map[string]bool{}
	for _, r := range sc.Lost {
		lost[r] = true
	}
	for _, e := range sc.Exposed {
		d := b.p.DataClass(e.Data.Name)
		if d == nil {
			continue
		}
		x := ExposedData{Data: d, RPO: e.RPO, AllCopiesLost: e.AllCopiesLost}
		if d.Block.Catalog != nil {
			x.Product = d.Block.Catalog.Ref()
		}
		s.Exposed = append(s.Exposed, x)
	}
	affected := map[lang.Address]planner.ServiceOutcome{}
	touched := map[lang.Address]bool{}
	for _, o := range sc.Affected {
		affected[o.Service] = o
		touched[o.Service] = true
	}
	s.Serving = len(b.p.Services) - len(sc.Affected)
	s.Dependencies = b.lostDependencies(s)
	promoted := map[lang.Address]lang.Address{} // data → the service it was promoted with
	for _, svc := range b.dependencyOrder(touched) {
		o := affected[svc.Addr]
		sr := &ServiceRunbook{Service: svc, Outcome: o.Outcome, To: o.Regions, Objective: objectiveRTO(svc)}
		for _, r := range svc.Regions {
			if lost[r] {
				sr.From = append(sr.From, r)
			}
		}
		switch {
		case b.outlineOnly:
			b.outline(sr, o, promoted)
		case o.Outcome == planner.OutcomeDown:
			b.down(sr, sc, o)
		case o.Outcome == planner.OutcomeDegraded:
			b.degraded(sr, o)
		case o.Outcome == planner.OutcomeRerouted:
			b.rerouted(sr, o)
			b.withFallbacks(sr, o)
		default:
			b.failedOver(sr, o, promoted)
			b.withFallbacks(sr, o)
		}
		s.Services = append(s.Services, sr)
	}
	if !b.outlineOnly {
		s.Signals = b.signals(s)
	}
}

// zoneSection covers the loss of one zone of a region with several: no
// region goes, stores fail over to another zone behind the same endpoints,
// and only the services whose objective stops at zones have a zone RTO in
// the plan.
func (b *builder) zoneSection(s *Section) {
	sc := s.sc
	touched := b.zoneTouched(sc.Region)
	s.Serving = len(b.p.Services) - len(touched)
	for _, svc := range b.dependencyOrder(touched) {
		sr := &ServiceRunbook{Service: svc, Outcome: planner.OutcomeServing, To: svc.Active, Objective: objectiveRTO(svc), Automatic: true}
		r := svc.RTO
		sr.RTO, sr.Bounded = r.Total, true
		sr.Steps = append(sr.Steps, Step{Kind: StepDetect, Duration: r.Detection, Budget: "detection_time",
			Do: []string{"Confirm the zone is gone: " + svc.Addr.String() + "'s health checks fail on the instances in one zone of " + sc.Region + " only."}})
		promo := Step{Kind: StepPromote, Duration: r.Promotion, Budget: promotionBudget(r)}
		for _, d := range b.writes[svc.Addr] {
			promo.Do = append(promo.Do, "Confirm "+d.Addr.String()+" ("+productRef(d)+") failed over to its standby in another zone of "+sc.Region+"; the endpoint does not change.")
		}
		if len(promo.Do) > 0 || promo.Duration > 0 {
			sr.Steps = append(sr.Steps, promo)
		}
		sr.Steps = append(sr.Steps, Step{Kind: StepVerify, Do: []string{
			"Check " + svc.Addr.String() + " serves from the remaining zones of " + sc.Region + " and has capacity: scale out there if the lost zone's share is missing.",
		}})
		sr.FailBack = []string{"Nothing to fail back: rebalance " + svc.Addr.String() + "'s instances across all zones of " + sc.Region + " once the zone returns."}
		s.Services = append(s.Services, sr)
	}
}

// zoneTouched are the services the loss of one zone of region, which has
// others, asks something of: those whose objective stops at zones and
// whose primary is there.
func (b *builder) zoneTouched(region string) map[lang.Address]bool {
	touched := map[lang.Address]bool{}
	for _, svc := range b.p.Services {
		if svc.Objective.Survive == lang.DomainZone && svc.Primary == region && !svc.RTO.Unbounded {
			touched[svc.Addr] = true
		}
	}
	return touched
}

// dependencyOrder lists the affected services so that each comes after
// every affected service it depends on, directly or through others;
// services that do not depend on one another keep address order. A cycle
// is broken where address order first enters it.
func (b *builder) dependencyOrder(affected map[lang.Address]bool) []*planner.Service {
	var out []*planner.Service
	state := map[lang.Address]int{} // 1 visiting, 2 done
	var visit func(s *planner.Service)
	visit = func(s *planner.Service) {
		if state[s.Addr] != 0 {
			return
		}
		state[s.Addr] = 1
		deps := make([]lang.Address, 0, len(s.Block.DependsOn))
		for _, r := range s.Block.DependsOn {
			if r.Addr.Kind == lang.KindService {
				deps = append(deps, r.Addr)
			}
		}
		sort.Slice(deps, func(i, j int) bool { return deps[i].Less(deps[j]) })
		for _, d := range deps {
			if ds := b.p.Service(d.Name); ds != nil {
				visit(ds)
			}
		}
		state[s.Addr] = 2
		if affected[s.Addr] {
			out = append(out, s)
		}
	}
	for _, s := range b.p.Services {
		if affected[s.Addr] {
			visit(s)
		}
	}
	return out
}

func (b *builder) down(sr *ServiceRunbook, sc *planner.Scenario, o planner.ServiceOutcome) {
	svc := sr.Service
	path, elided := sc.CausePath(svc.Addr)
	for i, st := range path {
		if elided > 0 && i == len(path)/2 {
			sr.Cause = append(sr.Cause, "… "+itoa(elided)+" more …")
		}
		sr.Cause = append(sr.Cause, st.Addr.String())
	}
	root := o.Root.String()
	what := "Nothing to fail over to: " + svc.Addr.String() + " stays down until " + root + " is back."
	switch {
	case (o.Root == svc.Addr || o.Root == (lang.Address{})) && sc.Domain == lang.DomainProvider:
		what = "Nothing to fail over to: every region of " + svc.Addr.String() + " (" + strings.Join(svc.Regions, ", ") + ") is on provider " + sc.Target + ", which is lost."
		root = "provider " + sc.Target
	case o.Root == svc.Addr || o.Root == (lang.Address{}):
		what = "Nothing to fail over to: every region of " + svc.Addr.String() + " (" + strings.Join(svc.Regions, ", ") + ") is lost."
		root = strings.Join(sr.From, ", ")
	case o.Root.Kind == lang.KindDependency && o.Via.Addr == o.Root:
		what += " It calls " + root + " with no fallback."
	}
	comm := Step{Kind: StepCommunicate, Do: []string{what}}
	if c := svc.Block.Compensation; c != "" {
		comm.Do = append(comm.Do, "Apply the compensation plan: "+c)
	} else {
		comm.Do = append(comm.Do, "Post the outage on the status page; the module gives "+svc.Addr.String()+" no compensation plan.")
	}
	sr.Steps = []Step{comm}
	sr.FailBack = []string{"When " + root + " returns, check " + svc.Addr.String() + "'s health checks pass in " + strings.Join(svc.Active, ", ") + " before lifting the status-page notice."}
}

func (b *builder) rerouted(sr *ServiceRunbook, o planner.ServiceOutcome) {
	svc := sr.Service
	sr.Automatic = svc.Block.Routing.HealthCheck
	sr.RTO, sr.Bounded = o.RTO, true
	from := strings.Join(sr.From, ", ")
	sr.Steps = []Step{
		{Kind: StepDetect, Duration: b.a.DetectionTime, Budget: "detection_time",
			Do: []string{"Confirm " + alertRegionDown + " fires for " + svc.Addr.String() + " in " + from + "."}},
		b.shift(svc, sr.From, o.Regions, svc.Block.Routing.DNSTTL),
		b.verify(svc, o.Regions, nil),
	}
	sr.FailBack = []string{
		"Once " + from + " is healthy again, let " + svc.Addr.String() + "'s health checks put it back in " + svc.Routing.String() + " routing; watch its error rate there for one DNS TTL (" + dur(svc.Block.Routing.DNSTTL) + ").",
	}
}

func (b *builder) failedOver(sr *ServiceRunbook, o planner.ServiceOutcome, promoted map[lang.Address]lang.Address) {
	svc := sr.Service
	r := svc.RegionRTO
	sr.RTO, sr.Bounded = o.RTO, true
	sr.Automatic = svc.Failover == lang.FailoverAutomatic
	target := ""
	if len(o.Regions) > 0 {
		target = o.Regions[0]
	}
	from := strings.Join(sr.From, ", ")
	sr.Steps = append(sr.Steps, Step{Kind: StepDetect, Duration: r.Detection, Budget: "detection_time",
		Do: []string{"Confirm " + alertRegionDown + " fires for " + svc.Addr.String() + " in " + from + "."}})
	if r.Decision > 0 {
		sr.Steps = append(sr.Steps, Step{Kind: StepDecide, Duration: r.Decision, Budget: "manual_decision_time", Do: []string{
			"Page the incident commander: failover of " + svc.Addr.String() + " is manual (tier " + itoa(svc.Tier) + ").",
			"Decide to fail " + svc.Addr.String() + " over to " + target + ", or to wait for " + from + " (say so in the incident channel).",
		}})
	} else if !sr.Automatic {
		sr.Steps = append(sr.Steps, Step{Kind: StepDecide, Do: []string{"Failover of " + svc.Addr.String() + " is manual: the incident commander decides now to move it to " + target + "."}})
	}

	promote, restore, moves, multi := b.dataMoves(svc)
	// A store that elects its own primary (or takes writes everywhere)
	// fences itself; one promoted by hand needs the old primary cut off.
	byHand := false
	for _, d := range promote {
		if op, ok := productOp(d); !ok || !op.Automatic {
			byHand = true
		}
	}
	if byHand {
		fence := Step{Kind: StepFence}
		if containsGuard(svc.Guards, planner.GuardFencing) {
			fence.Do = append(fence.Do, "Check the fencing token moved to "+target+": writes from "+from+" must be refused if it comes back.")
		} else {
			fence.Do = append(fence.Do, "Cut "+from+" off from writing: stop "+svc.Addr.String()+"'s writers there or revoke their database credentials, so a returning primary cannot take writes.")
		}
		for _, d := range promote {
			if op, ok := productOp(d); ok && op.Fence != "" {
				fence.Do = append(fence.Do, d.Addr.String()+": "+op.Fence+".")
			}
		}
		sr.Steps = append(sr.Steps, fence)
	}
	if r.Provision > 0 {
		sr.Steps = append(sr.Steps, Step{Kind: StepProvision, Duration: r.Provision, Budget: "cold_standby_provision", Do: []string{
			"Deploy " + svc.Addr.String() + " in " + target + " from infrastructure as code (cold standby: nothing runs there yet).",
			"Scale it to carry the traffic " + from + " carried.",
		}})
	}
	if len(restore) > 0 || r.Restore > 0 {
		st := Step{Kind: StepRestore, Duration: r.Restore, Budget: "size ÷ restore_throughput"}
		for _, d := range restore {
			line := "Restore " + d.Addr.String() + " (" + productRef(d) + ") in " + target + " from its latest backup (taken every " + dur(d.Block.BackupInterval) + ")"
			if d.Block.Size != nil && b.a.RestoreThroughput > 0 {
				hours := float64(*d.Block.Size) / float64(b.a.RestoreThroughput)
				line += "; about " + dur(time.Duration(hours*float64(time.Hour)).Round(time.Second))
			}
			st.Do = append(st.Do, line+".")
		}
		sr.Steps = append(sr.Steps, st)
	}
	if len(promote) > 0 || len(moves) > 0 || len(multi) > 0 || r.Promotion > 0 {
		st := Step{Kind: StepPromote, Duration: r.Promotion, Budget: promotionBudget(r)}
		if len(promote) > 1 {
			st.Do = append(st.Do, "Start these promotions together; the step lasts as long as the slowest.")
		}
		for _, d := range promote {
			if by, done := promoted[d.Addr]; done {
				st.Do = append(st.Do, d.Addr.String()+": already promoted with "+by.String()+" above; check it accepts writes in "+target+".")
				continue
			}
			promoted[d.Addr] = svc.Addr
			st.Promotes = append(st.Promotes, d.Addr)
			line := d.Addr.String() + " (" + productRef(d) + "), in " + target
			if op, ok := productOp(d); ok {
				line += ": " + op.Promote
				if op.Command != "" {
					line += ". Run: `" + op.Command + "`"
				}
				st.Links = append(st.Links, Link{Title: d.Addr.String() + ": " + productRef(d), URL: op.Source})
			} else {
				line += ": promote its replica there to primary"
				if src := productSource(d); src != "" {
					st.Links = append(st.Links, Link{Title: d.Addr.String() + ": " + productRef(d), URL: src})
				}
			}
			st.Do = append(st.Do, line+".")
		}
		for _, d := range moves {
			st.Do = append(st.Do, "Move the home of "+d.Addr.String()+"'s records homed in "+from+" to "+target+" (partition_key "+d.Block.PartitionKey+"); "+productRef(d)+" already takes writes there.")
		}
		for _, d := range multi {
			st.Do = append(st.Do, "Nothing to promote for "+d.Addr.String()+": it takes writes in "+strings.Join(o.Regions, ", ")+" already.")
		}
		sr.Steps = append(sr.Steps, st)
	}
	sr.Steps = append(sr.Steps, b.shift(svc, sr.From, o.Regions, r.DNSTTL))
	if regen := b.regen[svc.Addr]; len(regen) > 0 {
		st := Step{Kind: StepRegenerate}
		for _, d := range regen {
			st.Do = append(st.Do, regenerateLine(d, target))
		}
		sr.Steps = append(sr.Steps, st)
	}
	sr.Steps = append(sr.Steps, b.verify(svc, o.Regions, promote))
	sr.FailBack = b.failBack(svc, sr.From, target, promote)
}

// dataMoves sorts the data svc writes by what its failover does to each:
// promoted, restored from backups, partition homes moved, or nothing
// (it takes writes everywhere already).
func (b *builder) dataMoves(svc *planner.Service) (promote, restore, moves, multi []*planner.Data) {
	for _, d := range b.writes[svc.Addr] {
		switch {
		case d.Replication == planner.ReplicationNone:
			restore = append(restore, d)
		case svc.WriteMode == planner.WritePartitioned && d.Block.Catalog != nil && d.Block.Catalog.MultiWriter:
			moves = append(moves, d)
		case d.WriteMode == planner.WriteMultiPrimary:
			multi = append(multi, d)
		case svc.WriteMode == planner.WriteSinglePrimary || svc.WriteMode == planner.WritePartitioned:
			promote = append(promote, d)
		default:
			multi = append(multi, d)
		}
	}
	return promote, restore, moves, multi
}

// outline fills sr with what a summary shows, and no step wording: the
// outcome, the RTO, and one promote step naming what it promotes.
func (b *builder) outline(sr *ServiceRunbook, o planner.ServiceOutcome, promoted map[lang.Address]lang.Address) {
	if o.Outcome == planner.OutcomeDown {
		return
	}
	sr.RTO, sr.Bounded = o.RTO, true
	if o.Outcome != planner.OutcomeFailedOver {
		return
	}
	promote, _, _, _ := b.dataMoves(sr.Service)
	st := Step{Kind: StepPromote, Duration: o.RTO}
	for _, d := range promote {
		if _, done := promoted[d.Addr]; !done {
			promoted[d.Addr] = sr.Service.Addr
			st.Promotes = append(st.Promotes, d.Addr)
		}
	}
	sr.Steps = []Step{st}
}

func (b *builder) shift(svc *planner.Service, from, to []string, ttl time.Duration) Step {
	st := Step{Kind: StepShift, Duration: ttl, Budget: "routing.dns_ttl"}
	name := svc.Addr.String()
	policy := svc.Routing
	f, t := strings.Join(from, ", "), strings.Join(to, ", ")
	switch {
	case !svc.Block.Routing.HealthCheck:
		st.Do = append(st.Do, "Take "+f+" out of "+name+"'s DNS records by hand: its health checks are off (routing.health_check = false).")
	case policy == lang.RoutingFailover:
		st.Do = append(st.Do, "Check "+name+"'s failover record now answers with "+t+"; if not, set the secondary record to "+t+" by hand.")
	default:
		st.Do = append(st.Do, "Check "+name+"'s "+policy.String()+" routing has dropped "+f+" (health-checked); traffic goes to "+t+".")
	}
	st.Do = append(st.Do, "Wait one DNS TTL ("+dur(ttl)+") for clients to follow; do not shorten it mid-incident, resolvers keep the old answer.")
	return st
}

func (b *builder) verify(svc *planner.Service, regions []string, promoted []*planner.Data) Step {
	name := svc.Addr.String()
	st := Step{Kind: StepVerify, Do: []string{
		"Check " + alertServiceDown + " for " + name + " has resolved and " + alertRegionDown + " fires only for the lost regions.",
		"Check " + name + " serves from " + strings.Join(regions, ", ") + " with its usual error rate and latency, and has the capacity of the lost region.",
	}}
	for _, d := range promoted {
		st.Do = append(st.Do, "Write and read back a test record in "+d.Addr.String()+" in "+firstOr(regions, "the new primary")+".")
	}
	return st
}

func (b *builder) failBack(svc *planner.Service, from []string, target string, promoted []*planner.Data) []string {
	name := svc.Addr.String()
	home := strings.Join(from, ", ")
	out := []string{"Wait until " + home + " has been healthy for a while; fail back in a planned window, not during the incident."}
	for _, d := range promoted {
		if op, ok := productOp(d); ok && op.FailBack != "" {
			out = append(out, d.Addr.String()+": "+op.FailBack+".")
		} else {
			out = append(out, "Rebuild "+d.Addr.String()+" in "+home+" as a replica of "+target+", let it catch up, then switch over.")
		}
	}
	out = append(out, "Shift "+name+"'s traffic back to "+home+", then run the verify step again.")
	return out
}

// signals are the alerts that tell the on-call engineer the scenario is
// happening: the region health of the touched services, per lost region;
// the endpoints of those that go down for a while; the lag of the data at
// risk; and the probes of the dependencies it takes away or that a
// service runs a fallback for. Each signal
// lists the services (dependencies, data) it fires for.
func (b *builder) signals(s *Section) []Signal {
	var out []Signal
	// The dependencies lost: those the scenario takes away, and those
	// only its lost regions served that a service does without.
	deps := map[string]bool{}
	for _, d := range s.Dependencies {
		deps[d.Dependency.Name] = true
	}
	for _, sr := range s.Services {
		for _, t := range sr.DegradedBy {
			if t.Kind == lang.KindDependency {
				deps[t.Name] = true
			}
		}
	}
	if len(deps) > 0 {
		names := sortedKeys(deps)
		meaning := "their probes fail: their callers run their fallbacks, or go down."
		if len(names) == 1 {
			meaning = "its probe fails: its callers run their fallbacks, or go down."
		}
		out = append(out, Signal{Alert: alertDependencyDown, Match: "dependency", Values: names,
			After: b.a.DetectionTime, Meaning: meaning})
	}
	byRegion := map[string][]string{}
	var regions, down []string
	for _, sr := range s.Services {
		for _, r := range sr.From {
			if _, ok := byRegion[r]; !ok {
				regions = append(regions, r)
			}
			byRegion[r] = append(byRegion[r], sr.Service.Addr.Name)
		}
		if sr.Outcome == planner.OutcomeFailedOver || sr.Outcome == planner.OutcomeDown {
			down = append(down, sr.Service.Addr.Name)
		}
	}
	sort.Strings(regions)
	for _, r := range regions {
		names := byRegion[r]
		sort.Strings(names)
		out = append(out, Signal{Alert: alertRegionDown, Labels: []Label{{"region", r}}, Match: "service", Values: names,
			After: b.a.DetectionTime, Meaning: "health checks fail in " + r + "."})
	}
	if len(down) > 0 {
		sort.Strings(down)
		out = append(out, Signal{Alert: alertServiceDown, Match: "service", Values: down,
			After: b.a.DetectionTime, Meaning: "users cannot reach them: the recovery clock runs."})
	}
	var lagging []string
	for _, e := range s.Exposed {
		if e.Data.Replication != planner.ReplicationNone && e.Data.Counts {
			lagging = append(lagging, e.Data.Addr.Name)
		}
	}
	if len(lagging) > 0 {
		out = append(out, Signal{Alert: alertLagCritical, Match: "data", Values: lagging, After: lagFor,
			Meaning: "if it was firing before the loss, more than the RPO of that data may be gone."})
	}
	return out
}

func objectiveRTO(s *planner.Service) time.Duration {
	if s.Objective.HasRTO {
		return s.Objective.RTO
	}
	return 0
}

func promotionBudget(r planner.RTO) string {
	switch {
	case r.Promotion == 0:
		return "nothing to wait for"
	case r.PromotionFrom != "":
		return r.PromotionFrom + " failover time"
	}
	return "default_promotion_time"
}

func productRef(d *planner.Data) string {
	if d.Block.Catalog != nil {
		return d.Block.Catalog.Ref()
	}
	return d.Block.Product
}

func productOp(d *planner.Data) (*providers.Operation, bool) {
	if d.Block.Catalog == nil {
		return nil, false
	}
	return providers.ProductOperation(d.Block.Catalog.Ref())
}

// productSource is the catalog page of d's product, for products with no
// operations entry.
func productSource(d *planner.Data) string {
	c := d.Block.Catalog
	if c == nil {
		return ""
	}
	for _, k := range []string{"failover", "replication", "scope"} {
		if u := c.Sources[k]; strings.HasPrefix(u, "https://") {
			return u
		}
	}
	return ""
}

func containsGuard(gs []planner.Guard, g planner.Guard) bool {
	for _, x := range gs {
		if x == g {
			return true
		}
	}
	return false
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// regenerateLine says how to bring back a data class that is rebuilt, not
// replicated, in the words of its kind of store.
func regenerateLine(d *planner.Data, target string) string {
	name := d.Addr.String() + " (" + productRef(d) + ")"
	kind := providers.ProductKind("")
	if d.Block.Catalog != nil {
		kind = d.Block.Catalog.Kind
	}
	switch kind {
	case providers.KindCache:
		return "Let " + name + " warm up in " + target + ": it is not replicated, so expect misses and more load on what it caches; anything kept only there (sessions) is re-issued."
	case providers.KindQueue:
		return "Start producers on " + name + " in " + target + ": it is not replicated; messages still queued in the lost region wait there, so check consumers tolerate gaps."
	case providers.KindIdentity:
		return "Re-issue " + name + " in " + target + ": it is not replicated; users may have to sign in again."
	}
	return "Rebuild " + name + " in " + target + ": it is not replicated, it is regenerated."
}
