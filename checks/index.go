package checks

import (
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/internal/diag"
	"github.com/mrplan/mrplan/lang"
	"github.com/mrplan/mrplan/planner"
)

// index is what several checks look up in the plan, built once per run and
// shared, read-only, by checks running at the same time: without it each
// check would rebuild its own maps, or binary-search the plan per edge.
type index struct {
	svcByName  map[string]int32 // plan service index by name
	dataByName map[string]int32 // plan data index by name
	// Subjects are the addresses as findings name them, per plan service
	// and data class, so that the findings about one block share a string.
	svcSubject  []string
	dataSubject []string
}

// index returns the run's index, building it on first use.
func (ctx *Context) index() *index {
	ctx.once.Do(func() { ctx.idx = newIndex(ctx.Plan) })
	return ctx.idx
}

func newIndex(p *planner.Plan) *index {
	x := &index{}
	if p == nil {
		return x
	}
	x.svcByName = make(map[string]int32, len(p.Services))
	x.svcSubject = make([]string, len(p.Services))
	for i, s := range p.Services {
		x.svcByName[s.Addr.Name] = int32(i)
		x.svcSubject[i] = s.Addr.String()
	}
	x.dataByName = make(map[string]int32, len(p.Data))
	x.dataSubject = make([]string, len(p.Data))
	for i, d := range p.Data {
		x.dataByName[d.Addr.Name] = int32(i)
		x.dataSubject[i] = d.Addr.String()
	}
	return x
}

// service returns the index in the plan of the service named name, or -1.
func (x *index) service(name string) int {
	if i, ok := x.svcByName[name]; ok {
		return int(i)
	}
	return -1
}

// dataClass returns the index in the plan of the data class named name, or -1.
func (x *index) dataClass(name string) int {
	if i, ok := x.dataByName[name]; ok {
		return int(i)
	}
	return -1
}

// collector collects one check's findings. Ranges are allocated a block at
// a time: a large module yields tens of thousands of findings, and one
// allocation per range is most of what they cost.
type collector struct {
	info   Info
	out    []diag.Diagnostic
	ranges []hcl.Range
}

func newCollector(i Info) *collector { return &collector{info: i} }

// add files a finding of the check about subject (an address's String),
// pointing at rng, and returns it for a caller that adjusts it.
func (f *collector) add(subject string, rng hcl.Range, summary, detail string) *diag.Diagnostic {
	if len(f.ranges) == cap(f.ranges) {
		f.ranges = make([]hcl.Range, 0, min(max(2*cap(f.ranges), 16), 1024))
	}
	f.ranges = append(f.ranges, rng)
	f.out = append(f.out, diag.Diagnostic{
		Severity: f.info.Severity,
		Rule:     f.info.ID,
		RuleName: f.info.Name,
		Subject:  subject,
		Summary:  summary,
		Detail:   detail,
		Fix:      f.info.Fix,
		Range:    &f.ranges[len(f.ranges)-1],
	})
	return &f.out[len(f.out)-1]
}

// onceIndex is embedded in Context: the lazily built index, safe to ask
// for from checks running in parallel.
type onceIndex struct {
	once sync.Once
	idx  *index
}

// subjectOf is a's String, shared with the plan's index when a is a
// planned service or data class.
func (x *index) subjectOf(a lang.Address) string {
	switch a.Kind {
	case lang.KindService:
		if i := x.service(a.Name); i >= 0 {
			return x.svcSubject[i]
		}
	case lang.KindData:
		if i := x.dataClass(a.Name); i >= 0 {
			return x.dataSubject[i]
		}
	}
	return a.String()
}
