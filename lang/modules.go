package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// evalCalls loads and evaluates the scope's module calls, each after the
// calls whose outputs its inputs read, and sets module.NAME to each one's
// outputs.
func (l *loader) evalCalls(s *scope, order []*Local) {
	for _, c := range l.callOrder(s) {
		if c.Source == "" {
			continue
		}
		ctx := s.context()
		if c.ForEach == nil && c.Count == nil {
			if out, ok := l.callInstance(s, c, "", ctx); ok {
				s.modVals[c.Name] = out
			}
			l.evalLocals(s, order, false)
			continue
		}
		e := &expansion{forEach: c.ForEach != nil, count: c.Count != nil}
		switch {
		case c.ForEach != nil && c.Count != nil:
			rng := c.Count.NameRange
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Invalid combination of \"count\" and \"for_each\"",
				Detail:   "A module call may have count or for_each, not both.",
				Subject:  &rng,
			})
			continue
		case c.ForEach != nil:
			if !l.forEachKeys(s, e, c.ForEach, ctx) {
				continue
			}
		default:
			if !l.countKeys(s, e, c.Count, ctx) {
				continue
			}
		}
		outs := map[string]cty.Value{}
		var list []cty.Value
		for i, k := range e.keys {
			ictx := ctx.NewChild()
			if e.forEach {
				ictx.Variables = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": k, "value": e.values[i]})}
			} else {
				ictx.Variables = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": k})}
			}
			out, ok := l.callInstance(s, c, instanceName("", k), ictx)
			if !ok {
				out = cty.DynamicVal
			}
			if e.forEach {
				outs[k.AsString()] = out
			} else {
				list = append(list, out)
			}
		}
		if e.forEach {
			s.modVals[c.Name] = cty.ObjectVal(outs)
		} else {
			s.modVals[c.Name] = cty.TupleVal(list)
		}
		l.evalLocals(s, order, false)
	}
}

// callInstance loads one instance of a module call (key "" for a call
// without for_each or count), its inputs evaluated in ctx, and returns its
// outputs.
func (l *loader) callInstance(s *scope, c *ModuleCall, key string, ctx *hcl.EvalContext) (cty.Value, bool) {
	child := l.childScope(s, c, key)
	if child == nil {
		return cty.DynamicVal, false
	}
	var inst *expansion
	if key != "" {
		inst = &expansion{forEach: c.ForEach != nil, count: c.Count != nil}
	}
	for _, a := range sortedAttrs(c.Inputs) {
		if !l.checkNames(s, a.Expr, inst) {
			continue
		}
		v, diags := a.Expr.Value(ctx)
		l.diags = append(l.diags, diags...)
		if diags.HasErrors() {
			v = cty.DynamicVal
		}
		rng := a.Expr.Range()
		child.inputs[a.Name] = inputValue{value: v, from: "module " + c.Name, rng: &rng}
	}
	l.loadScope(child)
	l.checkInputs(child)
	l.evaluate(child)
	return l.evalOutputsValue(child), true
}

// evalOutputsValue is module.NAME: the child's outputs as one object.
func (l *loader) evalOutputsValue(child *scope) cty.Value {
	vals := map[string]cty.Value{}
	for _, o := range child.outputs {
		vals[o.Name] = o.Value
	}
	return cty.ObjectVal(vals)
}

// callOrder orders module calls so that a call comes after those whose
// outputs its inputs read; calls that read each other are reported.
func (l *loader) callOrder(s *scope) []*ModuleCall {
	byName := map[string]*ModuleCall{}
	for _, c := range s.calls {
		byName[c.Name] = c
	}
	state := map[string]int{}
	var out []*ModuleCall
	var visit func(c *ModuleCall, path []string)
	visit = func(c *ModuleCall, path []string) {
		state[c.Name] = 1
		path = append(path, "module."+c.Name)
		for _, a := range sortedAttrs(c.Inputs) {
			for _, t := range a.Expr.Variables() {
				if t.RootName() != "module" || len(t) < 2 {
					continue
				}
				attr, ok := t[1].(hcl.TraverseAttr)
				if !ok {
					continue
				}
				dep := byName[attr.Name]
				if dep == nil {
					continue
				}
				switch state[dep.Name] {
				case 0:
					visit(dep, path)
				case 1:
					rng := t.SourceRange()
					l.diags = append(l.diags, &hcl.Diagnostic{
						Severity: hcl.DiagError,
						Summary:  "Cycle in module calls",
						Detail:   fmt.Sprintf("These module calls read each other's outputs: %s → module.%s. Break the cycle.", strings.Join(path, " → "), dep.Name),
						Subject:  &rng,
					})
				}
			}
		}
		state[c.Name] = 2
		out = append(out, c)
	}
	for _, c := range s.calls {
		if state[c.Name] == 0 {
			visit(c, nil)
		}
	}
	return out
}

// childScope makes the scope a call loads, or reports why it cannot: its
// directory is missing, outside the root module's tree, already being
// loaded above it, or too deep.
func (l *loader) childScope(s *scope, c *ModuleCall, key string) *scope {
	rng := c.SourceRange
	fail := func(summary, detail string) *scope {
		l.diags = append(l.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: &rng})
		return nil
	}
	dir := filepath.Join(s.dir, filepath.FromSlash(c.Source))
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fail("Invalid module source", err.Error()+".")
	}
	rootAbs := s.root.dirs[0]
	if rel, err := filepath.Rel(rootAbs, abs); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fail("Module source outside the root module",
			fmt.Sprintf("The module source %q leads to %s, outside the root module's directory %s. A child module must live inside the root module's tree, so that the whole configuration is in one repository.", c.Source, dir, s.root.dir))
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		if rootReal, err := filepath.EvalSymlinks(rootAbs); err == nil {
			if rel, err := filepath.Rel(rootReal, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return fail("Module source outside the root module",
					fmt.Sprintf("The module source %q leads through a symbolic link to %s, outside the root module's directory.", c.Source, real))
			}
		}
	}
	for i, d := range s.dirs {
		if d == abs {
			chain := []string{}
			for j := s; j != nil && len(chain) < len(s.dirs)-i; j = j.parent {
				if j.call != nil {
					chain = append([]string{"module." + j.call.Name}, chain...)
				}
			}
			chain = append(chain, "module."+c.Name)
			return fail("Module cycle",
				fmt.Sprintf("The module source %q is a module that is already being loaded above this call (%s), so loading it would never end.", c.Source, strings.Join(chain, " → ")))
		}
	}
	if l.calls >= MaxModuleInstances {
		if l.calls == MaxModuleInstances {
			l.calls++
			return fail("Too many module instances", fmt.Sprintf("The module loads more than %d module instances in all, counting every copy that count and for_each make at every depth. Repeat blocks inside a module instead.", MaxModuleInstances))
		}
		return nil
	}
	if s.depth+1 > MaxModuleDepth {
		return fail("Modules nested too deeply", fmt.Sprintf("Module calls may nest at most %d deep.", MaxModuleDepth))
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fail("Module not found", fmt.Sprintf("There is no module directory %s (from source %q).", dir, c.Source))
	}
	if key != "" {
		inst := *c // each instance is a call of its own in Module.Calls
		c = &inst
	}
	l.calls++
	child := newScope(dir)
	child.parent, child.root, child.call, child.depth = s, s.root, c, s.depth+1
	child.prefix = s.prefix + "module." + c.Name + key + "."
	child.dirs = append(append([]string(nil), s.dirs...), abs)
	c.Dir = dir
	c.Path = child.path()
	l.mod.Calls = append(l.mod.Calls, c)
	return child
}

// loadScope reads, parses and decodes a child module's files into the
// module under the child's prefix.
func (l *loader) loadScope(child *scope) {
	files, err := l.overlay.moduleFiles(child.dir)
	rng := child.call.SourceRange
	if err != nil || len(files) == 0 {
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "No module files",
			Detail:   fmt.Sprintf("The module directory %s has no *.mr.hcl or *.mr.json file.", child.dir),
			Subject:  &rng,
		})
		return
	}
	parent := l.cur
	l.cur = child
	l.mergeFiles(loadFiles(child.dir, l.mod.Registry, files, l.opts, nil, child.prefix, l.overlay))
	l.cur = parent
}

// checkInputs reports inputs the child does not declare and required
// variables the call omits.
func (l *loader) checkInputs(child *scope) {
	c := child.call
	var names []string
	for _, v := range child.variables {
		names = append(names, v.Name)
	}
	for _, a := range sortedAttrs(c.Inputs) {
		if child.variable(a.Name) == nil {
			rng := a.NameRange
			l.diags = append(l.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unsupported argument",
				Detail:   fmt.Sprintf("The module %q (%s) has no variable %q.%s", c.Name, c.Source, a.Name, didYouMean(a.Name, names, "")),
				Subject:  &rng,
			})
			delete(child.inputs, a.Name)
		}
	}
	var missing []string
	for _, v := range child.variables {
		if _, set := c.Inputs[v.Name]; !set && v.Required() {
			missing = append(missing, v.Name)
		}
	}
	sort.Strings(missing)
	for _, name := range missing {
		rng := c.DeclRange
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Missing required argument",
			Detail:   fmt.Sprintf("The module %q (%s) has a variable %q without a default, so the call must set %s = ….", c.Name, c.Source, name, name),
			Subject:  &rng,
		})
	}
}
