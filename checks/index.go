package checks

import (
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/diag"
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
	for i, s := range p.Services {
		x.svcByName[s.Addr.Name] = int32(i)
	}
	x.dataByName = make(map[string]int32, len(p.Data))
	for i, d := range p.Data {
		x.dataByName[d.Addr.Name] = int32(i)
	}
	x.svcSubject = subjects(len(p.Services), func(i int) lang.Address { return p.Services[i].Addr })
	x.dataSubject = subjects(len(p.Data), func(i int) lang.Address { return p.Data[i].Addr })
	return x
}

// subjects returns the String of each of n addresses, as substrings of
// one string: one allocation, not one per address.
func subjects(n int, addr func(int) lang.Address) []string {
	size := 0
	for i := range n {
		a := addr(i)
		size += len(a.Kind.String()) + 1 + len(a.Name) + len("module.")
	}
	var b strings.Builder
	b.Grow(size)
	ends := make([]int, n)
	for i := range n {
		a := addr(i)
		if strings.HasPrefix(a.Name, "module.") { // module.cell.service.db
			b.WriteString(a.String())
		} else {
			b.WriteString(a.Kind.String())
			b.WriteByte('.')
			b.WriteString(a.Name)
		}
		ends[i] = b.Len()
	}
	all := b.String()
	out := make([]string, n)
	start := 0
	for i, end := range ends {
		out[i], start = all[start:end], end
	}
	return out
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

// collector collects one check's findings, in blocks that are never
// moved: a large module yields tens of thousands of findings, and a slice
// grown by append would copy them over and over. Ranges are allocated a
// block at a time too, rather than one allocation each.
type collector struct {
	info   Info
	chunks [][]diag.Diagnostic
	ranges []hcl.Range
	n      int
}

func newCollector(i Info) *collector { return &collector{info: i} }

// add files a finding of the check about subject (an address's String),
// pointing at rng, and returns it for a caller that adjusts it; the
// pointer stays valid.
func (f *collector) add(subject string, rng hcl.Range, summary, detail string) *diag.Diagnostic {
	if len(f.ranges) == cap(f.ranges) {
		f.ranges = make([]hcl.Range, 0, min(max(2*cap(f.ranges), 16), 1024))
	}
	f.ranges = append(f.ranges, rng)
	last := len(f.chunks) - 1
	if last < 0 || len(f.chunks[last]) == cap(f.chunks[last]) {
		size := 16
		if last >= 0 {
			size = min(2*cap(f.chunks[last]), 4096)
		}
		f.chunks = append(f.chunks, make([]diag.Diagnostic, 0, size))
		last++
	}
	f.chunks[last] = append(f.chunks[last], diag.Diagnostic{
		Severity: f.info.Severity,
		Rule:     f.info.ID,
		RuleName: f.info.Name,
		Subject:  subject,
		Summary:  summary,
		Detail:   detail,
		Fix:      f.info.Fix,
		Range:    &f.ranges[len(f.ranges)-1],
	})
	f.n++
	return &f.chunks[last][len(f.chunks[last])-1]
}

// diagnostics returns the findings in one slice.
func (f *collector) diagnostics() []diag.Diagnostic {
	if f.n == 0 {
		return nil
	}
	out := make([]diag.Diagnostic, 0, f.n)
	for _, c := range f.chunks {
		out = append(out, c...)
	}
	return out
}

// collecting is a check that files its findings in a collector; Run hands
// it one, and joins its blocks of findings without a copy per check.
type collecting interface {
	Check
	collect(ctx *Context, out *collector)
}

// collectAll is Run for a collecting check.
func collectAll(c collecting, ctx *Context) []diag.Diagnostic {
	out := newCollector(c.Info())
	c.collect(ctx, out)
	return out.diagnostics()
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
