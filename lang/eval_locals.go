package lang

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// localOrder orders the scope's locals so that each comes after those it
// reads, reporting every cycle by the locals in it. Locals in a cycle are
// left out (their value stays unknown).
func (l *loader) localOrder(s *scope) []*Local {
	byName := map[string]*Local{}
	for _, lc := range s.locals {
		byName[lc.Name] = lc
	}
	const (
		unseen = iota
		visiting
		done
	)
	state := map[string]int{}
	var order []*Local
	var stack []string
	var visit func(lc *Local)
	visit = func(lc *Local) {
		state[lc.Name] = visiting
		stack = append(stack, lc.Name)
		for _, dep := range localDeps(s, lc.Expr) {
			d, ok := byName[dep]
			if !ok {
				continue
			}
			switch state[dep] {
			case unseen:
				visit(d)
			case visiting:
				i := len(stack) - 1
				for stack[i] != dep {
					i--
				}
				cycle := append(append([]string(nil), stack[i:]...), dep)
				for j := range cycle {
					cycle[j] = "local." + cycle[j]
				}
				rng := d.NameRange
				l.diags = append(l.diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Cycle in local values",
					Detail:   fmt.Sprintf("These local values read each other, so none of them has a value: %s. Break the cycle.", strings.Join(cycle, " → ")),
					Subject:  &rng,
				})
				for _, n := range stack[i:] {
					state[n] = done // reported once; not ordered
				}
			}
		}
		stack = stack[:len(stack)-1]
		if state[lc.Name] == visiting {
			state[lc.Name] = done
			order = append(order, lc)
		}
	}
	for _, lc := range s.locals {
		if state[lc.Name] == unseen {
			visit(lc)
		}
	}
	// A local in a cycle was marked done without being ordered: it and
	// what reads it stay unknown.
	return order
}

// localDeps lists the locals an expression reads, in order.
func localDeps(s *scope, e hcl.Expression) []string {
	var out []string
	for _, t := range s.vars(e) {
		if t.RootName() != "local" || len(t) < 2 {
			continue
		}
		if a, ok := t[1].(hcl.TraverseAttr); ok {
			out = append(out, a.Name)
		}
	}
	return out
}

// evalLocals evaluates the locals in order. A local that reads only
// variables and such locals is stable: evaluated once, on the first pass,
// with its problems reported. The others are evaluated again on each pass
// as block references and module outputs become known; only the last
// pass (report) reports their problems.
func (l *loader) evalLocals(s *scope, order []*Local, report bool) {
	first := s.localVals == nil
	if first {
		s.localVals = map[string]cty.Value{}
		for _, lc := range s.locals {
			s.localVals[lc.Name] = cty.DynamicVal
		}
		s.stable = map[string]bool{}
	}
	// Locals are evaluated a level at a time, those of one level (which
	// read only locals of lower levels) on all cores: a module's locals
	// are often many independent maps.
	for _, level := range localLevels(s, order) {
		type result struct {
			lc     *Local
			stable bool
			v      cty.Value
			diags  hcl.Diagnostics
			skip   bool
		}
		var todo []*result
		for _, lc := range level {
			if !s.stable[lc.Name] {
				todo = append(todo, &result{lc: lc, stable: first && l.stableLocal(s, lc)})
			}
		}
		if len(todo) == 0 {
			continue
		}
		ctx := s.context()
		eval := func(r *result) {
			loud := report || r.stable
			if loud {
				tmp := &loader{decoder: &decoder{}}
				if !tmp.checkNames(s, r.lc.Expr, nil) {
					r.diags, r.skip = tmp.diags, true
					return
				}
				r.diags = tmp.diags
			}
			v, diags := r.lc.Expr.Value(ctx)
			if loud {
				r.diags = append(r.diags, diags...)
			}
			if diags.HasErrors() {
				v = cty.DynamicVal
			}
			r.v = v
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		for range max(1, min(l.opts.workers(), len(todo))) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(todo) {
						return
					}
					eval(todo[i])
				}
			}()
		}
		wg.Wait()
		for _, r := range todo {
			l.diags = append(l.diags, r.diags...)
			s.stable[r.lc.Name] = r.stable
			if r.skip {
				continue
			}
			s.localVals[r.lc.Name] = r.v
			r.lc.Value = r.v
		}
	}
	s.context()
}

// localLevels groups locals in order by level: a local's level is one
// more than the highest of the locals it reads (locals in a cycle, left
// out of order, do not count).
func localLevels(s *scope, order []*Local) [][]*Local {
	level := make(map[string]int, len(order))
	var out [][]*Local
	for _, lc := range order {
		n := 0
		for _, dep := range localDeps(s, lc.Expr) {
			if d, ok := level[dep]; ok && d+1 > n {
				n = d + 1
			}
		}
		level[lc.Name] = n
		for len(out) <= n {
			out = append(out, nil)
		}
		out[n] = append(out[n], lc)
	}
	return out
}

// stableLocal reports whether a local reads only variables, functions and
// stable locals, so that its value cannot change between passes.
func (l *loader) stableLocal(s *scope, lc *Local) bool {
	for _, t := range s.vars(lc.Expr) {
		switch t.RootName() {
		case "var":
		case "local":
			if len(t) < 2 {
				return false
			}
			a, ok := t[1].(hcl.TraverseAttr)
			if !ok || !s.stable[a.Name] {
				return false
			}
		default:
			return false
		}
	}
	return true
}
