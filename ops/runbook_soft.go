package ops

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// lostDependencies lists the dependencies a scenario takes away: the one
// a dependency scenario is about; those on a lost provider's products; and
// those present only in regions the scenario loses.
func (b *builder) lostDependencies(s *Section) []LostDependency {
	if b.p.Module == nil || len(s.Lost) == 0 && s.Domain != lang.DomainDependency {
		return nil
	}
	lost := map[string]bool{}
	for _, r := range s.Lost {
		lost[r] = true
	}
	var out []LostDependency
	for _, d := range b.p.Module.Dependencies {
		if d == nil {
			continue
		}
		switch s.Domain {
		case lang.DomainDependency:
			if d.Name != s.Targets[0] {
				continue
			}
		default:
			onProvider := s.Domain == lang.DomainProvider && d.Catalog != nil && d.Catalog.Provider == s.Targets[0]
			// Where the planner has it, from its regions or its catalog
			// scope: lost when every one of them is. A global dependency
			// is not lost with the module's regions, only cut off.
			present := b.p.Graph.Present(d.Addr())
			only := !d.Global && len(present) > 0
			for _, r := range present {
				only = only && lost[r]
			}
			if !onProvider && !only {
				continue
			}
		}
		ld := LostDependency{Dependency: d}
		if d.Catalog != nil {
			ld.Product = d.Catalog.Ref()
		}
		if b.callers == nil {
			b.callers = dependencyCallers(b.p)
		}
		for _, svc := range b.callers[d.Name] {
			ld.Callers = append(ld.Callers, svc.Addr)
		}
		sort.Slice(ld.Callers, func(i, j int) bool { return ld.Callers[i].Less(ld.Callers[j]) })
		out = append(out, ld)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dependency.Name < out[j].Dependency.Name })
	return out
}

// fallbacks says how svc does without each of the soft calls' targets the
// scenario takes down: the call block's fallback, else the dependency's,
// and the call's scope.
func (b *builder) fallbacks(svc *planner.Service, targets []lang.Address) []Fallback {
	var out []Fallback
	for _, t := range targets {
		f := Fallback{To: t}
		if c := svc.Block.Call(t); c != nil {
			if c.Fallback != "" {
				f.Text, f.Source = c.Fallback, "call"
			}
			for _, a := range c.Audiences {
				f.Audiences = append(f.Audiences, a.Addr)
			}
			f.Partition = c.Partition
		}
		if f.Text == "" && t.Kind == lang.KindDependency {
			if d := dependency(b.p, t.Name); d != nil && d.Fallback != "" {
				f.Text, f.Source = d.Fallback, "dependency"
			}
		}
		out = append(out, f)
	}
	return out
}

// scopeWords names the requests a scoped call serves: "from
// audience.international (30% of users), of partition "eu-cell"", or ""
// for a call every request makes.
func (b *builder) scopeWords(f Fallback) string {
	var parts []string
	if len(f.Audiences) > 0 {
		var names []string
		for _, a := range f.Audiences {
			w := a.String()
			if au := b.audience(a.Name); au != nil && au.Share > 0 {
				w += " (" + strconv.FormatFloat(math.Round(au.Share*1000)/10, 'f', -1, 64) + "% of users)"
			}
			names = append(names, w)
		}
		parts = append(parts, "from "+strings.Join(names, ", "))
	}
	if f.Partition != "" {
		parts = append(parts, "of partition "+strconv.Quote(f.Partition))
	}
	return strings.Join(parts, ", ")
}

func (b *builder) audience(name string) *lang.Audience {
	if b.p.Module == nil {
		return nil
	}
	for _, a := range b.p.Module.Audiences {
		if a != nil && a.Name == name {
			return a
		}
	}
	return nil
}

// downSignal is the alert that says a soft call's target is down: the
// dependency's probe, or the service's endpoint.
func downSignal(t lang.Address) string {
	if t.Kind == lang.KindDependency {
		return Signal{Alert: alertDependencyDown, Match: "dependency", Values: []string{t.Name}}.Selector()
	}
	return Signal{Alert: alertServiceDown, Match: "service", Values: []string{t.Name}}.Selector()
}

// fallbackSteps switch svc to what it does without each lost target: the
// declared fallback, or, for a scoped call with none, telling the users
// whose requests fail. They take none of the RTO: the service serves
// throughout.
func (b *builder) fallbackSteps(sr *ServiceRunbook) []Step {
	svc := sr.Service
	name := svc.Addr.String()
	st := Step{Kind: StepFallback}
	var failing []string
	engages := false
	for _, f := range sr.Fallbacks {
		scope := b.scopeWords(f)
		from := "its call block"
		if f.Source == "dependency" {
			from = f.To.String() + "'s own"
		}
		switch {
		case f.Text != "" && scope != "":
			st.Do = append(st.Do, "Switch "+name+"'s calls to "+f.To.String()+" to the fallback ("+from+", for requests "+scope+" only; no other request calls it): "+strconv.Quote(f.Text)+".")
			engages = true
		case f.Text != "":
			st.Do = append(st.Do, "Switch "+name+"'s calls to "+f.To.String()+" to the fallback ("+from+"): "+strconv.Quote(f.Text)+".")
			engages = true
		default:
			st.Do = append(st.Do, "Requests "+scope+" fail: they need "+f.To.String()+" and have no fallback. Every other request of "+name+" keeps working.")
			failing = append(failing, scope)
		}
	}
	if engages {
		st.Do = append(st.Do, "If the fallback does not engage by itself (circuit breaker, feature flag), switch it by hand; check "+name+" logs fallbacks, not errors.")
	}
	out := []Step{st}
	if len(failing) > 0 {
		comm := Step{Kind: StepCommunicate}
		who := "Tell the users whose requests fail, those " + strings.Join(failing, "; ")
		if c := svc.Block.Compensation; c != "" {
			comm.Do = append(comm.Do, who+"; apply the compensation plan: "+c)
		} else {
			comm.Do = append(comm.Do, who+" on the status page; the module gives "+name+" no compensation plan.")
		}
		out = append(out, comm)
	}
	return out
}

// fallbackFailBack returns svc from its fallbacks once their targets are
// back.
func (b *builder) fallbackFailBack(sr *ServiceRunbook) []string {
	name := sr.Service.Addr.String()
	var out []string
	for _, f := range sr.Fallbacks {
		back := "When " + f.To.String() + " is back (`" + downSignal(f.To) + "` resolves), "
		if f.Text != "" {
			out = append(out, back+"return "+name+"'s calls to it from the fallback, and work off what the fallback deferred (queued or retried requests).")
		} else {
			out = append(out, back+"check the requests "+b.scopeWords(f)+" succeed again, then lift the notice.")
		}
	}
	return out
}

// degraded writes the runbook of a service that keeps serving from its
// regions while soft calls' targets are down: confirm what is down, switch
// to the fallbacks, verify. Nothing fails over, and the plan counts no
// recovery time.
func (b *builder) degraded(sr *ServiceRunbook, o planner.ServiceOutcome) {
	svc := sr.Service
	name := svc.Addr.String()
	sr.RTO, sr.Bounded, sr.Automatic = o.RTO, true, true
	sr.DegradedBy = o.DegradedBy
	sr.Fallbacks = b.fallbacks(svc, o.DegradedBy)
	det := Step{Kind: StepDetect}
	var lost []string
	for _, t := range o.DegradedBy {
		det.Do = append(det.Do, "Confirm "+t.String()+" is down: `"+downSignal(t)+"` fires.")
		lost = append(lost, t.String())
	}
	sr.Steps = append(sr.Steps, det)
	sr.Steps = append(sr.Steps, b.fallbackSteps(sr)...)
	sr.Steps = append(sr.Steps, Step{Kind: StepVerify, Do: []string{
		"Check " + name + " keeps serving from " + strings.Join(o.Regions, ", ") + ": " + alertServiceDown + " stays quiet for it, and its errors rise only on the calls to " + strings.Join(lost, ", ") + ".",
	}})
	sr.FailBack = b.fallbackFailBack(sr)
}

// withFallbacks adds, to a service that is rerouted or fails over while
// soft calls' targets are down too, the switch to its fallbacks before it
// is verified, and the return from them to its fail-back. They take none
// of the RTO.
func (b *builder) withFallbacks(sr *ServiceRunbook, o planner.ServiceOutcome) {
	if len(o.DegradedBy) == 0 {
		return
	}
	sr.DegradedBy = o.DegradedBy
	sr.Fallbacks = b.fallbacks(sr.Service, o.DegradedBy)
	steps := b.fallbackSteps(sr)
	n := len(sr.Steps)
	if n > 0 && sr.Steps[n-1].Kind == StepVerify {
		sr.Steps = append(sr.Steps[:n-1], append(steps, sr.Steps[n-1])...)
	} else {
		sr.Steps = append(sr.Steps, steps...)
	}
	sr.FailBack = append(sr.FailBack, b.fallbackFailBack(sr)...)
}
