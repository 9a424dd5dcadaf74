package planner

import (
	"math"
	"strconv"
	"strings"

	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/providers"
)

// composeAvailability sets each service's composed availability: its own
// regions are redundant (1 − (1 − a)^n for n regions), and it is in series
// with each hard dependency, composed the same way (the product). A
// region's and a global service's availability are assumptions. Cycles
// count each node once.
func (p *planner) composeAvailability() {
	g := p.out.Graph
	if g == nil {
		return
	}
	ra := p.a.RegionAvailability / 100
	ga := p.a.GlobalAvailability / 100
	memo := map[lang.Address]float64{}
	visiting := map[lang.Address]bool{}
	own := func(a lang.Address) float64 {
		if prod := p.productOf(a); prod != nil && prod.Scope == providers.ScopeGlobal {
			return ga
		}
		if d := p.m.Dependency(a.Name); a.Kind == lang.KindDependency && d != nil && d.Global {
			return ga
		}
		n := len(g.Present(a))
		if n == 0 {
			n = 1
		}
		return 1 - math.Pow(1-ra, float64(n))
	}
	var compose func(a lang.Address) float64
	compose = func(a lang.Address) float64 {
		if v, ok := memo[a]; ok {
			return v
		}
		if visiting[a] {
			return 1 // a cycle: the node is counted where the walk entered it
		}
		visiting[a] = true
		v := own(a)
		for _, e := range g.From(a) {
			if e.Hard && e.Kind != EdgeOwner {
				v *= compose(e.To)
			}
		}
		visiting[a] = false
		memo[a] = v
		return v
	}
	for _, s := range p.out.Services {
		s.Availability = compose(s.Addr) * 100
		terms := []string{"own " + strconv.Itoa(max(1, len(g.Present(s.Addr)))) + " regions " + pct(own(s.Addr)*100)}
		for _, e := range g.From(s.Addr) {
			if e.Hard && e.Kind != EdgeOwner {
				terms = append(terms, e.To.String()+" "+pct(compose(e.To)*100))
			}
		}
		s.add(because(DecideAvailability, AvailabilityComposed, strings.Join(terms, " × "), pct(s.Availability)))
		if t := s.Objective.Availability; t != nil && s.Availability < *t {
			s.Notes = append(s.Notes, Note{Kind: NoteAvailabilityShort, Attr: "objective",
				Range: attrRange(s.Block.Attrs, "objective", s.Block.DeclRange), Args: []string{pct(s.Availability), pct(*t)}})
		}
	}
}

// pct prints a percentage with the nines that matter: 99.95%, 99.9999%.
func pct(v float64) string {
	s := strconv.FormatFloat(math.Floor(v*1e4)/1e4, 'f', -1, 64)
	return s + "%"
}
