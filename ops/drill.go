package ops

import (
	"sort"
	"strings"
	"time"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// DrillStatus is how a service's last failover drill stands.
type DrillStatus int

const (
	DrillNever   DrillStatus = iota + 1 // no failover_drill recorded
	DrillOverdue                        // older than failover_drill_max_age
	DrillDue                            // still counts; due again on Due
)

var drillStatusNames = []string{"", "never", "overdue", "due"}

func (s DrillStatus) String() string {
	if s < 0 || int(s) >= len(drillStatusNames) {
		return "DrillStatus(?)"
	}
	return drillStatusNames[s]
}

// Drill is the next failover drill of one tier 0 or 1 service.
type Drill struct {
	Service *planner.Service
	Last    *time.Time
	// Due is when the drill must run: the last drill plus
	// failover_drill_max_age, or Today when it is never or overdue.
	Due    time.Time
	Status DrillStatus
	// MaxAge is failover_drill_max_age: how long a drill counts.
	MaxAge time.Duration
	// Scenario names the runbook section to exercise: the loss of the
	// primary's zone, region or country, as far as the objective's
	// survive scope reaches.
	Scenario string
}

// BuildDrills lists the drill schedule of p's tier 0 and 1 services that
// run in more than one region, sorted by due date then service.
func BuildDrills(p *planner.Plan, rb *Runbook, today time.Time) []Drill {
	maxAge := p.Assumptions.FailoverDrillMaxAge
	var out []Drill
	for _, s := range p.Services {
		if s.Tier > 1 || len(s.Regions) < 2 {
			continue
		}
		d := Drill{Service: s, Last: s.Block.FailoverDrill, MaxAge: maxAge, Scenario: drillScenario(p, rb, s)}
		switch {
		case d.Last == nil:
			d.Status, d.Due = DrillNever, today
		case today.Sub(*d.Last) > maxAge:
			d.Status, d.Due = DrillOverdue, today
		default:
			d.Status, d.Due = DrillDue, d.Last.Add(maxAge)
		}
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Due.Equal(out[j].Due) {
			return out[i].Due.Before(out[j].Due)
		}
		return out[i].Service.Addr.Less(out[j].Service.Addr)
	})
	return out
}

// drillScenario is the widest failure the service must survive, at its
// primary: the scenario whose runbook the drill proves.
func drillScenario(p *planner.Plan, rb *Runbook, s *planner.Service) string {
	want := s.Objective.Survive
	if want == 0 {
		want = lang.DomainRegion
	}
	var zone, region, country string
	for _, sc := range p.Scenarios {
		switch sc.Domain {
		case lang.DomainZone:
			if zone == "" && sc.Region == s.Primary {
				zone = sc.Name()
			}
		case lang.DomainRegion:
			if sc.Target == s.Primary {
				region = sc.Name()
			}
		case lang.DomainCountry:
			if country == "" && containsStr(sc.Lost, s.Primary) {
				country = sc.Name()
			}
		}
	}
	pick := region
	switch {
	case want == lang.DomainZone && zone != "":
		pick = zone
	case want == lang.DomainCountry && country != "":
		pick = country
	}
	if sec, ok := rb.Find(pick); ok {
		return sec.Name()
	}
	return pick
}

// GameDay is the script of one drill: a scenario played on purpose.
type GameDay struct {
	Section *Section
	// Services are the tier 0 and 1 services the drill is for (those whose
	// next drill is this scenario), or every service the section touches
	// when the scenario was asked for by name.
	Services []*ServiceRunbook
	Inject   []string
	Observe  []string
	Pass     []string
	Abort    []string
}

// BuildGameDay writes the game-day script of section sec of rb, for the
// services in only (all the section touches when only is empty).
func BuildGameDay(rb *Runbook, sec *Section, only map[lang.Address]bool) *GameDay {
	rb.Fill(sec)
	p := rb.Plan
	g := &GameDay{Section: sec}
	for _, sr := range sec.Services {
		if len(only) == 0 || only[sr.Service.Addr] {
			g.Services = append(g.Services, sr)
		}
	}
	a := p.Assumptions
	targets := strings.Join(sec.Targets, ", ")
	g.Inject = append(g.Inject, "Announce the drill in the incident channel; tag every action with the drill's name.")
	switch {
	case sec.Domain == lang.DomainDependency:
		// The dependency itself is blackholed below.
	case sec.Domain == lang.DomainProvider:
		g.Inject = append(g.Inject, "Isolate every region of "+sec.Targets[0]+" ("+strings.Join(sec.Lost, ", ")+"): deny all traffic to and from the services' networks there, and from the other providers' regions to "+sec.Targets[0]+"'s endpoints, the way a provider-wide outage looks from outside it.")
	case len(sec.Lost) == 0:
		g.Inject = append(g.Inject, "Isolate one zone of "+sec.Region+" ("+sec.Targets[0]+"): deny all traffic to and from the subnets of that zone (network ACL), or stop its instances.")
	default:
		g.Inject = append(g.Inject, "Isolate "+strings.Join(sec.Lost, ", ")+": deny all traffic to and from the services' networks there (network ACLs or security groups), the way a region outage looks to the other regions.")
	}
	// Dependencies that only the lost regions serve are blackholed too:
	// the drill must show the callers do without them.
	deps := map[string]bool{}
	for _, sr := range g.Services {
		for _, r := range sr.Service.Block.DependsOn {
			if r.Addr.Kind != lang.KindDependency {
				continue
			}
			d := dependency(p, r.Addr.Name)
			if d == nil || d.Global || len(d.Regions) == 0 {
				continue
			}
			only := true
			for _, reg := range d.Regions {
				only = only && containsStr(sec.Lost, reg.Addr.Name)
			}
			if only {
				deps[r.Addr.String()] = true
			}
		}
	}
	for _, d := range sec.Dependencies {
		if !deps[d.Addr().String()] {
			g.Inject = append(g.Inject, "Blackhole "+d.Addr().String()+": make its names resolve to nothing, or deny egress to it from every region.")
		}
	}
	for _, d := range sortedKeys(deps) {
		g.Inject = append(g.Inject, "Blackhole "+d+", which only "+strings.Join(sec.Lost, ", ")+" serves: make its names resolve to nothing, or deny egress to it from every region.")
	}

	for _, sig := range sec.Signals {
		if sig.Alert == alertLagCritical {
			g.Observe = append(g.Observe, "`"+sig.Selector()+"`: note whether it was firing when the drill began; the lag then bounds the writes the drill loses.")
			continue
		}
		g.Observe = append(g.Observe, "`"+sig.Selector()+"` fires within "+dur(sig.After+time.Minute)+": "+sig.Meaning)
	}
	g.Observe = append(g.Observe, "Each runbook step's start and end time, against its expected duration (see the runbook of "+sec.Name()+").")

	for _, sr := range g.Services {
		name := sr.Service.Addr.String()
		switch {
		case !sr.Bounded:
			g.Pass = append(g.Pass, name+" is down as the plan says ("+strings.Join(sr.Cause, " → ")+"), and its compensation plan runs.")
		case sr.Outcome == planner.OutcomeDegraded:
			var lost []string
			for _, f := range sr.Fallbacks {
				lost = append(lost, f.To.String())
			}
			g.Pass = append(g.Pass, name+" keeps serving from "+strings.Join(sr.To, ", ")+" without "+strings.Join(lost, ", ")+": its endpoint probe never fails, and it logs its fallbacks, not errors.")
		default:
			line := name + " serves from " + strings.Join(sr.To, ", ") + " within " + dur(sr.RTO) + " (the plan's RTO)"
			if sr.Objective > 0 {
				line += ", and never later than its objective of " + dur(sr.Objective)
			}
			g.Pass = append(g.Pass, line+".")
			if sr.Service.Objective.HasRPO && sr.Service.RPOFrom != nil {
				g.Pass = append(g.Pass, name+" loses at most "+dur(sr.Service.Objective.RPO)+" of writes (its RPO objective): compare the last write acknowledged in "+strings.Join(sr.From, ", ")+" with the newest in "+firstOr(sr.To, "the new primary")+".")
			}
		}
	}
	g.Pass = append(g.Pass, "No "+alertOverRTO+" alert fires.")

	longest := time.Duration(0)
	for _, sr := range g.Services {
		limit := sr.Objective
		if limit == 0 {
			limit = sr.RTO
		}
		if limit > longest {
			longest = limit
		}
	}
	if longest == 0 {
		longest = a.DetectionTime
	}
	undo := "To abort: remove the isolation (" + targets + ") and every blackhole, in the reverse order they were added."
	if sec.Domain == lang.DomainDependency {
		undo = "To abort: remove the blackhole of dependency." + targets + "."
	}
	g.Abort = []string{
		"Abort when " + alertOverRTO + " fires, when real users' error rate passes the error budget, or after " + dur(longest) + " without recovery.",
		undo,
		"Then follow the fail-back of each service that failed over, and record what failed in the drill's notes.",
		"Either way, record the date in failover_drill of each service drilled.",
	}
	return g
}

// GameDays writes the game-day scripts of the drill schedule: one per
// scenario that is some service's next drill, for those services, in the
// runbook's order.
func GameDays(rb *Runbook, drills []Drill) []*GameDay {
	byScenario := map[string]map[lang.Address]bool{}
	for _, d := range drills {
		if byScenario[d.Scenario] == nil {
			byScenario[d.Scenario] = map[lang.Address]bool{}
		}
		byScenario[d.Scenario][d.Service.Addr] = true
	}
	var out []*GameDay
	for _, sec := range rb.Sections {
		if only, ok := byScenario[sec.Name()]; ok {
			out = append(out, BuildGameDay(rb, sec, only))
		}
	}
	return out
}

func dependency(p *planner.Plan, name string) *lang.Dependency {
	if p.Module == nil {
		return nil
	}
	for _, d := range p.Module.Dependencies {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// Selector writes the signal as a PromQL selector of its alert:
// MrplanServiceRegionDown{region="us-east-1",service=~"cart|orders"}.
func (s Signal) Selector() string {
	parts := make([]string, 0, len(s.Labels)+1)
	for _, l := range s.Labels {
		parts = append(parts, l.Name+`="`+l.Value+`"`)
	}
	switch len(s.Values) {
	case 0:
	case 1:
		parts = append(parts, s.Match+`="`+s.Values[0]+`"`)
	default:
		parts = append(parts, s.Match+`=~"`+strings.Join(s.Values, "|")+`"`)
	}
	return s.Alert + "{" + strings.Join(parts, ",") + "}"
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func firstOr(list []string, or string) string {
	if len(list) > 0 {
		return list[0]
	}
	return or
}
